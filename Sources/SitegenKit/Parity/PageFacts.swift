/// The facts of a page that its translation must repeat exactly: where to go, whom to write to,
/// how much, when, and how many steps and checklist items. A wrong amount or handle in one
/// language is the kind of slip fakes exploit, so these are compared, not the prose.
struct PageFacts: Sendable {
    /// A kind of fact, with its diagnostic code.
    package enum Kind: String, Sendable, CaseIterable {
        case link, handle, phone, email, amount, date
        var code: String { "parity.\(rawValue)" }
        var noun: String {
            switch self {
            case .link: return "link"
            case .handle: return "Telegram handle"
            case .phone: return "phone number"
            case .email: return "e-mail address"
            case .amount: return "amount"
            case .date: return "date"
            }
        }
    }

    /// One fact as written, with a normalised key for comparison and where it is.
    struct Fact: Sendable {
        package var key: String
        package var shown: String
        package var line: Int
        package var column: Int
    }

    package var sourcePath: String
    package var language: String
    package var translationKey: String
    package var lastmod: String?
    package var facts: [Kind: [Fact]] = [:]
    /// Number of steps (guides) and where the list is.
    package var steps: (count: Int, line: Int, column: Int)?
    var checklistItems: (count: Int, line: Int, column: Int)?
    /// The page's address below the site's (`/kk/42500/apply/`), the ids of its places, and its
    /// links into the site, for the site-wide check of internal links.
    package var url = ""
    /// The ids sorted, each once (the check of internal links packs them into an `AnchorList`).
    package var anchors: [String] = []
    var internalLinks: [InternalLink] = []

    /// The kinds and keys already added: a page repeating one handle or amount thousands of times
    /// (or naming thousands of different ones) costs a set lookup per mention.
    var seen: Set<String> = []

    /// Adds a fact the first time its key appears; only then is its place looked up (finding it in
    /// the source is the costly part).
    mutating func add(_ kind: Kind, key: String, shown: String, at place: () -> (line: Int, column: Int)) {
        guard seen.insert(kind.rawValue + "\u{0}" + key).inserted else { return }
        let p = place()
        facts[kind, default: []].append(Fact(key: key, shown: shown, line: p.line, column: p.column))
    }
}

/// Numbers in running text that are facts: amounts (`42 500 ₸`, `42 500`, `42500 теңге`) and
/// dates written as numbers (`14.04.2020`, `2020-04-14`).
enum NumberFacts {
    struct Found {
        var kind: PageFacts.Kind
        var key: String
        var shown: String
        /// UTF-8 offset in the text.
        var offset: Int
    }

    static let currencyWords = ["₸", "теңге", "тенге", "тг", "tenge", "kzt"]

    static func scan(_ text: String) -> [Found] {
        // Prose without digits (most of it) has no amounts or dates; fewer than four digits can
        // only be an amount with a currency after it (`5 ₸`).
        var copy = text
        let digits = copy.withUTF8 { $0.reduce(0) { $1 >= 0x30 && $1 <= 0x39 ? $0 + 1 : $0 } }
        if digits == 0 { return [] }
        if digits < 4 {
            let lower = text.lowercased()
            guard currencyWords.contains(where: { lower.containsBytes(of: $0) }) else { return [] }
        }
        let u = ScalarArray.of(text)
        let offsets = ScalarArray.utf8Offsets(u)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < u.count && ("0"..."9").contains(u[i]) }
        func isSpace(_ i: Int) -> Bool { i < u.count && (u[i] == " " || u[i] == "\u{A0}" || u[i] == "\u{202F}") }
        var out: [Found] = []
        var i = 0
        while i < u.count {
            guard isDigit(i), !isDigit(i - 1), i == 0 || !(u[i - 1].properties.isAlphabetic) else { i += 1; continue }
            let start = i
            var end = i
            while isDigit(end) { end += 1 }
            let firstGroup = end - start
            // A date: dd.mm.yyyy or yyyy-mm-dd.
            if let date = dateAt(u, start) {
                out.append(Found(kind: .date, key: date.key, shown: date.shown, offset: offsets[start]))
                i = start + date.length
                continue
            }
            // Thousands groups: "42 500", "1 250 000".
            var groups = 0
            if firstGroup <= 3 {
                while isSpace(end), isDigit(end + 1), isDigit(end + 2), isDigit(end + 3), !isDigit(end + 4) {
                    end += 4
                    groups += 1
                }
            }
            let digits = String(scalars: u[start..<end].filter { ("0"..."9").contains($0) })
            // Followed by a currency word?
            var j = end
            while isSpace(j) { j += 1 }
            let rest = String(scalars: u[j..<min(u.count, j + 6)]).lowercased()
            let hasCurrency = currencyWords.contains { rest.hasPrefix($0) }
            if groups > 0 || hasCurrency {
                let shown = String(scalars: u[start..<end].map { $0 == "\u{A0}" ? " " : $0 })
                out.append(Found(kind: .amount, key: digits, shown: shown, offset: offsets[start]))
            }
            i = end
        }
        return out
    }

    /// `14.04.2020` or `2020-04-14` starting at `i`, as an ISO day.
    static func dateAt(_ u: [Unicode.Scalar], _ i: Int) -> (key: String, shown: String, length: Int)? {
        func num(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= u.count else { return nil }
            var v = 0
            for k in from..<(from + n) {
                guard ("0"..."9").contains(u[k]) else { return nil }
                v = v * 10 + Int(u[k].value - 48)
            }
            return v
        }
        func notDigitAfter(_ k: Int) -> Bool { k >= u.count || !("0"..."9").contains(u[k]) }
        if let d = num(i, 2), i + 10 <= u.count, u[i + 2] == "." || u[i + 2] == "/", let m = num(i + 3, 2),
           u[i + 5] == u[i + 2], let y = num(i + 6, 4), notDigitAfter(i + 10), (1...12).contains(m), (1...31).contains(d) {
            let key = String(format: "%04d-%02d-%02d", y, m, d)
            return (key, String(scalars: u[i..<(i + 10)]), 10)
        }
        if let y = num(i, 4), i + 10 <= u.count, u[i + 4] == "-", let m = num(i + 5, 2), u[i + 7] == "-",
           let d = num(i + 8, 2), notDigitAfter(i + 10), (1...12).contains(m), (1...31).contains(d) {
            let key = String(format: "%04d-%02d-%02d", y, m, d)
            return (key, key, 10)
        }
        return nil
    }
}

import Foundation
import SitegenCore
import SitegenMarkdown
