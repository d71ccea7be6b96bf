import Foundation
import XCTest

@testable import SitegenKit

/// A bulletin longer than one Telegram message: parts within the limits, cut between blocks,
/// list items and sentences, numbered, each valid alone; and what cannot be cut is an error.
final class TelegramSplitTests: XCTestCase {
    /// A generated long guide: paragraphs of several sentences, a long list, a warning with a list.
    static func longPage(items: Int = 120, paragraphs: Int = 30) -> String {
        var md = "---\ntitle: \"Ұзақ нұсқаулық\"\n---\n"
        for p in 1...paragraphs {
            md += "Бұл \(p)-абзац. Онда бірнеше сөйлем бар. Әр сөйлем 42 500 ₸ төлемі туралы айтады. "
                + "Өтінімді [egov.kz](https://egov.kz/) арқылы беріңіз.\n\n"
        }
        md += "## Қадамдар\n\n"
        for i in 1...items { md += "\(i). Қадам \(i): деректерді **мұқият** тексеріп, өтінімді жіберіңіз 🙂.\n" }
        md += "\n> [!WARNING]\n"
        for i in 1...40 { md += "> - Жалған бот \(i): EgovKzBot2.0 сияқты атаулардан сақ болыңыз.\n" }
        return md
    }

    func build(_ markdown: String) throws -> (Fixture, BuildReport) {
        let f = try Fixture(files: ["content/kk/long.md": markdown])
        return (f, f.build())
    }

    func parts(_ f: Fixture) -> [String] {
        (1...99).lazy.map { f.output("bulletins/kk/long/telegram.\($0).html") }.prefix { $0 != nil }.map { $0! }
    }

