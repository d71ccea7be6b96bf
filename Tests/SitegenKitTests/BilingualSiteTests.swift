import Foundation
import FoundationXML
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Translations kept in step and the files that make the site findable.
final class BilingualSiteTests: XCTestCase {
    func page(_ title: String, key: String, _ body: String, extra: String = "") -> String {
        "---\ntitle: \"\(title)\"\ntranslationKey: \(key)\n\(extra)---\n\(body)"
    }

    /// A kk/ru pair whose bodies differ only where a test says.
    func pair(kk: String, ru: String, extraKK: String = "", extraRU: String = "") throws -> Fixture {
        try Fixture(files: [
            "content/kk/p.md": page("Бет", key: "p", kk, extra: extraKK),
            "content/ru/p.md": page("Страница", key: "p", ru, extra: extraRU),
        ])
    }

    // MARK: Fact parity, one test per kind

    func testAmountParity() throws {
        let f = try pair(kk: "Төлем 42 500 ₸.\n", ru: "Выплата 45 500 ₸.\n")
        let d = f.build(checkOnly: true).diagnostics
        let e = try XCTUnwrap(d.first { $0.code == "parity.amount" && $0.file == "content/ru/p.md" })
        XCTAssertEqual(e.line, 5)
        XCTAssertEqual(e.column, 9)
        // One difference, one message, on the translation, naming both sides.
        XCTAssertEqual(e.message, "45 500 here, but 42 500 in content/kk/p.md (line 5): make both languages say the same")
        XCTAssertEqual(e.message(in: .kk), "мұнда 45 500, ал content/kk/p.md файлында 42 500 (5-жол): екі тілде бірдей болуы керек")
        XCTAssertEqual(e.message(in: .ru), "здесь 45 500, а в content/kk/p.md — 42 500 (строка 5): на обоих языках должно быть одно и то же")
        XCTAssertEqual(d.filter { $0.code.hasPrefix("parity") }.count, 1)
    }

    func testAmountWrittenDifferentlyIsTheSameAmount() throws {
        let f = try pair(kk: "Төлем 42500 теңге.\n", ru: "Выплата 42\u{A0}500 тенге.\n")
        XCTAssertFalse(f.build(checkOnly: true).diagnostics.contains { $0.code.hasPrefix("parity") })
    }

    func testLinkParity() throws {
        let f = try pair(kk: "[egov](https://egov.kz/)\n", ru: "[egov](https://egov.kz/ru)\n")
        let d = f.build(checkOnly: true).diagnostics
        assertDiagnostic(d, code: "parity.link", line: 5, column: 1, file: "content/ru/p.md")
        XCTAssertEqual(d.filter { $0.code == "parity.link" }.count, 1, "one message for one difference")
    }

    func testSiteLinksPairAcrossLanguagePrefixes() throws {
        let f = try pair(kk: "[a](/kk/a/)\n", ru: "[a](/ru/a/)\n")
        XCTAssertFalse(f.build(checkOnly: true).diagnostics.contains { $0.code == "parity.link" })
    }

    func testHandleParity() throws {
        let f = try pair(kk: "Бот: @Kenes1414Bot\n", ru: "Бот: [бот](https://egov.kz/)\n")
        let d = f.build(checkOnly: true).diagnostics
        assertDiagnostic(d, code: "parity.handle", line: 5, column: 6, file: "content/kk/p.md")
    }

    func testPhoneParity() throws {
        let f = try pair(kk: "[1414](tel:1414)\n", ru: "Текст\n")
        assertDiagnostic(f.build(checkOnly: true).diagnostics, code: "parity.phone", line: 5, column: 1, file: "content/kk/p.md")
    }

    func testEmailParity() throws {
        let f = try pair(kk: "Жазыңыз: info@egov.kz\n", ru: "Пишите: help@egov.kz\n")
        let d = f.build(checkOnly: true).diagnostics
        XCTAssertTrue(d.contains { $0.code == "parity.email" && $0.file == "content/ru/p.md" && $0.message.contains("help@egov.kz") },
                      "\(d)")
    }

