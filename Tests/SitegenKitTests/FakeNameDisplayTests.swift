import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// A fake's name is shown as written only when no client would make it clickable; everything a browser
/// or Telegram could link stays defanged. TDLib is the judge for Telegram.
final class FakeNameDisplayTests: XCTestCase {
    static let unlinkable = ["EgovKzBot2.0", "Kenes1414_Bot", "EgovKzBot", "egov-bot-2", "Bot2.0.1", "a.b", "Egov.Kz.Bot2.0"]
    static let linkable = [
        "egov-kz.com", "EgovKz.bot", "egov.kz", "www.egovkz", "@fake_bot", "fake_bot@egov-kz.com", "https://x.kz",
        "1.2.3.4", "EgovKzBot2.0.kz", "form.zip", "app.ton", "xn--80ak6aa92e.com", "егов.қаз", "EgovKzBot2.0/start",
        "#tag@bot", "$USD@bot", "name:8080", "", "Egov Bot", "EgovKzBot2․0",
    ]

    func testNamesNoClientLinksAreShownAsWritten() {
        for name in Self.unlinkable { XCTAssertTrue(FakeNameDisplay.isUnlinkable(name), name) }
        for name in Self.linkable { XCTAssertFalse(FakeNameDisplay.isUnlinkable(name), name) }
        XCTAssertEqual(FakeNameDisplay.messenger("EgovKzBot2.0"), "EgovKzBot2.0")
        XCTAssertEqual(FakeNameDisplay.messenger("egov-kz.com"), "egov-kz[.]com")
        XCTAssertEqual(FakeNameDisplay.messenger("@fake_bot"), "[@]fake_bot")
    }

    func testTheTextAroundANameCounts() {
        func at(_ text: String, _ name: String) -> Bool {
            let start = text.utf8.count - text.components(separatedBy: name).dropFirst().joined(separator: name).utf8.count - name.utf8.count
            return FakeNameDisplay.isUnlinkable(at: start..<(start + name.utf8.count), in: text)
        }
        XCTAssertTrue(at("Іздеуге EgovKzBot2.0 деп жазсаңыз", "EgovKzBot2.0"))
        XCTAssertFalse(at("адрес EgovKzBot2.0.kz", "EgovKzBot2.0"), "a domain goes on after the name")
        XCTAssertFalse(at("https://t.me/EgovKzBot2.0", "EgovKzBot2.0"), "inside an address")
        XCTAssertFalse(at("info@EgovKzBot2.0.com", "EgovKzBot2.0"))
    }

    /// TDLib's getTextEntities finds nothing clickable in a name shown as written, alone or in sentences,
    /// and finds something in each linkable name that has a Latin top-level domain, a scheme or an @.
    func testTDLibLinksNothingShownAsWritten() throws {
        let contexts = ["%@", "Бот %@ — жалған.", "(%@).", "«%@», ", "Search %@ in Telegram"]
        let texts = Self.unlinkable.flatMap { name in contexts.map { $0.replacingOccurrences(of: "%@", with: name) } }
        let found = try TDLibOracle.entities(texts)
        for (text, entities) in zip(texts, found) {
            XCTAssertEqual(entities.filter { TDLibOracle.isClickable($0, in: text) }.map(\.type), [], text)
        }
        let tdlibLinks = ["egov-kz.com", "EgovKz.bot", "@fake_bot", "fake_bot@egov-kz.com", "https://x.kz", "1.2.3.4", "app.ton"]
        let linked = try TDLibOracle.entities(tdlibLinks)
        for (name, entities) in zip(tdlibLinks, linked) {
            XCTAssertFalse(entities.filter { TDLibOracle.isClickable($0, in: name) }.isEmpty, "TDLib links \(name)")
            XCTAssertFalse(FakeNameDisplay.isUnlinkable(name), name)
        }
    }

