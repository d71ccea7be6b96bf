import Foundation
import XCTest
import SitegenCore
@testable import SitegenKit

/// A content file the system says is unchanged since its digest was taken (``SourceStamps``) is not read
/// again; any change to it, even one that keeps its size and puts its time of modification back, is.
final class SourceStampsTests: XCTestCase {
    private let page = "content/ru/42500/apply.md"

    private func digests(_ f: Fixture, stamps: SourceStamps?) -> InputDigest {
        InputDigest.of(BuildOptions(sourceDirectory: f.root), stamps: stamps)
    }

    /// `stamps` with every recorded time of change settled (taken well after it) and `page`'s digest
    /// replaced by one of other bytes: a build that takes it has not read the file.
    private func settled(_ stamps: SourceStamps, marking page: String) -> SourceStamps {
        var stamps = stamps
        stamps.takenAt = Int(Date().timeIntervalSince1970) + 3600
        let i = stamps.entries.firstIndex { $0.name == page }!
        stamps.entries[i].digest = SourceDigest(of: Array("other bytes".utf8))
        return stamps
    }

    func testAFileWhoseStampIsAsRecordedIsNotReadAndAnyChangeIsSeen() throws {
        let f = try Fixture.repositoryGuides()
        let first = digests(f, stamps: nil)
        let recorded = try XCTUnwrap(first.contentStamps, "the first look records every content file")
        XCTAssertEqual(recorded.entries.map(\.name), recorded.entries.map(\.name).sorted())
        XCTAssertEqual(recorded.entries.count, first.content.count)

        let marked = settled(recorded, marking: page)
        let taken = digests(f, stamps: marked)
        XCTAssertEqual(taken.content[page], SourceDigest(of: Array("other bytes".utf8)), "an unchanged file is not read")
        XCTAssertNil(taken.contentStamps, "nothing read, nothing to write")

        // The same size, the time of modification put back (`touch -r`): its time of change moved.
        let path = f.root + "/" + page
        var before = stat()
        XCTAssertEqual(stat(path, &before), 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try f.write(page, String(text.dropLast()) + "!")
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, 0), 0)
        let seen = digests(f, stamps: marked)
        XCTAssertEqual(seen.content[page], SourceDigest(of: Array((String(text.dropLast()) + "!").utf8)))
        XCTAssertNotNil(seen.contentStamps, "a file read is recorded again")
    }

    func testAStampNotSettledWhenRecordedIsNotBelieved() throws {
        let f = try Fixture.repositoryGuides()
        var recorded = try XCTUnwrap(digests(f, stamps: nil).contentStamps)
        // Recorded in the same second as the file's last change: a change in that tick would keep it.
        let i = recorded.entries.firstIndex { $0.name == page }!
        recorded.takenAt = recorded.entries[i].stamp.changed.0 + SourceStamps.settled
        recorded.entries[i].digest = SourceDigest(of: Array("other bytes".utf8))
        let real = try XCTUnwrap(FileManager.default.contents(atPath: f.root + "/" + page))
        XCTAssertEqual(digests(f, stamps: recorded).content[page], SourceDigest(of: [UInt8](real)))
    }

    func testFilesAddedOrRemovedAreRecordedAgain() throws {
        let f = try Fixture.repositoryGuides()
        let recorded = settled(try XCTUnwrap(digests(f, stamps: nil).contentStamps), marking: page)
        try f.remove("content/kk/42500/apply.md")
        XCTAssertEqual(digests(f, stamps: recorded).contentStamps?.entries.count, recorded.entries.count - 1)
        try f.write("content/kk/42500/new.md", "---\ntitle: Жаңа\n---\nМәтін.\n")
        XCTAssertNotNil(digests(f, stamps: recorded).contentStamps)
    }

    /// Written beside the output by a build with work to do, read back whole, and never by a check, a
    /// build with nothing to do, or anything damaged.
    func testTheStampsBesideTheOutput() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build(checkOnly: true).diagnostics.allSatisfy { $0.severity != .error })
        let path = SourceStamps.path(for: f.siteDirectory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "a check writes nothing")
        XCTAssertTrue(f.build().published)
        let read = try XCTUnwrap(SourceStamps.read(for: f.siteDirectory))
        XCTAssertEqual(read.entries.map(\.name), try XCTUnwrap(digests(f, stamps: nil).contentStamps).entries.map(\.name))

        // Settled (as an hour later), a build with nothing to do leaves the file as it was.
        var later = read
        later.takenAt += 3600
        later.write(for: f.siteDirectory)
        var written = stat()
        XCTAssertEqual(lstat(path, &written), 0)
        let report = f.build()
        XCTAssertTrue(report.upToDate)
        var after = stat()
        XCTAssertEqual(lstat(path, &after), 0)
        XCTAssertEqual([after.st_ino, UInt(after.st_ctim.tv_nsec)], [written.st_ino, UInt(written.st_ctim.tv_nsec)])

        // A byte changed anywhere: not read at all.
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertNil(SourceStamps.read(for: f.siteDirectory))
        // Nor one too big to be a site's (a sparse file under the name): never read into memory.
        let big = FileHandle(forWritingAtPath: path)!
        big.truncateFile(atOffset: UInt64(SourceStamps.limit + 1))
        big.closeFile()
        XCTAssertNil(SourceStamps.read(for: f.siteDirectory))
    }

    /// A check judges the bytes there now: it never takes a recorded digest, so a stamp believed wrongly
    /// (a write through a memory map that moved no time, a forged record) cannot make it pass what
    /// `check --force` refuses.
    func testACheckReadsEveryFile() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        var forged = try XCTUnwrap(SourceStamps.read(for: f.siteDirectory))
        try f.append(page, "\n[Заявка](https://egov-42500.kz/apply)\n")
        // The edited file's stamp now, recorded with its digest from before the edit, long settled.
        forged.takenAt += 3600
        let i = try XCTUnwrap(forged.entries.firstIndex { $0.name == page })
        forged.entries[i].stamp = try XCTUnwrap(SourceStamps.Stamp(f.root + "/" + page))
        forged.write(for: f.siteDirectory)
        let check = f.build(checkOnly: true)
        XCTAssertTrue(check.diagnostics.contains { $0.severity == .error && $0.file == page }, "\(check.diagnostics)")
        XCTAssertEqual(check.diagnostics, f.build(checkOnly: true, force: true).diagnostics)
    }

    /// A stamp believed wrongly (a clock set back, a forged record) leaves a page as it was published,
    /// which `--force` mends: it takes no stamp, and records none.
    func testForceReadsEveryFile() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let published = f.snapshot()
        try f.append(page, "\nНовое предложение.\n")
        var forged = try XCTUnwrap(SourceStamps.read(for: f.siteDirectory))
        forged.takenAt += 3600
        let i = try XCTUnwrap(forged.entries.firstIndex { $0.name == page })
        forged.entries[i].stamp = try XCTUnwrap(SourceStamps.Stamp(f.root + "/" + page))
        forged.write(for: f.siteDirectory)
        XCTAssertTrue(f.build().upToDate, "the record believed: the page stays as it was published")
        XCTAssertEqual(f.snapshot(), published)
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertNotEqual(f.snapshot(), published, "--force read the file")
        XCTAssertEqual(SourceStamps.read(for: f.siteDirectory)?.entries[i].digest, forged.entries[i].digest, "and recorded nothing")
    }
}
