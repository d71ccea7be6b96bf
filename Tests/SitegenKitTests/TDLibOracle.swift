import Foundation
import XCTest

/// TDLib, Telegram's own client library, asked through `Tests/oracle/tdlib_entities.py`: what the
/// apps link by themselves in a text, and what they make of Telegram HTML. The real parser is the
/// judge of what a reader can tap, not a model of it.
///
/// Without `tdjson` installed the tests that need it fail when `CI` is set (CI installs it with
/// `make deps`) and are skipped otherwise.
struct TDLibOracle {
    /// One entity, offsets and lengths in UTF-16 units.
    struct Entity: Decodable, Equatable {
        var type: String
        var offset: Int
        var length: Int
        var url: String?
    }

    struct Answer: Decodable {
        var text: String?
        var entities: [Entity]?
        var auto: [Entity]?
        var error: String?
    }

    static let script = Fixture.repository + "/Tests/oracle/tdlib_entities.py"

    /// What the apps link by themselves in each text.
    static func entities(_ texts: [String]) throws -> [[Entity]] {
        try run(texts.map { ["text": $0] }).map { $0.entities ?? [] }
    }

    /// Each Telegram HTML text parsed as the Bot API parses it, with what is then auto-linked.
    static func parse(html: [String]) throws -> [Answer] {
        try run(html.map { ["html": $0] })
    }

    /// Runs every request through one Python process: files, not pipes, so no side waits on the other.
    static func run(_ requests: [[String: String]]) throws -> [Answer] {
        let dir = NSTemporaryDirectory() + "tdlib-oracle-" + UUID().uuidString
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
            let message = "TDLib is not available (\(err.trimmingCharacters(in: .whitespacesAndNewlines))); install it with make deps"
            if ProcessInfo.processInfo.environment["CI"] != nil {
                XCTFail(message)
                throw OracleMissing()
            }
            throw XCTSkip(message)
        }
        guard p.terminationStatus == 0 else {
            XCTFail("the TDLib oracle failed (\(p.terminationStatus)): \(err)")
            throw OracleMissing()
        }
        let lines = try String(contentsOfFile: dir + "/out", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, requests.count, "one answer per request")
        return try lines.map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
    }

    struct OracleMissing: Error {}

    /// The entity's text.
    static func text(of e: Entity, in text: String) -> String {
        let u = Array(text.utf16)
        guard e.offset >= 0, e.offset + e.length <= u.count else { return "" }
        return String(decoding: u[e.offset..<(e.offset + e.length)], as: UTF16.self)
    }

    /// Entities that open something: an address, a mail, an account, a bot.
    static func isClickable(_ e: Entity, in text: String) -> Bool {
        switch e.type {
        case "Url", "EmailAddress", "Mention", "TextUrl", "MentionName": return true
        // A command or cashtag opens a bot only when it names one.
        case "BotCommand", "Cashtag": return Self.text(of: e, in: text).contains("@")
        default: return false
        }
    }
}
