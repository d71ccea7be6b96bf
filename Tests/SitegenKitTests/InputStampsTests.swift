import CPosix
import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// An input file whose stamp the last published build kept is not read again, and no change to a file
/// is ever taken for none: not one that keeps its size and puts its time of modification back, not one
/// made just before or while the digests are taken, not a damaged file of stamps.
final class InputStampsTests: XCTestCase {
    private let page = "content/kk/pay.md"

    /// Later than now by more than the settling time: the files a test has just written count as settled.
    private func later() -> Int64 { InputStamps.now() + 2 * InputStamps.settling }

    private func digest(_ f: Fixture, known: InputStamps = InputStamps(), now: Int64? = nil) -> InputDigest {
        InputDigest.of(BuildOptions(sourceDirectory: f.root), known: known, now: now ?? later())
    }

    /// The digest kept with a stamp is the one taken: the file is not read (a digest that is not its
    /// bytes' shows it), until its stamp changes.
    func testAFileWhoseStampIsKeptIsNotReadAgain() throws {
        let f = try Fixture.payPages()
        let first = digest(f)
        let kept = try XCTUnwrap(first.stamps.entries[page])
        XCTAssertEqual(kept.digest, first.content[page])
        XCTAssertNotNil(first.stamps.entries["sitegen.yml"], "the setup's files are stamped too")
        XCTAssertNotNil(first.stamps.entries["templates/page.mustache"])

        var known = first.stamps
        known.entries[page]?.digest = "kept"
        XCTAssertEqual(digest(f, known: known).content[page], "kept", "the stamp is the same: the file is not read")
        try f.append(page, "Толығырақ.\n")
        let after = digest(f, known: known)
        XCTAssertNotEqual(after.content[page], "kept")
        XCTAssertNotEqual(after.content[page], first.content[page])
        XCTAssertNotEqual(after.whole, first.whole)
    }

    /// A file written again with other bytes of the same size, its time of modification put back, has
    /// another time of change, which no program sets back: it is read again.
    func testAnEditThatKeepsSizeAndModificationTimeIsSeen() throws {
        let f = try Fixture.payPages()
        let path = f.root + "/" + page
        var before = stat()
        XCTAssertEqual(stat(path, &before), 0)
        let first = digest(f)
        // Past the tick of the clock that stamped the first bytes.
        usleep(50_000)
        try f.write(page, Fixture.payPage.replacingOccurrences(of: "Төлем туралы.", with: "Төлем турады."))
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        var after = stat()
        XCTAssertEqual(stat(path, &after), 0)
        XCTAssertEqual(after.st_size, before.st_size)
        XCTAssertEqual(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec)

        let again = digest(f, known: first.stamps)
        XCTAssertNotEqual(again.content[page], first.content[page])
        XCTAssertEqual(again.content[page], digest(f).content[page], "the digest of the bytes there now")
    }

    /// A file changed within the settling time of the moment the digests are taken is not stamped: a
    /// second write within the same tick would keep its stamp.
    func testAFileJustChangedIsNotStamped() throws {
        let f = try Fixture.payPages()
        let now = InputStamps.now()
        let taken = digest(f, now: now)
        XCTAssertNil(taken.stamps.entries[page])
        XCTAssertNotNil(taken.content[page])
        XCTAssertEqual(taken.whole, digest(f).whole, "the digests are the same, stamped or not")
    }

    /// The stamps are written and read back as they were; a file of stamps cut short, damaged or of
    /// another form counts as none.
    func testOnlyAWholeFileOfStampsIsRead() throws {
        let f = try Fixture.payPages()
        let site = f.siteDirectory
        let taken = digest(f).stamps
        XCTAssertGreaterThan(taken.entries.count, 3)
        taken.write(for: site)
        XCTAssertEqual(InputStamps.read(for: site), taken)
        let file = InputStamps.path(for: site)
        let bytes = try XCTUnwrap(FileReader.read(file))
        var flipped = bytes
        flipped[bytes.count - 3] ^= 1
        var header = bytes
        header[10] = UInt8(ascii: "X")
        for (damage, damaged) in [("cut short", Array(bytes.dropLast())), ("a byte changed", flipped),
                                  ("another header", header), ("empty", [])] {
            try Data(damaged).write(to: URL(fileURLWithPath: file))
            XCTAssertEqual(InputStamps.read(for: site), InputStamps(), damage)
        }
        unlink(file)
        XCTAssertEqual(InputStamps.read(for: site), InputStamps(), "no file")
        XCTAssertEqual(symlink(f.root + "/sitegen.yml", file), 0)
        XCTAssertEqual(InputStamps.read(for: site), InputStamps(), "a link in its place is not followed")
    }

    /// End to end: a published build keeps the stamps of files changed long enough ago, and the next
    /// build, given a page edited with its size and time of modification kept, publishes the edit.
    func testABuildAfterAStampedOnePublishesAnEditKeepingSizeAndTime() throws {
        let f = try Fixture.payPages()
        let path = f.root + "/" + page
        // The fixture's files settle; a build stamps them.
        sleep(UInt32(InputStamps.settling / 1_000_000_000) + 1)
        XCTAssertTrue(f.build().published)
        let stamps = InputStamps.read(for: f.siteDirectory)
        XCTAssertNotNil(stamps.entries[page])
        XCTAssertNotNil(stamps.entries["sitegen.yml"])

        var before = stat()
        XCTAssertEqual(stat(path, &before), 0)
        try f.write(page, Fixture.payPage.replacingOccurrences(of: "Төлем туралы.", with: "Төлем турады."))
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        let built = f.build()
        XCTAssertTrue(built.published)
        XCTAssertFalse(built.upToDate)
        XCTAssertTrue(try XCTUnwrap(f.output("kk/pay/index.html")).contains("Төлем турады."))
        XCTAssertTrue(f.build().upToDate)
    }
}
