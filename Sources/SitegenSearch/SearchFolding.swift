import Foundation

/// How search reads text: the same folding and word splitting for the pages (at build time) and for what a
/// reader types (`static/search.js` repeats these rules in JavaScript; the two must stay identical, and
/// `SearchTests` runs both on the same inputs).
///
/// Folding, in this order:
/// 0. invisible format characters go: soft hyphen U+00AD, zero-width space, non-joiner and joiner
///    U+200B–U+200D, word joiner U+2060 and U+FEFF, so that a word pasted with them is one word;
/// 1. lowercase (Unicode default case mapping, no locale);
/// 2. canonical decomposition (NFD), then every combining mark U+0300–U+036F is dropped — except a breve
///    U+0306 directly after «и», so that «й» survives while «ё», «ї», «é» lose their marks;
/// 3. canonical composition (NFC);
/// 4. the letters a Russian keyboard lacks become the ones readers type instead:
///    ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и, and ё→е (and Greek final ς→σ, because JavaScript
///    lowercases Σ by context and Swift does not).
///
/// So «Өтініш», «өтініш» and «отиниш» all fold to «отиниш», and «Ёлка» to «елка».
enum SearchFolding {
    /// The fewest characters (Unicode scalars) a word needs to be indexed or searched for.
    static let minimumTermLength = 2
    /// The most characters of a word that are indexed or searched for: a longer word counts by its first
    /// 64 (no Kazakh or Russian word, and no number a guide prints, is that long). The index nests a
    /// folder of shards per character two terms share, and an unbounded word (a description of one
    /// 25,000-letter "word") nested it past the stack.
    static let maximumTermLength = 64

