import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// Numbers Android's dialler links (libphonenumber, region KZ, leniency POSSIBLE) in forms that once
/// passed: short numbers after `+` or `8 10` of a length their country takes, the country code 7
/// before the prefix 8, a number dialled abroad after `№`, a whole candidate after a register's name.
final class PhoneTextShortNumberTests: XCTestCase {
    /// ``PhoneTextTests/config``'s official numbers and a short number abroad.
    static let config = PhoneTextTests.config.replacingOccurrences(of: "\"8 (7172) 55-00-00\"]", with: "\"8 (7172) 55-00-00\", \"+43 1 4567\"]")

    func testShortNumbersOfALengthTheirCountryTakesAreRefused() throws {
        for (text, number) in [("Звоните +49 30 123 по делу.", "+49 30 123"), ("Звоните +4930123.", "+4930123"),
                               ("Ниуэ: +683 4002.", "+683 4002"), ("Звоните 8 10 43 1 4568 по делу.", "8 10 43 1 4568"),
                               ("Звоните 8104314568.", "8104314568"), ("Справка № 8104314568 выдана.", "8104314568")] {
            let d = try Fixture.check(text + "\n", config: Self.config)
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, [number], text + "\n" + LinkPolicyAssert.listing(d))
        }
    }

    func testTheCountryCodeBeforeThePrefixIsDialled() throws {
        for (text, number) in [("Звоните 7 8 701 123 45 67 по делу.", "7 8 701 123 45 67"), ("Номер 787011234567 указан.", "787011234567"),
                               ("Номер 78 800 123 45 67.", "78 800 123 45 67"), ("Тел. 7 846 222 95 01.", "7 846 222 95 01"),
                               ("КПП 7872178 — 03.09", "7872178 — 03.09")] {
            let d = try Fixture.check(text + "\n", config: Self.config)
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, [number], text + "\n" + LinkPolicyAssert.listing(d))
        }
    }

    func testANumberAfterTheNumberSignOrARegistersNameIsReadWhole() throws {
        for (text, number) in [("Справка №810998901234567 выдана.", "810998901234567"), ("Его ИИН7701123456.7 указан.", "7701123456.7"),
                               ("№ +998 90 123 45 67–2020", "+998 90 123 45 67"), ("№+998 90 123 45 67 / 1414", "+998 90 123 45 67"),
                               ("№ +996 555 123 456 (14.04.2020)", "+996 555 123 456"),
                               // Glued to a word, and twelve digits dialled abroad that are no IIN: in pieces, or
                               // beginning with no real day (the 31st of April).
                               ("ИИН+683 4002 указан.", "+683 4002"), ("КПП78001234567 тут.", "78001234567"),
                               ("ИИН78462229501 тут.", "78462229501"), ("№7800123456-7 тут.", "7800123456-7"),
                               ("2020 7-8-701-123-45-67 тут.", "7-8-701-123-45-67"), ("ИИН 8 10 43 1300456 указан.", "8 10 43 1300456"),
                               ("ИИН 810431300456 указан.", "810431300456")] {
            let d = try Fixture.check(text + "\n", config: Self.config)
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, [number], text + "\n" + LinkPolicyAssert.listing(d))
        }
    }

    /// What the dialler does not link stays text: amounts and temperatures after `+`, IBANs, IINs and
    /// BINs, the country code before a number of Russia's without the prefix it takes.
    func testWhatNoPhoneDialsIsNotANumber() {
        for text in ["+43 000 тенге", "+20 000 тенге", "рост +15 000", "+25 °C", "+1 500", "+7 12", "Температура +15",
                     "KZ81 0105 0749 8787 7327", "ИИН 810312300456", "БИН 789495751295", "Номер 7 8 495 123 45 67", "Шот № 4400123456",
                     "БИН 810440000123", "ИИН/БИН 007208073248", "БИН 000493341440"] {
            XCTAssertEqual(PhoneNumbers.find(in: text), [], text)
        }
    }

    /// An official number is official in each of these forms.
    func testListedNumbersInTheseFormsAreAccepted() throws {
        let d = try Fixture.check("Звоните 7 8 701 000 00 00, 787010000000, 8 10 43 1 4567 или 8104314567.\n", config: Self.config)
        LinkPolicyAssert.noErrors(d)
    }
}
