import Foundation
import XCTest

/// `sitegen serve` stopped the way an editor stops it, with Ctrl+C: the preview's private folder goes
/// with the process, even when a build was running at that moment.
final class ServeStopTests: XCTestCase {
    /// What the process printed, read on a thread of its own while the test waits.
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func add(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
        var current: String { lock.withLock { text } }
    }

    /// The preview started in a temporary folder of its own (TMPDIR), so what it leaves there is all
    /// the test has to look at. Ctrl+C comes while a full build runs: it waits for the build, removes
    /// the folder and exits with status 0. (The race itself, a build writing into the folder as it
    /// is removed, is `PreviewServerTests.testStoppingDuringABuildLeavesNothingBehind`: here the
    /// process ends too, which ends the build with it.)
    func testCtrlCDuringABuildRemovesThePreviewFolder() throws {
        guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
        let f = try Fixture.repositoryGuides()
        let temporary = f.root + "-tmp"
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }

        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--source", f.root, "--port", "0", "--lang", "en"]
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let output = Output()
        pipe.fileHandleForReading.readabilityHandler = { handle in output.add(handle.availableData) }
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
            let end = Date().addingTimeInterval(seconds)
            while Date() < end {
                if condition() { return true }
                usleep(20_000)
            }
            return condition()
        }
        XCTAssertTrue(waitFor(60) { output.current.contains("http://127.0.0.1:") }, output.current)
        let folders = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("sitegen-serve-") }
        XCTAssertEqual(folders.count, 1, "\(folders)")

        // A change to sitegen.yml asks for a full build, which starts after a pause of 0.2 s for more
        // saves; Ctrl+C comes while it runs.
        try f.append("sitegen.yml", "\n# edited\n")
        usleep(350_000)
        kill(process.processIdentifier, SIGINT)
        XCTAssertTrue(waitFor(60) { !process.isRunning }, "serve did not stop: \(output.current)")
        XCTAssertEqual(process.terminationStatus, 0, output.current)
        // Whatever a build might still write would come now.
        usleep(1_000_000)
        let left = try FileManager.default.subpathsOfDirectory(atPath: temporary)
        XCTAssertEqual(left, [], "left behind in the temporary folder: \(left)")
    }
}
