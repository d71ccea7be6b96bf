import SitegenCore

/// The extension libphonenumber's matcher reads with a number (`8 727 258 12 34 доб. 123`): its link
/// in a message runs on to the extension's last digit, and so may reach past an address the number's
/// digits are in, which the messages app then no longer prefers (it keeps the longer link).
///
/// The forms are libphonenumber's for matching (`EXTN_PATTERNS_FOR_MATCHING`), read case-blind: `;ext=`
/// and up to 20 digits; an explicit label (`ext`, `extn`, `extension`, `доб`, `anexo`, their fullwidth
/// forms) and up to 20 digits; an ambiguous one (`x`, `#`, `~`, `int`) and up to 9; after a dash or a
/// space, up to 6 digits and `#`. Between the number and the label: spaces, no-break spaces, tabs and
/// commas; after the label, a colon or a dot and then spaces, commas or dashes.
enum SMSExtensions {
    /// Where the match of a number whose digits end at `end` ends: after its extension, if one follows.
    static func end(_ s: [Unicode.Scalar], after end: Int) -> Int {
        var best = end
        // `;ext=123`
        if let k = afterWord(";ext=", s, at: end), let e = digits(s, from: k, upTo: 20) { best = max(best, e) }
        // A label, with what may stand around it.
        var i = end
        while i < s.count, [" ", "\u{A0}", "\t", ","].contains(s[i]) { i += 1 }
        for (labels, limit) in [(explicitLabels, 20), (ambiguousLabels, 9)] {
            for label in labels {
                guard var k = afterWord(label, s, at: i) else { continue }
                if k < s.count, [":", ".", "\u{FF0E}"].contains(s[k]) { k += 1 }
                while k < s.count, [" ", "\u{A0}", "\t", ",", "-"].contains(s[k]) { k += 1 }
                if let e = digits(s, from: k, upTo: limit) { best = max(best, e < s.count && s[e] == "#" ? e + 1 : e) }
            }
        }
        // `- 123#`, American style.
        var k = end
        while k < s.count, s[k] == "-" || s[k] == " " { k += 1 }
        if k > end, let e = digits(s, from: k, upTo: 6), e < s.count, s[e] == "#" { best = max(best, e + 1) }
        return best
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

    /// Just after `word` when `s` holds it at `i`, letters compared case-blind.
    private static func afterWord(_ word: String, _ s: [Unicode.Scalar], at i: Int) -> Int? {
        var k = i
        for w in word.unicodeScalars {
            guard k < s.count, s[k] == w || String(s[k]).lowercased() == String(w) else { return nil }
            k += 1
        }
        return k
    }

    /// The end of 1 to `limit` digits from `k`, or nil when none is there.
    private static func digits(_ s: [Unicode.Scalar], from k: Int, upTo limit: Int) -> Int? {
        var e = k
        while e < s.count, e - k < limit, s[e].isDecimalDigit { e += 1 }
        return e > k ? e : nil
    }
}
