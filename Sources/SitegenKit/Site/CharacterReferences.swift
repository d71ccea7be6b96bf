/// Character references in markup decoded as a browser decodes them: numeric ones (`&#117;`, `&#x75;`,
/// with or without `;`, any number of leading zeros; `&#0;` and one past Unicode are U+FFFD) and the
/// named ones of XML (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;`). Read by ``TemplateIDs`` (the ids a
/// template writes) and ``RenderedLinks`` (the addresses a page leads to).
enum CharacterReferences {
    /// `v` with its references decoded. Another named reference (`&colon;`, which spells `:`) is kept as
    /// written with `keepingOtherNames`; otherwise the value is nil, since an address could hide behind
    /// it, as behind `&#` without digits.
    static func decoded(_ v: [UInt8], keepingOtherNames: Bool = false) -> [UInt8]? {
        guard v.contains(0x26) else { return v }
        var out: [UInt8] = []
        var i = 0
        let named: [(String, UInt8)] = [("amp;", 0x26), ("lt;", 0x3C), ("gt;", 0x3E), ("quot;", 0x22), ("apos;", 0x27)]
        while i < v.count {
            guard v[i] == 0x26 else {
                out.append(v[i])
                i += 1
                continue
            }
            let rest = v[(i + 1)...]
            if rest.first == 0x23 {
                var j = i + 2
                let hex = j < v.count && (v[j] | 0x20) == 0x78
                if hex { j += 1 }
                let digitsStart = j
                var value: UInt32 = 0
                while j < v.count, let d = digit(v[j], hex: hex) {
                    value = value > 0x10FFFF ? value : value &* (hex ? 16 : 10) &+ d
                    j += 1
                }
                if j > digitsStart {
                    let scalar = value == 0 || value > 0x10FFFF ? nil : Unicode.Scalar(value)
                    out += Array(String(Character(scalar ?? "\u{FFFD}")).utf8)
                    i = j < v.count && v[j] == 0x3B ? j + 1 : j
                    continue
                }
                if !keepingOtherNames { return nil }
            } else if let (name, byte) = named.first(where: { rest.starts(with: Array($0.0.utf8)) }) {
                out.append(byte)
                i += 1 + name.utf8.count
                continue
            } else if !keepingOtherNames, let next = rest.first, isASCIILetterOrDigit(next) {
                // `&` before a letter or digit may begin a named reference a browser decodes.
                return nil
            }
            out.append(0x26)
            i += 1
        }
        return out
    }

    private static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x61...0x66 where hex: return UInt32(c - 0x61 + 10)
        case 0x41...0x46 where hex: return UInt32(c - 0x41 + 10)
        default: return nil
        }
    }

    private static func isASCIILetterOrDigit(_ c: UInt8) -> Bool {
        (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c)
    }
}
