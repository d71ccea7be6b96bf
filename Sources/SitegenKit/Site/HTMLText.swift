/// Escaping for text that sitegen itself puts into HTML.
public enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, which makes text safe in element content and in quoted
    /// attribute values alike.
    public static func escape(_ s: String) -> String {
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
