import CPosix
import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// An input that is there but cannot be read is refused by name, and the site published before stays
/// as it was: one that is no regular file (a FIFO, or a link to a device) without waiting on it or
/// reading it for ever, and a folder of pages or static files that cannot be listed without taking it
/// for empty.
final class UnreadableInputTests: XCTestCase {
    /// Every kind of input a build reads: the setup, interface strings, a template, a stylesheet and
    /// script (read to name them by their bytes), a static file, and a page.
    static let inputs = [
        "sitegen.yml", "i18n/kk.yml", "templates/page.mustache", "static/style.css", "static/search.js",
        "static/extra.txt", "content/kk/42500/pipe.md",
    ]

    /// Builds on another thread, so that a build waiting on a FIFO fails the test instead of hanging it;
    /// after the wait the FIFO is fed and closed, so that the stuck build ends too.
    private func buildWithoutWaiting(_ f: Fixture, checkOnly: Bool, fifo: String?) -> BuildReport? {
        nonisolated(unsafe) var report: BuildReport?
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let fixture = f
        DispatchQueue.global().async {
            report = fixture.build(checkOnly: checkOnly)
            done.signal()
        }
        guard done.wait(timeout: .now() + 60) == .success else {
            if let fifo {
                let fd = open(fifo, O_WRONLY | O_NONBLOCK)
                if fd >= 0 { close(fd) }
            }
            return nil
        }
        return report
    }

    func testAFIFOOrADeviceInPlaceOfAnInputIsRefusedByNameWithoutWaiting() throws {
        for input in Self.inputs {
            // A link leading out of the source is left out of content/ and static/ with a warning of
            // its own (content.symlink), so a link to a device is tried only where nothing is walked; a
            // device itself is made where the system allows it (as root, as in CI).
            let walked = input.hasPrefix("content/") || input.hasPrefix("static/")
            let f = try Fixture.repositoryGuides()
            try f.write("static/extra.txt", "Қосымша.\n")
            XCTAssertTrue(f.build().published)
            let before = f.snapshot()
            let path = f.root + "/" + input
            for kind in walked ? ["fifo", "device"] : ["fifo", "link to /dev/zero", "device"] {
                unlink(path)
                switch kind {
                case "fifo": XCTAssertEqual(mkfifo(path, 0o644), 0, input)
                // 1:5 is the kernel's /dev/zero.
                case "device": guard mknod(path, S_IFCHR | 0o644, dev_t(1 << 8 | 5)) == 0 else { continue }
                default: XCTAssertEqual(Foundation.symlink("/dev/zero", path), 0, input)
                }
                for checkOnly in [true, false] {
                    let what = "\(input) as a \(kind)\(checkOnly ? ", checked" : "")"
                    guard let report = buildWithoutWaiting(f, checkOnly: checkOnly, fifo: kind == "fifo" ? path : nil) else {
                        XCTFail("\(what): the build waits on it")
                        continue
                    }
                    XCTAssertFalse(report.published, what)
                    let refusal = report.diagnostics.first { $0.severity == .error && $0.file == input }
                    XCTAssertNotNil(refusal, "\(what): no error names it; got \(report.diagnostics.map { "\($0.file): \($0.message)" })")
                    XCTAssertTrue(refusal?.message.contains("regular file") ?? false, "\(what): \(refusal?.message ?? "")")
                    XCTAssertEqual(f.snapshot(), before, "\(what): the published site changed")
                }
            }
        }
    }

    func testAFolderOfPagesOrStaticFilesThatCannotBeReadIsAnErrorNotAGap() throws {
        let f = try Fixture.repositoryGuides()
        try f.write("content/kk/extra/page.md", "---\ntitle: Қосымша\n---\nМәтін.\n")
        try f.write("static/img/logo.txt", "логотип\n")
        for folder in ["content/kk/extra", "static/img"] {
            let path = f.root + "/" + folder
            chmod(path, 0o300)
            defer { chmod(path, 0o755) }
            let input = String(folder.prefix { $0 != "/" })
            for step in [f.root, f.root + "/content", f.root + "/content/kk", f.root + "/static"] { chmod(step, 0o755) }
            let (files, diagnostics) = asAnotherUser { SourceWalk(sourceDirectory: f.root).files(under: input) }
            let refusal = diagnostics.first { $0.severity == .error && $0.file == folder }
            XCTAssertNotNil(refusal, "\(folder): \(diagnostics.map(\.message))")
            XCTAssertEqual(refusal?.code, "content.io")
            XCTAssertTrue(refusal?.message.contains(String(cString: strerror(EACCES))) ?? false, refusal?.message ?? "")
            XCTAssertFalse(files.isEmpty, "\(folder): the rest of \(input)/ is still listed")
        }
    }

    /// Runs `body` as another user (uid 65534) on this thread only (the file-system user is the
    /// thread's) when the tests run as root, whom a folder's mode keeps out of nothing; as themselves
    /// otherwise.
    ///
    /// A thread takes the file-system user of the thread that made it: a worker of the shared pool made
    /// while `body` runs (to digest files on every core) would stay that user, and every later test's
    /// build would be refused the right to write. The pool's workers are made first.
    private func asAnotherUser<T>(_ body: () -> T) -> T {
        guard getuid() == 0 else { return body() }
        DispatchQueue.concurrentPerform(iterations: 8 * ProcessInfo.processInfo.activeProcessorCount) { _ in usleep(2_000) }
        let before = sg_set_file_user(65534)
        defer { sg_set_file_user(UInt32(before)) }
        return body()
    }

