/// What a reader takes for an address on Telegram though the app links only its host: a handle written
/// after the host and a colon, a backslash or a slash that is not the path's (`t.me:/EvilBot`,
/// `t.me:EvilBot`, `t.me\EvilBot`, `t.me∶EvilBot`, `t.me⁄EvilBot`, `T.Me//EvilBot`), after the host's
/// trailing dot (`t.me./EvilBot`), after a mark an address or code is written with (`t.me%3AEvilBot`,
/// `t.me|EvilBot`, `t.me$EvilBot`), or with spaces around the colon and the slash (`t.me :/EvilBot`). A browser opens
/// `https://t.me:/EvilBot` and `https://t.me./EvilBot` as `t.me/EvilBot`, and an editor who wrote one
/// meant it.
extension TextTokens {
    /// Where what is named after a Telegram host ending at `hostEnd` starts and ends (without a leading
    /// `@`): up to the next space, without the punctuation that ends a sentence and the separators before it. Nil when nothing
    /// is named so: `t.me/handle` (a path the scan reads as one), a port (`t.me:80`), a suffix (`t.me-ге`),
    /// punctuation of prose after the host (`t.me—Telegram`, `(t.me,@Kenes1414Bot)`, `«t.me»/«telegram.me»`),
    /// a colon before a space (`t.me: бәрі ресми`), a word of another script alone (`t.me:төменде`).
    static func telegramNamed(after hostEnd: Int, _ s: [Unicode.Scalar]) -> (start: Int, end: Int)? {
        guard hostEnd < s.count else { return nil }
        let next = s[hostEnd]
        // `t.me/handle` is a path the scan reads as one (`t.me//EvilBot`, `t.me/:EvilBot` are not).
        if next == "/", hostEnd + 1 < s.count, isHandleChar(s[hostEnd + 1]) { return nil }
        // Only a mark an address or code is written with makes what follows part of it; prose punctuation
        // (dashes, brackets, quotes, commas) does not.
        guard isSeparator(next) || ".%|$~=&^{}<>`#".unicodeScalars.contains(next) || next.properties.isWhitespace else { return nil }
        let end = wordEnd(from: hostEnd, s)
        var k = hostEnd
        // The separators, and the host's trailing dot before them (`t.me./EvilBot`, `t.me.:/EvilBot`).
        while k < end, isSeparator(s[k]) || (k == hostEnd && s[k] == ".") { k += 1 }
        if k == end {
            // Nothing glued on after them: a colon and a slash with spaces around, or a space before a slash.
            return spaced(after: hostEnd, s)
        }
        let first = s[k]
        if PhoneNumbers.isDigit(first), k > hostEnd, isColonLike(s[k - 1]) { return nil }
        // A mention alone after a separator (`t.me:@EvilBot`) is read as a mention; with more after it
        // (`t.me:/@Kenes1414Bot/../EvilBot`), it is part of what is named.
        if first == "@", k > hostEnd, s[(k + 1)..<end].allSatisfy(isHandleChar) { return nil }
        return name(s, k..<end)
    }