    func testDateParity() throws {
        let f = try pair(kk: "Мерзімі: 14.04.2020\n", ru: "Срок: 15.04.2020\n")
        let d = f.build(checkOnly: true).diagnostics
        assertDiagnostic(d, code: "parity.date", line: 5, column: 7, file: "content/ru/p.md")
    }

    func testSameDateWrittenTwoWaysPairs() throws {
        let f = try pair(kk: "Мерзімі: 14.04.2020\n", ru: "Срок: 2020-04-14\n")
        XCTAssertFalse(f.build(checkOnly: true).diagnostics.contains { $0.code == "parity.date" })
    }

    func testStepCountParity() throws {
        let f = try pair(kk: "1. a\n2. b\n3. c\n", ru: "1. a\n2. b\n", extraKK: "kind: guide\n", extraRU: "kind: guide\n")
        let d = f.build(checkOnly: true).diagnostics
        assertDiagnostic(d, code: "parity.steps", line: 6, column: 1, file: "content/ru/p.md")
    }

    func testChecklistParity() throws {
        let f = try pair(kk: "- [ ] ЖСН\n- [ ] IBAN\n", ru: "- [ ] ИИН\n")
        assertDiagnostic(f.build(checkOnly: true).diagnostics, code: "parity.checklist", line: 5, column: 1, file: "content/ru/p.md")
    }

    func testParityErrorsFailTheBuild() throws {
        let f = try pair(kk: "Төлем 42 500 ₸.\n", ru: "Выплата 45 500 ₸.\n")
        let report = f.build()
        XCTAssertFalse(report.published)
    }

    // MARK: Translation warnings

    func testMissingTranslationIsAWarningAndStrictMakesItAnError() throws {
        let f = try Fixture(files: ["content/kk/only.md": "---\ntitle: A\n---\n"])
        let report = f.build()
        XCTAssertTrue(report.published)
        assertDiagnostic(report.diagnostics, code: "translation.missing", line: 1, column: 1, file: "content/kk/only.md")
        var options = BuildOptions(sourceDirectory: f.root)
        options.strict = true
        let strict = SiteBuilder(options: options).run()
        XCTAssertTrue(strict.diagnostics.contains { $0.code == "translation.missing" && $0.severity == .error })
        XCTAssertFalse(strict.published)
    }

    func testStrictFromConfig() throws {
        let f = try Fixture(config: Fixture.defaultConfig + "strict: true\n", files: ["content/kk/only.md": "---\ntitle: A\n---\n"])
        XCTAssertTrue(f.build().diagnostics.contains { $0.code == "translation.missing" && $0.severity == .error })
    }

    func testOutdatedTranslationIsAWarning() throws {
        let f = try pair(kk: "a\n", ru: "b\n", extraKK: "lastmod: 2020-05-01\n", extraRU: "lastmod: 2020-04-14\n")
        let d = f.build(checkOnly: true).diagnostics
        let w = try XCTUnwrap(d.first { $0.code == "translation.outdated" })
        XCTAssertEqual(w.severity, .warning)
        XCTAssertEqual(w.file, "content/ru/p.md")
        XCTAssertTrue(w.message.contains("2020-05-01"))
    }

    // MARK: Pages

