import Foundation
import SitegenCore

/// A text as a reader reads it where no app reads it so: past the combining marks drawn on its
/// characters, and with what is drawn as digits in a number read as those digits.
///
/// `evil.́com` is `evil.com` to the eye, `t.mé/EvilBot` a bot's address, `e̲v̲i̲l̲.̲c̲o̲m̲` (underlined by a
/// text generator) a site, `8 70́1 123 45 67`, `8 7О1 123 45 67` (a Cyrillic О) and `⁸ ⁷⁰¹ ¹²³ ⁴⁵ ⁶⁷` numbers
/// to dial, `4400 43О1 2345 6789` a card to pay to, though no app links any of them as that: a mark or a
/// letter ends a name or a number to an app, not to a reader, who types what they see.
struct ReaderReading {
    /// The text's characters without the marks, digits as read.
    let scalars: [Unicode.Scalar]
    /// Whether each kept character reads otherwise than written: a mark was drawn on it, or it is read
    /// as a digit.
    let changed: [Bool]
    /// For each kept character, its index in the text, and one more entry: the text's length.
    private let source: [Int]
    /// For each kept character, its UTF-8 offset in the reading, and one more entry.
    private let offsets: [Int]
    /// Whether each kept character is, or stands beside, a mark written defanged (`evil[.]com`,
    /// `info(at)evil(dot)com`, `hxxps://`): sitegen writes known fakes so in its warnings.
    let defanged: [Bool]

    /// The text as read, or nil when it reads as written.
    init?(_ written: [Unicode.Scalar]) {
        var scalars: [Unicode.Scalar] = [], changed: [Bool] = [], source: [Int] = []
        scalars.reserveCapacity(written.count)
        changed.reserveCapacity(written.count)
        source.reserveCapacity(written.count + 1)
        // What a reader reads past besides marks: the brackets of a defanged mark and the letters of a
        // spelt-out one (`[.]`, `(dot)`), spaces around a name's dot, an ending glued to a name. The last two
        // are found in the text with defanged marks read (`evil [dot] com`).
        let fanged = Self.defangedMarks(written)
        var kept: [Int] = []
        var plain: [Unicode.Scalar] = []
        if !fanged.skipped.isEmpty || !fanged.read.isEmpty {
            let skipped = Set(fanged.skipped)
            for i in written.indices where !skipped.contains(i) {
                kept.append(i)
                plain.append(fanged.read[i] ?? written[i])
            }
        }
        let readPlain = kept.isEmpty ? written : plain
        let around = (Self.spacesAroundDots(readPlain) + Self.endingsAfterNames(readPlain)).map { kept.isEmpty ? $0 : kept[$0] }
        let skipped = (fanged.skipped + around).sorted()
        let fangedSkips = Set(fanged.skipped)
        var nextSkipped = skipped.startIndex
        var defanged: [Bool] = []
        defanged.reserveCapacity(written.count)
        // Nearly no text holds a defanged mark: look its readings up only when there are some.
        let hasFanged = !fanged.read.isEmpty || !fanged.opens.isEmpty
        for (i, u) in written.enumerated() {
            var skip = false
            while nextSkipped < skipped.endIndex, skipped[nextSkipped] <= i {
                skip = skip || skipped[nextSkipped] == i
                nextSkipped += 1
            }
            let read = hasFanged ? fanged.read[i] : nil
            let isFanged = read != nil || (skip && fangedSkips.contains(i))
            // (A mark that opens the text is on no character, and stays.)
            if !scalars.isEmpty, skip || Self.isMark(u) {
                changed[changed.count - 1] = true
                if isFanged { defanged[defanged.count - 1] = true }
                continue
            }
            let base = read ?? Self.base(u)
            scalars.append(base)
            changed.append(base != u)
            defanged.append(isFanged)
            source.append(hasFanged ? fanged.opens[i] ?? i : i)
        }
        for word in Self.numberWords(scalars) {
            for k in word where !(scalars[k].value >= 0x30 && scalars[k].value <= 0x39) {
                scalars[k] = Unicode.Scalar(0x30 + (Self.digit(scalars[k]) ?? Self.letterDigit(scalars[k]) ?? 0))
                changed[k] = true
            }
        }
        for word in Self.mixedWords(scalars) + Self.dottedLookalikeWords(scalars) {
            for k in word where !scalars[k].isASCII {
                guard let latin = Self.latinLookalike(scalars[k]) else { continue }
                scalars[k] = latin
                changed[k] = true
            }
        }
        guard changed.contains(true) else { return nil }
        source.append(written.count)
        self.defanged = defanged
        self.scalars = scalars
        self.changed = changed
        self.source = source
        offsets = ScalarArray.utf8Offsets(scalars)
    }

