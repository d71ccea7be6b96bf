import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// A build with nothing changed since the build that published the output does nothing: it writes
/// no file and reports what that build reported. Any change to what a build reads, to its options or
/// to the published folder makes it build again.
final class UpToDateBuildTests: XCTestCase {
    private let page = Fixture.payPage

    private func site() throws -> Fixture { try Fixture.payPages() }

    /// Every file of the output and the folder beside it, with its time of change: what "writes no
    /// file" is checked against.
    private func listing(_ f: Fixture) -> [String: String] {
        var out: [String: String] = [:]
        guard let listing = BuildRecord.listing(f.root) else {
            XCTFail("the fixture's folder could not be listed")
            return [:]
        }
        for file in listing.files where !file.path.hasPrefix("content/") {
            out[file.path] = "\(file.identity)"
        }
        return out
    }

    func testASecondBuildWithNothingChangedWritesNoFile() throws {
        let f = try site()
        let first = f.build()
        XCTAssertTrue(first.published)
        XCTAssertFalse(first.upToDate)
        let before = listing(f)
        XCTAssertNotNil(before["site/kk/pay/index.html"])
        let second = f.build()
        XCTAssertTrue(second.upToDate)
        XCTAssertFalse(second.published)
        XCTAssertEqual(second.pageCount, first.pageCount)
        XCTAssertEqual(second.pagesPerLanguage.map(\.count), first.pagesPerLanguage.map(\.count))
        XCTAssertEqual(listing(f), before, "an up-to-date build writes nothing")
    }

    /// A site whose sections hold many pages is found unchanged under a low limit of open files: the
    /// walk of the published folder holds a few descriptors whatever the number of its folders. (It
    /// held one for each folder not yet read: with 1,000 pages in a section under the usual limit of
    /// 1,024 the walk failed, and a build with nothing to do built and wrote the site again.)
    func testABuildWithNothingToDoNeedsFewDescriptorsWhateverTheFolders() throws {
        var files = manyPages()
        // And a file deeper than the folders a walk holds open: those are opened by their path.
        let deep = (0..<40).map { "d\($0)" }.joined(separator: "/") + "/note.txt"
        files["static/" + deep] = "deep"
        let f = try Fixture(files: files)
        let first = f.build()
        XCTAssertTrue(first.published, "\(first.diagnostics)")
        let before = listing(f)

        // Room for a few more than are open now, fewer than the folders of one section's pages.
        let second = try withOpenFileLimit(free: 24) { f.build() }
        XCTAssertTrue(second.upToDate, "the build with nothing to do built the site again")
        XCTAssertTrue(listing(f) == before, "an up-to-date build writes nothing")

        // The deepest file is walked too, under the same limit: one changed by hand is seen, and put back.
        let published = try XCTUnwrap(BuildRecord.listing(f.siteDirectory))
        try f.write("site/" + deep, "changed by hand")
        let walked = try XCTUnwrap(try withOpenFileLimit(free: 24) { BuildRecord.listing(f.siteDirectory) })
        XCTAssertEqual(walked.count, published.count)
        XCTAssertNotNil(walked.identity(of: deep))
        XCTAssertNotEqual(walked.identity(of: deep), published.identity(of: deep), "a file changed in the output, 40 folders down, was not seen")
        XCTAssertNotEqual(walked.digest(), published.digest())
        let third = f.build()
        XCTAssertFalse(third.upToDate)
        XCTAssertTrue(third.published, "\(third.diagnostics)")
        XCTAssertEqual(f.output(deep), "deep")
    }

    func testAnUpToDateBuildRepeatsTheWarningsOfTheLastBuild() throws {
        // A page without its translation: a warning, and the site is published.
        let f = try Fixture(files: ["content/kk/pay.md": page])
        let first = f.build()
        XCTAssertTrue(first.published)
        let warnings = first.diagnostics.filter { $0.severity == .warning }
        XCTAssertFalse(warnings.isEmpty)
        let second = f.build()
        XCTAssertTrue(second.upToDate)
        XCTAssertEqual(second.diagnostics, first.diagnostics)
    }

