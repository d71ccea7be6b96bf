import CPosix
import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A file a user put into the published folder is never lost with it: not when the folder holds more
/// folders than the process may open at once, not when part of it cannot be read, not when the file
/// is saved while the build runs, and not whatever its name.
final class WrittenFilesTests: XCTestCase {
    private var roots: [String] = []

    override func tearDown() {
        for root in roots {
            try? FileManager.default.removeItem(atPath: root)
            WrittenFiles.remove(for: root)
        }
        super.tearDown()
    }

    /// A fresh folder holding `written` (each file "x"), with the list of them beside it.
    private func folder(_ written: [String]) throws -> String {
        let root = NSTemporaryDirectory() + "sitegen-written-" + UUID().uuidString
        roots.append(root)
        for path in written {
            let file = root + "/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        }
        WrittenFiles.write(PlacedFiles(paths: written, in: root), folder: try XCTUnwrap(WrittenFiles.inode(of: root)), to: WrittenFiles.path(for: root))
        return root
    }

    /// Many folders side by side, or one inside another, are looked through with a few descriptors:
    /// a look that ran out of them could not say the folder holds only what its build wrote.
    func testTheLookNeedsFewDescriptorsWhateverTheFolders() throws {
        let wide = (0..<400).map { "notes/\($0)/page.html" }
        let deep = [(0..<300).map { "d\($0 % 10)" }.joined(separator: "/") + "/page.html"]
        let root = try folder(wide + deep)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/notes/399/mine.txt"))
        // At the bottom of folders deeper than a look holds open: those are opened by their path.
        let bottom = (deep[0] as NSString).deletingLastPathComponent + "/deep-mine.txt"
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/" + bottom))

        // Room for a few more than are open now, far fewer than there are folders.
        let found = try withOpenFileLimit(free: 24) { WrittenFiles.check(root) }
        XCTAssertEqual(found, .others(count: 2, named: [bottom, "notes/399/mine.txt"]))
        XCTAssertEqual(WrittenFiles.check(root), found, "with the usual limit")
        try FileManager.default.removeItem(atPath: root + "/notes/399/mine.txt")
        try FileManager.default.removeItem(atPath: root + "/" + bottom)
        XCTAssertEqual(WrittenFiles.check(root), .nothingElse)
    }

    /// A look that runs out of descriptors part way (the program holds many of its own, near its limit)
    /// lets go of the folders it holds open and goes on holding none: the folder is still looked
    /// through whole, not refused as one that cannot be read.
    func testALookOutOfDescriptorsGoesOnHoldingNone() throws {
        let chain = (0..<20).map { "d\($0)" }.joined(separator: "/")
        // Two folders in each top folder, walked on both cores, each deeper than the descriptors left.
        let root = try folder(["a", "b"].flatMap { top in ["x", "y"].map { "\(top)/\($0)/\(chain)/page.html" } })
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/b/y/" + chain + "/mine.txt"))
        // Descriptors held elsewhere: the limit is high enough for a walk to hold 32 folders open.
        let held = (0..<600).map { _ in open("/dev/null", O_RDONLY) }
        defer { for fd in held { close(fd) } }
        let found = try withOpenFileLimit(free: 10) { WrittenFiles.check(root) }
        XCTAssertEqual(found, .others(count: 1, named: ["b/y/" + chain + "/mine.txt"]))
        let listed = try withOpenFileLimit(free: 10) { BuildRecord.listing(root) }
        XCTAssertEqual(listed?.count, 5, "the four pages and the file saved")
    }

    /// The walk of a published folder lists every file with its identity, whatever its name (a line
    /// break, Kazakh letters, a name longer than a string holds in place), as the table of placed files
    /// each is put in one by one has them, and with that table's digest.
    func testTheListingHoldsEveryFileWithItsIdentity() throws {
        let paths = ["top.txt", "a/b/x.html", "a/new\nline.txt", "қазақ/файлдың-өте-ұзын-аты-болса-да.html", "a/b/c/d/e.txt",
                     "bulletins/kk/42500/telegram.html", "bulletins/kk/42500/text.txt"]
        let root = try folder(paths)
        var expected = PlacedFiles()
        for path in paths {
            var info = stat()
            XCTAssertEqual(lstat(root + "/" + path, &info), 0, path)
            expected.place(path, OutputTree.identity(info))
        }
        let listed = try XCTUnwrap(BuildRecord.listing(root))
        XCTAssertEqual(listed.files, expected.files)
        XCTAssertEqual(listed.digest(), expected.digest())
        for path in paths { XCTAssertEqual(listed.identity(of: path), expected.identity(of: path), path) }
    }

    /// A folder of a path replaced by a link (to a copy of it, files linked and all) is never entered,
    /// wherever on the path it is: the look and the walk of the published folder open a path a name at
    /// a time, so a link swapped in while they read is found, not followed.
    func testNoLinkOnAPathIsFollowed() throws {
        let root = try folder(["kk/42500/apply/index.html"])
        let fm = FileManager.default
        try fm.moveItem(atPath: root + "/kk/42500", toPath: root + "/copy")
        try fm.createSymbolicLink(atPath: root + "/kk/42500", withDestinationPath: root + "/copy")
        let top = open(root, O_RDONLY | O_DIRECTORY)
        defer { close(top) }
        XCTAssertEqual(Folder.openFolder(Array("kk/42500/apply".utf8), in: top), -1, "a link in the middle of the path")
        XCTAssertTrue([ELOOP, ENOTDIR].contains(errno), "errno \(errno)")
        XCTAssertEqual(Folder.openFolder(Array("kk/42500".utf8), in: top), -1, "a link at the end of the path")
        let fd = Folder.openFolder(Array("copy/apply".utf8), in: top)
        XCTAssertGreaterThanOrEqual(fd, 0, "a path of folders")
        close(fd)
    }

    /// A folder that cannot be read may hold anything: the look says so, naming it, and the build is
    /// refused with that name and the reason, keeping the folder as it is.
    func testAFolderThatCannotBeReadIsNeverTakenForEmpty() throws {
        // A folder the build wrote into (a folder of no listed file is someone's, and not looked into).
        let root = try folder(["index.html", "kk/index.html", "private/index.html"])
        try Data("mine".utf8).write(to: URL(fileURLWithPath: root + "/private/mine.txt"))
        chmod(root + "/private", 0o300)
        defer { chmod(root + "/private", 0o755) }
        // As root the folder's mode does not keep anyone out: the look runs as another user, on this
        // thread only (the file-system user is the thread's; it gives up the right to read every file).
        let found: WrittenFiles.Found?
        if getuid() == 0 {
            chmod(root, 0o755)
            let before = sg_set_file_user(65534)
            found = WrittenFiles.check(root)
            sg_set_file_user(UInt32(before))
        } else {
            found = WrittenFiles.check(root)
        }
        guard case .unreadable("private", let error)? = found else { return XCTFail("\(String(describing: found))") }
        XCTAssertEqual(error, EACCES)

        let options = BuildOptions(sourceDirectory: "/src", outputDirectory: root)
        let refusal = try XCTUnwrap(SiteBuilder.addedFilesRefusal(found, options))
        XCTAssertEqual(refusal.severity, .error)
        XCTAssertEqual(refusal.messageID, "output.folder.unreadable-inside")
        XCTAssertEqual(refusal.arguments["path"], "private")
        let reason = String(cString: strerror(EACCES))
        for language in [MessageLanguage.en, .kk, .ru] {
            let text = refusal.message(in: language)
            XCTAssertTrue(text.contains("private") && text.contains(reason), text)
        }
    }

    /// Running out of descriptors is no fault of the folder's: the refusal says to raise the limit,
    /// not to change the folder's permissions.
    func testALookOutOfDescriptorsAdvisesTheLimit() throws {
        let options = BuildOptions(sourceDirectory: "/src", outputDirectory: "/tmp/site")
        for error in [EMFILE, ENFILE] {
            let refusal = try XCTUnwrap(SiteBuilder.addedFilesRefusal(.unreadable(path: "kk/s00", error: error), options))
            XCTAssertEqual(refusal.messageID, "output.folder.descriptors")
            for language in [MessageLanguage.en, .kk, .ru] {
                let text = refusal.message(in: language)
                XCTAssertTrue(text.contains("kk/s00") && text.contains("ulimit -n") && text.contains(String(cString: strerror(error))), text)
                XCTAssertFalse(text.contains("sitegen-") || text.contains("право читать") || text.contains("right to read"), text)
            }
        }
    }

    /// A file saved into the published folder while the build runs is found by a second look just
    /// before the swap: the build is refused and the file stays where it was put.
    func testAFileSavedDuringTheBuildIsKept() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        let saved = LockedFlag()
        let note = f.siteDirectory + "/NOTES.txt"
        let progress = ProgressLine(delay: 0, label: { _, _ in
            if saved.setOnce() { try? "notes".write(toFile: note, atomically: false, encoding: .utf8) }
            return ""
        }, write: { _ in })
        let during = SiteBuilder(options: BuildOptions(sourceDirectory: f.root), progress: progress).run()
        XCTAssertFalse(during.published)
        let refusal = during.diagnostics.first { $0.code == "output.folder" }
        XCTAssertEqual(refusal?.messageID, "output.folder.added-named")
        XCTAssertEqual(refusal?.arguments["named"], "NOTES.txt")
        XCTAssertEqual(f.output("NOTES.txt"), "notes")
        XCTAssertFalse(try XCTUnwrap(f.output("kk/pay/index.html")).contains("Толығырақ"), "the site in place is the one published before")
        XCTAssertEqual(Folder.entries(f.root).filter { $0.hasPrefix(".site.tmp-") }, [], "the new site is discarded")
        try FileManager.default.removeItem(atPath: note)
        XCTAssertTrue(f.build().published)
        XCTAssertTrue(try XCTUnwrap(f.output("kk/pay/index.html")).contains("Толығырақ"))
    }

