import Foundation
import XCTest

@testable import SitegenKit

/// A generated file written a piece at a time (the bulletin manifest) is the same file a build writes
/// whole: its bytes in order, and, when the published site already holds those bytes, the published
/// file itself, linked, so a rebuild that changes nothing in it leaves it as it was.
final class StreamedOutputTests: XCTestCase {
    private func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    func testAStreamedFileIsLinkedOnlyWhenThePublishedOneHoldsTheSameBytes() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: А\n---\nМәтін.\n"])
        assertNoErrors(f.build().diagnostics)
        let published = f.siteDirectory + "/bulletins/index.json"
        let bytes = try XCTUnwrap(FileManager.default.contents(atPath: published))
        XCTAssertGreaterThan(bytes.count, 100)
        let pieces = [bytes.prefix(7), bytes.dropFirst(7).prefix(50), bytes.dropFirst(57)].map { Array($0) }

        for (what, written, linked) in [
            ("the same bytes", pieces, true),
            ("one byte changed", pieces.enumerated().map { $0.offset == 1 ? [UInt8(ascii: "x")] + $0.element.dropFirst() : $0.element }, false),
            ("one byte more", pieces + [[UInt8(ascii: "\n")]], false),
        ] {
            let output = try OutputTree(destination: f.siteDirectory, reusing: true)
            try output.write("bulletins/index.json") { write in
                for piece in written { try piece.withUnsafeBytes(write) }
            }
            let staged = output.staging + "/bulletins/index.json"
            XCTAssertEqual(FileManager.default.contents(atPath: staged), Data(written.joined()), what)
            XCTAssertEqual(inode(staged) == inode(published), linked, what)
            var info = stat()
            XCTAssertEqual(lstat(staged, &info), 0, what)
            XCTAssertEqual(Int(info.st_size), written.joined().count, what)
            XCTAssertEqual(output.placedFile("bulletins/index.json")?.identity, OutputTree.identity(info), what)
            XCTAssertEqual(FileManager.default.contents(atPath: published), bytes, "the published file is untouched (\(what))")
            output.discard()
        }
    }
}