    func testLongPageIsSplitIntoValidNumberedParts() throws {
        let (f, report) = try build(Self.longPage())
        assertNoErrors(report.diagnostics)
        XCTAssertNil(f.output("bulletins/kk/long/telegram.html"), "a bulletin in parts has only numbered files")
        let parts = parts(f)
        XCTAssertGreaterThan(parts.count, 2)
        var seen: [String] = []
        for (n, part) in parts.enumerated() {
            let parsed = try TelegramHTMLValidator.parse(part)
            XCTAssertLessThanOrEqual(parsed.utf16Length, 4096, "part \(n + 1)")
            XCTAssertLessThanOrEqual(parsed.entities, 100, "part \(n + 1)")
            XCTAssertTrue(parsed.text.hasSuffix("\n\n(\(n + 1)/\(parts.count))"), "part \(n + 1): \(parsed.text.suffix(30))")
            seen += parsed.text.components(separatedBy: "\n")
        }
        // Every step is whole, once, in order, whichever part it landed in.
        let steps = seen.filter { $0.range(of: #"^\d+\. Қадам"#, options: .regularExpression) != nil }
        XCTAssertEqual(steps.count, 120)
        for (i, line) in steps.enumerated() {
            XCTAssertEqual(line, "\(i + 1). Қадам \(i + 1): деректерді мұқият тексеріп, өтінімді жіберіңіз 🙂.")
        }
        // A warning cut in two is a warning in both parts, and the fake's name (which no client links) is
        // written whole.
        let warned = parts.filter { $0.contains("Жалған бот") }
        XCTAssertFalse(warned.isEmpty)
        for part in warned { XCTAssertTrue(part.contains("<blockquote>⚠️ <b>Назар аударыңыз</b>"), part) }
        let all = parts.joined()
        XCTAssertEqual(all.components(separatedBy: "EgovKzBot").count, all.components(separatedBy: "EgovKzBot2.0").count)
        // The heading is never left at the end of a part.
        for part in parts.dropLast() {
            let body = part.components(separatedBy: "\n\n").dropLast()
            XCTAssertNotEqual(body.last, "<b>Қадамдар</b>")
        }
    }

    func testManyFormattedWordsStayUnderOneHundredEntitiesPerPart() throws {
        var md = "---\ntitle: Белгілер\n---\n"
        for i in 1...260 { md += "- **\(i)**\n" }
        let (f, report) = try build(md)
        assertNoErrors(report.diagnostics)
        let parts = parts(f)
        XCTAssertEqual(parts.count, 3, "260 bold items and a title need three parts of at most 100 entities")
        for part in parts {
            let parsed = try TelegramHTMLValidator.parse(part)
            XCTAssertLessThanOrEqual(parsed.entities, 100)
        }
    }

    func testLongParagraphIsCutBetweenSentences() throws {
        let sentence = "Өтінімді тек ресми ботқа жіберіңіз, себебі жалған боттар деректерді ұрлайды. "
        let md = "---\ntitle: Абзац\n---\n" + String(repeating: sentence, count: 100) + "\n"
        let (f, report) = try build(md)
        assertNoErrors(report.diagnostics)
        let parts = parts(f)
        XCTAssertEqual(parts.count, 2, "7,800 units of text")
        for part in parts {
            let text = try TelegramHTMLValidator.parse(part).text
            let body = text.replacingOccurrences(of: #"\n\n\(\d+/\d+\)$"#, with: "", options: .regularExpression)
            let paragraph = body.components(separatedBy: "\n\n").last { !$0.hasPrefix("Толық") && $0 != "Абзац" }!
            XCTAssertTrue(paragraph.hasPrefix("Өтінімді тек"), "a part starts at a sentence: \(paragraph.prefix(40))")
            XCTAssertTrue(paragraph.hasSuffix("ұрлайды."), "a part ends at a sentence: \(paragraph.suffix(40))")
        }
    }

    func testListItemLongerThanAMessageIsAnErrorAtItsLine() throws {
        let long = String(repeating: "өте ұзақ сөз ", count: 400)
        let md = "---\ntitle: Ұзақ\n---\nКіріспе.\n\n- қысқа\n- \(long)\n"
        let (f, report) = try build(md)
        assertDiagnostic(report.diagnostics, code: "bulletin.telegram", line: 7, column: 1, file: "content/kk/long.md")
        let d = report.diagnostics.first { $0.code == "bulletin.telegram" }!
        // "• " and the item's text without its last space.
        XCTAssertTrue(d.message.hasPrefix("a list item here is \(2 + long.utf16.count - 1) UTF-16 units long"), d.message)
        XCTAssertFalse(report.published)
        XCTAssertNil(f.output("kk/long/index.html"), "nothing is published")
    }

    func testLongTableRepeatsItsHeaderInEveryPart() throws {
        var md = "---\ntitle: Кесте\n---\n| `код` | **атауы** |\n|---|---|\n"
        for i in 1...200 { md += "| \(i) | жол \(i): деректерді тексеріңіз |\n" }
        let (f, report) = try build(md)
        assertNoErrors(report.diagnostics)
        let parts = parts(f)
        XCTAssertGreaterThan(parts.count, 1)
        for part in parts {
            XCTAssertNoThrow(try TelegramHTMLValidator.parse(part), "code never inside bold")
            XCTAssertTrue(part.contains("<b>код | атауы</b>\n"), String(part.prefix(120)))
        }
        let rows = try parts.flatMap { try TelegramHTMLValidator.parse($0).text.components(separatedBy: "\n") }
            .filter { $0.hasPrefix("жол") == false && $0.contains(" | жол ") }
        XCTAssertEqual(rows.count, 200, "every row once")
    }

    func testHeadingIsNeverSentAlone() throws {
        let sentence = "Өтінімді тек ресми ботқа жіберіңіз, себебі жалған боттар деректерді ұрлайды. "
        let md = "---\ntitle: Бөлім\n---\n" + String(repeating: sentence, count: 50) + "\n\n## Келесі бөлім\n\n"
            + String(repeating: sentence, count: 51) + "\n"
        let (f, report) = try build(md)
        assertNoErrors(report.diagnostics)
        for part in parts(f) {
            let text = try TelegramHTMLValidator.parse(part).text
            let body = text.components(separatedBy: "\n\n").dropLast().filter { !$0.hasPrefix("Толық нұсқасы") }
            XCTAssertFalse(body.last == "Келесі бөлім", "a part ends with the heading: \(text.suffix(80))")
        }
    }

    func testMeasureCountsUTF16UnitsAfterEntities() {
        // Kazakh letters are one unit each, an emoji outside the BMP two, an entity one.
        XCTAssertEqual(TelegramMeasure(html: "<b>Өтінім</b> ә").units, 8)
        XCTAssertEqual(TelegramMeasure(html: "🙂").units, 2)
        XCTAssertEqual(TelegramMeasure(html: "⚠️").units, 2, "U+26A0 and the variation selector U+FE0F")
        XCTAssertEqual(TelegramMeasure(html: "a &amp; &lt;b&gt; &quot; &#128578;").units, 12)
        XCTAssertEqual(TelegramMeasure(html: "<a href=\"https://egov.kz/\">egov</a> <b><i>x</i></b>").entities, 3)
        XCTAssertEqual(TelegramMeasure(html: "бот @Kenes1414Bot").entities, 1, "a written @handle becomes a mention")
    }
}
