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
            // After quotes, a no-break space, a dash, an emoji or `№`; after a list's number or a sentence's dot,
            // as the second of two names, before a modifier apostrophe and an ending; in fullwidth letters, quoted
            // as written; with raw HTML before a dot, once.
            ("Бот: «EvilKzBot» ботына жазбаңыз", "telegram.unknown", 4, 7), ("Бот:\u{A0}EvilKzBot", "telegram.unknown", 4, 6),
            ("Бот \u{2014}EvilKzBot", "telegram.unknown", 4, 6), ("Бот: \u{1F916}EvilKzBot", "telegram.unknown", 4, 7),
            ("Бот: \u{2116}EvilKzBot", "telegram.unknown", 4, 7), ("Боттар: 1.EvilKzBot", "telegram.unknown", 4, 11),
            ("Жазбаңыз.EvilKzBot жалған", "telegram.unknown", 4, 10), ("Бот: (Kenes1414Bot/EvilKzBot)", "telegram.unknown", 4, 20),
            ("Бот: EvilKzBot.\u{416}\u{430}\u{437}\u{431}\u{430}\u{4A3}\u{44B}\u{437}", "telegram.unknown", 4, 6),
            ("Бот: evil_kz_bot\u{2BC}\u{49B}\u{430}", "telegram.unknown", 4, 6),
            ("Бот: \u{FF25}\u{FF56}\u{FF49}\u{FF4C}\u{FF2B}\u{FF5A}\u{FF22}\u{FF4F}\u{FF54}", "telegram.unknown", 4, 6),
            ("Бот: EvilKzBot<b>.com</b>", "text.domain", 4, 6),
            // Before a bracketed word, beside a footnote's mark, after ×, in mathematical letters.
            ("Бот EvilKzBot(жалған) ботына жазбаңыз", "telegram.unknown", 4, 5), ("Бот EvilKzBot\u{B9} жалған", "telegram.unknown", 4, 5),
            ("\u{2460}EvilKzBot", "telegram.unknown", 4, 2), ("Ботты табыңыз \u{D7}EvilKzBot", "telegram.unknown", 4, 16),
            ("Бот \u{1D674}\u{1D69F}\u{1D692}\u{1D695}\u{1D67A}\u{1D6A3}\u{1D671}\u{1D698}\u{1D69D} ботына", "telegram.unknown", 4, 5),
            // In circled and squared letters; with a mark on a letter, which a reader reads past.
            ("Бот \u{24BA}\u{24E5}\u{24D8}\u{24DB}\u{24C0}\u{24E9}\u{24B7}\u{24DE}\u{24E3} ботына", "telegram.unknown", 4, 5),
            ("Бот \u{1F134}\u{1F145}\u{1F138}\u{1F13B}\u{1F13A}\u{1F149}\u{1F131}\u{1F13E}\u{1F143}", "telegram.unknown", 4, 5),
            ("Бот: EvilKzBo\u{301}t ботына", "telegram.unknown", 4, 6),
            // In script, superscript, small capital and accented letters, with circled digits inside.
            ("Бот \u{2130}\u{1D4CB}\u{1D4BE}\u{1D4C1}\u{1D4A6}\u{1D4CF}\u{212C}\u{2134}\u{1D4C9}", "telegram.unknown", 4, 5),
            ("Бот \u{1D31}\u{1D5B}\u{2071}\u{2E1}\u{1D37}\u{1DBB}\u{1D2E}\u{1D52}\u{1D57}", "telegram.unknown", 4, 5),
            ("Бот \u{1D07}\u{1D20}\u{26A}\u{29F}\u{1D0B}\u{1D22}\u{299}\u{1D0F}\u{1D1B}", "telegram.unknown", 4, 5),
            ("Бот EvilKzB\u{F3}t", "telegram.unknown", 4, 5), ("Бот Evil\u{2460}\u{2461}Bot", "telegram.unknown", 4, 5),
            ("Бот: EvilKzBo\u{1DC4}t ботына", "telegram.unknown", 4, 6),
            ("Бот EvilKzB\u{1ECD}t", "telegram.unknown", 4, 5), ("Бот Evil\u{B2}Bot", "telegram.unknown", 4, 5),
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
        let near = LinkPolicyAssert.errors(try Fixture.check("Бот: Kenes141Bot\n"))
        XCTAssertEqual(near.map(\.message).first?.hasPrefix("Kenes141Bot is a Telegram bot's name a reader searches Telegram for"), true, "\(near.map(\.message))")
        let wide = LinkPolicyAssert.errors(try Fixture.check("Бот: \u{FF25}\u{FF56}\u{FF49}\u{FF4C}\u{FF2B}\u{FF5A}\u{FF22}\u{FF4F}\u{FF54}\n"))
        XCTAssertEqual(wide.first?.message.hasPrefix("\u{FF25}\u{FF56}\u{FF49}\u{FF4C}\u{FF2B}\u{FF5A}\u{FF22}\u{FF4F}\u{FF54} is"), true, "\(wide.map(\.message))")
    }

    func testOfficialBotsWordsAndOtherNamesPass() throws {
        // An official bot bare or with an ending; words that end in "bot" and name none; a hashtag, a
        // path and a part of a longer name; a known fake in a warning.
        LinkPolicyAssert.noErrors(try Fixture.check(
            "Kenes1414Bot ботын ашыңыз, Kenes1414Botқа жазыңыз, Kenes1414Bot-қа. Robot, chatbot, ChatBot, Telegram-bot, bot, Abbot. "
                + "\u{24B6}, \u{24B7} \u{436}\u{4D9}\u{43D}\u{435} \u{24B8}; caf\u{E9}, re\u{301}sume\u{301}, Robo\u{301}t. "
                + "Telegram-да, WhatsApp-та, Telegramда, «WhatsApp». User-agent: GPTBot, ClaudeBot; iRobot, Dependabot, hisobot. "
                + "`start_bot()`, `run_bot(x)`, ~/EvilKzBot, /usr/bin/runbot, egov.kz/runbot, EvilKzBot.exe. Emotet, TrickBot, Qakbot. "
                + "#EvilKzBot хэштегі. Файл: /usr/bin/runbot.\n\n> [!WARNING]\n> EgovKzBot2.0 — жалған бот, ресмиі — Kenes1414Bot.\n"))
        // A known fake outside a warning is that fake, once.
        LinkPolicyAssert.onlyError(try Fixture.check("Бот: EgovKzBot2.0\n"), code: "text.fake", line: 4, column: 6)
    }
}