    func testSwitcherAndAlternates() throws {
        let f = try Fixture(files: [
            "content/kk/p.md": page("Бет", key: "p", "a\n"),
            "content/ru/p.md": page("Страница", key: "p", "b\n"),
            "content/kk/only.md": "---\ntitle: Жалғыз\n---\n",
        ])
        _ = f.build()
        let p = HTMLParser.parse(try XCTUnwrap(f.output("ru/p/index.html")))
        let alternates = p.all("link").filter { $0["rel"] == "alternate" && $0["hreflang"] != nil }
        XCTAssertEqual(alternates.map { $0["hreflang"]! }, ["kk", "ru", "x-default"])
        XCTAssertEqual(alternates.last?["href"], "https://example.kz/kk/p/")
        XCTAssertEqual(p.first("meta") { $0["property"] == "og:locale" }?["content"], "ru_RU")
        XCTAssertEqual(p.first("meta") { $0["property"] == "og:locale:alternate" }?["content"], "kk_KZ")
        let only = HTMLParser.parse(try XCTUnwrap(f.output("kk/only/index.html")))
        let switcher = try XCTUnwrap(only.first("nav") { $0.classes.contains("languages") }?.first("a"))
        XCTAssertEqual(switcher["href"], "/ru/", "an untranslated page links to the other language's home")
        XCTAssertTrue(switcher.text.contains("не переведено"))
    }

    func testBreadcrumbs() throws {
        let f = try Fixture(files: [
            "content/kk/_index.md": "---\ntitle: Басты\n---\n",
            "content/kk/s/_index.md": "---\ntitle: Бөлім\n---\n",
            "content/kk/s/p.md": "---\ntitle: Бет\n---\n",
        ])
        _ = f.build()
        let nav = try XCTUnwrap(HTMLParser.parse(try XCTUnwrap(f.output("kk/s/p/index.html")))
            .first("nav") { $0.classes.contains("breadcrumbs") })
        XCTAssertEqual(nav.all("a").map { $0["href"] }, ["/kk/", "/kk/s/"])
        XCTAssertEqual(nav.all("li").last?["aria-current"], "page")
    }

    func testSectionListOrder() throws {
        let f = try Fixture(files: [
            "content/kk/s/_index.md": "---\ntitle: Бөлім\n---\n",
            "content/kk/s/a.md": "---\ntitle: Ә\nweight: 2\n---\n",
            "content/kk/s/b.md": "---\ntitle: Б\nweight: 1\ndate: 2020-01-01\n---\n",
            "content/kk/s/c.md": "---\ntitle: В\nweight: 1\ndate: 2020-05-01\n---\n",
            "content/kk/s/d.md": "---\ntitle: Г\nweight: 1\ndate: 2020-05-01\n---\n",
        ])
        _ = f.build()
        let list = try XCTUnwrap(HTMLParser.parse(try XCTUnwrap(f.output("kk/s/index.html"))).first("ul") { $0.classes.contains("pages") })
        XCTAssertEqual(list.all("a").map { $0["href"] }, ["/kk/s/c/", "/kk/s/d/", "/kk/s/b/", "/kk/s/a/"])
    }

