/// Escaping for text that sitegen itself puts into HTML.
package enum HTMLText {
    /// Escapes `&`, `<`, `>`, `"` and `'`, which makes text safe in element content and in quoted
    /// attribute values alike.
    package static func escape(_ s: String) -> String {
        // Read as bytes: every character escaped is ASCII, and no byte of a longer character is one of
        // them. Most values (titles, addresses) have nothing to escape and are handed back as they are.
        // (`withUTF8` first makes contiguous a String whose bytes are not stored in one piece.)
        var text = s
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: isEscaped) else { return nil }
            var extra = 0
            for b in bytes[first...] { extra += entity(b).map { $0.utf8CodeUnitCount - 1 } ?? 0 }
            return String(unsafeUninitializedCapacity: bytes.count + extra) { out in
                var n = 0
                for b in bytes[..<first] {
                    out[n] = b
                    n += 1
                }
                for b in bytes[first...] {
                    guard let entity = entity(b) else {
                        out[n] = b
                        n += 1
                        continue
                    }
                    entity.withUTF8Buffer { for e in $0 { out[n] = e; n += 1 } }
                }
                return n
            }
        }
        return escaped ?? s
    }

    private static func isEscaped(_ b: UInt8) -> Bool { b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 }

    /// The entity that stands for an escaped byte; nil for any other.
    private static func entity(_ b: UInt8) -> StaticString? {
        switch b {
        case 0x26: return "&amp;"
        case 0x3C: return "&lt;"
        case 0x3E: return "&gt;"
        case 0x22: return "&quot;"
        case 0x27: return "&#39;"
        default: return nil
        }
    }
}