    /// `--force` replaces what the output held when the build took it over, not what was saved into it
    /// while the build ran: a file saved then (into a folder that was empty, or into the site) is kept,
    /// with the folder set aside beside the new site and named.
    func testAForcedBuildKeepsWhatWasSavedWhileItRan() throws {
        for empty in [true, false] {
            let f = try Fixture.payPages()
            if empty { try FileManager.default.createDirectory(atPath: f.siteDirectory, withIntermediateDirectories: true) }
            else { XCTAssertTrue(f.build().published) }
            // Added to a published site before: replaced, as --force says (a folder not sitegen's is refused).
            if !empty { try f.write("site/old-notes.txt", "old") }
            // A folder of photos made before the build, moved in while it runs: its files keep their times.
            let album = f.root + "/album"
            try f.write("album/p1.jpg", "photo")
            // Past the tick of the file system's clock the build's time is taken by.
            usleep(30_000)
            let saved = LockedFlag()
            let site = f.siteDirectory
            let progress = ProgressLine(delay: 0, label: { _, _ in
                if saved.setOnce() {
                    try? FileManager.default.createDirectory(atPath: site + "/kk", withIntermediateDirectories: true)
                    try? "notes".write(toFile: site + "/kk/NOTES.txt", atomically: false, encoding: .utf8)
                    try? "mine".write(toFile: site + "/user-1.txt", atomically: true, encoding: .utf8)
                    rename(album, site + "/album")
                }
                return ""
            }, write: { _ in })
            var options = BuildOptions(sourceDirectory: f.root)
            options.force = true
            let report = SiteBuilder(options: options, progress: progress).run()
            XCTAssertTrue(saved.isSet)
            XCTAssertTrue(report.published, "\(report.diagnostics)")
            let aside = f.siteDirectory + ".kept-1"
            XCTAssertEqual(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["kept"] }, [aside])
            XCTAssertEqual(try String(contentsOfFile: aside + "/kk/NOTES.txt", encoding: .utf8), "notes")
            XCTAssertEqual(try String(contentsOfFile: aside + "/user-1.txt", encoding: .utf8), "mine")
            XCTAssertEqual(try String(contentsOfFile: aside + "/album/p1.jpg", encoding: .utf8), "photo")
            // A folder changed while the build ran is kept whole: `kk/` with what the build had written there.
            let left = try FileManager.default.subpathsOfDirectory(atPath: aside).sorted().filter { !$0.hasPrefix("kk/") }
            XCTAssertEqual(left, ["album", "album/p1.jpg", "kk", "user-1.txt"], "what was there before is gone, the marker too")
            if !empty { XCTAssertFalse(FileManager.default.fileExists(atPath: aside + "/old-notes.txt")) }
            XCTAssertNotNil(f.output("kk/pay/index.html"))
        }
    }

    /// A `--force` build killed once it swapped the folder out, before removing it: what was saved into
    /// the folder while it ran is still kept by the next build, which finds when that build started
    /// beside the folder (`.site.files.old-<inode>`), and what was there before goes.
    func testAForcedBuildKilledInItsSwapLeavesWhatWasSavedWhileItRan() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        let fm = FileManager.default
        try f.write("site/old-notes.txt", "there before")
        usleep(30_000)
        let since = OutputTree.fileSystemNow()
        usleep(30_000)
        try f.write("site/NOTES.txt", "saved while it ran")
        // Killed after the swap: the folder replaced, under the staging name of a process that is gone.
        let leftover = f.root + "/.site.tmp-3999999"
        try fm.moveItem(atPath: f.siteDirectory, toPath: leftover)
        // The new site's list took the old one's name (the new site itself is not needed here).
        try fm.removeItem(atPath: WrittenFiles.path(for: f.siteDirectory))
        let folder = try XCTUnwrap(WrittenFiles.inode(of: leftover))
        let said = WrittenFiles.outgoingPath(for: f.siteDirectory, folder: folder)
        XCTAssertTrue(WrittenFiles.writeForced(folder: folder, since: since, to: said))
        let read = try XCTUnwrap(WrittenFiles.read(said))
        XCTAssertEqual(read.folder, folder)
        XCTAssertEqual(read.forcedSince.map { [$0.tv_sec, $0.tv_nsec] }, [since.tv_sec, since.tv_nsec])
        XCTAssertEqual(read.files.count, 0)

        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        XCTAssertEqual(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["what"] }, ["NOTES.txt"])
        XCTAssertEqual(try String(contentsOfFile: f.siteDirectory + ".kept-1/NOTES.txt", encoding: .utf8), "saved while it ran")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: f.siteDirectory + ".kept-1"), ["NOTES.txt"])
        XCTAssertFalse(fm.fileExists(atPath: leftover))
        XCTAssertFalse(fm.fileExists(atPath: said), "what --force said of the folder goes with it")

        // A damaged one is no list: the folder is kept whole, as a folder whose list cannot be read.
        for damaged in ["sitegen written files forced\nfolder 1\nsince 1 1000000000\n", "sitegen written files forced\nfolder 1\nsince 1\n",
                        "sitegen written files forced\nfolder 1\nsince 1 2\nkk/index.html\n", "sitegen written files forced\nsince 1 2\n"] {
            try (damaged + SHA256Digest.hex(Array(damaged.utf8)) + "\n").write(toFile: said, atomically: true, encoding: .utf8)
            XCTAssertNil(WrittenFiles.read(said), damaged)
        }
        try fm.removeItem(atPath: said)
        // Nor is it ever the list of the published folder.
        XCTAssertTrue(WrittenFiles.writeForced(folder: try XCTUnwrap(WrittenFiles.inode(of: f.siteDirectory)), since: since,
                                               to: WrittenFiles.path(for: f.siteDirectory)))
        XCTAssertNil(WrittenFiles.read(for: f.siteDirectory))
        XCTAssertEqual(WrittenFiles.check(f.siteDirectory), .unlisted)
    }

    /// A site published by an older sitegen, whose list names paths alone: while the folder is as that
    /// build left it (its record's listing), the next build takes each file's identity from it, and
    /// replaces the site; once anything in it changed, an edit cannot be told from the build's file, and
    /// the build is refused, the edit kept, until `--force`.
    func testASiteListedByAnOlderSitegenIsReplacedOnlyWhileUnchanged() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        func listAsAnOlderSitegen() throws {
            let own = WrittenFiles.path(for: f.siteDirectory)
            var list = try XCTUnwrap(WrittenFiles.read(own))
            list.files.identitiesKnown = false
            XCTAssertTrue(WrittenFiles.write(list.files, folder: try XCTUnwrap(list.folder), to: own))
            XCTAssertTrue(try String(contentsOfFile: own, encoding: .utf8).hasPrefix(WrittenFiles.secondHeader + "\n"))
        }
        try listAsAnOlderSitegen()
        let (read, changed) = WrittenFiles.readWithIdentities(for: f.siteDirectory)
        XCTAssertFalse(changed)
        XCTAssertEqual(read?.files.identitiesKnown, true)
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        var report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        XCTAssertEqual(report.diagnostics.filter { $0.code == "output.folder" }, [])

        // Edited by hand under an older list: refused, and the edit stays where it is.
        try listAsAnOlderSitegen()
        try f.write("site/robots.txt", "mine")
        try f.append("content/kk/pay.md", "Тағы.\n")
        report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertEqual(report.diagnostics.first { $0.code == "output.folder" }?.messageID, "output.folder.older-list")
        XCTAssertEqual(f.output("robots.txt"), "mine")
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertNotEqual(f.output("robots.txt"), "mine")
    }

    /// `--force` takes the output over when the build starts, not when its staging folder is made: a file
    /// saved while it read the sources stays.
    func testAForcedBuildKeepsWhatWasSavedBeforeItsStagingFolder() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        try f.write("site/before.txt", "replaced")
        usleep(30_000)
        let started = OutputTree.fileSystemNow()
        usleep(30_000)
        try f.write("site/early.txt", "mine")
        usleep(30_000)
        let output = try OutputTree(destination: f.siteDirectory, startedAt: started)
        try output.write("index.html", "new\n")
        try output.commit(removingOnly: nil)
        let kept = output.finish()
        XCTAssertEqual(kept.map(\.left.named), [["early.txt"]])
        XCTAssertEqual(try String(contentsOfFile: f.siteDirectory + ".kept-1/early.txt", encoding: .utf8), "mine")
        XCTAssertEqual(f.output("index.html"), "new\n")
    }

    /// A file saved into the folder swapped out (in the instant between the look and the swap, or
    /// after it from a shell whose current folder is inside it) stays: only what the previous build
    /// wrote is removed, and the folder, with what is left in it, is set aside beside the site.
    func testOnlyWhatTheBuildWroteIsRemovedOfTheFolderSwappedOut() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        for saved in [false, true] {
            let written = try XCTUnwrap(WrittenFiles.read(WrittenFiles.path(for: f.siteDirectory)))
            let output = try OutputTree(destination: f.siteDirectory)
            try output.write("index.html", "new\n")
            try output.write("kk/index.html", "new\n")
            if saved {
                try f.write("site/kk/NOTES.txt", "notes")
                XCTAssertEqual(mkfifo(f.siteDirectory + "/pipe", 0o644), 0)
            }
            try output.commit(removingOnly: written)
            let kept = output.finish()
            XCTAssertEqual(f.output("index.html"), "new\n")
            XCTAssertNil(f.output("kk/NOTES.txt"))
            XCTAssertEqual(WrittenFiles.read(for: f.siteDirectory)?.count, 3, "the list is the new folder's: two pages and the marker")
            XCTAssertEqual(WrittenFiles.read(WrittenFiles.path(for: f.siteDirectory))?.folder, WrittenFiles.inode(of: f.siteDirectory))
            XCTAssertEqual(WrittenFiles.swapLists(of: f.siteDirectory), [], "the lists of the swap are gone")
            if saved {
                let aside = f.siteDirectory + ".kept-1"
                XCTAssertEqual(kept.map(\.path), [aside])
                XCTAssertEqual(kept.first?.left, WrittenFiles.Others(count: 2, named: ["kk/NOTES.txt", "pipe"]))
                XCTAssertEqual(try String(contentsOfFile: aside + "/kk/NOTES.txt", encoding: .utf8), "notes")
                let left = try FileManager.default.subpathsOfDirectory(atPath: aside).sorted()
                XCTAssertEqual(left, ["kk", "kk/NOTES.txt", "pipe"], "what the build wrote is gone, the marker too")
                // A later build leaves it alone.
                XCTAssertTrue(f.build(force: true).published)
                XCTAssertEqual(try String(contentsOfFile: aside + "/kk/NOTES.txt", encoding: .utf8), "notes")
            } else {
                XCTAssertEqual(kept.count, 0, "a folder holding only what its build wrote is removed")
                XCTAssertEqual(Folder.entries(f.root).filter { $0.hasPrefix(".site.tmp-") || $0.hasPrefix("site.kept") }, [])
            }
        }
    }

    /// A copied project (`cp -r`, a backup put back) carries a list of the folder it was copied from,
    /// whose identities are those of that folder's files: its files go by their paths, and nothing is
    /// set aside for having been copied. A file edited in the copy's folder after it was published is.
    func testACopiedProjectsSiteIsReplacedWithNothingSetAside() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        let copy = NSTemporaryDirectory() + "sitegen-copied-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.createDirectory(atPath: copy, withIntermediateDirectories: false)
        for name in try FileManager.default.contentsOfDirectory(atPath: f.root) {
            try FileManager.default.copyItem(atPath: f.root + "/" + name, toPath: copy + "/" + name)
        }
        try Data("---\ntitle: Тағы\n---\nТолығырақ.\n".utf8).write(to: URL(fileURLWithPath: copy + "/content/kk/more.md"))
        let report = SiteBuilder(options: BuildOptions(sourceDirectory: copy)).run()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        XCTAssertEqual(report.diagnostics.filter { $0.code == "output.folder" }.map(\.messageID), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: copy).filter { $0.contains(".kept-") }, [])

        // Published there, the copy's list is its own: an edit by hand is the editor's again.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: copy + "/site/robots.txt"))
        try Data("---\ntitle: Тағы\n---\nТағы бір сөйлем.\n".utf8).write(to: URL(fileURLWithPath: copy + "/content/kk/more.md"))
        let again = SiteBuilder(options: BuildOptions(sourceDirectory: copy)).run()
        XCTAssertTrue(again.published)
        XCTAssertEqual(again.diagnostics.filter { $0.code == "output.folder" }.map { $0.arguments["what"] }, ["robots.txt"])
        XCTAssertEqual(try String(contentsOfFile: copy + "/site.kept-1/robots.txt", encoding: .utf8), "mine")
    }

    /// The files of `list` as they are in `folder`, a copy of the folder the list was written for (each
    /// file's identity is its inode's): the list a build would have written for the copy.
    private func stamped(_ list: WrittenFiles.List, in folder: String) -> PlacedFiles {
        var files = PlacedFiles()
        for file in list.files.files {
            var info = stat()
            files.place(file.path, lstat(folder + "/" + file.path, &info) == 0 ? OutputTree.identity(info) : file.identity)
        }
        return files
    }

    /// A build killed in its swap leaves two folders and their lists: the next build gives the
    /// published folder its list, removes of the other only what its list names, and sets aside what a
    /// user saved into it.
    func testABuildKilledInItsSwapLosesNothing() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        let fm = FileManager.default
        let own = WrittenFiles.path(for: f.siteDirectory)
        let list = try XCTUnwrap(WrittenFiles.read(own))
        // A process of this number is not running: its folders are leftovers.
        let leftover = f.root + "/.site.tmp-3999999"
        func inode(_ path: String) throws -> UInt64 { try XCTUnwrap(WrittenFiles.inode(of: path)) }

        // Killed after the swap, before the new list took its name: the site it replaced, with a note
        // saved into it, under the staging name; the published folder's list names another folder.
        try fm.moveItem(atPath: f.siteDirectory, toPath: leftover)
        XCTAssertTrue(WrittenFiles.write(stamped(list, in: leftover), folder: try inode(leftover), to: WrittenFiles.outgoingPath(for: f.siteDirectory, folder: try inode(leftover))))
        try f.write(".site.tmp-3999999/kk/NOTES.txt", "notes")
        try fm.copyItem(atPath: leftover, toPath: f.siteDirectory)
        try fm.removeItem(atPath: f.siteDirectory + "/kk/NOTES.txt")
        XCTAssertTrue(WrittenFiles.write(stamped(list, in: f.siteDirectory), folder: try inode(f.siteDirectory), to: WrittenFiles.incomingPath(for: f.siteDirectory, folder: try inode(f.siteDirectory))))
        var report = f.build()
        XCTAssertTrue(report.upToDate || report.published, "\(report.diagnostics)")
        XCTAssertEqual(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["kept"] },
                       [f.siteDirectory + ".kept-1"])
        XCTAssertEqual(try fm.subpathsOfDirectory(atPath: f.siteDirectory + ".kept-1").sorted(), ["kk", "kk/NOTES.txt"])
        XCTAssertFalse(fm.fileExists(atPath: leftover))
        XCTAssertEqual(WrittenFiles.read(own)?.folder, WrittenFiles.inode(of: f.siteDirectory), "the published folder's list is back")
        XCTAssertEqual(WrittenFiles.swapLists(of: f.siteDirectory), [])

        // Killed before the swap, once both lists were written: the new site under the staging name,
        // the published one in place, with a note.
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        try fm.copyItem(atPath: f.siteDirectory, toPath: leftover)
        XCTAssertTrue(WrittenFiles.write(stamped(list, in: leftover), folder: try inode(leftover), to: WrittenFiles.incomingPath(for: f.siteDirectory, folder: try inode(leftover))))
        XCTAssertTrue(WrittenFiles.write(stamped(list, in: f.siteDirectory), folder: try inode(f.siteDirectory), to: WrittenFiles.outgoingPath(for: f.siteDirectory, folder: try inode(f.siteDirectory))))
        try f.write("site/NOTES.txt", "mine")
        report = f.build()
        XCTAssertEqual(report.diagnostics.first { $0.code == "output.folder" }?.messageID, "output.folder.added-named",
                       "the published folder is judged by its own list: \(report.diagnostics)")
        XCTAssertEqual(f.output("NOTES.txt"), "mine")
        XCTAssertFalse(fm.fileExists(atPath: leftover), "the folder never published held only what its list names")
        XCTAssertFalse(fm.fileExists(atPath: f.siteDirectory + ".kept-2"))
        XCTAssertEqual(WrittenFiles.swapLists(of: f.siteDirectory), [])
        try fm.removeItem(atPath: f.siteDirectory + "/NOTES.txt")
        XCTAssertTrue(f.build().published)

        // The folder of a build whose process runs (its number taken again by another process) is left
        // with its list through a publish; once that process is gone, it is found with it.
        let running = f.root + "/.site.tmp-1"
        try fm.copyItem(atPath: f.siteDirectory, toPath: running)
        try f.write(".site.tmp-1/kk/NOTES.txt", "notes")
        let runningList = WrittenFiles.outgoingPath(for: f.siteDirectory, folder: try inode(running))
        XCTAssertTrue(WrittenFiles.write(stamped(list, in: running), folder: try inode(running), to: runningList))
        try f.append("content/kk/pay.md", "Тағы.\n")
        XCTAssertTrue(f.build().published)
        XCTAssertTrue(fm.fileExists(atPath: running + "/kk/NOTES.txt"))
        XCTAssertTrue(fm.fileExists(atPath: runningList), "a list of a folder still there is kept")
        try fm.moveItem(atPath: running, toPath: leftover)
        try f.append("content/kk/pay.md", "Тағы бір.\n")
        report = f.build()
        XCTAssertTrue(report.published)
        XCTAssertEqual(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["kept"] },
                       [f.siteDirectory + ".kept-2"], "\(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map(\.arguments))")
        XCTAssertEqual(try fm.subpathsOfDirectory(atPath: f.siteDirectory + ".kept-2").sorted(), ["kk", "kk/NOTES.txt"])

        // A folder of a staging name neither marked nor listed, holding files (a removal killed once
        // its marker was gone): kept where it is, and reported at every build, never left unsaid.
        try f.write(".site.tmp-3999999/kk/NOTES.txt", "notes")
        for round in 0..<3 {
            // Once with nothing to do, then with a page to build: said once either way.
            if round == 2 { try f.append("content/kk/pay.md", "Тағы үш.\n") }
            report = f.build()
            XCTAssertEqual(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["kept"] }, [leftover])
            XCTAssertEqual(try String(contentsOfFile: leftover + "/kk/NOTES.txt", encoding: .utf8), "notes")
        }
    }

    /// Any name a file can have is one line of the list, and is found again: a name with a line break
    /// or a backslash in it does not refuse every later build.
    func testEveryNameIsOneLineOfTheList() throws {
        let names = ["line\nbreak.txt", "back\\slash.txt", "back\\nslash.txt", "trailing\n", "\\", "kk/caf\u{E9}.txt"]
        let root = try folder(names)
        XCTAssertEqual(WrittenFiles.check(root), .nothingElse)
        let list = try XCTUnwrap(WrittenFiles.read(for: root))
        XCTAssertEqual(list.count, names.count)
        for name in names { XCTAssertNotNil(list.identity(of: name), name) }
        XCTAssertNil(list.identity(of: "line"))
        XCTAssertNil(list.identity(of: "back\\nslash.txt".replacingOccurrences(of: "\\n", with: "\n")))
        for line in ["a\\", "a\\t", "a\\x41"] { XCTAssertNil(WrittenFiles.unescaped(Array(line.utf8)), line) }
        for name in names { XCTAssertEqual(WrittenFiles.unescaped(Array(WrittenFiles.escaped(name).utf8)), name) }

        // A list of the first form (paths as they are) is read as it was written.
        var text = WrittenFiles.firstHeader + "\nindex.html\nback\\slash.txt\n"
        text += SHA256Digest.hex(Array(text.utf8)) + "\n"
        try text.write(toFile: WrittenFiles.path(for: root), atomically: true, encoding: .utf8)
        XCTAssertNotNil(WrittenFiles.read(for: root)?.identity(of: "back\\slash.txt"))
    }

    /// The list a build writes of the files it placed (made a folder and a name at a time) is the list
    /// of their paths, line for line in their order, escapes in folders' names too, and is read back whole.
    func testTheListOfPlacedFilesIsTheListOfTheirPaths() throws {
        let paths = ["index.html", "kk/pay/index.html", "line\nfolder/a.txt", "back\\slash/b\\c.txt", "kk/caf\u{E9}/x\ny.txt"]
        var placed = PlacedFiles()
        for (i, path) in paths.enumerated() { placed.place(path, i) }
        let root = NSTemporaryDirectory() + "sitegen-written-" + UUID().uuidString
        roots.append(root)
        let byFiles = root + ".files"
        defer { unlink(byFiles) }
        XCTAssertTrue(WrittenFiles.write(placed, folder: 7, to: byFiles))
        // By folder, then by name, each by its bytes, after its identity; `\` and a line break escaped
        // in folders and names.
        func id(_ i: Int) -> String { String(repeating: "0", count: 15) + String(i) + " " }
        var expected = WrittenFiles.header + "\nfolder 7\n" + id(0) + "index.html\n" + id(3) + "back\\\\slash/b\\\\c.txt\n"
            + id(4) + "kk/caf\u{E9}/x\\ny.txt\n" + id(1) + "kk/pay/index.html\n" + id(2) + "line\\nfolder/a.txt\n"
        expected += SHA256Digest.hex(Array(expected.utf8)) + "\n"
        XCTAssertEqual(try String(contentsOfFile: byFiles, encoding: .utf8), expected)
        let list = try XCTUnwrap(WrittenFiles.read(byFiles))
        XCTAssertEqual(list.folder, 7)
        XCTAssertEqual(list.files.count, paths.count)
        for (i, path) in paths.enumerated() { XCTAssertEqual(list.files.identity(of: path), i, path) }
        XCTAssertNil(list.files.identity(of: "line"))
        // Identities of every bit, the sign's too, are read back as written.
        var extremes = PlacedFiles()
        for (i, identity) in [Int.min, -1, Int.max, 0x0123_4567_89ab_cdef].enumerated() { extremes.place("f\(i)", identity) }
        XCTAssertTrue(WrittenFiles.write(extremes, folder: 7, to: byFiles))
        XCTAssertEqual(try XCTUnwrap(WrittenFiles.read(byFiles)).files.files, extremes.files)
    }

    /// A list is read only whole: its header, its folder (in this form), then paths, each line ended by
    /// a line break, then the digest of all that. A list of the first form is written again in this one,
    /// naming the same files.
    func testOnlyAWholeListIsRead() throws {
        let root = NSTemporaryDirectory() + "sitegen-written-" + UUID().uuidString
        roots.append(root)
        let file = root + ".files"
        defer { unlink(file) }
        func read(_ body: String) throws -> WrittenFiles.List? {
            try (body + SHA256Digest.hex(Array(body.utf8)) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            return WrittenFiles.read(file)
        }
        let form3 = WrittenFiles.header + "\nfolder 12\n", stamp = "00000000000000ff "
        let three = try XCTUnwrap(try read(form3 + stamp + "index.html\n" + stamp + "kk/a\\nb.html\n"))
        XCTAssertEqual(three.files.files.map(\.identity), [255, 255])
        XCTAssertTrue(three.files.identitiesKnown)
        for (damage, line) in [("no identity", "index.html"), ("an identity of 15 digits", "00000000000000f index.html"),
                               ("a capital digit", "00000000000000FF index.html"), ("no space", "00000000000000ffindex.html"),
                               ("a tab for the space", "00000000000000ff\tindex.html"), ("a sign", "-0000000000000ff index.html"),
                               ("an identity alone", "00000000000000ff "), ("no path", "00000000000000ff")] {
            XCTAssertNil(try read(form3 + line + "\n"), damage)
        }
        // The second form: paths alone, their files' identities not known.
        let form2 = WrittenFiles.secondHeader + "\nfolder 12\n"
        XCTAssertEqual(try read(form2 + "index.html\n")?.files.identitiesKnown, false)
        XCTAssertEqual(try read(form2 + "index.html\nkk/a\\nb.html\n")?.files.count, 2)
        XCTAssertEqual(try read(form2)?.files.count, 0, "a folder the build wrote nothing into")
        for (damage, body) in [("no line break after the last path", form2 + "index.html\nkk/pay.html"),
                               ("an empty line", form2 + "index.html\n\nkk/pay.html\n"),
                               ("no folder", WrittenFiles.secondHeader + "\nindex.html\n"),
                               ("an escape the list does not write", form2 + "a\\tb\n"),
                               ("another header", "sitegen written files 4\nfolder 12\nindex.html\n"),
                               ("a path of no name", form2 + "index.html\n/\n"),
                               ("a path from the root", form2 + "/kk/index.html\n"),
                               ("a folder's path", form2 + "kk/\n"),
                               ("an empty name inside", form2 + "kk//index.html\n"),
                               ("a path out of the folder", form2 + "../notes.txt\n"),
                               ("a name of the folder itself", form2 + "kk/./index.html\n")] {
            XCTAssertNil(try read(body), damage)
        }
        try (form2 + "index.html\n" + String(repeating: "0", count: 64) + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        XCTAssertNil(WrittenFiles.read(file), "a digest of other bytes")
        for (what, last) in [("the folder itself as a name", "kk/."), ("the folder above as a name", "kk/.."), ("a dot alone", ".")] {
            XCTAssertNil(try read(form2 + "index.html\n" + last + "\n"), what)
        }
        // A byte that is not UTF-8, in a name of the first form or of this one, with its escape or not.
        for body in [form2 + "kk/", form2 + "kk/a\\n", WrittenFiles.firstHeader + "\nkk/"] {
            var bytes = Array(body.utf8) + [0xFF] + Array(".html\n".utf8)
            bytes += Array((SHA256Digest.hex(bytes) + "\n").utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: file))
            XCTAssertNil(WrittenFiles.read(file), body)
        }

        // Lines of a folder need not follow each other (a list made by hand): each file is its own path.
        let mixed = try XCTUnwrap(try read(form2 + "kk/a.html\nru/b.html\nkk/c.html\nkk/.../d.html\n..e\nkk/a\\\\b/f.html\n"))
        XCTAssertEqual(mixed.files.files.map(\.path), ["..e", "kk/a.html", "kk/c.html", "kk/.../d.html", "kk/a\\b/f.html", "ru/b.html"])

        let first = try XCTUnwrap(try read(WrittenFiles.firstHeader + "\nindex.html\nback\\slash.txt\n"))
        XCTAssertNil(first.folder)
        XCTAssertTrue(WrittenFiles.write(first, folder: 9, to: file))
        let again = try XCTUnwrap(WrittenFiles.read(file))
        XCTAssertEqual(again.folder, 9)
        XCTAssertEqual(again.files.files.map(\.path), ["back\\slash.txt", "index.html"])
    }

    /// The folder a killed build swapped out, whose list is there but cannot be read (made by hand, or
    /// damaged), is kept whole with what was saved into it, and said so: what its build wrote cannot be
    /// told from the rest.
    func testAFolderSwappedOutWhoseListCannotBeReadIsKeptWhole() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        let fm = FileManager.default
        let list = try XCTUnwrap(WrittenFiles.read(WrittenFiles.path(for: f.siteDirectory)))
        // A process of this number is not running: its folder is a leftover.
        let leftover = f.root + "/.site.tmp-3999998"
        try fm.copyItem(atPath: f.siteDirectory, toPath: leftover)
        try f.write(".site.tmp-3999998/kk/NOTES.txt", "notes")
        let outgoing = WrittenFiles.outgoingPath(for: f.siteDirectory, folder: try XCTUnwrap(WrittenFiles.inode(of: leftover)))
        XCTAssertTrue(WrittenFiles.write(list, folder: try XCTUnwrap(WrittenFiles.inode(of: leftover)), to: outgoing))
        // One line made unreadable: a path of no name, with the digest made again to fit.
        var text = try String(contentsOfFile: outgoing, encoding: .utf8)
        text = String(text.dropLast(65)) + "/\n"
        try (text + SHA256Digest.hex(Array(text.utf8)) + "\n").write(toFile: outgoing, atomically: true, encoding: .utf8)
        XCTAssertNil(WrittenFiles.read(outgoing))

        try f.append("content/kk/pay.md", "Толығырақ.\n")
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        XCTAssertEqual(report.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["kept"] },
                       [f.siteDirectory + ".kept-1"])
        XCTAssertEqual(try String(contentsOfFile: f.siteDirectory + ".kept-1/kk/NOTES.txt", encoding: .utf8), "notes")
        XCTAssertNotNil(fm.contents(atPath: f.siteDirectory + ".kept-1/kk/pay/index.html"), "kept whole")
        XCTAssertFalse(fm.fileExists(atPath: f.siteDirectory + ".kept-1/" + OutputFolder.markerName))
        XCTAssertFalse(fm.fileExists(atPath: leftover))
        XCTAssertFalse(fm.fileExists(atPath: outgoing), "the list of no folder is gone")
        XCTAssertTrue(f.build().upToDate, "told once")
    }

    /// Through a build: a static file whose name the list escapes (a backslash) is published, the next
    /// build runs, and one with nothing to do is up to date (before, such a name made every build a full
    /// one), while a hand edit of that file is still seen. A name with a line break is refused where it
    /// is (`content.static-name`: it would write a rule of its own into `_headers`), and nothing is
    /// published until it is renamed.
    func testAStaticFileNamedWithABackslashDoesNotStopLaterBuilds() throws {
        let f = try Fixture.payPages()
        try f.write("static/notes\nfor editors.txt", "notes")
        try f.write("static/a\\b.txt", "b")
        let refused = f.build()
        XCTAssertFalse(refused.published)
        XCTAssertEqual(refused.diagnostics.first { $0.code == "content.static-name" }?.file, "static/notes\nfor editors.txt")
        try FileManager.default.moveItem(atPath: f.root + "/static/notes\nfor editors.txt", toPath: f.root + "/static/notes for editors.txt")
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(f.output("a\\b.txt"), "b")
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        let next = f.build()
        XCTAssertTrue(next.published, "\(next.diagnostics)")
        XCTAssertTrue(f.build().upToDate, "nothing changed")
        try Data("changed by hand".utf8).write(to: URL(fileURLWithPath: f.siteDirectory + "/a\\b.txt"))
        let mended = f.build()
        XCTAssertFalse(mended.upToDate)
        XCTAssertEqual(f.output("a\\b.txt"), "b")
    }

    /// A big site's list is read as a build starts and again before it publishes: the second read takes
    /// the first's list only while the file is the one it was read from. One rewritten in place, its
    /// size and time of modification put back, is read again (its time of change moved).
    func testAListReadBeforeIsTakenOnlyWhileItsFileIsUnchanged() throws {
        let root = try folder(["a.html", "kk/b.html"])
        let file = WrittenFiles.path(for: root)
        let first = try XCTUnwrap(WrittenFiles.read(file))
        XCTAssertNotNil(first.stamp)
        // A list holding the first's stamp with other files is the answer while the file is unchanged:
        // the file was not read again.
        var known = first
        known.files = PlacedFiles(paths: ["c.html"], in: root)
        XCTAssertNotNil(WrittenFiles.read(file, unlessStill: known)?.files.identity(of: "c.html"))
        XCTAssertNotNil(WrittenFiles.readWithIdentities(for: root, known: known).list?.files.identity(of: "c.html"))

        // The same file rewritten in place with a list of the same length naming another file, its time
        // of modification put back.
        var before = stat()
        XCTAssertEqual(lstat(file, &before), 0)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/d.html"))
        let other = file + ".other"
        WrittenFiles.write(PlacedFiles(paths: ["d.html", "kk/b.html"], in: root), folder: try XCTUnwrap(WrittenFiles.inode(of: root)), to: other)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: other))
        XCTAssertEqual(bytes.count, Int(before.st_size))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: file))
        handle.write(bytes)
        try handle.close()
        unlink(other)
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, file, &times, AT_SYMLINK_NOFOLLOW), 0)
        var after = stat()
        XCTAssertEqual(lstat(file, &after), 0)
        XCTAssertEqual(OutputTree.identity(after), OutputTree.identity(before), "size, time of modification, inode and mode as before")

        let again = try XCTUnwrap(WrittenFiles.read(file, unlessStill: first))
        XCTAssertNotNil(again.files.identity(of: "d.html"), "read again")
        XCTAssertNil(again.files.identity(of: "a.html"))
        XCTAssertNotEqual(again.stamp, first.stamp)
        // A link put in its place is never read through, whatever was read before.
        unlink(file)
        XCTAssertEqual(symlink(other, file), 0)
        XCTAssertNil(WrittenFiles.read(file, unlessStill: again))
        unlink(file)
    }
}

