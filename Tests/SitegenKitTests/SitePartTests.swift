import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// The site-wide parts (the root, not-found and search pages, sitemaps, feeds and serving rules; each
/// language's search index) are linked from the published site when nothing they are made of changed,
/// and made again when it did, when one of their published files is not as it was, or when the cache
/// lists for them a file they do not write.
final class SitePartTests: XCTestCase {
    /// A built copy of the repository's guides and the parts its cache records.
    private func built() throws -> (Fixture, [String: [BuildRecord.OutputFile]]) {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        return (f, Dictionary(uniqueKeysWithValues: cache.parts.map { ($0.name, $0.files) }))
    }

    /// Runs one part against the published site as the next build would, and says whether it was made.
    private func made(_ part: SitePart, _ f: Fixture, cached: [String: [BuildRecord.OutputFile]], unchanged: Bool = true) throws -> Bool {
        let output = try OutputTree(destination: f.siteDirectory, reusing: true)
        defer { output.discard() }
        let parts = SiteParts(output: output, cached: cached, languages: ["kk", "ru"])
        var made = false
        try parts.make(part, unchanged: unchanged) { out in
            made = true
            try out.write(SitePart.robots, "made\n")
        }
        XCTAssertEqual(parts.written[part.name], made ? [SitePart.robots] : cached[part.name]?.map(\.path))
        return made
    }

    func testTheCacheRecordsEachPartWithTheFilesItPublished() throws {
        let (f, parts) = try built()
        XCTAssertEqual(Set(parts.keys), ["index", "search/kk", "search/ru"])
        let index = Set(try XCTUnwrap(parts["index"]).map(\.path))
        for path in ["index.html", "404.html", "kk/404.html", "ru/search/index.html", "sitemap.xml", "robots.txt", "kk/atom.xml",
                     "_headers", "_host/nginx.conf"] {
            XCTAssertTrue(index.contains(path), "the index part lists \(path)")
        }
        let search = try XCTUnwrap(parts["search/kk"])
        XCTAssertFalse(search.isEmpty)
        XCTAssertTrue(search.allSatisfy { $0.path.hasPrefix("search/kk/") })
        let published = Set(f.snapshot().keys)
        for file in parts.values.joined() {
            XCTAssertTrue(published.contains(file.path), "\(file.path) is published")
            var info = stat()
            XCTAssertEqual(lstat(f.siteDirectory + "/" + file.path, &info), 0)
            XCTAssertEqual(Int(info.st_size), file.size, file.path)
            XCTAssertEqual(OutputTree.changed(info), file.changed, file.path)
        }
    }

    func testAnUnchangedPartIsLinkedNotMade() throws {
        let (f, parts) = try built()
        XCTAssertFalse(try made(.index, f, cached: parts))
        XCTAssertFalse(try made(.search(language: "ru"), f, cached: parts))
        XCTAssertTrue(try made(.index, f, cached: parts, unchanged: false), "a part whose inputs changed is made")
        XCTAssertTrue(try made(.search(language: "kk"), f, cached: [:]), "a part the cache does not have is made")
    }

    func testAPartWithAPublishedFileChangedByHandIsMade() throws {
        let (f, parts) = try built()
        try f.write("site/sitemap.xml", "<urlset><url><loc>https://evil.example/</loc></url></urlset>\n")
        XCTAssertTrue(try made(.index, f, cached: parts))
        let shard = try XCTUnwrap(parts["search/ru"]?.first?.path)
        try f.remove("site/" + shard)
        XCTAssertTrue(try made(.search(language: "ru"), f, cached: parts))
    }

    func testAPartListingAFileItDoesNotWriteIsMade() throws {
        let (f, parts) = try built()
        let page = try XCTUnwrap(f.snapshot().keys.first { $0.hasPrefix("kk/42500/") && $0.hasSuffix("index.html") })
        var info = stat()
        XCTAssertEqual(lstat(f.siteDirectory + "/" + page, &info), 0)
        let stamp = BuildRecord.OutputFile(path: page, size: Int(info.st_size), changed: OutputTree.changed(info))
        for (part, extra) in [(SitePart.index, stamp), (.search(language: "kk"), stamp),
                              (.index, BuildRecord.OutputFile(path: "kk/../../outside", size: 0, changed: 0)),
                              (.search(language: "ru"), BuildRecord.OutputFile(path: "search/kk/" + page, size: 0, changed: 0))] {
            var forged = parts
            forged[part.name]!.append(extra)
            XCTAssertTrue(try made(part, f, cached: forged), "\(part.name) listing \(extra.path)")
        }
    }

    func testWhatEachPartMayWrite() {
        let languages = ["kk", "ru"]
        for path in ["index.html", "404.html", "ru/404.html", "kk/atom.xml", "kk/search/index.html", "sitemap.xml", "sitemaps/2.xml",
                     "robots.txt", "_headers", "_host/nginx.conf"] {
            XCTAssertTrue(SitePart.index.writes(path, languages: languages), path)
        }
        for path in ["", "kk/index.html", "en/404.html", "sitemaps/../kk/x.xml", "sitemaps/2.html", "sitemaps/a/2.xml",
                     "search/kk/d/0.json", "./index.html", "index.html/", "kk//404.html"] {
            XCTAssertFalse(SitePart.index.writes(path, languages: languages), path)
        }
        XCTAssertTrue(SitePart.search(language: "kk").writes("search/kk/d/0.json", languages: languages))
        for path in ["search/ru/d/0.json", "search/kk/../ru/x", "search/kk/", "search/kk/a\0b", "search/kk", "search/en/x"] {
            XCTAssertFalse(SitePart.search(language: "kk").writes(path, languages: languages), path)
        }
        XCTAssertFalse(SitePart.search(language: "en").writes("search/en/x", languages: languages), "a language the site does not have")
    }
}
