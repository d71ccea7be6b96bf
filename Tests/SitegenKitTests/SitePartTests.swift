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
    private func built() throws -> (Fixture, [String: PageCache.Part]) {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        return (f, Dictionary(uniqueKeysWithValues: cache.parts.map { ($0.name, $0) }))
    }

    /// Runs one part against the published site as the next build would, and says whether it was made.
    private func made(_ part: SitePart, _ f: Fixture, cached: [String: PageCache.Part], key: String? = nil) throws -> Bool {
        let output = try OutputTree(destination: f.siteDirectory, reusing: true)
        defer { output.discard() }
        let parts = SiteParts(output: output, cached: Array(cached.values), languages: ["kk", "ru"])
        var made = false
        try parts.make(part, key: key ?? cached[part.name]?.key ?? "") { out in
            made = true
            try out.write(SitePart.robots, "made\n")
            try out.write(SitePart.robots, "made again\n")
        }
        XCTAssertEqual(parts.written(part), made ? [SitePart.robots] : cached[part.name]?.files.map(\.path), "each file noted once")
        return made
    }

    func testTheCacheRecordsEachPartWithTheFilesItPublished() throws {
        let (f, parts) = try built()
        XCTAssertEqual(Set(parts.keys), ["index", "search/kk", "search/ru"])
        let index = Set(try XCTUnwrap(parts["index"]).files.map(\.path))
        for path in ["index.html", "404.html", "kk/404.html", "ru/search/index.html", "sitemap.xml", "robots.txt", "kk/atom.xml",
                     "_headers", "_host/nginx.conf"] {
            XCTAssertTrue(index.contains(path), "the index part lists \(path)")
        }
        let search = try XCTUnwrap(parts["search/kk"]).files
        XCTAssertFalse(search.isEmpty)
        XCTAssertTrue(search.allSatisfy { $0.path.hasPrefix("search/kk/") })
        let published = Set(f.snapshot().keys)
        for file in parts.values.flatMap(\.files) {
            XCTAssertTrue(published.contains(file.path), "\(file.path) is published")
            var info = stat()
            XCTAssertEqual(lstat(f.siteDirectory + "/" + file.path, &info), 0)
            XCTAssertEqual(OutputTree.identity(info), file.identity, file.path)
        }
    }

    func testAnUnchangedPartIsLinkedNotMade() throws {
        let (f, parts) = try built()
        XCTAssertFalse(try made(.index, f, cached: parts))
        XCTAssertFalse(try made(.search(language: "ru"), f, cached: parts))
        XCTAssertTrue(try made(.index, f, cached: parts, key: "other"), "a part made of something else is made")
        XCTAssertTrue(try made(.search(language: "kk"), f, cached: [:]), "a part the cache does not have is made")
    }

    func testAPartWithAPublishedFileChangedByHandIsMade() throws {
        let (f, parts) = try built()
        try f.write("site/sitemap.xml", "<urlset><url><loc>https://evil.example/</loc></url></urlset>\n")
        XCTAssertTrue(try made(.index, f, cached: parts))
        let shard = try XCTUnwrap(parts["search/ru"]?.files.last?.path)
        try f.remove("site/" + shard)
        XCTAssertTrue(try made(.search(language: "ru"), f, cached: parts))
    }

    func testAPartListingOtherFilesThanItWritesIsMade() throws {
        let (f, parts) = try built()
        let page = try XCTUnwrap(f.snapshot().keys.first { $0.hasPrefix("kk/42500/") && $0.hasSuffix("index.html") })
        // Files put into the site by hand under names a part might write, and a page's file.
        try FileManager.default.createDirectory(atPath: f.siteDirectory + "/sitemaps", withIntermediateDirectories: true)
        try f.write("site/sitemaps/evil.xml", "<evil/>\n")
        try f.write("site/sitemaps/2.xml", "<evil/>\n")
        try f.write("site/search/kk/evil.json", "{}\n")
        let extra: [(SitePart, String)] = [(.index, page), (.search(language: "kk"), page), (.index, "sitemaps/evil.xml"),
                                           (.index, "sitemaps/2.xml"), (.search(language: "kk"), "search/kk/evil.json"),
                                           (.index, "kk/../../outside"), (.search(language: "ru"), "search/kk/" + page)]
        for (part, path) in extra {
            var forged = parts
            var info = stat()
            let stamp = lstat(f.siteDirectory + "/" + path, &info) == 0
                ? BuildRecord.OutputFile(path: path, identity: OutputTree.identity(info))
                : BuildRecord.OutputFile(path: path, identity: 0)
            forged[part.name]!.files.append(stamp)
            XCTAssertTrue(try made(part, f, cached: forged), "\(part.name) listing \(path) too")
        }
        // A part listing too few of its files, or one twice. (Which shards a search index has is known only
        // from its meta file: a list without one of them is not found here, and costs the search that word.)
        let index = try XCTUnwrap(parts["index"]).files
        for (what, files) in [("without its first file", Array(index.dropFirst())), ("without its last file", Array(index.dropLast())),
                              ("with a file twice", index + index.prefix(1))] {
            var forged = parts
            forged["index"]!.files = files
            XCTAssertTrue(try made(.index, f, cached: forged), "the index part \(what)")
        }
        let search = try XCTUnwrap(parts["search/kk"]).files
        XCTAssertEqual(search.first?.path, "search/kk/meta.json")
        for (what, files) in [("without its meta file", Array(search.dropFirst())), ("with a file twice", search + search.suffix(1))] {
            var forged = parts
            forged["search/kk"]!.files = files
            XCTAssertTrue(try made(.search(language: "kk"), f, cached: forged), "the search part \(what)")
        }
    }

    /// A language's home deleted where the generated home takes its place with the same entry in the
    /// site index (the config's title, nothing else): the cache is used, and every other page of the
    /// language is unchanged, yet the search index must lose the deleted page's words.
    func testAGeneratedHomeInPlaceOfADeletedOneMakesTheSearchIndexAgain() throws {
        let f = try Fixture.repositoryGuides()
        let config = try String(contentsOfFile: f.root + "/sitegen.yml", encoding: .utf8)
        XCTAssertTrue(config.contains("42 500 ₸: официальная информация"), "the title the generated home takes")
        // The home keeps its text (the Kazakh home states the same facts), under the title alone.
        let home = try String(contentsOfFile: f.root + "/content/ru/_index.md", encoding: .utf8)
        let body = home.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        try f.write("content/ru/_index.md", "---\ntitle: \"42 500 ₸: официальная информация\"\n---\nЗебраслово.\n" + body)
        let kk = try String(contentsOfFile: f.root + "/content/kk/_index.md", encoding: .utf8)
        try f.write("content/kk/_index.md", kk.replacingOccurrences(of: "translationKey: \"home\"\n", with: ""))
        let first = f.build()
        XCTAssertTrue(first.published, "\(first.diagnostics.filter { $0.severity == .error })")
        XCTAssertTrue(f.snapshot().contains { $0.key.hasPrefix("search/ru/") && String(decoding: $0.value, as: UTF8.self).lowercased().contains("зебрасл") })
        let index = try XCTUnwrap(PageCache.read(for: f.siteDirectory)?.index)
        try f.remove("content/ru/_index.md")
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(PageCache.read(for: f.siteDirectory)?.index, index, "what pages show of each other is as it was")
        XCTAssertFalse(f.snapshot().contains { $0.key.hasPrefix("search/ru/") && String(decoding: $0.value, as: UTF8.self).lowercased().contains("зебрасл") },
                       "the deleted page's word is not in the search index")
    }

    func testTheKeyOfASearchIndexNamesEachPageAndWhatItWasMadeOf() {
        let pages: [(path: String, made: SitePart.Made)] = [("content/ru/_index.md", .source(SourceDigest(of: Array("a".utf8)))), ("content/ru/x.md", .source(SourceDigest(of: Array("b".utf8))))]
        let key = SitePart.searchKey(pages)
        XCTAssertEqual(SitePart.searchKey(pages), key)
        XCTAssertNotEqual(SitePart.searchKey([(pages[0].path, .generated), pages[1]]), key)
        XCTAssertNotEqual(SitePart.searchKey([(pages[0].path, .unread), pages[1]]), key)
        XCTAssertNotEqual(SitePart.searchKey([pages[0], (pages[1].path, .source(SourceDigest(of: Array("c".utf8))))]), key)
        XCTAssertNotEqual(SitePart.searchKey([pages[0], ("content/ru/y.md", .source(SourceDigest(of: Array("b".utf8))))]), key)
        XCTAssertNotEqual(SitePart.searchKey(Array(pages.reversed())), key)
        XCTAssertNotEqual(SitePart.searchKey([pages[0]]), key)
    }

    func testWhatEachPartWrites() {
        let languages = ["kk", "ru"]
        let index = ["index.html", "404.html", "kk/404.html", "ru/404.html", "kk/atom.xml", "ru/atom.xml", "kk/search/index.html",
                     "ru/search/index.html", "sitemap.xml", "robots.txt", "_headers", "_host/nginx.conf"]
        XCTAssertTrue(SitePart.index.isWhole(index, languages: languages))
        XCTAssertTrue(SitePart.index.isWhole(index + ["sitemaps/1.xml", "sitemaps/2.xml"], languages: languages))
        XCTAssertTrue(SitePart.index.isWhole(index.reversed(), languages: languages))
        for (what, files) in [("a file too few", Array(index.dropLast())), ("a file twice", index + ["robots.txt"]),
                              ("a page", index + ["kk/index.html"]), ("another language", index + ["en/404.html"]),
                              ("sitemaps not from 1", index + ["sitemaps/2.xml"]), ("a sitemap not numbered", index + ["sitemaps/a.xml"]),
                              ("a way out", index + ["sitemaps/../kk/x.xml"]), ("a search file", index + ["search/kk/meta.json"])] {
            XCTAssertFalse(SitePart.index.isWhole(files, languages: languages), what)
        }
        XCTAssertFalse(SitePart.index.isWhole(index, languages: ["kk", "ru", "en"]), "a language's files missing")
        let search = SitePart.search(language: "kk")
        XCTAssertTrue(search.isWhole(["search/kk/meta.json", "search/kk/t/0.json", "search/kk/t/7.json", "search/kk/d/0.json"], languages: languages))
        for files in [["search/kk/t/0.json"], ["search/kk/meta.json", "search/ru/t/0.json"], ["search/kk/meta.json", "search/kk/../ru/x"],
                      ["search/kk/meta.json", "search/kk/t/x.json"], ["search/kk/meta.json", "search/kk/t/.json"],
                      ["search/kk/meta.json", "search/kk/evil.json"], ["search/kk/meta.json", "search/kk/t/0.json", "search/kk/t/0.json"],
                      ["search/kk/meta.json", "search/kk/t/1.json\0"]] {
            XCTAssertFalse(search.isWhole(files, languages: languages), "\(files)")
        }
        XCTAssertFalse(SitePart.search(language: "en").isWhole(["search/en/meta.json"], languages: languages), "a language the site does not have")
    }
}
