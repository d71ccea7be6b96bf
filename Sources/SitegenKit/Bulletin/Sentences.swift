import UnicodeSecurity

/// Cuts a paragraph's inline content between sentences, where a long block must be cut. A cut falls
/// only in plain text: never inside a link, emphasis or code.
enum Sentences {
    static func split(_ content: [BulletinInline], language: String) -> [[BulletinInline]] {
        // Where each top-level text piece sits in the paragraph's text, in UTF-16 units.
        var text = ""
        var starts: [Int] = []
        var length = 0
        for inline in content {
            // Counted piece by piece: counting the growing text again each time is quadratic.
            starts.append(length)
            let piece = inline.plainText
            text += piece
            length += piece.utf16.count
        }
        var cuts: [(index: Int, offset: Int)] = []
        // Boundaries come in order, so the piece each falls in is found by moving forward.
        var i = -1
        for boundary in SentenceBoundaries.offsets(in: text, language: language) {
            while i + 1 < starts.count && starts[i + 1] <= boundary { i += 1 }
            guard i >= 0 else { continue }
            if starts[i] == boundary {
                cuts.append((i, 0))  // between two pieces
            } else if case .text = content[i] {
                cuts.append((i, boundary - starts[i]))
            }
        }
        guard !cuts.isEmpty else { return [content] }
        var sentences: [[BulletinInline]] = []
        var current: [BulletinInline] = []
        var next = 0
        for (i, inline) in content.enumerated() {
            guard next < cuts.count, cuts[next].index == i else {
                current.append(inline)
                continue
            }
            guard case .text(let s) = inline else {
                // A cut before a piece that is not text.
                while next < cuts.count, cuts[next].index == i { next += 1 }
                sentences.append(current)
                current = [inline]
                continue
            }
            // The text's units are read once, however many sentences it holds.
            let units = Array(s.utf16)
            var consumed = 0
            while next < cuts.count, cuts[next].index == i {
                let offset = cuts[next].offset
                next += 1
                let head = String(decoding: units[consumed..<offset], as: UTF16.self)
                consumed = offset
                if !head.isEmpty { current.append(.text(head)) }
                sentences.append(current)
                current = []
            }
            current.append(.text(String(decoding: units[consumed...], as: UTF16.self)))
        }
        sentences.append(current)
        return sentences.map(trimmed).filter { !$0.isEmpty }
    }

    /// A sentence without the spaces it was cut at.
    static func trimmed(_ content: [BulletinInline]) -> [BulletinInline] {
        var c = content
        if case .text(let s)? = c.first {
            let t = String(s.drop { $0 == " " || $0 == "\n" })
            if t.isEmpty { c.removeFirst() } else { c[0] = .text(t) }
        }
        if case .text(let s)? = c.last {
            var t = Substring(s)
            while let l = t.last, l == " " || l == "\n" { t = t.dropLast() }
            if t.isEmpty { c.removeLast() } else { c[c.count - 1] = .text(String(t)) }
        }
        return c
    }

    /// Sentences joined back into one paragraph.
    static func joined(_ sentences: ArraySlice<[BulletinInline]>) -> [BulletinInline] {
        var out: [BulletinInline] = []
        for s in sentences {
            if !out.isEmpty { out.append(.text(" ")) }
            out += s
        }
        return out
    }
}
