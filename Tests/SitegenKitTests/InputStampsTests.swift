import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A build takes the digest of an input whose stamp is unchanged since the last published build from
/// the table beside the output instead of reading the file; any change of the file's bytes through
/// the system changes its stamp, and the file is read again.
final class InputStampsTests: XCTestCase {
    private let page = Fixture.payPage

    private func site() throws -> Fixture { try Fixture.payPages() }

    /// Ten seconds from now: every file of a fixture counts as settled.
    private var later: Int64 { FileStamp.now() + 10_000_000_000 }

    func testAFileWithAKnownStampIsNotReadAgain() throws {
        let f = try site()
        let options = BuildOptions(sourceDirectory: f.root)
        let first = InputDigest.of(options, now: later)
        let name = "content/kk/pay.md"
        let known = try XCTUnwrap(first.stamps.files[name])
        XCTAssertEqual(known.digest, first.content[name])
        // A table that says otherwise of the same stamp is believed: the file was not read.
        var forged = first.stamps
        forged.files[name]?.digest = "forged"
        let again = InputDigest.of(options, known: forged, now: later)
        XCTAssertEqual(again.content[name], "forged")
        XCTAssertNotEqual(again.whole, first.whole)
        XCTAssertEqual(again.content["content/ru/pay.md"], first.content["content/ru/pay.md"])
        // Setup files are taken from the table as well.
        XCTAssertNotNil(first.stamps.files["sitegen.yml"])
        XCTAssertNotNil(first.stamps.files.keys.first { $0.hasPrefix("templates/") })
    }

    func testAFileWrittenAgainWithTheSameSizeIsReadAgain() throws {
        let f = try site()
        let options = BuildOptions(sourceDirectory: f.root)
        let first = InputDigest.of(options, now: later)
        // Same length, other bytes, written in place: the inode and size stay, the times of change move.
        let edited = page.replacingOccurrences(of: "туралы", with: "ТУРАЛЫ")
        XCTAssertEqual(edited.utf8.count, page.utf8.count)
        usleep(20_000)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: f.root + "/content/kk/pay.md"))
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        let again = InputDigest.of(options, known: first.stamps, now: later)
        XCTAssertNotEqual(again.content["content/kk/pay.md"], first.content["content/kk/pay.md"])
        XCTAssertEqual(again.content["content/kk/pay.md"], InputDigest.of(options).content["content/kk/pay.md"])
        XCTAssertEqual(again.content["content/ru/pay.md"], first.content["content/ru/pay.md"])
    }

    func testAFileJustWrittenIsNotKeptInTheTable() throws {
        let f = try site()
        let inputs = InputDigest.of(BuildOptions(sourceDirectory: f.root))
        XCTAssertNil(inputs.stamps.files["content/kk/pay.md"], "written in the step of its stamp, a change could keep the stamp")
        // Nor a stamp from the future.
        let stamp = FileStamp(device: 1, inode: 2, size: 3, modified: FileStamp.now() + 60_000_000_000, changed: 0)
        XCTAssertFalse(stamp.isSettled(at: FileStamp.now()))
        XCTAssertTrue(FileStamp(device: 1, inode: 2, size: 3, modified: 0, changed: 0).isSettled(at: FileStamp.now()))
    }

    func testTheTableIsWrittenWithTheRecordAndReadBack() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        // Its stamps are too fresh to keep, yet the table is there for the next build.
        let table = try XCTUnwrap(InputStamps.read(for: f.siteDirectory))
        XCTAssertNil(table.files["content/kk/pay.md"])
        var written = InputStamps()
        written.files["content/kk/pay.md"] = .init(stamp: FileStamp(device: .max, inode: 7, size: 70, modified: -1, changed: 1 << 62),
                                                   digest: "70 abc")
        written.files["content/ru/выплата.md"] = .init(stamp: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5), digest: "3 def")
        InputStamps.write(written, for: f.siteDirectory)
        XCTAssertEqual(InputStamps.read(for: f.siteDirectory)?.files, written.files)
    }

    func testADamagedTableIsNoTable() throws {
        let f = try site()
        var table = InputStamps()
        table.files["content/kk/pay.md"] = .init(stamp: FileStamp(device: 1, inode: 2, size: 3, modified: 4, changed: 5), digest: "3 abc")
        InputStamps.write(table, for: f.siteDirectory)
        let path = InputStamps.path(for: f.siteDirectory)
        let good = try XCTUnwrap(FileReader.read(path))
        XCTAssertNotNil(InputStamps.read(for: f.siteDirectory))
        let damages: [(String, [UInt8])] = [
            ("a byte changed", { var b = good; b[b.count - 2] ^= 1; return b }()),
            ("cut short", Array(good.dropLast(3))),
            ("another version", Array("sitegen input stamps 0\n".utf8) + good.dropFirst(InputStamps.header.count)),
            ("empty", []),
        ]
        for (what, bytes) in damages {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            XCTAssertNil(InputStamps.read(for: f.siteDirectory), what)
        }
        // A FIFO in its place is not waited on.
        unlink(path)
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        XCTAssertNil(InputStamps.read(for: f.siteDirectory))
    }

    /// `--force` reads every input whatever the table says; a build without it believes the table as
    /// it believes the record (both are sitegen's, beside the output).
    func testForceReadsEveryInput() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let options = BuildOptions(sourceDirectory: f.root)
        // The table of a build whose inputs were all settled, then an edit, and a table that still
        // gives the edited file its old digest under its new stamp.
        var table = InputDigest.of(options, now: later).stamps
        let old = try XCTUnwrap(table.files["content/kk/pay.md"]?.digest)
        try f.write("content/kk/pay.md", page + "\nЖаңа сөйлем.\n")
        let edited = InputDigest.of(options, now: later).stamps
        table.files["content/kk/pay.md"] = InputStamps.Known(stamp: try XCTUnwrap(edited.files["content/kk/pay.md"]?.stamp), digest: old)
        InputStamps.write(table, for: f.siteDirectory)
        let forced = f.build(force: true)
        XCTAssertTrue(forced.published)
        XCTAssertTrue(f.output("kk/pay/index.html")?.contains("Жаңа сөйлем") == true)
        XCTAssertTrue(f.build().upToDate)
    }

    func testAChangedSourceIsBuiltAfterAnEarlierBuildKeptItsStamp() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        // The table as a build long after the files were written would have left it.
        InputStamps.write(InputDigest.of(BuildOptions(sourceDirectory: f.root), now: later).stamps, for: f.siteDirectory)
        XCTAssertTrue(f.build().upToDate, "the table's digests are those the record was made of")
        try f.write("content/kk/pay.md", page + "\nЖаңа сөйлем.\n")
        let report = f.build()
        XCTAssertFalse(report.upToDate)
        XCTAssertTrue(report.published)
        XCTAssertTrue(f.output("kk/pay/index.html")?.contains("Жаңа сөйлем") == true)
    }
}
