import Foundation
import SitegenCore
import UnicodeSecurity
import WHATWGURL

/// Whether an `https` link is written in the one form every client reads the same way.
///
/// Browsers, Telegram's in-app router, the servers behind a link and a reader copying a plain-text
/// bulletin do not repair a strange URL alike: `https://t.me/evilbot/../Kenes1414Bot` is
/// `t.me/Kenes1414Bot` to a browser and `@evilbot` to the Telegram app, and `https://@egov.kz/` shows
/// a mention `@egov`. So the policy judges nothing it would have to normalise first: what is written
/// must already be the URL Standard's serialisation of itself. Three differences are tolerated
/// because every client resolves them the same way and they cannot change the host or the path:
/// - an empty path written without its `/` (`https://egov.kz` is `https://egov.kz/`);
/// - non-ASCII characters in the path, query or fragment, which every client sends as UTF-8
///   percent-encoded (`/қызметтер` is `/%D2%9B…`);
/// - an internationalised host written in Unicode, when it is exactly the Unicode form of its
///   ASCII name (`егов.қаз`, not `ЕГОВ.ҚАЗ` nor `egov。kz`).
enum CanonicalLink {
    /// Why a written link is not canonical, and the form to write instead when one is known.
    struct Problem: Equatable {
        var reason: Reason
        var suggestion: String?
        /// Whether an app cuts the address short: then the editor is told where to end it.
        var cut = false

        /// The `link.noncanonical` message's arguments: the reason, then what to write.
        var arguments: [String: String] {
            let fix = suggestion.map { MessageCatalog.nest("fix", "link.fix.suggestion", ["suggestion": $0]) }
                ?? MessageCatalog.nest("fix", cut ? "link.fix.end" : "link.fix.exact")
            return reason.nested.merging(fix) { a, _ in a }
        }
    }

    /// Why a written form is refused: a `link.reason.` message and its parameters, said as a clause
    /// of another message.
    struct Reason: Equatable {
        var id: String
        var arguments: [String: String] = [:]

        init(_ name: String, _ arguments: [String: String] = [:]) {
            id = "link.reason." + name
            self.arguments = arguments
        }

        /// The arguments that make this reason another message's `{reason}`.
        var nested: [String: String] { MessageCatalog.nest("reason", id, arguments) }

        /// Whether an app ends the link before its end (percent-encoding would not help).
        var isAppCut: Bool { id == "link.reason.app-ends" || id == "link.reason.app-unmatched" }
    }

    /// Nil when `written` is canonical; `url` is its parse, an https URL with a domain host.
    static func problem(written: String, url: URLRecord, parser: URLParser) -> Problem? {
        guard let reason = reason(written: written, url: url) else { return nil }
        if reason.isAppCut {
            // Percent-encoding the character would give a working link nobody meant: the editor most
            // likely let punctuation touch the address.
            return Problem(reason: reason, suggestion: nil, cut: true)
        }
        return Problem(reason: reason, suggestion: suggestion(for: url, parser: parser))
    }