    /// `s` folded for search: lowercased, without accents, Kazakh letters as on a Russian keyboard.
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for v in foldedScalars(s) { out.append(Unicode.Scalar(v)!) }
        return String(out)
    }

    /// The words of `text`, folded, in order, repeats included: maximal runs of letters and digits
    /// (Unicode categories L and N) at least ``minimumTermLength`` long, each cut to its first
    /// ``maximumTermLength`` characters.
    ///
    /// Typography writes «42 500» with a no-break space, and readers type «42 500» or «42500»; so a run
    /// of 1–3 ASCII digits followed by groups of exactly three digits, each after a single space
    /// (U+0020, no-break U+00A0, thin U+2009 or narrow no-break U+202F), is one word: «42 500» → «42500»,
    /// «1 000 000» → «1000000». «2020 100» (four digits first) stays two words, and «500» alone does not
    /// find «42 500».
    static func terms(_ text: String) -> [String] {
        var result: [String] = []
        forEachTerm(in: text) { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// Calls `body` with the UTF-8 bytes of each of ``terms(_:)``, without making a String of each: the
    /// index builder reads every word of the site.
    static func forEachTerm(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let scalars = foldedScalars(text)
        var term: [UInt8] = []
        var termLength = 0
        var termEnd = 0
        var termIsNumberGroup = false

        var i = 0
        let n = scalars.count
        while i < n {
            guard isWordScalar(scalars[i]) else {
                i += 1
                continue
            }
            var j = i
            var allDigits = true
            while j < n, isWordScalar(scalars[j]) {
                if scalars[j] < 0x30 || scalars[j] > 0x39 { allDigits = false }
                j += 1
            }
            let length = j - i
            let joins =
                allDigits && length == 3 && termIsNumberGroup && i == termEnd + 1
                && (scalars[termEnd] == 0x20 || scalars[termEnd] == 0xA0 || scalars[termEnd] == 0x2009
                    || scalars[termEnd] == 0x202F)
            if !joins {
                if termLength >= minimumTermLength { term.withUnsafeBufferPointer(body) }
                term.removeAll(keepingCapacity: true)
                termLength = 0
                termIsNumberGroup = allDigits && length <= 3
            }
            for k in i..<min(j, i + max(0, maximumTermLength - termLength)) { appendUTF8(scalars[k], to: &term) }
            termLength += length
            termEnd = j
            i = j
        }
        if termLength >= minimumTermLength { term.withUnsafeBufferPointer(body) }
    }

    /// The folded scalar values of `s`.
    private static func foldedScalars(_ s: String) -> [UInt32] {
        // Kazakh and Russian text is almost all ASCII, Cyrillic and punctuation, whose folding is a table
        // lookup; normalizing every page through Foundation would dominate the index build.
        var out: [UInt32] = []
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars where !isInvisible(u.value) {
            guard let folded = quickFold(u.value) else { return foldNormalizing(s).unicodeScalars.map(\.value) }
            out.append(folded)
        }
        return out
    }

    /// Step 0 of the folding: a format character that joins or breaks nothing a reader sees.
    private static func isInvisible(_ v: UInt32) -> Bool {
        v == 0xAD || (v >= 0x200B && v <= 0x200D) || v == 0x2060 || v == 0xFEFF
    }

    private static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    // MARK: - Folding

    /// Folding by the definition: full-string lowercasing and normalization. Used whenever a string has a
    /// character ``quickFold(_:)`` does not know; tests check the two agree.
    static func foldNormalizing(_ s: String) -> String {
        var visible = String.UnicodeScalarView()
        visible.append(contentsOf: s.unicodeScalars.filter { !isInvisible($0.value) })
        let decomposed = String(visible).lowercased().decomposedStringWithCanonicalMapping
        var kept = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for u in decomposed.unicodeScalars {
            defer { previous = u }
            if (0x300...0x36F).contains(u.value), !(u.value == 0x306 && previous == "и") { continue }
            kept.append(u)
        }
        var out = String.UnicodeScalarView()
        for u in String(kept).precomposedStringWithCanonicalMapping.unicodeScalars {
            out.append(keyboardLetter(u.value).flatMap(Unicode.Scalar.init) ?? u)
        }
        return String(out)
    }

    /// Step 4 of the folding: the letter a reader with a Russian keyboard types instead.
    private static func keyboardLetter(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x4D9: return 0x430  // ә → а
        case 0x493: return 0x433  // ғ → г
        case 0x49B: return 0x43A  // қ → к
        case 0x4A3: return 0x43D  // ң → н
        case 0x4E9: return 0x43E  // ө → о
        case 0x4B1, 0x4AF: return 0x443  // ұ, ү → у
        case 0x4BB: return 0x445  // һ → х
        case 0x456: return 0x438  // і → и
        case 0x451: return 0x435  // ё → е
        case 0x3C2: return 0x3C3  // ς → σ
        default: return nil
        }
    }

    /// The folding of one scalar whose lowercase form and decomposition are known to be trivial, or nil
    /// when the string needs the full path.
    private static func quickFold(_ v: UInt32) -> UInt32? {
        // Comparisons rather than range patterns: debug builds (the tests) run range matching slowly.
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? v + 0x20 : v }
        if v >= 0x430 && v <= 0x44F { return v }
        if v >= 0x410 && v <= 0x42F { return v + 0x20 }
        if v >= 0xA0 && v <= 0xBF { return v }
        switch v {
        case 0x401, 0x451: return 0x435
        case 0x406, 0x456: return 0x438
        case 0x4D8, 0x4D9: return 0x430
        case 0x492, 0x493: return 0x433
        case 0x49A, 0x49B: return 0x43A
        case 0x4A2, 0x4A3: return 0x43D
        case 0x4E8, 0x4E9: return 0x43E
        case 0x4B0, 0x4B1, 0x4AE, 0x4AF: return 0x443
        case 0x4BA, 0x4BB: return 0x445
        case 0x2116: return v
        default: return (v >= 0x2002 && v <= 0x206F) || (v >= 0x20A0 && v <= 0x20C0) ? v : nil
        }
    }

    // MARK: - Words

    /// A letter or a digit: Unicode general categories L* and N*, as `/[\p{L}\p{N}]/u` in JavaScript.
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        if v >= 0x410 && v <= 0x44F { return true }
        if (v >= 0x2000 && v <= 0x206F) || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF { return false }
        switch Unicode.Scalar(v)!.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
