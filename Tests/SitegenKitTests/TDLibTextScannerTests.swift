import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// Text a Telegram client links by itself is judged by the link policy, read with the client's own
/// word boundaries. Each hostile case is first shown to be linked by TDLib itself, then refused by
/// the page check at the place it is written; legitimate Kazakh and Russian text stays clean.
final class TDLibTextScannerTests: XCTestCase {
    /// (text after "Бот: ", the entity TDLib links, expected code, column of the diagnostic).
    static let hostile: [(String, String, String, Int)] = [
        ("Ⓐ@evilbot", "@evilbot", "telegram.unknown", 7),
        ("e\u{301}@evilbot жазыңыз", "@evilbot", "telegram.unknown", 8),
        ("evil.com¹", "evil.com", "text.domain", 6),
        ("evil.comª", "evil.com", "text.domain", 6),
        ("https://egov.kz/…evil.com", "evil.com", "text.domain", 23),
        ("https://egov.kz/’evil.com", "evil.com", "text.domain", 23),
        ("https://egov.kz/•evil.com", "evil.com", "text.domain", 23),
        ("https://egov.kz/‹evil.com", "evil.com", "text.domain", 23),
        ("https://egov.kz\\\\evil.com", "evil.com", "text.domain", 23),
        ("evil.ton", "evil.ton", "text.domain", 6),
        ("evil.za", "evil.za", "text.domain", 6),
        ("tg://resolve?domain=evilbot", "tg://resolve?domain=evilbot", "telegram.unknown", 6),
        ("ton://evilbot", "ton://evilbot", "text.url", 6),
        ("185.22.64.10/apply", "185.22.64.10/apply", "text.ip", 6),
        ("help@185.22.64.10", "help@185.22.64.10", "text.ip", 6),
        ("/start@evilbot", "/start@evilbot", "telegram.unknown", 6),
        ("$USD@evilbot", "$USD@evilbot", "telegram.unknown", 6),
        ("—evil.com", "—evil.com", "text.domain", 6),
        ("egov.kz:8080/apply", "egov.kz:8080/apply", "text.url", 6),
        // A letter drawn as a colon (U+02D0, U+A4FD) before an address: TDLib links it with the address.
        ("ːevil.com", "ːevil.com", "text.domain", 6),
        ("ꓽ.kz", "ꓽ.kz", "text.domain", 6),
        ("egov.kzːevil.com", "egov.kzːevil.com", "text.domain", 6),
        ("ːhttps://evil.com", "https://evil.com", "link.host", 7),
        ("ːt.me/evilbot", "ːt.me/evilbot", "text.url", 6),
    ]

    func testTDLibLinksEveryHostileCase() throws {
        let answers = try TDLibOracle.entities(Self.hostile.map { "Бот: " + $0.0.replacingOccurrences(of: "\\\\", with: "\\") })
        for (c, found) in zip(Self.hostile, answers) {
            let text = "Бот: " + c.0.replacingOccurrences(of: "\\\\", with: "\\")
            XCTAssertTrue(found.contains { TDLibOracle.text(of: $0, in: text) == c.1 }, "TDLib links \(c.1) in \(text): \(found)")
        }
    }

    func testPageCheckRefusesWhatTelegramLinks() throws {
        for (text, _, code, column) in Self.hostile {
            let d = try Fixture.check("Бот: \(text)\n")
            assertDiagnostic(d, code: code, line: 4, column: column)
        }
    }

    func testPieceOfAnAutolinkIsReportedWhereItIsWritten() throws {
        let d = try Fixture.check("Алдымен evil.com¹ оқыңыз.\n\nСілтеме https://egov.kz/…evil.com\n")
        assertDiagnostic(d, code: "text.domain", line: 4, column: 9)
        assertDiagnostic(d, code: "text.domain", line: 6, column: 26)
        // The address as written is refused too: the app ends it at the ellipsis.
        assertDiagnostic(d, code: "link.noncanonical", line: 6, column: 9)
        XCTAssertEqual(d.filter { $0.severity == .error }.count, 3, d.map(DiagnosticFormatter.line).joined(separator: "\n"))
    }

