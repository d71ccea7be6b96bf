import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// The output folder is sitegen's alone: a build replaces only a folder that is absent, empty or
/// written by sitegen, and loses nothing of the editor's whatever `--output` says.
final class OutputFolderTests: XCTestCase {
    private func site() throws -> Fixture {
        try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст\n"])
    }

    private func build(_ f: Fixture, output: String?) -> BuildReport {
        SiteBuilder(options: BuildOptions(sourceDirectory: f.root, outputDirectory: output)).run()
    }

    /// Every file below a folder with its bytes (links listed as links, not followed).
    private func tree(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        while let rel = walker.nextObject() as? String {
            let attributes = walker.fileAttributes
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                out[rel] = Data(((try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + rel)) ?? "").utf8)
            } else if attributes?[.type] as? FileAttributeType == .typeRegular {
                out[rel] = FileManager.default.contents(atPath: root + "/" + rel)
            }
        }
        return out
    }

    private func assertRefused(_ report: BuildReport, mentioning words: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(report.setupFailed, "exit status 2", file: file, line: line)
        XCTAssertFalse(report.published, file: file, line: line)
        let d = report.diagnostics.first { $0.code == "output.folder" }
        XCTAssertNotNil(d, report.diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"), file: file, line: line)
        for word in words {
            XCTAssertTrue(d?.message.contains(word) == true, "'\(word)' in: \(d?.message ?? "")", file: file, line: line)
        }
    }

    func testTheSourceFolderAndEverythingHoldingItAreRefusedAndKept() throws {
        let f = try site()
        try FileManager.default.createDirectory(atPath: f.root + "/.git", withIntermediateDirectories: true)
        try f.write(".git/HEAD", "ref: refs/heads/main\n")
        let before = tree(f.root)
        XCTAssertGreaterThan(before.count, 10)
        let parent = (f.root as NSString).deletingLastPathComponent
        for output in [f.root, f.root + "/", f.root + "/.", f.root + "/content/..", parent, "/"] {
            assertRefused(build(f, output: output), mentioning: ["source folder", output])
        }
        for folder in ["content", "content/kk", "static", "static/new", "templates", "i18n", ".git", ".git/objects"] {
            assertRefused(build(f, output: f.root + "/" + folder), mentioning: ["lies inside", folder.split(separator: "/")[0] + "/"])
        }
        XCTAssertEqual(tree(f.root), before, "nothing in the source changed, not even a staging folder or a lock")
    }

    /// The folder checked is the folder replaced: an empty `--output` (an unset shell variable) is
    /// refused, and a path through a link and `..`, which the system reads from the link's target, is
    /// checked and built where the system reads it, never where the same text read as text would be.
    func testTheFolderCheckedIsTheFolderReplaced() throws {
        let f = try site()
        let before = tree(f.root)
        assertRefused(build(f, output: ""), mentioning: ["--output"])
        let work = NSTemporaryDirectory() + "sitegen-dotdot-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: work + "/rel/1", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work + "/precious", withIntermediateDirectories: true)
        try "thesis".write(toFile: work + "/precious/t.txt", atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: work + "/cur", withDestinationPath: work + "/rel/1")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let report = build(f, output: work + "/cur/../precious")
        XCTAssertTrue(report.published, report.diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"))
        XCTAssertEqual(try String(contentsOfFile: work + "/precious/t.txt", encoding: .utf8), "thesis")
        XCTAssertNotNil(FileManager.default.contents(atPath: work + "/rel/precious/" + OutputFolder.markerName))
        // A link to the source's content folder, then `..`: the source itself, refused.
        try FileManager.default.createSymbolicLink(atPath: work + "/src", withDestinationPath: f.root + "/content")
        assertRefused(build(f, output: work + "/src/.."), mentioning: ["source folder"])
        assertRefused(build(f, output: work + "/src/../"), mentioning: ["source folder"])
        XCTAssertEqual(tree(f.root), before)
    }

    /// A relative path in a folder that was deleted under the build (the site folder a build
    /// replaced, where the editor stood) is answered, not looked for forever.
    func testAPathInADeletedFolderIsAnswered() throws {
        let old = FileManager.default.currentDirectoryPath
        let gone = NSTemporaryDirectory() + "sitegen-gone-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: gone, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(gone))
        defer { FileManager.default.changeCurrentDirectoryPath(old) }
        try FileManager.default.removeItem(atPath: gone)
        XCTAssertEqual(Folder.realPath("site/x"), "site/x")
    }

    /// A mount point cannot be renamed over: refused before any work, with a folder inside it to give
    /// instead (`/proc` is one on every Linux system; the check only looks at it).
    func testAMountPointIsRefusedBeforeAnyWork() throws {
        let f = try Fixture(files: [:])
        let refusal = OutputFolder.refusal(output: "/proc", source: f.root)
        XCTAssertEqual(refusal?.id, "output.folder.mount")
        XCTAssertEqual(refusal?.arguments["inside"], "/proc/site")
        XCTAssertNil(OutputFolder.refusal(output: f.root + "/site", source: f.root))
    }

    func testALinkToTheSourceIsTheSourceFolder() throws {
        let f = try site()
        let link = NSTemporaryDirectory() + "sitegen-link-" + UUID().uuidString
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: f.root)
        defer { try? FileManager.default.removeItem(atPath: link) }
        let before = tree(f.root)
        assertRefused(build(f, output: link), mentioning: ["source folder"])
        assertRefused(build(f, output: link + "/content"), mentioning: ["content/"])
        XCTAssertEqual(tree(f.root), before)
    }

    /// An editor's folder may be a link to one kept elsewhere (a theme's templates, a shared content
    /// folder): an output inside it is inside that folder, refused, and the folder is kept as it was.
    func testAnOutputInsideALinkedEditorsFolderIsRefused() throws {
        let f = try site()
        let theme = NSTemporaryDirectory() + "sitegen-theme-" + UUID().uuidString
        try FileManager.default.moveItem(atPath: f.root + "/templates", toPath: theme)
        defer { try? FileManager.default.removeItem(atPath: theme) }
        try FileManager.default.createSymbolicLink(atPath: f.root + "/templates", withDestinationPath: theme)
        let before = tree(theme)
        for output in [f.root + "/templates/out", theme + "/out", f.root + "/templates"] {
            assertRefused(build(f, output: output), mentioning: ["templates/"])
        }
        XCTAssertEqual(tree(theme), before)
    }

    func testAFolderThatSitegenDidNotWriteIsRefusedAndKept() throws {
        let f = try site()
        let mine = NSTemporaryDirectory() + "sitegen-mine-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: mine) }
        try FileManager.default.createDirectory(atPath: mine + "/notes", withIntermediateDirectories: true)
        try Data("мазмұн".utf8).write(to: URL(fileURLWithPath: mine + "/notes/draft.txt"))
        let before = tree(mine)
        assertRefused(build(f, output: mine), mentioning: ["not empty", "notes", OutputFolder.markerName])
        XCTAssertEqual(tree(mine), before)

        // A file in the folder's place, and a link to a folder, are refused too.
        assertRefused(build(f, output: mine + "/notes/draft.txt"), mentioning: ["is a file"])
        let link = mine + "-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: mine)
        defer { try? FileManager.default.removeItem(atPath: link) }
        assertRefused(build(f, output: link), mentioning: ["symbolic link"])
        XCTAssertEqual(tree(mine), before)
    }

    func testAbsentEmptyAndSitegenFoldersAreReplaced() throws {
        let f = try site()
        let out = NSTemporaryDirectory() + "sitegen-out-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: out) }
        assertNoErrors(build(f, output: out + "/deep/site").diagnostics)
        XCTAssertEqual(OutputFolder.markerFormat(in: out + "/deep/site"), OutputFolder.formatVersion)
        try FileManager.default.createDirectory(atPath: out + "/empty", withIntermediateDirectories: true)
        XCTAssertTrue(build(f, output: out + "/empty").published)
        // A second build replaces the first, and a file the first had is gone.
        try f.write("content/kk/b.md", "---\ntitle: B\n---\n")
        XCTAssertTrue(build(f, output: out + "/empty").published)
        try f.remove("content/kk/b.md")
        XCTAssertTrue(build(f, output: out + "/empty").published)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/empty/kk/b/index.html"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/empty/kk/a/index.html"))
        // The folder keeps the mode and group it was given.
        XCTAssertEqual(chmod(out + "/empty", 0o2750), 0)
        XCTAssertEqual(chown(out + "/empty", uid_t.max, 65534), 0)
        XCTAssertEqual(chmod(out + "/empty", 0o2750), 0)
        try f.write("content/kk/c.md", "---\ntitle: C\n---\n")
        XCTAssertTrue(build(f, output: out + "/empty").published)
        var info = stat()
        XCTAssertEqual(lstat(out + "/empty", &info), 0)
        XCTAssertEqual(info.st_mode & 0o7777, 0o2750)
        XCTAssertEqual(info.st_gid, 65534)
    }

    func testAnOutputWrittenByAnEarlierVersionIsRefusedWithWhatToDo() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        // Earlier builds wrote the same tree without the marker; an editor may have put a draft inside.
        try f.remove("site/" + OutputFolder.markerName)
        try f.write("site/kk/drafts/unsaved.md", "жоба")
        assertRefused(f.build(), mentioning: ["earlier sitegen", "rm -rf"])
        XCTAssertEqual(f.output("kk/drafts/unsaved.md"), "жоба")

        try f.write("site/my-notes.txt", "кімдікі?")
        assertRefused(f.build(), mentioning: ["my-notes.txt", "not empty"])
        XCTAssertEqual(f.output("my-notes.txt"), "кімдікі?")
    }

    func testAnOutputOfANewerFormatIsRefused() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        try f.write("site/" + OutputFolder.markerName, "sitegen output format \(OutputFolder.formatVersion + 1)\n")
        assertRefused(f.build(), mentioning: ["newer sitegen"])
    }

    func testRemovingThePreviousSiteNeverFollowsALinkOutOfIt() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let outside = NSTemporaryDirectory() + "sitegen-outside-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createDirectory(atPath: outside + "/sub", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/sub/keep.txt"))
        // Links at every level the removal shares out: the top, the second level, deeper.
        try FileManager.default.createSymbolicLink(atPath: f.siteDirectory + "/top-link", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: f.siteDirectory + "/kk/second-link", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: f.siteDirectory + "/kk/a/deep-link", withDestinationPath: outside + "/sub")
        let before = tree(outside)
        // Links a build did not write are someone's: refused, named, and kept.
        let refused = f.build()
        XCTAssertFalse(refused.published)
        XCTAssertEqual(refused.diagnostics.first { $0.code == "output.folder" }?.arguments["named"], "kk/a/deep-link, kk/second-link, top-link")
        XCTAssertEqual(tree(outside), before)
        // Replaced whole when asked: the links go as links.
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertEqual(tree(outside), before, "nothing a link in the old site pointed to was removed")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.siteDirectory + "/top-link"))
    }

    /// A folder of the old site swapped for a link to elsewhere while the removal is inside it: what
    /// is removed next is named relative to the folder the removal opened, not looked up again by a
    /// path that now leads through the link.
    func testAFolderSwappedForALinkDuringTheRemovalLeadsNowhere() throws {
        let fm = FileManager.default
        let base = NSTemporaryDirectory() + "sitegen-swap-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: base) }
        let outside = base + "/outside"
        try fm.createDirectory(atPath: outside + "/b", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/b/victim"))
        let old = base + "/old"
        try fm.createDirectory(atPath: old + "/deep/a/b", withIntermediateDirectories: true)
        try Data("old".utf8).write(to: URL(fileURLWithPath: old + "/deep/a/b/victim"))
        // The removal has opened `deep/a`; then `a` is moved away and a link to `outside` takes its name.
        let opened = open(old + "/deep/a", O_RDONLY | O_DIRECTORY)
        XCTAssertGreaterThanOrEqual(opened, 0)
        defer { close(opened) }
        try fm.moveItem(atPath: old + "/deep/a", toPath: old + "/deep/moved")
        try fm.createSymbolicLink(atPath: old + "/deep/a", withDestinationPath: outside)
        TreeRemoval.removeSerially("b", in: opened, isFolder: true)
        let kept = tree(outside)
        XCTAssertEqual(kept, ["b/victim": Data("keep".utf8)], "nothing behind the link was removed")
        XCTAssertFalse(fm.fileExists(atPath: old + "/deep/moved/b"), "the folder the removal was in was emptied")
        TreeRemoval.remove(old)
        XCTAssertFalse(fm.fileExists(atPath: old))
        XCTAssertEqual(tree(outside), kept, "the link is removed as a link")
    }

    /// A tree deeper than this process may open folders is removed whole: what lies deep is moved up
    /// and removed from there, never needing more descriptors than a few dozen.
    /// A folder's entries are read whole, from its start, whatever read its descriptor before: a removal
    /// lists a folder twice through one descriptor (its entries, then what is left).
    func testAFolderIsListedWholeFromItsStartEveryTime() throws {
        let root = NSTemporaryDirectory() + "sitegen-entries-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/sub")
        // More entries than one read returns (32 KB of records).
        let names = (0..<1200).map { "file-" + String(repeating: "к", count: 20) + String($0) }
        for name in names { try Data().write(to: URL(fileURLWithPath: root + "/" + name)) }
        let fd = open(root, O_RDONLY | O_DIRECTORY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        for _ in 0..<2 {
            let found = Folder.entryKinds(in: fd)
            XCTAssertEqual(found.count, names.count + 2)
            XCTAssertEqual(Set(found.map(\.name)), Set(names + ["sub", "link"]))
            XCTAssertEqual(found.filter(\.isFolder).map(\.name), ["sub"], "a link to a folder is not a folder")
        }
        // A body that stops the reading is told apart from a folder read to its end.
        var seen = 0
        lseek(fd, 0, SEEK_SET)
        XCTAssertFalse(Folder.forEachEntry(in: fd) { _, _ in seen += 1; return seen < 10 })
        XCTAssertEqual(seen, 10)
    }

    func testATreeDeeperThanTheOpenFileLimitIsRemoved() throws {
        let root = NSTemporaryDirectory() + "sitegen-deep-" + UUID().uuidString
        let deep = root + "/top/" + Array(repeating: "d", count: 700).joined(separator: "/")
        try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: deep + "/file"))
        try Data(OutputFolder.markerText.utf8).write(to: URL(fileURLWithPath: root + "/" + OutputFolder.markerName))
        try withOpenFileLimit(free: 200) { TreeRemoval.remove(root) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root), "700 folders deep, with 200 descriptors free")
    }

    /// A removal that cannot remove everything keeps the marker, so the next build knows the rest for a
    /// leftover of its own and removes it then.
    func testARemovalThatCannotFinishKeepsTheMarker() throws {
        let root = NSTemporaryDirectory() + "sitegen-unfinished-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/a/b/c", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/a/b/c/file"))
        try Data(OutputFolder.markerText.utf8).write(to: URL(fileURLWithPath: root + "/" + OutputFolder.markerName))
        // Too few descriptors to open every folder (a folder's entries are read through its own one).
        try withOpenFileLimit(free: 2) { TreeRemoval.remove(root) }
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/a/b/c/file"), "the removal could not finish")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/" + OutputFolder.markerName), "the marker stays with what is left")
        TreeRemoval.remove(root)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root))
    }

    /// A folder with this process's staging name that is not ours (no marker, something in it) is
    /// kept, and the build stages under another name.
    func testAFolderWithTheStagingNameIsKeptAndAnotherNameTaken() throws {
        let f = try site()
        let taken = f.root + "/.site.tmp-\(getpid())"
        try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: URL(fileURLWithPath: taken + "/notes.txt"))
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(FileManager.default.contents(atPath: taken + "/notes.txt"), Data("notes".utf8))
        XCTAssertNotNil(f.output("index.html"))
    }

    /// What stands beside the output in place of the build record (a FIFO, a link to a device) reads
    /// as no record: the build neither waits for it nor reads without end.
    func testAnythingButAFileInPlaceOfTheRecordIsNoRecord() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let record = BuildRecord.path(for: f.siteDirectory)
        for make in [{ XCTAssertEqual(mkfifo(record, 0o644), 0) }, { XCTAssertEqual(symlink("/dev/zero", record), 0) }] {
            unlink(record)
            make()
            try f.write("content/kk/b.md", "---\ntitle: B \(UUID().uuidString.filter(\.isLetter))\n---\nМәтін\n")
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var published = false
            nonisolated(unsafe) let fixture = f
            DispatchQueue.global().async {
                published = fixture.build().published
                done.signal()
            }
            XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "the build does not wait for what stands in place of its record")
            XCTAssertTrue(published)
            var info = stat()
            XCTAssertEqual(lstat(record, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG, "the build wrote its record in its place")
        }
    }

    /// A FIFO in place of the lock file is refused at once, named, and kept: before, a build that found
    /// the lock held read the holder's number from it and waited for ever.
    func testAFIFOInPlaceOfTheLockIsRefusedAndKept() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let before = f.snapshot()
        let lock = OutputLock.path(for: f.siteDirectory)
        unlink(lock)
        XCTAssertEqual(mkfifo(lock, 0o644), 0)
        try f.write("content/kk/b.md", "---\ntitle: B\n---\nМәтін\n")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var report: BuildReport?
        nonisolated(unsafe) let fixture = f
        DispatchQueue.global().async {
            report = fixture.build()
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "the build does not wait on a FIFO")
        XCTAssertEqual(report?.published, false)
        let message = report?.diagnostics.first { $0.code == "output.io" }?.message ?? ""
        XCTAssertTrue(message.contains(".site.lock") && message.contains("not a regular file"), message)
        var info = stat()
        XCTAssertEqual(lstat(lock, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "what the build did not write is kept")
        XCTAssertEqual(f.snapshot(), before)
    }

    /// A second name of another file in place of the lock file is refused: the build writes its
    /// number into its lock, and that would have replaced the other file's bytes.
    func testALinkToAnotherFileInPlaceOfTheLockIsRefusedAndTheFileKept() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let lock = OutputLock.path(for: f.siteDirectory)
        let precious = f.root + "/precious.txt"
        try Data("the editors' notes\n".utf8).write(to: URL(fileURLWithPath: precious))
        let before = f.snapshot()
        for make in [{ XCTAssertEqual(link(precious, lock), 0) }, { XCTAssertEqual(symlink(precious, lock), 0) }] {
            unlink(lock)
            make()
            try f.write("content/kk/b.md", "---\ntitle: B \(UUID().uuidString.filter(\.isLetter))\n---\nМәтін\n")
            let report = f.build()
            XCTAssertFalse(report.published)
            let message = report.diagnostics.first { $0.code == "output.io" }?.message ?? ""
            XCTAssertTrue(message.contains(".site.lock") && message.contains("not a regular file of its own"), message)
            let refused = try XCTUnwrap(report.diagnostics.first { $0.code == "output.io" })
            XCTAssertTrue(refused.message(in: .kk).contains("құлып файлы дербес кәдімгі файл емес"), refused.message(in: .kk))
            XCTAssertEqual(FileManager.default.contents(atPath: precious), Data("the editors' notes\n".utf8))
            XCTAssertEqual(f.snapshot(), before)
        }
        unlink(lock)
        XCTAssertTrue(f.build().published, "with the name gone, the build makes its own lock")
    }

    /// The build never writes into its lock file: what the file held (anything of the name, a file
    /// mounted there included, which no check of names can tell) is what it holds after the build.
    func testTheLockFileIsNeverWrittenTo() throws {
        let f = try site()
        let lock = OutputLock.path(for: f.siteDirectory)
        try FileManager.default.createDirectory(atPath: f.root, withIntermediateDirectories: true)
        try Data("the editors' notes\n".utf8).write(to: URL(fileURLWithPath: lock))
        XCTAssertTrue(f.build().published)
        try f.write("content/kk/b.md", "---\ntitle: B\n---\nМәтін\n")
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(FileManager.default.contents(atPath: lock), Data("the editors' notes\n".utf8))
    }

    /// Only a folder can be a leftover: a file, link or FIFO of a staging folder's name is kept.
    func testAnythingButAFolderOfALeftoversNameIsKept() throws {
        let f = try site()
        let file = f.root + "/.site.tmp-notes"
        try Data("notes".utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(mkfifo(f.root + "/.site.tmp-fifo", 0o644), 0)
        XCTAssertEqual(symlink(f.root + "/content", f.root + "/.site.tmp-link"), 0)
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(FileManager.default.contents(atPath: file), Data("notes".utf8))
        var info = stat()
        XCTAssertEqual(lstat(f.root + "/.site.tmp-fifo", &info), 0)
        XCTAssertEqual(lstat(f.root + "/.site.tmp-link", &info), 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root + "/content/kk/a.md"))
    }

    /// A swap without an exchange renames the site aside, then the new one in: a build killed between
    /// the two leaves no site and the old one as `.site.tmp-<pid>.old`, which the next build puts back.
    func testASiteSetAsideByAnUnfinishedSwapIsPutBack() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let page = f.output("kk/a/index.html")
        XCTAssertNotNil(page)
        XCTAssertEqual(rename(f.siteDirectory, f.root + "/.site.tmp-999999.old"), 0)
        OutputTree.removeLeftovers(of: f.siteDirectory)
        XCTAssertEqual(f.output("kk/a/index.html"), page)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/.site.tmp-999999.old"))
        // With a site in its place, a set-aside folder is a leftover like any other.
        try FileManager.default.copyItem(atPath: f.siteDirectory, toPath: f.root + "/.site.tmp-999999.old")
        OutputTree.removeLeftovers(of: f.siteDirectory)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/.site.tmp-999999.old"))
        XCTAssertEqual(f.output("kk/a/index.html"), page)
    }

    func testLeftoversOfAKilledBuildAreRemovedButOnlyOurs() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let ours = f.root + "/.site.tmp-999999"
        try FileManager.default.copyItem(atPath: f.siteDirectory, toPath: ours)
        let notOurs = f.root + "/.site.tmp-notes"
        try FileManager.default.createDirectory(atPath: notOurs, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: notOurs + "/x.txt"))
        // A user's copy of the site, marker and all, under a name no build gives its folder.
        let copies = [".site.tmp-backup-2026", ".site.tmp-12x", ".site.tmp-1-2-3", ".site.tmp-.old", ".site.tmp-1.old.old"].map { f.root + "/" + $0 }
        for copy in copies {
            try FileManager.default.copyItem(atPath: f.siteDirectory, toPath: copy)
            try Data("mine".utf8).write(to: URL(fileURLWithPath: copy + "/NOTES.txt"))
        }
        // Nothing changed: the build writes no site, but still clears what killed builds left.
        XCTAssertTrue(f.build().upToDate)
        XCTAssertFalse(FileManager.default.fileExists(atPath: ours), "a staging folder with the marker is ours")
        XCTAssertTrue(FileManager.default.fileExists(atPath: notOurs + "/x.txt"), "a folder without it is not")
        for copy in copies {
            XCTAssertTrue(FileManager.default.fileExists(atPath: copy + "/NOTES.txt"), "\(copy): not a name a build gives its folder")
            XCTAssertTrue(FileManager.default.fileExists(atPath: copy + "/" + OutputFolder.markerName), copy)
        }
        XCTAssertTrue(OutputTree.isStagingName(".site.tmp-1234", prefix: ".site.tmp-"))
        XCTAssertTrue(OutputTree.isStagingName(".site.tmp-1234-2.old", prefix: ".site.tmp-"))
    }

    /// The staging folder of a build whose process still runs is not removed as a leftover, even by a
    /// build that got the lock (its file was removed under the first build); once that process is
    /// gone, the folder is a leftover like any other.
    func testTheStagingFolderOfARunningProcessIsNotALeftover() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let running = Process()
        running.executableURL = URL(fileURLWithPath: "/bin/sleep")
        running.arguments = ["60"]
        try running.run()
        defer { if running.isRunning { running.terminate() } }
        let staging = f.root + "/.site.tmp-\(running.processIdentifier)"
        try FileManager.default.copyItem(atPath: f.siteDirectory, toPath: staging)
        try f.write("content/kk/b.md", "---\ntitle: B\n---\nМәтін\n")
        XCTAssertTrue(f.build().published)
        XCTAssertTrue(FileManager.default.fileExists(atPath: staging + "/" + OutputFolder.markerName), "a running build's folder is kept")
        running.terminate()
        running.waitUntilExit()
        XCTAssertTrue(f.build().upToDate)
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging), "once its process is gone, it is a leftover")
        XCTAssertEqual(OutputTree.stagingProcess(".site.tmp-1234-2", prefix: ".site.tmp-"), 1234)
        XCTAssertEqual(OutputTree.stagingProcess(".site.tmp-1234.old", prefix: ".site.tmp-"), 1234)
        XCTAssertNil(OutputTree.stagingProcess(".site.tmp-notes", prefix: ".site.tmp-"))
        XCTAssertNil(OutputTree.stagingProcess(".site.tmp-99999999999", prefix: ".site.tmp-"))
    }

    /// A build killed while writing the build record or the page cache leaves its temporary file; the
    /// next build removes it (a regular file of that name only: a folder or a link is not ours).
    func testTemporaryRecordsOfAKilledBuildAreRemoved() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let fm = FileManager.default
        let cut = [".site.pages.tmp-999999", ".site.build.tmp-999999", ".site.sources.tmp-999999"]
        for name in cut { try Data("cut".utf8).write(to: URL(fileURLWithPath: f.root + "/" + name)) }
        try fm.createDirectory(atPath: f.root + "/.site.pages.tmp-notes", withIntermediateDirectories: true)
        // A user's files whose names only begin like a record's temporary file's.
        let users = [".site.build.tmp-notes", ".site.pages.tmp-2024x", ".site.files.tmp-x", ".site.files.new-5.tmp-1x",
                     ".site.files.old-7.tmp-me", ".site.files.new-notes", ".site.files.old-", ".site.files.new-5.tmp-"]
        for name in users { try Data("mine".utf8).write(to: URL(fileURLWithPath: f.root + "/" + name)) }
        try Data("cut".utf8).write(to: URL(fileURLWithPath: f.root + "/.site.files.new-5.tmp-999999"))
        XCTAssertTrue(f.build().upToDate)
        for name in cut { XCTAssertFalse(fm.fileExists(atPath: f.root + "/" + name), name) }
        XCTAssertFalse(fm.fileExists(atPath: f.root + "/.site.files.new-5.tmp-999999"))
        XCTAssertTrue(fm.fileExists(atPath: f.root + "/.site.pages.tmp-notes"), "a folder of that name is not ours")
        for name in users { XCTAssertEqual(try? String(contentsOfFile: f.root + "/" + name, encoding: .utf8), "mine", name) }
        // And a build that publishes keeps them too.
        try f.write("content/kk/b.md", "---\ntitle: B\n---\nМәтін\n")
        XCTAssertTrue(f.build().published)
        for name in users { XCTAssertEqual(try? String(contentsOfFile: f.root + "/" + name, encoding: .utf8), "mine", name) }
    }

    /// The previous site is removed after the swap, its marker last (`TreeRemoval.remove`): what a build
    /// killed in the middle leaves still carries it, and the next build knows it for its own and removes it.
    func testAPartlyRemovedOldSiteIsRemovedByTheNextBuild() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let old = f.root + "/.site.tmp-999999"
        try FileManager.default.copyItem(atPath: f.siteDirectory, toPath: old)
        // What is left when a removal stops after its first entries: the marker is among the last.
        let entries = try FileManager.default.contentsOfDirectory(atPath: old).sorted()
        XCTAssertTrue(entries.contains(OutputFolder.markerName))
        TreeRemoval.remove(old + "/" + (entries.first { $0 != OutputFolder.markerName } ?? ""))
        XCTAssertTrue(FileManager.default.fileExists(atPath: old + "/" + OutputFolder.markerName))
        XCTAssertTrue(f.build().upToDate)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old), "the next build removed the rest of the old site")
    }

    func testASecondBuildIntoTheSameOutputFailsClearlyAndChangesNothing() throws {
        let f = try site()
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        var held: OutputLock? = try OutputLock(destination: f.siteDirectory)
        try f.write("content/kk/b.md", "---\ntitle: B\n---\n")
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.setupFailed)
        let message = report.diagnostics.first { $0.code == "output.io" }?.message ?? ""
        XCTAssertTrue(message.contains("another sitegen build is writing to") && message.contains("\(getpid())"), message)
        // Told in the editors' languages too, with no English inside.
        let busy = try XCTUnwrap(report.diagnostics.first { $0.code == "output.io" })
        XCTAssertTrue(busy.message(in: .kk).contains("басқа құрастыруы жазып жатыр (\(getpid()) процесі)"), busy.message(in: .kk))
        XCTAssertTrue(busy.message(in: .ru).contains("другая сборка sitegen (процесс \(getpid()))"), busy.message(in: .ru))
        XCTAssertFalse(busy.message(in: .ru).contains("another"), busy.message(in: .ru))
        XCTAssertEqual(f.snapshot(), before)
        XCTAssertNotNil(held)
        held = nil
        XCTAssertTrue(f.build().published, "the lock goes with the build that held it")
    }
}
