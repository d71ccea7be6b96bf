import UnicodeSecurity

/// Cuts a paragraph's inline content between sentences, where a long block must be cut. A cut falls
/// only in plain text: never inside a link, emphasis or code.
enum Sentences {
    static func split(_ content: [BulletinInline], language: String) -> [[BulletinInline]] {
        // Where each top-level text piece sits in the paragraph's text, in UTF-16 units.
        var text = ""
        var starts: [Int] = []
        for inline in content {
            starts.append(text.utf16.count)
            text += inline.plainText
        }
        var cuts: [(index: Int, offset: Int)] = []
        for boundary in SentenceBoundaries.offsets(in: text, language: language) {
            guard let i = starts.lastIndex(where: { $0 <= boundary }) else { continue }
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
            var remainder = inline
            var consumed = 0
            while next < cuts.count, cuts[next].index == i {
                let offset = cuts[next].offset - consumed
                next += 1
                guard case .text(let s) = remainder else {
                    sentences.append(current)
                    current = []
                    continue
                }
                let units = Array(s.utf16)
                let head = String(decoding: units[..<offset], as: UTF16.self)
                remainder = .text(String(decoding: units[offset...], as: UTF16.self))
                consumed += offset
                if !head.isEmpty { current.append(.text(head)) }
                sentences.append(current)
                current = []
            }
            current.append(remainder)
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
