import SitegenCore
import WHATWGURL

/// Finds another address carried inside an official link's path, query or fragment.
///
/// An official site may redirect to what a parameter names (`?next=//evil.com`), and a reader's app
/// splits a written URL where it sees punctuation and links the rest on its own
/// (`https://egov.kz/…evil.com` shows `evil.com` as a link of its own in a plain bulletin). So
/// nothing that any client could take for an address may appear there, however it is encoded:
/// each component is read as written and after each round of percent-decoding (at most
/// `decodingRounds`; text still encoded after that is refused). Seen as an address:
/// - a domain name: a run of letters, digits, hyphens and dots (or the dot-likes browsers map to a
///   dot) whose last label is a top-level domain, from the public suffix list or one Telegram links
///   (`xn--…`, `ton`), also when a letter, digit or mark of another script is glued after it
///   (`evil.com¹`);
/// - an IPv4 literal (`185.22.64.10`);
/// - `//` or `\` followed by anything but an official host (a scheme-relative address);
/// - `@name` (a mention) unless the name is an official handle;
/// - a scheme other than `https://` (`tg:`, `javascript:`, `data:`), which a redirect would open.
/// A name on the allow-list, and `t.me/<official handle>`, are official and pass.
struct EmbeddedAddresses {
    let policy: LinkPolicy

    /// How many times a component is percent-decoded before what is left is refused.
    static let decodingRounds = 4

    /// Every address found in the URL's path, query and fragment, as shown in a message, each once;
    /// what the most decoded text shows comes first (`evil.com` rather than `A6evil.com` of `%E2%80%A6evil.com`).
    func find(in url: URLRecord) -> [String] {
        var layers: [[String]] = []
        for component in [url.serializedPath, url.query, url.fragment].compactMap({ $0 }) {
            var layer = component
            var round = 0
            while true {
                if layers.count <= round { layers.append([]) }
                layers[round] += scan(layer)
                let next = String(decoding: URLPercentEncoding.percentDecode(layer), as: UTF8.self)
                if next == layer { break }
                round += 1
                if round > Self.decodingRounds {
                    layers[0].append("text percent-encoded more than \(Self.decodingRounds) times")
                    break
                }
                layer = next
            }
        }
        var found: [String] = []
        for f in layers.reversed().joined() where !found.contains(f) { found.append(f) }
        return found
    }

    /// Addresses in one decoded layer of a component.
    func scan(_ layer: String) -> [String] {
        let s = Array(layer.unicodeScalars).map(TextTokens.plain)
        var out: [String] = []
        func add(_ what: String) { if !out.contains(what) { out.append(what) } }
        // `//`, `\` and `@`.
        var i = 0
        while i < s.count {
            if s[i] == "\\" || (s[i] == "/" && i + 1 < s.count && s[i + 1] == "/") {
                let start = s[i] == "\\" ? i + 1 : i + 2
                var end = start
                while end < s.count, Self.isHostScalar(s[end]) { end += 1 }
                let name = String(scalars: s[start..<end])
                if !isOfficial(name: name, after: s[end...]) {
                    add(String(scalars: s[i..<end]))
                }
                i = max(end, i + 1)
                continue
            }
            if s[i] == "@" {
                var end = i + 1
                while end < s.count, Self.isHandleScalar(s[end]) { end += 1 }
                let name = String(scalars: s[(i + 1)..<end])
                // `name@host.kz` and `@host.kz`: the host is judged as a domain below.
                let continuesAsDomain = end < s.count && s[end] == "." && end + 1 < s.count && Self.isHostScalar(s[end + 1])
                if !name.isEmpty, !continuesAsDomain, !policy.isOfficial(handle: name) { add("@" + name) }
                i = end
                continue
            }
            i += 1
        }
        // Another scheme (`tg:resolve?…`, `javascript:…`, `data:…`) where a redirect could read one:
        // at the start of the text or of a parameter, a segment or a fragment.
        for i in s.indices where i == 0 || "=&?#/;,(".unicodeScalars.contains(s[i - 1]) {
            guard s[i].isASCII, s[i].properties.isAlphabetic else { continue }
            var end = i + 1
            while end < s.count, s[end].isASCII, s[end].properties.isAlphabetic || ("0"..."9").contains(s[end])
                || "+.-".unicodeScalars.contains(s[end]) { end += 1 }
            guard end < s.count, s[end] == ":", end + 1 < s.count, !("0"..."9").contains(s[end + 1]) else { continue }
            let scheme = String(scalars: s[i...end])
            // An official https address is judged as a name below.
            if scheme.lowercased() == "https:" && s[(end + 1)...].starts(with: ["/", "/"]) { continue }
            add(scheme + String(scalars: s[(end + 1)...].prefix(24)))
        }
        // Domain names and IPv4 literals.
        var start = 0
        while start < s.count {
            guard Self.isHostScalar(s[start]) else { start += 1; continue }
            var end = start
            while end < s.count, Self.isHostScalar(s[end]) { end += 1 }
            if let name = addressLike(s[start..<end]), !isOfficial(name: name, after: s[end...]) { add(name) }
            start = end
        }
        return out
    }

