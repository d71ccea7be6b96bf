import Foundation
import FoundationXML
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// A sitemap stays within the protocol's limits for one file (50,000 addresses, 50 MiB): a site that
/// fits gets one `sitemap.xml`; a bigger one gets numbered files under `sitemaps/` and `sitemap.xml` as
/// their index, holding every page once, in order, and no file over the limits.
final class SitemapLimitsTests: XCTestCase {
    /// Nine pages: four kk–ru pairs and one kk page alone, some with a day of last change.
    private func discovery() throws -> DiscoveryFiles {
        let f = try Fixture()
        let config = try XCTUnwrap(ConfigLoader.load(sourceDirectory: f.root).0)
        var pages: [Page] = []
        for (i, lang) in [(1, "kk"), (1, "ru"), (2, "kk"), (2, "ru"), (3, "kk"), (3, "ru"), (4, "kk"), (4, "ru"), (5, "kk")] {
            var fm = FrontMatter()
            fm.title = "Бет \(i)"
            fm.translationKey = "p\(i)"
            if i % 2 == 0 { fm.lastmod = "2020-04-\(10 + i)" }
            pages.append(Page(sourcePath: "content/\(lang)/p\(i).md", language: lang, contentPath: "p\(i)", isSection: false,
                              url: "/\(lang)/p\(i)/", frontMatter: fm, text: PageCache.emptyText, bodyOffset: 0, bodyLineOffset: 0))
        }
        return DiscoveryFiles(config: config, index: SiteIndex(pages: pages))
    }

    /// The files written, by path, in the order written (a path written twice keeps its last bytes).
    private func written(_ sitemaps: Sitemaps) throws -> (paths: [String], files: [String: Data]) {
        var files: [String: Data] = [:]
        let paths = try sitemaps.write { path, produce in
            var bytes = Data()
            try produce { bytes.append(contentsOf: $0) }
            files[path] = bytes
        }
        return (paths, files)
    }

    private func root(_ data: Data?) throws -> XMLElement {
        try XCTUnwrap(try XMLDocument(data: try XCTUnwrap(data)).rootElement())
    }

    private func locations(_ element: XMLElement, _ name: String) -> [String] {
        element.elements(forName: name).compactMap { $0.elements(forName: "loc").first?.stringValue }
    }

    func testASiteThatFitsHasOneSitemap() throws {
        let (paths, files) = try written(Sitemaps(discovery: try discovery()))
        XCTAssertEqual(paths, ["sitemap.xml"])
        XCTAssertEqual(Array(files.keys), ["sitemap.xml"])
        let urlset = try root(files["sitemap.xml"])
        XCTAssertEqual(urlset.name, "urlset")
        XCTAssertEqual(locations(urlset, "url").count, 9)
    }

    func testTooManyAddressesSplitTheSitemapUnderAnIndex() throws {
        let discovery = try discovery()
        let whole = locations(try root(try written(Sitemaps(discovery: discovery)).files["sitemap.xml"]), "url")
        let (paths, files) = try written(Sitemaps(discovery: discovery, limits: .init(addresses: 2)))
        XCTAssertEqual(paths, ["sitemaps/1.xml", "sitemaps/2.xml", "sitemaps/3.xml", "sitemaps/4.xml", "sitemaps/5.xml", "sitemap.xml"])
        XCTAssertEqual(Set(files.keys), Set(paths))
        let index = try root(files["sitemap.xml"])
        XCTAssertEqual(index.name, "sitemapindex")
        XCTAssertEqual(index.uri, "http://www.sitemaps.org/schemas/sitemap/0.9")
        XCTAssertEqual(locations(index, "sitemap"), paths.dropLast().map { "https://example.kz/" + $0 })
        var split: [String] = []
        for (n, path) in paths.dropLast().enumerated() {
            let urlset = try root(files[path])
            XCTAssertEqual(urlset.name, "urlset", path)
            let here = locations(urlset, "url")
            XCTAssertLessThanOrEqual(here.count, 2, path)
            split += here
            // Each file's entry in the index carries the latest day of change of its pages.
            let days = urlset.elements(forName: "url").compactMap { $0.elements(forName: "lastmod").first?.stringValue }
            let entry = index.elements(forName: "sitemap")[n]
            XCTAssertEqual(entry.elements(forName: "lastmod").first?.stringValue, days.max(), path)
        }
        XCTAssertEqual(split, whole, "every page once, in the order of the single sitemap")
    }

    func testTooManyBytesSplitTheSitemapAndNoPageIsLost() throws {
        let discovery = try discovery()
        let whole = try written(Sitemaps(discovery: discovery)).files["sitemap.xml"]!
        let wholeLocations = locations(try root(whole), "url")
        // A third of the single file: each file holds what fits, none goes over.
        let limit = whole.count / 3
        let (paths, files) = try written(Sitemaps(discovery: discovery, limits: .init(bytes: limit)))
        XCTAssertGreaterThan(paths.count, 3)
        for path in paths.dropLast() { XCTAssertLessThanOrEqual(files[path]!.count, limit, path) }
        XCTAssertEqual(paths.dropLast().flatMap { locations((try? root(files[$0])) ?? XMLElement(name: "none"), "url") }, wholeLocations)
        // A limit no single page fits in: one page a file, still every page.
        let (one, tiny) = try written(Sitemaps(discovery: discovery, limits: .init(bytes: 10)))
        XCTAssertEqual(one.count, 10)
        XCTAssertEqual(one.dropLast().flatMap { locations((try? root(tiny[$0])) ?? XMLElement(name: "none"), "url") }, wholeLocations)
    }

    func testAStaticFileWhereTheSplitSitemapGoesIsRefused() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "static/sitemaps/1.xml": "<urlset/>\n"])
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "content.static-clash" && $0.file == "static/sitemaps/1.xml" },
                      "\(report.diagnostics)")
        // In another case too: a web host that ignores case would serve one for the other.
        for file in ["static/Sitemaps/1.xml", "static/Sitemap.xml", "static/BULLETINS/x.txt"] {
            let g = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", file: "x\n"])
            let report = g.build()
            XCTAssertFalse(report.published, file)
            XCTAssertTrue(report.diagnostics.contains { $0.code == "content.static-clash" && $0.file == file }, "\(file): \(report.diagnostics)")
        }
    }
}
