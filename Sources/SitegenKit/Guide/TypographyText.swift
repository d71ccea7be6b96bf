/// Character classes and whole-run scans behind `Typography`: which scalars are addresses to leave alone,
/// which spaces separate thousands, which words are currencies and units.
enum TypographyText {
    static let nbsp: Unicode.Scalar = "\u{A0}"
    static let emDash: Unicode.Scalar = "\u{2014}"

    /// ASCII digits only: other scripts' digits do not occur in these texts' numbers.
    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    /// The Unicode White_Space characters.
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        // Spelled out rather than looked up: this runs on every scalar of a run, mostly Cyrillic letters.
        switch c.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    static func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool { isDigit(c) || c.properties.isAlphabetic }

    /// A space inside a line: the ones a dash rule or a number rule may look through.
    static func isLineSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == nbsp }

    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether a straight quote after `previous` opens: at the start, after a space, an opening bracket,
    /// a dash, a slash or another opening quote. Anything else (a letter, a digit, punctuation) closes.
    static func opensQuote(after previous: Unicode.Scalar?) -> Bool {
        guard let p = previous else { return true }
        if isWhitespace(p) { return true }
        switch p {
        case "(", "[", "{", "\u{2014}", "\u{2013}", "-", "/", "«", "„": return true
        default: return false
        }
    }

    // MARK: - Addresses

    /// Marks every scalar that belongs to an address-like token, so no rule changes it.
    ///
    /// A token is a run of non-space scalars without the quotes, brackets and sentence punctuation around
    /// it (so `"egov.kz",` still gets its quotes converted). It is protected when it contains `://`, an `@`
    /// followed by a letter, or a `.` between two letters or digits: this catches URLs, `www.` hosts,
    /// domains, e-mail addresses, @handles and names like `EgovKzBot2.0`, and also harmless things like
    /// `т.б.` or `3.5`, where no rule has anything to change anyway.
    static func protectedMask(_ s: [Unicode.Scalar]) -> [Bool] {
        var mask = [Bool](repeating: false, count: s.count)
        var i = 0
        while i < s.count {
            if isWhitespace(s[i]) {
                i += 1
                continue
            }
            var end = i
            while end < s.count, !isWhitespace(s[end]) { end += 1 }
            var a = i, b = end
            while a < b, isLeadingWrapper(s[a]) { a += 1 }
            let wrapped = b
            while b > a, isTrailingWrapper(s[b - 1]) { b -= 1 }
            // An odd number of straight quotes inside (`?q="паспорт"`) means the first trailing one closes a
            // quote of the address itself, so it stays with the address.
            if s[a..<b].lazy.filter({ $0 == "\"" }).count % 2 == 1, let q = s[b..<wrapped].firstIndex(of: "\"") {
                b = q + 1
            }
            if a < b, looksLikeAddress(s[a..<b]) {
                for k in a..<b { mask[k] = true }
            }
            i = end
        }
        return mask
    }

    static func isLeadingWrapper(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "«", "»", "„", "“", "”", "(", "[", "{", "<": return true
        default: return false
        }
    }

    static func isTrailingWrapper(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "\"", "'", "«", "»", "„", "“", "”", ")", "]", "}", ">", ".", ",", ";", ":", "!", "?", "\u{2026}":
            return true
        default: return false
        }
    }

    static func looksLikeAddress(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        var k = t.startIndex
        while k < t.endIndex {
            switch t[k] {
            case ":":
                if k + 2 < t.endIndex, t[k + 1] == "/", t[k + 2] == "/" { return true }
            case "@":
                if k + 1 < t.endIndex, t[k + 1].properties.isAlphabetic { return true }
            case ".":
                if k > t.startIndex, k + 1 < t.endIndex, isLetterOrDigit(t[k - 1]), isLetterOrDigit(t[k + 1]) {
                    return true
                }
            default:
                break
            }
            k += 1
        }
        return false
    }

    // MARK: - Numbers

    /// Marks the plain spaces between the digit groups of numbers like `42 500` and `1 250 000`.
    ///
    /// A chain of digit groups separated by single spaces is joined only when all of it reads as one
    /// number: the first group 1–3 digits, every other group exactly 3. So `2020 2021`, `2020 500` and
    /// phone numbers like `8 700 123 45 67` keep their spaces, and a valid-looking tail of an invalid
    /// chain (`2020 100 000`) is not joined either, because which digits belong together is unclear.
    /// A chain after a letter, a digit, `+` (a phone number), `.` or `,` (a decimal part) is not a number
    /// of its own.
    static func thousandsSpaces(_ s: [Unicode.Scalar], protected: [Bool], before: Unicode.Scalar?) -> [Bool] {
        var joins = [Bool](repeating: false, count: s.count)
        var i = 0
        while i < s.count {
            guard isDigit(s[i]), !protected[i] else {
                i += 1
                continue
            }
            let lead = i > 0 ? s[i - 1] : before
            var end = i
            while end < s.count, isDigit(s[end]) { end += 1 }
            let firstLength = end - i
            var separators: [Int] = []
            var valid = (1...3).contains(firstLength)
            var j = end
            while j + 1 < s.count, isLineSpace(s[j]), isDigit(s[j + 1]), !protected[j + 1] {
                var e = j + 1
                while e < s.count, isDigit(s[e]) { e += 1 }
                if e - j - 1 != 3 { valid = false }
                separators.append(j)
                j = e
            }
            if let l = lead, isLetterOrDigit(l) || l == "+" || l == "." || l == "," { valid = false }
            if valid {
                // Spaces the editor already made no-break stay as they are.
                for k in separators where s[k] == " " { joins[k] = true }
            }
            i = j
        }
        return joins
    }

    /// Whether a currency or unit that takes a no-break space after its number starts at `j`:
    /// ₸, ₽, %, тг, руб (руб., рубль, рублей…), and any word starting with теңге or тенге (теңгеден…).
    static func startsUnit(_ s: [Unicode.Scalar], at j: Int, protected: [Bool]) -> Bool {
        guard j < s.count, !protected[j] else { return false }
        switch s[j] {
        case "₸", "₽", "%": return true
        default: break
        }
        // Compared scalar by scalar, lowercased by hand: this runs after every digit followed by a space,
        // and most of those words are not units.
        func letter(_ k: Int) -> Unicode.Scalar? {
            guard k < s.count else { return nil }
            let v = s[k].value
            if (0x410...0x42F).contains(v) { return Unicode.Scalar(v + 0x20) }
            if v == 0x4A2 { return "ң" }
            return s[k]
        }
        func wordEnds(at k: Int) -> Bool { k >= s.count || !s[k].properties.isAlphabetic }
        switch letter(j) {
        case "т":
            if letter(j + 1) == "г" { return wordEnds(at: j + 2) }
            let n = letter(j + 2)
            return letter(j + 1) == "е" && (n == "ң" || n == "н") && letter(j + 3) == "г" && letter(j + 4) == "е"
        case "р":
            guard letter(j + 1) == "у", letter(j + 2) == "б" else { return false }
            return letter(j + 3) == "л" || wordEnds(at: j + 3)
        default:
            return false
        }
    }
}
