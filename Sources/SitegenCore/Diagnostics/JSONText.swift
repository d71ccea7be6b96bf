/// JSON string quoting, shared by every writer of JSON so that escaping is done one way.
package enum JSONText {
    /// A JSON string literal for `s`: quotes, backslashes and control characters escaped, `<`, `>`
    /// and `&` escaped too so the text is also safe inside an HTML `<script>` element.
    package static func quote(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out, forHTML: true)
        return String(decoding: out, as: UTF8.self)
    }

    /// `s` as a JSON string literal in UTF-8, appended to `out`. Besides what JSON requires, U+2028 and
    /// U+2029 are escaped, so that the text is also safe inside a JavaScript string; with `forHTML`,
    /// `<`, `>` and `&` too, so that it is safe inside an HTML `<script>` element.
    package static func append(_ s: String, to out: inout [UInt8], forHTML: Bool) {
        out.append(UInt8(ascii: "\""))
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, UInt8(ascii: "n")]
            case 0x0D: out += [0x5C, UInt8(ascii: "r")]
            case 0x09: out += [0x5C, UInt8(ascii: "t")]
            case 0..<0x20, 0x2028, 0x2029: escape(u, to: &out)
            case 0x3C, 0x3E, 0x26 where forHTML: escape(u, to: &out)
            case 0..<0x80: out.append(UInt8(u.value))
            default: UTF8.encode(u) { out.append($0) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lowercase hex digits.
    private static func escape(_ u: Unicode.Scalar, to out: inout [UInt8]) {
        let hex = String(u.value, radix: 16)
        out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
    }
}
