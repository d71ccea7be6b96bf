import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// A differential test against Telegram's own parser: strings built from risky pieces are read by
/// TDLib and by the text scanner, and every entity the app would make clickable must be found by
/// the scanner (a token at the same place reaching at least as far) and, unless it is plainly
/// official, refused by the link policy.
final class TDLibDifferentialTests: XCTestCase {
    /// Fixed, so every run reads the same strings; change it only together with the figures in the
    /// README.
    static let seed: UInt64 = 0x5EED_1414_2020_0042

    /// `TDLIB_FUZZ_SEED` reads other strings, to look for new divergences; keep any found in
    /// ``TDLibRegressions``.
    static var runSeed: UInt64 { UInt64(ProcessInfo.processInfo.environment["TDLIB_FUZZ_SEED"] ?? "") ?? seed }

    /// How many strings a run generates (`TDLIB_FUZZ_COUNT` overrides it).
    static var count: Int { Int(ProcessInfo.processInfo.environment["TDLIB_FUZZ_COUNT"] ?? "") ?? 100_000 }

    static let pieces: [String] = [
        // dots, dot-likes, at signs, at-likes, slashes
        ".", ".", ".", "．", "。", "｡", "․", "@", "@", "＠", "﹫", "/", "//", "\\", "://", ":", "?", "#", "$",
        // marks, symbols, superscripts, punctuation that ends or splits an address
        "\u{301}", "\u{308}", "Ⓐ", "¹", "²", "ª", "º", "…", "’", "•", "‹", "›", "«", "»", "—", "-", "_", "~", "(", ")",
        "[", "]", ",", "!", "'", "\"", " ", " ", "\u{A0}", "\n", "\t", "⚠️", "₸",
        // lookalikes
        "е", "о", "а", "с", "р", "ѕ", "і", "ο", "α", "ν", "Ε",
        // digits and numbers
        "0", "1", "7", "10", "185", "22", "64", "255", "256", "2020", "42 500", "8080",
        // top-level domains and fragments
        "kz", "com", "za", "ton", "xn--p1ai", "xn--80ao21a", "рф", "қаз", "org", "net", "io", "me", "COM", "Kz",
        // URL fragments
        "https", "http", "ftp", "tg", "ton", "tonsite", "mailto", "www", "t.me", "resolve?domain=", "start", "apply",
        "?start=", "/s/", "+", "%2e", "%40", "[::1]", "2001:db8::1",
        // Kazakh and Russian suffixes and words
        "-ке", "-ға", "ні", "ды", "-ні", "т.б.", "ж.", "қадам", "сайт", "бот", "на",
        // handles and the policy's names
        "evil", "evilbot", "help", "EgovKzBot2.0", "EgovKzBot2", "Kenes1414Bot", "Kenes1414_Bot", "egov", "egov-kz",
        "egov.kz", "egov-kz.com", "42500.enbek.kz", "enbek", "USD", "1INCH", "abc",
    ]

    static func strings(count: Int, seed: UInt64) -> [String] {
        var g = SearchTestRandom(seed: seed)
        let names = ["evil", "egov", "egov-kz", "42500.enbek", "t", "help", "185.22.64", "а", "xn--80a"]
        let dots = [".", ".", ".", "．", "。", "｡", "․"]
        let tlds = ["kz", "com", "za", "ton", "xn--p1ai", "рф", "қаз", "me", "COM", "Kz", "10", "org"]
        return (0..<count).map { _ in
            (0..<(2 + g.below(5))).map { _ in
                // Often a name with a dot and a top-level domain, so that many strings hold a link.
                g.below(5) < 2 ? names[g.below(names.count)] + dots[g.below(dots.count)] + tlds[g.below(tlds.count)]
                    : pieces[g.below(pieces.count)]
            }.joined()
        }
    }

    func testScannerFindsEveryEntityTDLibFindsInGeneratedStrings() throws {
        // `TDLIB_FUZZ_EXTRA` names a file of more strings to try, one a line (`\n` written as `\\n`).
        let extra = ProcessInfo.processInfo.environment["TDLIB_FUZZ_EXTRA"]
            .flatMap { try? String(contentsOfFile: $0, encoding: .utf8) }
            .map { $0.split(separator: "\n").map { $0.replacingOccurrences(of: "\\n", with: "\n") } } ?? []
        let texts = Self.strings(count: Self.count, seed: Self.runSeed) + TDLibRegressions.cases + extra
        let answers = try TDLibOracle.entities(texts)
        let checker = try DifferentialChecker()
        var entities = 0, divergences: [String] = []
        for (text, found) in zip(texts, answers) {
            for e in found where TDLibOracle.isClickable(e, in: text) {
                entities += 1
                if let problem = checker.divergence(e, in: text) { divergences.append(problem) }
            }
        }
        print("TDLib differential (seed \(Self.runSeed)): \(texts.count) strings, \(entities) clickable entities, \(divergences.count) divergences")
        XCTAssertGreaterThan(entities, texts.count / 10, "the pieces make links often enough to test something")
        XCTAssertTrue(divergences.isEmpty, "the scanner misses what Telegram links:\n" + divergences.prefix(40).joined(separator: "\n"))
    }

