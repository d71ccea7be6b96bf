import Foundation
import XCTest

@testable import SitegenKit

/// The build end to end: URLs, front matter, drafts, translations, determinism, atomicity.
final class BuildPipelineTests: XCTestCase {
    static let page = "---\ntitle: \"Өтініш беру\"\ndescription: \"Қалай өтініш беру керек\"\ntranslationKey: apply\nweight: 2\n---\n\nМәтін [egov.kz](https://egov.kz/).\n"
    static let ruPage = "---\ntitle: \"Как подать заявление\"\ntranslationKey: apply\n---\n\nТекст [egov.kz](https://egov.kz/).\n"

    func testPrettyURLsSectionsAndHome() throws {
        let f = try Fixture(files: [
            "content/kk/_index.md": "---\ntitle: \"Басты\"\n---\nСәлем.\n",
            "content/kk/42500/_index.md": "---\ntitle: \"42 500\"\n---\n",
            "content/kk/42500/apply.md": Self.page,
            "content/ru/42500/apply.md": Self.ruPage,
        ])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        XCTAssertTrue(report.published)
        XCTAssertNotNil(f.output("kk/42500/apply/index.html"))
        XCTAssertNotNil(f.output("kk/42500/index.html"))
        XCTAssertNotNil(f.output("kk/index.html"))
        XCTAssertNotNil(f.output("ru/index.html"), "a language without _index.md still gets a home")
        XCTAssertNotNil(f.output("favicon.ico"), "static/ is copied")
        XCTAssertNil(f.output("style.css"), "stylesheets are published under their content-hashed name")
        let section = try XCTUnwrap(f.output("kk/42500/index.html"))
        XCTAssertTrue(section.contains("href=\"/kk/42500/apply/\""), "the section lists its pages")
        let chooser = try XCTUnwrap(f.output("index.html"))
        XCTAssertTrue(chooser.contains("href=\"/kk/\"") && chooser.contains("href=\"/ru/\""))
        XCTAssertTrue(chooser.contains("Қазақша") && chooser.contains("Русский"))
        XCTAssertEqual(report.pagesPerLanguage.map(\.count), [3, 2])
    }

