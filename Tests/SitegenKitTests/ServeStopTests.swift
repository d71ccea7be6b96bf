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

    /// `sitegen serve` on the repository's guides, started in a temporary folder of its own (TMPDIR),
    /// so what it leaves there is all a test has to look at.
    struct Preview {
        let process: Process
        let output: Output
        let temporary: String
        let fixture: Fixture

        /// `before` is given the temporary folder before the preview starts.
        init(before: (String) throws -> Void = { _ in }) throws {
            guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
            fixture = try Fixture.repositoryGuides()
            temporary = fixture.root + "-tmp"
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            try before(temporary)
            process = Process()
            process.executableURL = executable
            process.arguments = ["serve", "--source", fixture.root, "--port", "0", "--lang", "en"]
            var environment = ProcessInfo.processInfo.environment
            environment["TMPDIR"] = temporary
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            let output = Output()
            self.output = output
            pipe.fileHandleForReading.readabilityHandler = { handle in output.add(handle.availableData) }
            try process.run()
        }

        /// Ends whatever is left: the process, and the temporary folder.
        func end() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? FileManager.default.removeItem(atPath: temporary)
        }

        /// What is left in the temporary folder.
        func left() throws -> [String] { try FileManager.default.subpathsOfDirectory(atPath: temporary) }
    }

    static func waitFor(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    /// The preview started in a temporary folder of its own (TMPDIR), so what it leaves there is all
    /// the test has to look at. Ctrl+C comes while a full build runs: it waits for the build, removes
    /// the folder and exits with status 0. (The race itself, a build writing into the folder as it
    /// is removed, is `PreviewServerTests.testStoppingDuringABuildLeavesNothingBehind`: here the
    /// process ends too, which ends the build with it.)
    func testCtrlCDuringABuildRemovesThePreviewFolder() throws {
        let preview = try Preview()
        defer { preview.end() }
        let (process, output) = (preview.process, preview.output)
        XCTAssertTrue(Self.waitFor(60) { output.current.contains("http://127.0.0.1:") }, output.current)
        let folders = try FileManager.default.contentsOfDirectory(atPath: preview.temporary).filter { $0.hasPrefix("sitegen-serve-") }
        XCTAssertEqual(folders.count, 1, "\(folders)")

        // A change to sitegen.yml asks for a full build, which starts after a pause of 0.2 s for more
        // saves; Ctrl+C comes while it runs.
        try preview.fixture.append("sitegen.yml", "\n# edited\n")
        usleep(350_000)
        kill(process.processIdentifier, SIGINT)
        XCTAssertTrue(Self.waitFor(60) { !process.isRunning }, "serve did not stop: \(output.current)")
        XCTAssertEqual(process.terminationStatus, 0, output.current)
        // Whatever a build might still write would come now.
        usleep(1_000_000)
        XCTAssertEqual(try preview.left(), [], "left behind in the temporary folder")
    }

    /// Ctrl+C before the address is shown (during the first build, or as it is printed) stops the preview
    /// too. It once ended the process by default, leaving the folder with the build's staging folder in
    /// it, or, in the moment the handlers were being installed, was lost and the preview ran on.
    func testCtrlCDuringTheFirstBuildStopsAndLeavesNothing() throws {
        for delay: useconds_t in [60_000, 150_000, 300_000, 600_000] {
            let preview = try Preview()
            defer { preview.end() }
            usleep(delay)
            kill(preview.process.processIdentifier, SIGINT)
            XCTAssertTrue(Self.waitFor(60) { !preview.process.isRunning }, "after \(delay) µs, serve did not stop: \(preview.output.current)")
            // Before its handlers are installed the signal ends the process, with nothing made yet.
            let status = preview.process.terminationStatus, reason = preview.process.terminationReason
            XCTAssertTrue((reason == .exit && status == 0) || (reason == .uncaughtSignal && status == SIGINT),
                          "after \(delay) µs: \(reason) \(status) \(preview.output.current)")
            usleep(300_000)
            XCTAssertEqual(try preview.left(), [], "after \(delay) µs, left behind in the temporary folder")
        }
    }

    /// A preview killed, or stopped twice without waiting, leaves its folder: the next preview removes
    /// it (its process gone, its marker in it), and nothing of the same name that a preview did not make.
    func testTheNextPreviewRemovesWhatAKilledOneLeft() throws {
        let fm = FileManager.default
        let preview = try Preview { temporary in
            for (name, files) in [("sitegen-serve-3999999-abc123", [".sitegen-serve", "site/index.html", ".site.files"]),
                                  ("sitegen-serve-3999998-abc123", ["site/notes.txt"])] {
                for file in files {
                    try fm.createDirectory(atPath: temporary + "/" + name + "/" + (file as NSString).deletingLastPathComponent,
                                           withIntermediateDirectories: true)
                    try Data("x".utf8).write(to: URL(fileURLWithPath: temporary + "/" + name + "/" + file))
                }
            }
        }
        defer { preview.end() }
        XCTAssertTrue(Self.waitFor(60) { preview.output.current.contains("http://127.0.0.1:") }, preview.output.current)
        let left = try fm.contentsOfDirectory(atPath: preview.temporary).sorted()
        XCTAssertFalse(left.contains("sitegen-serve-3999999-abc123"), "\(left)")
        XCTAssertTrue(fm.fileExists(atPath: preview.temporary + "/sitegen-serve-3999998-abc123/site/notes.txt"), "someone's own stays")
        kill(preview.process.processIdentifier, SIGTERM)
        XCTAssertTrue(Self.waitFor(60) { !preview.process.isRunning }, preview.output.current)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: preview.temporary), ["sitegen-serve-3999998-abc123"])
    }

    /// A second Ctrl+C does not wait for the build: the process ends at once, with the status of the
    /// signal (128 + its number), as a shell reports an interrupted command.
    func testASecondSignalEndsAtOnce() throws {
        let preview = try Preview()
        defer { preview.end() }
        XCTAssertTrue(Self.waitFor(60) { preview.output.current.contains("http://127.0.0.1:") }, preview.output.current)
        try preview.fixture.append("sitegen.yml", "\n# edited\n")
        usleep(300_000)
        kill(preview.process.processIdentifier, SIGTERM)
        usleep(20_000)
        kill(preview.process.processIdentifier, SIGTERM)
        XCTAssertTrue(Self.waitFor(60) { !preview.process.isRunning }, preview.output.current)
        // Either the first signal's stop finished first (0), or the second ended it (143).
        // Never a crash: `exit` under the running build's threads once ended it with a segmentation fault.
        XCTAssertEqual(preview.process.terminationReason, .exit, "ended by signal \(preview.process.terminationStatus)")
        XCTAssertTrue([0, 128 + SIGTERM].contains(preview.process.terminationStatus), "\(preview.process.terminationStatus)")
    }
}