    /// What is wrong with the written form, from the most specific reason to the general one.
    static func reason(written: String, url: URLRecord) -> Reason? {
        let scalars = written.unicodeScalars
        if scalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.properties.isWhitespace }) {
            return Reason("whitespace")
        }
        if written.contains("\\") {
            return Reason("backslash")
        }
        let prefix = "https://"
        guard written.hasPrefix(prefix) else {
            return Reason("https")
        }
        let afterScheme = written.dropFirst(prefix.count)
        let host = String(afterScheme.prefix { !"/?#".contains($0) })
        let rest = String(afterScheme.dropFirst(host.count))
        if host.contains("@") {
            return Reason("at")
        }
        if host.contains("%") {
            return Reason("host-percent")
        }
        if host.hasSuffix(".") || host.hasSuffix("\u{3002}") {
            return Reason("host-dot")
        }
        if host.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) {
            return Reason("host-empty-label")
        }
        guard case .domain(let ascii)? = url.host else { return Reason("host-not-name") }
        let hostIsASCII = host.unicodeScalars.allSatisfy(\.isASCII)
        if hostIsASCII && host != ascii {
            return Reason(host.lowercased() == ascii ? "host-capitals" : "host-form")
        }
        if !hostIsASCII && HostName.unicode(ascii) != host {
            return Reason("host-normal", ["ascii": ascii])
        }
        if let reason = appEndsLinkEarly(written: written, rest: rest) { return reason }
        if let reason = encodedTextReason(rest) { return reason }
        if let segment = dotSegment(in: rest) {
            return Reason("dot-segment", ["segment": segment])
        }
        if let escape = needlessEscape(in: rest) {
            return Reason("needless-escape", ["escape": escape])
        }
        let tolerated = prefix + ascii + (rest.isEmpty || rest.hasPrefix("?") || rest.hasPrefix("#") ? "/" : "")
            + percentEncodingNonASCII(rest)
        return tolerated == url.href ? nil : Reason("browsers-read", ["href": url.href])
    }

    /// Where a reader's app would end the link before its end, printed in a plain bulletin: it links
    /// only the start, and what follows may become a link of its own. Checked against Telegram's
    /// own parser (TDLib); the rule is stricter than it, so it holds for other apps too:
    /// - a non-ASCII character that is not a letter, digit or mark (`…`, `’`, `•`, `«`, a dash);
    /// - a closing bracket without its opening one (`/a)b`, `/a]`);
    /// - a last character that is punctuation (`.`, `,`, `!`, `?`, `:`, `'`, `(`), which apps take
    ///   for the sentence's; a bracket that closes one opened in the link is part of it.
    static func appEndsLinkEarly(written: String, rest: String) -> Reason? {
        var depth: [Unicode.Scalar: Int] = ["(": 0, "[": 0, "{": 0]
        let closing: [Unicode.Scalar: Unicode.Scalar] = [")": "(", "]": "[", "}": "{"]
        for u in rest.unicodeScalars {
            if !u.isASCII {
                let p = u.properties
                let category = p.generalCategory
                if !(p.isAlphabetic || p.numericType != nil || category == .nonspacingMark || category == .spacingMark
                     || category == .enclosingMark) {
                    return Reason("app-ends", ["character": String(u)])
                }
            } else if depth[u] != nil {
                depth[u]! += 1
            } else if let open = closing[u] {
                guard depth[open]! > 0 else {
                    return Reason("app-unmatched", ["character": String(u)])
                }
                depth[open]! -= 1
            }
        }
        if !rest.isEmpty, let last = written.unicodeScalars.last, last.isASCII,
           !(last.properties.isAlphabetic || ("0"..."9").contains(last) || "/-_=~+*&#)]}".unicodeScalars.contains(last)) {
            return Reason("app-final", ["character": String(last)])
        }
        return nil
    }

    /// What is wrong with a link to a page of the site as written: it is printed after the site's
    /// address in bulletins, so it must read whole there. Dot segments are resolved by sitegen itself.
    static func relativeReason(written: String) -> Reason? {
        if written.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.properties.isWhitespace }) {
            return Reason("whitespace")
        }
        if written.contains("\\") {
            return Reason("backslash")
        }
        return appEndsLinkEarly(written: written, rest: written)
    }

    /// What percent-encoding hides that no client should be left to interpret: a `%` not followed
    /// by two hex digits, bytes that are not UTF-8 (`%C0%AE`, an overlong `.`), a control character
    /// (`%0A` splits a redirect's header), an invisible or direction-changing character.
    static func encodedTextReason(_ rest: String) -> Reason? {
        let bytes = Array(rest.utf8)
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "%") {
            guard i + 2 < bytes.count, hexValue(bytes[i + 1]) != nil, hexValue(bytes[i + 2]) != nil else {
                return Reason("percent-hex")
            }
        }
        let decodedBytes = URLPercentEncoding.percentDecode(rest)
        guard let decoded = String(validating: decodedBytes, as: UTF8.self) else {
            return Reason("percent-utf8")
        }
        if decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return Reason("percent-control")
        }
        if let hidden = InvisibleCharacters.firstInvisibleOrBidiControl(in: decoded) {
            return Reason("percent-invisible", ["code": String(hidden.scalar.value, radix: 16, uppercase: true)])
        }
        return nil
    }

    /// The first path segment that is `.` or `..`, written plainly, with `%2e`, or with characters
    /// that compatibility normalisation or a browser's host mapping turns into dots (`%EF%BC%8E` is `．`).
    static func dotSegment(in rest: String) -> String? {
        let path = rest.prefix { $0 != "?" && $0 != "#" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            let decoded = String(decoding: URLPercentEncoding.percentDecode(String(segment)), as: UTF8.self)
            let plain = String(scalars: decoded.precomposedStringWithCompatibilityMapping.unicodeScalars
                .map(TextTokens.plain))
            if plain == "." || plain == ".." { return String(segment) }
        }
        return nil
    }

    /// The first `%XX` that encodes an ASCII letter, digit, `-`, `.`, `_` or `~` (which every client
    /// may decode, so the written form is not the one read), or a `/` or `\` in the path (which some
    /// servers decode into a path separator).
    static func needlessEscape(in rest: String) -> String? {
        let bytes = Array(rest.utf8)
        let pathEnd = bytes.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        var i = 0
        while i + 2 < bytes.count {
            defer { i += 1 }
            guard bytes[i] == UInt8(ascii: "%"), let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else { continue }
            let decoded = hi << 4 | lo
            let unreserved = (decoded >= 0x30 && decoded <= 0x39) || (decoded >= 0x41 && decoded <= 0x5A)
                || (decoded >= 0x61 && decoded <= 0x7A) || "-._~".utf8.contains(decoded)
            let separator = i < pathEnd && (decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\"))
            if unreserved || separator { return String(decoding: bytes[i..<(i + 3)], as: UTF8.self) }
        }
        return nil
    }

    /// A canonical form to suggest: what browsers read, with needless escapes decoded, if that is
    /// itself canonical and leads to the same host.
    static func suggestion(for url: URLRecord, parser: URLParser) -> String? {
        guard case .domain(var host)? = url.host else { return nil }
        if host.hasSuffix(".") { host.removeLast() }
        guard !host.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else { return nil }
        var rest = url.serializedPath
        if let query = url.query { rest += "?" + query }
        if let fragment = url.fragment { rest += "#" + fragment }
        let candidate = "https://" + host + decodingUnreserved(rest)
        guard let again = parser.parse(candidate), again.host == .domain(host),
              reason(written: candidate, url: again) == nil else { return nil }
        return candidate
    }

    /// `rest` with every `%XX` of an unreserved ASCII character replaced by the character.
    static func decodingUnreserved(_ rest: String) -> String {
        let bytes = Array(rest.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) {
                let decoded = hi << 4 | lo
                if (decoded >= 0x30 && decoded <= 0x39) || (decoded >= 0x41 && decoded <= 0x5A)
                    || (decoded >= 0x61 && decoded <= 0x7A) || "-_~".utf8.contains(decoded) {
                    out.append(decoded)
                    i += 3
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Non-ASCII scalars as their UTF-8 bytes, `%XX` with upper-case hex, as the URL parser writes them.
    static func percentEncodingNonASCII(_ s: String) -> String {
        var out = ""
        let hex = Array("0123456789ABCDEF")
        for u in s.unicodeScalars {
            if u.isASCII {
                out.unicodeScalars.append(u)
            } else {
                for b in String(u).utf8 { out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 15)]) }
            }
        }
        return out
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }
}
