import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Steps, checklists, official links, known fakes, ClaimReview and typography as readers get them.
final class GuideBlocksTests: XCTestCase {
    static let config = Fixture.defaultConfig + """
        publisher:
          name: { kk: "Фактчек", ru: "Фактчек" }
        official:
          - url: "https://egov.kz/"
            tags: [portal]
            title: { kk: "Электрондық үкімет", ru: "Электронное правительство" }
            description: { kk: "Мемлекеттік қызметтер", ru: "Госуслуги" }
          - url: "https://t.me/Kenes1414Bot"
            tags: [telegram]
            title: { kk: "Ресми бот", ru: "Официальный бот" }

        """

    /// Builds one page (language `lang`) and returns the parsed HTML and the diagnostics.
    func build(_ markdown: String, frontMatter: String = "", lang: String = "kk", config: String = GuideBlocksTests.config)
        throws -> (HTMLElement?, [Diagnostic])
    {
        let f = try Fixture(config: config)
        try f.write("content/\(lang)/test.md", "---\ntitle: \"Сынақ\"\n\(frontMatter)---\n" + markdown)
        let report = f.build()
        return (f.output("\(lang)/test/index.html").map(HTMLParser.parse), report.diagnostics)
    }

    // MARK: Steps

    func testGuideStepsHaveAnchorsAndHowTo() throws {
        let (html, d) = try build("Кіріспе.\n\n1. Ботты ашыңыз.\n2. Қызметті таңдаңыз.\n3. Деректерді толтырыңыз.\n",
                                  frontMatter: "kind: guide\n")
        assertNoErrors(d)
        let page = try XCTUnwrap(html)
        let list = try XCTUnwrap(page.first("ol") { $0.classes.contains("steps") })
        XCTAssertEqual(list.elements.map { $0["id"] }, ["step-1", "step-2", "step-3"])
        XCTAssertEqual(list.elements[1].text.trimmingCharacters(in: .whitespacesAndNewlines), "Қызметті таңдаңыз.")
        let script = try XCTUnwrap(page.first("script") { $0["type"] == "application/ld+json" })
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any])
        XCTAssertEqual(json["@context"] as? String, "https://schema.org")
        XCTAssertEqual(json["@type"] as? String, "HowTo")
        XCTAssertEqual(json["name"] as? String, "Сынақ")
        let steps = try XCTUnwrap(json["step"] as? [[String: Any]])
        XCTAssertEqual(steps.count, 3)
        XCTAssertEqual(steps[0]["@type"] as? String, "HowToStep")
        XCTAssertEqual(steps[2]["url"] as? String, "https://example.kz/kk/test/#step-3")
        XCTAssertEqual(steps[0]["text"] as? String, "Ботты ашыңыз.")
    }

    /// Steps written as tasks (`1. [ ] …`) are numbered steps with boxes: each step is at the anchor the
    /// structured data and links name, and each box ticks and is remembered like any checklist's.
    func testGuideStepsWrittenAsTasksAreNumberedStepsWithBoxes() throws {
        let (html, d) = try build("Кіріспе.\n\n1. [ ] Ботты ашыңыз.\n2. [x] Қызметті таңдаңыз.\n", frontMatter: "kind: guide\n")
        assertNoErrors(d)
        let page = try XCTUnwrap(html)
        let list = try XCTUnwrap(page.first("ol") { $0.classes.contains("steps") && $0.classes.contains("checklist") })
        XCTAssertEqual(list.elements.map { $0["id"] }, ["step-1", "step-2"])
        XCTAssertEqual(list.elements.map { $0.first("input")?["data-check"] }, ["check-1-1", "check-1-2"])
        XCTAssertEqual(list.elements.map { $0.first("label")?.text.trimmingCharacters(in: .whitespacesAndNewlines) },
                       ["Ботты ашыңыз.", "Қызметті таңдаңыз."])
        let script = try XCTUnwrap(page.first("script") { $0["type"] == "application/ld+json" })
        XCTAssertTrue(script.text.contains("#step-2"), script.text)
    }

    func testOrderedListOutsideAGuideIsAPlainList() throws {
        let (html, _) = try build("1. Бір\n2. Екі\n")
        let page = try XCTUnwrap(html)
        XCTAssertNil(page.first("ol") { $0.classes.contains("steps") })
        XCTAssertNil(page.first("script") { $0["type"] == "application/ld+json" })
    }

    func testGuideWithBulletsInsteadOfStepsIsAnError() throws {
        let (_, d) = try build("Мәтін.\n\n- Бір\n- Екі\n", frontMatter: "kind: guide\n")
        assertDiagnostic(d, code: "guide.steps", line: 7, column: 1)
    }

    func testGuideWithoutAnyListIsAnError() throws {
        let (_, d) = try build("Тек мәтін.\n", frontMatter: "kind: guide\n")
        assertDiagnostic(d, code: "guide.steps", line: 1, column: 1)
    }

    // MARK: Checklists

    func testTaskListsBecomeLabelledCheckboxesGroupedByHeading() throws {
        let (html, d) = try build("## ЖШС қызметкері\n\nКіріспе.\n\n- [ ] ЖСН\n- [x] IBAN\n\n## Дара кәсіпкер\n\n- [ ] ТАӘ\n")
        assertNoErrors(d)
        let page = try XCTUnwrap(html)
        let lists = page.all("ul").filter { $0.classes.contains("checklist") }
        XCTAssertEqual(lists.count, 2)
        let heading = try XCTUnwrap(page.first("h2"))
        XCTAssertEqual(lists[0]["aria-labelledby"], heading["id"], "an intro paragraph between does not break the group")
        XCTAssertEqual(lists[1]["aria-labelledby"], page.all("h2").last?["id"])
        let boxes = lists[0].all("input")
        XCTAssertEqual(boxes.map { $0["type"] }, ["checkbox", "checkbox"])
        XCTAssertNil(boxes[0]["checked"])
        XCTAssertNotNil(boxes[1]["checked"])
        for box in boxes + lists[1].all("input") {
            let id = try XCTUnwrap(box["id"])
            let label = try XCTUnwrap(page.first("label") { $0["for"] == id }, "checkbox \(id) has no label")
            XCTAssertFalse(label.text.isEmpty)
        }
        XCTAssertNotNil(page.first("script") { $0["src"]?.range(of: #"^/checklist\.[0-9a-f]{16}\.js$"#, options: .regularExpression) != nil }, "the script that remembers ticks is loaded")
        XCTAssertNil(page.first("input") { $0["disabled"] != nil }, "boxes can be ticked")
    }

    func testEmptyChecklistItemIsAnError() throws {
        let (_, d) = try build("- [ ] ЖСН\n- [ ]  \n")
        XCTAssertTrue(d.contains { $0.code == "guide.checklist-empty" && $0.line == 5 }, "\(d)")
    }

    // MARK: Official links and known fakes

    func testOfficialLinksBlockRendersTheListInThePageLanguage() throws {
        let (html, d) = try build("```official-links\n```\n", lang: "ru")
        assertNoErrors(d)
        let list = try XCTUnwrap(html?.first("ul") { $0.classes.contains("official-links") })
        let links = list.all("a")
        XCTAssertEqual(links.map { $0["href"] }, ["https://egov.kz/", "https://t.me/Kenes1414Bot"])
        XCTAssertEqual(links.map(\.text), ["Электронное правительство", "Официальный бот"])
        XCTAssertTrue(list.elements[0].text.contains("Госуслуги"))
    }

    func testOfficialLinksBlockFiltersByTag() throws {
        let (html, _) = try build("```official-links telegram\n```\n")
        let links = try XCTUnwrap(html?.first("ul") { $0.classes.contains("official-links") }).all("a")
        XCTAssertEqual(links.map { $0["href"] }, ["https://t.me/Kenes1414Bot"])
    }

    func testOfficialEntryWithoutTitleInALanguageIsAnError() throws {
        let config = GuideBlocksTests.config.replacingOccurrences(of: "title: { kk: \"Ресми бот\", ru: \"Официальный бот\" }",
                                                                  with: "title: { kk: \"Ресми бот\" }")
        let (_, d) = try build("```official-links\n```\n", lang: "ru", config: config)
        XCTAssertTrue(d.contains { $0.code == "config.official" && $0.file == "sitegen.yml" }, "\(d)")
        XCTAssertTrue(d.contains { $0.code == "guide.official-links" && $0.line == 4 && $0.file == "content/ru/test.md" }, "\(d)")
    }

    func testOfficialEntryMustPassTheLinkPolicy() throws {
        let config = GuideBlocksTests.config.replacingOccurrences(of: "url: \"https://egov.kz/\"", with: "url: \"https://egov-kz.com/\"")
        let (_, d) = try build("Мәтін.\n", config: config)
        XCTAssertTrue(d.contains { $0.file == "sitegen.yml" && $0.code == "link.fake" }, "\(d)")
    }

    func testMisspeltBlockNameIsAnError() throws {
        let (_, d) = try build("```official-link\n```\n")
        assertDiagnostic(d, code: "guide.block-name", line: 4, column: 1)
    }

    func testOrdinaryCodeBlockIsNotABlockName() throws {
        let (_, d) = try build("```swift\nlet x = 1\n```\n")
        assertNoErrors(d)
    }

    func testKnownFakesBlockListsTheRegistryDefanged() throws {
        let config = Fixture.defaultConfig.replacingOccurrences(
            of: "    fake: [EgovKzBot2.0, Kenes1414_Bot]",
            with: "    fake:\n      - name: EgovKzBot2.0\n        reported: 2020-04-14\n        description: { kk: \"жалған бот\", ru: \"фейковый бот\" }")
            .replacingOccurrences(of: "  fake_domains: [egov-kz.com]",
                                  with: "  fake_domains:\n    - name: egov-kz.com\n      description: { kk: \"жалған сайт\", ru: \"фейковый сайт\" }")
        let (html, d) = try build("```known-fakes\n```\n", config: config)
        assertNoErrors(d)
        let aside = try XCTUnwrap(html?.first("aside") { $0.classes.contains("known-fakes") })
        XCTAssertTrue(aside.all("a").isEmpty, "fakes are never links")
        let names = aside.all("span").filter { $0.classes.contains("defanged") }.map(\.text)
        XCTAssertEqual(names, ["egov-kz[.]com"], "a site's name is defanged")
        let marked = aside.all("span").filter { $0.classes.contains("fake-name") }.map(\.text)
        XCTAssertEqual(marked, ["жалған: EgovKzBot2.0"], "a bot's name no client links is shown as written, marked")
        XCTAssertEqual(aside.first("time")?["datetime"], "2020-04-14")
        XCTAssertTrue(aside.text.contains("жалған сайт"))
    }

    func testKnownFakesWithoutDescriptionInTheLanguageIsAnError() throws {
        let (_, d) = try build("```known-fakes\n```\n")
        XCTAssertTrue(d.contains { $0.code == "guide.known-fakes" && $0.line == 4 }, "\(d)")
    }

    // MARK: Warnings and ClaimReview

    func testAlertsAreAsidesWithLocalisedTitles() throws {
        let (html, _) = try build("> [!WARNING]\n> Абай болыңыз.\n", lang: "ru")
        let aside = try XCTUnwrap(html?.first("aside"))
        XCTAssertEqual(aside["role"], "note")
        XCTAssertTrue(aside.classes.contains("alert-warning"))
        XCTAssertEqual(aside.first("p") { $0.classes.contains("alert-title") }?.text, "Внимание")
    }

    func testClaimReviewJSONLD() throws {
        let (html, d) = try build("Мәтін.\n", frontMatter: "claimReview:\n  claim: \"Бот ақша сұрайды\"\n  rating: \"Жалған\"\n  ratingValue: 1\n  date: 2020-04-14\n")
        assertNoErrors(d)
        let script = try XCTUnwrap(html?.first("script") { $0["type"] == "application/ld+json" })
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(script.text.utf8)) as? [String: Any])
        XCTAssertEqual(json["@type"] as? String, "ClaimReview")
        XCTAssertEqual(json["claimReviewed"] as? String, "Бот ақша сұрайды")
        let rating = try XCTUnwrap(json["reviewRating"] as? [String: Any])
        XCTAssertEqual(rating["alternateName"] as? String, "Жалған")
        XCTAssertEqual(rating["ratingValue"] as? Int, 1)
        XCTAssertEqual((json["publisher"] as? [String: Any])?["name"] as? String, "Фактчек")
        XCTAssertEqual(json["datePublished"] as? String, "2020-04-14")
    }

    func testClaimReviewWithoutRatingIsAnError() throws {
        let (_, d) = try build("Мәтін.\n", frontMatter: "claimReview:\n  claim: \"x\"\n")
        XCTAssertTrue(d.contains { $0.code == "frontmatter.claimReview" && $0.line == 4 }, "\(d)")
    }

    func testJSONLDCannotCloseItsScript() throws {
        let (html, _) = try build("1. </script><script>alert(1)</script>\n", frontMatter: "kind: guide\n")
        let page = try XCTUnwrap(html)
        XCTAssertEqual(page.all("script").filter { $0["type"] == nil && $0["src"] == nil }.count, 0,
                       "no script element came from content")
    }

    // MARK: Headings, contents, dates, typography

    func testHeadingIdsAreTransliteratedAndUnique() throws {
        let (html, _) = try build("## Қажетті құжаттар\n\nа\n\n## Қажетті құжаттар\n\nб\n\n## Шаги\n")
        let ids = try XCTUnwrap(html).all("h2").map { $0["id"] ?? "" }
        XCTAssertEqual(ids, ["qazhetti-quzhattar", "qazhetti-quzhattar-2", "shagi"])
    }

    func testThreeSectionsGetATableOfContents() throws {
        let (html, _) = try build("## Бір\n\n## Екі\n\n## Үш\n")
        let toc = try XCTUnwrap(html?.first("nav") { $0.classes.contains("toc") })
        XCTAssertEqual(toc.all("a").map { $0["href"] }, ["#bir", "#eki", "#ush"])
        let (short, _) = try build("## Бір\n\n## Екі\n")
        XCTAssertNil(short?.first("nav") { $0.classes.contains("toc") })
    }

    func testLastUpdatedInThePageLanguage() throws {
        let (kk, _) = try build("Мәтін.\n", frontMatter: "lastmod: 2020-04-14\n")
        let time = try XCTUnwrap(kk?.first("time"))
        XCTAssertEqual(time["datetime"], "2020-04-14")
        XCTAssertEqual(time.text, "2020\u{A0}жылғы 14\u{A0}сәуір")
        let (ru, _) = try build("Текст.\n", frontMatter: "lastmod: 2020-04-14\n", lang: "ru")
        XCTAssertEqual(ru?.first("time")?.text, "14\u{A0}апреля 2020\u{A0}г.")
    }

    func testTypographyInTextButNotInCodeOrLinks() throws {
        let (html, d) = try build("Төлем \"42 500 ₸\" — ресми. `\"42 500\"` және [egov.kz](https://egov.kz/?a=%22b%22)\n")
        assertNoErrors(d)
        let p = try XCTUnwrap(html?.first("article")?.first("p") { !$0.classes.contains("lead") })
        XCTAssertTrue(p.text.hasPrefix("Төлем «42\u{A0}500\u{A0}₸»\u{A0}— ресми."), p.text)
        XCTAssertEqual(p.first("code")?.text, "\"42 500\"")
        XCTAssertEqual(p.first("a")?["href"], "https://egov.kz/?a=%22b%22")
    }

    func testTypographyInTitle() throws {
        let f = try Fixture(config: GuideBlocksTests.config)
        try f.write("content/kk/t.md", "---\ntitle: \"\\\"42 500\\\" төлем\"\n---\n")
        assertNoErrors(f.build().diagnostics)
        let page = HTMLParser.parse(try XCTUnwrap(f.output("kk/t/index.html")))
        XCTAssertEqual(page.first("h1")?.text, "«42\u{A0}500» төлем")
    }
}