    func testEveryKindOfInputChangeBuildsAgain() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let changes: [(String, () throws -> Void)] = [
            ("content", { try f.write("content/kk/pay.md", self.page + "\nЖаңа сөйлем.\n") }),
            ("a new page", { try f.write("content/kk/new.md", "---\ntitle: \"Жаңа\"\n---\nМәтін.\n") }),
            ("a removed page", { try f.remove("content/kk/new.md") }),
            ("a template", { try f.write("templates/page.mustache", (try String(contentsOfFile: f.root + "/templates/page.mustache", encoding: .utf8)) + "\n") }),
            ("a string", { try f.write("i18n/kk.yml", (try String(contentsOfFile: f.root + "/i18n/kk.yml", encoding: .utf8)) + "\n# edited\n") }),
            ("a static file", { try f.write("static/extra.txt", "x\n") }),
            ("the config", { try f.write("sitegen.yml", Fixture.defaultConfig + "\n# edited\n") }),
        ]
        for (what, change) in changes {
            try change()
            let report = f.build()
            XCTAssertFalse(report.upToDate, "after a change to \(what)")
            XCTAssertTrue(report.published, "after a change to \(what): \(report.diagnostics)")
            XCTAssertTrue(f.build().upToDate, "then up to date again after \(what)")
        }
        XCTAssertEqual(f.output("extra.txt"), "x\n")
        XCTAssertTrue(f.output("kk/pay/index.html")?.contains("Жаңа сөйлем") == true)
    }

    /// Forty pages a language in one section (`content/kk/many/p0.md` …), each its translation's.
    private func manyPages() -> [String: String] {
        var files: [String: String] = [:]
        for i in 0..<40 {
            files["content/kk/many/p\(i).md"] = "---\ntitle: \"Бет \(i)\"\ntranslationKey: \"p\(i)\"\n---\nМәтін \(i).\n"
            files["content/ru/many/p\(i).md"] = "---\ntitle: \"Страница \(i)\"\ntranslationKey: \"p\(i)\"\n---\nТекст \(i).\n"
        }
        return files
    }

    /// A page made a draft after the build read it, before it was built, is not there to build: the
    /// site published without it is not what the inputs' digest says, so the build says so and records
    /// nothing, and with the page put back the next build publishes it (it is never taken as up to date).
    func testAPageMadeADraftDuringABuildLeavesNoRecord() throws {
        let files = manyPages()
        let f = try Fixture(files: files)
        XCTAssertTrue(f.build().published)
        // The last page in the order of paths, built last: made a draft as the first page is built.
        let last = "content/ru/many/p9.md"
        let original = try XCTUnwrap(files[last])
        let drafted = LockedFlag()
        let path = f.root + "/" + last
        let progress = ProgressLine(delay: 0, label: { _, _ in
            if drafted.setOnce() { try? original.replacingOccurrences(of: "---\ntitle", with: "---\ndraft: true\ntitle").write(toFile: path, atomically: true, encoding: .utf8) }
            return ""
        }, write: { _ in })
        // Every page read and built again (an unchanged page is taken from the last build unread).
        var options = BuildOptions(sourceDirectory: f.root)
        options.force = true
        let during = SiteBuilder(options: options, progress: progress).run()
        XCTAssertTrue(during.published, "\(during.diagnostics)")
        XCTAssertEqual(during.diagnostics.filter { $0.messageID == "content.io.changed-during" }.map(\.file), [last])
        XCTAssertNil(f.output("ru/many/p9/index.html"), "the draft is not published")
        try f.write(last, original)
        let next = f.build()
        XCTAssertFalse(next.upToDate, "a site built without a page it read is never up to date")
        XCTAssertTrue(next.published)
        XCTAssertNotNil(f.output("ru/many/p9/index.html"), "the page put back is published")
        XCTAssertTrue(f.build().upToDate)
    }

    /// A file of the setup changed and changed back while a build reads it (a save and an undo, a stash
    /// and its pop): the pages may have been made from the change, which a digest taken again at the end
    /// cannot see. The time of change can: the build records nothing and says so, and the next builds.
    func testASetupFileChangedAndChangedBackDuringABuildLeavesNoRecord() throws {
        for (file, inPlace) in [("templates/footer.mustache", false), ("i18n/kk.yml", true), ("sitegen.yml", true)] {
            let f = try site()
            XCTAssertTrue(f.build().published)
            try f.append("content/kk/pay.md", "Толығырақ.\n")
            let path = f.root + "/" + file
            let original = try String(contentsOfFile: path, encoding: .utf8)
            let changed = LockedFlag()
            let progress = ProgressLine(delay: 0, label: { _, _ in
                if changed.setOnce() {
                    // Written in place, the same file keeps its inode: only its times tell (past the clock's tick).
                    if inPlace { usleep(30_000) }
                    for text in [original + "\n# edited\n", original] {
                        try? text.write(toFile: path, atomically: !inPlace, encoding: .utf8)
                    }
                }
                return ""
            }, write: { _ in })
            let during = SiteBuilder(options: BuildOptions(sourceDirectory: f.root), progress: progress).run()
            XCTAssertTrue(changed.isSet)
            XCTAssertTrue(during.published, "\(during.diagnostics)")
            XCTAssertEqual(during.diagnostics.filter { $0.messageID == "content.io.changed-during" }.map(\.file), ["sitegen.yml"], file)
            let next = f.build()
            XCTAssertFalse(next.upToDate, "\(file): a site that may have been made from a change undone since is never up to date")
            XCTAssertTrue(f.build().upToDate)
        }
    }

    /// A source changed while a build reads the sources (here a template, as the last page is built):
    /// the site published may mix both states, so the build records nothing, says so, and the next
    /// build, even with the change undone, builds again.
    func testASourceChangedDuringABuildLeavesNoRecord() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        let footer = try String(contentsOfFile: f.root + "/templates/footer.mustache", encoding: .utf8)
        let changed = LockedFlag()
        let footerPath = f.root + "/templates/footer.mustache"
        let progress = ProgressLine(delay: 0, label: { _, _ in
            if changed.setOnce() { try? (footer + "<!-- edited -->\n").write(toFile: footerPath, atomically: true, encoding: .utf8) }
            return ""
        }, write: { _ in })
        let during = SiteBuilder(options: BuildOptions(sourceDirectory: f.root), progress: progress).run()
        XCTAssertTrue(during.published)
        XCTAssertEqual(during.diagnostics.filter { $0.messageID == "content.io.changed-during" }.map(\.file), ["sitegen.yml"])
        try f.write("templates/footer.mustache", footer)
        let next = f.build()
        XCTAssertFalse(next.upToDate, "a site that may mix two states of its sources is never up to date")
        XCTAssertTrue(next.published)
        XCTAssertTrue(f.build().upToDate)
        // A page's bytes read under another digest than the one taken first are named.
        let inputs = InputDigest.of(BuildOptions(sourceDirectory: f.root))
        var page = Page(sourcePath: "content/kk/pay.md", language: "kk", contentPath: "pay", isSection: false, url: "/kk/pay/",
                        frontMatter: FrontMatter(), text: PageCache.emptyText, bodyOffset: 0, bodyLineOffset: 0)
        page.sourceDigest = SourceDigest(of: Array("other".utf8))
        let options = BuildOptions(sourceDirectory: f.root)
        XCTAssertEqual(inputs.changedWhileBuilding(options, pages: SitePages([page]), generated: { _ in false }, unread: ["content/ru/pay.md"]),
                       "content/kk/pay.md")
        // A file found that was not digested (added since), and the first of them in the order of paths.
        XCTAssertEqual(inputs.changedWhileBuilding(options, pages: SitePages([]), generated: { _ in false },
                                                   unread: ["content/kk/pay.md", "content/ru/pay.md", "content/kk/new.md", "content/kk/a.md"]),
                       "content/kk/a.md")
        // A file digested that the build did not find (removed since).
        XCTAssertEqual(inputs.changedWhileBuilding(options, pages: SitePages([]), generated: { _ in false }, unread: ["content/kk/pay.md"]),
                       "content/ru/pay.md")
        // A home the build made is no file of the content.
        var home = page
        home.sourcePath = "content/kk/_index.md"
        home.sourceDigest = nil
        XCTAssertNil(inputs.changedWhileBuilding(options, pages: SitePages([home]), generated: { $0 == home.sourcePath },
                                                 unread: ["content/kk/pay.md", "content/ru/pay.md"]))
        XCTAssertNil(inputs.changedWhileBuilding(options, pages: SitePages([]), generated: { _ in false }, unread: ["content/kk/pay.md", "content/ru/pay.md"]))
    }

    /// Files put into a published folder are named in the refusal when no build writes them.
    func testFilesAddedToThePublishedFolderAreNamed() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        try f.write("site/NOTES.txt", "notes")
        try f.write("site/.git/HEAD", "ref: refs/heads/main")
        try f.write("site/kk/.hidden", "x")
        // A folder no build made is one entry, named with a slash.
        assertRefused(f, count: 3, named: ".git/, NOTES.txt, kk/.hidden")
    }

    /// The next build is refused for files the build did not write, counted and named, and the files stay.
    private func assertRefused(_ f: Fixture, count: Int, named: String, line: UInt = #line) {
        let report = f.build()
        XCTAssertFalse(report.published, line: line)
        let refusal = report.diagnostics.first { $0.code == "output.folder" }
        XCTAssertEqual(refusal?.messageID, "output.folder.added-named", line: line)
        XCTAssertEqual(refusal?.arguments["named"], named, line: line)
        XCTAssertEqual(refusal?.arguments["count"], String(count), line: line)
        XCTAssertEqual(f.output("NOTES.txt"), "notes", line: line)
    }

    /// A file put into the published folder while one the build wrote went is still named: the files
    /// are compared by path with the list of what the build wrote, not counted.
    func testAFileAddedAsAnotherWentIsNamed() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        try f.write("site/NOTES.txt", "notes")
        try f.remove("site/ru/pay/index.html")
        assertRefused(f, count: 1, named: "NOTES.txt")
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertNil(f.output("NOTES.txt"), "--force replaces the folder whole")
        XCTAssertNotNil(f.output("ru/pay/index.html"))
    }

    /// A published folder whose list of written files is gone (removed, damaged, or never written by an
    /// older sitegen) cannot be told apart from one holding a user's files: not replaced without --force.
    func testAFolderWithoutItsListIsNotReplaced() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        try f.write("site/NOTES.txt", "notes")
        for (what, damage) in [("removed", { try f.remove(".site.files") }),
                               ("damaged", { try f.write(".site.files", "sitegen written files 1\nkk/pay/index.html\n") })] as [(String, () throws -> Void)] {
            try damage()
            let report = f.build()
            XCTAssertFalse(report.published, what)
            XCTAssertEqual(report.diagnostics.first { $0.code == "output.folder" }?.messageID, "output.folder.unlisted", what)
            XCTAssertEqual(f.output("NOTES.txt"), "notes", what)
        }
        // Once the user says so, the folder is replaced, and the list is there again for the next build.
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertTrue(f.build().upToDate)
        try f.remove(".site.files")
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        XCTAssertEqual(f.build().diagnostics.first { $0.code == "output.folder" }?.messageID, "output.folder.unlisted",
                       "a list gone is never taken for an empty one")
        // A folder that is not there, or empty, has nothing to lose.
        try FileManager.default.removeItem(atPath: f.siteDirectory)
        XCTAssertTrue(f.build().published)
    }

    /// What is looked at to find files put into the published folder: every regular file, however deep
    /// and whatever its name, by its path's bytes; not a link (a build replaces it, as it never follows
    /// one) nor a folder.
    func testEveryRegularFileOfThePublishedFolderIsComparedWithTheList() throws {
        let root = NSTemporaryDirectory() + "sitegen-count-" + UUID().uuidString
        defer {
            try? FileManager.default.removeItem(atPath: root)
            WrittenFiles.remove(for: root)
        }
        let fm = FileManager.default
        try fm.createDirectory(atPath: root + "/kk/a/b/c", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: root + "/empty/deeper", withIntermediateDirectories: true)
        let written = ["index.html", "kk/index.html", "kk/a/b/c/deep.txt", "kk/a/b/one", "kk/a/b/caf\u{E9}"]
        for path in written { try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + path)) }
        XCTAssertEqual(WrittenFiles.check(root), .unlisted)
        WrittenFiles.write(PlacedFiles(paths: written, in: root), folder: try XCTUnwrap(WrittenFiles.inode(of: root)), to: WrittenFiles.path(for: root))
        // A folder no listed file is in is someone's, empty or not, counted once and not looked into.
        XCTAssertEqual(WrittenFiles.check(root), .others(count: 1, named: ["empty/"]))
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/empty/deeper/notes.txt"))
        XCTAssertEqual(WrittenFiles.check(root), .others(count: 1, named: ["empty/"]))
        try fm.removeItem(atPath: root + "/empty")
        XCTAssertEqual(WrittenFiles.check(root), .nothingElse)
        // A link, a pipe is someone's too (a build writes neither), and a link is not followed.
        try fm.createSymbolicLink(atPath: root + "/kk/a/link", withDestinationPath: root + "/index.html")
        try fm.createSymbolicLink(atPath: root + "/kk/folder-link", withDestinationPath: root + "/kk/a")
        XCTAssertEqual(mkfifo(root + "/pipe", 0o644), 0)
        XCTAssertEqual(WrittenFiles.check(root), .others(count: 3, named: ["kk/a/link", "kk/folder-link", "pipe"]))
        for made in ["kk/a/link", "kk/folder-link", "pipe"] { try fm.removeItem(atPath: root + "/" + made) }
        try fm.removeItem(atPath: root + "/kk/a/b/one")
        try fm.createSymbolicLink(atPath: root + "/kk/a/b/one", withDestinationPath: root + "/index.html")
        XCTAssertEqual(WrittenFiles.check(root), .others(count: 1, named: ["kk/a/b/one"]), "a link where the build wrote a file")
        try fm.removeItem(atPath: root + "/kk/a/b/one")
        XCTAssertEqual(WrittenFiles.check(root), .nothingElse)
        // The decomposed twin of a written name is another file.
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/kk/a/b/cafe\u{301}"))
        XCTAssertEqual(WrittenFiles.check(root), .others(count: 1, named: ["kk/a/b/cafe\u{301}"]))
        let name = Array((root + "/kk/a/b/").utf8) + [0xFF, UInt8(ascii: "x"), 0]
        let fd = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        XCTAssertGreaterThanOrEqual(fd, 0)
        close(fd)
        guard case .others(2, _)? = WrittenFiles.check(root) else { return XCTFail("a name that is not UTF-8 is a file all the same") }
        // More entries than one read of a folder returns (32 KB): every one is counted, once.
        for i in 0..<1500 { try Data().write(to: URL(fileURLWithPath: root + "/kk/a/b/c/" + String(repeating: "n", count: 40) + String(i))) }
        guard case .others(1502, let named)? = WrittenFiles.check(root) else { return XCTFail("1,502 files not written") }
        XCTAssertEqual(named.count, 3)
        XCTAssertEqual(WrittenFiles.check(root + "/missing"), .nothingElse, "no folder, nothing to lose")
        guard case .unreadable(".", _)? = WrittenFiles.check(root + "/index.html") else { return XCTFail("a file is not a folder to look into") }
        // A look no longer wanted (a build found it has nothing to do) ends without an answer.
        XCTAssertNil(WrittenFiles.check(root, stopped: { true }))
        let look = Background { stopped in WrittenFiles.check(root, stopped: stopped) }
        XCTAssertEqual(look.value, WrittenFiles.check(root))
        XCTAssertEqual(look.value, look.value, "asked again, the same answer")
        // Finished, a look no longer wanted has ended before the caller goes on (the process may exit).
        let running = LockedFlag()
        let slow = Background { stopped -> Bool in
            while !stopped() { usleep(1_000) }
            usleep(50_000)
            return running.setOnce()
        }
        slow.finish()
        XCTAssertTrue(running.isSet, "the work ended before finish() returned")
    }

    func testTheSameBytesWrittenAgainAreNoChange() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        // Saved again with the same text (a new time of change): still up to date.
        try f.write("content/kk/pay.md", page)
        XCTAssertTrue(f.build().upToDate)
    }

    /// A sitegen put in the place of the one that built the site, of the same size and time of
    /// modification (`install -p`), may write another site: the build is not up to date. Changing the
    /// running program's mode (to what it is) moves its time of change as writing it would.
    func testAProgramReplacedWithItsTimesKeptBuildsAgain() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        XCTAssertTrue(f.build().upToDate)
        let program = try XCTUnwrap(InputDigest.programPath())
        var before = stat()
        XCTAssertEqual(stat(program, &before), 0)
        let identity = InputDigest.programIdentity()
        // The time of change is kept by the file system to its tick: wait until the clock has moved on.
        usleep(20_000)
        XCTAssertEqual(chmod(program, before.st_mode & 0o7777), 0)
        var after = stat()
        XCTAssertEqual(stat(program, &after), 0)
        XCTAssertEqual(after.st_size, before.st_size)
        XCTAssertEqual(after.st_mtim.tv_sec, before.st_mtim.tv_sec)
        XCTAssertEqual(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec)
        XCTAssertNotEqual(InputDigest.programIdentity(), identity)
        XCTAssertFalse(f.build().upToDate)
        XCTAssertTrue(f.build().upToDate)
    }

    func testOtherOptionsBuildAgain() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        XCTAssertFalse(f.build(baseURL: "http://localhost:1313/").upToDate)
        XCTAssertFalse(f.build().upToDate, "back to the configured address")
        XCTAssertFalse(f.build(drafts: true).upToDate)
        let forced = f.build(drafts: true, force: true)
        XCTAssertFalse(forced.upToDate)
        XCTAssertTrue(forced.published)
    }

    func testAChangedPublishedFolderIsBuiltAgain() throws {
        let f = try site()
        try f.write("static/caf\u{E9}.txt", "hello")
        try f.write("static/sub/caf\u{E9}.txt", "hello")
        try f.write("static/other.txt", "HELLO")
        XCTAssertTrue(f.build().published)
        let original = try XCTUnwrap(f.output("kk/pay/index.html"))
        /// Sets the time of change of the published file at `path` to that of `like`'s.
        func sameTime(_ path: String, as like: stat) {
            XCTAssertEqual(utimensat(AT_FDCWD, f.root + "/site/" + path, [like.st_atim, like.st_mtim], 0), 0)
        }
        let edits: [(String, () throws -> Void)] = [
            ("an edited page", { try f.write("site/kk/pay/index.html", "<p>changed</p>") }),
            ("a removed page", { try f.remove("site/kk/pay/index.html") }),
            ("an added file", { try f.write("site/kk/extra.html", "x") }),
            ("a removed record", { try f.remove(".site.build") }),
            ("a damaged record", { try f.write(".site.build", "sitegen build record 1\ninputs\n") }),
            // A name not in UTF-8 would be read with U+FFFD in place of its bytes: two such read as one.
            ("a file whose name is not UTF-8", {
                for byte: UInt8 in [0xFF, 0xFE] {
                    let path = Array((f.root + "/site/kk/x").utf8) + [byte] + Array(".txt".utf8) + [0]
                    let fd = path.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self),
                                                                 O_WRONLY | O_CREAT, 0o644) }
                    XCTAssertGreaterThanOrEqual(fd, 0)
                    close(fd)
                }
            }),
            // One name taken from the root's spelling, another kept: a listing by Swift's `==` saw one folder's file.
            ("a file renamed to its decomposed twin", {
                try FileManager.default.moveItem(atPath: f.root + "/site/sub/caf\u{E9}.txt", toPath: f.root + "/site/sub/cafe\u{301}.txt")
            }),
            // Nanoseconds since 1970 past the year 2262 do not fit in 64 bits: read, not a crash.
            ("a time of change in the year 2300", {
                var times = [timespec(tv_sec: 10_413_792_000, tv_nsec: 0), timespec(tv_sec: 10_413_792_000, tv_nsec: 0)]
                XCTAssertEqual(utimensat(AT_FDCWD, f.root + "/site/caf\u{E9}.txt", &times, 0), 0)
            }),
            // Each keeps its size and time of change, as two files swapped within one tick of the clock do.
            ("two files of one size swapped", {
                var a = stat(), b = stat()
                XCTAssertEqual(stat(f.root + "/site/caf\u{E9}.txt", &a), 0)
                XCTAssertEqual(stat(f.root + "/site/other.txt", &b), 0)
                XCTAssertEqual(rename(f.root + "/site/caf\u{E9}.txt", f.root + "/site/swap"), 0)
                XCTAssertEqual(rename(f.root + "/site/other.txt", f.root + "/site/caf\u{E9}.txt"), 0)
                XCTAssertEqual(rename(f.root + "/site/swap", f.root + "/site/other.txt"), 0)
                sameTime("caf\u{E9}.txt", as: a)
                sameTime("other.txt", as: b)
            }),
            // A page a web server may no longer read, and a copied file that anyone may now write.
            ("a page's permissions", { XCTAssertEqual(chmod(f.root + "/site/kk/pay/index.html", 0o600), 0) }),
            ("a copied file's permissions", { XCTAssertEqual(chmod(f.root + "/site/other.txt", 0o666), 0) }),
            ("an empty folder", { try FileManager.default.createDirectory(atPath: f.root + "/site/kk/new/deeper", withIntermediateDirectories: true) }),
            // Equal to Swift, not in bytes: a file beside `café.txt`, of its size and time of change.
            ("a decomposed twin of a published name", {
                let twin = f.root + "/site/cafe\u{301}.txt"
                try f.write("site/cafe\u{301}.txt", "EVIL!")
                var info = stat()
                XCTAssertEqual(stat(f.root + "/site/caf\u{E9}.txt", &info), 0)
                let times = [info.st_atim, info.st_mtim]
                XCTAssertEqual(utimensat(AT_FDCWD, twin, times, 0), 0)
            }),
        ]
        // A file added to the published folder is the editor's until they say otherwise: refused, and
        // kept, until a build is asked to replace the folder whole.
        // Two files whose names are not UTF-8 are two files added, whatever their names read as; a published
        // file under a name the build did not write is one too (whose it is cannot be told).
        // An empty folder is someone's too (`mkdir site/mine`), and one entry however deep.
        let added = ["an added file": 1, "a decomposed twin of a published name": 1, "a file whose name is not UTF-8": 2,
                     "a file renamed to its decomposed twin": 1, "an empty folder": 1]
        for (what, edit) in edits {
            try edit()
            var report = f.build()
            XCTAssertFalse(report.upToDate, "after \(what)")
            if let count = added[what] {
                XCTAssertFalse(report.published, "after \(what)")
                XCTAssertTrue(report.setupFailed, "after \(what)")
                let refusal = report.diagnostics.first { $0.code == "output.folder" }
                XCTAssertTrue(["output.folder.added", "output.folder.added-named"].contains(refusal?.messageID ?? ""), "after \(what)")
                guard case .others(count, _)? = WrittenFiles.check(f.siteDirectory) else { return XCTFail("the added files are still there after \(what)") }
                report = f.build(force: true)
            }
            XCTAssertTrue(report.published, "after \(what)")
            XCTAssertEqual(f.output("kk/pay/index.html"), original, "after \(what)")
            XCTAssertNil(f.output("kk/extra.html"))
            XCTAssertEqual(f.output("caf\u{E9}.txt"), "hello", "after \(what)")
            XCTAssertEqual(f.output("sub/caf\u{E9}.txt"), "hello", "after \(what)")
            XCTAssertEqual(f.output("other.txt"), "HELLO", "after \(what)")
            for path in ["kk/pay/index.html", "other.txt", "caf\u{E9}.txt"] {
                var info = stat()
                XCTAssertEqual(stat(f.root + "/site/" + path, &info), 0)
                XCTAssertEqual(info.st_mode, OutputTree.writtenMode, "\(path) after \(what)")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/site/kk/new"), "after \(what)")
        }
    }

    func testAFailedBuildLeavesTheRecordOfTheSiteItLeftInPlace() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let before = listing(f)
        try f.write("content/kk/pay.md", page + "\nЖалған сайт: evil.com\n")
        let failed = f.build()
        XCTAssertTrue(failed.diagnostics.hasErrors)
        XCTAssertFalse(failed.upToDate)
        // Back to the published text: the site in place is that build's, and nothing is written.
        try f.write("content/kk/pay.md", page)
        XCTAssertTrue(f.build().upToDate)
        XCTAssertEqual(listing(f).filter { $0.key.hasPrefix("site/") }, before.filter { $0.key.hasPrefix("site/") })
    }

    func testTheRecordIsKeptBesideTheSiteSoTheSiteStaysTheSameBytes() throws {
        let f = try site()
        XCTAssertTrue(f.build().published)
        let first = f.snapshot()
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertEqual(f.snapshot(), first)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root + "/.site.build"))
        XCTAssertFalse(first.keys.contains { $0.contains("build") && $0.hasPrefix(".") })
    }
    /// The listing's digest is of each file's `identity path` and a NUL, by folder (in the order of the
    /// tree) and then by name,
    /// whatever its length: a listing of thousands of files, long names and names outside ASCII,
    /// digested in pieces, is the digest of all of it at once, in whatever order the files were found.
    func testTheListingDigestIsOfEveryFileInOrder() {
        XCTAssertEqual(PlacedFiles([BuildRecord.OutputFile(path: "kk/42500/index.html", identity: 34)]).digest(),
                       SHA256Digest.hex(Array("34 kk/42500/index.html\0".utf8)))
        let files = (0..<5000).map { i in
            BuildRecord.OutputFile(path: "bulletins/kk/бөлім-\(i % 7)/" + String(repeating: "ә", count: i % 40) + "/\(i).txt",
                                   identity: 1_700_000_000_000_000_000 + i * 131)
        }
        func split(_ path: String) -> ([UInt8], [UInt8]) {
            let bytes = Array(path.utf8), slash = bytes.lastIndex(of: UInt8(ascii: "/"))!
            return (Array(bytes[..<slash]), Array(bytes[(slash + 1)...]))
        }
        let ordered = files.sorted { a, b in
            let (x, y) = (split(a.path), split(b.path))
            // Folders in the order of the tree: compared name by name.
            let (xNames, yNames) = (x.0.split(separator: UInt8(ascii: "/")), y.0.split(separator: UInt8(ascii: "/")))
            return x.0 != y.0 ? xNames.lexicographicallyPrecedes(yNames) { $0.lexicographicallyPrecedes($1) }
                : x.1.lexicographicallyPrecedes(y.1)
        }
        XCTAssertNotEqual(ordered, files, "the files were not made in the listing's order")
        let whole: [UInt8] = ordered.flatMap { file -> [UInt8] in Array("\(file.identity) \(file.path)".utf8) + [0] }
        XCTAssertGreaterThan(whole.count, 3 << 16)
        let placed = PlacedFiles(files)
        XCTAssertEqual(placed.digest(), SHA256Digest.hex(whole))
        XCTAssertEqual(placed.files, ordered)
        XCTAssertEqual(PlacedFiles(files.reversed()).digest(), placed.digest())
        // A file placed again is the same file with its new identity.
        var changed = placed
        changed.place(files[17].path, files[17].identity + 1)
        XCTAssertNotEqual(changed.digest(), placed.digest(), "a file's identity is in the digest")
        XCTAssertEqual(changed.count, files.count)
        XCTAssertEqual(changed.identity(of: files[17].path), files[17].identity + 1)
        XCTAssertEqual(placed.identity(of: files[17].path), files[17].identity, "a copy keeps its own files")
        XCTAssertNil(changed.identity(of: files[17].path + "x"))
        XCTAssertEqual(changed.files.filter { $0.path != files[17].path }, ordered.filter { $0.path != files[17].path })
    }

    /// A file at the root, and a folder whose name sorts around the '/' of another's path
    /// (`a-b` and `a/`): the order is by folder, then by name.
    /// Names are their bytes: `café` composed and decomposed are two files, as the folder holds them.
    func testNamesAreTheirBytes() {
        let placed = PlacedFiles(["caf\u{E9}.txt", "cafe\u{301}.txt", "caf\u{E9}/a", "cafe\u{301}/a"].map {
            BuildRecord.OutputFile(path: $0, identity: 2)
        })
        XCTAssertEqual(placed.count, 4)
        XCTAssertEqual(Set(placed.files.map { Array($0.path.utf8) }).count, 4)
    }

    /// A file's identity holds its size: a published file made longer and given back its time of
    /// modification (as a copy that keeps times does), in place, is another file to the next build.
    func testAFilesIdentityHoldsItsSize() throws {
        let path = NSTemporaryDirectory() + "sitegen-identity-" + UUID().uuidString
        defer { unlink(path) }
        try "42 500".write(toFile: path, atomically: false, encoding: .utf8)
        var before = stat()
        XCTAssertEqual(lstat(path, &before), 0)
        let fd = open(path, O_WRONLY | O_APPEND)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(write(fd, "0", 1), 1)
        close(fd)
        var times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW), 0)
        var after = stat()
        XCTAssertEqual(lstat(path, &after), 0)
        XCTAssertEqual(after.st_ino, before.st_ino)
        XCTAssertEqual(after.st_mode, before.st_mode)
        XCTAssertEqual(after.st_mtim.tv_sec, before.st_mtim.tv_sec)
        XCTAssertEqual(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec)
        XCTAssertEqual(after.st_size, before.st_size + 1)
        XCTAssertNotEqual(OutputTree.identity(after), OutputTree.identity(before))
        var again = stat()
        XCTAssertEqual(lstat(path, &again), 0)
        XCTAssertEqual(OutputTree.identity(again), OutputTree.identity(after), "one file's identity is the same each time")
    }

    /// Files by folder, folders in the order of the tree (a folder's own files, then what it holds,
    /// then the next folder: `a/b` before `a-b`, though `-` sorts before `/`), then by name.
    func testTheListingOrderIsByFolderThenName() {
        let placed = PlacedFiles(["a/x", "a-b/y", "index.html", "a/b/z", "404.html"].map { BuildRecord.OutputFile(path: $0, identity: 2) })
        XCTAssertEqual(placed.files.map(\.path), ["404.html", "index.html", "a/x", "a/b/z", "a-b/y"])
    }
}

/// A flag set once, from any thread.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    /// True the first time only.
    func setOnce() -> Bool { lock.withLock { defer { set = true }; return !set } }
    /// Whether it was set.
    var isSet: Bool { lock.withLock { set } }
}