    /// A templates/ or i18n/ folder that is there but cannot be listed is named as such, not taken
    /// for empty (which advised adding templates and strings that are there), and a build that cannot
    /// list i18n/ is never "up to date": an edit to a file in it could not be seen.
    func testATemplatesOrStringsFolderThatCannotBeListedIsNamedAndNeverUpToDate() throws {
        let f = try Fixture.repositoryGuides()
        for step in [f.root, f.root + "/templates", f.root + "/i18n"] { chmod(step, 0o755) }
        for file in ["templates/page.mustache", "i18n/kk.yml", "i18n/ru.yml"] { chmod(f.root + "/" + file, 0o644) }
        chmod(f.root + "/templates", 0o311)
        defer { chmod(f.root + "/templates", 0o755) }
        let (templates, templateDiagnostics) = asAnotherUser { Templates.load(sourceDirectory: f.root) }
        XCTAssertNil(templates)
        XCTAssertEqual(templateDiagnostics.map(\.messageID), ["template.io"], "\(templateDiagnostics.map(\.message))")
        XCTAssertEqual(templateDiagnostics.first?.file, "templates")
        XCTAssertTrue(templateDiagnostics.first?.message.contains(String(cString: strerror(EACCES))) ?? false)

        chmod(f.root + "/i18n", 0o000)
        defer { chmod(f.root + "/i18n", 0o755) }
        let (_, stringDiagnostics) = asAnotherUser { Strings.load(sourceDirectory: f.root, languages: ["kk", "ru"]) }
        XCTAssertEqual(Set(stringDiagnostics.map(\.file)), ["i18n/kk.yml", "i18n/ru.yml"])
        XCTAssertTrue(stringDiagnostics.allSatisfy { $0.code == "content.io" && $0.message.contains(String(cString: strerror(EACCES))) },
                      "\(stringDiagnostics.map(\.message))")

        // Entered but not listed: its files are read by name; the digest of the inputs cannot hold them.
        chmod(f.root + "/i18n", 0o311)
        let options = BuildOptions(sourceDirectory: f.root)
        let (first, second) = asAnotherUser { (InputDigest.of(options), InputDigest.of(options)) }
        XCTAssertNotEqual(first.whole, second.whole, "a folder that cannot be listed makes no two digests alike")
        // Nor two setups: the page cache, kept while the setup matches, would serve pages made with the
        // strings as they were.
        XCTAssertNotEqual(first.setup, second.setup)
        chmod(f.root + "/i18n", 0o755)
        XCTAssertEqual(InputDigest.of(options).whole, InputDigest.of(options).whole)
    }

    /// A language's folder that is no folder (a FIFO, a file) is an error naming it: before, every page
    /// of that language left the site with a build that succeeded.
    func testALanguageFolderThatIsNoFolderIsAnError() throws {
        for kind in ["fifo", "file"] {
            let f = try Fixture.repositoryGuides()
            XCTAssertTrue(f.build().published)
            let before = f.snapshot()
            try f.remove("content/ru")
            if kind == "fifo" { XCTAssertEqual(mkfifo(f.root + "/content/ru", 0o644), 0) } else { try f.write("content/ru", "страницы") }
            let report = f.build()
            XCTAssertFalse(report.published, kind)
            XCTAssertNotNil(report.diagnostics.first { $0.severity == .error && $0.code == "content.io" && $0.file == "content/ru" },
                            "\(kind): \(report.diagnostics.map(\.message))")
            XCTAssertEqual(f.snapshot(), before, kind)
        }
    }

    /// A socket in place of an input is "not a regular file" like a FIFO, not "no such device".
    func testASocketInPlaceOfTheSetupIsNotARegularFile() throws {
        let f = try Fixture.repositoryGuides()
        try f.remove("sitegen.yml")
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let path = Array((f.root + "/sitegen.yml").utf8)
        guard path.count < MemoryLayout.size(ofValue: address.sun_path) else { throw XCTSkip("the fixture's path is too long for a socket") }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        let report = f.build()
        XCTAssertFalse(report.published)
        let refusal = try XCTUnwrap(report.diagnostics.first { $0.file == "sitegen.yml" })
        XCTAssertTrue(refusal.message.contains("not a regular file"), refusal.message)
    }

    /// A file larger than a build reads whole is refused by name, not a crash on a failed allocation.
    func testAnInputTooLargeToReadIsRefusedByName() throws {
        for input in ["content/kk/big.md", "templates/footer.mustache", "static/big.txt"] {
            let f = try Fixture.repositoryGuides()
            try f.write(input, "")
            XCTAssertEqual(truncate(f.root + "/" + input, off_t(FileReader.limit) + 1), 0)
            let report = f.build()
            XCTAssertFalse(report.published, input)
            let refusal = report.diagnostics.first { $0.severity == .error && $0.file == input }
            XCTAssertTrue(refusal?.message.contains(String(cString: strerror(EFBIG))) ?? false, "\(input): \(report.diagnostics.map(\.message))")
        }
    }
}
