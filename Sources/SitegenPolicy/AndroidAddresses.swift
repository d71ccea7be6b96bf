import Foundation

/// The web and e-mail addresses Android links in a message, as `Linkify` finds them: what a messages
/// app opens as an address rather than offering to call the digits in it.
///
/// Android's patterns (`android.util.Patterns.AUTOLINK_WEB_URL` and `AUTOLINK_EMAIL_ADDRESS`) are
/// regular expressions run by ICU, and they are read here by the same engine (`NSRegularExpression` is
/// ICU's) with the same shapes, for word boundaries above all: an address starts only after a character
/// that is no letter, digit or mark (`сайтhttps://…` and `2020https://…` link nothing), a path only after
/// `/` or `?` (`https://egov.kz#1234567` ends at the host), and the address ends at a word boundary.
///
/// What is read is never more than Android links, so that no digit is taken for part of an address
/// when the phone offers to call it: only `http` and `https` (the schemes every Android version links),
/// a user's name before the host as Android reads it (it may end an address sooner), and, for an
/// address without a scheme, only the top-level domains the
/// newsroom's readers meet (`kz`, `ru`, `com` …), each of which Android's list holds. An address it misses
/// makes the check stricter, never looser.
package enum AndroidAddresses {
    /// Where `text` holds an address Android links, in Unicode scalars, in order, overlaps resolved as
    /// `Linkify` resolves them (the one that starts first, else the longer, stays).
    package static func spans(in text: String) -> [Range<Int>] {
        guard !holdsLongHostLabel(text) else { return [] }
        let ns = text as NSString
        let whole = NSRange(location: 0, length: ns.length)
        var found: [NSRange] = []
        for match in web.matches(in: text, range: whole) where match.range.length > 0 {
            // Linkify leaves out a web address right after `@` (the domain of an e-mail address).
            if match.range.location > 0, ns.character(at: match.range.location - 1) == 0x40 { continue }
            found.append(match.range)
        }
        for match in email.matches(in: text, range: whole) where match.range.length > 0 { found.append(match.range) }
        guard !found.isEmpty else { return [] }
        let kept = withoutOverlaps(found.map { $0.location..<($0.location + $0.length) })
        // UTF-16 offsets to Unicode scalars.
        var scalarAt = [Int](repeating: 0, count: ns.length + 1)
        var k = 0, u = 0
        for scalar in text.unicodeScalars {
            let width = scalar.utf16.count
            for w in 0..<width { scalarAt[u + w] = k }
            u += width
            k += 1
        }
        scalarAt[ns.length] = k
        return kept.map { scalarAt[$0.lowerBound]..<scalarAt[$0.upperBound] }
    }

    /// The longest run of a host's characters with no dot that is read (``holdsLongHostLabel(_:)``).
    static let longestHostRun = 16

    /// Whether a host after `://` (or after the `@` of a user's name before it) holds a run of more than
    /// ``longestHostRun`` characters with no dot, or the text more than eight such hosts. Android's
    /// pattern for a host (labels, each with a dot or not) reads such a run in as many ways as it can be
    /// cut into labels, one after the other, when the address cannot end where the run does (`https://`
    /// and twenty letters before `_` take ICU a tenth of a second, twenty-five seconds). No address is
    /// read then: the digits in it count as a number, which is stricter, never looser.
    static func holdsLongHostLabel(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard s.count > 3 else { return false }
        var i = 0, hosts = 0
        while i < s.count {
            if i + 2 < s.count, s[i] == ":", s[i + 1] == "/", s[i + 2] == "/" {
                i += 3
            } else if s[i] == "@" {
                i += 1
            } else {
                i += 1
                continue
            }
            hosts += 1
            if hosts > 8 { return true }
            var run = 0
            while i < s.count, s[i] == "." || s[i] == "_" || s[i] == "-" || isLabelCharacter(s[i]) {
                run = s[i] == "." ? 0 : run + 1
                if run > longestHostRun { return true }
                i += 1
            }
        }
        return false
    }

    /// A letter or digit of ASCII, or a character beyond it that Android's labels take (no space).
    private static func isLabelCharacter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") }
        return !u.properties.isWhitespace && !(0xD800...0xF8FF).contains(u.value) && !(0xFDD0...0xFDEF).contains(u.value)
            && u.value & 0xFFFE != 0xFFFE
    }

    /// `Linkify.pruneOverlaps`: sorted by start, the longer first (a stable sort, so the web address
    /// comes before the e-mail address of the same reach); of two that overlap, one inside the other
    /// goes, else the shorter, and when both are as long both stay.
    static func withoutOverlaps(_ spans: [Range<Int>]) -> [Range<Int>] {
        var links = spans.enumerated().sorted { a, b in
            if a.element.lowerBound != b.element.lowerBound { return a.element.lowerBound < b.element.lowerBound }
            if a.element.upperBound != b.element.upperBound { return a.element.upperBound > b.element.upperBound }
            return a.offset < b.offset
        }.map(\.element)
        var i = 0
        while i < links.count - 1 {
            let a = links[i], b = links[i + 1]
            if a.lowerBound <= b.lowerBound && a.upperBound > b.lowerBound {
                if b.upperBound <= a.upperBound || a.count > b.count {
                    links.remove(at: i + 1)
                    continue
                } else if a.count < b.count {
                    links.remove(at: i)
                    continue
                }
            }
            i += 1
        }
        return links
    }

    // MARK: The patterns

    /// The characters of RFC 3987 beyond ASCII, spaces left out.
    private static let ucs: String = {
        var ranges = #"\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF"#
        for plane in 1...13 { ranges += String(format: #"\U%08X-\U%08X"#, plane << 16, plane << 16 | 0xFFFD) }
        ranges += #"\U000E1000-\U000EFFFD"#
        return "[[" + ranges + #"]&&[^\u00A0\u2000-\u200A\u2028\u2029\u202F\u3000]]"#
    }()

    /// A character of a label of a host name.
    private static let labelCharacter = "a-zA-Z0-9" + ucs

    /// A label: up to 63 characters, with `_` and `-` only inside.
    private static let label = "[\(labelCharacter)](?:[\(labelCharacter)_\\-]{0,61}[\(labelCharacter)])?"

    /// A word boundary, the start or the end of the text.
    private static let boundary = #"(?:\b|$|^)"#

    private static let port = #"(?::[0-9]{1,5})?"#

    /// A path, a query or both, after `/` or `?`.
    private static let path = "(?:[/?](?:[\(labelCharacter);/?:@&=#~\\-.+!*'(),_$]|%[a-fA-F0-9]{2})*)?"

    /// Top-level domains Android links an address by without a scheme (its list holds every one).
    private static let topLevelDomains = ["kz", "ru", "com", "org", "net", "me", "info", "gov", "edu", "int",
                                          "io", "su", "by", "uz", "kg", "ua", "xn--80ao21a", "xn--p1ai"]

    /// A user's name and password before the host, up to `@`: Android reads one wherever it can, and so
    /// ends an address sooner than a reading without it would (`https://egov.kz?to=info@egov.kz&id=1234567`
    /// ends at the second host, and 1234567 is a number to call).
    private static let userInfo: String = {
        let character = #"(?:[a-zA-Z0-9$\-_.+!*'(),;?&=]|%[a-fA-F0-9]{2})"#
        return "(?:\(character){1,64}(?::\(character){1,25})?@)?"
    }()

    private static let web: NSRegularExpression = {
        let withScheme = boundary + "(?:(?i:https?)://\(userInfo)(?:(?:\(label)(?:\\.(?=\\S))?)+)?\(port))\(path)" + boundary
        let withoutScheme = boundary + "(?<!://)(?:(?:\(label)\\.)+(?:\(topLevelDomains.joined(separator: "|")))\(port))\(path)" + boundary
        return try! NSRegularExpression(pattern: "(?:\(withScheme)|\(withoutScheme))")
    }()

    private static let email: NSRegularExpression = {
        let character = labelCharacter + "+\\-_%'"
        let local = "[\(character)](?:[\(character).]{0,62}[\(character)])?"
        let topLevel = "(?:xn--[\\w\\-]{0,58}\\w|[a-zA-Z\(ucs)]{2,63})"
        let domain = "(?=.{1,255}(?:\\s|$|^))(?:\(label)\\.)+\(topLevel)"
        return try! NSRegularExpression(pattern: boundary + local + "@" + domain + boundary)
    }()
}