    func testHTMLHeadHasLanguageCanonicalAndTranslation() throws {
        let f = try Fixture(files: ["content/kk/42500/apply.md": Self.page, "content/ru/42500/apply.md": Self.ruPage])
        assertNoErrors(f.build().diagnostics)
        let html = try XCTUnwrap(f.output("kk/42500/apply/index.html"))
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"kk\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("name=\"viewport\""))
        XCTAssertTrue(html.contains("<title>Өтініш беру — Сынақ</title>"))
        XCTAssertTrue(html.contains("<meta name=\"description\" content=\"Қалай өтініш беру керек\">"))
        XCTAssertTrue(html.contains("<link rel=\"canonical\" href=\"https://example.kz/kk/42500/apply/\">"))
        XCTAssertTrue(html.contains("<link rel=\"alternate\" hreflang=\"ru\" href=\"https://example.kz/ru/42500/apply/\">"))
        XCTAssertTrue(html.contains("<a href=\"/ru/42500/apply/\" hreflang=\"ru\" lang=\"ru\">Русский</a>"))
        let scripts = HTMLParser.parse(html).all("script").filter { $0["type"] != "application/ld+json" }
        XCTAssertEqual(scripts.compactMap { $0["src"] }.map { $0.replacingOccurrences(of: #"\.[0-9a-f]{16}\.js$"#, with: ".js", options: .regularExpression) },
                       ["/search.js"], "only the site's own search script, nothing external")
    }

    func testSlugOverridesLastSegment() throws {
        let f = try Fixture(files: ["content/kk/42500/apply.md": "---\ntitle: T\nslug: otinish\n---\n"])
        assertNoErrors(f.build().diagnostics)
        XCTAssertNotNil(f.output("kk/42500/otinish/index.html"))
        XCTAssertNil(f.output("kk/42500/apply/index.html"))
    }

    func testSlugClashNamesBothFiles() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\n---\n",
            "content/kk/b.md": "---\ntitle: B\nslug: a\n---\n",
        ])
        let report = f.build()
        let clash = try XCTUnwrap(report.diagnostics.first { $0.code == "content.url-clash" })
        XCTAssertEqual(clash.file, "content/kk/b.md")
        XCTAssertEqual(clash.line, 3)
        XCTAssertEqual(clash.column, 7)
        XCTAssertTrue(clash.message.contains("content/kk/a.md"))
        XCTAssertFalse(report.published)
    }

    func testDraftsAreLeftOutUnlessAsked() throws {
        let f = try Fixture(files: ["content/kk/draft.md": "---\ntitle: D\ndraft: true\n---\n"])
        assertNoErrors(f.build().diagnostics)
        XCTAssertNil(f.output("kk/draft/index.html"))
        assertNoErrors(f.build(drafts: true).diagnostics)
        XCTAssertNotNil(f.output("kk/draft/index.html"))
    }

    func testUnknownFrontMatterKeyIsAWarningAtTheKey() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\ncolour: red\n---\n"])
        let report = f.build()
        XCTAssertTrue(report.published, "a warning does not stop the build")
        assertDiagnostic(report.diagnostics, code: "frontmatter.unknown-key", line: 3, column: 1, file: "content/kk/a.md")
    }

    func testDeletedPagesDisappearFromTheOutput() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "content/kk/b.md": "---\ntitle: B\n---\n"])
        assertNoErrors(f.build().diagnostics)
        XCTAssertNotNil(f.output("kk/b/index.html"))
        try f.remove("content/kk/b.md")
        assertNoErrors(f.build().diagnostics)
        XCTAssertNil(f.output("kk/b/index.html"))
        XCTAssertNotNil(f.output("kk/a/index.html"))
    }

    func testTwoBuildsAreByteIdentical() throws {
        var files: [String: String] = [:]
        for i in 0..<40 {
            files["content/kk/s/p\(i).md"] = "---\ntitle: \"Бет \(i)\"\nweight: \(i % 3)\ntranslationKey: p\(i)\n---\n1. [egov.kz](https://egov.kz/)\n- [ ] ЖСН\n"
            files["content/ru/s/p\(i).md"] = "---\ntitle: \"Страница \(i)\"\ntranslationKey: p\(i)\n---\n1. [egov.kz](https://egov.kz/)\n- [ ] ИИН\n"
        }
        let f = try Fixture(files: files)
        assertNoErrors(f.build().diagnostics)
        let first = f.snapshot()
        assertNoErrors(f.build().diagnostics)
        XCTAssertEqual(first, f.snapshot())
        XCTAssertEqual(first.keys.filter { !$0.hasPrefix("search/") && !$0.hasPrefix("bulletins/") }.count,
                       80 + 2 + 3 + 1 + 4 + 4 + 1 + 2 + 2,
                       "pages, homes, 404s, chooser, css, scripts and favicon, feeds, sitemap, robots, the output marker, _headers and the nginx snippet, search pages")
        XCTAssertEqual(first.keys.filter { $0.hasPrefix("bulletins/") }.count, 80 * 4 + 1,
                       "four bulletins per written page (none for the generated homes), and the manifest")
        XCTAssertTrue(first.keys.contains("search/kk/meta.json"))
    }

    func testFailedBuildLeavesPreviousSiteIntactAndNoTempFolders() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nОК\n"])
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        try f.write("content/kk/a.md", "---\ntitle: A\n---\n[x](https://egov-kz.com/)\n")
        try f.write("content/kk/new.md", "---\ntitle: New\n---\n")
        let report = f.build()
        XCTAssertTrue(report.diagnostics.hasErrors)
        XCTAssertFalse(report.published)
        XCTAssertEqual(before, f.snapshot(), "the last good site is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: f.root).filter { $0.hasPrefix(".site.tmp") }
        XCTAssertEqual(leftovers, [])
    }

    func testBaseURLWithPathPrefixAndOverride() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n[b](/kk/b/)\n", "content/kk/b.md": "---\ntitle: B\n---\n"])
        assertNoErrors(f.build(baseURL: "https://preview.example.org/42500").diagnostics)
        let html = try XCTUnwrap(f.output("kk/a/index.html"))
        XCTAssertTrue(html.contains("href=\"https://preview.example.org/42500/kk/a/\""), "canonical uses the base URL")
        XCTAssertTrue(html.contains("<a href=\"/42500/kk/b/\">b</a>"), "site links get the path prefix")
        XCTAssertTrue(html.range(of: #"href="/42500/style\.[0-9a-f]{16}\.css""#, options: .regularExpression) != nil)
    }

    func testHostileFrontMatterIsEscapedInEveryContext() throws {
        let f = try Fixture(files: [
            "content/kk/x.md": "---\ntitle: \"</title><script>alert(1)</script>\"\ndescription: 'a\" onload=\"x'\n---\nМәтін\n",
        ])
        assertNoErrors(f.build().diagnostics)
        let page = HTMLParser.parse(try XCTUnwrap(f.output("kk/x/index.html")))
        XCTAssertTrue(page.all("script").allSatisfy { $0["src"] != nil }, "no script element came from the title")
        XCTAssertEqual(page.first("title")?.text.hasPrefix("</title><script>alert(1)</script>"), true)
        let meta = try XCTUnwrap(page.first("meta") { $0["name"] == "description" })
        XCTAssertEqual(meta["content"], Typography.apply("a\" onload=\"x", language: "kk"), "quotes are typeset, never raw")
        XCTAssertNil(meta["onload"])
    }

    func testRawHTMLIsNotRenderedAndWarned() throws {
        let (html, diagnostics) = try Fixture.render("Мәтін <b onclick=\"x()\">қалың</b>\n\n<script>alert(1)</script>\n")
        let page = try XCTUnwrap(html)
        XCTAssertFalse(page.contains("<script>alert"))
        XCTAssertFalse(page.contains("onclick"))
        assertDiagnostic(diagnostics, code: "markdown.raw-html", line: 4, column: 7)
        assertDiagnostic(diagnostics, code: "markdown.raw-html", line: 6, column: 1)
    }

    func testEveryErrorInOneRunAcrossFiles() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\n---\n[x](http://egov.kz/)\n",
            "content/ru/b.md": "---\ndescription: no title\n---\n",
        ])
        let report = f.build()
        XCTAssertEqual(report.diagnostics.errorCount, 2)
        assertDiagnostic(report.diagnostics, code: "link.scheme", line: 4, column: 1, file: "content/kk/a.md")
        assertDiagnostic(report.diagnostics, code: "frontmatter.title", line: 1, column: 1, file: "content/ru/b.md")
    }
}
