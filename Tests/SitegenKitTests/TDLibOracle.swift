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

    /// Runs every request through one Python process (see ``OracleProcess``).
    static func run(_ requests: [[String: String]]) throws -> [Answer] {
        try OracleProcess.run(script: script, requests: requests, missing: "TDLib").map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
    }


    /// The entity's text.
    static func text(of e: Entity, in text: String) -> String {
        let u = Array(text.utf16)
        guard e.offset >= 0, e.offset + e.length <= u.count else { return "" }
        return String(decoding: u[e.offset..<(e.offset + e.length)], as: UTF16.self)
    }

    /// Entities that open something: an address, a mail, an account, a bot, a card.
    static func isClickable(_ e: Entity, in text: String) -> Bool {
        switch e.type {
        // A card number opens the app's card menu, which offers to pay it.
        case "Url", "EmailAddress", "Mention", "TextUrl", "MentionName", "BankCardNumber": return true
        // A command or cashtag opens a bot only when it names one.
        case "BotCommand", "Cashtag": return Self.text(of: e, in: text).contains("@")
        default: return false
        }
    }
}
