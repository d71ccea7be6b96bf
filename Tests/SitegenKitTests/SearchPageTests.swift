import Foundation
import XCTest

@testable import SitegenKit

/// The search page (`/<lang>/search/`), where the search form leads: without JavaScript it lists every
/// page of the language by section. And the 404 pages, which carry the header and the same links.
final class SearchPageTests: XCTestCase {
    static let files = [
        "content/kk/_index.md": "---\ntitle: \"Басты\"\n---\n",
        "content/kk/about.md": "---\ntitle: \"Біз туралы\"\n---\nМәтін.\n",
        "content/kk/a/_index.md": "---\ntitle: \"Бөлім А\"\n---\n",
        "content/kk/a/one.md": "---\ntitle: \"Бірінші\"\nweight: 1\n---\nМәтін.\n",
        "content/kk/a/two.md": "---\ntitle: \"Екінші\"\nweight: 2\n---\nМәтін.\n",
        "content/kk/a/b/_index.md": "---\ntitle: \"Ішкі бөлім\"\n---\n",
        "content/kk/a/b/deep.md": "---\ntitle: \"Терең\"\n---\nМәтін.\n",
    ]

    func testSearchPageListsEveryPageBySection() throws {
        let f = try Fixture(files: Self.files)
        f.build().diagnostics.filter { $0.severity == .error }.forEach { XCTFail($0.message) }
        let html = try XCTUnwrap(f.output("kk/search/index.html"))
        let groups = html.components(separatedBy: "<section class=\"guide-group\">").dropFirst()
        XCTAssertEqual(groups.map { $0.components(separatedBy: "</h2>")[0].components(separatedBy: "\">").last ?? "" },
                       ["Басты</a>", "Бөлім А</a>", "Ішкі бөлім</a>"])
        for (title, url) in [("Біз туралы", "/kk/about/"), ("Бірінші", "/kk/a/one/"), ("Екінші", "/kk/a/two/"), ("Терең", "/kk/a/b/deep/")] {
            XCTAssertTrue(html.contains("<li><a href=\"\(url)\">\(title)</a></li>"), title)
        }
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "Бірінші")).lowerBound, try XCTUnwrap(html.range(of: "Екінші")).lowerBound)
        // Every form of the site leads here, and the page searches its ?q= with the same script.
        let page = try XCTUnwrap(f.output("kk/a/one/index.html"))
        XCTAssertTrue(page.contains("<form class=\"search\" role=\"search\" action=\"/kk/search/\""))
        XCTAssertTrue(html.contains("<form class=\"search\" role=\"search\" action=\"/kk/search/\""))
        // The script is published under a name carrying its content hash (`/search.<hash>.js`).
        XCTAssertNotNil(html.range(of: "<script src=\"/search\\.[0-9a-f]+\\.js\" defer></script>", options: .regularExpression), html)
    }

    /// A result shows the page's description, else its text outside warnings: a fake a warning names
    /// (defanged on the page) never reaches a result as written, even when the description is empty
    /// or the page's only text is a warning. Search still finds the page by the fake's name.
    func testAResultNeverShowsAWarningsText() throws {
        let warning = "> [!WARNING]\n> Жалған сайт: egov-kz.com\n"
        let f = try Fixture(files: [
            "content/kk/empty.md": "---\ntitle: \"Бос\"\ndescription: \"\"\n---\n\(warning)",
            "content/kk/blank.md": "---\ntitle: \"Бос жол\"\ndescription: \"  \"\n---\n\(warning)\nРесми сайт арқылы өтініш беріңіз.\n",
            "content/kk/only.md": "---\ntitle: \"Ескерту\"\n---\n\(warning)",
        ])
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        var results: [String: String] = [:]
        func collect(_ value: Any) {
            if let entry = value as? [String], entry.count == 3 { results[entry[0]] = entry[2] }
            if let list = value as? [Any] { list.forEach(collect) }
            if let object = value as? [String: Any] { object.values.forEach(collect) }
        }
        let folder = f.siteDirectory + "/search/kk"
        for file in try XCTUnwrap(FileManager.default.subpathsOfDirectory(atPath: folder)) where file.hasSuffix(".json") {
            let data = try XCTUnwrap(FileManager.default.contents(atPath: folder + "/" + file))
            collect(try JSONSerialization.jsonObject(with: data))
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("egov-kz.com"), file)
        }
        XCTAssertEqual(results["/kk/empty/"], "")
        XCTAssertEqual(results["/kk/only/"], "")
        XCTAssertEqual(results["/kk/blank/"], "Ресми сайт арқылы өтініш беріңіз.")
        XCTAssertTrue(f.output("kk/only/index.html")?.contains("egov-kz[.]com") == true)
    }

    func testNotFoundPagesHaveTheHeaderSearchAndLinks() throws {
        let f = try Fixture(files: Self.files)
        _ = f.build()
        for path in ["404.html", "kk/404.html"] {
            let html = try XCTUnwrap(f.output(path), path)
            XCTAssertTrue(html.contains("<header class=\"site-header\">"), path)
            XCTAssertTrue(html.contains("role=\"search\""), path)
            // The home's own list: its sections and pages, not every page (a 404 stays small).
            XCTAssertTrue(html.contains("<li><a href=\"/kk/a/\">Бөлім А</a></li>"), path)
            XCTAssertTrue(html.contains("<li><a href=\"/kk/about/\">Біз туралы</a></li>"), path)
            XCTAssertFalse(html.contains("/kk/a/b/deep/"), path)
        }
    }

    func testPagesInFoldersWithoutASectionPageAreListedToo() throws {
        let f = try Fixture(files: ["content/kk/s00/p1.md": "---\ntitle: \"Бет\"\n---\nМәтін.\n",
                                    "content/kk/s00/p2.md": "---\ntitle: \"Ақпарат\"\n---\nМәтін.\n"])
        _ = f.build()
        let html = try XCTUnwrap(f.output("kk/search/index.html"))
        XCTAssertTrue(html.contains("<h2>s00</h2>"), html)
        XCTAssertTrue(html.contains("<li><a href=\"/kk/s00/p2/\">Ақпарат</a></li>\n<li><a href=\"/kk/s00/p1/\">Бет</a></li>"), html)
    }

    func testAContentPageWhereTheSearchPageGoesIsAnError() throws {
        let f = try Fixture(files: ["content/kk/search.md": "---\ntitle: \"Іздеу\"\n---\nМәтін.\n"])
        let errors = f.build().diagnostics.filter { $0.code == "content.url-clash" }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.file, "content/kk/search.md")
        XCTAssertTrue(errors.first?.message.contains("search page") ?? false)
    }

    func testChecklistPromiseIsHiddenUntilTheScriptShowsIt() throws {
        let f = try Fixture(files: [
            "content/kk/list.md": "---\ntitle: \"Тізім\"\ntranslationKey: docs\n---\n## Бір\n\n- [ ] ЖСН\n- [ ] IBAN\n\n## Екі\n\n- [ ] ТАӘ\n",
        ])
        _ = f.build()
        let html = try XCTUnwrap(f.output("kk/list/index.html"))
        XCTAssertTrue(html.contains("<p class=\"hint\" data-ticks=\"docs:2.1\" hidden>"), html)
    }
}