    func testRegressionCasesStillDivergeWithoutTheScanner() throws {
        // Each kept case makes TDLib link something: a case that no longer does tests nothing.
        let answers = try TDLibOracle.entities(TDLibRegressions.cases)
        for (text, found) in zip(TDLibRegressions.cases, answers) {
            XCTAssertTrue(found.contains { TDLibOracle.isClickable($0, in: text) }, "TDLib links nothing in \(text.debugDescription)")
        }
    }
}

/// Compares one TDLib entity with the scanner's reading of the same text.
struct DifferentialChecker {
    let inspector: PageInspector

    init() throws {
        let f = try Fixture()
        let config = try XCTUnwrap(ConfigLoader.load(sourceDirectory: f.root).0)
        let policy = try XCTUnwrap(LinkPolicy.compile(config.links, file: "sitegen.yml").0)
        inspector = policy.inspector(baseURL: config.baseURL)
    }

    /// Why the scanner's reading of `text` differs from the client's entity `e`, or nil.
    func divergence(_ e: TDLibOracle.Entity, in text: String) -> String? {
        let shown = TDLibOracle.text(of: e, in: text)
        // UTF-8 offsets of the scanner → UTF-16 offsets of Telegram.
        var utf16At: [Int: Int] = [:]
        var u8 = 0, u16 = 0
        for u in text.unicodeScalars {
            utf16At[u8] = u16
            u8 += UTF8.width(u)
            u16 += UTF16.width(u)
        }
        utf16At[u8] = u16
        let tokens = inspector.tokens.scan(text)
        // A token at the same place that reaches as far, or that names the same host the client
        // opens (a name followed by a path on it).
        let host = Self.host(e, shown)
        let covering = tokens.filter { token in
            guard utf16At[token.offset] == e.offset else { return false }
            if (utf16At[token.offset + token.length] ?? 0) >= e.offset + e.length { return true }
            switch token.kind {
            case .domain(let ascii): return host != nil && ascii == host && e.type == "Url"
            // `t.me/name…`: the handle the app opens is judged.
            case .telegramPath: return host.map(LinkPolicy.telegramHosts.contains) == true
            default: return false
            }
        }
        guard !covering.isEmpty else {
            return "\(text.debugDescription): \(e.type) \(shown.debugDescription) found by no token (tokens: \(tokens.map(\.text)))"
        }
        if isOfficial(e, shown) { return nil }
        let refused = covering.contains { !inspector.judgeToken($0, inWarning: false).isEmpty }
        return refused ? nil : "\(text.debugDescription): \(e.type) \(shown.debugDescription) passes the policy"
    }

    /// The ASCII host an address or e-mail address leads to, when it has no user name or port.
    static func host(_ e: TDLibOracle.Entity, _ shown: String) -> String? {
        var s = Substring(shown)
        if TextTokens.hasScheme(shown), let scheme = s.range(of: "://") { s = s[scheme.upperBound...] }
        if e.type == "EmailAddress", let at = s.firstIndex(of: "@") { s = s[s.index(after: at)...] }
        let host = s.prefix { !"/?#".contains($0) }
        guard !host.contains("@"), !host.contains(":") else { return nil }
        return HostName.ascii(String(host))
    }

    /// What follows the host.
    static func path(_ e: TDLibOracle.Entity, _ shown: String) -> Substring {
        var s = Substring(shown)
        if TextTokens.hasScheme(shown), let scheme = s.range(of: "://") { s = s[scheme.upperBound...] }
        return s.drop { !"/?#".contains($0) }
    }

    /// An address the client opens on an allowed host (or Telegram's own site, or the official
    /// bot), without user name or port: read as the client reads it.
    func isOfficial(_ e: TDLibOracle.Entity, _ shown: String) -> Bool {
        if e.type == "Mention" { return inspector.policy.isOfficial(handle: String(shown.dropFirst())) }
        if e.type == "BotCommand" || e.type == "Cashtag" {
            return inspector.policy.isOfficial(handle: String(shown[shown.index(after: shown.firstIndex(of: "@")!)...]))
        }
        if TextTokens.hasScheme(shown), !shown.lowercased().hasPrefix("https://") { return false }
        guard let ascii = Self.host(e, shown) else { return false }
        let rest = Self.path(e, shown)
        if LinkPolicy.telegramHosts.contains(ascii) {
            let segment = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            return rest.isEmpty || (inspector.policy.isOfficial(handle: String(segment))
                                    && rest.dropFirst(segment.count + 1).allSatisfy { $0 == "/" })
        }
        // What follows the name never changes the site the app opens.
        return inspector.policy.isAllowed(host: ascii)
    }
}
