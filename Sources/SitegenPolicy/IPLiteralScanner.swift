/// Finds IP addresses written in text: a reader cannot tell whose server one is, so none is
/// official. IPv4 as four numbers of at most 255 (`185.22.64.10`, also inside `help@185.22.64.10`
/// or before `/apply`), IPv6 in brackets as in a URL (`[2001:db8::1]`) or bare with `::` or eight
/// groups. Version numbers (`1.2.3`), dates (`14.04.2020`), times (`10:30`) and clause numbers with a
/// suffix (`3.1.2.1-тармақ`) are not addresses.
import SitegenCore

enum IPLiteralScanner {
    static func find(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        while i < s.count {
            let u = s[i]
            guard isHex(u) || u == "[" || u == ":" else { i += 1; continue }
            // Start only at the beginning of a word.
            if i > 0, TelegramTextBoundaries.isWordCharacter(s[i - 1]) || s[i - 1] == "." || s[i - 1] == ":" {
                i += 1
                continue
            }
            var end = i
            if u == "[" {
                end += 1
                while end < s.count, isHex(s[end]) || s[end] == ":" || s[end] == "." { end += 1 }
                if end < s.count, s[end] == "]", isIPv6(String(scalars: s[(i + 1)..<end])) {
                    out.append(i..<(end + 1))
                    i = end + 1
                    continue
                }
                i += 1
                continue
            }
            while end < s.count, isHex(s[end]) || s[end] == ":" || s[end] == "." { end += 1 }
            // The dot or colon that ends a sentence is not part of the address.
            while end > i, s[end - 1] == "." || s[end - 1] == ":" && !(end - 2 >= i && s[end - 2] == ":") { end -= 1 }
            // Most candidates are a number or a word of hex letters (`42`, `egov`): an address needs
            // three dots or a colon, which is counted before any string is made.
            var dots = 0, colons = 0
            for k in i..<end {
                if s[k] == "." { dots += 1 } else if s[k] == ":" { colons += 1 }
            }
            guard colons > 0 || dots == 3 else {
                i = max(end, i + 1)
                continue
            }
            let text = String(scalars: s[i..<end])
            // A clause number with a suffix (`1.2.3.4-тармақ`) is no address, to the apps either.
            let followedByWord = end < s.count && (TelegramTextBoundaries.isWordCharacter(s[end]) || s[end] == "-")
            if !followedByWord, isIPv4(text) || isIPv6(text) {
                out.append(i..<end)
            }
            i = max(end, i + 1)
        }
        return out
    }

    private static func isHex(_ u: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(u) || ("a"..."f").contains(u) || ("A"..."F").contains(u)
    }

    /// Four decimal numbers of at most 255 joined by dots, without leading zeros (``DottedQuad``).
    static func isIPv4<S: StringProtocol>(_ text: S) -> Bool { DottedQuad.matches(text) }

    /// Hex groups joined by colons: eight of them, or fewer with one `::`; an IPv4 tail counts as two.
    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var groups = text.components(separatedBy: ":")
        var extra = 0
        if let last = groups.last, last.contains(".") {
            guard isIPv4(last) else { return false }
            groups.removeLast()
            extra = 2
        }
        let compressed = text.components(separatedBy: "::").count - 1
        guard compressed <= 1 else { return false }
        let filled = groups.filter { !$0.isEmpty }
        guard filled.allSatisfy({ $0.count <= 4 && $0.unicodeScalars.allSatisfy(isHex) }) else { return false }
        // Without `::` a time (`10:30:00`) would pass: require the full eight groups then.
        if compressed == 0 { return filled.count + extra == 8 && groups.count == filled.count }
        return filled.count + extra < 8 && !filled.isEmpty
    }
}
