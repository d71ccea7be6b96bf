import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A build after a change does again only what the change touches (`PageCache`), and what it
/// publishes is byte for byte what a clean build of the same sources publishes, with the same
/// diagnostics: after edits, new, removed and renamed pages, and changes to templates, strings,
/// static files and the config. A published file changed by hand, a damaged cache or a failed build
/// never lets an old page through.
final class IncrementalBuildTests: XCTestCase {
    /// A clean build (`--force`, into a new folder) of a copy of the fixture's sources: its files and
    /// its diagnostics.
    private func cleanBuild(of f: Fixture) throws -> (files: [String: Data], diagnostics: [Diagnostic]) {
        let clean = try Fixture()
        let fm = FileManager.default
        for item in ["content", "templates", "static", "i18n", "sitegen.yml"] {
            try? fm.removeItem(atPath: clean.root + "/" + item)
            if fm.fileExists(atPath: f.root + "/" + item) { try fm.copyItem(atPath: f.root + "/" + item, toPath: clean.root + "/" + item) }
        }
        let report = clean.build(force: true)
        XCTAssertTrue(report.published, "the clean build publishes: \(report.diagnostics.filter { $0.severity == .error })")
        return (clean.snapshot(), report.diagnostics)
    }

    /// Builds `f` as it stands (unless `built` is the report of that build) and checks the result
    /// against a clean build.
    /// `kept`: a published file edited by hand, which the build must set aside (``ListedRemoval``) with
    /// its edit, warning once (`output.folder.kept`); nothing is set aside otherwise.
    private func assertSameAsCleanBuild(_ f: Fixture, after what: String, built: BuildReport? = nil, kept: String? = nil,
                                        file: StaticString = #filePath, line: UInt = #line) throws {
        let keptBytes = kept.flatMap { FileManager.default.contents(atPath: f.siteDirectory + "/" + $0) }
        var report = built ?? f.build()
        XCTAssertTrue(report.published, "after \(what): \(report.diagnostics.filter { $0.severity == .error })", file: file, line: line)
        let setAside = report.diagnostics.filter { $0.messageID == "output.folder.kept" }
        report.diagnostics.removeAll { $0.messageID == "output.folder.kept" }
        XCTAssertEqual(setAside.map { $0.arguments["what"] }, kept.map { [$0] } ?? [], "set aside after \(what)", file: file, line: line)
        if let kept, let folder = setAside.first?.arguments["kept"] {
            XCTAssertEqual(FileManager.default.contents(atPath: folder + "/" + kept), keptBytes, "the edit kept after \(what)", file: file, line: line)
            try FileManager.default.removeItem(atPath: folder)
        }
        let clean = try cleanBuild(of: f)
        let files = f.snapshot()
        XCTAssertEqual(Set(files.keys), Set(clean.files.keys), "the same files after \(what)", file: file, line: line)
        for (path, bytes) in clean.files where files[path] != bytes {
            XCTFail("\(path) differs from a clean build after \(what)", file: file, line: line)
        }
        XCTAssertEqual(report.diagnostics, clean.diagnostics, "the same diagnostics after \(what)", file: file, line: line)
        XCTAssertTrue(f.build().upToDate, "up to date after \(what)", file: file, line: line)
    }

    /// Each published file's inode: a file linked from the last build keeps it, one written anew does not.
    private func inodes(_ f: Fixture) -> [String: UInt] {
        var out: [String: UInt] = [:]
        for path in f.snapshot().keys {
            var info = stat()
            if lstat(f.siteDirectory + "/" + path, &info) == 0 { out[path] = UInt(info.st_ino) }
        }
        return out
    }

