import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// WhatsApp hides `*`, `~` and `_` written around text: `\*evil\*.com` is plain text in Markdown, and
/// WhatsApp shows it as evil.com, which it links. The page check judges what WhatsApp shows, so
/// `check` refuses what `build` refuses, at the place it is written.
final class WhatsAppReadingTests: XCTestCase {
    /// Pages each hiding one address behind markers WhatsApp drops, and where the error must point.
    /// (`~~evil~~.com` and `_evil_.kz` are refused as written already, and said once.)
    static let hidden: [(name: String, text: String, line: Int, column: Int)] = [
        ("escaped", "Қараңыз: \\*evil\\*.com.\n", 4, 12),
        ("tilde", "Қараңыз: \\~\\~evil\\~\\~.com.\n", 4, 10),
        ("underscore", "Қараңыз: \\_evil\\_.kz.\n", 4, 10),
        ("across-formatting", "Қараңыз: \\*evil\\***.com**.\n", 4, 12),
        ("link-text", "[\\*evil\\*.com](https://egov.kz/)\n", 4, 4),
        ("warning", "> [!WARNING]\n> Жалған: \\*evil\\*.com.\n", 5, 13),
        ("cyrillic-around", "Сайт: қ\\*\\*evil\\*.com\n", 4, 7),
        // Telegram's spoiler marker, which an app hides in a text pasted into it and sent.
        ("spoiler", "Қараңыз: evil||.||com.\n", 4, 10),
        ("spoiler-inside", "Қараңыз: egov||.kz.evil||.com.\n", 4, 10),
    ]

    func testCheckAndBuildBothRefuseWhatWhatsAppShows() throws {
        for page in Self.hidden {
            let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\n" + page.text])
            let check = f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
            let build = f.build()
            XCTAssertFalse(build.published, page.name)
            XCTAssertNil(f.output("bulletins/kk/test/whatsapp.txt"), page.name)
            // The page check finds it, in `check` and `build` alike, where it is written.
            XCTAssertEqual(check.map(DiagnosticFormatter.line),
                           build.diagnostics.filter { $0.severity == .error && !$0.code.hasPrefix("bulletin.") }.map(DiagnosticFormatter.line),
                           page.name)
            XCTAssertTrue(check.contains { $0.code == "text.domain" && ($0.message.contains("WhatsApp") || ["tilde", "underscore"].contains(page.name)) },
                          "\(page.name): \(check.map(DiagnosticFormatter.line))")
            assertDiagnostic(check, code: "text.domain", line: page.line, column: page.column)
        }
    }

