import Foundation
import XCTest

@testable import SitegenSearch

/// The search index read from its pages a run at a time (``SearchPages``), as a build reads it from
/// its working file: the same files as from every page in memory, and never more than a batch of runs
/// read ahead of what the index has taken.
final class SearchPagesTests: XCTestCase {
    /// Sources of which every seventh gives no page (a page left out of the index).
    private static func sources(_ documents: [SearchDocument]) -> (SearchPages, kept: [SearchDocument]) {
        let gaps = Set(stride(from: 3, to: documents.count, by: 7))
        let pages = SearchPages(sources: documents.count) { range in range.filter { !gaps.contains($0) }.map { documents[$0] } }
        return (pages, documents.indices.filter { !gaps.contains($0) }.map { documents[$0] })
    }

    private static func written(_ pages: SearchPages, language: String, shardLimit: Int = SearchIndexWriter.shardLimit,
                                shardPacking: Int = SearchIndexWriter.shardPacking) throws -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        try SearchIndexWriter.write(language: language, pages: pages, shardLimit: shardLimit, shardPacking: shardPacking,
                                    aliases: "егов=egov", stopWords: "және") { files.append(($0, $1)) }
        return files
    }

    func testAnIndexReadInRunsIsTheIndexOfEveryPageAtOnce() throws {
        // Over three runs of pages, some giving nothing: the pages are numbered as they come.
        let all = SearchTestCorpus.documents(count: 700, seed: 7)
        let (pages, kept) = Self.sources(all)
        for (limit, packing) in [(SearchIndexWriter.shardLimit, SearchIndexWriter.shardPacking), (2_000, 1_000)] {
            let streamed = try Self.written(pages, language: "ru", shardLimit: limit, shardPacking: packing)
            let whole = SearchIndexWriter.files(language: "ru", documents: kept, shardLimit: limit, shardPacking: packing,
                                                aliases: "егов=egov", stopWords: "және")
            XCTAssertEqual(streamed.map(\.path), whole.map(\.path))
            XCTAssertEqual(streamed.map(\.bytes), whole.map(\.bytes), "the same bytes, file for file")
            XCTAssertEqual(streamed.first?.path, "search/ru/meta.json")
            let meta = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(streamed[0].bytes)) as? [String: Any])
            XCTAssertEqual(meta["docs"] as? Int, kept.count, "the pages given, not the sources read")
        }
    }

    func testAPageThatCannotBeReadStopsTheIndexBeforeAnyFileIsWritten() {
        struct Unreadable: Error {}
        let all = SearchTestCorpus.documents(count: 1_000, seed: 3)
        let pages = SearchPages(sources: all.count) { range in
            if range.contains(900) { throw Unreadable() }
            return Array(all[range])
        }
        var written: [String] = []
        XCTAssertThrowsError(try SearchIndexWriter.write(language: "kk", pages: pages) { path, _ in written.append(path) }) {
            XCTAssertTrue($0 is Unreadable, "the store's own error, to name in the build's")
        }
        XCTAssertEqual(written, [], "no part of an index is written: a reader would get one that misses pages")
    }

    func testPagesAreReadABatchOfRunsAhead() throws {
        final class Reads: @unchecked Sendable {
            let lock = NSLock()
            var taken = 0
            var aheadMost = 0
            var ranges: [Range<Int>] = []
        }
        let reads = Reads()
        let (size, batch) = (50, 4)
        let pages = SearchPages(sources: 1_234) { range in
            reads.lock.lock()
            reads.ranges.append(range)
            reads.aheadMost = max(reads.aheadMost, range.upperBound - reads.taken)
            reads.lock.unlock()
            return range.map { SearchDocument(url: "/kk/\($0)/", title: "", snippet: "", text: "") }
        }
        var order: [String] = []
        try pages.forEachRun(size: size, batch: batch, { $0.map(\.url) }) { urls in
            order += urls
            reads.lock.lock()
            reads.taken += urls.count
            reads.lock.unlock()
        }
        XCTAssertEqual(order, (0..<1_234).map { "/kk/\($0)/" }, "every page once, in order")
        XCTAssertTrue(reads.ranges.allSatisfy { $0.count <= size })
        XCTAssertLessThanOrEqual(reads.aheadMost, size * batch, "at most a batch of runs in memory at once")
        XCTAssertEqual(reads.ranges.count, 25)
    }
}
