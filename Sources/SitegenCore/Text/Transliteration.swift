import Foundation

/// Latin transliteration of Kazakh and Russian Cyrillic, made for URL ids (heading anchors, slugs).
///
/// Russian and the Cyrillic letters Kazakh shares with it follow GOST 7.79-2000 System B (ISO 9,
/// Latin letters only). System B marks ъ, ь, ы and э with an apostrophe or backtick (`` ` ``, `y'`,
/// `e'`); ids cannot carry those marks, so they are left out. The Kazakh letters outside the Russian
/// alphabet take their plain Latin base letter.
///
/// | Cyrillic | Latin | Cyrillic | Latin | Cyrillic | Latin |
/// |----------|-------|----------|-------|----------|-------|
/// | а        | a     | м        | m     | ш        | sh    |
/// | б        | b     | н        | n     | щ        | shh   |
/// | в        | v     | о        | o     | ъ        | (none)|
/// | г        | g     | п        | p     | ы        | y     |
/// | д        | d     | р        | r     | ь        | (none)|
/// | е        | e     | с        | s     | э        | e     |
/// | ё        | yo    | т        | t     | ю        | yu    |
/// | ж        | zh    | у        | u     | я        | ya    |
/// | з        | z     | ф        | f     | ә (kk)   | a     |
/// | и        | i     | х        | x     | ғ (kk)   | g     |
/// | й        | j     | ц        | c, cz | қ (kk)   | q     |
/// | к        | k     | ч        | ch    | ң (kk)   | n     |
/// | л        | l     |          |       | ө (kk)   | o     |
/// |          |       |          |       | ұ (kk)   | u     |
/// |          |       |          |       | ү (kk)   | u     |
/// |          |       |          |       | һ (kk)   | h     |
/// |          |       |          |       | і (kk)   | i     |
///
/// - ц is `c` when the next letter's Latin form starts with i, e, y or j (цирк → cirk,
///   Цюрих → Cyurix, цыган → cygan) and `cz` everywhere else (царь → czar, отец → otecz),
///   as System B prescribes.
/// - Also mapped, by System B: ґ → g, є → ye, ї → yi. Other Cyrillic letters with a diacritic
///   take their base letter (ў → u, ќ → k).
/// - Capitals keep their case. A capital with a two- or three-letter form is written in capitals
///   inside an all-capital word (ЖК → ZHK, ЩИ → SHHI) and with only its first letter capital
///   elsewhere (Жол → Zhol).
///
/// Other characters:
/// - ASCII passes through unchanged.
/// - Latin letters with diacritics lose them through Unicode decomposition (é → e, Ş → S,
///   Ñ → N); ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ/ð → d, þ → th, ı → i, ə → e, ŋ → n, ħ → h.
/// - Characters with an ASCII compatibility form take it (no-break space → space, … → ...,
///   № → No, full-width Ａ → A, ﬁ → fi); decimal digits of any script become 0–9.
/// - Letters of other scripts with no such mapping (Chinese, Arabic, …) are dropped.
/// - Everything else (spaces, punctuation, symbols such as ₸, emoji) passes through unchanged.
package enum Transliteration {
    /// Latin ASCII form of Kazakh or Russian Cyrillic text (other characters pass through; non-ASCII
    /// letters from other scripts are reduced to ASCII where a plain mapping exists, else dropped).
    ///
    /// See ``Transliteration`` for the table and the rules.
    package static func ascii(_ text: String) -> String {
        // ASCII-only text (numbers, Latin names) needs no work at all.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }

        // Decomposed input (и + combining breve for й, е + diaeresis for ё) must map like the
        // precomposed letters, so compose first; only pay for normalization when marks are present.
        let source = text.unicodeScalars.contains { $0.properties.canonicalCombiningClass.rawValue != 0 }
            ? text.precomposedStringWithCanonicalMapping : text
        let scalars = Array(source.unicodeScalars)

        var out = String()
        out.reserveCapacity(scalars.count + scalars.count / 2)
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
                continue
            }
            guard let letter = cyrillic[scalar.value] else {
                out += other(scalar)
                continue
            }
            var latin = letter.latin
            if letter.isTse {
                latin = takesShortTse(next: index + 1 < scalars.count ? scalars[index + 1] : nil) ? "c" : "cz"
            }
            guard letter.isUpper, !latin.isEmpty else {
                out += latin
                continue
            }
            if latin.utf8.count == 1 || allCapitals(around: index, in: scalars) {
                out += latin.uppercased()
            } else {
                out += latin.prefix(1).uppercased() + latin.dropFirst()
            }
        }
        return out
    }

    // MARK: - Cyrillic

    private struct Letter: Sendable {
        /// The lowercase Latin form; for ц the placeholder "cz", resolved by the next letter.
        var latin: String
        var isUpper: Bool
        var isTse: Bool
    }

    /// (lowercase, uppercase, Latin) — the table in the type's documentation, in the same order.
    private static let rows: [(Character, Character, String)] = [
        ("а", "А", "a"), ("б", "Б", "b"), ("в", "В", "v"), ("г", "Г", "g"), ("д", "Д", "d"),
        ("е", "Е", "e"), ("ё", "Ё", "yo"), ("ж", "Ж", "zh"), ("з", "З", "z"), ("и", "И", "i"),
        ("й", "Й", "j"), ("к", "К", "k"), ("л", "Л", "l"), ("м", "М", "m"), ("н", "Н", "n"),
        ("о", "О", "o"), ("п", "П", "p"), ("р", "Р", "r"), ("с", "С", "s"), ("т", "Т", "t"),
        ("у", "У", "u"), ("ф", "Ф", "f"), ("х", "Х", "x"), ("ц", "Ц", "cz"), ("ч", "Ч", "ch"),
        ("ш", "Ш", "sh"), ("щ", "Щ", "shh"), ("ъ", "Ъ", ""), ("ы", "Ы", "y"), ("ь", "Ь", ""),
        ("э", "Э", "e"), ("ю", "Ю", "yu"), ("я", "Я", "ya"),
        // Kazakh
        ("ә", "Ә", "a"), ("ғ", "Ғ", "g"), ("қ", "Қ", "q"), ("ң", "Ң", "n"), ("ө", "Ө", "o"),
        ("ұ", "Ұ", "u"), ("ү", "Ү", "u"), ("һ", "Һ", "h"), ("і", "І", "i"),
        // Ukrainian letters that turn up in quoted names; they have no decomposition to fall back on.
        ("ґ", "Ґ", "g"), ("є", "Є", "ye"), ("ї", "Ї", "yi"),
    ]

    private static let cyrillic: [UInt32: Letter] = {
        var table: [UInt32: Letter] = [:]
        for (lower, upper, latin) in rows {
            let isTse = lower == "ц"
            table[lower.unicodeScalars.first!.value] = Letter(latin: latin, isUpper: false, isTse: isTse)
            table[upper.unicodeScalars.first!.value] = Letter(latin: latin, isUpper: true, isTse: isTse)
        }
        return table
    }()

    /// System B writes ц as "c" before the Latin letters i, e, y and j, so the choice depends on
    /// what the following character becomes, not on which Cyrillic letter it is.
    private static func takesShortTse(next: Unicode.Scalar?) -> Bool {
        guard let next else { return false }
        let latin: String
        if next.isASCII {
            latin = String(next)
        } else if let letter = cyrillic[next.value] {
            // A following ц is itself "c" or "cz": neither starts with i, e, y or j.
            latin = letter.isTse ? "c" : letter.latin
        } else {
            latin = other(next)
        }
        guard let first = latin.utf8.first else { return false }
        switch first | 0x20 {  // ASCII lowercase
        case UInt8(ascii: "i"), UInt8(ascii: "e"), UInt8(ascii: "y"), UInt8(ascii: "j"): return true
        default: return false
        }
    }

    /// A capital inside a word written all in capitals (ЖК, ЩИ) is written all in capitals too.
    private static func allCapitals(around index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        if index + 1 < scalars.count {
            let next = scalars[index + 1].properties
            if next.isAlphabetic { return next.isUppercase }
        }
        // The last letter of a word follows the letter before it (ГЖ → GZH); a one-letter word
        // (Ж → Zh) has none, so it stays in title case.
        if index > 0 {
            let previous = scalars[index - 1].properties
            return previous.isAlphabetic && previous.isUppercase
        }
        return false
    }

    // MARK: - Everything else

    /// Letters whose ASCII form is a convention rather than a Unicode decomposition.
    private static let plainLatin: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "SS",  // ß ẞ
        0x00E6: "ae", 0x00C6: "AE",  // æ Æ
        0x0153: "oe", 0x0152: "OE",  // œ Œ
        0x00F8: "o", 0x00D8: "O",  // ø Ø
        0x0142: "l", 0x0141: "L",  // ł Ł
        0x0111: "d", 0x0110: "D",  // đ Đ
        0x00F0: "d", 0x00D0: "D",  // ð Ð
        0x00FE: "th", 0x00DE: "TH",  // þ Þ
        0x0131: "i",  // ı (Turkish, Azerbaijani, Kazakh Latin drafts)
        0x0259: "e", 0x018F: "E",  // ə Ə
        0x014B: "n", 0x014A: "N",  // ŋ Ŋ
        0x0127: "h", 0x0126: "H",  // ħ Ħ
        0x0167: "t", 0x0166: "T",  // ŧ Ŧ
    ]

    /// The ASCII form of a non-ASCII scalar that is not in the Cyrillic table.
    private static func other(_ scalar: Unicode.Scalar) -> String {
        if let plain = plainLatin[scalar.value] { return plain }
        let properties = scalar.properties
        if properties.numericType == .decimal, let value = properties.numericValue,
            value >= 0, value <= 9
        {
            return String(Int(value))
        }
        // Combining marks left over after composition are diacritics of letters already written.
        if properties.canonicalCombiningClass.rawValue != 0 || properties.generalCategory == .nonspacingMark {
            return ""
        }
        // Compatibility decomposition strips diacritics (é → e + ◌́) and unfolds presentation forms
        // (ﬁ, Ａ, №, no-break space).
        var mapped = String()
        var complete = true
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            if part.isASCII {
                mapped.unicodeScalars.append(part)
            } else if let letter = cyrillic[part.value] {
                // Cyrillic letters with diacritics (ў, ќ) decompose to a base letter in the table.
                let latin = letter.isTse ? "cz" : letter.latin
                mapped += letter.isUpper ? latin.prefix(1).uppercased() + latin.dropFirst() : latin
            } else if part.properties.canonicalCombiningClass.rawValue == 0 {
                complete = false
                break
            }
        }
        if complete, !mapped.isEmpty { return mapped }
        return properties.isAlphabetic ? "" : String(scalar)
    }
}
