import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenKit
@testable import SitegenPolicy

/// Card numbers as Telegram reads them: TDLib decides which digit runs become a tappable card, and the
/// reading must find exactly those, so that none reaches a bulletin and no other number is refused.
final class TDLibBankCardTests: XCTestCase {
    /// A card number of the given first digits and length that passes the Luhn check.
    static func card(_ prefix: String, length: Int) -> String {
        var digits = prefix + String(repeating: "0", count: length - prefix.count - 1)
        for check in 0...9 where TelegramTextBoundaries.isValidCard(ArraySlice((digits + String(check)).unicodeScalars)) {
            digits += String(check)
            return digits
        }
        digits += "0"
        return digits
    }

    /// `digits` in groups of four joined by `mark`.
    static func grouped(_ digits: String, _ mark: String) -> String {
        stride(from: 0, to: digits.count, by: 4).map { i -> String in
            let start = digits.index(digits.startIndex, offsetBy: i)
            return String(digits[start..<(digits.index(start, offsetBy: 4, limitedBy: digits.endIndex) ?? digits.endIndex)])
        }.joined(separator: mark)
    }

    /// Cards of every scheme and length the apps tell apart, valid or one digit off, in the ways they
    /// are written and in the places around them that join a card to a word or keep it apart.
    static var texts: [String] {
        let visa = card("4400", length: 16)
        let wrong = String(visa.dropLast()) + String((Int(String(visa.last!))! + 1) % 10)
        var numbers = [visa, wrong, card("4", length: 13), card("4", length: 18), card("4", length: 19), card("4", length: 15),
                       card("5169", length: 16), card("5169", length: 17), card("2221", length: 16), card("2200", length: 16),
                       card("2200", length: 18), card("3782", length: 15), card("3782", length: 16), card("6250", length: 19),
                       card("8100", length: 16), card("6250", length: 15), card("1234", length: 13), card("9999", length: 19),
                       card("1", length: 20), card("0", length: 12)]
        numbers += [grouped(visa, " "), grouped(visa, "-"), grouped(visa, "  "), grouped(visa, " - "), grouped(visa, "\u{A0}"),
                    grouped(card("4", length: 19), " "), visa + " 1234", visa + "1", "1 " + visa, grouped(visa, " ") + " 2020"]
        let places = ["%@", "Карта: %@.", "карта%@", "№%@", "+%@", "-%@", "_%@", ".%@", ",%@", "(%@)", "«%@»", "%@-", "%@_",
                      "%@ж", "%@.", "%@,", "%@-ке", "Ж%@", "%@ тенге", "${%@}", "#%@", "１%@", "%@٣"]
        return places.flatMap { place in numbers.map { String(format: place, $0) } }
    }

    func testEveryCardTelegramReadsIsFoundAndNoOther() throws {
        let texts = Self.texts
        let answers = try TDLibOracle.entities(texts)
        var differ: [String] = []
        for (text, found) in zip(texts, answers) {
            let theirs = found.filter { $0.type == "BankCardNumber" }.map { TDLibOracle.text(of: $0, in: text) }
            let s = Array(text.unicodeScalars)
            let ours = TelegramTextBoundaries.bankCards(s).map { String(String.UnicodeScalarView(s[$0.range])) }
            if theirs != ours { differ.append("\(text.debugDescription): TDLib \(theirs), read \(ours)") }
        }
        XCTAssertEqual(differ, [], "card numbers read otherwise than Telegram reads them")
        // The list holds cards TDLib takes, and numbers it does not.
        XCTAssertGreaterThan(answers.filter { $0.contains { $0.type == "BankCardNumber" } }.count, 50)
        XCTAssertGreaterThan(answers.filter { !$0.contains { $0.type == "BankCardNumber" } }.count, 50)
    }

    func testACardNumberIsRefusedWhereItIsWrittenEvenInAWarning() throws {
        let d = try Fixture.check("Алаяқтар 4400 4301 2345 6789 картасына ақша сұрайды.\n\n> [!WARNING]\n> Карта 4400-4301-2345-6789 — алаяқтардікі.\n")
        assertDiagnostic(d, code: "text.card", line: 4, column: 10)
        assertDiagnostic(d, code: "text.card", line: 7, column: 9)
        XCTAssertTrue(d.contains { $0.message.contains("•••• 6789") }, d.map(\.message).joined(separator: "\n"))
    }

    func testACardShownByItsLastDigitsAndOtherLongNumbersPass() throws {
        assertNoErrors(try Fixture.check(
            "Алаяқтар •••• 6789 деп аяқталатын картаға ақша сұрайды. Карта 4400 4301 2345 6788 жарамсыз. ЖСН 900101300123. Сома 42 500 ₸.\n"))
    }

    func testACardInAFrontMatterTitleIsRefused() throws {
        let fixture = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Карта 4400430123456789\"\n---\nМәтін.\n"])
        assertDiagnostic(fixture.build(checkOnly: true).diagnostics, code: "text.card", line: 2, column: 15)
    }

    /// A card written in pieces is one card in the bulletin Telegram reads: across emphasis, code, a
    /// link, an image, dropped markup, a line break. Each is refused where it starts.
    func testACardWrittenInPiecesIsRefusedWhereItStarts() throws {
        for (text, column) in [("Карта 4400 **4301** 2345 6789 бар.", 7), ("Карта 44**0**0 4301 2345 6789 бар.", 7),
                               ("Карта 4400 `4301` 2345 6789 бар.", 7), ("Карта 4400 4301\n2345 6789 бар.", 7),
                               ("Карта 4400 <b>4301</b> 2345 6789 бар.", 7), ("Карта 4400 ![4301](/favicon.ico) 2345 6789 бар.", 7),
                               ("Карта [4400 4301](https://egov.kz/) 2345 6789 бар.", 8), ("[4400 4301 2345 6789](https://egov.kz/)", 2),
                               ("> [!WARNING]\n> Карта 4400 *4301* 2345 6789 бар.", 9)] {
            let d = try Fixture.check(text + "\n")
            let line = text.hasPrefix(">") ? 5 : 4
            assertDiagnostic(d, code: "text.card", line: line, column: column)
        }
        assertNoErrors(try Fixture.check("Карта 4400 **4301** 2345 6788 бар.\n"))
    }

    /// The bulletins' last look reads whole lines for cards, as it does for phone numbers: what the
    /// layout joined is refused however it came together.
    func testTheBulletinGuardReadsCardsInWholeLines() throws {
        let guardian = try Fixture.bulletinGuard()
        for text in ["Карта 4400 4301 2345 6789 бар.", "Карта 4400  4301  2345 6789", "4400-4301-2345-6789"] {
            XCTAssertTrue(guardian.findings(texts: [text]).contains { $0.finding.code == "text.card" }, text)
        }
        XCTAssertTrue(guardian.findings(texts: ["Карта 4400 4301 2345 6788, •••• 6789, ЖСН 900101300123"]).isEmpty)
    }
}
