import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// Symbolic links and awkward file names in the source: followed or refused, never silently lost.
final class SourceFilesTests: XCTestCase {
    func testALinkInsideTheSourceIsFollowedAndOneLeadingOutIsAWarningNamingIt() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\n---\n",
            "shared/b.md": "---\ntitle: B\n---\n",
            "shared/logo.txt": "logo",
            "shared/more/c.md": "---\ntitle: C\n---\n",
        ])
        let outside = NSTemporaryDirectory() + "sitegen-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data("---\ntitle: Secret\n---\n".utf8).write(to: URL(fileURLWithPath: outside + "/secret.md"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
        try f.symlink("content/kk/b.md", to: "../../shared/b.md")
        try f.symlink("content/kk/secret.md", to: outside + "/secret.md")
        try f.symlink("content/kk/gone.md", to: f.root + "/nowhere.md")
        try f.symlink("content/kk/loop", to: "..")
        try f.symlink("content/kk/more", to: "../../shared/more")
        try f.symlink("static/logo.txt", to: "../shared/logo.txt")
        try f.symlink("static/secret.txt", to: outside + "/secret.txt")

        let report = f.build()
        let links = report.diagnostics.filter { $0.code == "content.symlink" }
        XCTAssertEqual(links.map(\.file), ["content/kk/gone.md", "content/kk/loop", "content/kk/secret.md", "static/secret.txt"])
        XCTAssertTrue(links.allSatisfy { $0.severity == .warning })
        XCTAssertTrue(links[1].message.contains("a folder above it") && links[1].message.hasSuffix("delete the link"), links[1].message)
        XCTAssertTrue(links[2].message.contains(outside) && links[2].message.contains("outside the source folder"), links[2].message)
        XCTAssertTrue(report.published)
        XCTAssertNotNil(f.output("kk/b/index.html"), "a link inside the source is followed")
        XCTAssertNotNil(f.output("kk/more/c/index.html"), "so is a link to a folder, whose pages keep the link's name")
        XCTAssertEqual(f.output("logo.txt"), "logo")
        XCTAssertNil(f.output("kk/secret/index.html"))
        XCTAssertNil(f.output("secret.txt"), "nothing outside the source is published")

        var strict = BuildOptions(sourceDirectory: f.root)
        strict.strict = true
        XCTAssertFalse(SiteBuilder(options: strict).run().published, "--strict makes the warning an error")
    }

    func testALanguageFolderLinkedToAnotherStopsTheBuildInsteadOfLosingALanguage() throws {
        let page = "---\ntitle: Өтініш\ntranslationKey: apply\n---\n\nМәтін.\n"
        for (link, target) in [("content/ru", "kk"), ("content/kk", "ru")] {
            let f = try Fixture(files: [(target == "kk" ? "content/kk/a.md" : "content/ru/a.md"): page,
                                        (target == "kk" ? "content/kk/b/c.md" : "content/ru/b/c.md"): page.replacingOccurrences(of: "apply", with: "c")])
            try f.symlink(link, to: target)
            for checkOnly in [true, false] {
                let report = f.build(checkOnly: checkOnly)
                XCTAssertFalse(report.published)
                let twice = report.diagnostics.filter { $0.code == "content.symlink-twice" }
                XCTAssertEqual(twice.map(\.file), [link], "whichever name sorts first, the link is the one refused")
                XCTAssertEqual(twice.first?.severity, .error)
                XCTAssertTrue(twice.first?.message.contains("read already as content/" + target) == true, twice.first?.message ?? "")
                XCTAssertTrue(twice.first?.message.contains("copy the folder into " + link) == true, twice.first?.message ?? "")
            }
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/site"), "nothing is published")
        }
    }

    func testAFolderReachedThroughTwoLinksIsReadOnceUnderTheFirstNameAndTheSecondIsRefused() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\n---\n",
            "shared/guides/sub/b.md": "---\ntitle: B\n---\n",
        ])
        // The second link reaches, below its own folder, the folder the first one already read.
        try f.symlink("content/kk/a-sub", to: "../../shared/guides/sub")
        try f.symlink("content/kk/b-all", to: "../../shared/guides")
        let report = f.build(checkOnly: true)
        let twice = report.diagnostics.filter { $0.code == "content.symlink-twice" }
        XCTAssertEqual(twice.map(\.file), ["content/kk/b-all/sub"])
        XCTAssertTrue(twice.first?.message.contains("read already as content/kk/a-sub") == true, twice.first?.message ?? "")
        XCTAssertFalse(report.diagnostics.contains { $0.code == "content.symlink" }, "not a loop: the link leads sideways")
    }

    /// A link may not reach what the build never publishes: a hidden folder (`.git`), another input
    /// folder (`static/c` to `content/` would publish every page's Markdown, drafts included), or a place
    /// outside the source through `content/` or `static/` being a link itself.
    func testALinkIntoAHiddenFolderOrAnotherInputIsNotFollowed() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\n---\n",
            "content/kk/draft.md": "---\ntitle: D\ndraft: true\n---\nDRAFT-TEXT\n",
            ".git/config": "[core]\n",
            ".private/key.txt": "key",
            "static/logo.txt": "logo",
        ])
        try f.symlink("static/git", to: "../.git")
        try f.symlink("static/key.txt", to: "../.private/key.txt")
        try f.symlink("static/c", to: "../content")
        try f.symlink("static/t", to: "../templates")
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        let links = report.diagnostics.filter { $0.code == "content.symlink" }
        XCTAssertEqual(links.map(\.file), ["static/c", "static/git", "static/key.txt", "static/t"])
        XCTAssertEqual(links.map { $0.messageID ?? "" }, ["content.symlink.input", "content.symlink.hidden", "content.symlink.hidden", "content.symlink.input"])
        XCTAssertTrue(links[0].message.contains("draft"), links[0].message)
        for path in ["git/config", "key.txt", "c/kk/draft.md", "t/page.mustache"] { XCTAssertNil(f.output(path), path) }
        XCTAssertEqual(f.output("logo.txt"), "logo")
    }

    /// Inputs are known by where they are, not by their names: `static/` linked to the site folder, a
    /// link to `content/` under another name, or a folder linked into both `content/` and `static/`
    /// never publishes a page's Markdown.
    func testNoLinkPublishesAPagesMarkdownWhateverItsName() throws {
        let draft = "---\ntitle: D\ndraft: true\n---\nDRAFT-TEXT\n"
        // static/ is the site folder itself.
        let whole = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "content/kk/d.md": draft])
        try FileManager.default.removeItem(atPath: whole.root + "/static")
        try whole.symlink("static", to: ".")
        let first = whole.build()
        XCTAssertEqual(first.diagnostics.first { $0.code == "content.symlink" }?.messageID, "content.symlink.input")
        for path in ["content/kk/d.md", "sitegen.yml", "templates/page.mustache"] { XCTAssertNil(whole.output(path), path) }

        // content/ is a link to pages/, and static/ links to pages/ and to a folder content/ links too.
        let named = try Fixture(files: ["pages/kk/a.md": "---\ntitle: A\n---\n", "pages/kk/d.md": draft,
                                        "shared/guide/plan.md": draft, "shared/guide/pic.txt": "pic"])
        try named.symlink("content", to: "pages")
        try named.symlink("static/c", to: "../pages")
        try named.symlink("pages/kk/guide", to: "../../shared/guide")
        try named.symlink("static/guide", to: "../shared/guide")
        let report = named.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        let links = report.diagnostics.filter { $0.code == "content.symlink" }
        XCTAssertEqual(links.map(\.file), ["static/c", "static/guide/plan.md"])
        XCTAssertEqual(links.map { $0.messageID ?? "" }, ["content.symlink.input", "content.symlink.page"])
        XCTAssertNil(named.output("c/kk/d.md"))
        XCTAssertNil(named.output("guide/plan.md"), "the draft's Markdown is not published")
        XCTAssertEqual(named.output("guide/pic.txt"), "pic", "the rest of the shared folder is")
        XCTAssertNotNil(named.output("kk/a/index.html"))

        // A hard link is the same file under another name.
        let hard = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "content/kk/d.md": draft])
        XCTAssertEqual(link(hard.root + "/content/kk/d.md", hard.root + "/static/d.txt"), 0)
        let third = hard.build()
        XCTAssertTrue(third.published, "\(third.diagnostics)")
        XCTAssertEqual(third.diagnostics.first { $0.code == "content.symlink" }?.messageID, "content.symlink.page")
        XCTAssertNil(hard.output("d.txt"))
    }

    /// A link swapped between the walk and the copy: the copy reads the file the walk judged, or nothing.
    func testAFileIsReadOnlyIfItIsStillTheFileThatWasJudged() throws {
        let f = try Fixture(files: ["notes/ok.txt": "fine", "notes/secret.txt": "secret"])
        let link = f.root + "/static/t.txt"
        try f.symlink("static/t.txt", to: "../notes/ok.txt")
        let (files, _) = SourceWalk(sourceDirectory: f.root).files(under: "static")
        let judged = try XCTUnwrap(files.first { $0.relative == "t.txt" }?.identity)
        XCTAssertEqual(FileReader.read(link, identity: judged), Array("fine".utf8))
        try FileManager.default.removeItem(atPath: link)
        try f.symlink("static/t.txt", to: "../sitegen.yml")
        XCTAssertNil(FileReader.read(link, identity: judged))
        XCTAssertEqual(errno, ESTALE)
    }

    func testContentOrStaticThatIsItselfALinkOutsideTheSourceIsNotRead() throws {
        let outside = NSTemporaryDirectory() + "sitegen-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: outside + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try Data("secret".utf8).write(to: URL(fileURLWithPath: outside + "/sub/secret.txt"))
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
        try FileManager.default.removeItem(atPath: f.root + "/static")
        try f.symlink("static", to: outside)
        let report = f.build()
        let link = try XCTUnwrap(report.diagnostics.first { $0.code == "content.symlink" })
        XCTAssertEqual(link.file, "static")
        XCTAssertEqual(link.messageID, "content.symlink.outside")
        XCTAssertEqual(link.severity, .error, "a site without its styles would replace the published one")
        XCTAssertFalse(report.published)
        XCTAssertNil(f.output("sub/secret.txt"), "nothing outside the source is published")
    }

    /// A loop through a linked folder is a loop, wherever the walk meets it; a folder of images shared
    /// by two languages holds no page, so its second name loses nothing.
    func testALoopThroughALinkedFolderWarnsAndASharedFolderWithoutPagesPasses() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\ntranslationKey: a\n---\n",
            "content/ru/a.md": "---\ntitle: A\ntranslationKey: a\n---\n",
            "content/kk/img/shot.txt": "png",
            "shared/b.md": "---\ntitle: B\n---\n",
        ])
        try f.symlink("shared/up", to: "../content")
        try f.symlink("content/kk/shared", to: "../../shared")
        try f.symlink("content/ru/img", to: "../kk/img")
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        let links = report.diagnostics.filter { $0.code.hasPrefix("content.symlink") }
        XCTAssertEqual(links.map(\.file), ["content/kk/shared/up"])
        XCTAssertEqual(links.first?.messageID, "content.symlink.loop")
        XCTAssertNotNil(f.output("kk/shared/b/index.html"))
    }

    func testFileNamesThatCannotBeAddressesAreRefusedWithAName() throws {
        let f = try Fixture(files: [
            "content/kk/my page.md": "---\ntitle: A\n---\n",
            "content/kk/өтініш.md": "---\ntitle: B\n---\n",
            "content/kk/құжаттар/a.md": "---\ntitle: C\n---\n",
            "content/kk/жалған.md": "---\ntitle: D\nslug: fakes\n---\n",
        ])
        let d = f.build(checkOnly: true).diagnostics.filter { $0.code == "content.filename" }
        XCTAssertEqual(d.map(\.file), ["content/kk/my page.md", "content/kk/құжаттар/a.md", "content/kk/өтініш.md"],
                       "a slug names the page instead of its file")
        XCTAssertTrue(d[0].message.contains("'my page'") && d[0].message.contains("'my-page'"), d[0].message)
        XCTAssertTrue(d[1].message.contains("'quzhattar'"), d[1].message)
        XCTAssertTrue(d[2].message.contains("'otinish'") && d[2].message.contains("slug:"), d[2].message)
        XCTAssertTrue(d.allSatisfy { $0.line == 1 && $0.column == 1 })
    }

    func testNamesThatDifferOnlyInCaseClash() throws {
        let f = try Fixture(files: [
            "content/kk/Apply.md": "---\ntitle: A\n---\n",
            "content/kk/apply.md": "---\ntitle: B\n---\n",
            "static/Logo.svg": "<svg/>",
            "static/logo.svg": "<svg/>",
        ])
        let report = f.build()
        XCTAssertFalse(report.published)
        let clash = try XCTUnwrap(report.diagnostics.first { $0.code == "content.url-clash" })
        XCTAssertTrue(clash.message.contains("differ only in case"), clash.message)
        // Each file is named with its own address.
        XCTAssertTrue(clash.message.contains("content/kk/apply.md and content/kk/Apply.md are published at /kk/apply/ and /kk/Apply/"), clash.message)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "content.case-clash" && $0.file == "static/logo.svg" })
    }

    func testHiddenFilesAreLeftOut() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "content/kk/.b.md": "---\ntitle: B\n---\n"])
        XCTAssertTrue(f.build().published)
        XCTAssertNil(f.output("kk/.b/index.html"))
    }

    /// A name that is not UTF-8 is an error naming it, escaped, in content/ and static/ alike: before,
    /// such a page or file was left out without a word.
    func testANameThatIsNotUTF8IsAnErrorNamingIt() throws {
        let f = try Fixture.repositoryGuides()
        let page = Array("---\ntitle: Бет\n---\nМәтін.\n".utf8)
        func make(_ relative: [UInt8], _ bytes: [UInt8]? = nil) {
            let path = Array((f.root + "/").utf8) + relative + [0]
            path.withUnsafeBufferPointer {
                $0.withMemoryRebound(to: CChar.self) { name in
                    guard let bytes else { return XCTAssertEqual(mkdir(name.baseAddress!, 0o755), 0) }
                    let fd = open(name.baseAddress!, O_CREAT | O_WRONLY, 0o644)
                    XCTAssertGreaterThanOrEqual(fd, 0)
                    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    close(fd)
                }
            }
        }
        make(Array("content/kk/p".utf8) + [0xFF] + Array(".md".utf8), page)
        make(Array("static/bad".utf8) + [0xC3, 0x28] + Array(".txt".utf8), Array("x".utf8))
        make(Array("static/esc\u{1B}[31m".utf8) + [0xFE])
        make(Array("static/esc\u{1B}[31m".utf8) + [0xFE] + Array("/in.txt".utf8), Array("y".utf8))
        // Junk no page is made of, beside the pages, is no one's concern.
        make(Array("content/kk/notes".utf8) + [0xFF] + Array(".txt".utf8), Array("z".utf8))
        let report = f.build()
        XCTAssertFalse(report.published)
        let named = Set(report.diagnostics.filter { $0.code == "content.filename" && $0.messageID == "content.filename.bytes" }.map(\.file))
        XCTAssertEqual(named, ["content/kk/p\u{FFFD}.md", "static/bad\u{FFFD}(.txt", "static/esc\u{1B}[31m\u{FFFD}"])
        // The escape in a name reaches no terminal or CI log: text and GitHub's format show U+FFFD.
        for d in report.diagnostics {
            let shown = DiagnosticFormatter.line(d, language: .en, printable: true) + DiagnosticFormatter.githubCommand(d).dropLast()
            XCTAssertFalse(shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" }, shown)
        }
        XCTAssertNil(report.diagnostics.first { $0.file.hasPrefix("content/kk/notes") })
        for language in [MessageLanguage.en, .kk, .ru] {
            let message = try XCTUnwrap(report.diagnostics.first { $0.file == "content/kk/p\u{FFFD}.md" }).message(in: language)
            XCTAssertTrue(message.contains("content/kk/p\u{FFFD}.md"), message)
        }
    }

    /// A static file whose path is longer than the system can name (PATH_MAX) is an error naming where
    /// the walk stopped: before, it was left out without a word.
    func testAStaticFileTooDeepToNameIsAnErrorNotLeftOut() throws {
        let f = try Fixture.repositoryGuides()
        let name = String(repeating: "a", count: 200)
        var fd = open(f.root + "/static", O_RDONLY | O_DIRECTORY)
        for _ in 0..<22 {
            XCTAssertEqual(mkdirat(fd, name, 0o755), 0)
            let next = openat(fd, name, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
        }
        let file = openat(fd, "deep.txt", O_CREAT | O_WRONLY, 0o644)
        XCTAssertGreaterThanOrEqual(file, 0)
        close(file)
        close(fd)
        let report = f.build()
        XCTAssertFalse(report.published)
        let refusal = try XCTUnwrap(report.diagnostics.first { $0.code == "content.io" && $0.file.hasPrefix("static/" + name) })
        XCTAssertTrue(refusal.message.contains(String(cString: strerror(ENAMETOOLONG))), refusal.message)
        // The fixture's folder goes with it: FileManager cannot remove a path that long.
        _ = try? FileManager.default.removeItem(atPath: f.root + "/static/" + name)
    }
}