    /// The domain name or IPv4 literal a run of host characters reads as, if it reads as one.
    func addressLike(_ run: ArraySlice<Unicode.Scalar>) -> String? {
        var text = String(scalars: run)
        while let last = text.last, last == "." || last == "-" { text.removeLast() }
        while let first = text.first, first == "." || first == "-" { text.removeFirst() }
        var labels = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2 else { return nil }
        if Self.containsIPv4(labels) { return text }
        // The top-level domain: the whole last label, or its ASCII letters when something else is
        // glued after them (`com¹`, `comª`), where an app's link ends.
        let last = labels[labels.count - 1]
        let asciiLetters = String(last.unicodeScalars.prefix { $0.isASCII && $0.properties.isAlphabetic })
        for tld in [last, asciiLetters] where !tld.isEmpty && Self.isTopLevelDomain(tld) {
            labels[labels.count - 1] = tld
            return labels.joined(separator: ".")
        }
        return nil
    }

    /// Whether an address found is official: an allowed host, or Telegram's host followed by
    /// `/<official handle>`.
    private func isOfficial(name: String, after rest: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let ascii = HostName.ascii(name) else { return false }
        if policy.isAllowed(host: ascii) { return true }
        guard LinkPolicy.telegramHosts.contains(ascii), rest.first == "/" else { return false }
        let handle = String(scalars: rest.dropFirst().prefix(while: Self.isHandleScalar))
        // Nothing may follow the handle but the end of the parameter (`t.me/<handle>/../x` is not it).
        let next = rest.dropFirst(1 + handle.unicodeScalars.count).first
        return policy.isOfficial(handle: handle) && (next == nil || "&#;,".unicodeScalars.contains(next!))
    }

    /// Four consecutive labels of 1–3 digits, each at most 255.
    static func containsIPv4(_ labels: [String]) -> Bool {
        guard labels.count >= 4 else { return false }
        // Bytes, not Characters: `1` with a combining mark is one Character that sorts between digits.
        let octet = labels.map { l in
            (1...3).contains(l.utf8.count) && l.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && (Int(l) ?? 256) <= 255
        }
        return (0...(labels.count - 4)).contains { i in octet[i..<(i + 4)].allSatisfy { $0 } }
    }

    /// A top-level domain a reader's app links: on the public suffix list, or one Telegram also
    /// accepts (any internationalised `xn--` name, and `ton`).
    static func isTopLevelDomain(_ label: String) -> Bool {
        // `xn--` as written, valid or not; a Unicode label's own `xn--` form does not count.
        if label.unicodeScalars.allSatisfy(\.isASCII), label.lowercased().hasPrefix("xn--") { return true }
        guard label.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
              let ascii = HostName.ascii(label), !ascii.contains(".") else { return false }
        return ascii == "ton" || HostName.hasKnownTLD(ascii)
    }

    /// Letters, digits and marks of any script, `-` and `.`: what a domain name is made of.
    static func isHostScalar(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII {
            return u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "."
        }
        let p = u.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark
    }

    static func isHandleScalar(_ u: Unicode.Scalar) -> Bool {
        u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "_")
    }
}
