import Foundation
@testable import SitegenKit
import SitegenCore
import SitegenSearch
import XCTest

/// What building each page gave the site-wide step waits in a file of no name: each part read back
/// is what was built, nothing is left in the folder, and a store that cannot be made says where.
final class BuiltStoreTests: XCTestCase {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "built-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// A page's results with something in every part: a warning, facts of two kinds, anchors and a link,
    /// a search entry, two bulletins and the page's own file.
    private func built(_ n: Int) -> PageBuilder.Built {
        var facts = PageFacts(sourcePath: "content/kk/p\(n).md", language: "kk", translationKey: "p\(n)", lastmod: "2020-04-0\(n % 9 + 1)")
        facts.facts[.amount] = [.init(key: "42500", shown: "42 500 ₸", line: 3, column: 7)]
        facts.facts[.link] = [.init(key: "https://egov.kz/", shown: "egov.kz", line: 5, column: 1)]
        facts.url = "/kk/p\(n)/"
        facts.anchors = ["main", "step-1"]
        facts.internalLinks = [InternalLink(written: "/kk/p0/#step-1", path: "/kk/p0/", fragment: "step-1", line: 9, column: 2)]
        var search = SearchDocument(url: "/kk/p\(n)/", title: "Төлем \(n)", snippet: "42 500 ₸ қалай алуға болады", text: "")
        search.analyzed = [1, 2, 3, UInt8(n % 256)]
        let entries = [BulletinChannel.text, .sms].map { channel in
            BulletinManifest.Entry(translationKey: "p\(n)", language: "kk", channel: channel, source: "content/kk/p\(n).md",
                                   url: "https://egov.kz/kk/p\(n)/", folder: "bulletins/kk/p\(n)/",
                                   sms: channel == .sms ? .init(segments: 3, encoding: "UCS-2") : nil,
                                   files: [.init(name: channel.rawValue + ".txt", length: 70 + n, sha256: SHA256Digest.bytes(Array("\(n)".utf8)))])
        }
        let warning = Diagnostic(.warning, "translation.missing", id: "translation.missing", ["file": "content/kk/p\(n).md", "languages": "ru", "key": "p\(n)"],
                                 file: "content/kk/p\(n).md", line: 1, column: 1)
        var built = PageBuilder.Built(diagnostics: [warning], facts: facts, search: search, bulletins: entries, pageFile: "kk/p\(n)/index.html")
        built.source = SourceDigest(of: Array("page \(n)".utf8))
        return built
    }

    private func bytes(_ write: (inout ByteWriter) -> Void) -> [UInt8] {
        var w = ByteWriter()
        write(&w)
        return w.bytes
    }

    func testEachPartReadBackIsWhatWasBuiltAndTheFolderKeepsNothing() throws {
        let folder = try folder()
        let store = try BuiltStore(folder: folder)
        let pages = (0..<300).map(built)
        // Added from every core at once, as the pages are built.
        let stored = Parallel.map(Array(pages.indices)) { store.add(pages[$0]) }
        XCTAssertNil(store.failure)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "the store's file has no name")
        for (page, kept) in zip(pages, stored) {
            let place = try XCTUnwrap(kept.place)
            XCTAssertEqual(kept.bulletins, 2)
            XCTAssertEqual(kept.diagnostics.map(\.message), page.diagnostics.map(\.message))
            XCTAssertEqual(try store.bytes(place.whole), bytes { page.write(to: &$0) }, "the page cache's byte form")
            XCTAssertEqual(bytes { try! store.facts(place).write(to: &$0) }, bytes { page.facts.write(to: &$0) })
            let named = ParityCheck.Named(sourcePath: page.facts.sourcePath, language: "kk", translationKey: page.facts.translationKey)
            let links = try store.links(place, of: named)
            XCTAssertEqual([links.url] + links.anchors, [page.facts.url] + page.facts.anchors)
            XCTAssertEqual(links.internalLinks.map(\.written), page.facts.internalLinks.map(\.written))
            XCTAssertTrue(links.facts.isEmpty, "only the links are read")
            let search = try XCTUnwrap(try store.search(place))
            XCTAssertEqual([search.url, search.title, search.snippet], [page.search!.url, page.search!.title, page.search!.snippet])
            XCTAssertEqual(search.analyzed, page.search!.analyzed)
            let files = try store.files(place)
            XCTAssertEqual(files.bulletins, page.bulletins)
            XCTAssertEqual(files.pageFile, page.pageFile)
        }
    }

    func testAPageWithoutSearchEntryOrBulletinsReadsBackEmpty() throws {
        let store = try BuiltStore(folder: try folder())
        let bare = PageBuilder.Built(diagnostics: [], facts: PageFacts(sourcePath: "content/ru/x.md", language: "ru", translationKey: "x", lastmod: nil),
                                     search: nil)
        let place = try XCTUnwrap(store.add(bare).place)
        XCTAssertNil(try store.search(place))
        XCTAssertEqual(try store.files(place).bulletins, [])
        XCTAssertNil(try store.files(place).pageFile)
        XCTAssertEqual(try store.facts(place).sourcePath, "content/ru/x.md")
    }

    func testAStoreThatCannotBeMadeNamesItsFolder() {
        XCTAssertThrowsError(try BuiltStore(folder: "/nonexistent-sitegen-folder/sub")) { error in
            XCTAssertTrue("\(error)".contains("/nonexistent-sitegen-folder/sub"), "\(error)")
        }
        XCTAssertThrowsError(try BuiltStore.kept(nil), "a page the store could not take is an error, not an empty page")
    }

    /// A manifest whose entries cannot be read back fails: the build then publishes nothing, rather
    /// than a manifest without them.
    func testAManifestWhoseEntriesCannotBeReadFails() {
        struct Unreadable: Error {}
        XCTAssertThrowsError(try BulletinManifest.write(pages: 3, key: { ("k\($0)", "kk") },
                                                        entries: { i in if i == 1 { throw Unreadable() } else { return [] } },
                                                        to: { _ in })) { XCTAssertTrue($0 is Unreadable) }
    }

    /// A full build's site is what it was when the pages' results were held in memory: the checks across
    /// pages still see every page's facts (a broken link to another page's anchor, a translation's fact).
    func testChecksAcrossPagesStillSeeEveryPage() throws {
        let f = try Fixture.repositoryGuides()
        let guide = try XCTUnwrap(try FileManager.default.subpathsOfDirectory(atPath: f.root + "/content/ru").first { $0.hasSuffix(".md") && !$0.hasSuffix("_index.md") })
        let path = f.root + "/content/ru/" + guide
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "\n\nСм. [шаг](/ru/no-such-page-anywhere/) и сумму 99 999 ₸.\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "link.internal" && $0.file == "content/ru/" + guide }, "\(report.diagnostics)")
        XCTAssertTrue(report.diagnostics.contains { $0.code == "parity.amount" && $0.file == "content/ru/" + guide }, "\(report.diagnostics)")
    }
}
