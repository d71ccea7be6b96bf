import Foundation
import XCTest

/// A Python oracle (`Tests/oracle/*.py`) asked many questions in one process: one JSON request a
/// line in, one JSON answer a line out, through files rather than pipes, so no side waits on the
/// other. A script that exits 3 says its library is missing: the test fails when `CI` is set (CI
/// installs it with `make deps`) and is skipped otherwise.
enum OracleProcess {
    struct Missing: Error {}

    /// One answer line per request; `missing` names the library for the message when it is not installed.
    static func run(script: String, requests: [[String: String]], missing library: String) throws -> [Substring] {
        let dir = NSTemporaryDirectory() + "oracle-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var input = Data()
        for r in requests {
            input += try JSONSerialization.data(withJSONObject: r, options: [.sortedKeys])
            input += Data([0x0A])
        }
        try input.write(to: URL(fileURLWithPath: dir + "/in"))
        FileManager.default.createFile(atPath: dir + "/out", contents: nil)
        FileManager.default.createFile(atPath: dir + "/err", contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", script]
        p.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: dir + "/in"))
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/out"))
        p.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/err"))
        try p.run()
        p.waitUntilExit()
        let err = (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""
        if p.terminationStatus == 3 {
            let message = "\(library) is not available (\(err.trimmingCharacters(in: .whitespacesAndNewlines))); install it with make deps"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail(message)
                throw Missing()
            }
            throw XCTSkip(message)
        }
        guard p.terminationStatus == 0 else {
            XCTFail("the \(library) oracle failed (\(p.terminationStatus)): \(err)")
            throw Missing()
        }
        let lines = try String(contentsOfFile: dir + "/out", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, requests.count, "one answer per request")
        return lines
    }
}
