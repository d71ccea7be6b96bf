import Foundation
@testable import SitegenContent
@testable import SitegenKit
import SitegenCore
import XCTest

/// The site's table of pages gives back each page's summary as it was put in, whether its texts wait in
/// memory or in the build's working file, and the site index finds pages by it as a dictionary of their
/// strings would.
final class SitePagesTests: XCTestCase {
    /// Pages with every field a summary holds set one way or another: a section, a given key (and an
    /// empty one, which falls back to the path), a slug and its place, no description, a negative
    /// weight, a source path that is not the usual one, Cyrillic and NUL in texts, and no digest.
    private func pages(_ count: Int) -> [Page] {
        (0..<count).map { n in
            let language = n % 3 == 0 ? "ru" : "kk"
            let isSection = n % 7 == 0
            let contentPath = isSection ? "s\(n % 5)/_index" : "s\(n % 5)/бет-\(n)"
            var fm = FrontMatter()
            fm.title = n % 11 == 0 ? "" : "42 500 теңге: \(n)\u{0}ж"
            fm.description = n % 4 == 0 ? nil : String(repeating: "сипаттама ", count: n % 30)
            fm.date = n % 5 == 0 ? nil : "2020-04-\(10 + n % 19)"
            fm.lastmod = n % 6 == 0 ? "2020-05-01T10:00:00+06:00" : nil
            fm.weight = n % 8 == 0 ? -n : n * 1_000_003
            fm.translationKey = n % 9 == 0 ? nil : n % 9 == 1 ? "" : "key-\(n / 2)"
            fm.slug = n % 10 == 0 ? "slug-\(n)" : nil
            fm.slugPosition = n % 10 == 0 ? (n, 7) : nil
            fm.draft = true
            let sourcePath = n % 13 == 0 ? "content/\(language)/\(contentPath).markdown" : "content/\(language)/\(contentPath).md"
            var page = Page(sourcePath: sourcePath, language: language, contentPath: contentPath, isSection: isSection,
                            url: Page.url(language: language, contentPath: contentPath, slug: fm.slug), frontMatter: fm,
                            text: try! SourceText.decode(Array("---\ntitle: x\n---\nbody \(n)\n".utf8)).get(), bodyOffset: 16, bodyLineOffset: 3)
            page.sourceDigest = n % 12 == 0 ? nil : SourceDigest(of: Array("page \(n)".utf8))
            return page
        }
    }

    private func assertSummary(_ table: SitePages, _ i: Int, is page: Page, file: StaticString = #filePath, line: UInt = #line) {
        let expected = PageCache.summary(of: page)
        let got = table.summary(i)
        for (a, b, what) in [(got.sourcePath, expected.sourcePath, "source path"), (got.language, expected.language, "language"),
                             (got.contentPath, expected.contentPath, "content path"), (got.url, expected.url, "address"),
                             (got.frontMatter.title, expected.frontMatter.title, "title"), (got.translationKey, expected.translationKey, "key")] {
            XCTAssertEqual(a, b, "page \(i): \(what)", file: file, line: line)
        }
        let (g, e) = (got.frontMatter, expected.frontMatter)
        XCTAssertEqual(g.description, e.description, "page \(i)", file: file, line: line)
        XCTAssertEqual(g.date, e.date, "page \(i)", file: file, line: line)
        XCTAssertEqual(g.lastmod, e.lastmod, "page \(i)", file: file, line: line)
        XCTAssertEqual(g.weight, e.weight, "page \(i)", file: file, line: line)
        XCTAssertEqual(g.translationKey, e.translationKey, "page \(i): the key as given, an empty one too", file: file, line: line)
        XCTAssertEqual(g.slug, e.slug, "page \(i)", file: file, line: line)
        XCTAssertEqual(g.slugPosition?.line, e.slugPosition?.line, "page \(i)", file: file, line: line)
        XCTAssertEqual(g.slugPosition?.column, e.slugPosition?.column, "page \(i)", file: file, line: line)
        XCTAssertEqual(got.isSection, expected.isSection, "page \(i)", file: file, line: line)
        XCTAssertEqual(got.sourceDigest, expected.sourceDigest, "page \(i)", file: file, line: line)
        XCTAssertTrue(got.text.bytes.isEmpty, "a summary holds no text", file: file, line: line)
        // What stays in memory is read without the texts, and is the same.
        XCTAssertEqual(table.sourcePath(i), page.sourcePath, file: file, line: line)
        XCTAssertEqual(table.translationKey(i), page.translationKey, file: file, line: line)
        XCTAssertEqual(table.weight(i), page.frontMatter.weight, file: file, line: line)
        XCTAssertEqual(table.texts(i).sourceDigest, page.sourceDigest, file: file, line: line)
    }

    func testSummariesComeBackFromMemory() {
        let all = pages(400)
        let table = SitePages(all)
        XCTAssertEqual(table.count, all.count)
        for (i, page) in all.enumerated() { assertSummary(table, i, is: page) }
    }