    func testEmailAddressTelegramOpensAsALinkSaysWhatToDo() throws {
        let d = try Fixture.check("Хат: жауап@egov.kz немесе help@egov.kz.\n")
        assertDiagnostic(d, code: "text.url", line: 4, column: 6)
        XCTAssertTrue(d.contains { $0.message.contains("Latin letters") }, d.map(\.message).joined(separator: "\n"))
        XCTAssertEqual(d.filter { $0.severity == .error }.count, 1)
    }

    func testIPv6LiteralInTextIsRefused() throws {
        assertDiagnostic(try Fixture.check("Сервер [2001:db8::1] емес\n"), code: "text.ip", line: 4, column: 8)
        assertDiagnostic(try Fixture.check("Сервер 2001:db8::1 емес\n"), code: "text.ip", line: 4, column: 8)
    }

    func testScannerFindsNothingInAWarningSign() throws {
        XCTAssertTrue(TextTokens(fakeNames: [:]).scan("⚠️ Назар аударыңыз! ☎️ 1414, ✔️ т.б.").isEmpty)
    }

    func testOfficialBotNamedByCommandOrCashtagPasses() throws {
        assertNoErrors(try Fixture.check("Жазыңыз: /start@Kenes1414Bot немесе $KZT@Kenes1414Bot\n"))
    }

    func testOfficialAddressesInEveryFormTelegramLinksPass() throws {
        let text = "Бот: t.me/Kenes1414Bot, help@egov.kz, EGOV.KZ, https://egov.kz/ru/ …, 42500.enbek.kz/apply.\n"
        assertNoErrors(try Fixture.check(text))
    }

    /// Telegram links are written in one form: `tg://` in text names the `t.me` form to write instead.
    func testOfficialBotByTgSchemeInTextNamesTheFormToWrite() throws {
        let d = try Fixture.check("Бот: tg://resolve?domain=Kenes1414Bot\n")
        assertDiagnostic(d, code: "text.url", line: 4, column: 6)
        XCTAssertTrue(d.contains { $0.message.contains("write https://t.me/Kenes1414Bot instead") }, d.map(\.message).joined(separator: "\n"))
    }

    func testLegitimateKazakhAndRussianTextIsClean() throws {
        let text = """
            Т.б. құжаттар, 2020 ж. 14.04.2020 бастап 42 500 теңге, 1-қадам, 3.14, назар аударыңыз.
            Сағат 10:30-да, 12:00:00 дейін, нұсқа v1.2.3, т.с.с., и т.д., 5.5 млн, №1.2., 3.1.2.1-тармақ, 1.5млн.
            Портал egov.kz-ке кіріңіз: https://egov.kz/ru/services/. Бот @Kenes1414Bot, /start, $USD.

            """
        assertNoErrors(try Fixture.check(text))
        // And TDLib links nothing unofficial there: the check agrees with the app.
        let found = try TDLibOracle.entities([text])[0].filter { TDLibOracle.isClickable($0, in: text) }
        XCTAssertEqual(found.map { TDLibOracle.text(of: $0, in: text) }.sorted(),
                       ["@Kenes1414Bot", "https://egov.kz/ru/services/"])
    }

    func testKnownFakeHandleInWarningIsNotAlsoAShorterMention() throws {
        // `@EgovKzBot2.0` is defanged in a warning; the mention @EgovKzBot2 a client would see in
        // the source is part of the same name, not another handle.
        assertNoErrors(try Fixture.check("> [!WARNING]\n> Жалған бот: @EgovKzBot2.0 іздемеңіз.\n"))
    }

    func testBulletinGuardRefusesWhatTelegramLinks() throws {
        let guardian = try Fixture.bulletinGuard()
        for (text, shown, _, _) in Self.hostile {
            let written = text.replacingOccurrences(of: "\\\\", with: "\\")
            XCTAssertFalse(guardian.findings(text: "Бот: " + written).isEmpty, "\(shown) in \(written)")
        }
        XCTAssertTrue(guardian.findings(text: "Бот: /start@Kenes1414Bot, egov.kz, 42 500 ₸, т.б.").isEmpty)
    }
}
