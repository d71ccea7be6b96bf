import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A page and its bulletins show one typography: the quotes, dashes and no-break spaces are set once per
/// page (``TypesetText``) and both renderings read them, across the pieces the source splits a
/// sentence into (a line break of the source, a code span, emphasis, a fake's name).
final class TypesetTextTests: XCTestCase {
    private let nbsp = "\u{A0}"

    /// Builds one Kazakh page and returns the text of each paragraph of its HTML and its plain bulletin.
    private func build(_ markdown: String) throws -> (paragraphs: [String], bulletin: String) {
        let f = try Fixture(config: GuideBlocksTests.config)
        try f.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + markdown)
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html").map(HTMLParser.parse))
        let main = try XCTUnwrap(html.first("main"))
        let paragraphs = main.all("p").map { $0.text }
        return (paragraphs, try XCTUnwrap(f.output("bulletins/kk/test/text.txt")))
    }

    /// Each case: the source, and the sentence a reader must see in the page and in the bulletin.
    func testThePageAndItsBulletinShowTheSameTypographyAcrossTheSourcesPieces() throws {
        let cases: [(source: String, shown: String)] = [
            // A line break of the source between the groups of a sum and before a dash.
            ("Төлем 42\n500 ₸ болады.", "Төлем 42\(nbsp)500\(nbsp)₸ болады."),
            ("Өтінішті ертең беріңіз\n— бұл тегін.", "Өтінішті ертең беріңіз\(nbsp)— бұл тегін."),
            // A code span that opens the paragraph: the dash after it follows its text.
            ("`42500` — төлемнің коды.", "42500\(nbsp)— төлемнің коды."),
            // An alert's marker line is no text: the quote after it opens the sentence.
            ("> [!WARNING]\n> \"Төлем\" — жалған бот.", "«Төлем»\(nbsp)— жалған бот."),
            // Quotes around emphasis open and close across it.
            ("Ол \"**маңызды**\" деді.", "Ол «маңызды» деді."),
            // A sum split by emphasis keeps its unit on its line.
            ("Барлығы **42 500** ₸.", "Барлығы 42\(nbsp)500\(nbsp)₸."),
        ]
        // An image without a description is a space between words (in a bulletin, where it is not shown):
        // the quote after it opens.
        let image = "Сурет![](/favicon.ico)\"белгі\" мұнда."
        let (paragraphs, bulletin) = try build((cases.map(\.source) + [image]).joined(separator: "\n\n") + "\n")
        for (source, shown) in cases {
            XCTAssertTrue(paragraphs.contains(shown), "page: \(source.debugDescription) → \(paragraphs.map(\.debugDescription))")
            XCTAssertTrue(bulletin.contains(shown), "bulletin: \(source.debugDescription) → \(bulletin.debugDescription)")
        }
        XCTAssertTrue(paragraphs.contains("Сурет«белгі» мұнда."), "\(paragraphs)")
        XCTAssertTrue(bulletin.contains("Сурет «белгі» мұнда."), bulletin)
    }

    /// A line break of the source that typography leaves alone stays a line break in the HTML (the page's
    /// bytes follow the source), and the bulletin reads it as a space.
    func testAnUntouchedLineBreakStaysALineBreak() throws {
        let f = try Fixture(config: GuideBlocksTests.config)
        try f.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\nБірінші жол\nекінші жол.\n")
        assertNoErrors(f.build().diagnostics)
        XCTAssertTrue(try XCTUnwrap(f.output("kk/test/index.html")).contains("<p>Бірінші жол\nекінші жол.</p>"))
        XCTAssertTrue(try XCTUnwrap(f.output("bulletins/kk/test/text.txt")).contains("Бірінші жол екінші жол."))
    }

    /// The same on random runs of what typography acts on (quotes, dashes, spaces, digits, №, units,
    /// addresses, empty pieces) after a random start; a soft break's share is a space, a no-break space or
    /// nothing (when the dash after it took its place), so no two words ever join.
    func testRandomPiecesJoinToTheWholeRunTypeset() {
        struct Generator: RandomNumberGenerator {
            var state: UInt64
            mutating func next() -> UInt64 {
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17
                return state
            }
        }
        let atoms = ["\"", "«", "»", "„", "“", "-", "–", "—", " ", " ", nbsp, "1", "42", "500", "000", "№", "₸", "a", "Ж",
                     "сөз", ".", "/", "@", ":", "\n", "https://egov.kz/x", "egov.kz", "x@y.kz", "@Kenes1414Bot", "", "тг", "%",
                     "(", ")", ",", "ҚР", " - ", " — ", "\t", "'", "мың"]
        var random = Generator(state: 0x9E37_79B9_7F4A_7C15)
        func text(_ most: Int) -> String { (0..<Int.random(in: 0...most, using: &random)).map { _ in atoms.randomElement(using: &random)! }.joined() }
        for _ in 0..<30_000 {
            let pieces = (0..<Int.random(in: 1...5, using: &random)).map { _ in Bool.random(using: &random) ? " " : text(5) }
            var start = QuoteState()
            _ = Typography.apply(text(4), language: "ru", state: &start)
            var split = start
            var whole = start
            let typeset = Typography.apply(pieces: pieces, language: "ru", state: &split)
            XCTAssertEqual(typeset.count, pieces.count)
            XCTAssertEqual(typeset.joined(), Typography.apply(pieces.joined(), language: "ru", state: &whole), "\(pieces) after \(start)")
            XCTAssertEqual(split, whole, "\(pieces) after \(start)")
            XCTAssertEqual(split.previous, whole.previous, "\(pieces) after \(start)")
            for (piece, share) in zip(pieces, typeset) where piece == " " {
                XCTAssertTrue([" ", nbsp, ""].contains(share), "\(pieces) → \(typeset)")
            }
        }
    }

    /// The pieces of a run share the result exactly: joined, they are the run typeset whole, whatever
    /// the typography took or gave at their seams.
    func testPiecesJoinToTheWholeRunTypeset() {
        let runs: [[String]] = [
            ["42", " ", "500 ₸"], ["сөз ", "— сөз"], ["сөз", " ", "- сөз"], ["№", " ", "5"], ["\"", "сөз", "\""],
            ["", "a", ""], ["1 000", " ", "000"], ["сөз  ", " — ", "сөз"], ["https://egov.kz/a", " - ", "b"],
        ]
        for pieces in runs {
            var split = QuoteState()
            var whole = QuoteState()
            let typeset = Typography.apply(pieces: pieces, language: "kk", state: &split)
            XCTAssertEqual(typeset.count, pieces.count, "\(pieces)")
            XCTAssertEqual(typeset.joined(), Typography.apply(pieces.joined(), language: "kk", state: &whole), "\(pieces)")
            XCTAssertEqual(split, whole, "\(pieces)")
        }
    }

    /// sitegen.yml's texts (an official link's description, a fake's description naming another fake in
    /// quotes) and a fact check's claim are typeset as one text around the names they hold, and the
    /// page's blocks and its bulletin show them alike.
    func testTheSitesTextsAndAClaimAreTypesetAroundTheirNames() throws {
        let config = GuideBlocksTests.config.replacingOccurrences(
            of: "    fake: [EgovKzBot2.0, Kenes1414_Bot]",
            with: "    fake:\n      - name: EgovKzBot2.0\n        description: { kk: \"жалған бот\", ru: \"фейковый бот\" }\n"
                + "      - name: Kenes1414_Bot\n"
                + "        description: { kk: '\"EgovKzBot2.0\" боттың көшірмесі', ru: '\"EgovKzBot2.0\" — копия бота' }")
            .replacingOccurrences(of: "  fake_domains: [egov-kz.com]",
                                  with: "  fake_domains:\n    - name: egov-kz.com\n      description: { kk: \"жалған сайт\", ru: \"фейковый сайт\" }")
        let f = try Fixture(config: config)
        try f.write("content/kk/test.md", """
            ---
            title: "Сынақ"
            claimReview:
              claim: '"EgovKzBot2.0" ресми бот'
              rating: "Жалған"
              ratingValue: 1
              date: 2020-04-14
            ---
            ```official-links portal
            ```

            ```known-fakes
            ```

            """)
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html").map(HTMLParser.parse))
        let bulletin = try XCTUnwrap(f.output("bulletins/kk/test/text.txt"))
        let fakes = try XCTUnwrap(html.first("aside") { $0.classes.contains("known-fakes") })
        XCTAssertTrue(fakes.text.contains("Kenes1414_Bot\(nbsp)— «жалған: EgovKzBot2.0» боттың көшірмесі"), fakes.text)
        XCTAssertTrue(bulletin.contains("Kenes1414_Bot\(nbsp)— «EgovKzBot2.0» боттың көшірмесі"), bulletin)
        let card = try XCTUnwrap(html.first("aside") { $0.classes.contains("verdict") })
        XCTAssertTrue(card.text.contains("«жалған: EgovKzBot2.0» ресми бот"), card.text)
        let links = try XCTUnwrap(html.first("ul") { $0.classes.contains("official-links") })
        XCTAssertTrue(links.text.contains("Электрондық үкімет\(nbsp)— Мемлекеттік қызметтер"), links.text)
        XCTAssertTrue(bulletin.contains("Электрондық үкімет"), bulletin)
    }

    /// A heading's id is made from its text as written, as `check` makes it: the no-break space typography
    /// puts after `№` does not move the id away from the links `check` accepted.
    func testAHeadingsIdDoesNotDependOnItsTypography() throws {
        let f = try Fixture(config: GuideBlocksTests.config)
        try f.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n## Өтініш №5\n\nҚараңыз: [бөлім](#otinish-no5).\n")
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html").map(HTMLParser.parse))
        let heading = try XCTUnwrap(html.first("h2"))
        XCTAssertEqual(heading["id"], "otinish-no5")
        XCTAssertEqual(heading.text, "Өтініш №\(nbsp)5")
    }
}
