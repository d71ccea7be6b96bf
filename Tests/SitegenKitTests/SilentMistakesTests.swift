import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenPolicy

/// The mistakes editors make that used to publish with exit 0 and no word: an alert named in
/// Kazakh or Russian, a bare `- [ ]`, a link to a page, anchor or file that does not exist, and the
/// placeholder address of `sitegen.yml`.
final class SilentMistakesTests: XCTestCase {
    /// Builds a Kazakh page `test.md` (body from line 4) beside `others`, and returns the report.
    func build(_ markdown: String, others: [String: String] = [:]) throws -> (Fixture, BuildReport) {
        let f = try Fixture(files: others)
        try f.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + markdown)
        return (f, f.build())
    }

    func listing(_ d: [Diagnostic]) -> String { d.map(DiagnosticFormatter.line).joined(separator: "\n") }

    // MARK: Alerts in the editors' languages

    func testKazakhAndRussianAlertNamesAreAliasesOfGitHubs() throws {
        let expected: [(String, AlertKind)] = [
            ("ЕСКЕРТУ", .warning), ("ВНИМАНИЕ", .warning), ("Предупреждение", .warning), ("НАЗАР АУДАРЫҢЫЗ", .warning),
            ("ЕСКЕРТПЕ", .note), ("ПРИМЕЧАНИЕ", .note), ("КЕҢЕС", .tip), ("СОВЕТ", .tip),
            ("МАҢЫЗДЫ", .important), ("ВАЖНО", .important), ("АБАЙ БОЛЫҢЫЗ", .caution), ("ОСТОРОЖНО", .caution),
        ]
        for (name, kind) in expected {
            let (f, report) = try build("> [!\(name)]\n> Мәтін.\n")
            assertNoErrors(report.diagnostics)
            let html = try XCTUnwrap(f.output("kk/test/index.html"), name)
            XCTAssertTrue(html.contains("<aside class=\"alert alert-\(kind.rawValue)\""), "\(name): \(html)")
            XCTAssertFalse(html.contains("[!"), name)
            let text = try XCTUnwrap(f.output("bulletins/kk/test/text.txt"))
            XCTAssertFalse(text.contains("[!"), "\(name): \(text)")
        }
    }

    func testAFakeNamedInARussianWarningIsShownDefanged() throws {
        let (f, report) = try build("> [!ВНИМАНИЕ]\n> EgovKzBot2.0 — поддельный бот, egov-kz.com — поддельный сайт.\n")
        assertNoErrors(report.diagnostics)
        let text = try XCTUnwrap(f.output("bulletins/kk/test/text.txt"))
        // Inside the warning: the bot's name (which no client links) as written, the domain defanged.
        XCTAssertTrue(text.contains("⚠️") && text.contains("EgovKzBot2.0") && text.contains("egov-kz[.]com"), text)
    }

    func testAnyOtherMarkerIsAnErrorAtItsNameWithTheNearestName() throws {
        let (_, report) = try build("> [!WARNNG]\n> Мәтін.\n")
        assertDiagnostic(report.diagnostics, code: "markdown.alert", line: 4, column: 3)
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "markdown.alert" })
        XCTAssertEqual(d.message, "[!WARNNG] is not a block name: did you mean [!WARNING]? Readers would see “[!WARNNG]” as text")
        XCTAssertEqual(d.message(in: .kk),
                       "[!WARNNG] — блок атауы емес: [!WARNING] деп жазбақ болдыңыз ба? Әйтпесе оқырман «[!WARNNG]» деген мәтінді көреді")
        XCTAssertEqual(d.message(in: .ru), "[!WARNNG] — не название блока: вы имели в виду [!WARNING]? Иначе читатель увидит текст «[!WARNNG]»")

        for marker in ["[!ЕСКЕРТУ!]", "[!ВНИМАНИЕ 2]", "[!Назар]", "[!WARN1NG]"] {
            let (_, r) = try build("> \(marker)\n> Мәтін.\n")
            XCTAssertTrue(r.diagnostics.contains { $0.code == "markdown.alert" && $0.line == 4 && $0.column == 3 },
                          "\(marker): \(listing(r.diagnostics))")
            XCTAssertFalse(r.published, marker)
        }
        let (_, near) = try build("> [!ЕСКЕРТ]\n> Мәтін.\n")
        XCTAssertTrue(near.diagnostics.contains { $0.message.contains("did you mean [!ЕСКЕРТУ]?") }, listing(near.diagnostics))
    }

    func testAQuoteThatOnlyStartsLikeAMarkerIsAQuote() throws {
        for body in ["> [!] Мәтін.\n", "> [![сурет](/a.png)](/kk/)\n", "> Мәтін [!NOTE]\n"] {
            let (_, report) = try build(body, others: ["static/a.png": ""])
            XCTAssertFalse(report.diagnostics.contains { $0.code == "markdown.alert" }, "\(body): \(listing(report.diagnostics))")
        }
    }

    // MARK: Checklists

    func testATaskMarkerWithNoTextIsAnErrorWithOrWithoutASpace() throws {
        for item in ["- [ ]", "- [ ] ", "- [x]", "* [X]  "] {
            let (_, report) = try build("## Құжаттар\n\n- [ ] ЖСН\n\(item)\n- [ ] Банк шоты\n")
            assertDiagnostic(report.diagnostics, code: "guide.checklist-empty", line: 7, column: 1)
            let d = try XCTUnwrap(report.diagnostics.first { $0.code == "guide.checklist-empty" })
            XCTAssertEqual(d.message(in: .ru),
                           "в пункте чек-листа нет текста: напишите после «- [ ] », что нужно подготовить, или удалите строку")
        }
        let (_, fine) = try build("- [ ] ЖСН\n- [x] [ ] таңбасы\n")
        assertNoErrors(fine.diagnostics)
    }

    // MARK: Links inside the site

    static let apply = """
        ---
        title: Өтінім
        kind: guide
        ---
        ## Қажетті құжаттар

        1. Бір.
        2. Екі.

        ## Қажетті құжаттар
        """

    func testLinksToPagesAnchorsAndFilesThatExistPass() throws {
        let (_, report) = try build("""
            [a](/kk/42500/apply/) [b](/kk/42500/apply/#step-2) [c](/kk/42500/apply/#qazhetti-quzhattar-2)
            [d](../42500/apply/) [e](/kk/) [f](/ru/) ![g](/img/logo.png) [h](/kk/42500/apply/index.html)
            [i](#main) [j](/kk/atom.xml) [l](/kk/42500/apply)
            """, others: ["content/kk/42500/apply.md": Self.apply, "static/img/logo.png": ""])
        assertNoErrors(report.diagnostics)
    }

    func testAMissingPageIsReportedAtItsLinkWithTheNearestPage() throws {
        let (_, report) = try build("Қараңыз: [бот](/kk/42500/aply/).\n", others: ["content/kk/42500/apply.md": Self.apply])
        assertDiagnostic(report.diagnostics, code: "link.internal", line: 4, column: 10)
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "link.internal" })
        XCTAssertEqual(d.message, "/kk/42500/aply/: this site has no such page; did you mean /kk/42500/apply/?")
        XCTAssertEqual(d.message(in: .kk), "/kk/42500/aply/: сайтта мұндай бет жоқ; /kk/42500/apply/ деп жазбақ болдыңыз ба?")
        XCTAssertEqual(d.message(in: .ru), "/kk/42500/aply/: на сайте нет такой страницы; вы имели в виду /kk/42500/apply/?")
        XCTAssertFalse(report.published)
    }

    /// An address is its bytes, as a web server finds the file: a link to the decomposed spelling of a
    /// page's address (`и` and a combining breve for `й`) reaches no page, and is told of with the page meant.
    func testALinkToAnotherSpellingOfAPagesAddressIsMissing() {
        var target = PageFacts(sourcePath: "content/kk/a.md", language: "kk", translationKey: "a", lastmod: nil)
        target.url = "/kk/\u{439}/"
        var linking = PageFacts(sourcePath: "content/kk/b.md", language: "kk", translationKey: "b", lastmod: nil)
        linking.url = "/kk/b/"
        linking.internalLinks = [
            InternalLink(written: "/kk/%D0%B9/", path: "/kk/%D0%B9/", fragment: nil, line: 3, column: 1),
            InternalLink(written: "/kk/%D0%B8%CC%86/", path: "/kk/%D0%B8%CC%86/", fragment: nil, line: 4, column: 1),
        ]
        let d = InternalLinks.check([target, linking], staticFiles: [], languages: ["kk"])
        XCTAssertEqual(d.map { "\($0.file ?? ""):\($0.line ?? 0)" }, ["content/kk/b.md:4"], listing(d))
        XCTAssertEqual(d.first?.messageID, "link.internal.page-near")
        XCTAssertEqual(d.first?.arguments["meant"], "/kk/\u{439}/")
    }

    /// A link a browser reads as a path on the page's own site is checked as one, however it starts:
    /// an empty scheme is none (`:x/`), and a page's own scheme without `//` (`https:evil.com.123`, whose
    /// host no browser could reach) is a path on an https page. Each leads to the site's 404.
    func testALinkThatOnlyLooksAbsoluteIsCheckedAsAPathOfTheSite() throws {
        let (_, report) = try build("Бір [a](:x/) екі [b](https:evil.com.123) үш [c](:/kk/42500/nowhere/)\n",
                                    others: ["content/kk/42500/apply.md": Self.apply])
        let d = report.diagnostics.filter { $0.code == "link.internal" }
        XCTAssertEqual(d.map { "\($0.line ?? 0):\($0.column ?? 0)" }, ["4:5", "4:18", "4:45"], listing(report.diagnostics))
        XCTAssertFalse(report.published)
        XCTAssertEqual(InternalLinks.scheme(of: "HTTPS:x"), "https")
        XCTAssertEqual(InternalLinks.scheme(of: "a+b-c.d:x"), "a+b-c.d")
        for written in [":x", "1a:x", "-a:x", "/a:b", "a b:x", "kk/a:b", "я:x"] { XCTAssertNil(InternalLinks.scheme(of: written), written) }
    }

    func testTheSameMissingPageInBothLanguagesIsStillAnError() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: А\ntranslationKey: a\n---\n[бот](/kk/42500/fake-bot/)\n",
            "content/ru/a.md": "---\ntitle: А\ntranslationKey: a\n---\n[бот](/ru/42500/fake-bot/)\n",
        ])
        let report = f.build(checkOnly: true)
        XCTAssertEqual(report.diagnostics.filter { $0.code == "link.internal" }.map(\.file), ["content/kk/a.md", "content/ru/a.md"],
                       listing(report.diagnostics))
    }

    func testAMissingStepOrHeadingIsReported() throws {
        let (_, report) = try build("[9-қадам](/kk/42500/apply/#step-9)\n\n[құжаттар](/kk/42500/apply/#qazheti-quzhattar)\n",
                                    others: ["content/kk/42500/apply.md": Self.apply])
        let d = report.diagnostics.filter { $0.code == "link.internal" }
        XCTAssertEqual(d.map { "\($0.line):\($0.column)" }, ["4:1", "6:1"], listing(report.diagnostics))
        XCTAssertEqual(d.first?.message,
                       "/kk/42500/apply/#step-9: the page /kk/42500/apply/ has 2 numbered steps (#step-1 to #step-2); check the step number")
        XCTAssertEqual(d.last?.message,
                       "/kk/42500/apply/#qazheti-quzhattar: the page /kk/42500/apply/ has no place #qazheti-quzhattar; did you mean #qazhetti-quzhattar?")
        // An anchor on the page itself too.
        let (_, own) = try build("## Құжаттар\n\n[жоғары](#quzhat)\n")
        assertDiagnostic(own.diagnostics, code: "link.internal", line: 6, column: 1)
    }

    func testAMissingImageIsReported() throws {
        let (_, report) = try build("![скриншот](/img/fake-bot.png)\n")
        assertDiagnostic(report.diagnostics, code: "link.internal", line: 4, column: 1)
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "link.internal" })
        XCTAssertEqual(d.message, "/img/fake-bot.png: there is no such file; put it in static/img/fake-bot.png or correct the address")
    }

    func testALinkRefusedByThePolicyIsNotAlsoReportedMissing() throws {
        let (_, report) = try build("[x](</kk/a b>)\n")
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.code), ["link.noncanonical"], listing(report.diagnostics))
    }

    /// The anchors the check knows are the ids the rendered page has.
    func testAnchorsAreTheIdsOfTheRenderedPage() throws {
        let page = """
            ---
            title: Өтінім
            kind: guide
            ---
            ## Қажетті құжаттар

            1. Бір.
            2. Екі.

            ## Қажетті құжаттар

            ### «42 500 ₸» төлемі — қалай?

            - [ ] ЖСН
            - [ ] Шот

            ## step-1
            """
        let f = try Fixture(files: ["content/kk/p.md": page])
        XCTAssertTrue(f.build().published)
        let html = HTMLParser.parse(try XCTUnwrap(f.output("kk/p/index.html")))
        let main = try XCTUnwrap(html.element(id: "main"))
        let rendered = Set(([main] + main.descendants).compactMap { $0["id"] })
        let body = page.components(separatedBy: "---\n").dropFirst(2).joined(separator: "---\n")
        let expected = PageAnchors.ids(kind: "guide", document: MarkdownDocument(markdown: Array(body.utf8)))
        XCTAssertEqual(expected, rendered)
    }

    /// A heading's id is made from the text the page shows: without a fake's name (as text or in an
    /// image's description) and with a space where raw HTML was dropped. Links to those ids are accepted,
    /// and the ids the check knows are the ids the page has.
    func testLinksReachHeadingsWhoseTextHoldsAFakeOrRawHTML() throws {
        let page = """
            ---
            title: Бет
            ---
            ## Бірінші<b>қалың</b>мәтін

            > [!WARNING]
            > ## Жалған EgovKzBot2.0 боты
            >
            > ## Суреттегі ![EgovKzBot2.0](/favicon.ico) бот

            """
        let f = try Fixture(files: ["content/kk/p.md": page])
        XCTAssertTrue(f.build().published)
        let html = HTMLParser.parse(try XCTUnwrap(f.output("kk/p/index.html")))
        let headings = html.descendants.filter { ["h2", "h3"].contains($0.name) }.compactMap { $0["id"] }
        XCTAssertEqual(headings.count, 3)
        XCTAssertFalse(headings.contains { $0.contains("egovkzbot") }, "\(headings)")
        let links = headings.map { "[\($0)](/kk/p/#\($0))" }.joined(separator: " ")
        try f.write("content/kk/links.md", "---\ntitle: Сілтемелер\n---\n\(links)\n")
        let report = f.build()
        XCTAssertTrue(report.published, listing(report.diagnostics))
        XCTAssertFalse(report.diagnostics.contains { $0.code == "link.internal" }, listing(report.diagnostics))
    }

    /// The places every page keeps (the verdict card's, the header's search field) are known to `check`
    /// as the page has them: `#verdict` leads to a fact check's card and nowhere on another page, where a
    /// heading named so is `#verdict-2`; a heading never takes the search field's `#q`.
    func testLinksToTheVerdictAndTheSearchFieldAreCheckedAsThePageHasThem() throws {
        let claim = "claimReview:\n  claim: \"Бот ақша сұрайды\"\n  rating: \"Жалған\"\n  ratingValue: 1\n  date: 2020-04-14\n"
        let f = try Fixture(files: [
            "content/kk/plain.md": "---\ntitle: Бет\n---\n## Verdict\n\n## Q\n\n[бөлім](#verdict-2) [іздеу](#q-2)\n",
            "content/kk/fact.md": "---\ntitle: Тексеру\n\(claim)---\n[нәтиже](#verdict)\n",
        ])
        let report = f.build()
        XCTAssertTrue(report.published, listing(report.diagnostics))
        let plain = HTMLParser.parse(try XCTUnwrap(f.output("kk/plain/index.html")))
        XCTAssertEqual(plain.descendants.filter { $0.name == "h2" }.compactMap { $0["id"] }, ["verdict-2", "q-2"])
        XCTAssertNotNil(HTMLParser.parse(try XCTUnwrap(f.output("kk/fact/index.html"))).element(id: "verdict"))
        try f.write("content/kk/plain.md", "---\ntitle: Бет\n---\n## Verdict\n\n[бөлім](#verdict)\n")
        let refused = f.build()
        XCTAssertFalse(refused.published)
        XCTAssertTrue(refused.diagnostics.contains { $0.code == "link.internal" && $0.file == "content/kk/plain.md" && $0.line == 6 },
                      listing(refused.diagnostics))
    }

    // MARK: The placeholder address

    func testAPlaceholderBaseURLIsAWarningAtItsLine() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
        let report = f.build()
        XCTAssertTrue(report.published)
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "config.baseURL-placeholder" }, listing(report.diagnostics))
        XCTAssertEqual([d.file, "\(d.line)", "\(d.severity)"], ["sitegen.yml", "4", "warning"])
        XCTAssertEqual(d.message(in: .ru),
                       "baseURL https://example.kz/ — адрес-заглушка (example.kz), а им заканчивается каждый бюллетень: перед публикацией укажите в sitegen.yml в baseURL настоящий адрес сайта")
        // A preview on this machine is a warning too, never an error.
        let preview = f.build(baseURL: "http://localhost:1313/")
        XCTAssertTrue(preview.published)
        XCTAssertEqual(preview.diagnostics.filter { $0.code == "config.baseURL-placeholder" }.map(\.file), ["--base-url"])
        let real = f.build(baseURL: "https://factcheck.kz/")
        XCTAssertFalse(real.diagnostics.contains { $0.code == "config.baseURL-placeholder" })
    }

    func testPlaceholderHosts() {
        for base in ["https://example.kz/", "https://example.com/", "https://preview.example.org/42500/", "https://site.test/",
                     "https://a.invalid/", "http://localhost:1313/", "http://127.0.0.1/", "https://x.example/"] {
            XCTAssertNotNil(SiteAddressCheck.placeholderHost(base), base)
        }
        for base in ["https://factcheck.kz/", "https://examples.kz/", "https://testing.kz/", "https://example-news.kz/"] {
            XCTAssertNil(SiteAddressCheck.placeholderHost(base), base)
        }
    }
}
