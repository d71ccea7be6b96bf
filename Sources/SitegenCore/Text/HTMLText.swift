/// Escaping for text that sitegen itself puts into HTML.
package enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, which makes text safe in element content and in quoted
    /// attribute values alike.
    package static func escape(_ s: String) -> String {
        // Most values (titles, addresses) have nothing to escape: hand them back as they are.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return s
        }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
