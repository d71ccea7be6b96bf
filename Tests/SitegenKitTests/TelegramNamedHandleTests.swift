import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// A handle written after a Telegram host and a colon or a backslash (`t.me:/EvilBot`). Telegram links
/// only the host, and a reader who sees the rest goes to the handle it names (a browser opens
/// `https://t.me:/EvilBot` as `https://t.me/EvilBot`): such a handle is judged as `t.me/EvilBot` is,
/// and an official one is to be written in the plain form.
final class TelegramNamedHandleTests: XCTestCase {
    static let forms = ["t.me:/EvilBot", "t.me://EvilBot", "t.me:EvilBot", "t.me\\EvilBot", "T.ME:/EvilBot",
                        "telegram.dog:/EvilBot", "telegram.me://EvilBot",
                        // The host's trailing dot; colons and slashes drawn otherwise; a mention glued on;
                        // spaces around the colon and the slash.
                        "t.me./EvilBot", "t.me.:/EvilBot", "t.me\u{2236}EvilBot", "t.me\u{A789}/EvilBot", "t.me\u{02D0}EvilBot",
                        "t.me\u{2044}EvilBot", "t.me\u{29F5}EvilBot", "t.me@EvilBot", "t.me :/EvilBot",
                        "t.me: /EvilBot", "t.me:/ EvilBot", "t.me /EvilBot", "t.me :EvilBot", "t.me.: /EvilBot",
                        // A host in mixed case; a name across emphasis, which a bulletin prints joined.
                        "T.Me//EvilBot", "t.me :/**EvilBot**", "t.me /*EvilBot*"]

    /// What the app makes of these forms: at most the host is a link, and no entity opens the handle.
    func testTelegramLinksAtMostTheHostOfTheseForms() throws {
        let found = try TDLibOracle.entities(Self.forms)
        for (text, entities) in zip(Self.forms, found) {
            let linked = entities.filter { TDLibOracle.isClickable($0, in: text) }.map { TDLibOracle.text(of: $0, in: text) }
            XCTAssertLessThanOrEqual(linked.count, 1, "\(text): \(linked)")
            XCTAssertFalse(linked.contains { $0.lowercased().contains("evilbot") }, "\(text): \(linked)")
        }
    }