/// The removal of a folder swapped out takes only the files its list names, and follows no link: a
/// link inside it whose path leads, through it, to files of the listed names removes nothing there.
final class ListedRemovalTests: XCTestCase {
    func testOnlyListedFilesGoAndNoLinkIsFollowed() throws {
        let fm = FileManager.default
        let base = NSTemporaryDirectory() + "sitegen-listed-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: base) }
        let (old, outside) = (base + "/old", base + "/outside")
        for path in ["old/kk/pay/index.html", "old/index.html", "old/" + OutputFolder.markerName, "old/deep/1/2/3/4/5/6/7/8/9/x.txt",
                     "old/kk/mine.txt", "outside/kk/index.html", "outside/index.html"] {
            try fm.createDirectory(atPath: base + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: URL(fileURLWithPath: base + "/" + path))
        }
        try fm.createSymbolicLink(atPath: old + "/linked", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: old + "/kk/linked", withDestinationPath: outside)
        try fm.createDirectory(atPath: old + "/empty/too", withIntermediateDirectories: true)
        let list = PlacedFiles(paths: ["kk/pay/index.html", "index.html", OutputFolder.markerName, "deep/1/2/3/4/5/6/7/8/9/x.txt",
                                       "linked/index.html", "linked/kk/index.html", "kk/linked/index.html", "kk/linked"])
        let left = ListedRemoval.remove(old, listed: list)
        XCTAssertEqual(left.count, 4)
        XCTAssertEqual(left.named, ["empty/", "kk/linked", "kk/mine.txt"])
        XCTAssertEqual(try fm.subpathsOfDirectory(atPath: outside).sorted(), ["index.html", "kk", "kk/index.html"], "nothing behind a link went")
        var kept = try fm.subpathsOfDirectory(atPath: old).sorted()
        kept.removeAll { $0.hasPrefix("linked/") || $0.hasPrefix("kk/linked/") }
        XCTAssertEqual(kept, [OutputFolder.markerName, "empty", "empty/too", "kk", "kk/linked", "kk/mine.txt", "linked"],
                       "listed files and the build's emptied folders gone; a folder no build made stays; the marker stays while anything else does")

        // Once nothing else is left, the folder goes whole.
        for path in ["empty", "kk/linked", "kk/mine.txt", "linked"] { try fm.removeItem(atPath: old + "/" + path) }
        XCTAssertEqual(ListedRemoval.remove(old, listed: list).count, 0)
        XCTAssertFalse(fm.fileExists(atPath: old))
    }

