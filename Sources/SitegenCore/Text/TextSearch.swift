import Foundation

extension String {
    /// The text without the spaces and tabs at either end: what Foundation's `.whitespaces` trims
    /// (general category Zs, U+0009 and, in this Foundation, U+200B), read in Swift. Foundation's
    /// `trimmingCharacters(in:)` copies the text into an NSString first; on every list item of a page
    /// that was a tenth of `check`.
    package func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, Self.isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, Self.isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        return String(scalars[start..<end])
    }

    private static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\t" || u == "\u{200B}" || (u.value >= 0x80 && u.properties.generalCategory == .spaceSeparator)
    }
}

extension String {
    /// Whether the text holds `other`'s bytes, without copying both into NSStrings as Foundation's
    /// `contains(_:)` does. For the words it is given (`www`, «теңге») the answers are the same, but
    /// before a combining mark, where the bytes find the word and Foundation does not: its callers are
    /// quick filters, for which finding more means a closer look, never a miss.
    package func containsBytes(of other: String) -> Bool {
        var text = self
        var wanted = other
        return text.withUTF8 { t in
            wanted.withUTF8 { w in
                guard !w.isEmpty else { return false }  // as Foundation answers
                guard w.count <= t.count else { return false }
                let first = w[0]
                var i = 0
                while i <= t.count - w.count {
                    if t[i] == first, memcmp(t.baseAddress! + i, w.baseAddress!, w.count) == 0 { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
