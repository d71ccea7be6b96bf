/// Reads the URL-bearing attributes out of a piece of raw HTML.
///
/// Raw HTML is never published, but a link written in it is still judged by the link policy, so
/// an editor learns of a bad link wherever it was typed. This is a small tokenizer that follows the
/// HTML attribute syntax (quoted, unquoted, no value), not a pattern over the text.
enum RawHTMLScanner {
    struct Attribute: Equatable {
        var name: String
        var value: String
        /// Lines from the start of the HTML to the value, and the byte offset of the value in its line.
        var lineOffset: Int
        var byteOffset: Int
    }

    static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "cite", "poster", "background", "data", "srcset",
        "xlink:href", "longdesc", "manifest", "ping", "codebase", "icon",
    ]

    static func urlAttributes(in html: String) -> [Attribute] {
        attributes(in: html).filter { urlAttributes.contains($0.name) }
    }

    static func attributes(in html: String) -> [Attribute] {
        let b = Array(html.utf8)
        var out: [Attribute] = []
        var i = 0
        var line = 0
        var lineStart = 0
        func advance() {
            if b[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        while i < b.count {
            // Find a tag start: `<` followed by a letter.
            guard b[i] == UInt8(ascii: "<"), i + 1 < b.count, isLetter(b[i + 1]) else { advance(); continue }
            advance()
            while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">"), b[i] != UInt8(ascii: "/") { advance() }
            // Attributes until `>`.
            while i < b.count, b[i] != UInt8(ascii: ">") {
                if isSpace(b[i]) || b[i] == UInt8(ascii: "/") { advance(); continue }
                let nameStart = i
                while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ">"),
                      b[i] != UInt8(ascii: "/") || i == nameStart { advance() }
                let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
                while i < b.count, isSpace(b[i]) { advance() }
                guard i < b.count, b[i] == UInt8(ascii: "=") else { continue }
                advance()
                while i < b.count, isSpace(b[i]) { advance() }
                guard i < b.count else { break }
                var value: String
                let valueLine = line
                var valueOffset = i - lineStart
                if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    let quote = b[i]
                    advance()
                    valueOffset = i - lineStart
                    let vs = i
                    while i < b.count, b[i] != quote { advance() }
                    value = String(decoding: b[vs..<i], as: UTF8.self)
                    if i < b.count { advance() }
                } else {
                    let vs = i
                    while i < b.count, !isSpace(b[i]), b[i] != UInt8(ascii: ">") { advance() }
                    value = String(decoding: b[vs..<i], as: UTF8.self)
                }
                value = HTMLEntities.decode(value)
                out.append(Attribute(name: name, value: value, lineOffset: valueLine, byteOffset: valueOffset))
            }
        }
        return out
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
}

/// Decodes the character references a browser would decode in an attribute value: numeric ones and
/// the named ones that matter for URLs. An unknown named reference is kept as typed.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "sol": "/",
        "period": ".", "commat": "@", "tab": "\t", "newline": "\n", "nbsp": "\u{A0}", "num": "#",
        "quest": "?", "equals": "=", "percnt": "%", "bsol": "\\", "lpar": "(", "rpar": ")",
    ]

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var scalars = Array(s.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            guard c == "&" else { out.unicodeScalars.append(c); continue }
            var ref = ""
            var rest = scalars
            while let n = rest.first, n != ";", ref.count < 32, n.properties.isAlphabetic || n.properties.numericType != nil || n == "#" || n == "x" || n == "X" {
                ref.unicodeScalars.append(n)
                rest = rest.dropFirst()
            }
            let terminated = rest.first == ";"
            if terminated { rest = rest.dropFirst() }
            if ref.hasPrefix("#") {
                let digits = ref.dropFirst()
                let value = digits.first == "x" || digits.first == "X"
                    ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
                if let v = value, let u = Unicode.Scalar(v) {
                    out.unicodeScalars.append(u)
                    scalars = rest
                    continue
                }
            } else if let v = named[ref.lowercased()] {
                out += v
                scalars = rest
                continue
            }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