    /// An unknown handle so written is refused where the host starts, as `t.me/EvilBot` is.
    func testAnUnknownHandleAfterTheHostIsRefused() throws {
        for form in Self.forms {
            let d = try Fixture.check("Жазыңыз: \(form) деп.\n")
            LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 10, messageContains: "EvilBot")
        }
    }

    /// The official handle is reached too, but not by a form the app links: the plain one is asked for.
    func testTheOfficialHandleIsToBeWrittenPlainly() throws {
        let d = try Fixture.check("Бот: t.me:/Kenes1414Bot\n")
        LinkPolicyAssert.onlyError(d, code: "text.url", line: 4, column: 6, messageContains: "https://t.me/Kenes1414Bot")
    }

    /// An invite so written is refused as an invite; a port is still a port; the host alone, a time
    /// before it and a colon at the end of a sentence are not handles.
    func testInvitesPortsAndPlainColonsKeepTheirReading() throws {
        LinkPolicyAssert.onlyError(try Fixture.check("Топ: t.me:/+AbCdEf123\n"), code: "telegram.invite", line: 4, column: 6)
        LinkPolicyAssert.onlyError(try Fixture.check("Бот: t.me:80/EvilBot\n"), code: "text.url", line: 4, column: 6,
                                   messageContains: "port")
        // Telegram's hosts named in prose are judged as hosts (below): allowed here, so what is left to see is
        // that no handle is read after them.
        let allowing = Fixture.defaultConfig.replacingOccurrences(
            of: "- coronavirus2020.kz\n", with: "- coronavirus2020.kz\n    - t.me\n    - telegram.me\n    - telegram.dog\n")
        LinkPolicyAssert.noErrors(try Fixture.check("Telegram сайты: t.me: онда @Kenes1414Bot бар. Уақыт 10:30, t.me.\n", config: allowing))
        for prose in ["Сайттар: egov.kz, t.me: бәрі ресми.", "Telegram (t.me): ресми бот @Kenes1414Bot", "t.me:төменде қараңыз",
                      "- t.me: @Kenes1414Bot", "Сілтемелер: t.me / egov.kz", "«t.me»-ге кіріңіз", "Сағат 10\u{2236}30-да.",
                      "Домен t.me—Telegram-ның қысқа домені.", "Бот (t.me,@Kenes1414Bot) жауап береді.", "Домендер: t.me,telegram.me,telegram.dog.",
                      "Telegram домендері: «t.me»/«telegram.me».", "Домен t.me(Telegram) ресми.", "Ресми арна: t.me/s/Kenes1414Bot.",
                      "Домен t.me / **egov.kz** емес."] {
            LinkPolicyAssert.noErrors(try Fixture.check(prose + "\n", config: allowing))
        }
    }

    /// Telegram's host alone is a link to Telegram's front page in every messenger: not on the allow-list,
    /// it is refused like any other host, in any case, and the message names the bot's address to write.
    func testTelegramsHostAloneIsJudgedAgainstTheAllowList() throws {
        for (prose, host, column) in [("Ботты t.me ішінен іздеңіз.", "t.me", 7), ("Немесе T.ME, немесе telegram.dog.", "T.ME", 8),
                                      ("Мекенжай: telegram.me", "telegram.me", 11)] {
            let d = try Fixture.check(prose + "\n")
            let errors = d.filter { $0.severity == .error }
            XCTAssertFalse(errors.isEmpty, prose)
            XCTAssertTrue(errors.allSatisfy { $0.messageID == "text.domain.telegram-host" || $0.code == "text.email" }, "\(prose): \(errors)")
            XCTAssertEqual(errors.first?.column, column, prose)
            XCTAssertTrue(errors.contains { $0.message.contains("https://t.me/Kenes1414Bot") }, "\(prose): \(errors)")
            XCTAssertTrue(errors.contains { $0.message.lowercased().contains(host.lowercased()) }, "\(prose): \(errors)")
        }
        // An address at the host (autolinked as an e-mail address) is refused as a link.
        XCTAssertFalse(try Fixture.check("Хат: support@t.me\n").filter { $0.severity == .error }.isEmpty)
        // The bot's address itself, and the word, pass.
        LinkPolicyAssert.noErrors(try Fixture.check("Ресми бот: https://t.me/Kenes1414Bot, Telegram-да.\n"))
    }

    /// Whatever else is glued on after the host and a separator is no form to prove: refused as not plain.
    func testAnythingElseGluedOnIsNotAPlainForm() throws {
        for form in ["t.me:/./EvilBot", "t.me:/%45vilBot", "t.me:«EvilBot»", "t.me%3A/EvilBot", "t.me|EvilBot", "t.me$EvilBot", "t.me\\=EvilBot", "t.me:/\u{0415}vilBot",
                     "t.me:/@Kenes1414Bot/../EvilBot"] {
            let d = try Fixture.check("Бот: \(form)\n")
            LinkPolicyAssert.onlyError(d, code: "text.url", line: 4, column: 6, messageContains: "plain form")
        }
    }

    /// A link whose text names a handle so is judged against its target, as `t.me/EvilBot` would be.
    func testALinkTextNamingAHandleSoMustLeadToIt() throws {
        LinkPolicyAssert.onlyError(try Fixture.check("[t.me:/EvilBot](https://egov.kz/)\n"), code: "link.text-mismatch", line: 4, column: 1)
        LinkPolicyAssert.noErrors(try Fixture.check("[t.me:/Kenes1414Bot](https://t.me/Kenes1414Bot)\n"))
    }
}