    /// The bytes of the space a reader reads at `i`: 1 for the space, 2 for a no-break space (C2 A0), 3 for
    /// U+2000–U+200A and U+202F (E2 80 xx); 0 for anything else. The byte looks for spaces around a name's
    /// dot share it (``mayDiffer(_:)``, `TextTokens.maySpaceDot`).
    @inline(__always) static func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch bytes[i] {
        case 0x20: return 1
        case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0
        case 0xE2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] <= 0x8A || bytes[i + 2] == 0xAF) ? 3 : 0
        default: return 0
        }
    }

    /// Whether `text` may read otherwise than written, from its bytes: whether it holds a mark, a digit
    /// of another form, or a letter drawn as a digit beside a digit. False for nearly every text of a
    /// page (ASCII, Cyrillic, Latin-1 and general punctuation, currency signs), without decoding it.
    static func mayDiffer(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let n = bytes.count
            // What the character before is: a digit, a letter drawn as one, a Latin letter, a Cyrillic or
            // Greek one (a word mixing those may be read as Latin, ``mixedWords(_:)``).
            var previousIsDigit = false, previousLooksLikeDigit = false, previousIsLatin = false, previousIsOther = false
            // Whether the character before is a dot after a Latin letter, or after another one: a word
            // joined to another by a dot may be read as Latin (``dottedLookalikeWords(_:)``).
            var dotAfterLatin = false, dotAfterOther = false
            // Whether spaces follow a Latin letter or a digit: a dot after them may join two words
            // (``spacesAroundDots(_:)``).
            var spacesAfterLatin = false
            // Where the last look past a run of brackets and spaces ended.
            var lookedTo = 0
            var i = 0
            while i < n {
                let b = bytes[i]
                // (Looked at only at a space's first byte, or after spaces: one comparison for nearly every byte.)
                if (spacesAfterLatin && (b < 0x80 || b >= 0xC2)) || b == 0x20 || b == 0xC2 || b == 0xE2 {
                    if Self.spaceWidth(bytes, at: i) > 0 {
                        spacesAfterLatin = spacesAfterLatin || previousIsLatin || previousIsDigit
                    } else {
                        if spacesAfterLatin, b == 0x2E || (TextTokens.mayLeadDotLike(b)
                                                            && FakeNameMatcher.isDotLike(TextTokens.scalar(in: bytes, at: i))) {
                            return true
                        }
                        spacesAfterLatin = false
                    }
                }
                // ASCII and the Cyrillic of Kazakh and Russian text first, a few comparisons each.
                if b < 0x80 {
                    // A defanged mark (`[.]`, `(dot)`, `[@]`, `(at)`, `[:]`) or scheme (`hxxp`): ``defangedMarks(_:)``.
                    if b < 0x40 ? b == 0x28 || b == 0x3C : (Self.defangLeads >> UInt64(b - 0x40)) & 1 != 0, i + 2 < n, i >= lookedTo {
                        if b | 0x20 == 0x68 {
                            if bytes[i + 1] | 0x20 == 0x78 && bytes[i + 2] | 0x20 == 0x78 { return true }
                        } else {
                            // (Past spaces and more brackets: `[ . ]`, `[[.]]`.)
                            var k = i + 1
                            while k + 1 < n, bytes[k] == 0x20 || bytes[k] == b { k += 1 }
                            // (The brackets of the run lead to the same byte: looked at once, a run is read in linear time.)
                            lookedTo = k
                            let c = bytes[k]
                            if c == 0x2E || c == 0x40 || c == 0x3A || c | 0x20 == 0x64 || c | 0x20 == 0x61 || TextTokens.mayLeadDotLike(c) { return true }
                            // `[точка]`, `(нүкте)`, `[собака]`, `[дот]`: т, н, с, д in either case (and a Latin `c`).
                            if c | 0x20 == 0x63 { return true }
                            if k + 1 < n, (c == 0xD1 && (bytes[k + 1] == 0x82 || bytes[k + 1] == 0x81))
                                || (c == 0xD0 && (bytes[k + 1] == 0xA2 || bytes[k + 1] == 0xBD || bytes[k + 1] == 0x9D || bytes[k + 1] == 0xA1
                                                  || bytes[k + 1] == 0xB4 || bytes[k + 1] == 0x94)) {
                                return true
                            }
                        }
                    }
                    // `@ EvilBot`: a handle a reader reads past the space.
                    if b == 0x40, i + 1 < n, bytes[i + 1] == 0x20 || bytes[i + 1] == 0xC2 || bytes[i + 1] == 0xE2
                        || bytes[i + 1] == 0x09 || bytes[i + 1] == 0x0A || bytes[i + 1] == 0x0D { return true }
                    let digit = b &- 0x30 < 10
                    let latin = (b | 0x20) &- 0x61 < 26
                    let lookalike = Self.isDigitLikeASCII(b)
                    if (digit && previousLooksLikeDigit) || (lookalike && previousIsDigit) || (latin && (previousIsOther || dotAfterOther)) {
                        return true
                    }
                    dotAfterLatin = b == 0x2E && previousIsLatin
                    dotAfterOther = b == 0x2E && previousIsOther
                    previousIsDigit = digit
                    previousLooksLikeDigit = lookalike
                    previousIsLatin = latin
                    previousIsOther = false
                    i += 1
                    continue
                }
                let next = i + 1 < n ? bytes[i + 1] : 0
                if b == 0xD0 || b == 0xD1 {
                    let lookalike = b == 0xD0 && Self.isDigitLikeCyrillic(afterD0: next)
                    if previousIsLatin || dotAfterLatin || dotAfterOther || (lookalike && previousIsDigit) { return true }
                    dotAfterLatin = false
                    dotAfterOther = false
                    previousIsDigit = false
                    previousLooksLikeDigit = lookalike
                    previousIsLatin = false
                    previousIsOther = true
                    i += 2
                    continue
                }
                var lookalike = false, other = false, latinLike = false
                switch b {
                // `Ӏ`, `ӏ`, `Ӡ`; Greek `Ο`, `ο`; the Cyrillic marks (U+0483–U+0489).
                case 0xD3: lookalike = next == 0x80 || next == 0x8F || next == 0xA0; other = true
                case 0xCE: lookalike = next == 0x9F || next == 0xBF; other = true
                case 0xCF: other = true
                case 0xD2: if next >= 0x83 && next <= 0x89 { return true }; other = true
                case 0xD4: other = true
                // Latin letters written with their marks (U+00C0–U+024F), `Ø` and `ø` among them, and with
                // hooks and tails (U+0250–U+02AF).
                case 0xC3...0xCA: return true
                case 0xCB: break
                // Latin-1 punctuation, but superscript digits (U+00B2, U+00B3, U+00B9).
                case 0xC2: if Self.isSuperscriptDigit(afterC2: next) { return true }
                // General punctuation, `№` and its kin, currency signs (`₸`).
                case 0xE2:
                    // Letterlike symbols drawn as Latin letters (`ℂ`, `ℯ`, U+2100–U+214F), but `№`.
                    if next == 0x84, i + 2 < n, bytes[i + 2] != 0x96 {
                        if previousIsOther || dotAfterLatin || dotAfterOther { return true }
                        latinLike = true
                    } else if !(next == 0x80 || next == 0x84 || (next == 0x82 && i + 2 < n && bytes[i + 2] >= 0xA0)) {
                        return true
                    }
                case 0x80...0xBF: i += 1; continue
                default: return true
                }
                if (other && (previousIsLatin || dotAfterLatin || dotAfterOther)) || (lookalike && previousIsDigit) { return true }
                dotAfterLatin = false
                dotAfterOther = false
                previousIsDigit = false
                previousLooksLikeDigit = lookalike
                previousIsLatin = latinLike
                previousIsOther = other
                i += 1
            }
            return false
        }
    }

    /// The ASCII bytes from U+0040 on that may begin a defanged mark or scheme, as bits: `[`, `{`, `h`, `H`.
    private static let defangLeads: UInt64 = 1 << (0x5B - 0x40) | 1 << (0x7B - 0x40) | 1 << (0x68 - 0x40) | 1 << (0x48 - 0x40)

    /// Whether the ASCII byte `b` is a letter drawn as a digit: `O`, `o`, `l`, `I` (``letterDigit(_:)``).
    static func isDigitLikeASCII(_ b: UInt8) -> Bool {
        b == 0x4F || b == 0x6F || b == 0x6C || b == 0x49
    }

    /// Whether `D0 b` is a Cyrillic letter drawn as a digit: `О`, `о`, `З`, `з`, `б`, `І` (``letterDigit(_:)``).
    static func isDigitLikeCyrillic(afterD0 b: UInt8) -> Bool {
        switch b {
        case 0x9E, 0xBE, 0x97, 0xB7, 0xB1, 0x86: return true
        default: return false
        }
    }

    /// Whether `C2 b` is a superscript digit: `²`, `³`, `¹`.
    static func isSuperscriptDigit(afterC2 b: UInt8) -> Bool {
        b == 0xB2 || b == 0xB3 || b == 0xB9
    }

    /// The kept characters that the UTF-8 range `utf8` of the reading spans.
    func characters(_ utf8: Range<Int>) -> Range<Int> {
        ScalarArray.scalars(utf8, in: offsets)
    }

    /// Where the kept characters `kept` are in the text as written, in UTF-8 bytes (`writtenOffsets`:
    /// the UTF-8 offset of each of its characters, and its length), with the marks on the last among
    /// them unless `marksAfter` is false.
    func written(_ kept: Range<Int>, writtenOffsets: [Int], marksAfter: Bool = true) -> Range<Int> {
        let end = marksAfter || kept.isEmpty ? source[kept.upperBound] : source[kept.upperBound - 1] + 1
        return writtenOffsets[source[kept.lowerBound]]..<writtenOffsets[end]
    }

    /// The characters of the text as written that the kept characters `kept` are, with the marks on the last.
    func writtenCharacters(_ kept: Range<Int>) -> Range<Int> {
        source[kept.lowerBound]..<source[kept.upperBound]
    }

    /// A Latin letter written with its marks in one character (`é`, `ó`, `ḿ`, as keyboards type them), or
    /// drawn with a hook or a tail (`ƈ`, `ɱ`), as the letter under them: `t.mé/EvilBot` reads as
    /// `t.me/EvilBot`. Other letters as they are (Kazakh and Russian letters among them: `й` and `ё` are
    /// letters of their own).
    static func base(_ u: Unicode.Scalar) -> Unicode.Scalar {
        let v = u.value
        guard (v >= 0xC0 && v <= 0x2AF) || (v >= 0x1D00 && v <= 0x1EFF) || (v >= 0x2C60 && v <= 0x2C7F)
                || (v >= 0xA720 && v <= 0xA7FF) || (v >= 0xAB30 && v <= 0xAB6F) else { return u }
        return baseCache.value(u) {
            let first = String(u).decomposedStringWithCanonicalMapping.unicodeScalars.first ?? u
            if first.isASCII { return first }
            // A letter drawn with a hook, a stroke or a tail, which Unicode does not decompose (`ƈ`, `ɗ`, `ɱ`,
            // `ʠ`): the letter its name says it is drawn on, `LATIN SMALL LETTER C WITH HOOK`.
            guard let name = u.properties.name, let with = name.range(of: " WITH ") else { return u }
            for prefix in ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "] where name.hasPrefix(prefix) {
                let letter = name[name.index(name.startIndex, offsetBy: prefix.count)..<with.lowerBound]
                guard letter.count == 1, let c = letter.unicodeScalars.first, c.value >= 0x41, c.value <= 0x5A else { return u }
                return prefix.hasPrefix("LATIN SMALL") ? Unicode.Scalar(c.value | 0x20)! : c
            }
            return u
        }
    }

    private static let baseCache = SharedCache<Unicode.Scalar, Unicode.Scalar>(limit: 2_048)

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

    /// The words (runs of letters, digits and numbers) whose characters read as ASCII digits, each
    /// holding a digit:
    /// - digits of other forms (`４`, `𝟖`, `⑧`, `➑`), unless superscripts or subscripts stand beside
    ///   other digits (`67¹` is a number and its footnote's mark); a word of them alone is a number
    ///   (`⁸ ⁷⁰¹`);
    /// - letters drawn as digits (`7О1`, `7Ol`, `4З`), when every other character of the word is a digit.
    private static func numberWords(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        runs(of: s, where: isWordCharacter).compactMap { word in
            // `б` and `з` that end a word after its digits are a house's or a class's letter (`12б`, `11з`),
            // unless the word is a group of a longer number (`8 701 123 45 6З`).
            var before = word.lowerBound - 1
            while before >= 0, s[before] == " " || s[before] == "-" || s[before] == "\u{A0}" || s[before] == "\u{202F}" { before -= 1 }
            var end = word.upperBound
            if before < 0 || digit(s[before]) == nil {
                while end > word.lowerBound + 1, isSuffixLetter(s[end - 1]) { end -= 1 }
            }
            var ascii = false, scripted = false, other = false, letters = false
            for u in s[word.lowerBound..<end] {
                if u.value >= 0x30 && u.value <= 0x39 {
                    ascii = true
                } else if digit(u) != nil {
                    if isScripted(u) { scripted = true } else { other = true }
                } else if letterDigit(u) != nil {
                    letters = true
                } else {
                    return nil
                }
            }
            let holdsDigit = ascii || scripted || other
            guard holdsDigit, other || scripted || letters, !(scripted && (ascii || other || letters)) else { return nil }
            return word.lowerBound..<end
        }
    }

    /// The words (runs of letters) that mix Latin letters with letters of another script drawn as Latin
    /// ones (`сom` with a Cyrillic `с` in `evil.сom`, `mе` in `t.mе/EvilBot`): a reader reads the Latin
    /// word. A word of one script (`сом`, a Kazakh word) is read as written.
    private static func mixedWords(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        runs(of: s, where: isLetter).filter { word in
            // Latin: ASCII, or drawn so in another form (`𝗺`, `ｍ`, `ⅽ`); the other letters, Cyrillic or Greek.
            s[word].contains { $0.isASCII || (!isCyrillicOrGreek($0) && latinLookalike($0) != nil) }
                && s[word].contains { isCyrillicOrGreek($0) && latinLookalike($0) != nil }
        }
    }

    /// Marks written defanged, as fact-checkers write a scam's address so that no app links it, but a reader
    /// types it all the same: `evil[.]com`, `evil( . )com`, `evil<.>com`, `evil［.］com`, `evil[[.]]com`,
    /// `evil{dot}com`, `evil [dot] com`, `info[@]evil[.]com`, `info(at)evil(dot)com`, `[@]EvilBot`,
    /// `hxxps[:]//evil[.]com`, `t[.]me/EvilBot`. `skipped`: the brackets, the spaces and letters inside them
    /// but the first, and the spaces around the mark between two words (sorted); `read`: what the mark's
    /// first character, and the `x`s of `hxxp`, are read as; `opens`: where the brackets of each mark open,
    /// which is where it is written (`[@]EvilBot` is written from its `[`).
    static func defangedMarks(_ s: [Unicode.Scalar]) -> (skipped: [Int], read: [Int: Unicode.Scalar], opens: [Int: Int]) {
        var skipped: [Int] = [], read: [Int: Unicode.Scalar] = [:], opens: [Int: Int] = [:]
        func isWord(_ k: Int) -> Bool { k >= 0 && k < s.count && isWordCharacter(s[k]) }
        func isSpace(_ k: Int) -> Bool { k >= 0 && k < s.count && Self.isSpace(s[k]) }
        func lower(_ u: Unicode.Scalar) -> Unicode.Scalar { u.value >= 0x41 && u.value <= 0x5A ? Unicode.Scalar(u.value | 0x20)! : u }
        // Whether the name from `k` goes on to a domain (a defanged mark's bracket may be its dot).
        func domainFollows(_ k: Int) -> Bool { Self.nameGoesOnToDomain(s, from: k, bracketsToo: true) }
        var i = 0
        while i < s.count {
            let u = s[i]
            // `hxxp://`, `hXXps://`, `hxxps[:]//`: the scheme a reader puts back.
            if (u == "h" || u == "H"), !isWord(i - 1), i + 4 < s.count, lower(s[i + 1]) == "x", lower(s[i + 2]) == "x", lower(s[i + 3]) == "p" {
                read[i + 1] = s[i + 1] == "X" ? "T" : "t"
                read[i + 2] = s[i + 2] == "X" ? "T" : "t"
                i += 4
                continue
            }
            guard let close = closingBracket(u) else { i += 1; continue }
            // Brackets in brackets (`[[.]]`) are one pair; with fewer closing than opening, the innermost that many
            // are (`[[.]` is `[` and `[.]`). A run of brackets is read once: whatever fails here fails for each of
            // its brackets, so the reading goes on after the run (a pasted run of `[` is read in linear time).
            var depth = 1
            while i + depth < s.count, s[i + depth] == u { depth += 1 }
            let open = i + depth
            // (A word of seven letters with spaces around it at the most: `[ собачка ]`.)
            guard let end = (open..<min(s.count, open + 14)).first(where: { s[$0] == close }) else { i = open; continue }
            var last = end
            while last - end + 1 < depth, last + 1 < s.count, s[last + 1] == close { last += 1 }
            // Where the mark's brackets open.
            let first = open - (last - end + 1)
            var from = open, to = end
            while from < to, Self.isSpace(s[from]) { from += 1 }
            while to > from, Self.isSpace(s[to - 1]) { to -= 1 }
            guard to > from else { i = open; continue }
            let mark: Unicode.Scalar
            if to - from == 1, s[from] == "." || FakeNameMatcher.isDotLike(s[from]) {
                mark = "."
            } else {
                // (In Russian and Kazakh too: `[точка]`, `(нүкте)`, `[собака]`.)
                switch Self.markWord(s[from..<to]) {
                case "dot", "точка", "точку", "тчк", "дот", "нүкте", "нукте": mark = "."
                case "@", "at", "\u{FF20}", "собака", "собаку", "собачка": mark = "@"
                case ":": mark = ":"
                default: i = open; continue
                }
            }
            // Between two words; `@` before a name alone too (`[@]EvilBot`); `:` before `//`.
            var before = first - 1
            while isSpace(before) { before -= 1 }
            var after = last + 1
            while isSpace(after) { after += 1 }
            let joins = switch mark {
            case ":": before == first - 1 && isWord(before) && after == last + 1 && after + 1 < s.count && s[after] == "/" && s[after + 1] == "/"
            case "@": isWord(after) && (isWord(before) || after == last + 1)
            default: isWord(before) && isWord(after)
            }
            guard joins else { i = open; continue }
            // An @ after a word opens a handle when no domain follows the name (`Не пишите [собака]evil_support`):
            // a word stays before it, parted by a space (the bracket's, when none is written).
            if mark == "@", isWord(before), !domainFollows(after) {
                if before == first - 1 { read[first] = " " }
                skipped += Array((before == first - 1 ? first + 1 : first)..<from)
            } else {
                if isWord(before) { skipped += Array(before + 1..<first) }
                skipped += Array(first..<from)
            }
            skipped += Array(from + 1..<after)
            read[from] = mark
            opens[from] = first
            i = last + 1
        }
        return (skipped, read, opens)
    }

    /// Whether the name at `k` is shaped as only a user name is (``TextTokens/isUserNameShaped(_:)``), read as
    /// the handle reader reads it: past marks, with letters in other forms as the Latin ones they draw
    /// (`еvil_support` with a Cyrillic `е`, `ｅｖｉｌ＿ｓｕｐｐｏｒｔ`); a word of Kazakh and Russian letters
    /// alone is a word (`Серік_2020`).
    static func isUserName(_ s: [Unicode.Scalar], from k: Int) -> Bool {
        var name: [Unicode.Scalar] = [], j = k, latin = false
        while j < s.count, name.count <= 32 {
            if isMark(s[j]) { j += 1; continue }
            let fold = s[j].isASCII ? [s[j]] : FakeNameMatcher.fold(s[j])
            guard fold.count == 1, TelegramTextBoundaries.isHandleCharacter(fold[0]) else { break }
            latin = latin || (s[j].properties.isAlphabetic && !TextTokens.isKazakhOrRussian(s[j]))
            name.append(s[j] == "_" ? "_" : fold[0])
            j += 1
        }
        return latin && TextTokens.isUserNameShaped(name[...])
    }

    /// An @, fullwidth or small (`＠`, `﹫`), as a reader reads it.
    private static func isAt(_ u: Unicode.Scalar) -> Bool {
        u == "@" || u == "\u{FF20}" || u == "\u{FE6B}"
    }

    /// What a reader reads past after an @ besides spaces: a tab, a line break (a page shows one as a space),
    /// the ideographic and Ogham spaces, the blank Braille pattern.
    private static func isSpaceAfterAt(_ u: Unicode.Scalar) -> Bool {
        u == "\t" || u == "\n" || u == "\r" || u == "\u{3000}" || u == "\u{1680}" || u == "\u{2800}"
    }

    /// A Latin letter, or a letter a reader reads as one (`е`, `ｅ`, `𝐞`, `ⓔ`, `é`).
    private static func readsAsLatinLetter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return u.properties.isAlphabetic }
        guard isLetter(u) || u.properties.isAlphabetic else { return false }
        let fold = FakeNameMatcher.fold(u)
        return fold.count == 1 && fold[0].isASCII && fold[0].properties.isAlphabetic
    }

    /// Whether the name that starts at `k` goes on to a domain: a dot before another word (`evil.com`), or with
    /// `bracketsToo`, a bracket that may open a defanged dot (`evil[.]com`). What follows an @ after a word is an
    /// e-mail address's domain then, and a handle's name otherwise (`Не пишите [собака]evil_support`).
    static func nameGoesOnToDomain(_ s: [Unicode.Scalar], from k: Int, bracketsToo: Bool = false) -> Bool {
        var j = k
        while j + 1 < s.count, isWordCharacter(s[j]) || s[j] == "-" || s[j] == "." || (bracketsToo && closingBracket(s[j]) != nil) {
            if (s[j] == "." && isWordCharacter(s[j + 1])) || (bracketsToo && closingBracket(s[j]) != nil) { return true }
            j += 1
        }
        return false
    }

    /// The word of a defanged mark as compared: lowercased, and in a word that holds Cyrillic letters, the
    /// Latin letters drawn as Cyrillic ones read so (`[тoчка]` with a Latin `o` is `[точка]`).
    private static func markWord(_ word: ArraySlice<Unicode.Scalar>) -> String {
        let lower = String(String.UnicodeScalarView(word)).lowercased()
        guard lower.unicodeScalars.contains(where: { $0.value >= 0x400 && $0.value <= 0x4FF }) else { return lower }
        return String(String.UnicodeScalarView(lower.unicodeScalars.map { cyrillicDrawnAs[$0] ?? $0 }))
    }

    /// Lowercase Latin letters and the Cyrillic ones they are drawn as.
    private static let cyrillicDrawnAs: [Unicode.Scalar: Unicode.Scalar] = [
        "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к", "t": "т", "h": "н", "b": "в", "m": "м",
    ]

    /// Whether the closing bracket at byte `i` may end a defanged mark spelt in Russian or Kazakh (`[точка]`,
    /// `(тчк)`, `(нүкте)`, `[собака]`, `[дот]`): its last two letters, past spaces, are `ка`, `ку`, `чк`, `те` or `от`
    /// in either case.
    /// For the token prefilter, which sees most brackets after Cyrillic words (`(сурет)`) pass at this.
    static func mayEndCyrillicMark(_ bytes: UnsafeBufferPointer<UInt8>, before i: Int) -> Bool {
        var j = i
        while j > 0, bytes[j - 1] == 0x20 || bytes[j - 1] == 0x09 || (bytes[j - 1] == 0xA0 && j > 1 && bytes[j - 2] == 0xC2) {
            j -= bytes[j - 1] == 0xA0 ? 2 : 1
        }
        guard j >= 2 else { return false }
        // (ка, ку, чк, те, от; a Latin `a`, `y`, `k`, `e` or `o` drawn as one too.)
        func cyrillic(_ v: UInt32) -> UInt32 {
            switch v | 0x20 {
            case 0x61: 0x430
            case 0x79: 0x443
            case 0x6B: 0x43A
            case 0x65: 0x435
            case 0x6F: 0x43E
            default: v
            }
        }
        func letter(at k: Int) -> UInt32 {
            if bytes[k] < 0x80 { return cyrillic(UInt32(bytes[k])) }
            guard bytes[k] == 0xD0 || bytes[k] == 0xD1 else { return 0 }
            let v = (UInt32(bytes[k]) & 0x1F) << 6 | UInt32(bytes[k + 1]) & 0x3F
            return v >= 0x410 && v <= 0x42F ? v + 0x20 : v
        }
        // The last letter, then the one before it (one byte if ASCII, two if Cyrillic).
        let lastWidth = bytes[j - 1] < 0x80 ? 1 : 2
        let k = j - lastWidth
        guard k >= 1 else { return false }
        let previousAt = bytes[k - 1] < 0x80 ? k - 1 : k - 2
        guard previousAt >= 0 else { return false }
        switch (letter(at: previousAt), letter(at: k)) {
        case (0x43A, 0x430), (0x43A, 0x443), (0x447, 0x43A), (0x442, 0x435), (0x43E, 0x442): return true
        default: return false
        }
    }

    /// The bracket that closes `u`, for a bracket a defanged mark is written in.
    private static func closingBracket(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        switch u {
        case "[": "]"
        case "(": ")"
        case "{": "}"
        case "<": ">"
        case "\u{FF08}": "\u{FF09}"
        case "\u{FF3B}": "\u{FF3D}"
        case "\u{FF5B}": "\u{FF5D}"
        default: nil
        }
    }

    /// The spaces around a dot between two Latin words, with one before it at least (`evil . com`,
    /// `evil .com`, `evil ․ com`, `еvil . сом`), and after an @ that opens a name (`@ EvilBot`): no app links
    /// the name, but a reader types it without them. A dot after a word is a sentence's end (`Kaspi. Ол`,
    /// `WhatsApp. Info`), and stays one.
    private static func spacesAroundDots(_ s: [Unicode.Scalar]) -> [Int] {
        // (A letter drawn as Latin counts after the dot: `еvil . сом`.)
        func isLatin(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x80 ? u.value | 0x20 >= 0x61 && u.value | 0x20 <= 0x7A : isLetter(u) && latinLookalike(u) != nil
        }
        var out: [Int] = []
        for dot in s.indices where isSpacedDot(s[dot]) || isAt(s[dot]) {
            var before = dot - 1
            while before >= 0, isSpace(s[before]) { before -= 1 }
            var after = dot + 1
            while after < s.count, isSpace(s[after]) || (isAt(s[dot]) && isSpaceAfterAt(s[after])) { after += 1 }
            if isAt(s[dot]) {
                // An @ between two words is an e-mail address's (`info @ egov.kz`), read without its spaces; one
                // that opens a name is a handle's (`@ EvilBot`), which a reader searches for. (`Вебинар @ Zoom`
                // reads as no address; nor does `пишите @evil_support` read as one, and is left a handle.)
                guard after < s.count, readsAsLatinLetter(s[after]) else { continue }
                if before >= 0, isWordCharacter(s[before]) {
                    // (After a word, with a domain to follow, an address; with a name no word has, a handle:
                    // `Не пишите @ evil_support`. A word after it is prose, read as written.)
                    if nameGoesOnToDomain(s, from: after) {
                        out += Array(before + 1..<dot)
                    } else if !isUserName(s, from: after) {
                        continue
                    }
                }
                out += Array(dot + 1..<after)
                continue
            }
            // The word before the spaces is written in Latin letters, one at least (`Тек .kz доменінде`, `видео
            // .mov форматында` are prose about a zone and a file type).
            var start = before
            while start > 0, isWordCharacter(s[start - 1]) { start -= 1 }
            guard before < dot - 1, before >= 0, isWordCharacter(s[before]),
                  s[start...before].contains(where: { !TextTokens.isKazakhOrRussian($0) }),
                  s[start...before].allSatisfy({ $0.isASCII || isLatin($0) }),
                  after + 1 < s.count, isLatin(s[after]), isLatin(s[after + 1]) else { continue }
            out += Array(before + 1..<dot) + Array(dot + 1..<after)
        }
        return out
    }

    /// A space of any width: what is read past around a name's dot or after its @.
    private static func isSpace(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\u{A0}" || u == "\u{202F}" || u == "\u{205F}" || (u.value >= 0x2000 && u.value <= 0x200A)
    }

    /// A dot read with spaces around it: `.` and what is drawn as one at its height (the one dot leader,
    /// fullwidth and small stops). A middle dot or a bullet between spaces parts a list (`fake · news`).
    private static func isSpacedDot(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2E, 0x2024, 0xFF0E, 0xFE52, 0x3002, 0xFF61: true
        default: false
        }
    }

    /// The Kazakh ending glued to the last word of a name (`evil.comда`, `evil.kzке`, `еvil.сомға`): a reader
    /// reads the name and its ending, and types the name. The ending follows the name's Latin letters, or is
    /// one of Kazakh's case endings after letters drawn as Latin; anything else is a word of its own
    /// (`Telegram.Сондай`, a sentence without its space).
    private static func endingsAfterNames(_ s: [Unicode.Scalar]) -> [Int] {
        var out: [Int] = []
        forEachName(in: s) { words in
            guard let last = words.last, words.dropLast().allSatisfy({ readsAsLatin(s[$0]) }) else { return }
            let word = s[last]
            // Kazakh and Russian letters after the last letter of another script (`comда`, `кzке`, `𝐤𝐳ке`).
            if let other = word.lastIndex(where: { !TextTokens.isKazakhOrRussian($0) }), other + 1 < last.upperBound,
               other + 1 - last.lowerBound >= 2, readsAsLatin(s[last.lowerBound...other]) {
                out += Array(other + 1..<last.upperBound)
                return
            }
            guard word.allSatisfy(TextTokens.isKazakhOrRussian) else { return }
            // A case ending after letters drawn as Latin (`сомға`) or a top-level domain of their own (`қазға`).
            for ending in kazakhEndings where word.count >= ending.count + 2 {
                let cut = last.upperBound - ending.count
                guard s[cut..<last.upperBound].elementsEqual(ending.unicodeScalars, by: { $0.properties.lowercaseMapping == String($1) })
                else { continue }
                let name = s[last.lowerBound..<cut]
                if readsAsLatin(name) || HostName.ascii("x." + String(String.UnicodeScalarView(name))).map(HostName.hasKnownTLD) == true {
                    out += Array(cut..<last.upperBound)
                }
                return
            }
        }
        return out
    }

    /// Kazakh's case endings and the particle of place, longest first.
    private static let kazakhEndings = [
        "дағы", "дегі", "тағы", "тегі", "ның", "нің", "дың", "дің", "тың", "тің", "мен", "бен", "пен", "дан", "ден", "тан",
        "тен", "нан", "нен", "да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "ны", "ні", "ды", "ді", "ты", "ті",
    ]

    /// Calls `body` with the words of each name in `s`: words joined by one dot each, two at least.
    private static func forEachName(in s: [Unicode.Scalar], _ body: (ArraySlice<Range<Int>>) -> Void) {
        let words = runs(of: s, where: isWordCharacter)
        var first = 0
        while first < words.count {
            var last = first
            while last + 1 < words.count, words[last + 1].lowerBound == words[last].upperBound + 1,
                  s[words[last].upperBound] == "." || FakeNameMatcher.isDotLike(s[words[last].upperBound]) { last += 1 }
            if last > first { body(words[first...last]) }
            first = last + 1
        }
    }

    /// Whether every character of `word` is ASCII or a letter drawn as a Latin one.
    private static func readsAsLatin(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        word.allSatisfy { $0.isASCII || (isLetter($0) && latinLookalike($0) != nil) }
    }

    /// The words of a name joined by dots (`еvil.сом`, `evil.ԁе`, `evil.ᴄᴏᴍ`, `рау.ℂом`, `evil.сом`) whose
    /// letters are all Latin or drawn as Latin ones, and not all Kazakh or Russian: a reader reads the Latin name. A name
    /// of Kazakh and Russian letters alone is read as written (`Утро.ру`, `т·км`, `так.Вот`: a sentence
    /// without its space), and so is one with a word not drawn as Latin (`кВт·сағ`), a word joined by a
    /// hyphen only (`egov.kz-ке`, an ending) or by nothing (`сом`, a Kazakh word).
    private static func dottedLookalikeWords(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        forEachName(in: s) { words in
            guard words.allSatisfy({ readsAsLatin(s[$0]) }) else { return }
            // A word mixing scripts, or drawn in letters neither Latin nor Kazakh nor Russian, is written to be read
            // as Latin: every word is. Beside a Latin word, a Kazakh or Russian word alone is the next sentence
            // without its space (`WhatsApp.Сам`, `Telegram.Со слов`), unless it reads as the top-level domains
            // scams use most (`evil.сом`).
            let drawn = words.contains { w in
                s[w].contains { !$0.isASCII && !TextTokens.isKazakhOrRussian($0) }
                    || (s[w].contains { $0.isASCII } && s[w].contains(where: TextTokens.isKazakhOrRussian))
            }
            if drawn {
                out += words.filter { s[$0].contains { !$0.isASCII } }
            } else if words.contains(where: { s[$0].allSatisfy(\.isASCII) }) {
                out += words.filter { w in
                    !s[w].allSatisfy(\.isASCII) && scamDomains.contains(String(String.UnicodeScalarView(s[w].map { latinLookalike($0) ?? $0 })).lowercased())
                }
            }
        }
        return out
    }

    /// The top-level domains a word of Kazakh or Russian letters drawn as Latin may spell, that scams use most.
    private static let scamDomains: Set<String> = ["com", "top", "me"]

    /// The runs of characters of `s` that `isPart` holds.
    private static func runs(of s: [Unicode.Scalar], where isPart: (Unicode.Scalar) -> Bool) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var i = 0
        while i < s.count {
            guard isPart(s[i]) else { i += 1; continue }
            var end = i + 1
            while end < s.count, isPart(s[end]) { end += 1 }
            runs.append(i..<end)
            i = end
        }
        return runs
    }

    private static func isCyrillicOrGreek(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 0x370 && u.value < 0x530) || (u.value >= 0x1F00 && u.value < 0x2000)
    }

    /// A letter: ASCII, Cyrillic but the thousands sign and the marks (U+0482–U+0489), or alphabetic.
    private static func isLetter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0x80 { return u.value | 0x20 >= 0x61 && u.value | 0x20 <= 0x7A }
        if u.value >= 0x400 && u.value < 0x530 { return u.value < 0x482 || u.value > 0x489 }
        return u.properties.isAlphabetic
    }

    /// The ASCII character compatibility maps `u` to, when it maps it to one alone: a Latin letter or a digit
    /// in another form (`𝗺`, `ｍ`, `𝟒`).
    static func compatibleASCII(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        let compatible = String(u).precomposedStringWithCompatibilityMapping.unicodeScalars
        guard compatible.count == 1, let c = compatible.first, c.isASCII else { return nil }
        return c
    }

    /// The ASCII letter a letter of another script is drawn as (the Cyrillic `с`, `е`, `о`, `К`; the
    /// Greek `ο`), by ICU's confusables.
    private static func latinLookalike(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        guard !u.isASCII else { return nil }
        // Kazakh's `ғ`, `қ`, `ң`, `ө`, `ұ` are letters of their own, whatever the confusables draw under the stroke.
        switch u.value {
        case 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3, 0x4E8, 0x4E9, 0x4B0, 0x4B1: return nil
        default: break
        }
        // A Latin letter in another form first (`𝗺`, `ｍ`), as compatibility maps it: the confusables draw
        // `m` as `rn`.
        if !isCyrillicOrGreek(u), let c = compatibleASCII(u), c.properties.isAlphabetic { return c }
        // A small capital and the Cyrillic letters drawn as one (`ᴍ`, `м`, `т`): the confusables draw `m` as `rn`.
        if let letter = FakeNameMatcher.letterLike(u), letter.isASCII { return letter }
        let fold = FakeNameMatcher.fold(u)
        if fold == ["r", "n"] { return "m" }
        guard fold.count == 1, fold[0].isASCII, fold[0].properties.isAlphabetic else { return nil }
        return fold[0]
    }

    /// The Cyrillic letters drawn as digits that are also the letters of houses and classes (`б`, `з`, `З`).
    private static func isSuffixLetter(_ u: Unicode.Scalar) -> Bool {
        u.value == 0x431 || u.value == 0x437 || u.value == 0x417
    }

    /// A letter, a digit or a number (`①`, `⁸`): a part of a word.
    private static func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
        if isLetter(u) { return true }
        if u.value < 0x80 { return u.value >= 0x30 && u.value <= 0x39 }
        return !(u.value >= 0x400 && u.value < 0x530) && u.properties.numericType != nil
    }

    /// The value of a digit of any form: decimal digits of every script, and digits drawn otherwise
    /// (superscript, subscript, circled, `➑`).
    static func digit(_ u: Unicode.Scalar) -> UInt8? {
        if u.value < 0x80 { return u.value >= 0x30 && u.value <= 0x39 ? UInt8(u.value - 0x30) : nil }
        if u.value >= 0x400 && u.value < 0x530 { return nil }
        let p = u.properties
        guard p.numericType == .decimal || p.numericType == .digit, let v = p.numericValue, v >= 0, v <= 9,
              v == v.rounded() else { return nil }
        return UInt8(v)
    }

    /// Superscript and subscript digits: a footnote's mark after a number, or a number written so.
    private static func isScripted(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0xB2, 0xB3, 0xB9, 0x2070, 0x2074...0x2079, 0x2080...0x2089: return true
        default: return false
        }
    }

    /// The digit a letter is drawn as: `O`, `o`, `Ø`, `ø`, the Cyrillic, Greek and Armenian `О`, `о`, `Ο`, `ο`,
    /// `օ`, the small capital `ᴏ`, `〇` and the fullwidth `Ｏ`, `ｏ` as 0; `l`,
    /// `I` and the Cyrillic `І`, `Ӏ` as 1; the Cyrillic `З`, `з`, `Ӡ` as 3; the Cyrillic `б` as 6.
    private static func letterDigit(_ u: Unicode.Scalar) -> UInt8? {
        switch u.value {
        case 0x4F, 0x6F, 0xD8, 0xF8, 0x41E, 0x43E, 0x39F, 0x3BF, 0x585, 0x1D0F, 0x3007, 0xFF2F, 0xFF4F: return 0
        case 0x6C, 0x49, 0x406, 0x4C0, 0x4CF: return 1
        case 0x417, 0x437, 0x4E0: return 3
        case 0x431: return 6
        default: return nil
        }
    }
}
