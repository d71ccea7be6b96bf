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

    /// `s` as a JSON string literal in UTF-8, appended to `out`. Besides what JSON requires, `<`, `>`,
    /// U+2028 and U+2029 are escaped, so that the text is also safe inside a JavaScript string and
    /// cannot close an HTML element; with `forHTML`, `&` too, so that it is safe inside an HTML
    /// `<script>` element.
    package static func append(_ s: String, to out: inout [UInt8], forHTML: Bool) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { appendBody($0, to: &out, forHTML: forHTML) }
        out.append(UInt8(ascii: "\""))
    }

    /// The inside of a JSON string literal for `bytes` (UTF-8), appended to `out`: what
    /// ``append(_:to:forHTML:)`` writes between the quotes. The bytes are read as they are, and every
    /// run of them that needs no escape is copied at once (a manifest or search index holds megabytes
    /// of such text).
    package static func appendBody(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], forHTML: Bool) {
        guard let start = bytes.baseAddress else { return }
        var copied = 0
        var i = 0
        func escape(_ escaped: StaticString, through end: Int) {
            out.append(contentsOf: UnsafeBufferPointer(start: start + copied, count: i - copied))
            out.append(contentsOf: UnsafeBufferPointer(start: escaped.utf8Start, count: escaped.utf8CodeUnitCount))
            copied = end
            i = end
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x22: escape("\\\"", through: i + 1)
            case 0x5C: escape("\\\\", through: i + 1)
            case 0x0A: escape("\\n", through: i + 1)
            case 0x0D: escape("\\r", through: i + 1)
            case 0x09: escape("\\t", through: i + 1)
            case 0x3C: escape("\\u003c", through: i + 1)
            case 0x3E: escape("\\u003e", through: i + 1)
            case 0x26 where forHTML: escape("\\u0026", through: i + 1)
            case 0..<0x20:
                out.append(contentsOf: UnsafeBufferPointer(start: start + copied, count: i - copied))
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0x0F)]]
                i += 1
                copied = i
            // U+2028 and U+2029 (E2 80 A8, E2 80 A9): line ends to JavaScript.
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA8:
                escape("\\u2028", through: i + 3)
            case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA9:
                escape("\\u2029", through: i + 3)
            default:
                i += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: start + copied, count: i - copied))
    }
}
