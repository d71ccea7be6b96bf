import SitegenCore

/// Bank card numbers as a Telegram app reads them in a message: a tappable card that opens the
/// app's card menu (the bank's name, links to pay). A guide never prints one: a card in a warning is
/// a fraudster's, anywhere else a reader's or an editor's mistake.
extension TelegramTextBoundaries {
    /// The runs of 13–19 digits the clients' entity parser (TDLib) takes as a card: digits joined by
    /// single spaces or hyphens, not glued to a letter, `.`, `,`, `+`, `-` or `_` before it nor to a
    /// letter, `-` or `_` after it, whose digits pass the Luhn check and fit a card scheme's length.
    /// Sixteen to nineteen digits in one piece end at a space (`4400430123456789 1234` is a card and
    /// a number). A digit of another script joins nothing: the apps read ASCII digits alone.
    static func bankCards(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        let n = s.count
        var i = 0
        while true {
            while i < n, !isCardDigit(s[i]) { i += 1 }
            guard i < n else { break }
            if i > 0, isCardGlue(before: s[i - 1]) {
                // Glued to a word or a number: the whole run is part of it.
                while i < n, joinsCard(s[i]) { i += 1 }
                continue
            }
            let begin = i
            var digits = 0
            while i < n, joinsCard(s[i]) {
                // Sixteen to nineteen digits written without a gap are a card of their own.
                if s[i] == " ", (16...19).contains(digits), digits == i - begin { break }
                if isCardDigit(s[i]) { digits += 1 }
                i += 1
            }
            guard (13...19).contains(digits) else { continue }
            var end = i
            while !isCardDigit(s[end - 1]) { end -= 1 }
            // More marks than digits less one: no card's grouping (`4400  4301` with two spaces still is one).
            guard end - begin <= 2 * digits - 1 else { continue }
            if end < n, s[end] == "-" || s[end] == "_" || isCardLetter(s[end]) { continue }
            if isValidCard(s[begin..<end]) { out.append(TelegramAutoLink(kind: .bankCard, range: begin..<end)) }
        }
        return out
    }