    /// A file of the old folder replaced after the swap (a save by rename from a shell inside it) is
    /// kept, even where the new site had linked the file it replaced: each file is looked at before it goes.
    func testAFileReplacedInTheOldFolderIsKeptThoughTheNewSiteSharedIt() throws {
        let fm = FileManager.default
        let base = NSTemporaryDirectory() + "sitegen-shared-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: base) }
        for folder in ["old/kk", "new/kk"] { try fm.createDirectory(atPath: base + "/" + folder, withIntermediateDirectories: true) }
        try Data("page\n".utf8).write(to: URL(fileURLWithPath: base + "/old/kk/index.html"))
        XCTAssertEqual(link(base + "/old/kk/index.html", base + "/new/kk/index.html"), 0)
        let old = PlacedFiles(paths: ["kk/index.html"], in: base + "/old")
        try Data("saved\n".utf8).write(to: URL(fileURLWithPath: base + "/old/kk/index.html"), options: .atomic)
        XCTAssertEqual(ListedRemoval.remove(base + "/old", listed: old).named, ["kk/index.html"])
        XCTAssertEqual(try String(contentsOfFile: base + "/old/kk/index.html", encoding: .utf8), "saved\n")
        XCTAssertEqual(try String(contentsOfFile: base + "/new/kk/index.html", encoding: .utf8), "page\n")
    }

