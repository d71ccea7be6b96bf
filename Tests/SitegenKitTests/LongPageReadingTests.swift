import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// A long page is read on every core and with quick character tables; what it finds must be exactly
/// what the one-core reading with the Unicode tables finds, in the same order.
final class LongPageReadingTests: XCTestCase {
    /// The body's first line is line 4 of the file (see `Fixture.check`).
    private let bodyLine = 4

    // MARK: Character tables

    func testQuickCharacterClassesAgreeWithTheUnicodeTablesForEveryScalar() {
        var disagreements: [String] = []
        for v in UInt32(0)...0x10FFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            if TelegramTextBoundaries.isSeparator(u) != TelegramTextBoundaries.isSeparatorByCategory(u) {
                disagreements.append("separator U+" + String(v, radix: 16))
            }
            if TelegramTextBoundaries.isWordCharacter(u) != TelegramTextBoundaries.isWordCharacterByCategory(u) {
                disagreements.append("word U+" + String(v, radix: 16))
            }
            if TelegramTextBoundaries.isHashtagLetter(u) != TelegramTextBoundaries.isHashtagLetterByCategory(u) {
                disagreements.append("hashtag U+" + String(v, radix: 16))
            }
        }
        XCTAssertEqual(disagreements, [])
    }

    func testScalarsDecodedFromBytesAreTheStringsOwn() {
        let samples = ["", "a", "Өтінім egov.kz-те", "𝟒𝟐 500 ₸ 🙂 é\u{301}", "\u{0}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
                       String(repeating: "қазақша ", count: 1000)]
        var generator = SystemRandomNumberGenerator()
        var random = ""
        for _ in 0..<20_000 {
            let v = UInt32.random(in: 0...0x10FFFF, using: &generator)
            if let u = Unicode.Scalar(v) { random.unicodeScalars.append(u) }
        }
        for text in samples + [random] {
            XCTAssertEqual(ScalarArray.of(text), Array(text.unicodeScalars))
            XCTAssertEqual(String(scalars: Array(text.unicodeScalars)), text)
            XCTAssertEqual(String(scalars: Array(text.unicodeScalars)[...]).utf8.count, text.utf8.count)
        }
    }

    func testSchemeIsReadAsBefore() {
        for (text, expected) in [("https://egov.kz", true), ("tg://resolve", true), ("a+b-c.d://x", true), ("://x", true),
                                 ("egov.kz", false), ("a:b://x", false), ("қ://x", false), ("https:/x", false),
                                 ("https:", false), ("", false), ("mailto:a@b.kz", false)] {
            XCTAssertEqual(TextTokens.hasScheme(text), expected, text)
        }
    }

    // MARK: Long pages

    /// A page long enough to be read on every core, with refused names scattered through it.
    func testLongPageFindsEveryRefusedNameInPageOrder() throws {
        let paragraph = "Өтінімді тек egov.kz порталында беріңіз, 42 500 ₸ төлемі туралы хабарламаны @Kenes1414Bot ботынан күтіңіз."
        var body = ""
        var expected: [(line: Int, column: Int)] = []
        var line = bodyLine
        for i in 0..<3000 {
            if i % 250 == 7 {
                // One refused domain, at a known column.
                body += "Жалған сайт: evil\(i).com арқылы өтініш бермеңіз.\n\n"
                expected.append((line, "Жалған сайт: ".unicodeScalars.count + 1))
            } else {
                body += paragraph + "\n\n"
            }
            line += 2
        }
        XCTAssertGreaterThan(body.utf8.count, PageInspector.parallelPageBytes)
        let diagnostics = try Fixture.check(body).filter { $0.code.hasPrefix("link.") || $0.code.hasPrefix("text.") }
        XCTAssertEqual(diagnostics.map { "\($0.line):\($0.column)" }, expected.map { "\($0.line):\($0.column)" })
        XCTAssertTrue(diagnostics.allSatisfy { $0.message.contains("evil") }, "\(diagnostics)")
    }

    /// A warning on a long page still shows its fakes defanged, and the facts of the page are read
    /// from the same tokens (a repeated handle is one fact, at its first place).
    func testLongPageDefangsWarningsAndKeepsTheFirstPlaceOfAFact() throws {
        let filler = String(repeating: "Өтінімді тек egov.kz порталында беріңіз, 42 500 ₸ төлемі.\n\n", count: 4000)
        let kk = "---\ntitle: \"Ұзақ бет\"\ntranslationKey: \"long\"\n---\n" + "Ресми бот: @Kenes1414Bot.\n\n" + filler
            + "> [!WARNING]\n> Жалған бот: @EgovKzBot2.0\n"
        let ru = "---\ntitle: \"Длинная страница\"\ntranslationKey: \"long\"\n---\n" + "Официальный бот: @Kenes1414Bot.\n\n"
            + "Сумма: 42 500 ₸. Подавайте заявку на egov.kz.\n\n> [!WARNING]\n> Фейковый бот: @EgovKzBot2.0\n"
        let f = try Fixture(files: ["content/kk/long.md": kk, "content/ru/long.md": ru])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/long/index.html"))
        XCTAssertFalse(html.contains("@EgovKzBot2.0"), "the fake must be shown defanged")
        XCTAssertTrue(html.contains("EgovKzBot2[.]0"), "the fake must be named in the warning")
    }
    /// A fact repeated through a page is compared once, and a difference is reported where the
    /// page first states it.
    func testARepeatedFactIsReportedAtItsFirstPlace() throws {
        let kk = "---\ntitle: \"Төлем\"\ntranslationKey: \"pay\"\n---\n" + "Кіріспе.\n\nТөлем: 42 500 ₸.\n\n"
            + String(repeating: "Тағы да 42 500 ₸ туралы.\n\n", count: 50)
        let ru = "---\ntitle: \"Выплата\"\ntranslationKey: \"pay\"\n---\n" + "Введение.\n\nВыплата: 40 000 ₸.\n"
        let f = try Fixture(files: ["content/kk/pay.md": kk, "content/ru/pay.md": ru])
        // One difference is one message, on the translation, naming where the page first states it.
        let amounts = f.build().diagnostics.filter { $0.code == "parity.amount" }
        XCTAssertEqual(amounts.count, 1, "\(amounts)")
        XCTAssertEqual(amounts.first?.file, "content/ru/pay.md")
        XCTAssertEqual(amounts.first?.line, 7)
        XCTAssertEqual(amounts.first?.column, "Выплата: ".unicodeScalars.count + 1)
        XCTAssertEqual(amounts.first?.message, "40 000 here, but 42 500 in content/kk/pay.md (line 7): make both languages say the same")
    }
}