    func testPagesAndBulletinsShowTheNameAsWrittenAndDefangTheRest() throws {
        let f = try Fixture(files: [
            "content/kk/fakes.md": """
                ---
                title: "Жалғандар"
                ---

                > [!WARNING]
                > Іздеуде `EgovKzBot2.0` және EgovKzBot2.0 шығады, egov-kz.com сайты да жалған.

                """,
        ])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/fakes/index.html"))
        let shown = "<span class=\"fake-name\" translate=\"no\"><span class=\"visually-hidden\">жалған: </span>EgovKzBot2.0</span>"
        XCTAssertTrue(html.contains("<code>" + shown + "</code>"), html)
        XCTAssertEqual(html.components(separatedBy: shown).count - 1, 2)
        XCTAssertTrue(html.contains("<span class=\"defanged\" translate=\"no\">egov-kz[.]com</span>"))
        XCTAssertFalse(html.contains("href=\"https://egov-kz"))
        XCTAssertFalse(html.contains("EgovKzBot2[.]0"))
        let text = try XCTUnwrap(f.output("bulletins/kk/fakes/text.txt"))
        XCTAssertTrue(text.contains("EgovKzBot2.0") && text.contains("egov-kz[.]com"), text)
        let telegram = try XCTUnwrap(f.output("bulletins/kk/fakes/telegram.html"))
        let entities = try TDLibOracle.parse(html: [telegram])[0]
        let plain = entities.text ?? ""
        XCTAssertTrue(plain.contains("EgovKzBot2.0"))
        // The only thing TDLib links is the page's own address on the last line.
        XCTAssertEqual((entities.auto ?? []).filter { TDLibOracle.isClickable($0, in: plain) }.map { TDLibOracle.text(of: $0, in: plain) },
                       ["https://example.kz/kk/fakes/"])
    }
}

/// A fake's name in a warning, where typography, an image's description or a table of contents meet it.
final class FakeNameSurroundingsTests: XCTestCase {
    /// Quotes around a name close as they open: the name is text the reader sees, not a gap.
    func testQuotesAroundANameCloseAfterIt() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> Іздеуде \"EgovKzBot2.0\" және \"`EgovKzBot2.0`\" шығады.\n")
        assertNoErrors(d)
        let page = try XCTUnwrap(html)
        let aside = try XCTUnwrap(page.range(of: "<aside").map { String(page[$0.lowerBound...]) })
        XCTAssertEqual(aside.components(separatedBy: "«").count - 1, 2, aside)
        XCTAssertEqual(aside.components(separatedBy: "»").count - 1, 2, aside)
        XCTAssertFalse(aside.contains("„"), "no quote opens a second level: \(aside)")
    }

    /// An image's description is plain text: a code span with a name in it is its text, never markup.
    func testACodeSpanWithANameInAnImageDescriptionIsText() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> ![Бот `EgovKzBot2.0` суреті](/favicon.ico)\n")
        assertNoErrors(d)
        let page = try XCTUnwrap(html)
        let alt = try XCTUnwrap(page.components(separatedBy: "alt=\"").dropFirst().first?.components(separatedBy: "\"").first)
        XCTAssertEqual(alt, "Бот EgovKzBot2.0 суреті")
    }

    /// A heading in a warning names the fake; the table of contents, outside the warning, does not,
    /// whether the name is text or an image's description.
    func testTheTableOfContentsNeverNamesAFake() throws {
        let (html, d) = try Fixture.render("""
            ## Бірінші

            ## Екінші

            > [!WARNING]
            > ## Жалған EgovKzBot2.0 боты
            >
            > ## Суреттегі ![EgovKzBot2.0](/favicon.ico) бот

            """)
        assertNoErrors(d)
        let page = try XCTUnwrap(html)
        let toc = try XCTUnwrap(page.components(separatedBy: "<nav class=\"toc\"").dropFirst().first?.components(separatedBy: "</nav>").first)
        XCTAssertTrue(toc.contains("Екінші"), toc)
        XCTAssertFalse(toc.lowercased().contains("egovkzbot"), toc)
    }
}
