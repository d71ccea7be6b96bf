import Foundation
import XCTest

@testable import SitegenKit

/// Cases that got through with exit 0 when the built site was replayed through TDLib: each is now
/// refused (or shown defanged), and the legitimate forms beside them still pass.
final class LinkPolicyReplayTests: XCTestCase {
    func testAHashtagNamingABotIsJudgedAsThatBot() throws {
        for (text, column) in [("Іздеңіз: #tag@evilbot", 10), ("Іздеңіз: #хэш@evilbot", 10), ("`#tag@evilbot`", 2)] {
            let d = try Fixture.check(text + "\n")
            assertDiagnostic(d, code: "telegram.unknown", line: 4, column: column)
        }
        assertNoErrors(try Fixture.check("Іздеңіз: #42500 және #tag@Kenes1414Bot\n"))
    }

    func testFakeNamesWithAnythingBetweenTheirLettersAreTheFake() throws {
        for name in ["EgovKzBot20", "EgovKz_Bot2.0", "EgovKzBot2,0", "EgovKzBot2\u{02D9}0", "EgovKzBot\u{00B2}\u{00B7}\u{2070}",
                     "EgovKzBot\u{0662}.\u{0660}", "EgovKzBot\u{FF12}.\u{FF10}"] {
            let d = try Fixture.check("Бот: \(name) деп жазылған.\n")
            assertDiagnostic(d, code: "text.fake", line: 4, column: 6)
        }
        // The official handle is never the fake whose letters it shares (`Kenes1414_Bot` is one).
        assertNoErrors(try Fixture.check("Бот: @Kenes1414Bot, Kenes1414Bot.\n"))
        assertDiagnostic(try Fixture.check("Бот: Kenes1414_Bot.\n"), code: "text.fake", line: 4, column: 6)
        // Inside a warning the whole name is shown defanged.
        let (html, d) = try Fixture.render("> [!WARNING]\n> Іздемеңіз: EgovKz_Bot2.0 жалған.\n")
        assertNoErrors(d)
        XCTAssertTrue(try XCTUnwrap(html).contains("<span class=\"defanged\" translate=\"no\">EgovKz_Bot2[.]0</span>"))
        let (dotAbove, _) = try Fixture.render("> [!WARNING]\n> Іздемеңіз: EgovKzBot2\u{02D9}0 жалған.\n")
        XCTAssertTrue(try XCTUnwrap(dotAbove).contains(">EgovKzBot2[\u{02D9}]0</span>"), dotAbove ?? "")
    }

    func testAHandleDefangedOnThePageHasItsAtBracketedToo() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> Жазбаңыз: @EgovKzBot2.0\n")
        assertNoErrors(d)
        // `@EgovKzBot2` copied from the page would be a mention of another account.
        XCTAssertTrue(try XCTUnwrap(html).contains(">[@]EgovKzBot2[.]0</span>"), html ?? "")
    }

    func testPhoneNumbersInDigitsOfOtherScriptsAreJudged() throws {
        for text in ["+\u{FF17} \u{FF17}\u{FF10}\u{FF11} \u{FF11}\u{FF12}\u{FF13} \u{FF14}\u{FF15} \u{FF16}\u{FF17}",
                     "+\u{0667} \u{0667}\u{0660}\u{0661} \u{0661}\u{0662}\u{0663} \u{0664}\u{0665} \u{0666}\u{0667}",
                     "\u{1D7D6} \u{1D7D5}\u{1D7CE}\u{1D7CF} 123 45 67"] {
            let d = try Fixture.check("Қоңырау: \(text)\n")
            assertDiagnostic(d, code: "text.phone", line: 4, column: 10)
        }
    }

    func testAnInvisibleCharacterInFrontMatterTextIsRefused() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Сынақ\"\nsms: \"Қоңырау: +7\u{200B}701\u{200B}1234567\"\n---\nМәтін\n"])
        let d = f.build(checkOnly: true).diagnostics
        assertDiagnostic(d, code: "text.invisible", line: 3, column: 18, file: "content/kk/a.md")
        assertDiagnostic(d, code: "text.phone", line: 3, column: 16, file: "content/kk/a.md")
    }

    func testAnAddressCutByPunctuationSaysWhereToEndIt() throws {
        let d = try Fixture.check("Портал: https://egov.kz/ru/…\n")
        let message = try XCTUnwrap(d.first { $0.code == "link.noncanonical" }?.message)
        XCTAssertTrue(message.contains("end the address before that character"), message)
        XCTAssertFalse(message.contains("%E2%80%A6"), message)
    }
}
