import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// `sitegen check` decides from upper bounds whether a page's bulletins can reach a limit. The
/// bounds must never be below what the bulletins really are, and check must report what build does.
final class BulletinPreflightTests: XCTestCase {
    static let pages: [String: String] = [
        "content/kk/ref.md": """
            ---
            title: "Сілтемелер №5"
            description: "Бір сілтеме бірнеше рет."
            ---
            [бір][r], [екі][r], [үш][r] және www.egov.kz, <https://egov.kz/a>, [бет](/kk/ref/) 🙂🙂.

            > [!WARNING]
            > egov-kz.com және `EgovKzBot2.0` — жалған; info@egov-kz.com жазбаңыз.

            ```known-fakes
            ```

            ```official-links
            ```

            - [ ] **бір** _екі_ ~~үш~~ `төрт`

            [r]: https://egov.kz/cms/kk/a/very/long/path/that/is/written/at/every/use
            """,
        "content/kk/plain.md": "---\ntitle: Қысқа\n---\nМәтін.\n",
        // One definition, its address written out at each of 30 uses.
        "content/kk/reuse.md": "---\ntitle: Қайта\n---\n" + String(repeating: "[а][r] ", count: 30)
            + "\n\n[r]: https://egov.kz/cms/kk/a/very/long/path/that/is/written/at/every/use\n",
        // Blocks nested under items, indented deeper than the source (tabs) writes them.
        "content/kk/nested.md": "---\ntitle: Ішкі\n---\n- a\n" + (1...8).map { String(repeating: "\t", count: $0) + "- b\n" }.joined()
            + String(repeating: String(repeating: "\t", count: 8) + "- c\n", count: 20),
        // Relative addresses resolve against a deep page path.
        "content/kk/a-very-long-folder-name-for-relative-links/deep.md": "---\ntitle: Терең\n---\n"
            + String(repeating: "[x](#a) ", count: 20) + "\n",
        // Relative addresses that carry an absolute one in their query: resolved against the page too.
        "content/kk/a-very-long-folder-name-for-relative-links/query.md": "---\ntitle: Сұрау\n---\n"
            + String(repeating: "[x](?next=https://egov.kz/a) [y](./?to=https://egov.kz/b) ", count: 20) + "\n",
        // Mentions written as character references, and many small tables.
        "content/kk/entities.md": "---\ntitle: Белгілер\n---\n" + String(repeating: "&#64;Kenes1414Bot ", count: 10) + "\n\n"
            + String(repeating: "| a |\n|---|\n| b |\n\n", count: 10),
        // Text right after a link, which the bulletin keeps a space apart from the address.
        "content/kk/glued.md": "---\ntitle: Жалғау\n---\n" + String(repeating: "[а](https://t.me/Kenes1414Bot)-ға <https://egov.kz/>x ", count: 20) + "\n",
        // Bare names written again with their scheme.
        "content/kk/bare.md": "---\ntitle: Жалаң\n---\n" + String(repeating: "www.egov.kz ", count: 30) + "\n",
    ]

    static let config = Fixture.defaultConfig.replacingOccurrences(
        of: "fake: [EgovKzBot2.0, Kenes1414_Bot]\n  fake_domains: [egov-kz.com]", with: """
        fake:
              - name: EgovKzBot2.0
                reported: 2020-04-14
                description: { kk: "Жалған бот", ru: "Поддельный бот" }
          fake_domains:
            - name: egov-kz.com
              description: { kk: "Жалған сайт", ru: "Поддельный сайт" }
        """) + """
        official:
          - url: "https://42500.enbek.kz/"
            title: { kk: "42500.enbek.kz", ru: "42500.enbek.kz" }
            description: { kk: "Өтінім беру сайты", ru: "Сайт подачи заявок" }

        """

    func testBoundsAreNeverBelowTheBulletins() throws {
        let f = try Fixture(config: Self.config, files: Self.pages)
        for source in [f.root, Fixture.repository] {
            let (setup, d) = SiteSetup.load(BuildOptions(sourceDirectory: source))
            let s = try XCTUnwrap(setup, "\(d)")
            let preflight = BulletinPreflight(maker: s.bulletins)
            for file in s.loader.contentFiles().files {
                let page = try XCTUnwrap(s.loader.load(file).0)
                let checked = s.checker.check(page)
                assertNoErrors(checked.diagnostics)
                let bounds = BulletinPreflight.Bounds(page: page, checked: checked, added: preflight.added[page.language]!,
                                                      baseURL: s.config.baseURL)
                let (made, _) = s.bulletins.make(page, document: checked.document, edits: checked.edits,
                                                 channels: [.telegram, .sms])
                let telegram = try XCTUnwrap(made.first { $0.channel == .telegram })
                XCTAssertEqual(telegram.parts.count, 1, file)
                let measure = TelegramMeasure(html: telegram.parts[0])
                XCTAssertGreaterThanOrEqual(bounds.telegramUnits, measure.units, file)
                XCTAssertGreaterThanOrEqual(bounds.telegramEntities, measure.entities, file)
                // The shortest SMS the page can have: its title and a link.
                let sms = try XCTUnwrap(made.first { $0.channel == .sms }).parts[0]
                let shortest = sms.split(separator: "\n").first.map { $0.utf16.count + 1 } ?? 0
                    + sms.split(separator: "\n").last.map(\.utf16.count)!
                XCTAssertGreaterThanOrEqual(bounds.smsUnits, shortest, file)
            }
        }
    }