    /// Thousands of pages whose texts wait in the build's working file, read back in any order.
    func testSummariesComeBackFromTheWorkingFile() throws {
        let folder = NSTemporaryDirectory() + "site-pages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let store = try BuiltStore(folder: folder)
        let all = pages(5000)
        let table = SitePages(spill: store)
        for page in all { XCTAssertTrue(table.append(page)) }
        XCTAssertNil(store.failure)
        for i in all.indices.reversed() { assertSummary(table, i, is: all[i]) }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "the working file has no name")
    }

    /// A spill that cannot keep or give back the texts fails the page, and never gives wrong texts.
    func testASpillThatFailsIsTold() {
        final class Failing: PageSpill, @unchecked Sendable {
            var reasons: [String] = []
            var keeps = true
            func append(_ bytes: UnsafeRawBufferPointer) -> Int? { keeps ? 0 : nil }
            func read(_ span: Range<Int>) -> [UInt8]? { Array(repeating: 0xFF, count: span.count) }
            func fail(_ reason: String) { reasons.append(reason) }
        }
        let spill = Failing()
        let table = SitePages(spill: spill)
        XCTAssertTrue(table.append(pages(2)[1]))
        spill.keeps = false
        XCTAssertFalse(table.append(pages(2)[1]), "a page whose texts were not kept is not in the table")
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(table.summary(0).frontMatter.title, "", "bytes that are not what was written give no title")
        XCTAssertEqual(spill.reasons.count, 1, "and the build is told, to fail")
    }

    /// What the site-wide step keeps of every page it built stays small: no holes between its fields.
    func testWhatIsKeptOfABuiltPageIsSmall() {
        XCTAssertLessThanOrEqual(MemoryLayout<BuiltStore.Stored>.stride, 48)
    }

    /// The index's look-ups answer as a dictionary keyed by the strings did: translations paired by a
    /// key written in two Unicode forms (`==` holds them equal), pages under a section in order, the
    /// last page at a path, and nothing for a key no page has.
    func testSiteIndexFindsPagesAsADictionaryOfStringsWould() {
        func page(_ language: String, _ contentPath: String, key: String?, title: String = "t") -> Page {
            var fm = FrontMatter()
            fm.title = title
            fm.translationKey = key
            let isSection = contentPath == "_index" || contentPath.hasSuffix("/_index")
            return Page(sourcePath: "content/\(language)/\(contentPath).md", language: language, contentPath: contentPath, isSection: isSection,
                        url: Page.url(language: language, contentPath: contentPath, slug: nil), frontMatter: fm, text: PageCache.emptyText,
                        bodyOffset: 0, bodyLineOffset: 0)
        }
        let index = SiteIndex(pages: [
            page("kk", "_index", key: nil), page("ru", "_index", key: nil),
            page("kk", "pay/_index", key: nil, title: "Төлем"), page("kk", "pay/apply", key: "caf\u{E9}"),
            page("ru", "pay/apply", key: "cafe\u{301}"), page("kk", "pay/docs", key: nil), page("kk", "pay/sub/_index", key: nil),
            page("kk", "pay/sub/deep", key: nil),
        ])
        XCTAssertEqual(index.versions(of: "caf\u{E9}", order: ["kk", "ru"]).map(\.url), ["/kk/pay/apply/", "/ru/pay/apply/"])
        XCTAssertEqual(index.versions(of: "cafe\u{301}", order: ["ru", "kk"]).map(\.url), ["/ru/pay/apply/", "/kk/pay/apply/"])
        XCTAssertEqual(index.versions(of: "pay/docs", order: ["kk", "ru"]).map(\.url), ["/kk/pay/docs/"])
        XCTAssertEqual(index.versions(of: "nothing", order: ["kk", "ru"]).count, 0)
        XCTAssertEqual(Set(index.children(ofSection: "pay", language: "kk").map(\.url)),
                       ["/kk/pay/apply/", "/kk/pay/docs/", "/kk/pay/sub/"])
        XCTAssertEqual(index.children(ofSection: "pay", language: "ru").map(\.url), ["/ru/pay/apply/"], "a section's pages in its language only")
        XCTAssertEqual(index.children(ofSection: "pay/sub/deep", language: "kk").count, 0)
        XCTAssertEqual(index.children(ofSection: "", language: "kk").map(\.url), ["/kk/pay/"])
        XCTAssertEqual(index.entry(language: "kk", contentPath: "pay/_index")?.title, "Төлем")
        XCTAssertNil(index.entry(language: "ru", contentPath: "pay/_index"))
        let deep = index.entry(language: "kk", contentPath: "pay/sub/deep")!
        XCTAssertEqual(index.ancestors(of: deep).map(\.url), ["/kk/", "/kk/pay/", "/kk/pay/sub/"])
    }

    /// Keys that share a hash are told apart by the keys themselves, and each key's pages come in the
    /// order they were added.
    func testChainsTellApartKeysThatShareAHash() {
        let keys = (0..<300).map { "k\($0 % 10)" }
        let chains = PageChains(count: keys.count) { $0 % 17 == 0 ? nil : keys[$0].count }
        for k in 0..<10 {
            let key = "k\(k)"
            let found = chains.pages(hash: key.count) { keys[$0] == key }
            XCTAssertEqual(found, keys.indices.filter { keys[$0] == key && $0 % 17 != 0 })
        }
        XCTAssertEqual(chains.pages(hash: 99) { _ in true }, [])
    }
}