    /// A published file edited by hand, in place or replaced, is the editor's: the removal keeps it,
    /// as it keeps a folder no build made, empty or not. The list keeps each file's identity (size,
    /// time of modification, inode, mode) to tell.
    func testAnEditedFileAndAFolderNoBuildMadeStay() throws {
        let fm = FileManager.default
        let old = NSTemporaryDirectory() + "sitegen-edited-" + UUID().uuidString
        defer {
            try? fm.removeItem(atPath: old)
            WrittenFiles.remove(for: old)
        }
        let paths = ["index.html", "robots.txt", "kk/a/index.html", "kk/b/index.html", "kk/c/index.html", "kk/d/index.html"]
        var list = PlacedFiles()
        for path in paths {
            try fm.createDirectory(atPath: old + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("built\n".utf8).write(to: URL(fileURLWithPath: old + "/" + path))
            var info = stat()
            XCTAssertEqual(lstat(old + "/" + path, &info), 0)
            list.place(path, OutputTree.identity(info))
        }
        // Written and read back, the list keeps every identity.
        let file = WrittenFiles.path(for: old)
        XCTAssertTrue(WrittenFiles.write(list, folder: try XCTUnwrap(WrittenFiles.inode(of: old)), to: file))
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix(WrittenFiles.header + "\n"))
        let read = try XCTUnwrap(WrittenFiles.read(file))
        XCTAssertTrue(read.files.identitiesKnown)
        XCTAssertEqual(read.files.files, list.files)

        // Appended to; replaced by another file of the same bytes; given another mode; its time set back
        // by a day (the same size and inode): each is no longer what the build wrote.
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: old + "/robots.txt"))
        handle.seekToEndOfFile()
        handle.write(Data("Disallow: /drafts/\n".utf8))
        handle.closeFile()
        try fm.removeItem(atPath: old + "/kk/a/index.html")
        try Data("built\n".utf8).write(to: URL(fileURLWithPath: old + "/kk/a/index.html"))
        XCTAssertEqual(chmod(old + "/kk/b/index.html", 0o600), 0)
        var times = [timespec(tv_sec: 86_400, tv_nsec: 0), timespec(tv_sec: 86_400, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, old + "/kk/c/index.html", &times, 0), 0)
        try fm.createDirectory(atPath: old + "/mine/empty", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: old + "/kk/notes", withIntermediateDirectories: true)

        let left = ListedRemoval.remove(old, listed: read.files)
        XCTAssertEqual(left.count, 6)
        XCTAssertEqual(left.named, ["kk/a/index.html", "kk/b/index.html", "kk/c/index.html"])
        XCTAssertEqual(try String(contentsOfFile: old + "/robots.txt", encoding: .utf8), "built\nDisallow: /drafts/\n")
        XCTAssertEqual(try fm.subpathsOfDirectory(atPath: old).sorted(),
                       ["kk", "kk/a", "kk/a/index.html", "kk/b", "kk/b/index.html", "kk/c", "kk/c/index.html", "kk/notes",
                        "mine", "mine/empty", "robots.txt"],
                       "the files as written and the emptied folders gone")

        // A list of the older form, paths alone, takes every file it names, as it did.
        var unstamped = read.files
        unstamped.identitiesKnown = false
        XCTAssertTrue(WrittenFiles.write(unstamped, folder: try XCTUnwrap(WrittenFiles.inode(of: old)), to: file))
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix(WrittenFiles.secondHeader + "\n"))
        XCTAssertEqual(WrittenFiles.read(file)?.files.identitiesKnown, false)
        XCTAssertEqual(ListedRemoval.remove(old, listed: try XCTUnwrap(WrittenFiles.read(file)).files).named, ["kk/notes/", "mine/"])
        XCTAssertEqual(try fm.subpathsOfDirectory(atPath: old).sorted(), ["kk", "kk/notes", "mine", "mine/empty"])
    }

}