    /// The card numbers in `text` (``bankCards(_:)``), as UTF-8 offsets and lengths, and as written.
    package static func bankCardNumbers(in text: String) -> [(offset: Int, length: Int, text: String)] {
        // Thirteen ASCII digits at least, or no card, unless a reader reads digits in what is written otherwise
        // (`44ОО 43О1 …`, `⁴⁴⁰⁰ …`): most texts are passed on their bytes.
        let mayReadOtherwise = ReaderReading.mayDiffer(text)
        guard text.utf8.count >= 13, text.utf8.lazy.filter({ $0 &- 0x30 < 10 }).count >= 13 || mayReadOtherwise else { return [] }
        let s = ScalarArray.of(text)
        // A tab, a line break or a form feed is read as the space the page and its search result show for it: a card so
        // spaced is one to whoever copies it into Telegram (what is written is said as it is written).
        var cards = bankCards(PhoneNumbers.shownAsSpaces(s)).map(\.range)
        // Groups parted by what a reader takes for a space or a hyphen (a no-break or thin space, an en dash, a
        // dot: `4400 4302 1234 5679` pasted from a bank's page) make a card to whoever pays to it.
        for card in readerCards(s) where !cards.contains(card) { cards.append(card) }
        // A mark drawn on a digit or a lookalike digit (`4400 43́01 …`, `4400 43О1 …`) leaves the number whole
        // to a reader, who pays to it.
        if mayReadOtherwise, let reading = ReaderReading(s) {
            for card in bankCards(PhoneNumbers.shownAsSpaces(reading.scalars)).map(\.range) + readerCards(reading.scalars)
            where reading.changed[card].contains(true) {
                let range = reading.writtenCharacters(card)
                if !cards.contains(range) { cards.append(range) }
            }
        }
        guard !cards.isEmpty else { return [] }
        let offsets = ScalarArray.utf8Offsets(s)
        return cards.sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }.map { card in
            (offsets[card.lowerBound], offsets[card.upperBound] - offsets[card.lowerBound], String(scalars: s[card]))
        }
    }

    /// The cards of `s` that a reader reads where no app does: groups of four digits (the last of one to
    /// four, or American Express's 4-6-5) parted by what a reader takes for a space or a hyphen
    /// (``withReaderSeparators(_:)``), `4400 4302 1234 5679` with no-break spaces. A year before a phone
    /// number (`2020 8701123–45–67`) is no card's grouping.
    static func readerCards(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        guard let separated = withReaderSeparators(s) else { return [] }
        return bankCards(PhoneNumbers.shownAsSpaces(separated)).map(\.range).filter { card in
            let groups = separated[card].split(whereSeparator: { !isCardDigit($0) }).map(\.count)
            guard let last = groups.last else { return false }
            // One way of parting the groups throughout (`2019–2020 2020–2021`, years, mixes two).
            let parts = Set(s[card].split(whereSeparator: isCardDigit).map { String(String.UnicodeScalarView($0)) })
            return parts.count == 1 && ((groups.dropLast().allSatisfy { $0 == 4 } && (1...4).contains(last)) || groups == [4, 6, 5])
        }
    }

    /// `s` with what a reader takes for a space between a card's groups as a space (no-break, figure, thin,
    /// narrow, mathematical and ideographic spaces), for a hyphen as a hyphen (dashes to the em dash, the
    /// non-breaking hyphen, the minus sign), and a dot or a middle dot between two digits as a space; nil
    /// when it holds none of them.
    static func withReaderSeparators(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        func separator(_ k: Int) -> Unicode.Scalar? {
            switch s[k].value {
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
            case 0x2010...0x2014, 0x2212, 0xFE63, 0xFF0D: return "-"
            case 0x2E, 0xB7, 0x2024, 0x2027, 0x2219, 0x22C5, 0xFF0E:
                return k > 0 && k + 1 < s.count && isCardDigit(s[k - 1]) && isCardDigit(s[k + 1]) ? " " : nil
            default: return nil
            }
        }
        guard let first = s.indices.first(where: { separator($0) != nil }) else { return nil }
        var out = s
        for k in first..<s.count { if let u = separator(k) { out[k] = u } }
        return out
    }

    /// Whether the digits of `written` pass the Luhn check and, for a scheme the apps know by its first
    /// digits, have one of its lengths (Visa, Mastercard, American Express, UnionPay, Mir); any other
    /// first digits pass at every length.
    static func isValidCard(_ written: ArraySlice<Unicode.Scalar>) -> Bool {
        let digits = written.filter(isCardDigit).map { Int($0.value - 0x30) }
        var sum = 0
        for (k, digit) in digits.reversed().enumerated() {
            sum += k % 2 == 0 ? digit : (digit < 5 ? 2 * digit : 2 * digit - 9)
        }
        guard sum % 10 == 0, digits.count >= 4 else { return false }
        let two = digits[0] * 10 + digits[1]
        let four = two * 100 + digits[2] * 10 + digits[3]
        let count = digits.count
        if digits[0] == 4 { return [13, 16, 18, 19].contains(count) }
        if (51...55).contains(two) || (2221...2720).contains(four) { return count == 16 }
        if two == 34 || two == 37 { return count == 15 }
        if two == 62 || two == 81 { return count >= 16 }
        if (2200...2204).contains(four) { return count == 16 }
        return true
    }

    private static func isCardDigit(_ u: Unicode.Scalar) -> Bool { u.value &- 0x30 < 10 }

    private static func joinsCard(_ u: Unicode.Scalar) -> Bool { isCardDigit(u) || u == " " || u == "-" }

    private static func isCardGlue(before u: Unicode.Scalar) -> Bool {
        u == "." || u == "," || u == "+" || u == "-" || u == "_" || isCardLetter(u)
    }

    /// A letter of any script (the apps' letter category): a card glued to one is part of a word.
    private static func isCardLetter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return ("a"..."z").contains(u) || ("A"..."Z").contains(u) }
        if isCyrillicLetter(u) { return true }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
