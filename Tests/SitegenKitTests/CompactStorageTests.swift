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
}
