import Foundation
import XCTest

@testable import SitegenKit

/// A build that is killed, or that cannot write, leaves the last good site as it was, and the next
/// build cleans up after it. These run the `sitegen` executable, as a user does.
final class OutputFaultTests: XCTestCase {
    /// A site large enough that a debug build takes a while to write.
    private func largeSite() throws -> Fixture {
        var files: [String: String] = [:]
        for i in 0..<160 {
            let body = String(repeating: "Өтінімді [egov.kz](https://egov.kz/) порталы арқылы беріңіз. ", count: 20)
            files["content/kk/s\(i % 7)/p\(i).md"] = "---\ntitle: \"Бет \(i)\"\n---\n\(body)\n\n1. Бірінші\n2. Екінші\n"
        }
        return try Fixture(files: files)
    }

    private func stagingFolders(_ f: Fixture) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: f.root)) ?? []).filter { $0.hasPrefix(".site.tmp-") }
    }

    func testABuildKilledWhileWritingLeavesThePreviousSiteAndTheNextBuildCleansUp() throws {
        guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
        let f = try largeSite()
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        try f.write("content/kk/new.md", "---\ntitle: New\n---\n")

        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--source", f.root]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once it is writing its staging folder, before it can publish.
        let deadline = Date().addingTimeInterval(20)
        while stagingFolders(f).isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the build was killed before it finished")
        XCTAssertEqual(f.snapshot(), before, "the last good site is untouched")
        XCTAssertEqual(stagingFolders(f).count, 1, "the killed build left its staging folder")

        let rebuilt = try CommandLineTests.execute(["build", "--source", f.root])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(stagingFolders(f), [], "the next build removed the leftovers")
        XCTAssertNotNil(f.output("kk/new/index.html"))
        XCTAssertEqual(OutputFolder.markerFormat(in: f.siteDirectory), OutputFolder.formatVersion)
    }

    func testAFullDiskIsAClearErrorAndThePreviousSiteStays() throws {
        guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
        let f = try largeSite()
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        try f.write("content/kk/new.md", "---\ntitle: New\n---\n")
        // A file-size limit below the size of the search index: a write fails as on a full disk.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "ulimit -f 8 && exec \"$0\" build --source \"$1\"", executable.path, f.root]
        let err = Pipe()
        shell.standardError = err
        try shell.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains("error: cannot write") && stderr.contains("[output.io]"), stderr)
        XCTAssertEqual(f.snapshot(), before, "the last good site is untouched")
        XCTAssertEqual(stagingFolders(f), [], "the failed build removed its staging folder")
    }
}
