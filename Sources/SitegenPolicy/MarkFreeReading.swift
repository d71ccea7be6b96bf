/// A text as a reader reads it past the combining marks drawn on its characters.
///
/// `evil.́com` is `evil.com` to the eye, `t.mé/EvilBot` a bot's address, `e̲v̲i̲l̲.̲c̲o̲m̲` (underlined by a
/// text generator) a site, and `8 70́1 123 45 67` a number to dial, though no app links any of them as
/// that: a mark ends a name or a number to an app, not to a reader, who types what is under it.
struct MarkFreeReading {
    /// The text's characters without the marks.
    let scalars: [Unicode.Scalar]
    /// Whether each kept character carries a mark (one was dropped after it).
    let marked: [Bool]
    /// For each kept character, its index in the text, and one more entry: the text's length.
    private let source: [Int]
    /// For each kept character, its UTF-8 offset in the text without the marks, and one more entry.
    private let offsets: [Int]

    /// The text without its marks, or nil when it holds no mark on a character (a mark that opens the
    /// text is on none and stays).
    init?(_ written: [Unicode.Scalar]) {
        guard let first = written.indices.dropFirst().first(where: { Self.isMark(written[$0]) }) else { return nil }
        var scalars = Array(written[..<first]), marked = [Bool](repeating: false, count: first)
        var source = Array(0..<first)
        for i in first..<written.count {
            if Self.isMark(written[i]) {
                marked[marked.count - 1] = true
                continue
            }
            scalars.append(written[i])
            marked.append(false)
            source.append(i)
        }
        source.append(written.count)
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (k, u) in scalars.enumerated() { offsets[k + 1] = offsets[k] + UTF8.width(u) }
        self.scalars = scalars
        self.marked = marked
        self.source = source
        self.offsets = offsets
    }

    /// The kept characters that the UTF-8 range `utf8` of the text without marks spans.
    func characters(_ utf8: Range<Int>) -> Range<Int> {
        func index(_ offset: Int) -> Int {
            var lo = 0, hi = offsets.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return index(utf8.lowerBound)..<index(utf8.upperBound)
    }

    /// Where the kept characters `kept` are in the text as written, in UTF-8 bytes (`writtenOffsets`:
    /// the UTF-8 offset of each of its characters, and its length), with the marks on the last among
    /// them unless `marksAfter` is false.
    func written(_ kept: Range<Int>, writtenOffsets: [Int], marksAfter: Bool = true) -> Range<Int> {
        let end = marksAfter || kept.isEmpty ? source[kept.upperBound] : source[kept.upperBound - 1] + 1
        return writtenOffsets[source[kept.lowerBound]]..<writtenOffsets[end]
    }

    /// Whether `text` may hold a mark (``isMark(_:)``), from its bytes: false for text of ASCII, Latin,
    /// Greek and Cyrillic letters alone, nearly every text of a page, without decoding it.
    static func mayHoldMark(_ text: String) -> Bool {
        var afterD2 = false
        for b in text.utf8 {
            // U+0300–U+036F, U+0483–U+0489, and whatever lies above U+057F.
            if b == 0xCC || b == 0xCD || (b >= 0xD6 && b < 0xF8) || (afterD2 && b >= 0x83 && b <= 0x89) { return true }
            afterD2 = b == 0xD2
        }
        return false
    }

    /// The characters of the text as written that the kept characters `kept` are, with the marks on the last.
    func writtenCharacters(_ kept: Range<Int>) -> Range<Int> {
        source[kept.lowerBound]..<source[kept.upperBound]
    }

    /// A combining mark drawn on the character before it (general category Mn or Me): an accent, a
    /// line under or through it, a circle around it; not one drawn as a dot.
    static func isMark(_ u: Unicode.Scalar) -> Bool {
        // ASCII, Latin, Greek and Cyrillic letters hold none: no property lookup for nearly every character.
        let v = u.value
        if v < 0x300 || (v >= 0x370 && v < 0x483) || (v >= 0x48A && v < 0x591) { return false }
        switch u.properties.generalCategory {
        // A mark drawn as a dot (`tolemׅkz`) is read as a dot, as ``FakeNameMatcher/isDotLike(_:)`` says.
        case .nonspacingMark, .enclosingMark: return !FakeNameMatcher.isDotLike(u)
        default: return false
        }
    }
}
