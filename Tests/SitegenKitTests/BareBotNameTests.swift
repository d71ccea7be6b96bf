import XCTest

@testable import SitegenKit

/// A bot's user name written without `@` (`EvilKzBot ботын табыңыз`): no app links it, but a reader
/// searches Telegram for it, so it is judged as the handle it names, once, wherever it is written.
final class BareBotNameTests: XCTestCase {
    func testABotsNameWithoutAnAtIsJudgedAsItsHandleOnce() throws {
        for (text, code, line, column) in [
            ("Бот: EvilKzBot ботын табыңыз", "telegram.unknown", 4, 6),
            ("Бот: EvilKzBotқа жазбаңыз", "telegram.unknown", 4, 6),
            ("Бот: EvilKzBot-қа жазбаңыз", "telegram.unknown", 4, 6),
            ("Бот: egov_help_bot, сенбеңіз", "telegram.unknown", 4, 6),
            ("Бот: `EvilKzBot`", "telegram.unknown", 4, 7),
            ("Бот (EvilKzBot) жалған емес", "telegram.unknown", 4, 6),
            // Across formatting: the name is read with what the reader reads it with, and said once.
            ("Бот: Evil**KzBot**", "telegram.unknown", 4, 6), ("Бот: **Evil**KzBot", "telegram.unknown", 4, 8),
            ("Бот: @**EvilKzBot**", "telegram.unknown", 4, 6), ("Бот: **EvilKzBot**.com", "text.domain", 4, 8),
            ("Бот: EvilKzBot**,** жазбаңыз", "telegram.unknown", 4, 6), ("Бот: @<b>EvilKzBot</b>", "telegram.unknown", 4, 6),
            ("Бот: @ EvilKzBot", "telegram.unknown", 4, 6),
            // In lookalike letters: the name a reader types.
            ("Бот: \u{415}vilKz\u{412}\u{43E}t ботын табыңыз", "telegram.unknown", 4, 6), ("Бот: EvilKz\u{412}\u{43E}t\u{49B}\u{430}", "telegram.unknown", 4, 6),
            // Even in a warning: a name not yet listed as a fake is to be listed first.
            ("> [!WARNING]\n> EvilKzBot — жалған бот.", "telegram.unknown", 5, 3),
        ] {
            let d = LinkPolicyAssert.errors(try Fixture.check(text + "\n"))
            XCTAssertEqual(d.map { "\($0.line):\($0.column) \($0.code)" }, ["\(line):\(column) \(code)"], "\(text): \(d.map(\.message))")
        }
        // Said as written, with the handle the reader searches for and what to do.
        let d = LinkPolicyAssert.errors(try Fixture.check("Бот: EvilKzBotқа жазбаңыз\n"))
        XCTAssertTrue(d.first?.message.hasPrefix("EvilKzBot is a Telegram bot's name: a reader searches Telegram for @EvilKzBot") == true, "\(d.map(\.message))")
        XCTAssertTrue(d.first?.message.contains("links.telegram.fake") == true, "\(d.map(\.message))")
    }

    func testOfficialBotsWordsAndOtherNamesPass() throws {
        // An official bot bare or with an ending; words that end in "bot" and name none; a hashtag, a
        // path and a part of a longer name; a known fake in a warning.
        LinkPolicyAssert.noErrors(try Fixture.check(
            "Kenes1414Bot ботын ашыңыз, Kenes1414Botқа жазыңыз, Kenes1414Bot-қа. Robot, chatbot, ChatBot, Telegram-bot, bot, Abbot. "
                + "Telegram-да, WhatsApp-та, Telegramда, «WhatsApp». "
                + "#EvilKzBot хэштегі. Файл: /usr/bin/runbot.\n\n> [!WARNING]\n> EgovKzBot2.0 — жалған бот, ресмиі — Kenes1414Bot.\n"))
        // A known fake outside a warning is that fake, once.
        LinkPolicyAssert.onlyError(try Fixture.check("Бот: EgovKzBot2.0\n"), code: "text.fake", line: 4, column: 6)
    }
}