    func testNotFoundPages() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
        _ = f.build()
        for path in ["404.html", "kk/404.html", "ru/404.html"] {
            let page = HTMLParser.parse(try XCTUnwrap(f.output(path), path))
            XCTAssertNotNil(page.first("h1"))
        }
        XCTAssertEqual(HTMLParser.parse(f.output("ru/404.html")!).first("html")?["lang"], "ru")
    }

    // MARK: Discovery files

    func testSitemapIsValidAndEveryLocationResolves() throws {
        let f = try Fixture(files: [
            "content/kk/p.md": page("Бет", key: "p", "a\n", extra: "lastmod: 2020-04-14\n"),
            "content/ru/p.md": page("Страница", key: "p", "b\n"),
        ])
        _ = f.build(baseURL: "https://example.org/42500/")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: f.siteDirectory + "/sitemap.xml"))
        let doc = try XMLDocument(data: data)
        let root = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(root.name, "urlset")
        XCTAssertEqual(root.uri, "http://www.sitemaps.org/schemas/sitemap/0.9")
        let urls = root.elements(forName: "url")
        XCTAssertFalse(urls.isEmpty)
        var alternatesSeen = 0
        for url in urls {
            let loc = try XCTUnwrap(url.elements(forName: "loc").first?.stringValue)
            XCTAssertTrue(loc.hasPrefix("https://example.org/42500/"), loc)
            let path = String(loc.dropFirst("https://example.org/42500/".count))
            XCTAssertTrue(FileManager.default.fileExists(atPath: f.siteDirectory + "/" + path + (path.isEmpty || path.hasSuffix("/") ? "index.html" : "")), loc)
            for link in url.elements(forName: "xhtml:link") where link.uri == "http://www.w3.org/1999/xhtml" {
                alternatesSeen += 1
                let href = try XCTUnwrap(link.attributes?.first { $0.name == "href" || $0.localName == "href" }?.stringValue, "\(link)")
                let p = String(href.dropFirst("https://example.org/42500/".count))
                XCTAssertTrue(FileManager.default.fileExists(atPath: f.siteDirectory + "/" + p + "index.html"), href)
            }
        }
        XCTAssertEqual(alternatesSeen, 12, "kk, ru and x-default on both pages of the pair and on both homes")
        let kk = try XCTUnwrap(urls.first { $0.elements(forName: "loc").first?.stringValue?.hasSuffix("/kk/p/") == true })
        XCTAssertEqual(kk.elements(forName: "lastmod").first?.stringValue, "2020-04-14")
    }

    func testRobotsNamesTheSitemap() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
        _ = f.build()
        XCTAssertEqual(f.output("robots.txt"), "User-agent: *\nAllow: /\n\nSitemap: https://example.kz/sitemap.xml\n")
    }

    func testAtomFeedIsValidAtom() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: \"A & <B>\"\ndescription: Сипаттама\ndate: 2020-04-14\n---\n",
            "content/kk/b.md": "---\ntitle: B\ndate: 2020-05-01\n---\n",
        ])
        _ = f.build()
        let data = try XCTUnwrap(FileManager.default.contents(atPath: f.siteDirectory + "/kk/atom.xml"))
        let doc = try XMLDocument(data: data)
        let feed = try XCTUnwrap(doc.rootElement())
        XCTAssertEqual(feed.name, "feed")
        XCTAssertEqual(feed.uri, "http://www.w3.org/2005/Atom")
        XCTAssertEqual(feed.elements(forName: "updated").first?.stringValue, "2020-05-01T00:00:00Z")
        let entries = feed.elements(forName: "entry")
        XCTAssertEqual(entries.compactMap { $0.elements(forName: "title").first?.stringValue }, ["B", "A & <B>"])
        // A real feed parser, when Python's feedparser is installed.
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sys, feedparser
            d = feedparser.parse(sys.argv[1])
            assert not d.bozo, d.bozo_exception
            assert d.version == 'atom10', d.version
            print(len(d.entries), d.entries[1].title, d.entries[1].summary)
            """, f.siteDirectory + "/kk/atom.xml"]
        let out = Pipe()
        python.standardOutput = out
        python.standardError = Pipe()
        try python.run()
        python.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if python.terminationStatus != 0 && printed.isEmpty {
            throw XCTSkip("Python feedparser is not installed")
        }
        XCTAssertEqual(printed, "2 A & <B> Сипаттама\n")
    }

    func testStaticAssetsStayUnderBudget() throws {
        let dir = Fixture.repository + "/static"
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".css") || $0.hasSuffix(".js") }
        let total = try files.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: dir + "/" + $1)[.size] as? Int) ?? 0) }
        XCTAssertLessThan(total, 30_000, "CSS and JS every page may load: \(files)")
    }

    func testRealContentIsFullyTranslatedWithoutParityErrors() throws {
        let f = try Fixture()
        try f.remove("sitegen.yml")
        try FileManager.default.copyItem(atPath: Fixture.repository + "/sitegen.yml", toPath: f.root + "/sitegen.yml")
        try FileManager.default.copyItem(atPath: Fixture.repository + "/content", toPath: f.root + "/content")
        let d = f.build(checkOnly: true).diagnostics
        XCTAssertEqual(d.filter { $0.code.hasPrefix("parity") || $0.code.hasPrefix("translation") }.map(DiagnosticFormatter.line), [])
        assertNoErrors(d)
    }
}