    /// The title opens every WhatsApp bulletin; the description only goes to the SMS, which hides nothing.
    func testTheTitleIsReadAsWhatsAppShowsIt() throws {
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Тест *evil*.com\"\ndescription: \"Сипаттама *evil*.com\"\n---\nМәтін.\n"])
        let check = f.build(checkOnly: true).diagnostics
        LinkPolicyAssert.onlyError(check, code: "text.domain", line: 2, column: 15, messageContains: "WhatsApp")
        XCTAssertFalse(f.build().published)
    }

    /// An `@` joined to a fake's name by hidden markers only is a mention of the fake: refused in a
    /// warning too, where the name alone is shown.
    func testAMentionOnlyWhatsAppJoinsIsRefusedInAWarning() throws {
        for written in ["@\\*EgovKzBot2.0\\*", "@\\~EgovKzBot2.0\\~", "@&#42;EgovKzBot2.0&#42;"] {
            let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: Сынақ\n---\n> [!WARNING]\n> Бот \(written) жалған.\n"])
            let check = f.build(checkOnly: true).diagnostics
            XCTAssertTrue(check.contains { $0.code == "telegram.fake" && $0.line == 5 && $0.message.contains("WhatsApp") },
                          "\(written): \(check.map(DiagnosticFormatter.line))")
            XCTAssertFalse(f.build().published, written)
        }
    }

    /// A Telegram app hides its spoiler marker `||` in a text pasted into it and sent, as it hides `**`:
    /// `@||EvilBot||` in the plain-text bulletin goes out as a mention of another bot.
    func testAMentionOnlyTelegramsSpoilerMarkersJoinIsRefused() throws {
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: Сынақ\n---\nЖалған бот: @||EvilBot||.\n"])
        LinkPolicyAssert.onlyError(f.build(checkOnly: true).diagnostics, code: "telegram.unknown", line: 4, column: 13,
                                   messageContains: "Telegram sends it when pasted")
        XCTAssertFalse(f.build().published)
        XCTAssertNil(f.output("bulletins/kk/test/text.txt"))
    }

    func testAStringOfTheConfigIsReadAsWhatsAppShowsIt() throws {
        let (f, line) = try Fixture.withOfficialDescription("Көшірмесі: *evil*.com")
        LinkPolicyAssert.onlyError(f.build(checkOnly: true).diagnostics, code: "text.domain", line: line, column: 37,
                                   file: "sitegen.yml", messageContains: "WhatsApp")
        XCTAssertFalse(f.build().published)
    }

    /// What markers hide without making an address, and a page WhatsApp never gets, pass.
    func testMarkersThatHideNoAddressPass() throws {
        let body = """
            2 \\* 3 = 6, snake\\_case, ~~сызылған~~, \\_курсив\\_, @Kenes1414Bot, https://egov.kz/~a_b/, a || b, a|b.

            > [!WARNING]
            > Жалған: \\*EgovKzBot2.0\\* және \\*egov-kz.com\\*.

            """
        let f = try Fixture(files: [
            "content/kk/test.md": "---\ntitle: Сынақ\n---\n" + body,
            "content/kk/off.md": "---\ntitle: Сынақ\nbulletin: false\n---\nҚараңыз: \\*evil\\*.com.\n",
        ])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        XCTAssertTrue(report.published)
        let whatsapp = try XCTUnwrap(f.output("bulletins/kk/test/whatsapp.txt"))
        // The fake site stays defanged in what WhatsApp shows (the bot's name is shown as written: no
        // client links it).
        XCTAssertTrue(WhatsAppReading.shown(whatsapp).contains("egov-kz[.]com"), whatsapp)
        XCTAssertFalse(WhatsAppReading.shown(whatsapp).contains("egov-kz.com"), whatsapp)
    }

    /// A known fake that only WhatsApp's reading shows is not shown defanged: refused even in a warning.
    func testAFakeOnlyWhatsAppShowsIsRefusedInAWarning() throws {
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: Сынақ\n---\n> [!WARNING]\n> Жалған: \\_egov-kz.com\\_.\n"])
        LinkPolicyAssert.onlyError(f.build(checkOnly: true).diagnostics, code: "text.fake", line: 5, column: 13, messageContains: "WhatsApp")
        XCTAssertFalse(f.build().published)
    }

    func testTheReadingMapsEveryShownByteToWhereItIsWritten() throws {
        let text = "қ*а*_б_ ~x~ snake_case"
        let (shown, offsets) = try XCTUnwrap(WhatsAppReading.reading(text))
        XCTAssertEqual(shown, "қаб x snake_case")
        XCTAssertEqual(offsets.count, shown.utf8.count + 1)
        let written = Array(text.utf8), seen = Array(shown.utf8)
        for (i, b) in seen.enumerated() { XCTAssertEqual(written[offsets[i]], b, "byte \(i)") }
        XCTAssertEqual(offsets.last, written.count)
        XCTAssertNil(WhatsAppReading.reading("snake_case және Kenes1414_Bot, a|b"))
        XCTAssertEqual(WhatsAppReading.shown("@||EvilBot|| a || b"), "@EvilBot a || b", "a last || without its pair stays")
        XCTAssertNil(WhatsAppReading.reading("egov.kz||42500.enbek.kz"), "one || is no marker")
    }
}