    func testCheckReportsTheBulletinErrorsABuildWould() throws {
        let long = String(repeating: "өте ұзақ сөз ", count: 400)
        let title = String(repeating: "Хабар ", count: 40)
        let tabs = String(repeating: "\t", count: 9)
        let f = try Fixture(files: [
            "content/kk/item.md": "---\ntitle: Ұзақ\n---\n- \(long)\n",
            "content/kk/sms.md": "---\ntitle: \"\(title)\"\n---\nМәтін.\n",
            "content/kk/nested.md": "---\ntitle: Ішкі\n---\n- a\n" + (1...9).map { String(repeating: "\t", count: $0) + "- b\n" }.joined()
                + String(repeating: tabs + "- c\n", count: 250),
            "content/kk/mentions.md": "---\ntitle: Белгілер\n---\n- " + String(repeating: "&#64;Kenes1414Bot ", count: 101) + "\n",
        ])
        let check = f.build(checkOnly: true).diagnostics.filter { $0.code.hasPrefix("bulletin.") }
        let build = f.build().diagnostics.filter { $0.code.hasPrefix("bulletin.") }
        XCTAssertEqual(check.map(DiagnosticFormatter.line), build.map(DiagnosticFormatter.line))
        assertDiagnostic(check, code: "bulletin.telegram", line: 4, column: 1, file: "content/kk/item.md")
        assertDiagnostic(check, code: "bulletin.sms", line: 2, column: 9, file: "content/kk/sms.md")
        XCTAssertTrue(check.contains { $0.file == "content/kk/nested.md" }, "\(check)")
        XCTAssertTrue(check.contains { $0.file == "content/kk/mentions.md" && $0.message.contains("101 formatting entities") }, "\(check)")
    }
    /// A page whose text alone is longer than 999 Telegram messages is refused before its bulletins
    /// are laid out; the bound must never be above what the Telegram text really is, or a page that
    /// fits would be refused.
    func testTheTextBoundIsNeverAboveTheTelegramText() throws {
        let f = try Fixture(config: Self.config, files: Self.pages)
        for source in [f.root, Fixture.repository] {
            let (setup, d) = SiteSetup.load(BuildOptions(sourceDirectory: source))
            let s = try XCTUnwrap(setup, "\(d)")
            for file in s.loader.contentFiles().files {
                let page = try XCTUnwrap(s.loader.load(file).0)
                let checked = s.checker.check(page)
                let doc = BulletinReader(page: page, config: s.config, strings: s.strings, edits: checked.edits,
                                         typeset: TypesetText(page, document: checked.document, edits: checked.edits),
                                         texts: s.bulletins.texts).read(checked.document)
                let (made, _) = s.bulletins.make(page, document: checked.document, edits: checked.edits, channels: [.telegram])
                let telegram = try XCTUnwrap(made.first, file)
                let units = telegram.parts.reduce(0) { $0 + TelegramMeasure(html: $1).units }
                XCTAssertGreaterThan(doc.textUnitsAtLeast, 0, file)
                XCTAssertLessThanOrEqual(doc.textUnitsAtLeast, units, file)
            }
        }
    }

    func testAPageLongerThanAThousandMessagesIsRefusedWithWhatToDo() throws {
        // 4.1 million UTF-16 units of text: more than 999 messages of 4,085.
        let paragraph = String(repeating: "Өтінімді тек ресми порталда беріңіз. ", count: 100) + "\n\n"
        let page = "---\ntitle: Ұзақ\n---\n" + String(repeating: paragraph, count: 1_120)
        let f = try Fixture(files: ["content/kk/long.md": page])
        for checkOnly in [true, false] {
            let found = f.build(checkOnly: checkOnly).diagnostics.filter { $0.code == "bulletin.telegram" }
            XCTAssertEqual(found.count, 1, "\(found)")
            let message = found.first?.message ?? ""
            XCTAssertTrue(message.contains("at least") && message.contains("999") && message.contains("bulletin: false"), message)
        }
        XCTAssertNil(f.output("kk/long/index.html"))
    }
}
