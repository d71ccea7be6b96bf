import Foundation
import XCTest
import SitegenCore
@testable import SitegenKit

/// The site a build swaps out is kept beside the output (`.site.spare`) and the next build writes into
/// it: what it holds besides what the last builds wrote is never published and never lost.
final class SpareTreeTests: XCTestCase {
    private func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// Three builds with an edit before each of the last two: the second keeps the first's site, the
    /// third writes into it.
    private func builtWithSpare() throws -> Fixture {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        try f.append("content/ru/42500/apply.md", "\nПервая правка.\n")
        XCTAssertTrue(f.build().published)
        XCTAssertNotNil(inode(f.root + "/.site.spare"), "the site swapped out is kept")
        return f
    }

    /// The spare taken as a build takes it, and the name (in the fixture's root) of the staging folder
    /// it now is.
    private func takeSpare(_ f: Fixture) throws -> (tree: OutputTree, staging: String) {
        let live = WrittenFiles.readWithIdentities(for: f.siteDirectory).list
        let tree = try OutputTree(destination: f.siteDirectory, reusing: true, live: live)
        XCTAssertTrue(tree.tookSpare)
        let staging = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: f.root).first { $0.hasPrefix(".site.tmp-") })
        return (tree, staging)
    }

    /// Asserts that `report` set a folder aside (``OutputTree/Kept``) holding `text` at `path` (from its top, with a leading slash).
    private func assertSetAside(in report: BuildReport, _ path: String, holding text: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let kept = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.folder.kept" }, file: file, line: line)
        XCTAssertEqual(try String(contentsOfFile: try XCTUnwrap(kept.arguments["kept"]) + path, encoding: .utf8), text, file: file, line: line)
    }

    /// Builds `f` after an edit: it publishes, the folder `leftover` is gone, `text` at `path` in it is
    /// set aside, and the site is what a clean build makes.
    private func assertNextBuild(of f: Fixture, removes leftover: String, keeping path: String, holding text: String,
                                 file: StaticString = #filePath, line: UInt = #line) throws {
        try f.append("content/ru/42500/apply.md", "\nПравка после.\n")
        let report = f.build()
        XCTAssertTrue(report.published, file: file, line: line)
        XCTAssertNil(inode(leftover), file: file, line: line)
        try assertSetAside(in: report, path, holding: text, file: file, line: line)
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f), file: file, line: line)
    }

    /// The files of a build of the same sources from nothing.
    private func cleanBuild(of f: Fixture) throws -> [String: Data] {
        let clean = try Fixture()
        for item in ["content", "templates", "static", "i18n", "sitegen.yml"] {
            try? FileManager.default.removeItem(atPath: clean.root + "/" + item)
            try FileManager.default.copyItem(atPath: f.root + "/" + item, toPath: clean.root + "/" + item)
        }
        XCTAssertTrue(clean.build(force: true).published)
        return clean.snapshot()
    }

    func testTheNextBuildWritesIntoTheSiteSwappedOutAndPublishesWhatACleanBuildWould() throws {
        let f = try builtWithSpare()
        let spare = try XCTUnwrap(inode(f.root + "/.site.spare"))
        let unchanged = f.siteDirectory + "/kk/index.html"
        let before = try XCTUnwrap(inode(unchanged))
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        let report = f.build()
        XCTAssertTrue(report.published)
        XCTAssertEqual(report.diagnostics.filter { $0.code == "output.folder" }, [])
        // The spare became the site, and the site swapped out the spare.
        XCTAssertEqual(inode(f.siteDirectory), spare)
        XCTAssertNotNil(inode(f.root + "/.site.spare"))
        XCTAssertEqual(inode(unchanged), before, "an unchanged file stays the same file")
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        // Pages added, then removed: nothing of theirs is left in the site the spare becomes.
        for language in ["kk", "ru"] {
            let text = try String(contentsOfFile: f.root + "/content/\(language)/42500/documents.md", encoding: .utf8)
            try f.write("content/\(language)/42500/copy.md", text.replacingOccurrences(of: "42500-documents", with: "42500-copy"))
        }
        for step in ["added", "removed", "edited"] {
            switch step {
            case "removed": try ["kk", "ru"].forEach { try f.remove("content/\($0)/42500/copy.md") }
            case "edited": try f.append("content/ru/42500/_index.md", "\nТретья правка.\n")
            default: break
            }
            let built = f.build()
            XCTAssertTrue(built.published, "\(step): \(built.diagnostics.filter { $0.severity == .error })")
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f), step)
            XCTAssertEqual(f.snapshot().keys.contains("ru/42500/copy/index.html"), step == "added")
        }
        XCTAssertTrue(f.build().upToDate)
    }

    func testAFileSavedIntoTheSpareIsNeverPublishedAndIsKept() throws {
        for place in ["evil.html", "kk/evil.html", "kk/42500/new-folder/evil.html"] {
            let f = try builtWithSpare()
            let saved = f.root + "/.site.spare/" + place
            try FileManager.default.createDirectory(atPath: (saved as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data("<a href=\"https://evil.example/\">x</a>".utf8).write(to: URL(fileURLWithPath: saved))
            try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
            let report = f.build()
            XCTAssertTrue(report.published, place)
            XCTAssertNil(f.snapshot()[place], "\(place) is not published")
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f), place)
            // Not lost: the spare was removed by its list, and what it held besides set aside and said.
            let kept = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.folder.kept" }, place)
            let folder = try XCTUnwrap(kept.arguments["kept"])
            XCTAssertEqual(try String(contentsOfFile: folder + "/" + place, encoding: .utf8), "<a href=\"https://evil.example/\">x</a>", place)
        }
    }

    func testAnEditToAFileOfTheSparesOwnIsKept() throws {
        let f = try builtWithSpare()
        // The page edited before the second build: the spare's copy is its own (the first build's).
        let own = f.root + "/.site.spare/ru/42500/apply/index.html"
        XCTAssertNotEqual(inode(own), inode(f.siteDirectory + "/ru/42500/apply/index.html"))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: own))
        handle.seekToEndOfFile()
        handle.write(Data("<!-- a note -->".utf8))
        handle.closeFile()
        let edited = try Data(contentsOf: URL(fileURLWithPath: own))
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        let report = f.build()
        XCTAssertTrue(report.published)
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        let kept = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.folder.kept" })
        XCTAssertEqual(kept.arguments["what"], "ru/42500/apply/index.html")
        XCTAssertEqual(FileManager.default.contents(atPath: try XCTUnwrap(kept.arguments["kept"]) + "/ru/42500/apply/index.html"), edited)
    }

    func testAFileWhereTheSpareHadAFolderAndAFolderWhereItHadAFile() throws {
        let f = try builtWithSpare()
        let steps: [(String, () throws -> Void)] = [
            ("a file", { try f.write("static/extra.txt", "a file\n") }),
            ("a folder of that name", {
                try f.remove("static/extra.txt")
                try f.write("static/extra.txt/inside.txt", "a file in a folder\n")
            }),
            ("a file again", {
                try f.remove("static/extra.txt")
                try f.write("static/extra.txt", "a file again\n")
            }),
        ]
        for (round, (what, change)) in (steps + steps).enumerated() {
            try change()
            try f.append("content/ru/42500/apply.md", "\nПравка \(round).\n")
            let report = f.build()
            XCTAssertTrue(report.published, "\(what): \(report.diagnostics.filter { $0.severity == .error })")
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f), what)
        }
    }

    func testAPublishedPageReplacedByHandIsKeptWhenTheSiteIsSwappedOut() throws {
        let f = try builtWithSpare()
        // A page the next build leaves as it is, replaced as editors' tools save (a new file renamed over it).
        let page = f.siteDirectory + "/kk/42500/index.html"
        try Data("<p>my note</p>".utf8).write(to: URL(fileURLWithPath: f.root + "/note.tmp"))
        XCTAssertEqual(rename(f.root + "/note.tmp", page), 0)
        for round in 1...2 {
            try f.append("content/ru/42500/apply.md", "\nПравка \(round).\n")
            let report = f.build()
            XCTAssertTrue(report.published)
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
            let kept = report.diagnostics.filter { $0.messageID == "output.folder.kept" }
            // Said by the build that swaps the edited site out, and only by it.
            XCTAssertEqual(kept.map { $0.arguments["what"] }, round == 1 ? ["kk/42500/index.html"] : [], "round \(round)")
            if let folder = kept.first?.arguments["kept"] {
                XCTAssertEqual(try String(contentsOfFile: folder + "/kk/42500/index.html", encoding: .utf8), "<p>my note</p>")
            }
        }
    }

    /// A yes or no that two threads share.
    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }

    /// Builds `f` while a thread saves `name` into the staging folder as soon as there is one (as a shell
    /// whose current folder was inside the spare can: the spare is that folder).
    private func buildSaving(_ name: String, into f: Fixture) -> (BuildReport, saved: Bool) {
        buildSaving(into: f) { staging in
            FileManager.default.createFile(atPath: staging + "/" + name, contents: Data("<a href=\"https://evil.example/\">x</a>".utf8))
        }
    }

    /// Builds `f` while a thread calls `save` with the staging folder's path as soon as there is one,
    /// until it says it saved.
    private func buildSaving(into f: Fixture, _ save: @escaping @Sendable (String) -> Bool) -> (BuildReport, saved: Bool) {
        let (saved, stop) = (Flag(), Flag())
        let done = DispatchSemaphore(value: 0)
        let root = f.root
        let thread = Thread {
            while !saved.isSet && !stop.isSet {
                let staging = (try? FileManager.default.contentsOfDirectory(atPath: root))?.first { $0.hasPrefix(".site.tmp-") }
                if let staging, save(root + "/" + staging) { saved.set() }
                usleep(100)
            }
            done.signal()
        }
        thread.start()
        let report = f.build()
        stop.set()
        done.wait()
        return (report, saved.isSet)
    }

    func testAFileSavedIntoTheSpareWhileItIsBuiltIntoIsNeverPublishedAndIsKept() throws {
        for failing in [false, true] {
            let f = try builtWithSpare()
            try f.append("content/ru/42500/apply.md", failing ? "\n[x](https://evil.example/)\n" : "\nВторая правка.\n")
            let published = f.snapshot()
            let (report, saved) = buildSaving("kk/evil.html", into: f)
            XCTAssertTrue(saved, "the file was saved while the build ran")
            XCTAssertFalse(report.published, "failing: \(failing)")
            XCTAssertEqual(f.snapshot(), published, "nothing of it published")
            if !failing {
                // Told as what it is, not as a full disk: the path, and the folder it came through.
                let foreign = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.io.foreign" })
                XCTAssertEqual(foreign.code, "output.io")
                XCTAssertEqual(foreign.arguments["path"], "kk/evil.html")
                XCTAssertTrue(foreign.message.contains("kk/evil.html") && foreign.message.contains("two builds ago"), foreign.message)
                XCTAssertFalse(foreign.message.contains("free space"), foreign.message)
                for language in [MessageLanguage.kk, .ru] {
                    XCTAssertTrue(foreign.message(in: language).contains("kk/evil.html"), foreign.message(in: language))
                }
            }
            let kept = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.folder.kept" }, "failing: \(failing)")
            XCTAssertEqual(try String(contentsOfFile: try XCTUnwrap(kept.arguments["kept"]) + "/kk/evil.html", encoding: .utf8),
                           "<a href=\"https://evil.example/\">x</a>")
            if failing {
                let text = try String(contentsOfFile: f.root + "/content/ru/42500/apply.md", encoding: .utf8)
                try f.write("content/ru/42500/apply.md", text.replacingOccurrences(of: "\n[x](https://evil.example/)\n", with: "\n"))
            }
            XCTAssertTrue(f.build().published)
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        }
    }

    func testAFolderMadeWhileABuildRunsWhereItWritesAFileIsKept() throws {
        let f = try builtWithSpare()
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        // Static files are written last: the spare's robots.txt replaced by a folder of notes first.
        let (report, saved) = buildSaving(into: f) { staging in
            unlink(staging + "/robots.txt")
            return mkdir(staging + "/robots.txt", 0o755) == 0
                && FileManager.default.createFile(atPath: staging + "/robots.txt/notes.txt", contents: Data("my notes".utf8))
        }
        XCTAssertTrue(saved)
        try assertSetAside(in: report, "/notes.txt", holding: "my notes")
        if report.published { XCTAssertEqual(f.snapshot(), try cleanBuild(of: f)) }
        let next = f.build()
        XCTAssertTrue(next.published || next.upToDate, "then: \(next.diagnostics.filter { $0.severity == .error })")
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
    }

    func testASpareKeptByAClockAheadOfTheFileSystemIsNotTaken() throws {
        let f = try builtWithSpare()
        // The record as a build whose clock ran an hour ahead would have written it.
        let record = f.root + "/.site.spare.record"
        let read = try XCTUnwrap(WrittenFiles.read(record))
        let mark = try XCTUnwrap(read.spare)
        let ahead = timespec(tv_sec: mark.since.tv_sec + 3600, tv_nsec: mark.since.tv_nsec)
        XCTAssertTrue(WrittenFiles.write(read.files, folder: try XCTUnwrap(read.folder), to: record, spare: (ahead, mark.live)))
        try f.write(".site.spare/kk/42500/evil.html", "<a href=\"https://evil.example/\">x</a>")
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        let report = f.build()
        XCTAssertTrue(report.published)
        XCTAssertNil(f.snapshot()["kk/42500/evil.html"])
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        let kept = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.folder.kept" })
        XCTAssertNotNil(FileManager.default.contents(atPath: try XCTUnwrap(kept.arguments["kept"]) + "/kk/42500/evil.html"))
    }

    func testAFolderOfTheSparesNameThatNoListNamesIsLeftAlone() throws {
        let f = try Fixture.repositoryGuides()
        try FileManager.default.createDirectory(atPath: f.root + "/.site.spare", withIntermediateDirectories: true)
        try f.write(".site.spare/mine.txt", "mine")
        for round in 1...3 {
            try f.append("content/ru/42500/apply.md", "\nПравка \(round).\n")
            let report = f.build()
            XCTAssertTrue(report.published)
            XCTAssertEqual(report.diagnostics.filter { $0.code == "output.folder" }, [])
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: f.root + "/.site.spare"), ["mine.txt"])
        XCTAssertEqual(try String(contentsOfFile: f.root + "/.site.spare/mine.txt", encoding: .utf8), "mine")
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
    }

    func testASpareLeftUnderItsStagingNameByAKilledBuildIsRemovedByItsListKeepingWhatWasSaved() throws {
        let f = try builtWithSpare()
        // Killed between keeping the list and renaming the folder: the folder has a staging name.
        let leftover = f.root + "/.site.tmp-2147483600"
        XCTAssertEqual(rename(f.root + "/.site.spare", leftover), 0)
        try f.write(".site.tmp-2147483600/kk/mine.txt", "mine")
        try assertNextBuild(of: f, removes: leftover, keeping: "/kk/mine.txt", holding: "mine")
    }

    /// A build killed while it looked at the time leaves its empty probe folder (`.sitegen-clock-PID`)
    /// in the spare, or in a folder left under its staging name: the build's own, it goes without a
    /// word, and the spare is still taken. A probe's name on a folder holding something is someone's.
    func testAProbeFolderLeftByAKilledBuildGoesQuietlyUnlessItHoldsSomething() throws {
        let f = try builtWithSpare()
        let spare = try XCTUnwrap(inode(f.root + "/.site.spare"))
        XCTAssertEqual(mkdir(f.root + "/.site.spare/.sitegen-clock-4242", 0o700), 0)
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        let taken = f.build()
        XCTAssertTrue(taken.published)
        XCTAssertEqual(inode(f.siteDirectory), spare, "the spare was taken")
        XCTAssertEqual(taken.diagnostics.filter { $0.code == "output.folder" }, [])
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))

        // Holding a file: not the build's. The spare is removed by its lists, the file set aside.
        try f.write(".site.spare/.sitegen-clock-4243/note.txt", "mine")
        try f.append("content/ru/42500/apply.md", "\nТретья правка.\n")
        let notTaken = f.build()
        XCTAssertTrue(notTaken.published)
        try assertSetAside(in: notTaken, "/.sitegen-clock-4243/note.txt", holding: "mine")
        XCTAssertNil(f.snapshot()[".sitegen-clock-4243/note.txt"])
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))

        // Under a staging name, deep in it too: removed with it by its lists, without a word.
        try f.append("content/ru/42500/apply.md", "\nЧетвёртая правка.\n")
        XCTAssertTrue(f.build().published)
        let leftover = f.root + "/.site.tmp-2147483600"
        XCTAssertEqual(rename(f.root + "/.site.spare", leftover), 0)
        XCTAssertEqual(mkdir(leftover + "/.sitegen-clock-4244", 0o700), 0)
        XCTAssertEqual(mkdir(leftover + "/kk/.sitegen-clock-4245", 0o700), 0)
        try f.append("content/ru/42500/apply.md", "\nПятая правка.\n")
        let cleared = f.build()
        XCTAssertTrue(cleared.published)
        XCTAssertNil(inode(leftover))
        XCTAssertEqual(cleared.diagnostics.filter { $0.code == "output.folder" }, [])
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
    }

    /// A build killed after it took the spare (Ctrl-C) leaves the folder under its staging name. The
    /// spare's list still names it: the next build removes it by that list, and a note saved into it by
    /// a shell standing there, or an edit to a file of its own, is set aside, never lost.
    func testASpareTakenByABuildThatWasKilledIsRemovedByItsListKeepingWhatWasSaved() throws {
        let f = try builtWithSpare()
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        var edited = Data()
        do {
            let (tree, staging) = try takeSpare(f)
            try f.write(staging + "/kk/notes.txt", "mine")
            // The page edited before the last build: the spare's copy is its own, edited in place.
            let own = f.root + "/" + staging + "/ru/42500/apply/index.html"
            let handle = try XCTUnwrap(FileHandle(forWritingAtPath: own))
            handle.seekToEndOfFile()
            handle.write(Data("<!-- a note -->".utf8))
            handle.closeFile()
            edited = try Data(contentsOf: URL(fileURLWithPath: own))
            // What the build wrote itself goes without a word.
            try tree.write("kk/42500/written-by-the-build.html", "<p>the build's</p>")
            // Killed here: nothing publishes or discards the folder, and the lock goes with the process.
        }
        let report = f.build()
        XCTAssertTrue(report.published)
        let kept = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.folder.kept" })
        let folder = try XCTUnwrap(kept.arguments["kept"])
        XCTAssertEqual(try String(contentsOfFile: folder + "/kk/notes.txt", encoding: .utf8), "mine")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/ru/42500/apply/index.html")), edited)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/kk/42500/written-by-the-build.html"))
        XCTAssertEqual(kept.arguments["what"], "kk/notes.txt, ru/42500/apply/index.html")
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        XCTAssertNil(try FileManager.default.contentsOfDirectory(atPath: f.root).first { $0.hasPrefix(".site.tmp-") })
    }

    /// A killed build's folder whose process number a running process has taken again is left where it
    /// is while that process runs: its list is kept all that time (no spare is kept over it), and once the
    /// process ends the folder is removed by it, what was saved there set aside.
    func testAKilledBuildsFolderIsRemovedByItsListEvenAfterItsNumberWasTakenAgain() throws {
        let f = try builtWithSpare()
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["60"]
        try sleeper.run()
        defer { if sleeper.isRunning { sleeper.terminate() } }
        let leftover = f.root + "/.site.tmp-" + String(sleeper.processIdentifier)
        do {
            let (tree, staging) = try takeSpare(f)
            try f.write(staging + "/kk/notes.txt", "mine")
            // Killed; the number is another process's by the next build.
            withExtendedLifetime(tree) { XCTAssertEqual(rename(f.root + "/" + staging, leftover), 0) }
        }
        for round in 1...2 {
            try f.append("content/ru/42500/apply.md", "\nПравка \(round).\n")
            let report = f.build()
            XCTAssertTrue(report.published)
            XCTAssertNotNil(inode(leftover), "left while its number's process runs")
            XCTAssertTrue(FileManager.default.fileExists(atPath: SpareTree.listPath(for: f.siteDirectory)), "its list kept")
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        }
        sleeper.terminate()
        sleeper.waitUntilExit()
        try assertNextBuild(of: f, removes: leftover, keeping: "/kk/notes.txt", holding: "mine")
    }

    /// In a folder taken from the spare a file is written under a name of the build's own and put in
    /// place only where nothing is, and the spare's file there is moved to another name of the build's
    /// before it is looked at: a file someone saved at any of these names is never written over or
    /// emptied; the build stops and the file is set aside.
    func testAFileSavedWhereTheBuildWritesInTheSpareIsNeverWrittenOver() throws {
        let pid = String(getpid())
        // A new page's folder, and a page the spare holds an older copy of.
        for (folder, name) in [("kk/42500/new/", "index.html"), ("kk/42500/new/", "index.html.sitegen-new-" + pid),
                               ("ru/42500/apply/", "index.html.sitegen-old-" + pid)] {
            let f = try builtWithSpare()
            try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
            let (tree, staging) = try takeSpare(f)
            try f.write(staging + "/" + folder + name, "mine")
            XCTAssertThrowsError(try tree.write(folder + "index.html", "<p>the build's</p>"), name) { error in
                guard case OutputError.foreign? = error as? OutputError else { return XCTFail("\(error)") }
            }
            XCTAssertEqual(try String(contentsOfFile: f.root + "/" + staging + "/" + folder + name, encoding: .utf8), "mine")
            let kept = tree.discard()
            let set = try XCTUnwrap(kept.first?.path, name)
            XCTAssertEqual(try String(contentsOfFile: set + "/" + folder + name, encoding: .utf8), "mine")
            tree.finish()
        }
    }

    /// A build that took the spare and was stopped (Ctrl-C) with no one else in the folder leaves
    /// nothing to explain: the next build removes what it wrote, the spare's files and the published
    /// site's linked in, by their lists, without a word.
    func testABuildStoppedAfterItTookTheSpareLeavesNothingToExplain() throws {
        let f = try builtWithSpare()
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        do {
            let (tree, _) = try takeSpare(f)
            try tree.write("ru/42500/apply/index.html", "<p>half of a new page</p>")
            try tree.write("kk/42500/new/index.html", "<p>a new page</p>")
            // A published file linked in where the spare had its own.
            let published = try Data(contentsOf: URL(fileURLWithPath: f.siteDirectory + "/ru/42500/index.html"))
            try tree.write("ru/42500/index.html", published)
        }
        let report = f.build()
        XCTAssertTrue(report.published)
        XCTAssertEqual(report.diagnostics.filter { $0.code == "output.folder" }, [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: f.root).filter { $0.hasPrefix(".site.tmp-") || $0.hasPrefix("site.kept") }, [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: PlacedJournal.path(for: f.siteDirectory)))
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
    }

    /// A page the build removes is cleared from the spare only while its file is what the spare held: one
    /// replaced while the build ran (`sed -i` from a shell in the spare) stops the publish, and the
    /// edit is set aside, never removed.
    func testAPageTheBuildRemovesIsNotClearedFromTheSpareWhenEditedWhileItRuns() throws {
        let f = try Fixture.repositoryGuides()
        let text = try String(contentsOfFile: f.root + "/content/ru/42500/documents.md", encoding: .utf8)
        try f.write("content/ru/42500/copy.md", text.replacingOccurrences(of: "42500-documents", with: "42500-copy"))
        let kk = try String(contentsOfFile: f.root + "/content/kk/42500/documents.md", encoding: .utf8)
        try f.write("content/kk/42500/copy.md", kk.replacingOccurrences(of: "42500-documents", with: "42500-copy"))
        XCTAssertTrue(f.build().published)
        try f.append("content/ru/42500/apply.md", "\nПервая правка.\n")
        XCTAssertTrue(f.build().published)
        XCTAssertNotNil(inode(f.root + "/.site.spare/ru/42500/copy/index.html"))
        try ["kk", "ru"].forEach { try f.remove("content/\($0)/42500/copy.md") }
        let published = f.snapshot()
        let (report, saved) = buildSaving(into: f) { staging in
            let page = staging + "/ru/42500/copy/index.html"
            let temporary = staging + "/ru/42500/copy/.sed-tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: Data("MY-EDIT".utf8)) else { return false }
            return rename(temporary, page) == 0
        }
        XCTAssertTrue(saved, "the page was replaced while the build ran")
        XCTAssertFalse(report.published)
        XCTAssertEqual(f.snapshot(), published, "nothing of it published")
        let foreign = try XCTUnwrap(report.diagnostics.first { $0.messageID == "output.io.foreign" })
        XCTAssertEqual(foreign.arguments["path"], "ru/42500/copy/index.html")
        try assertSetAside(in: report, "/ru/42500/copy/index.html", holding: "MY-EDIT")
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
    }

    /// A folder of the site whose mode was changed by hand (`chmod 700`) is not taken back with the
    /// spare: every build publishes its folders with the mode a clean build gives them.
    func testAFolderModeChangedByHandDoesNotComeBackWithTheSpare() throws {
        let f = try builtWithSpare()
        let expected = try XCTUnwrap(OutputTree.folderMode)
        XCTAssertEqual(chmod(f.siteDirectory + "/kk/42500", 0o700), 0)
        for round in 1...3 {
            try f.append("content/ru/42500/apply.md", "\nПравка \(round).\n")
            XCTAssertTrue(f.build().published)
            var info = stat()
            XCTAssertEqual(lstat(f.siteDirectory + "/kk/42500", &info), 0)
            XCTAssertEqual(info.st_mode & 0o7777, expected, "round \(round)")
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        }
    }

    /// A file of the new site put there, changed or removed by something else while it was built is told
    /// as what it is, in each editor's language: never as a full disk.
    func testAChangeMadeWhileTheSiteWasBuiltIsToldAsWhatItIs() {
        for removed in [false, true] {
            let d = Diagnostic.outputFailure(OutputError.foreign(path: "kk/42500/apply", removed: removed), file: "site")
            XCTAssertEqual(d.code, "output.io")
            XCTAssertEqual(d.messageID, removed ? "output.io.removed" : "output.io.foreign")
            XCTAssertTrue(d.message.contains(removed ? "was removed from the new site" : "was put into the new site"), d.message)
            XCTAssertFalse(d.message.contains("free space"), d.message)
            for language in [MessageLanguage.kk, .ru] {
                let text = d.message(in: language)
                XCTAssertTrue(text.contains("kk/42500/apply") && text != d.message, text)
            }
        }
        XCTAssertEqual(Diagnostic.outputFailure(OutputError.io("disk full"), file: "site").messageID, "output.io")
    }

    /// A folder of the new site swapped, just before the publish, for one prepared before the build took
    /// the spare (its top files linked to the build's own, a page below changed): its folders below
    /// changed before the take and are not read again, but it is not the folder the spare had there.
    /// The publish stops, and the prepared page is never published.
    func testAFolderMovedInWholeBeforeThePublishIsNotPublished() throws {
        let f = try builtWithSpare()
        let fm = FileManager.default
        let prepared = f.root + "/prepared"
        try fm.createDirectory(atPath: prepared, withIntermediateDirectories: true)
        try fm.copyItem(atPath: f.siteDirectory + "/kk/42500", toPath: prepared + "/42500")
        try fm.removeItem(atPath: prepared + "/42500/index.html")
        try Data("<h1>FAKE: @EgovKzBot2</h1>".utf8).write(to: URL(fileURLWithPath: prepared + "/42500/apply/index.html"))
        usleep(50_000)  // a tick of the file system's clock between the preparing and the take
        let published = f.snapshot()
        let live = try XCTUnwrap(WrittenFiles.readWithIdentities(for: f.siteDirectory).list)
        let tree = try OutputTree(destination: f.siteDirectory, reusing: true, live: live)
        XCTAssertTrue(tree.tookSpare)
        // The build places every file of the published site.
        var files: [BuildRecord.OutputFile] = []
        live.files.forEachFileAsPlaced { folder, name, identity in
            if !WrittenFiles.isMarker(name, kind: Int32(DT_REG), below: Array(folder.utf8)) {
                files.append(BuildRecord.OutputFile(path: PlacedFiles.path(folder, name), identity: identity))
            }
        }
        files.sort { OutputTree.folder(of: $0.path) < OutputTree.folder(of: $1.path) }
        XCTAssertTrue(tree.adoptAll(files))
        // Then the folder is swapped: its top files hard links of the build's own.
        let staging = f.root + "/" + (try XCTUnwrap(try fm.contentsOfDirectory(atPath: f.root).first { $0.hasPrefix(".site.tmp-") }))
        for name in try fm.contentsOfDirectory(atPath: staging + "/kk/42500") {
            var info = stat()
            if lstat(staging + "/kk/42500/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                XCTAssertEqual(link(staging + "/kk/42500/" + name, prepared + "/42500/" + name), 0)
            }
        }
        XCTAssertEqual(rename(staging + "/kk/42500", prepared + "/original"), 0)
        XCTAssertEqual(rename(prepared + "/42500", staging + "/kk/42500"), 0)
        XCTAssertThrowsError(try tree.commit(removingOnly: live, lookedAt: tree.stagingTime())) { error in
            guard case OutputError.foreign(let path, false)? = error as? OutputError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "kk/42500")
        }
        tree.finish()
        XCTAssertEqual(f.snapshot(), published, "nothing of it published")
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        XCTAssertTrue(f.build().published)
        XCTAssertNil(String(data: f.snapshot()["kk/42500/apply/index.html"] ?? Data(), encoding: .utf8)?.range(of: "FAKE"))
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
    }

    func testForceAndAFailedBuildLeaveTheNextBuildsRight() throws {
        let f = try builtWithSpare()
        XCTAssertTrue(f.build(force: true).published)
        try f.append("content/ru/42500/apply.md", "\nВторая правка.\n")
        XCTAssertTrue(f.build().published)
        XCTAssertEqual(f.snapshot(), try cleanBuild(of: f))
        // A build that fails wrote into the spare: it goes with the build, and the site stays.
        let published = f.snapshot()
        try f.append("content/ru/42500/apply.md", "\n[x](https://evil.example/)\n")
        XCTAssertFalse(f.build().published)
        XCTAssertEqual(f.snapshot(), published)
        let text = try String(contentsOfFile: f.root + "/content/ru/42500/apply.md", encoding: .utf8)
        try f.write("content/ru/42500/apply.md", text.replacingOccurrences(of: "\n[x](https://evil.example/)\n", with: "\nТретья правка.\n"))
        for round in 1...2 {
            try f.append("content/kk/42500/apply.md", "\nТүзету \(round).\n")
            let report = f.build()
            XCTAssertTrue(report.published)
            XCTAssertEqual(report.diagnostics.filter { $0.code == "output.folder" }, [])
            XCTAssertEqual(f.snapshot(), try cleanBuild(of: f), "round \(round)")
        }
    }
}
