import Glibc
import XCTest

@testable import SitegenCore
@testable import SitegenSearch

/// The compact forms a big build keeps for a whole stage give back exactly what was put in.
final class CompactStorageTests: XCTestCase {
    /// Strings of every length, across block ends, empty ones, and one longer than a block.
    func testByteStringsGiveBackEachStringAcrossBlocks() {
        var generator = SystemRandomNumberGenerator()
        var strings: [[UInt8]] = []
        for i in 0..<3000 {
            let length = i == 1500 ? ByteStrings.blockSize * 2 + 7 : i % 97 == 0 ? 0 : Int.random(in: 1...300, using: &generator)
            strings.append((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
        }
        var packed = ByteStrings()
        for s in strings { packed.append(s) }
        XCTAssertEqual(packed.count, strings.count)
        XCTAssertEqual(packed.byteCount, strings.reduce(0) { $0 + $1.count })
        for (i, s) in strings.enumerated() {
            XCTAssertEqual(Array(packed[i]), s, "string \(i) of length \(s.count)")
            XCTAssertEqual(packed.withBytes(i) { Array($0) }, s, "string \(i), by pointer")
        }
    }

    /// A table of strings finds each again by its bytes once they fill several blocks.
    func testByteStringTableFindsStringsAcrossBlocks() {
        var table = ByteStringTable()
        let words = (0..<20000).map { "folder/\($0)/" + String(repeating: "x", count: $0 % 40) }
        for (i, w) in words.enumerated() {
            var w = w
            XCTAssertEqual(w.withUTF8 { table.insert($0) }.0, i)
        }
        for (i, w) in words.enumerated() {
            var w = w
            XCTAssertEqual(w.withUTF8 { table.find($0) }, i)
            XCTAssertEqual(table.string(i), w)
        }
    }

    /// The empty string is one string, given as a buffer of no address or as an empty slice of one,
    /// before and after the table grows past it.
    func testByteStringTableFindsTheEmptyStringAfterItGrows() {
        var table = ByteStringTable(expected: 4)
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        XCTAssertEqual(table.insert(none).0, 0)
        for i in 1...5000 {
            var w = "w\(i)"
            XCTAssertEqual(w.withUTF8 { table.insert($0) }.0, i)
            XCTAssertEqual(table.find(none), 0, "after \(i) strings")
        }
        let some: [UInt8] = [1, 2, 3]
        some.withUnsafeBufferPointer { XCTAssertEqual(table.find(UnsafeBufferPointer(rebasing: $0[1..<1])), 0) }
        XCTAssertEqual(table.insert(none).0, 0)
        XCTAssertEqual(table.count, 5001)
    }

    /// Page numbers whose gaps need one to five bytes read back as they were listed.
    func testPostingListsReadBackTheirPages() {
        var pages: [Int32] = [0, 1, 2, 130, 131, 16_514, 16_515, 2_113_665, 2_113_666, 300_000_000, Int32.max]
        var list = SearchPostingList(pages)
        XCTAssertEqual(list.count, pages.count)
        XCTAssertEqual(list.pages, pages)
        var generator = SystemRandomNumberGenerator()
        pages = []
        var page: Int32 = Int32.random(in: 0...50, using: &generator)
        for _ in 0..<10000 {
            pages.append(page)
            page += Int32.random(in: 1...(Bool.random(using: &generator) ? 3 : 40000), using: &generator)
        }
        list = SearchPostingList()
        for p in pages { list.append(p) }
        XCTAssertEqual(Array(list), pages)
        XCTAssertTrue(SearchPostingList().isEmpty)
        XCTAssertEqual(SearchPostingList().pages, [])
    }

    /// A language's search summaries kept in a file give the same index, file for file, as kept in
    /// memory (shards and fragments read them back by page and by run); a file they cannot be written
    /// to fails the index rather than leave summaries out.
    func testSearchSummariesInAFileMakeTheSameIndex() throws {
        let documents = (0..<700).map { n in
            SearchDocument(url: "/kk/p\(n)/", title: "Төлем \(n)", snippet: "42 500 ₸ қалай алуға болады \(n)",
                           text: "өтініш төлем жәрдемақы \(n % 13) портал \(n % 7)")
        }
        func files(_ summaries: SearchSummaries) throws -> [(String, [UInt8])] {
            var out: [(String, [UInt8])] = []
            try SearchIndexWriter.write(language: "kk", pages: SearchPages(documents), shardLimit: 3000, shardPacking: 800,
                                        summaries: summaries) { out.append(($0, $1)) }
            return out
        }
        let path = NSTemporaryDirectory() + "summaries-" + UUID().uuidString
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        unlink(path)
        let inMemory = try files(SearchSummaries())
        let inFile = try files(SearchSummaries(descriptor: descriptor))
        XCTAssertGreaterThan(inMemory.filter { $0.0.contains("/d/") }.count, 3, "several fragments")
        XCTAssertGreaterThan(inMemory.filter { $0.0.contains("/t/") }.count, 3, "several shards")
        XCTAssertEqual(inFile.map(\.0), inMemory.map(\.0))
        for (a, b) in zip(inFile, inMemory) { XCTAssertEqual(a.1, b.1, a.0) }
        let readOnly = open("/dev/null", O_RDONLY)
        XCTAssertThrowsError(try files(SearchSummaries(descriptor: readOnly))) { error in
            XCTAssertTrue("\(error)".contains("search summaries"), "\(error)")
        }
    }

    /// A set of numbers a bit each holds what was added and nothing else, across word ends and far apart.
    func testBitSetHoldsWhatWasAdded() {
        var bits = BitSet()
        var reference = Set<UInt32>()
        for n in [0, 1, 63, 64, 65, 127, 128, 1000, 100_000] + (0..<500).map({ _ in UInt32.random(in: 0..<5000) }) {
            bits.insert(n)
            reference.insert(n)
        }
        for n in UInt32(0)..<5200 { XCTAssertEqual(bits.contains(n), reference.contains(n), "\(n)") }
        XCTAssertTrue(bits.contains(100_000))
        XCTAssertFalse(bits.contains(100_001))
        XCTAssertFalse(BitSet().contains(0))
    }
}
