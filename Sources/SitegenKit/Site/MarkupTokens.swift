/// Where a browser's HTML tokenizer sees tags and comments in markup, for the checks that must know
/// which text is markup: a start tag's name and where it ends, read through its attributes as the
/// tokenizer's states read them (a quote opens a value only after `=`; in a name it is part of the
/// name; an unquoted value runs to a space or `>`), and comments ended as the tokenizer ends them
/// (`-->`, `--!>`, and at once in `<!-->` and `<!--->`). Bogus comments (`<!x>`, `<?x>`, `</1>`) end
/// at the first `>`.
enum MarkupTokens {
    /// Elements whose text a browser reads as text, not markup, up to their end tag: shown as written
    /// (`<textarea>`, `<title>`, `<xmp>`) or not at all (`<iframe>`, `<noembed>`, `<noframes>`).
    static let shownText: Set<String> = ["textarea", "title", "xmp"]
    static let textOnly: Set<String> = shownText.union(["iframe", "noembed", "noframes"])

    /// A tag found at `start` (`<name …>` or `</name …>`): its name in lower case, whether it closes,
    /// whether it ends `/>`, and just after its `>` (or the end of the markup).
    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var end: Int
    }

    /// What stands at `i`, a `<`: a tag, the end of a comment or bogus comment (`.skip`), or nothing
    /// (a `<` that is text).
    enum Token {
        case tag(Tag)
        case skip(to: Int)
        case text
    }

    static func token(_ b: [UInt8], at i: Int) -> Token {
        let n = b.count
        guard i + 1 < n, b[i] == 0x3C else { return .text }
        let next = b[i + 1]
        if next == 0x21 {
            // `<!--` starts a comment; any other `<!` a bogus one, to the first `>`.
            if i + 3 < n, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                var j = i + 4
                // `<!-->` and `<!--->` end at once.
                if j < n, b[j] == 0x3E { return .skip(to: j + 1) }
                if j + 1 < n, b[j] == 0x2D, b[j + 1] == 0x3E { return .skip(to: j + 2) }
                while j < n {
                    if b[j] == 0x2D, j + 2 < n, b[j + 1] == 0x2D, b[j + 2] == 0x3E { return .skip(to: j + 3) }
                    if b[j] == 0x2D, j + 3 < n, b[j + 1] == 0x2D, b[j + 2] == 0x21, b[j + 3] == 0x3E { return .skip(to: j + 4) }
                    j += 1
                }
                return .skip(to: n)
            }
            return .skip(to: firstGreater(b, from: i + 2))
        }
        if next == 0x3F { return .skip(to: firstGreater(b, from: i + 2)) }
        let closing = next == 0x2F
        let nameStart = i + (closing ? 2 : 1)
        guard nameStart < n, isLetter(b[nameStart]) else {
            // `</>` is dropped; `</1…>` is a bogus comment; a `<` before anything else is text.
            return closing ? .skip(to: firstGreater(b, from: nameStart)) : .text
        }
        var j = nameStart
        while j < n, !StaticFileCheck.isSpace(b[j]), b[j] != 0x2F, b[j] != 0x3E { j += 1 }
        let name = String(decoding: b[nameStart..<j].map { isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        // The attributes, by the tokenizer's states, to the `>` that ends the tag.
        var selfClosing = false
        while j < n {
            let c = b[j]
            if StaticFileCheck.isSpace(c) { j += 1; continue }
            if c == 0x3E { return .tag(Tag(name: name, closing: closing, selfClosing: selfClosing, end: j + 1)) }
            if c == 0x2F { selfClosing = j + 1 < n && b[j + 1] == 0x3E; j += 1; continue }
            selfClosing = false
            // A name: to a space, `/`, `>` or `=` (a quote or `<` in it is part of it); the first
            // character is taken whatever it is (`=` included).
            j += 1
            while j < n, !StaticFileCheck.isSpace(b[j]), b[j] != 0x2F, b[j] != 0x3E, b[j] != 0x3D { j += 1 }
            while j < n, StaticFileCheck.isSpace(b[j]) { j += 1 }
            guard j < n, b[j] == 0x3D else { continue }
            j += 1
            while j < n, StaticFileCheck.isSpace(b[j]) { j += 1 }
            guard j < n else { break }
            if b[j] == 0x22 || b[j] == 0x27 {
                let quote = b[j]
                j += 1
                while j < n, b[j] != quote { j += 1 }
                j = min(j + 1, n)
            } else if b[j] != 0x3E {
                while j < n, !StaticFileCheck.isSpace(b[j]), b[j] != 0x3E { j += 1 }
            }
        }
        return .tag(Tag(name: name, closing: closing, selfClosing: selfClosing, end: n))
    }

    private static func firstGreater(_ b: [UInt8], from i: Int) -> Int {
        var j = i
        while j < b.count, b[j] != 0x3E { j += 1 }
        return min(j + 1, b.count)
    }

    private static func isUpper(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) }
    private static func isLetter(_ c: UInt8) -> Bool { isUpper(c) || (0x61...0x7A).contains(c) }
}