    private func replace(_ f: Fixture, _ path: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: f.root + "/" + path, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) holds \(old)")
        try f.write(path, text.replacingOccurrences(of: old, with: new))
    }

    func testEveryKindOfChangeGivesWhatACleanBuildGives() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let changes: [(String, () throws -> Void)] = [
            ("a Kazakh page's text", { try f.append("content/kk/42500/documents.md", "\nБұл сөйлем кейін қосылды.\n") }),
            ("a Russian page's text", { try f.append("content/ru/42500/apply.md", "\nЭто предложение добавлено позже.\n") }),
            ("a title", { try self.replace(f, "content/ru/42500/documents.md", "title: \"", "title: \"Обновлено: ") }),
            ("a new page", { try f.write("content/kk/42500/new.md", "---\ntitle: \"Жаңа бет\"\ntranslationKey: \"new\"\n---\nЖаңа мәтін.\n") }),
            ("its translation", { try f.write("content/ru/42500/new.md", "---\ntitle: \"Новая страница\"\ntranslationKey: \"new\"\n---\nНовый текст.\n") }),
            ("a renamed page", {
                try FileManager.default.moveItem(atPath: f.root + "/content/kk/42500/new.md", toPath: f.root + "/content/kk/42500/renamed.md")
            }),
            ("a removed page", {
                try f.remove("content/kk/42500/renamed.md")
                try f.remove("content/ru/42500/new.md")
            }),
            ("a template", { try self.replace(f, "templates/page.mustache", "</main>", "<p>Жаңа жол</p></main>") }),
            ("a string", { try f.append("i18n/ru.yml", "\n# edited\n") }),
            ("a static file", { try f.write("static/extra.txt", "x\n") }),
            ("a stylesheet", { try f.append("static/style.css", "\n/* edited */\n") }),
            ("the config", { try f.append("sitegen.yml", "\n# edited\n") }),
        ]
        for (what, change) in changes {
            try change()
            try assertSameAsCleanBuild(f, after: what)
        }
    }

    /// Templates and strings kept elsewhere and linked in (the folder, or one file) are read through the
    /// link, and a change behind it is a change: the pages that show it are made again.
    func testTemplatesAndStringsBehindALinkAreInputsToo() throws {
        let f = try Fixture.repositoryGuides()
        let elsewhere = try Fixture()
        let fm = FileManager.default
        try? fm.removeItem(atPath: elsewhere.root + "/templates")
        try fm.moveItem(atPath: f.root + "/templates", toPath: elsewhere.root + "/templates")
        try fm.createSymbolicLink(atPath: f.root + "/templates", withDestinationPath: elsewhere.root + "/templates")
        try fm.moveItem(atPath: f.root + "/i18n/ru.yml", toPath: elsewhere.root + "/ru.yml")
        try fm.createSymbolicLink(atPath: f.root + "/i18n/ru.yml", withDestinationPath: elsewhere.root + "/ru.yml")
        XCTAssertTrue(f.build().published)
        let template = elsewhere.root + "/templates/404.mustache"
        try (try String(contentsOfFile: template, encoding: .utf8)).replacingOccurrences(of: "</main>", with: "<p>Жаңа жол</p></main>")
            .write(toFile: template, atomically: true, encoding: .utf8)
        XCTAssertFalse(f.build().upToDate, "a template changed behind a link is a change")
        XCTAssertTrue(f.output("404.html")?.contains("Жаңа жол") ?? false, "the not-found page shows it")
        let strings = elsewhere.root + "/ru.yml"
        try (try String(contentsOfFile: strings, encoding: .utf8) + "\n# edited\n").write(toFile: strings, atomically: true, encoding: .utf8)
        try f.append("content/kk/42500/documents.md", "\nБұл сөйлем кейін қосылды.\n")
        let report = f.build()
        // The clean build reads copies of the linked files (`copyItem` follows no link: copied here by hand).
        for item in ["templates", "i18n/ru.yml"] {
            try fm.removeItem(atPath: f.root + "/" + item)
            try fm.copyItem(atPath: item == "templates" ? elsewhere.root + "/templates" : strings, toPath: f.root + "/" + item)
        }
        try assertSameAsCleanBuild(f, after: "a template and a string changed behind links", built: report)
    }

    /// A link in `content/` or `static/` that leads out of the source is left out with a warning naming
    /// where it leads: pointed elsewhere, it gives another warning, so the build is not "up to date".
    func testALinkOutOfTheSourcePointedElsewhereIsAChange() throws {
        let f = try Fixture.repositoryGuides()
        let elsewhere = try Fixture()
        try elsewhere.write("a.md", "---\ntitle: \"A\"\n---\nA.\n")
        try elsewhere.write("b.md", "---\ntitle: \"B\"\n---\nB.\n")
        let fm = FileManager.default
        for link in ["content/kk/linked.md", "static/linked.txt"] {
            try fm.createSymbolicLink(atPath: f.root + "/" + link, withDestinationPath: elsewhere.root + "/a.md")
            let first = f.build()
            XCTAssertTrue(first.diagnostics.contains { $0.file == link && $0.message.contains(elsewhere.root + "/a.md") }, "\(first.diagnostics)")
            try fm.removeItem(atPath: f.root + "/" + link)
            try fm.createSymbolicLink(atPath: f.root + "/" + link, withDestinationPath: elsewhere.root + "/b.md")
            let second = f.build()
            XCTAssertFalse(second.upToDate, "\(link) pointed elsewhere")
            XCTAssertTrue(second.diagnostics.contains { $0.file == link && $0.message.contains(elsewhere.root + "/b.md") },
                          "the warning names where \(link) leads now: \(second.diagnostics)")
            XCTAssertTrue(f.build().upToDate)
            try fm.removeItem(atPath: f.root + "/" + link)
        }
    }

    func testAnEditedPageIsTheOnlyPageWrittenAgain() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let before = inodes(f)
        try f.append("content/kk/42500/documents.md", "\nБұл сөйлем кейін қосылды.\n")
        try assertSameAsCleanBuild(f, after: "an edit")
        let after = inodes(f)
        let written = Set(after.filter { before[$0.key] != $0.value }.keys)
        XCTAssertTrue(written.contains("kk/42500/documents/index.html"), "the edited page is written")
        XCTAssertTrue(written.contains("bulletins/index.json"), "the manifest lists the new bulletin digests")
        for path in written {
            let edited = path.hasPrefix("kk/42500/documents/") || path.hasPrefix("bulletins/kk/42500/documents/")
            XCTAssertTrue(edited || path.hasPrefix("search/kk/") || path == "bulletins/index.json" || path == ".sitegen-output",
                          "\(path) is not touched by the edit and keeps its file")
        }
        XCTAssertEqual(after["ru/42500/documents/index.html"], before["ru/42500/documents/index.html"])
        XCTAssertEqual(after["kk/42500/apply/index.html"], before["kk/42500/apply/index.html"])
    }

    func testAPublishedFileChangedByHandIsBuiltAgain() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let page = f.siteDirectory + "/kk/42500/apply/index.html"
        let bulletin = f.siteDirectory + "/bulletins/kk/42500/apply/text.txt"
        let tampering: [(String, () throws -> Void)] = [
            ("a page with other text", { try f.write("site/kk/42500/apply/index.html", "<a href=\"https://evil.example/\">x</a>") }),
            ("a bulletin of the same size", {
                var bytes = Array(try XCTUnwrap(FileManager.default.contents(atPath: bulletin)))
                bytes[0] = bytes[0] == UInt8(ascii: "X") ? UInt8(ascii: "Y") : UInt8(ascii: "X")
                try f.writeBytes("site/bulletins/kk/42500/apply/text.txt", bytes)
            }),
            ("a page replaced by a link", {
                try f.remove("site/kk/42500/apply/index.html")
                try FileManager.default.createSymbolicLink(atPath: page, withDestinationPath: "/etc/passwd")
            }),
            ("a removed page", { try f.remove("site/kk/42500/apply/index.html") }),
            // Site-wide files taken from the last build when nothing they are made of changed.
            ("the sitemap with other text", { try f.write("site/sitemap.xml", "<urlset><url><loc>https://evil.example/</loc></url></urlset>\n") }),
            ("a search file of the language whose pages did not change", {
                let shard = try XCTUnwrap(f.snapshot().keys.filter { $0.hasPrefix("search/kk/") }.min())
                try f.write("site/" + shard, "{\"evil\": \"https://evil.example/\"}")
            }),
            ("a removed feed", { try f.remove("site/kk/atom.xml") }),
            ("a folder replaced by a link to a copy with a forged page of the same size and time", {
                let outside = f.root + "/outside"
                try? FileManager.default.removeItem(atPath: outside)
                try FileManager.default.copyItem(atPath: f.siteDirectory + "/kk/42500", toPath: outside)
                let forged = outside + "/apply/index.html"
                var info = stat()
                XCTAssertEqual(lstat(page, &info), 0)
                let size = Int(info.st_size)
                let evil = Array("<a href=\"https://evil.example/\">x</a>".utf8)
                try Data(evil + [UInt8](repeating: 0x20, count: size - evil.count)).write(to: URL(fileURLWithPath: forged))
                var times = [info.st_atim, info.st_mtim]
                XCTAssertEqual(utimensat(AT_FDCWD, forged, &times, 0), 0)
                try FileManager.default.removeItem(atPath: f.siteDirectory + "/kk/42500")
                try FileManager.default.createSymbolicLink(atPath: f.siteDirectory + "/kk/42500", withDestinationPath: outside)
            }),
        ]
        // A link is none of the build's: it is refused and kept until taken away by hand.
        let links = ["a page replaced by a link": "kk/42500/apply/index.html",
                     "a folder replaced by a link to a copy with a forged page of the same size and time": "kk/42500"]
        // A file edited in place of a published one is the editor's: set aside, not lost.
        let shard = try XCTUnwrap(f.snapshot().keys.filter { $0.hasPrefix("search/kk/") }.min())
        let edited = ["a page with other text": "kk/42500/apply/index.html",
                      "a bulletin of the same size": "bulletins/kk/42500/apply/text.txt",
                      "the sitemap with other text": "sitemap.xml",
                      "a search file of the language whose pages did not change": shard]
        for (what, tamper) in tampering {
            // A change of content too, so the build is incremental rather than "up to date".
            try f.append("content/ru/42500/apply.md", "\nЕщё одно предложение.\n")
            try tamper()
            if let link = links[what] {
                let refused = f.build()
                XCTAssertFalse(refused.published, what)
                XCTAssertEqual(refused.diagnostics.first { $0.code == "output.folder" }?.arguments["named"], link, what)
                XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: f.siteDirectory + "/" + link).isEmpty, false)
                try f.remove("site/" + link)
            }
            try assertSameAsCleanBuild(f, after: what, kept: edited[what])
            var info = stat()
            XCTAssertEqual(lstat(page, &info), 0)
            XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG, "after \(what)")
        }
    }

    func testADamagedOrForeignCacheIsNotTrusted() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let cache = f.root + "/.site.pages"
        let good = try XCTUnwrap(FileManager.default.contents(atPath: cache))
        let damage: [(String, [UInt8])] = [
            ("cut short", Array(good.prefix(good.count / 2))),
            ("garbage", PageCache.header + [0xFF, 0xFF, 0xFF]),
            ("another format", Array("sitegen page cache 0\n".utf8) + Array(good.dropFirst(21))),
            ("empty", []),
            ("with one byte changed", {
                var bytes = Array(good)
                bytes[bytes.count / 2] ^= 0x01
                return bytes
            }()),
        ]
        for (what, bytes) in damage {
            try f.append("content/kk/42500/apply.md", "\nТағы бір сөйлем.\n")
            try f.writeBytes(".site.pages", bytes)
            XCTAssertNil(PageCache.read(for: f.siteDirectory), "a cache \(what) is not read")
            try assertSameAsCleanBuild(f, after: "a cache \(what)")
        }
        // A cache describing other pages than those published (one copied from another site's build).
        let other = try Fixture.repositoryGuides()
        try other.append("content/kk/42500/apply.md", "\nБасқа сайттың мәтіні.\n")
        XCTAssertTrue(other.build().published)
        try FileManager.default.removeItem(atPath: cache)
        try FileManager.default.copyItem(atPath: other.root + "/.site.pages", toPath: cache)
        try f.append("content/ru/42500/apply.md", "\nЕщё одно предложение.\n")
        try assertSameAsCleanBuild(f, after: "a cache of another site")
    }

    func testACacheNamingFilesOutsideItsPagesPlacesIsRefused() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let page = "content/kk/42500/apply.md"
        let escapes = ["../escape/x.html", "kk/../../escape/x.html", "/tmp/escape.html", "bulletins/kk/42500/apply/../../../../escape.txt",
                       "ru/42500/apply/index.html", "bulletins/kk/42500/apply/sub/x.txt", "bulletins/kk/42500/apply/.."]
        for path in escapes {
            var cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory), "the build left a cache")
            var entry = try XCTUnwrap(cache.pages[page])
            entry.hold(page: try XCTUnwrap(entry.summary(at: page)),
                       outputs: try XCTUnwrap(entry.publishedFiles(at: page)) + [BuildRecord.OutputFile(path: path, identity: 1)])
            cache.pages[page] = entry
            PageCache.write(cache, for: f.siteDirectory)
            XCTAssertNil(PageCache.read(for: f.siteDirectory), "a cache naming \(path) for \(page) is refused")
            try f.append("content/ru/42500/documents.md", "\nЕщё одно предложение.\n")
            try assertSameAsCleanBuild(f, after: "a cache naming \(path)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/escape"))
            XCTAssertFalse(FileManager.default.fileExists(atPath: (f.root as NSString).deletingLastPathComponent + "/escape"))
        }
        // A cached address that its file could not have (a slug out of the folder) refuses the cache too.
        var cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        var entry = try XCTUnwrap(cache.pages[page])
        var escaping = try XCTUnwrap(entry.summary(at: page))
        escaping.frontMatter.slug = "../../escape"
        entry.hold(page: escaping, outputs: try XCTUnwrap(entry.publishedFiles(at: page)))
        cache.pages[page] = entry
        PageCache.write(cache, for: f.siteDirectory)
        XCTAssertNil(PageCache.read(for: f.siteDirectory))
    }

    /// An entry whose list of published files is not what its own results say the page wrote (none
    /// of them, one left out, another order) is refused: a page is never taken as built while its
    /// files are missing from the site, in this build or the next.
    func testACacheListingOtherFilesThanAPagesResultsIsRefused() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let page = "content/kk/42500/apply.md"
        let listed = try XCTUnwrap(PageCache.read(for: f.siteDirectory)?.pages[page]?.publishedFiles(at: page))
        XCTAssertGreaterThan(listed.count, 1, "the page has bulletins")
        for outputs in [[], Array(listed.dropFirst()), Array(listed.reversed())] {
            var cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory), "the build left a cache")
            let summary = try XCTUnwrap(cache.pages[page]?.summary(at: page))
            cache.pages[page]?.hold(page: summary, outputs: outputs)
            cache.file = nil
            PageCache.write(cache, for: f.siteDirectory)
            XCTAssertNil(PageCache.read(for: f.siteDirectory), "a cache listing \(outputs.count) of the page's \(listed.count) files is refused")
            try f.append("content/ru/42500/documents.md", "\nЕщё одно предложение.\n")
            try assertSameAsCleanBuild(f, after: "a cache listing \(outputs.count) files for \(page)")
            XCTAssertNotNil(f.output("kk/42500/apply/index.html"), "the page is published")
        }
    }

    /// A length in a cache beyond what is left of the file (a setup text, an entry) is refused as soon as
    /// it is read: the rest of the file is not read to look for bytes that cannot be there.
    func testACacheLengthBeyondItsFileIsRefusedWithoutReadingIt() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let good = try XCTUnwrap(FileReader.read(f.root + "/.site.pages"))
        let head = Array(good.prefix(PageCache.header.count + 65))
        var huge = ByteWriter()
        huge.int(1 << 40)
        var entry = ByteWriter()
        let cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        entry.string(cache.setup)
        entry.string(cache.index)
        entry.int(1)
        entry.string("content/kk/42500/apply.md")
        entry.int(1 << 40)
        for (what, body) in [("setup text", huge.bytes), ("entry", entry.bytes)] {
            try f.writeBytes(".site.pages", head + body)
            // Made 256 MB long without writing it (a sparse file): the bytes the length asks for are not there.
            XCTAssertEqual(truncate(f.root + "/.site.pages", 256 << 20), 0)
            func bytesRead() throws -> Int {
                let io = try String(contentsOfFile: "/proc/self/io", encoding: .utf8)
                return Int(io.split(separator: "\n").first { $0.hasPrefix("rchar:") }!.split(separator: " ")[1])!
            }
            let before = try bytesRead()
            XCTAssertNil(PageCache.read(for: f.siteDirectory), "a cache whose \(what) runs past its file")
            XCTAssertLessThan(try bytesRead() - before, 32 << 20, "the \(what)'s length was believed: the file was read on")
        }
    }

    func testWarningsOfPagesNotBuiltAgainAreStillReported() throws {
        let f = try Fixture.repositoryGuides()
        // A page without its translation (a site-wide warning), and a section with a slug (a warning of
        // reading the file, which an unchanged file is not read again for).
        try f.write("content/kk/42500/alone.md", "---\ntitle: \"Жалғыз\"\ntranslationKey: \"alone\"\n---\nМәтін.\n")
        try f.write("content/kk/extra/_index.md", "---\ntitle: \"Қосымша\"\ntranslationKey: \"extra\"\nslug: \"x\"\n---\nМәтін.\n")
        try f.write("content/ru/extra/_index.md", "---\ntitle: \"Дополнительно\"\ntranslationKey: \"extra\"\n---\nТекст.\n")
        let first = f.build()
        XCTAssertTrue(first.published)
        XCTAssertTrue(first.diagnostics.contains { $0.file == "content/kk/42500/alone.md" })
        XCTAssertTrue(first.diagnostics.contains { $0.file == "content/kk/extra/_index.md" && $0.code == "frontmatter.slug" })
        try f.append("content/ru/42500/apply.md", "\nЕщё одно предложение.\n")
        let second = f.build()
        XCTAssertFalse(second.upToDate)
        for file in ["content/kk/42500/alone.md", "content/kk/extra/_index.md"] {
            XCTAssertEqual(second.diagnostics.filter { $0.file == file }, first.diagnostics.filter { $0.file == file })
        }
        try assertSameAsCleanBuild(f, after: "an edit beside a page with a warning", built: second)
    }

    func testAFailedBuildChangesNoPublishedFile() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        // One page's bulletin changed by hand (so the page is built again, its other files having been
        // linked first), while another page has an error: nothing published may change.
        try f.write("site/bulletins/kk/42500/apply/text.txt", "changed by hand")
        let before = f.snapshot()
        try f.append("content/ru/42500/documents.md", "\nПоддельный сайт: https://evil.example/\n")
        let failed = f.build()
        XCTAssertTrue(failed.diagnostics.hasErrors)
        XCTAssertFalse(failed.published)
        XCTAssertEqual(f.snapshot(), before, "a failed build leaves every published byte as it was")
        try replace(f, "content/ru/42500/documents.md", "\nПоддельный сайт: https://evil.example/\n", "\n")
        try assertSameAsCleanBuild(f, after: "the error fixed", kept: "bulletins/kk/42500/apply/text.txt")
    }

    func testAForcedBuildWritesEveryFile() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let before = inodes(f)
        XCTAssertTrue(f.build(force: true).published)
        let after = inodes(f)
        XCTAssertTrue(after.allSatisfy { before[$0.key] != $0.value }, "--force links nothing from the last build")
    }

    /// A build keeps only a summary of each page while it works, and reads the page again to build it:
    /// a file saved in between fails the build (the site would mix two states of it), publishing nothing.
    func testAPageEditedWhileTheSiteIsBuiltFailsTheBuild() throws {
        let f = try Fixture()
        let paths = (0..<40).map { "content/ru/page-\($0).md" }
        for (i, path) in paths.enumerated() {
            try f.write(path, "---\ntitle: \"Страница \(i)\"\n---\nСумма: 42 500 тенге.\n")
            try f.write("content/kk/page-\(i).md", "---\ntitle: \"Бет \(i)\"\n---\nСомасы: 42 500 теңге.\n")
        }
        XCTAssertTrue(f.build().published)
        let before = f.snapshot()
        for path in paths { try f.append(path, "Первая правка.\n") }
        // When the first page is built, every file gets a second edit: the pages not built yet were read
        // for the site index before it.
        let root = f.root
        let progress = ProgressLine(delay: 0, label: { done, _ in
            if done == 1 {
                for path in paths {
                    let file = root + "/" + path
                    try? (String(contentsOfFile: file, encoding: .utf8) + "Вторая правка.\n").write(toFile: file, atomically: true, encoding: .utf8)
                }
            }
            return ""
        }, write: { _ in })
        let report = SiteBuilder(options: BuildOptions(sourceDirectory: f.root), progress: progress).run()
        XCTAssertFalse(report.published)
        let changed = report.diagnostics.filter { $0.messageID == "content.io.changed" }
        XCTAssertFalse(changed.isEmpty, "the files edited during the build are named: \(report.diagnostics.filter { $0.severity == .error }.map(\.code))")
        XCTAssertTrue(changed.allSatisfy { paths.contains($0.file) && $0.severity == .error && $0.code == "content.io" })
        // The fix is to build again: the translations of the pages not built are not compared with nothing.
        let others = report.diagnostics.filter { $0.severity == .error && $0.code != "content.io" }
        XCTAssertEqual(others.map(\.code), [], "only the edited files are reported: \(others.map(\.message).prefix(3))")
        XCTAssertFalse(report.diagnostics.contains { $0.code == "translation.missing" }, "their translations are not told they have none")
        XCTAssertTrue(f.snapshot() == before, "the published site is the last build's")
        XCTAssertTrue(f.build().published, "built again, it publishes the files as they are now")
        XCTAssertTrue(String(decoding: f.snapshot()["ru/page-0/index.html"] ?? Data(), as: UTF8.self).contains("Вторая правка"))
    }
}