    /// The name in `s[range]`, without a leading `@`, when it holds a Latin letter (`t.me:/ЕvilBot` does,
    /// `t.me:төменде` does not).
    private static func name(_ s: [Unicode.Scalar], _ range: Range<Int>) -> (start: Int, end: Int)? {
        guard s[range].contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return nil }
        return (s[range.lowerBound] == "@" ? range.lowerBound + 1 : range.lowerBound, range.upperBound)
    }

    /// Where the word from `start` ends: at the next space, without the punctuation that ends a sentence.
    private static func wordEnd(from start: Int, _ s: [Unicode.Scalar]) -> Int {
        var end = start
        while end < s.count, !s[end].properties.isWhitespace { end += 1 }
        while end > start, endsSentence(s[end - 1]) { end -= 1 }
        return end
    }

    /// `t.me :/EvilBot`, `t.me: /EvilBot`, `t.me:/ EvilBot`, `t.me /EvilBot`, `t.me/ EvilBot`, `t.me :EvilBot`,
    /// what follows, when it holds a Latin letter.
    private static func spaced(after hostEnd: Int, _ s: [Unicode.Scalar]) -> (start: Int, end: Int)? {
        var k = hostEnd
        var colon = false, slash = false, backslash = false
        var spaceBeforeSlash = false, spaceAfterSlash = false, spaceAfterColon = false, space = false
        while k < s.count {
            let u = s[k]
            if isColonLike(u) {
                colon = true
                spaceAfterColon = false
            } else if u == "/" || isSlashLike(u) || isBackslashLike(u) {
                if !slash { spaceBeforeSlash = space }
                slash = true
                backslash = backslash || isBackslashLike(u)
            } else if u.properties.isWhitespace {
                space = true
                if slash { spaceAfterSlash = true }
                if colon { spaceAfterColon = true }
            } else if u != "." {
                break
            }
            k += 1
        }
        // A slash and then the name, or a slash glued to the host; a colon and a slash around spaces, or a
        // backslash (`t.me :/ EvilBot`, `t.me\ EvilBot`); a colon with the name glued to it (`t.me :EvilBot`).
        // A colon, a space and a word is prose (`t.me: бәрі ресми`), and so is a slash between spaces
        // (`t.me / egov.kz`).
        let named = slash ? (colon || backslash || !spaceAfterSlash || !spaceBeforeSlash) : (colon && !spaceAfterColon)
        guard named, k < s.count else { return nil }
        return name(s, k..<wordEnd(from: k, s))
    }

    /// Punctuation that ends a sentence or closes a quote or bracket after a name.
    private static func endsSentence(_ u: Unicode.Scalar) -> Bool {
        ".,;:!?)]}»”’\"'…*".unicodeScalars.contains(u)
    }

    private static func isSeparator(_ u: Unicode.Scalar) -> Bool { isColonLike(u) || u == "/" || isSlashLike(u) || isBackslashLike(u) }

    /// A letter or symbol drawn as a colon, a slash or a backslash (`ː`, `ノ`, `〳`): no part of a word,
    /// as a reader sees it end one (`t.meノEvilBot` is the host and a name).
    static func isMarkLike(_ u: Unicode.Scalar) -> Bool { isColonLike(u) || isSlashLike(u) || isBackslashLike(u) }

    /// `:` and what is drawn as one (ratio, modifier letters, Hebrew and Syriac marks, small and vertical forms).
    static func isColonLike(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x3A, 0xFF1A, 0x2236, 0x2237, 0xA789, 0x02D0, 0x02F8, 0x05C3, 0x0703, 0x0704, 0xFE55, 0xFE13, 0x0589, 0x0903,
             0x0A83, 0x16EC, 0x1803, 0x1804, 0x1809, 0x205A, 0x2982, 0xFE30, 0xA4FD, 0x10781: return true
        default: return false
        }
    }

    /// What is drawn as a slash but is none to a parser (fraction and division slashes, box drawing, the
    /// katakana `ノ`, CJK strokes, the kana repeat marks).
    static func isSlashLike(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xFF0F, 0x2041, 0x2044, 0x2215, 0x29F6, 0x29F8, 0x27CB, 0x2571, 0x1735, 0x141F, 0x2CC6, 0x2F03, 0x3033, 0x3035,
             0x30CE, 0x31D3, 0x32E8, 0x4E3F, 0xFF89, 0x1D23A: return true
        default: return false
        }
    }

    /// `\` and what is drawn as one.
    static func isBackslashLike(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x5C, 0xFF3C, 0x2216, 0x29F5, 0x29F9, 0xFE68, 0x27CD, 0x2572, 0x2F02, 0x31D4, 0x4E36, 0x1D20F, 0x1D23B: return true
        default: return false
        }
    }
}
