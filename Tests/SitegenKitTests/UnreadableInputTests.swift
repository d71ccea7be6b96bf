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
                    XCTAssertTrue(refusal?.message.contains("not a regular file") ?? false, "\(what): \(refusal?.message ?? "")")
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
            // As root a folder's mode keeps no one out: the walk runs as another user, on this thread
            // only (the file-system user is the thread's).
            let (files, diagnostics): ([SourceWalk.File], [Diagnostic])
            if getuid() == 0 {
                for step in [f.root, f.root + "/content", f.root + "/content/kk", f.root + "/static"] { chmod(step, 0o755) }
                let before = sg_set_file_user(65534)
                (files, diagnostics) = SourceWalk(sourceDirectory: f.root).files(under: input)
                sg_set_file_user(UInt32(before))
            } else {
                (files, diagnostics) = SourceWalk(sourceDirectory: f.root).files(under: input)
            }
            let refusal = diagnostics.first { $0.severity == .error && $0.file == folder }
            XCTAssertNotNil(refusal, "\(folder): \(diagnostics.map(\.message))")
            XCTAssertEqual(refusal?.code, "content.io")
            XCTAssertTrue(refusal?.message.contains(String(cString: strerror(EACCES))) ?? false, refusal?.message ?? "")
            XCTAssertFalse(files.isEmpty, "\(folder): the rest of \(input)/ is still listed")
        }
    }
}
