import SitegenCore

/// Finds the numbers in text that a reader's phone would dial, so they can be judged against
/// `links.phones`: readers call what a guide prints, and messengers and phones turn these forms into
/// call links by themselves.
///
/// A number is read as a chain of digit groups joined as a phone's dialler joins them: by up to three
/// spaces (of any width), hyphens, dashes or minus signs, dots or slashes, of which one at most is not a
/// space, or by parentheses around a group: `+7 701 123 45 67`, `+77011234567`, `+7-701-123-45-67`,
/// `+7.701.123.45.67`, `+7 701  123 45 67`, `8 - 701 - 123 45 67`, `8 (727) 123-45-67`, `701 123 45 67`.
/// It is a phone number when
/// - it starts with `+` and has 8–15 digits (any country: E.164), or 4–7 of a length its country takes
///   (`+49 30 123`, ``CallingCodes``) and is no amount with its unit, the `+` maybe followed by up to four
///   marks (`+ 998 90 123 45 67`, `+ (998) …`);
/// - it has 11 digits starting with 8 or 7 (the Kazakh national and international forms), 10 starting
///   with 7, or 12 of the country code and the prefix (`7 8 701 123 45 67`), or is dialled abroad from
///   Kazakhstan (`8 10` or `00`, then 10–16 digits, or `8 10` and a shorter number its country takes), and is
///   not grouped in thousands (`87 011 234 567` is an amount, unless beside a word about calling or in
///   a list after a number found: `Звоните 1414 или 87 771 234 567`) nor followed by a currency or percent sign;
/// - it has 10 digits after 7 or 9, or after one of Russia's codes of 3, 4 or 8 at which libphonenumber holds
///   valid numbers (``answeredCodes``), however grouped and not in thousands: a number of the +7 zone without
///   its prefix at a code someone answers (`916 1822300`, `9161 822 300`, `/9161822300`);
/// - it has 10 or 11 other digits written as a phone number is (in one piece, with its code in
///   parentheses, ending in two pairs or as `123 456 7890`): a number of the +7 zone without its prefix, `(495) 123-45-67`,
///   `3952 12 34 56`, as a phone in Kazakhstan dials it, or another country's, `1 (800) 123-45-67`;
/// - it is a short service or city number (3–7 digits, `1414`, `258-12-34`) right after a phone sign (☎, 📞, 📱) or a
///   word about calling or numbers (`нөміріне`, `номеру`, `тел.`, `звоните`), or right before one.
///
/// When a chain so read is none of these, it is read again as libphonenumber (Android's dialler) joins
/// digit groups, by up to four of its punctuation marks in any mix, `x` among them (`8--701--123--45--67`,
/// `+7 .701. 123 45 67`, `+7 (7 0 1) 123 45 67`, `8 701 x 123 45 67`), and is a phone number when it makes a full one: `+` and
/// 10–15 digits, or 11 digits of a code of the zone after 8 or 7 (`87…`, `86…`, `77…`, `8 916…`), or 10 of one
/// without them, not grouped in thousands.
///
/// Dates have 8 digits (`14.04.2020`, `2020-04-14`) and are not phones; nor are amounts (`42 500 ₸`),
/// years and ranges of them, versions, step numbers, IINs (12 digits) or card numbers (16).
package enum PhoneNumbers {
    /// A number found in text: UTF-8 offset and length, as written, and its digits in one form
    /// (`87011234567` and `+7 701 123 45 67` both `77011234567`).
    package struct Found: Equatable, Sendable {
        package var offset: Int
        var length: Int
        package var text: String
        var digits: String
        /// Where the number is, in UTF-8 bytes.
        package var range: Range<Int> { offset..<(offset + length) }
    }

    /// The one form numbers are compared in: the national `8` prefix of an 11-digit number becomes the
    /// country code 7, and a 10-digit number starting with 7 gets the country code.
    static func canonical(_ digits: String) -> String {
        if digits.hasPrefix("810"), digits.count > 11 || isAbroad(digits, onePiece: false) { return String(digits.dropFirst(3)) }
        if digits.count > 11, digits.hasPrefix("00") { return String(digits.dropFirst(2)) }
        if isCountryCodeBeforePrefix(digits) { return "7" + digits.dropFirst(2) }
        if digits.count == 11, digits.hasPrefix("8") { return "7" + digits.dropFirst() }
        if digits.count == 10 { return "7" + digits }
        return digits
    }

    /// A quick look: without two digits in a row (or seven digits in all) there is no number. Digits of
    /// other scripts (fullwidth `７`, Arabic-Indic `٧`, mathematical `𝟕`) are dialled like ASCII ones.
    static func mayHold(_ text: String) -> Bool {
        var copy = text
        switch copy.withUTF8(byteLook) {
        case true?: return true
        case false?: return false
        case nil: break
        }
        var previousIsDigit = false
        var digits = 0
        for u in text.unicodeScalars {
            // Dashes, quotes and № send most prose here: its ASCII and Cyrillic need no lookup.
            let v = u.value
            // (Digits drawn otherwise, `⁸`, `⑧`, are a reader's: ``ReaderReading``.)
            let isDigit = v < 0x80 ? (v >= 0x30 && v <= 0x39) : (v >= 0x400 && v < 0x530) ? false
                : Self.isDigit(plain(u)) || ReaderReading.digit(u) != nil
            if isDigit && previousIsDigit { return true }
            if isDigit { digits += 1 }
            if digits >= 7 { return true }
            previousIsDigit = isDigit
        }
        return false
    }

    /// ``mayHold(_:)`` on UTF-8 bytes (a line of a longer text, read before it is made a String): false
    /// when no number can be there.
    package static func mayHold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        byteLook(bytes) != false
    }

    /// The look at bytes alone: true with two ASCII digits in a row or seven in all, nil when a digit of another script
    /// may be there (the scalars must be read), false otherwise.
    private static func byteLook(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        var hasOtherScripts = false
        var previousIsDigit = false
        var digits = 0
        let n = bytes.count
        var i = 0
        // One comparison for nearly every byte of a page: ASCII letters and marks, and Cyrillic's lead
        // and continuation bytes (below U+0600), which can begin no digit.
        while i < n {
            let b = bytes[i]
            switch b {
            // A letter drawn as a digit after a digit (`7О1`, `8 7Ol`): the reader's reading may find a number.
            case _ where previousIsDigit && ReaderReading.isDigitLikeASCII(b):
                return true
            case 0xD0 where previousIsDigit && i + 1 < n && ReaderReading.isDigitLikeCyrillic(afterD0: bytes[i + 1]):
                return true
            case 0x30...0x39:
                if previousIsDigit { return true }
                // A number may be written a digit at a time (`8 7 0 1 1 2 3 4 5 6 7`): seven digits are enough to look.
                digits += 1
                if digits >= 7 { return true }
                previousIsDigit = true
            case 0xD8...0xFF:
                previousIsDigit = false
                // Lead bytes past the Cyrillic block (U+0600 and up): a digit of another script may follow,
                // though not among the dashes, quotes and № of prose (U+2000–U+203F, U+2100–U+213F), nor
                // ₸ and the other currency signs (U+20A0–U+20BF).
                if !hasOtherScripts {
                    let next = i + 1 < n ? bytes[i + 1] : 0
                    hasOtherScripts = !(b == 0xE2 && (next == 0x80 || next == 0x84 || (next == 0x82 && i + 2 < n && bytes[i + 2] >= 0xA0)))
                }
            case 0xC2:
                previousIsDigit = false
                // Superscript digits (`²`, U+00B2, U+00B3, U+00B9) have a lead byte of their own.
                if i + 1 < n, ReaderReading.isSuperscriptDigit(afterC2: bytes[i + 1]) { hasOtherScripts = true }
            default:
                previousIsDigit = false
            }
            i += 1
        }
        return hasOtherScripts ? nil : false
    }

    /// A tab, a line break or a form feed: HTML shows each as a space (a title's line break in YAML, a
    /// template's, a line of a code block in a search snippet), and so does the search index that
    /// collapses them. (The bulletins' texts are read line by line: their line breaks part numbers.)
    @inline(__always) package static func isShownAsSpace(_ u: Unicode.Scalar) -> Bool {
        u == "\t" || u == "\n" || u == "\r" || u == "\u{0C}"
    }

    /// `s` with each of ``isShownAsSpace(_:)`` a space, as the page shows it (`s` itself when it has none).
    package static func shownAsSpaces(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        s.contains(where: isShownAsSpace) ? s.map { isShownAsSpace($0) ? " " : $0 } : s
    }

    /// A character as a phone reads it: a decimal digit of any script as its ASCII digit, a
    /// fullwidth plus as `+`, and an invisible space or joiner as a space.
    static func plain(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.isASCII { return u }
        switch u.value {
        case 0xFF0B, 0xFE62: return "+"
        // Fullwidth brackets, which a dialler reads as the ASCII ones.
        case 0xFF08: return "("
        case 0xFF09: return ")"
        case 0xFF3B: return "["
        case 0xFF3D: return "]"
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD: return " "
        case 0x400...0x52F: return u
        default: break
        }
        // Decimal digits alone, as libphonenumber reads them: a superscript or subscript (`¹`, `₂`) is a
        // footnote's mark after a number (`8 701 123 45 67¹`), not one of its digits.
        if u.properties.numericType == .decimal,
           let value = u.properties.numericValue, value >= 0, value <= 9, value == value.rounded() {
            return Unicode.Scalar(UInt8(48 + Int(value)))
        }
        return u
    }

    /// What was found in texts read already. A page's text is read for numbers where it is written,
    /// in each bulletin and in the finished page, and most of it is the same text each time.
    /// Short texts alone, so the memo stays small whatever the pages hold.
    private static let found = SharedCache<ExactText, [Found]>(limit: 2_048)

    package static func find(in text: String) -> [Found] {
        guard mayHold(text) else { return [] }
        if text.utf8.count > 2_048 { return withReaderReading(text) }
        return found.value(text) { withReaderReading(text) }
    }

    /// The numbers of `text` as written, and as a reader reads it past the marks drawn on its characters
    /// and with lookalike digits as digits (``ReaderReading``): no app links `8 70́1 123 45 67` or
    /// `8 7О1 123 45 67` whole, but a reader dials it. A number found in both readings is one.
    private static func withReaderReading(_ text: String) -> [Found] {
        let asWritten = bothReadings(text)
        guard ReaderReading.mayDiffer(text) else { return asWritten }
        let written = ScalarArray.of(text)
        guard let reading = ReaderReading(written) else { return asWritten }
        let offsets = ScalarArray.utf8Offsets(written)
        let bytes = Array(text.utf8)
        let read = bothReadings(String(String.UnicodeScalarView(reading.scalars))).compactMap { f -> Found? in
            let kept = reading.characters(f.range)
            guard reading.changed[kept].contains(true) else { return nil }
            let span = reading.written(kept, writtenOffsets: offsets)
            guard !asWritten.contains(where: { $0.range == span }) else { return nil }
            return Found(offset: span.lowerBound, length: span.count,
                         text: String(decoding: bytes[span], as: UTF8.self), digits: f.digits)
        }
        return read.isEmpty ? asWritten : (asWritten + read).sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
    }

    /// The numbers of `text` as a page shows it, and, when it holds a tab, a line break or a form feed,
    /// as a plain-text reader reads it: each number once, in the order of the text.
    /// A browser shows each of those as a space (`8<tab>701<tab>123 45 67` is a number on the page, its
    /// search result and a copy of its text), while libphonenumber, and so a phone's messenger reading a
    /// bulletin's text, ends a number at it (`12<tab>8 701 123 45 67` holds `8 701 123 45 67` there, where
    /// the page shows one chain of thirteen digits): both readings are judged.
    private static func bothReadings(_ text: String) -> [Found] {
        let shown = findUncached(text, shownAsSpaces: true)
        guard text.unicodeScalars.contains(where: isShownAsSpace) else { return shown }
        let asWritten = findUncached(text, shownAsSpaces: false).filter { w in
            !shown.contains { $0.offset == w.offset && $0.length == w.length }
        }
        return asWritten.isEmpty ? shown : (shown + asWritten).sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
    }

    /// The numbers of `text`, with a tab, a line break and a form feed read as spaces (`shownAsSpaces`)
    /// or as the ends of numbers they are to libphonenumber.
    private static func findUncached(_ text: String, shownAsSpaces: Bool) -> [Found] {
        let written = ScalarArray.of(text)
        // ASCII and Cyrillic stay as they are, without a call each: nearly every character of a page.
        var s = written.map { $0.value < 0x80 ? (shownAsSpaces && $0.value < 0x20 && Self.isShownAsSpace($0) ? " " : $0) : ($0.value >= 0x400 && $0.value < 0x530) ? $0 : plain($0) }
        // What a reader takes for a dot, glued on both sides to a number's digits, brackets or dashes
        // (`8·701·123·45·67`, `8(701)·123`, `8-701-·123`), is read as a dot: no app links the number, but
        // a reader dials it. (Spaced, ` · ` parts a search result's blocks and lists' items, as a reader
        // reads it.)
        if written.contains(where: { $0.value >= 0xB7 && FakeNameMatcher.isDotLike($0) }) {
            func glued(_ u: Unicode.Scalar) -> Bool { isDigit(u) || isOpening(u) || isClosing(u) || (isSeparator(u) && !isSpace(u)) }
            for i in s.indices.dropFirst().dropLast() where FakeNameMatcher.isDotLike(s[i]) && glued(s[i - 1]) && glued(s[i + 1]) {
                s[i] = "."
            }
        }
        let offsets = ScalarArray.utf8Offsets(written)
        var out: [Found] = []
        // Where the last number found ends (in scalars): a list of numbers is spoken of as its first.
        var lastEnd: Int?
        func record(_ from: Int, _ to: Int, digits: String) {
            out.append(Found(offset: offsets[from], length: offsets[to] - offsets[from],
                             text: String(scalars: written[from..<to]), digits: canonical(digits)))
            lastEnd = to
        }
        let hasSlash = s.contains("/")
        // libphonenumber's candidates, whose pieces it reads alone (``innerMatch``), each read once from
        // where it starts: no digit stands before it within four of the marks it joins groups by, or the
        // digit before is the last of a candidate cut at its hundred groups (read from here on).
        var cutAt = -1
        func startsCandidate(_ i: Int) -> Bool {
            var k = i - 1
            while k >= 0, i - k <= 4, isDialMark(s[k]) { k -= 1 }
            return k < 0 || !isDigit(s[k]) || k == cutAt - 1
        }
        func candidate(from: Int) -> Int {
            let (end, cut) = candidateEnd(s, from: from)
            if cut { cutAt = end }
            return end
        }
        var i = 0
        while i < s.count {
            // `+` and up to four of the marks libphonenumber reads after it (`+ 998 …`, `+-7-701…`,
            // `+ (998) …`): the number's digits start after them, and it is read as `+` and its digits.
            let digitsAfterPlus = s[i] == "+" ? firstDigit(afterPlusAt: i, in: s) : nil
            let plus = digitsAfterPlus != nil
            let start = digitsAfterPlus ?? i
            let opens = isOpening(s[i]) && i + 1 < s.count && isDigit(s[i + 1])
            guard isDigit(s[i]) || plus || opens else { i += 1; continue }
            // libphonenumber drops a candidate holding a date written with slashes, number and all
            // (`87011234567 27/02/2020`; a comma ends the candidate before it: `8 701 123 45 67, 27/02/2020`).
            if hasSlash, i == 0 || !isDigit(s[i - 1]) {
                let candidate = diallerChain(s, from: opens && !plus ? i + 1 : start)
                if candidate.end > i, holdsSlashDate(s, i, candidate.end) {
                    i = candidate.end
                    continue
                }
            }
            // Inside a word, a decimal or another number, a chain is not a number of its own.
            // After `№` (`№ 0123456789`, however many spaces between) a number is a document's, unless
            // it starts with `+`, as no document's does (`№ +998 90 123 45 67–2020`).
            var back = i - 1
            while back >= 0, isSpace(s[back]) { back -= 1 }
            // A bracket after a digit opens a number of its own to libphonenumber (`2020 8(707) 568 35 55`).
            // So does a `+` after digits (`2020+77011234567`, `12+380441234567`).
            let afterNumberSign = back >= 0 && s[back] == "№"
            if (i > 0 && isAttached(s[i - 1]) && !afterPhoneWord(s, i) && !((opens || plus) && isDigit(s[i - 1])) && !(plus && afterNumberSign))
                || (afterNumberSign && !plus) {
                // Unless it is a whole number glued on: Android's dialler (libphonenumber, leniency
                // POSSIBLE) links `№ 87011234567`, `ID87011234567` and `8.7011234567e10` all the same.
                // When its first digits are a document's, the whole candidate is read as libphonenumber reads
                // it before its pieces (`ИИН7701123456.7` is eleven digits, a number of the zone, to it).
                if !(i > 0 && isDigit(s[i - 1])),
                   let (found, digits) = gluedNumber(s, i, digitsFrom: start, plus: plus, glued: true)
                    .flatMap({ plus || !isDocumentNumber(s, i, $0.0, digits: $0.1) ? $0 : nil })
                    ?? gluedNumber(s, i, digitsFrom: start, plus: plus, glued: true, whole: true)
                    .flatMap({ plus || !isDocumentNumber(s, i, $0.0, digits: $0.1) ? $0 : nil }) {
                    record(i, found, digits: digits)
                    i = found
                    continue
                }
                // A piece of the chain libphonenumber reads alone when the whole is none (`ID872721)23456.0`:
                // the part before the dot is a number of the zone). A `+` is the candidate's first mark, and
                // the piece before a mark is read with it (`x+44791‒1123456(2020` is `+44791‒1123456`).
                if startsCandidate(start), let inner = innerMatch(s, from: plus ? i : start, to: candidate(from: start)),
                   !isDocumentNumber(s, i, digits: inner.digits) {
                    record(inner.range.lowerBound, inner.range.upperBound, digits: inner.digits)
                    i = inner.range.upperBound
                    continue
                }
                // Else the digits are part of what they are glued to, and so are those a hyphen or tilde
                // joins on (`sha1-87011234567` is no number to libphonenumber either), up to a mark
                // libphonenumber parts numbers at (a space, `.`, `/`, a long dash: `5–87011234567`).
                var k = start
                while k < s.count, isDigit(s[k]) || (isSeparator(s[k]) && !isSplit(s[k]) && k + 1 < s.count && isDigit(s[k + 1])) { k += 1 }
                i = max(i + 1, k)
                continue
            }
            // The groups one plain space or dash apart first (`8 701 123 45 67 / 8 702 …` is two numbers);
            // only when they are no number, the wider chain a dialler also joins (`+7.701.123.45.67`). A chain
            // that is neither is read again from its next group, so a number beside it is not lost
            // (`1415 — 8 800 080 7777`).
            let narrow = chain(s, from: start, wide: false)
            let wide = chain(s, from: start, wide: true)
            var next = narrow.end
            var matched = false
            // A number with a note in brackets after it (`8 701 123 45 67 (2020)`, a footnote's `(1)`) is
            // dialled without the note, as libphonenumber reads the part before a bracket when the whole fails.
            var chains = [narrow, wide]
            for whole in [narrow, wide] {
                var chain = whole
                while let shorter = withoutTrailingNote(s, chain) {
                    chains.append(shorter)
                    chain = shorter
                }
            }
            for (end, groups) in chains {
                guard let found = phone(s, i, end, groups: groups, plus: plus, after: lastEnd) else { continue }
                // A short number that goes on, as the dialler reads it, into a full one is that one
                // (`Қоңырау шалыңыз: 87011. 234567`).
                let digits = groups.joined()
                let dialled = digits.count < 10 ? diallerChain(s, from: start) : (end: found, groups: [])
                if let full = fullNumber(s, i, dialled.end, groups: dialled.groups, plus: plus), full > found {
                    record(i, full, digits: dialled.groups.joined())
                    next = full
                } else {
                    record(i, found, digits: digits)
                    next = end
                }
                matched = true
                break
            }
            // Last, the chain as libphonenumber (Android's dialler) joins it: up to four of its punctuation
            // marks of any kind between groups (`8--701--123--45--67`, `+7 .701. 123 45 67`,
            // `+7 (7 0 1) 1 2 3 4 5 6 7`, `87011. 234567`), taken only when it makes a full number; then
            // each group of the chain alone where libphonenumber parts it (`2020 87011234567`, `5–87011234567`).
            if !matched {
                // (A chain opened by a bracket is joined from its first digit: `(2020) 87011234567`, `[1] 87011234567`,
                // and read so glued to a letter too: `(7) 8 8464 75 75 58a`.)
                let digitsStart = opens && !plus ? i + 1 : start
                let dialled = diallerChain(s, from: digitsStart)
                if let found = fullNumber(s, i, dialled.end, groups: dialled.groups, plus: plus) {
                    record(i, found, digits: dialled.groups.joined())
                    next = found
                } else if let number = withoutExtension(s, from: start, dialled),
                          let found = fullNumber(s, i, number.end, groups: number.groups, plus: plus) {
                    // `8 701 x 123 45 67 x 12`: the last `x` and its digits are an extension to libphonenumber,
                    // and the number before them is dialled.
                    record(i, found, digits: number.groups.joined())
                    next = dialled.end
                } else if let (found, digits) = gluedNumber(s, i, digitsFrom: digitsStart, plus: plus, glued: false), plus || !isDocumentNumber(s, i, digits: digits) {
                    // (A number after a register's name is that register's: `ИНН 7707083893`.)
                    record(i, found, digits: digits)
                    next = found
                } else if let split = ((start + 1)..<max(dialled.end, start + 1)).first(where: { isStrongSplit(s[$0]) || isOpening(s[$0]) }) {
                    // Where libphonenumber parts the chain, each side is read as a chain of its own: the
                    // number before a slash or long dash (`8 701 123 45 67–69`, `8.701.123.45.67/12`; before
                    // a bracket, `8 701 123 45 67 [1]`, libphonenumber links nothing), then the rest
                    // (`5–8 701 123 45 67`, `2020 8 (701) 123-45-67` from its bracket).
                    let strong = (split..<max(dialled.end, start + 1)).first { isStrongSplit(s[$0]) }
                    let before = strong.map { diallerChain(s, from: start, to: $0) }
                    if let before, before.end > start,
                       let found = phone(s, i, before.end, groups: before.groups, plus: plus, after: lastEnd)
                        ?? fullNumber(s, i, before.end, groups: before.groups, plus: plus),
                       plus || !isDocumentNumber(s, i, digits: before.groups.joined()) {
                        record(i, found, digits: before.groups.joined())
                        next = found
                    } else {
                        next = isOpening(s[split]) ? split : split + 1
                    }
                } else if let piece = lonePiece(s, from: i, to: max(dialled.end, i + 1)),
                          !isDocumentNumber(s, i, digits: String(scalars: s[piece].filter(isDigit))) {
                    record(piece.lowerBound, piece.upperBound, digits: String(scalars: s[piece].filter(isDigit)))
                    next = piece.upperBound
                }
                // Last, the pieces libphonenumber reads alone in a chain that is no number whole
                // (`2020 8701123–45–67`, `8 72721 / 234—5—6.0`), when none of the readings above found one.
                if lastEnd.map({ $0 <= i }) ?? true, startsCandidate(i),
                   let inner = innerMatch(s, from: i, to: candidate(from: opens && !plus ? i + 1 : start)),
                   !isDocumentNumber(s, i, digits: inner.digits) {
                    record(inner.range.lowerBound, inner.range.upperBound, digits: inner.digits)
                    next = max(next, inner.range.upperBound)
                }
            }
            i = max(next, i + 1)
        }
        return out
    }

    /// The chain without its last group when that group is a note in round brackets after a space or
    /// another note (`… 67 (2020)`, `… 67 (1)(2)`): where the groups before it end, and those groups. Nil
    /// for any other chain (`8 (727) 123-45-67` has its code in brackets, not a note; after `[1]`, a
    /// citation, libphonenumber links nothing).
    private static func withoutTrailingNote(_ s: [Unicode.Scalar], _ chain: (end: Int, groups: [String])) -> (end: Int, groups: [String])? {
        guard chain.groups.count >= 2, chain.end > 0, s[chain.end - 1] == ")" else { return nil }
        var open = chain.end - 2
        while open >= 0, isDigit(s[open]) { open -= 1 }
        guard open > 0, s[open] == "(", isSpace(s[open - 1]) || s[open - 1] == ")" else { return nil }
        var end = open
        while end > 0, isSpace(s[end - 1]) { end -= 1 }
        guard end > 0, isDigit(s[end - 1]) || isClosing(s[end - 1]) else { return nil }
        return (end, Array(chain.groups.dropLast()))
    }

    /// More groups than any number is written in (at most 15 digits): where a chain's reading stops.
    static let longestChain = 16

    /// The digit groups of the chain starting at `from` and where it ends (after its last digit or `)`).
    /// `wide`: groups joined as a dialler joins them (see the type's comment); else by one plain, no-break,
    /// narrow or thin space, hyphen or dash.
    private static func chain(_ s: [Unicode.Scalar], from: Int, wide: Bool) -> (end: Int, groups: [String]) {
        var groups: [String] = []
        var j = from
        var end = from
        while j < s.count {
            var k = j
            let parenthesised = isOpening(s[k])
            if parenthesised { k += 1 }
            var group = ""
            while k < s.count, isDigit(s[k]) { group.unicodeScalars.append(s[k]); k += 1 }
            guard !group.isEmpty else { break }
            if parenthesised {
                guard k < s.count, isClosing(s[k]) else { break }
                k += 1
            }
            groups.append(group)
            end = k
            // No number has more digits than a chain this long: reading stops, so a page of digits and
            // marks is read in linear time.
            if groups.count >= Self.longestChain { break }
            // Up to three separators, at most one of them not a space, then the next group (which may open with `(`).
            var next = k
            var marks = 0
            while next < s.count, next - k < (wide ? 3 : 1), wide ? isSeparator(s[next]) : isPlainSeparator(s[next]) {
                if !isSpace(s[next]) { marks += 1 }
                next += 1
            }
            guard marks <= 1 else { break }
            // A dot or slash right after a group and then a space ends a sentence (`1415. 2020 жылы`).
            if next - k > 1, isStop(s[k]) { break }
            guard next < s.count else { break }
            let opensGroup = isOpening(s[next]) && next + 1 < s.count && isDigit(s[next + 1])
            guard isDigit(s[next]) || opensGroup, next > k || opensGroup || parenthesised else { break }
            j = next
        }
        return (end, groups)
    }

    /// The digit groups from `from` joined as libphonenumber joins them: by up to four of its
    /// punctuation marks (spaces, dashes, dots, slashes, tildes, brackets) in any mix, with no sentence
    /// read between them.
    private static func diallerChain(_ s: [Unicode.Scalar], from: Int, to limit: Int? = nil) -> (end: Int, groups: [String]) {
        let count = limit ?? s.count
        var groups: [String] = []
        var j = from
        var end = from
        while j < count {
            var group = ""
            var k = j
            while k < count, isDigit(s[k]) { group.unicodeScalars.append(s[k]); k += 1 }
            guard !group.isEmpty else { break }
            groups.append(group)
            end = k
            if groups.count >= Self.longestChain { break }
            var next = k
            while next < count, next - k < 4, isDialMark(s[next]) { next += 1 }
            guard next < count, isDigit(s[next]) else { break }
            j = next
        }
        return (end, groups)
    }

    /// The chain before its last group when an `x` leads to that group and it has 1–9 digits: the
    /// extension libphonenumber reads at the end of a number (`… 67 x 12`). Nil for any other chain.
    private static func withoutExtension(_ s: [Unicode.Scalar], from start: Int, _ chain: (end: Int, groups: [String]))
        -> (end: Int, groups: [String])? {
        guard chain.groups.count > 2, let last = chain.groups.last, last.count <= 9,
              let x = (start..<chain.end).last(where: { s[$0] == "x" || s[$0] == "X" }),
              (x..<chain.end).filter({ isDigit(s[$0]) }).count == last.count else { return nil }
        let before = diallerChain(s, from: start, to: x)
        guard before.groups.count == chain.groups.count - 1 else { return nil }
        return before
    }

    /// Where the number ends, if a chain joined as a dialler joins it is a full one: with `+` and 10–15
    /// digits, or 11 digits of a code of the zone after 8 or 7 (or 10 without) not grouped in thousands, with nothing that
    /// makes it part of something else after it.
    private static func fullNumber(_ s: [Unicode.Scalar], _ from: Int, _ end: Int, groups: [String], plus: Bool) -> Int? {
        let digits = groups.joined()
        guard groups.count > 1 else { return nil }  // one piece: the readings above have judged it
        if end < s.count, isDigit(s[end]) || (s[end].isASCII && s[end].properties.isAlphabetic) { return nil }
        if plus { return (10...15).contains(digits.count) ? end : nil }
        // A number of the zone's codes has 10 or 11 digits.
        guard digits.utf8.count == 10 || digits.utf8.count == 11 else { return nil }
        if isPricedAmount(s, from, end, groups) || holdsDateOrRange(s, from, end) || !bracketsMatch(s, from, end) { return nil }
        let thousands = isAmount(s, from, end, groups)
        // Only the 11 digits of a number of the zone's own codes (`8 7…`, `8 6…`, `7 7…`, `7 6…`): counts,
        // dates and times run together this way too (`75 (15.04.2020)`, `8.04.2020 10.00`), and none
        // of them makes one of these.
        return (hasZoneCode(digits) || isNational(digits)) && !thousands ? end : nil
    }

    /// Where the number ends and its digits, if the chain from `from` is a whole number whatever letters
    /// are glued before or after it: its first digits alone, as libphonenumber reads the text before the
    /// first mark it parts numbers at (`ID7011234567`, `87011234567/2020`: a number of the zone's, 10 or 11
    /// digits, or `+` and 10–15), else the chain joined as a dialler joins it when it makes `+` and 10–15
    /// digits or 11 after 8 or 7 (`x8 800 080 7777y`). libphonenumber at the leniency Android links with reads
    /// no letter or mark around a number (`№87011234567`, `8.7011234567e10`, even `1.87011234567`); only
    /// a digit right before or after makes it part of a longer number, which it is not.
    private static func gluedNumber(_ s: [Unicode.Scalar], _ from: Int, digitsFrom start: Int, plus: Bool, glued: Bool,
                                    whole: Bool = false) -> (Int, String)? {
        var run = start
        while run < s.count, isDigit(s[run]) { run += 1 }
        let joinedOn = run + 1 < s.count && (s[run] == "-" || s[run] == "~") && isDigit(s[run + 1])
        // (A number of the zone has 10 or 11 digits: no String is made for a shorter run.)
        let n = run - start
        if !joinedOn, !whole, plus ? (10...15).contains(n) : (10...12).contains(n) && isZoneShaped(String(scalars: s[start..<run])) {
            return (run, String(scalars: s[start..<run]))
        }
        // Joined by marks, the groups make one number only where no digit and mark before them make it
        // longer (`1-8-701-123-45-67` is twelve digits to libphonenumber); after a digit and a dot, only
        // up to the next dot, where libphonenumber parts it (`1.8-701-123-45-67`, not `1.8.701.123.45.67`).
        var limit = s.count
        if from > 1, isDigit(s[from - 2]), isSeparator(s[from - 1]), !isStrongSplit(s[from - 1]) {
            guard s[from - 1] == "." else { return nil }
            limit = (start..<s.count).first { s[$0] == "." } ?? s.count
        }
        let dialled = diallerChain(s, from: start, to: limit)
        let digits = dialled.groups.joined()
        if dialled.end < s.count, isDigit(s[dialled.end]) { return nil }
        // After `+`, a number of any country, as ``phone`` reads one (`ИИН+683 4002`).
        if plus { return isInternational(s, start, dialled.end, groups: dialled.groups, digits: digits) ? (dialled.end, digits) : nil }
        // Dialled abroad, or after the country code and the prefix (`№810998901234567`, `№7 8 701 123 45 67`):
        // glued to letters, only a number of a length its country takes (`KZ81 0105 0749 8787 7327` is an IBAN).
        let abroad = (digits.utf8.starts(with: "810".utf8) && CallingCodes.isPossible(digits.utf8.dropFirst(3)))
            || isCountryCodeBeforePrefix(digits)
        // Every number of the zone below has 10 or 11 digits.
        guard abroad || digits.utf8.count == 10 || digits.utf8.count == 11 else { return nil }
        if holdsDateOrRange(s, from, dialled.end) || isAmount(s, from, dialled.end, dialled.groups) || !bracketsMatch(s, from, dialled.end) { return nil }
        if abroad { return (dialled.end, digits) }
        // Glued to a word, any number of the zone (`x8 800 080 7777y`, `№ 701-123-45-67`); else only a
        // code's 11 digits (or 10): counts, dates and times run together this way too (`7 000 000 (15.04)`).
        if glued { return isZoneShaped(digits) ? (dialled.end, digits) : nil }
        return hasZoneCode(digits) || isNational(digits) ? (dialled.end, digits) : nil
    }

    /// Where the candidate libphonenumber reads from `from` ends: digit groups joined by up to four of its
    /// marks, up to a hundred groups (its limit); ``diallerChain(_:from:to:)`` without the groups' text.
    /// Whether the hundred groups cut it.
    private static func candidateEnd(_ s: [Unicode.Scalar], from: Int) -> (end: Int, cut: Bool) {
        var end = from
        var j = from
        var groups = 0
        while j < s.count, groups < 100 {
            var k = j
            while k < s.count, isDigit(s[k]) { k += 1 }
            guard k > j else { break }
            end = k
            groups += 1
            var next = k
            while next < s.count, next - k < 4, isDialMark(s[next]) { next += 1 }
            guard next < s.count, isDigit(s[next]) else { break }
            j = next
        }
        return (end, groups == 100)
    }

    /// libphonenumber's reading of a candidate that is no number whole (its `extractInnerMatch`): at each
    /// kind of mark in turn (slashes, an opening bracket, a hyphen beside a space, a long dash, dots, spaces),
    /// the text before the first such mark, then the text after each, is read alone, and the first that
    /// is a full number is the one the dialler links: `2020 8701123–45–67` (after the space),
    /// `8 72721 / 234—5—6.0` and `87 272 123-45 6.0` (before the dot). The piece as read, and its digits.
    private static func innerMatch(_ s: [Unicode.Scalar], from: Int, to: Int) -> (range: Range<Int>, digits: String)? {
        // A full number has ten digits at least, and a mark must part the candidate. A candidate holding a
        // date written with slashes (`27/02/2020`) is dropped whole by libphonenumber, pieces and all.
        guard to - from > 10, s[from..<to].lazy.filter(isDigit).count >= 10, !holdsSlashDate(s, from, to) else { return nil }
        /// `\s` of Python's `re`: ASCII white space, and any Unicode one (looked up only past ASCII).
        func isSpaceMark(_ u: Unicode.Scalar) -> Bool {
            u.value < 0x80 ? (u == " " || (u.value >= 0x09 && u.value <= 0x0D)) : (isSpace(u) || u.properties.isWhitespace)
        }
        func isLongDash(_ u: Unicode.Scalar) -> Bool { (0x2012...0x2015).contains(u.value) || u.value == 0xFF0D }
        /// A mark of kind `kind` at or after `k`: where it starts, and the text after it the pattern takes.
        func mark(_ kind: Int, from k: Int) -> (start: Int, group: Range<Int>)? {
            var m = k
            while m < to {
                let u = s[m]
                switch kind {
                case 0 where u == "/":  // `/+(.*)`
                    var g = m
                    while g < to, s[g] == "/" { g += 1 }
                    return (m, g..<to)
                case 1 where u == "(":  // `(\([^(]*)`
                    var e = m + 1
                    while e < to, s[e] != "(" { e += 1 }
                    return (m, m..<e)
                case 2 where m + 1 < to && (u == "-" ? isSpaceMark(s[m + 1]) : s[m + 1] == "-" && isSpaceMark(u)):  // `(?:\s-|-\s)\s*(.+)`
                    var g = m + 2
                    while g < to, isSpaceMark(s[g]) { g += 1 }
                    if g < to { return (m, g..<to) }
                case 3 where isLongDash(u):  // `[‒-―－]\s*(.+)`
                    var g = m + 1
                    while g < to, isSpaceMark(s[g]) { g += 1 }
                    if g < to { return (m, g..<to) }
                case 4 where u == ".":  // `\.+\s*([^.]+)`
                    var g = m
                    while g < to, s[g] == "." { g += 1 }
                    while g < to, isSpaceMark(s[g]) { g += 1 }
                    var e = g
                    while e < to, s[e] != "." { e += 1 }
                    if e > g { return (m, g..<e) }
                case 5 where isSpaceMark(u):  // `\s+(\S+)`
                    var g = m
                    while g < to, isSpaceMark(s[g]) { g += 1 }
                    var e = g
                    while e < to, !isSpaceMark(s[e]) { e += 1 }
                    if e > g { return (m, g..<e) }
                default:
                    break
                }
                m += 1
            }
            return nil
        }
        /// A piece read alone: from its first digit, `+` or bracket to its last digit or letter.
        func number(_ r: Range<Int>) -> (range: Range<Int>, digits: String)? {
            var a = r.lowerBound
            var b = r.upperBound
            while b > a, !(isDigit(s[b - 1]) || s[b - 1].properties.isAlphabetic || s[b - 1] == "#") { b -= 1 }
            while a < b, !(isDigit(s[a]) || s[a] == "+" || isOpening(s[a])) { a += 1 }
            guard b > a else { return nil }
            // No full number has fewer than ten digits or more than eighteen: most pieces are passed here,
            // before any String is made.
            var count = 0
            for k in a..<b where isDigit(s[k]) { count += 1 }
            guard (10...27).contains(count) else { return nil }
            // An extension at the end (`87011234567x2`) is no part of the number dialled.
            var numberEnd = b
            if let x = s[a..<b].lastIndex(where: { $0 == "x" || $0 == "X" }), x + 1 < b, s[(x + 1)..<b].allSatisfy(isDigit), b - x - 1 <= 9 {
                numberEnd = x
            }
            let digits = String(scalars: s[a..<numberEnd].filter(isDigit))
            if s[a] == "+" { return (10...15).contains(digits.utf8.count) ? (a..<b, digits) : nil }
            // Dialled abroad (`8 10 …`, `00 …`), longer than an IIN.
            if (digits.hasPrefix("810") || digits.hasPrefix("00")) && (13...18).contains(digits.utf8.count),
               CallingCodes.leadsWithCode(digits.utf8.dropFirst(digits.hasPrefix("810") ? 3 : 2)) { return (a..<b, digits) }
            // (Or the country code and the prefix before one: `7 8 701 1234567 (2020) 14.04.2020` is read before its bracket.)
            guard (digits.utf8.count == 10 || digits.utf8.count == 11) && (hasZoneCode(digits) || isNational(digits))
                    || isCountryCodeBeforePrefix(digits),
                  !holdsDateOrRange(s, a, b), bracketsMatch(s, a, b) else { return nil }
            let groups = s[a..<b].split(whereSeparator: { !isDigit($0) }).map { String(String.UnicodeScalarView($0)) }
            return isAmount(s, a, b, groups) ? nil : (a..<b, digits)
        }
        for kind in 0..<6 {
            guard var found = mark(kind, from: from) else { continue }
            if let n = number(from..<found.start) { return n }
            // After a slash, a hyphen beside a space or a long dash, the rest of the candidate is read: once
            // it holds fewer than ten digits, no later mark of the kind leaves more.
            let readsToEnd = kind == 0 || kind == 2 || kind == 3
            while true {
                if let n = number(found.group) { return n }
                if readsToEnd, s[found.group].lazy.filter(isDigit).count < 10 { break }
                guard let again = mark(kind, from: found.start + 1) else { break }
                found = again
            }
        }
        return nil
    }

    /// Whether `s[from..<to]` holds a date written with slashes as libphonenumber finds one anywhere in a
    /// candidate (`[0-3]?\d/[01]?\d/(?:[12]\d)?\d{2}`, or month first): a digit, a slash, one digit or two
    /// (the first 0–3), a slash and two digits (`27/02/2020`, `7/4/20`).
    private static func holdsSlashDate(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> Bool {
        func isLow(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x33 }
        for p in from..<to where s[p] == "/" && p > from && isDigit(s[p - 1]) {
            var e = p + 1
            while e < to, isDigit(s[e]) { e += 1 }
            let middle = e - p - 1
            guard middle == 1 || (middle == 2 && isLow(s[p + 1])), e + 2 < to, s[e] == "/", isDigit(s[e + 1]), isDigit(s[e + 2]) else { continue }
            return true
        }
        return false
    }

    /// Whether the brackets in `s[start..<end]` stand as libphonenumber allows a number's to: an opening
    /// one first, or a closing one after the first piece (`8 701) 123 45 67`, a bracket left unopened,
    /// is dialled), then up to three pieces in brackets, each closed (`8 654 753 (27.12` is a count and
    /// a date to it). Read in one pass over the pieces between brackets, as its pattern reads them.
    private static func bracketsMatch(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        // The text as pieces: a bracket (opening or closing) or a run of anything else.
        enum Piece: Equatable { case open, close, text }
        var pieces: [Piece] = []
        for k in start..<end {
            let piece: Piece = isOpening(s[k]) ? .open : isClosing(s[k]) ? .close : .text
            if piece == .text, pieces.last == .text { continue }
            pieces.append(piece)
        }
        guard pieces.contains(where: { $0 != .text }) else { return true }
        var i = 0
        // `(?:[(\[])?(?:[^()\[\]]+[)\]])?`: an opening bracket first, or a piece closed without one.
        if pieces.first == .open { i = 1 }
        if i + 1 < pieces.count, pieces[i] == .text, pieces[i + 1] == .close { i += 2 }
        // `[^()\[\]]+`: a piece of the number.
        guard i < pieces.count, pieces[i] == .text else { return false }
        i += 1
        // `(?:[(\[][^()\[\]]+[)\]]){0,3}`, then `[^()\[\]]*` to the end.
        var groups = 0
        while i + 2 < pieces.count, pieces[i] == .open, pieces[i + 1] == .text, pieces[i + 2] == .close, groups < 3 {
            i += 3
            groups += 1
        }
        if i < pieces.count, pieces[i] == .text { i += 1 }
        return i == pieces.count
    }

    /// Whether digits joined as a dialler joins them make the 11 digits of a number of the zone after its
    /// prefix 8 or 7, at a code someone answers (`8 7…`, `8 6…`, `7 7…`, and Russia's `8 916…`, `8 495…`:
    /// ``isNational(_:)``), which counts, dates and times run together do not make.
    private static func hasZoneCode(_ digits: String) -> Bool {
        guard digits.utf8.count == 11, let first = digits.utf8.first, first == UInt8(ascii: "8") || first == UInt8(ascii: "7") else { return false }
        let national = String(digits.dropFirst())
        // Without its `+`, the country code 7 is taken off by a phone in Kazakhstan only before ten digits
        // of Kazakhstan's pattern, 7… or 8… (libphonenumber, region KZ: `77011234567` and `78462229501` are
        // dialled, `79161822300` is not).
        if first == UInt8(ascii: "7") { return national.hasPrefix("7") || (national.hasPrefix("8") && isNational(national)) }
        return national.hasPrefix("6") || isNational(national)
    }

    /// Whether digits are a number of the +7 zone without its prefix whose code someone answers at: ten
    /// of them after 7 (Kazakhstan) or 9 (Russia's mobiles), or after one of Russia's codes of 3, 4 or 8
    /// (``answeredCodes``; libphonenumber holds no valid number of the zone after 0, 1, 2, 5 or 6). A
    /// phone in Kazakhstan dials them as they stand, in any grouping, glued to a mark or not.
    private static func isNational(_ digits: String) -> Bool {
        let u = Array(digits.utf8)
        guard u.count == 10, u.allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
        switch u[0] {
        case UInt8(ascii: "7"), UInt8(ascii: "9"): return true
        case UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "8"):
            return answeredCodes.contains(Int(u[0] - 0x30) * 100 + Int(u[1] - 0x30) * 10 + Int(u[2] - 0x30))
        default: return false
        }
    }

    /// The codes after 3, 4 and 8 at which libphonenumber (PyPI `phonenumbers` 9.0) holds valid numbers of
    /// the +7 zone: `Паспорт 4510 123456` or `Шот № 4400123456` reach no one. Every code of 7 (Kazakhstan)
    /// and 9 (Russia's mobiles) is taken. `PhoneOracleTests` asks libphonenumber that none is missing.
    static let answeredCodes: Set<Int> = {
        let ranges: [ClosedRange<Int>] = [
            301...302, 336...336, 341...343, 345...347, 349...349, 351...353, 365...365, 381...385, 388...388, 390...391,
            394...395, 401...401, 411...411, 413...413, 415...416, 421...421, 423...424, 426...427, 471...475, 481...487,
            491...496, 498...499, 800...800, 803...804, 808...809, 811...818, 820...821, 831...831, 833...836, 840...848,
            851...851, 855...857, 860...863, 865...867, 869...869, 871...873, 877...879,
        ]
        return Set(ranges.flatMap { $0 })
    }()

    /// Whether digits make a number of the zone: 11 after 8 or 7, or 10 after 7 or of a toll-free 800.
    private static func isZone(_ digits: String) -> Bool {
        (digits.count == 11 && (digits.hasPrefix("8") || digits.hasPrefix("77")))
            || (digits.count == 10 && (digits.hasPrefix("7") || digits.hasPrefix("800")))
    }

    /// Whether the chain is an amount with its unit after it (`42 500 ₸`, `1 250 000 тенге`): grouped in
    /// thousands by spaces, or one piece that is no number of the zone. A number written as one is
    /// dialled whatever follows it (`8 (701) 123-45-67 ₸`, `8 701 123 45 67 тенге`).
    private static func isPricedAmount(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ groups: [String]) -> Bool {
        followedByUnit(s, end) && (isAmount(s, start, end, groups) || (groups.count == 1 && !isZone(groups[0])))
    }

    /// The first piece of `s[from..<to]` between spaces that libphonenumber reads alone, a number of
    /// the zone (`2020 8-701-123-45-67`, `2020 87011234567`, `87011234567 12`): its digits with the
    /// marks that join them, parted by a space from the piece before it (or, the first, from the one after).
    private static func lonePiece(_ s: [Unicode.Scalar], from: Int, to: Int) -> Range<Int>? {
        var k = from
        while k < to {
            guard !isSpace(s[k]) else { k += 1; continue }
            var e = k
            while e < to, !isSpace(s[e]) { e += 1 }
            while e > k, !isDigit(s[e - 1]), !isClosing(s[e - 1]) { e -= 1 }
            let parted = k > from || (e < to && isSpace(s[e]))
            let digits = s[k..<e].filter(isDigit)
            if parted, (10...12).contains(digits.count), isDigit(s[k]) || isOpening(s[k]) || s[k] == "+",
               isZoneShaped(String(String.UnicodeScalarView(digits))),
               !holdsDateOrRange(s, k, e) {
                return k..<e
            }
            k = max(e, k + 1)
        }
        return nil
    }

    /// Whether digits are a number of the zone in any form a phone in Kazakhstan dials without `+`: 10 or 11
    /// digits (``isZone(_:)``, ``isNational(_:)``, ``hasZoneCode(_:)``), or 12 of the country code and the prefix.
    private static func isZoneShaped(_ digits: String) -> Bool {
        isZone(digits) || isNational(digits) || hasZoneCode(digits) || isCountryCodeBeforePrefix(digits)
    }

    /// Where libphonenumber parts a candidate to read its pieces alone: spaces, slashes, dots, brackets
    /// and the long dashes.
    private static func isSplit(_ u: Unicode.Scalar) -> Bool {
        isSpace(u) || u == "." || u == "(" || isStrongSplit(u)
    }

    /// The marks libphonenumber parts a candidate at even without a space: slashes and the long dashes
    /// (figure dash to horizontal bar, the fullwidth hyphen).
    private static func isStrongSplit(_ u: Unicode.Scalar) -> Bool {
        u == "/" || u.value == 0xFF0F || (0x2012...0x2015).contains(u.value) || u.value == 0xFF0D
    }

    /// Whether digit groups are an amount: grouped in thousands by spaces alone (`87 011 234 567`).
    /// Hyphens or dots so grouped (`77-011-234-567`, `87.011.234.567`) write no amount in Kazakh or Russian.
    private static func isAmount(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ groups: [String]) -> Bool {
        isThousands(groups) && s[start..<end].allSatisfy { isDigit($0) || isSpace($0) || $0 == "+" || isOpening($0) || isClosing($0) }
    }

    /// Whether the chain is dates or amounts run together rather than a number: a year after a dot or
    /// slash (`7.04–15.04.2020`, `8.04.2020 10.00`), or a range of two amounts grouped in thousands
    /// (`75 000–85 000`), which no number without `+` is written as.
    private static func holdsDateOrRange(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        // Read on the scalars themselves: this is asked of every chain, at each place a chain is read again.
        for i in start..<end where s[i] == "." || s[i] == "/" {
            let y = i + 1
            guard y + 4 <= end, (y..<(y + 4)).allSatisfy({ isDigit(s[$0]) }), y + 4 == end || !isDigit(s[y + 4]) else { continue }
            if isCentury(s, at: y) { return true }
        }
        // A date written as ISO writes it (`2020-04-14`, `2020-04-14 10:00`).
        for i in start..<end where i + 6 <= end && i >= start + 4 && s[i] == "-" && s[i + 3] == "-" {
            let year = (i - 4)..<i, month = (i + 1)..<(i + 3), day = (i + 4)..<(i + 6)
            if [year, month, day].allSatisfy({ $0.allSatisfy { isDigit(s[$0]) } }), isCentury(s, at: i - 4) {
                return true
            }
        }
        var parts: [Range<Int>] = []
        var partStart = start
        for k in start...end where k == end || s[k] == "–" || s[k] == "—" || s[k] == "-" {
            if k > partStart { parts.append(partStart..<k) }
            partStart = k + 1
        }
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            var lo = part.lowerBound, hi = part.upperBound
            while lo < hi, isSpace(s[lo]) || s[lo] == "\t" { lo += 1 }
            while hi > lo, isSpace(s[hi - 1]) || s[hi - 1] == "\t" { hi -= 1 }
            var groups: [Int] = []
            var length = 0
            for k in lo..<hi {
                if s[k] == " " || s[k].value == 0xA0 || s[k].value == 0x202F {
                    if length > 0 { groups.append(length) }
                    length = 0
                } else if isDigit(s[k]) {
                    length += 1
                } else {
                    return false
                }
            }
            if length > 0 { groups.append(length) }
            return isThousands(lengths: groups)
        }
    }

    /// Whether the year written at `i` is of 19xx or 20xx.
    private static func isCentury(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        (s[i] == "1" && s[i + 1] == "9") || (s[i] == "2" && s[i + 1] == "0")
    }

    /// Whether digit groups are written as an amount is: one to three digits, then groups of three
    /// (`87 011 234 567`, `75 000`).
    private static func isThousands<Group: Collection>(_ groups: [Group]) -> Bool {
        isThousands(lengths: groups.map(\.count))
    }

    private static func isThousands(lengths: [Int]) -> Bool {
        lengths.count > 1 && lengths[0] <= 3 && lengths.dropFirst().allSatisfy { $0 == 3 }
    }

    /// Where the phone number ends, if the chain is one. `previous`: where the number found before it ends.
    private static func phone(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, groups: [String], plus: Bool, after previous: Int?) -> Int? {
        let digits = groups.joined()
        // A digit, letter or decimal right after: part of something else (`12345678901a`, `8 701,5`).
        // A Kazakh or Russian ending may be glued on (`1414ке`).
        if end < s.count, isDigit(s[end]) || (s[end].isASCII && s[end].properties.isAlphabetic) { return nil }
        if plus { return isInternational(s, start, end, groups: groups, digits: digits) ? end : nil }
        let count = digits.utf8.count
        // Only these lengths can end as a number below: most chains a page holds are amounts and years
        // (`42 500`, `2020`), passed here before any word around them is looked at.
        let year = count == 4 && (digits.hasPrefix("19") || digits.hasPrefix("20"))
        let short = groups.count == 1 && (3...7).contains(count) && !isOpening(s[start]) && !year
        guard (10...18).contains(count) || count == 7 || short || (count > 7 && digits.hasPrefix("810")) else { return nil }
        if isPricedAmount(s, start, end, groups) || holdsDateOrRange(s, start, end) || isDocumentNumber(s, start, end, digits: digits) { return nil }
        // `87 011 234 567` is grouped as an amount is, not as a phone number; not beside a word about calling
        // or after a messenger's name (`Тел.: 87 011 234 567`, `WhatsApp: 77 011 234 567`, `87 011 234 567
        // нөміріне`), nor in a list after another number (`Звоните 1414 или 87 771 234 567`): Android's
        // dialler links every one of them.
        let thousands = isAmount(s, start, end, groups) && !nearPhoneWord(s, before: start) && !nearPhoneWord(s, after: end)
            && !inList(s, start, after: previous)
        // Ten digits of a code someone answers at are dialled however they are grouped (`916 1822300`,
        // `9161 822 300`): a phone in Kazakhstan links every such chain as a number of the +7 zone.
        if isZoneShaped(digits) || isAbroad(digits, onePiece: groups.count == 1) { return thousands ? nil : end }
        // Another number of 10 or 11 digits, written as phone numbers are: in one piece, with its code in
        // parentheses, or ending in two pairs (`495 123 45 67`). Amounts and ranges end otherwise
        // (`42 500 – 85 000`), and so does a date with a time (`14.04.2020 10`).
        let ending = groups.suffix(2).map(\.count)
        let phoneGrouped = groups.count == 1 || isOpening(s[start]) || (groups.count >= 3 && (ending == [2, 2] || ending == [3, 4]))
        // (Eleven digits after the country code 7 without its `+` are none of these: a phone in Kazakhstan
        // takes the 7 off only before a number of its own, `77…`, and has no number of eleven.)
        let sevenAbroad = digits.count == 11 && digits.hasPrefix("7")
        if (digits.count == 10 || digits.count == 11) && phoneGrouped && !thousands && !sevenAbroad { return end }
        // A city number without its code (`258-12-34`) next to a word about calling: Android's dialler
        // links it. (Alone, seven digits so grouped may be the tail of a number a formatting mark split.)
        if digits.count == 7, groups.map(\.count) == [3, 2, 2], nearPhoneWord(s, before: start) || nearPhoneWord(s, after: end) {
            return end
        }
        // A year is not a number to call (`Номер 2020 года`, `Анықтама 2020 жылдан`).
        if short, nearPhoneWord(s, before: start) || nearPhoneWord(s, after: end) {
            return end
        }
        return nil
    }

    // MARK: Characters

    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    /// Brackets a dialler skips around a group: `(727)`, `[701]`.
    private static func isOpening(_ u: Unicode.Scalar) -> Bool { u == "(" || u == "[" }
    private static func isClosing(_ u: Unicode.Scalar) -> Bool { u == ")" || u == "]" }

    /// Spaces of every width, hyphens, dashes and minus signs, dots and slashes: what a phone's dialler
    /// skips between digits.
    private static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        if isSpace(u) { return true }
        switch u.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE63, 0xFF0D, 0x2E, 0xFF0E, 0x2F, 0xFF0F: return true
        // Tildes and the prolonged sound mark, which libphonenumber (Android's dialler) also skips.
        case 0x7E, 0x2053, 0x223C, 0xFF5E, 0x30FC, 0xFF70: return true
        default: return false
        }
    }

    /// The marks libphonenumber (Android's dialler) skips between digit groups, up to four in a row:
    /// the separators, brackets, and `x` in either case (`8 701 x 123 45 67`, `8x7011234567`).
    private static func isDialMark(_ u: Unicode.Scalar) -> Bool {
        isSeparator(u) || isOpening(u) || isClosing(u) || u == "x" || u == "X"
    }

    /// Where the digits of a number written with `+` at `plus` start: after up to four of the marks a
    /// dialler skips (``isDialMark(_:)``); nil when no digit comes there.
    private static func firstDigit(afterPlusAt plus: Int, in s: [Unicode.Scalar]) -> Int? {
        var k = plus + 1
        while k < s.count, k - plus <= 4, isDialMark(s[k]) { k += 1 }
        return k < s.count && isDigit(s[k]) ? k : nil
    }

    /// What joins groups in the plain way: one plain, no-break, narrow or thin space, a hyphen or a dash.
    private static func isPlainSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0xA0, 0x202F, 0x2009, 0x2D, 0x2010, 0x2011, 0x2012, 0x2013: return true
        default: return false
        }
    }

    private static func isStop(_ u: Unicode.Scalar) -> Bool { u == "." || u == "/" || u.value == 0xFF0E || u.value == 0xFF0F }

    /// A space of any width (plain, no-break, the en-to-hair spaces, narrow no-break, medium
    /// mathematical, ideographic).
    private static func isSpace(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// What makes digits part of something else when written right before them.
    private static func isAttached(_ u: Unicode.Scalar) -> Bool {
        isDigit(u) || u.properties.isAlphabetic || u == "." || u == "," || u == "_" || u == "/" || u == "@"
            || u == "#" || u == "+" || u == "№"
    }

    /// ₸, ₽, $, €, %, and the words тг, теңге, тенге, руб…, доллар…: an amount, not a number to call.
    private static func followedByUnit(_ s: [Unicode.Scalar], _ end: Int) -> Bool {
        var j = end
        while j < s.count, s[j] == " " || s[j].value == 0xA0 || s[j].value == 0x202F { j += 1 }
        guard j < s.count else { return false }
        if "₸₽$€%".unicodeScalars.contains(s[j]) { return true }
        // Each unit word starts with т, р, д or е (either case): most numbers are followed by none.
        guard "тТрРдДеЕ".unicodeScalars.contains(s[j]) else { return false }
        let word = String(scalars: s[j..<min(s.count, j + 6)]).lowercased()
        return ["тг", "теңге", "тенге", "руб", "доллар", "евро"].contains { word.hasPrefix($0) }
    }

    /// Stems of the words that say a short number is one to call, in Kazakh, Russian and English.
    private static let phoneWords = ["нөмір", "номер", "телефон", "қоңырау", "звон", "позвон", "call", "phone", "байланыс",
                                     "хабарлас", "анықтама", "справк", "справоч", "hotline", "helpline"]
    /// Words a phone word begins that are not about calling: «байланысты» is "because of".
    private static let notPhoneWords: Set<String> = ["байланысты"]
    private static let phoneSigns: Set<UInt32> = [0x260E, 0x260F, 0x1F4DE, 0x1F4F1, 0x1F4F2]

    /// Whether the word (or sign) before `start` is about calling, with only spaces, `:` or `—` between.
    private static func nearPhoneWord(_ s: [Unicode.Scalar], before start: Int) -> Bool {
        var j = start - 1
        while j >= 0, " :\u{A0}—-–".unicodeScalars.contains(s[j]) || s[j].value == 0xFE0F || s[j] == "." { j -= 1 }
        guard j >= 0 else { return false }
        if phoneSigns.contains(s[j].value) { return true }
        guard let word = word(s, endingAt: j) else { return false }
        let lower = word.lowercased()
        return isLowercasePhoneWord(lower) || messengers.contains(lower) || isCallVerb(lower, in: s, endingAt: j)
    }

    /// Whether `word` (lowercased) is the verb of «қоңырау шалу» (to call: `Қоңырау шалыңыз: 1414`) after «қоңырау».
    private static func isCallVerb(_ word: String, in s: [Unicode.Scalar], endingAt j: Int) -> Bool {
        guard word.hasPrefix("шал") else { return false }
        var k = j - word.unicodeScalars.count
        while k >= 0, isSpace(s[k]) { k -= 1 }
        return k >= 0 && self.word(s, endingAt: k)?.lowercased() == "қоңырау"
    }

    /// The word of letters that ends at `j`, if a letter stands there.
    private static func word(_ s: [Unicode.Scalar], endingAt j: Int) -> String? {
        var k = j
        while k >= 0, s[k].properties.isAlphabetic { k -= 1 }
        return k < j ? String(scalars: s[(k + 1)...j]) : nil
    }

    /// Names of the registration numbers a text quotes (`ИНН 7707083893`, `ОГРН 1027700132195`, `БИН …`):
    /// a number after one, with only spaces, `:`, `№` or `.` between, is that document's.
    private static let documentWords: Set<String> = [
        "инн", "огрн", "огрнип", "кпп", "окпо", "снилс", "бин", "иин", "жсн", "бсн", "рнн", "inn", "bin", "iin", "ogrn", "kpp",
    ]

    /// Whether the number at `start` with these digits is a document's: after a register's name, and
    /// not a number a phone dials to someone who answers. An IIN has twelve digits, so `ИИН 87011234567`
    /// is a Kazakh mobile; so is `ИНН 7011234567` to Android's dialler, whatever a tax number may hold.
    /// Twelve digits dialled abroad (`8 10 43 1300456`) are an IIN's only in one piece, as an IIN is written:
    /// with `end`, where the number ends, one in pieces is a phone number (``isAbroad(_:onePiece:)``).
    private static func isDocumentNumber(_ s: [Unicode.Scalar], _ start: Int, _ end: Int? = nil, digits: String) -> Bool {
        let onePiece = end.map { !s[start..<$0].contains(where: { !isDigit($0) }) } ?? true
        return afterDocumentWord(s, start) && !isAnswered(digits) && !isAbroad(digits, onePiece: onePiece)
    }

    /// Whether the digits after a `+` are a number: 8–15 of them (any country: E.164), or 4–7 of a length
    /// their country takes (`+49 30 123`, ``CallingCodes``) that are no amount with its unit (`+43 000 тенге`):
    /// Android's dialler links every number of a possible length.
    private static func isInternational(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, groups: [String], digits: String) -> Bool {
        let count = digits.utf8.count
        if (8...15).contains(count) { return true }
        return (4...7).contains(count) && CallingCodes.isPossible(digits.utf8) && !isPricedAmount(s, start, end, groups)
    }

    /// Whether digits are dialled abroad from Kazakhstan: `8 10` or `00`, then a country's code and a number
    /// that make more than an IIN's twelve digits in all (`8 10 998 90 123 45 67`), or `8 10` and a shorter number of a length
    /// its country takes (`8 10 43 1 4567`, ``CallingCodes``). Twelve digits in one piece that can be an IIN
    /// or a BIN (``isRegisterShaped(_:)``: `000514500123`, `810312300456`) are no call abroad.
    static func isAbroad(_ digits: String, onePiece: Bool) -> Bool {
        let u = digits.utf8
        let count = u.count
        let viaEight = u.starts(with: "810".utf8)
        // (`00` is no prefix a phone in Kazakhstan dials abroad with: twelve digits after it in one piece are
        // a register's whatever day they begin with.)
        if (viaEight || u.starts(with: "00".utf8)) && (12...18).contains(count) {
            return CallingCodes.leadsWithCode(u.dropFirst(viaEight ? 3 : 2)) && !(onePiece && count == 12 && (!viaEight || isRegisterShaped(u)))
        }
        return viaEight && count < 12 && CallingCodes.isPossible(u.dropFirst(3))
    }

    /// Whether twelve digits can be an IIN, which begins with a real birth day (`YYMMDD`), or a BIN, which
    /// begins with a real month and 4, 5 or 6 for the kind of body (`YYMM4…`): `810431300456` is neither
    /// (the 31st of April), and a phone dials it abroad.
    static func isRegisterShaped<S: Collection>(_ digits: S) -> Bool where S.Element == UInt8 {
        let d = digits.map { Int($0 &- 0x30) }
        guard d.count == 12, d.allSatisfy({ (0...9).contains($0) }) else { return false }
        let (month, day) = (d[2] * 10 + d[3], d[4] * 10 + d[5])
        guard (1...12).contains(month) else { return false }
        let days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day) || (4...6).contains(d[4])
    }

    /// Whether digits are the country code 7 before a number's national prefix 8 (`7 8 701 123 45 67`,
    /// `78 800 123 45 67`): libphonenumber, region KZ, takes both off before a number of ten digits starting
    /// 7 or 8 (Kazakhstan's general pattern), as it does not before Russia's 9… or 4….
    static func isCountryCodeBeforePrefix(_ digits: String) -> Bool {
        let u = digits.utf8
        guard u.count == 12, u.starts(with: "78".utf8), let third = u.dropFirst(2).first,
              third == UInt8(ascii: "7") || third == UInt8(ascii: "8") else { return false }
        return isAnswered(String(digits.dropFirst(2)))
    }

    /// Whether digits are a number of the +7 zone at a code someone answers at: ten digits, or eleven
    /// after the prefix 8 or 7, at a code of Kazakhstan's (``kazakhCodes``), Russia's mobiles (9…) or
    /// Russia's codes of 3, 4 and 8 (``answeredCodes``).
    static func isAnswered(_ digits: String) -> Bool {
        var u = Array(digits.utf8)
        // Dialled abroad (`8 10 …`, `00 …`), read as an IIN is written, in one piece (which may begin `810`).
        if isAbroad(digits, onePiece: true) { return true }
        // The country code and the prefix before a number of the zone (`7 8 701 123 45 67`).
        if isCountryCodeBeforePrefix(digits) { return true }
        // The country code 7 without its `+` only before a number of Kazakhstan's (``hasZoneCode(_:)``).
        if u.count == 11, u[0] == UInt8(ascii: "8") || (u[0] == UInt8(ascii: "7") && (u[1] == UInt8(ascii: "7") || u[1] == UInt8(ascii: "8"))) {
            u.removeFirst()
        }
        guard u.count == 10, u.allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
        let code = Int(u[0] - 0x30) * 100 + Int(u[1] - 0x30) * 10 + Int(u[2] - 0x30)
        switch u[0] {
        case UInt8(ascii: "7"): return kazakhCodes.contains(code)
        case UInt8(ascii: "9"): return true
        case UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "8"): return answeredCodes.contains(code)
        default: return false
        }
    }

    /// The codes of Kazakhstan (7…) at which libphonenumber (PyPI `phonenumbers` 9.0) holds valid numbers:
    /// its mobiles and its cities'. `PhoneOracleTests` asks libphonenumber that none is missing.
    static let kazakhCodes: Set<Int> = {
        let ranges: [ClosedRange<Int>] = [700...702, 705...708, 710...718, 721...729, 747...747, 751...751, 760...764,
                                          771...771, 775...778, 785...785]
        return Set(ranges.flatMap { $0 })
    }()

    private static func afterDocumentWord(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var j = start - 1
        while j >= 0, isSpace(s[j]) || s[j] == ":" || s[j] == "№" || s[j] == "." { j -= 1 }
        return j >= 0 && word(s, endingAt: j).map { documentWords.contains($0.lowercased()) } == true
    }

    /// Whether the digits at `i` follow a word about calling or a messenger's name through one `.`, `/`
    /// or `:` (`тел.87011234567`, `WhatsApp/+77011234567`): a number, not part of the word.
    private static func afterPhoneWord(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i > 1, s[i - 1] == "." || s[i - 1] == "/" || s[i - 1] == ":", let word = word(s, endingAt: i - 2)?.lowercased() else { return false }
        return isLowercasePhoneWord(word) || messengers.contains(word)
    }

    /// Words that join the numbers of a list (`1414 или 87 771 234 567`, `1414 немесе …`, `… and …`).
    private static let listWords: Set<String> = ["или", "либо", "и", "немесе", "не", "және", "мен", "or", "and"]

    /// Whether only a list's joint lies between the number found before (ending at `previous`) and
    /// `start`: spaces, a comma, semicolon, slash or dash, and at most one joining word.
    private static func inList(_ s: [Unicode.Scalar], _ start: Int, after previous: Int?) -> Bool {
        guard let previous, previous <= start, start - previous <= 16 else { return false }
        let joint = String(scalars: s[previous..<start].filter { !(isSpace($0) || ",;/—–-".unicodeScalars.contains($0)) })
        return joint.isEmpty || listWords.contains(joint.lowercased())
    }

    /// Messengers a number is written after (`WhatsApp/+7…`).
    private static let messengers: Set<String> = ["whatsapp", "viber", "telegram", "ватсап", "вотсап", "вацап", "вайбер", "телеграм"]

    /// Whether the word after `end` is about calling (`1414 нөміріне`).
    private static func nearPhoneWord(_ s: [Unicode.Scalar], after end: Int) -> Bool {
        var j = end
        while j < s.count, " \u{A0}—-–".unicodeScalars.contains(s[j]) { j += 1 }
        var k = j
        while k < s.count, s[k].properties.isAlphabetic { k += 1 }
        return k > j && isPhoneWord(String(scalars: s[j..<k]))
    }

    private static func isPhoneWord(_ word: String) -> Bool { isLowercasePhoneWord(word.lowercased()) }

    /// The letters a word about calling begins with: a word that begins otherwise is looked at no further.
    private static let phoneWordInitials: Set<Unicode.Scalar> = Set((phoneWords + ["тел", "tel"]).compactMap(\.unicodeScalars.first))

    private static func isLowercasePhoneWord(_ w: String) -> Bool {
        guard let first = w.unicodeScalars.first, phoneWordInitials.contains(first) else { return false }
        // `тел.` and `тел:` alone: «телеграм», «теледидар» are other words.
        return !notPhoneWords.contains(w) && (w == "тел" || w == "tel" || phoneWords.contains { w.hasPrefix($0) })
    }
}
