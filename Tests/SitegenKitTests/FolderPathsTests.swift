import XCTest
@testable import SitegenKit

/// The folders of an output tree, held by parent and name, give back the paths they were given.
final class FolderPathsTests: XCTestCase {
    private func number(_ folders: inout FolderPaths, interning path: String) -> UInt32 {
        var path = path
        return path.withUTF8 { folders.number(interning: $0) }
    }

    private func number(_ folders: FolderPaths, of path: String) -> UInt32? {
        var path = path
        return path.withUTF8 { folders.number(of: $0) }
    }

    func testEachFolderIsItsPathAndItsParentsAreNumberedBeforeIt() {
        var folders = FolderPaths()
        let paths = ["", "bulletins/kk/s00/page-00042", "kk/s00/page-00042", "kk/s00", "kk/s01/page-00042", "a//b",
                     "kk/caf\u{E9}", "kk/cafe\u{301}", String(repeating: "ә", count: 300) + "/x"]
        let numbers = paths.map { number(&folders, interning: $0) }
        XCTAssertEqual(numbers[0], 0, "the root is folder 0")
        XCTAssertEqual(Set(numbers).count, paths.count, "\(numbers)")
        for (path, n) in zip(paths, numbers) {
            XCTAssertEqual(Array(folders.path(n).utf8), Array(path.utf8))
            XCTAssertEqual(number(folders, of: path), n, path)
            XCTAssertEqual(number(&folders, interning: path), n, "a folder given again keeps its number")
        }
        // The parents of a folder are numbered with it: `bulletins`, `bulletins/kk`, …
        XCTAssertNotNil(number(folders, of: "bulletins/kk"))
        XCTAssertNil(number(folders, of: "bulletins/ru"))
        XCTAssertNil(number(folders, of: "kk/s00/page-00042/deeper"))
        XCTAssertNil(number(folders, of: "kk/s0"))
    }

    /// The order of the tree: a folder before what it holds, a parent's folders by their names' bytes,
    /// each followed by all it holds. `a-c` comes after `a/x/y`, though as whole paths `-` sorts before
    /// `/`; a name is compared by its bytes (`é` composed after `e` and after `z`, `Z` before `a`).
    func testFoldersRankInTheOrderOfTheTree() {
        let paths = ["a-c", "a/x/y", "ab", "a", "e\u{301}", "z", "a/x", "Z", "\u{E9}", "a/x-y", "a/x/y/z", "a-c/b", "e", "b/a"]
        var folders = FolderPaths()
        for path in paths { _ = number(&folders, interning: path) }
        let ranks = folders.treeRanks()
        XCTAssertEqual(ranks.count, folders.count)
        let byRank = (0..<folders.count).sorted { ranks[$0] < ranks[$1] }.map { folders.path(UInt32($0)) }
        XCTAssertEqual(byRank, ["", "Z", "a", "a/x", "a/x/y", "a/x/y/z", "a/x-y", "a-c", "a-c/b", "ab", "b", "b/a",
                                "e", "e\u{301}", "z", "\u{E9}"])
        XCTAssertEqual(Set(ranks).count, folders.count, "each folder has a place of its own")
    }

    /// Many folders, as a big site has: numbers past what two bytes hold.
    func testManyFolders() {
        var folders = FolderPaths()
        let paths = (0..<70_000).map { "bulletins/kk/s\($0 % 100)/page-\($0)" }
        let numbers = paths.map { number(&folders, interning: $0) }
        // The root, `bulletins`, `bulletins/kk`, a hundred sections and a folder a page: none twice, as the table grew.
        XCTAssertEqual(folders.count, 3 + 100 + paths.count)
        XCTAssertEqual(number(&folders, interning: ""), 0)
        XCTAssertGreaterThan(folders.count, 70_000)
        for i in stride(from: 0, to: paths.count, by: 97) { XCTAssertEqual(folders.path(numbers[i]), paths[i]) }
    }
}
