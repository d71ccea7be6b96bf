import SitegenCore

/// The extension libphonenumber's matcher reads with a number (`8 727 258 12 34 доб. 123`): its link
/// in a message runs on to the extension's last digit, and so may reach past an address the number's
/// digits are in, which the messages app then no longer prefers (it keeps the longer link).
///
/// The forms are libphonenumber's (`EXTN_PATTERNS_FOR_MATCHING`), read case-blind: `;ext=` and up to 20
/// digits; an explicit label (`ext`, `extn`, `extension`, `доб`, `anexo`, their fullwidth forms) and up to
/// 20 digits; an ambiguous one (`x`, `#`, `~`, `int`) and up to 9; after dashes or spaces, up to 6
/// digits and `#`. Between the number and the label: spaces, no-break spaces, tabs and commas; after the
/// label, a colon or a dot and then spaces, commas or dashes. Parsing a number, libphonenumber also
/// strips `,,` or `;` and up to 15 digits, and commas and up to 9, from its end
/// (`EXTN_PATTERNS_FOR_PARSING`): ``isExtension(_:from:to:)``.
enum SMSExtensions {
    /// Where the match of a number whose digits end at `end` ends: after its extension, if one follows.
    static func end(_ s: [Unicode.Scalar], after end: Int) -> Int {
        ends(s, from: end, parsing: false).max() ?? end
    }

    /// Whether `s[from..<to]` is an extension libphonenumber's parser takes off the end of a number
    /// (`~5`, `x 12`, ` доб. 12`, `,,12`): what is before it is then the number it judges.
    static func isExtension(_ s: [Unicode.Scalar], from: Int, to: Int) -> Bool {
        // Every form starts with a mark or a label's first letter: most places are passed at a glance.
        guard from < to, "-; \u{A0}\t,#~\u{FF03}\u{FF5E}eExXaAiI\u{FF45}\u{FF58}\u{FF49}\u{FF25}\u{FF38}\u{FF29}дД".unicodeScalars.contains(s[from]) else { return false }
        return ends(s, from: from, parsing: true).contains(to)
    }

    /// Every place an extension starting at `i` may end, in the forms for matching or for parsing.
    private static func ends(_ s: [Unicode.Scalar], from i: Int, parsing: Bool) -> [Int] {
        var out: [Int] = []
        /// Each end of 1 to `limit` digits from `k` (with a `#` after, if `hash`; `#` optional unless `required`).
        func digitEnds(from k: Int, upTo limit: Int, hash required: Bool = false) {
            var e = k
            while e < s.count, e - k < limit, s[e].isDecimalDigit {
                e += 1
                if !required { out.append(e) }
                if e < s.count, s[e] == "#" { out.append(e + 1) }
            }
        }
        func skip(_ k: Int, _ marks: [Unicode.Scalar]) -> Int {
            var k = k
            while k < s.count, marks.contains(s[k]) { k += 1 }
            return k
        }
        /// After a label: a colon or dot, then spaces, commas or dashes.
        func afterLabel(_ k: Int) -> Int {
            var k = k
            if k < s.count, [":", ".", "\u{FF0E}"].contains(s[k]) { k += 1 }
            return skip(k, [" ", "\u{A0}", "\t", ",", "-"])
        }
        if let k = afterWord(";ext=", s, at: i) { digitEnds(from: k, upTo: 20) }
        let labelled = skip(i, [" ", "\u{A0}", "\t", ","])
        for (labels, limit) in [(explicitLabels, 20), (ambiguousLabels, 9)] {
            for label in labels {
                if let k = afterWord(label, s, at: labelled) { digitEnds(from: afterLabel(k), upTo: limit) }
            }
        }
        // `- 123#`, American style.
        let dashed = skip(i, ["-", " "])
        if dashed > i { digitEnds(from: dashed, upTo: 6, hash: true) }
        if parsing {
            let spaced = skip(i, [" ", "\u{A0}", "\t"])
            if spaced < s.count, s[spaced] == ";" || (s[spaced] == "," && spaced + 1 < s.count && s[spaced + 1] == ",") {
                digitEnds(from: afterLabel(spaced + (s[spaced] == ";" ? 1 : 2)), upTo: 15)
            }
            let commas = skip(spaced, [","])
            if commas > spaced { digitEnds(from: afterLabel(commas), upTo: 9) }
        }
        return out
    }

    /// Labels that say an extension follows (`e?xt(ensi(o|ó|ó))?n?`, fullwidth `ｅ?ｘｔｎ?`, Russian `доб`,
    /// Portuguese `anexo`).
    private static let explicitLabels: [String] = {
        var out: [String] = []
        for start in ["ext", "xt"] {
            for middle in ["", "ensio", "ensi\u{F3}", "ensio\u{301}"] { for end in ["", "n"] { out.append(start + middle + end) } }
        }
        for start in ["\u{FF45}\u{FF58}\u{FF54}", "\u{FF58}\u{FF54}"] { out += [start, start + "\u{FF4E}"] }
        return out + ["доб", "anexo"]
    }()

    /// Labels that may: `x`, `#`, `~`, `int` and their fullwidth forms.
    private static let ambiguousLabels = ["int", "\u{FF49}\u{FF4E}\u{FF54}", "x", "\u{FF58}", "#", "\u{FF03}", "~", "\u{FF5E}"]

    /// A letter in lower case (ASCII at once; others, such as `Д` or `Ｅ`, by their mapping).
    private static func lowered(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.isASCII { return u >= "A" && u <= "Z" ? Unicode.Scalar(u.value + 0x20)! : u }
        return u.properties.changesWhenLowercased ? u.properties.lowercaseMapping.unicodeScalars.first ?? u : u
    }

    /// Just after `word` when `s` holds it at `i`, letters compared case-blind.
    private static func afterWord(_ word: String, _ s: [Unicode.Scalar], at i: Int) -> Int? {
        var k = i
        for w in word.unicodeScalars {
            guard k < s.count, s[k] == w || lowered(s[k]) == w else { return nil }
            k += 1
        }
        return k
    }
}
