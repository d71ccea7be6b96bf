import SitegenCore

/// Numbers a phone's messages app offers to call in an SMS.
///
/// Android links numbers in a message with libphonenumber's matcher at its loosest (`POSSIBLE`, for the
/// phone's region): a chain of digit groups joined by up to four marks of its punctuation (spaces,
/// no-break spaces, dashes, dots, slashes, brackets, `x`, `~`), opened perhaps by `+` or a bracket, whose
/// digits make a number of a possible length. In Kazakhstan that is ten digits, eleven after the prefix 8,
/// or seven (a city's number, dialled in the caller's city): an amount written `1 250 000` is a number to
/// call in an SMS, though no page or messenger links it. When the whole chain is none, the matcher tries
/// its pieces: after slashes, from a bracket, after a dash between spaces, after a long dash, after dots,
/// after spaces (each with the piece before the first), and goes on after a piece it links.
///
/// The reading follows those steps, and takes a length as possible wherever libphonenumber may (it
/// finds at least what the matcher links; `Tests/oracle/phone_numbers.py` asks libphonenumber itself). A
/// timestamp (`2020-04-14 10:00`) and a date with slashes, which the matcher leaves alone, are passed, and
/// so are digits inside what the app links as an address (`https://egov.kz/2020/1234567`), but only as
/// far as Android's address goes: `info@egov.kz,258-12-34` holds a number.
package enum SMSNumbers {
    /// A number found: its text as written, its digits (ASCII), and whether `+` leads it.
    package struct Found: Equatable, Sendable {
        package var text: String
        package var digits: String
        package var plus: Bool
        /// Where the text starts, in Unicode scalars.
        package var start: Int
    }

    /// The numbers in `text` a messages app would link, leaving out those of `official` (canonical digits,
    /// ``PhoneNumbers/canonical(_:)``) and those wholly inside a web or e-mail address the app links
    /// (``AndroidAddresses``), which it links first. An address a number reaches into from outside keeps
    /// no number inside it: the app keeps the longer of two links that overlap, and the number may be
    /// the longer.
    package static func find(in text: String, official: Set<String>) -> [Found] {
        // Fewer than four digits make no number: most titles are passed at a glance.
        guard text.unicodeScalars.lazy.filter(\.isDecimalDigit).count >= 4 else { return [] }
        let s = ScalarArray.of(text)
        var pieces: [Range<Int>] = []
        var from = 0
        while let (candidate, cut) = nextCandidate(s, from: from) {
            // The matcher's candidate holds the extension after its last digit (unless cut before a
            // second number), and the next search starts after it: its digits start no number.
            let whole = cut ? candidate.upperBound : SMSExtensions.end(s, after: candidate.upperBound)
            guard let piece = match(in: candidate, whole: whole, s) else {
                from = whole
                continue
            }
            pieces.append(piece)
            from = piece.upperBound == candidate.upperBound ? whole : piece.upperBound
        }
        guard !pieces.isEmpty else { return [] }
        // Addresses are read only where there is a number to read them for: most texts have none.
        // A number's link runs on over its extension (``SMSExtensions``), which may reach out of an address.
        let links = pieces.map { $0.lowerBound..<SMSExtensions.end(s, after: $0.upperBound) }
        let spans = AndroidAddresses.spans(in: text).filter { span in
            !links.contains { $0.overlaps(span) && !($0.lowerBound >= span.lowerBound && $0.upperBound <= span.upperBound) }
        }
        return zip(pieces, links).compactMap { piece, link in
            if spans.contains(where: { link.lowerBound >= $0.lowerBound && link.upperBound <= $0.upperBound }) { return nil }
            let found = Found(text: String(String.UnicodeScalarView(s[piece])), digits: digits(s, piece),
                              plus: leadingPlus(s, piece), start: piece.lowerBound)
            return official.contains(PhoneNumbers.canonical(found.digits)) ? nil : found
        }
    }

    /// Whether digits (after `+`, or after `8 10`, Kazakhstan's way out) make a number of a length
    /// libphonenumber may take as possible in Kazakhstan: seven, ten and fourteen digits whatever they
    /// are; eleven and fifteen after 7 or 8; twelve and sixteen after 78 (the country code and the prefix).
    static func isPossible(_ digits: [UInt8], plus: Bool) -> Bool {
        if plus { return CallingCodes.isPossible(digits) }
        if digits.starts(with: Array("810".utf8)), CallingCodes.isPossible(digits.dropFirst(3)) { return true }
        switch digits.count {
        case 7, 10, 14: return true
        case 11, 15: return digits[0] == 0x37 || digits[0] == 0x38
        case 12, 16: return digits[0] == 0x37 && digits[1] == 0x38
        default: return false
        }
    }

    /// The next candidate at or after `from`: an opening (`+`, a bracket) and up to 21 groups of up to
    /// 20 digits joined by up to four punctuation marks (the matcher's limits: a longer chain is read
    /// again after them), ending at its last digit, and whether it was cut before a second number
    /// (`/ x`); nil when none is left.
    private static func nextCandidate(_ s: [Unicode.Scalar], from: Int) -> (Range<Int>, cut: Bool)? {
        func isDigitAt(_ k: Int) -> Bool { isDigit(s[k]) }
        var i = from
        while i < s.count, !isDigitAt(i) { i += 1 }
        guard i < s.count else { return nil }
        // Up to two openings before the first digit, each with up to four marks after it.
        var start = i
        var k = i - 1
        for _ in 0..<2 {
            var m = k
            while m >= from, k - m < 4, isPunctuation(s[m]) && !isOpening(s[m]) { m -= 1 }
            guard m >= from, isOpening(s[m]) else { break }
            start = m
            k = m - 1
        }
        var end = i
        var at = i
        var groups = 0
        while true {
            let group = at
            while at < s.count, isDigitAt(at), at - group < 20 { at += 1 }
            groups += 1
            end = at
            // A 21st digit in a row, or a 22nd group, is where the matcher's pattern stops.
            if groups == 21 || (at < s.count && isDigitAt(at)) { break }
            var next = at
            while next < s.count, next - at < 4, isPunctuation(s[next]) { next += 1 }
            guard next > at, next < s.count, isDigitAt(next) else { break }
            at = next
        }
        var range = start..<end
        // `/ x` or `\x` starts a second number.
        let second = secondNumberStart(s, range)
        if let second { range = range.lowerBound..<trimmedEnd(s, range.lowerBound..<second) }
        if isSlashDate(s, range) || isTimestamp(s, range) { return nextCandidate(s, from: end) }
        return range.isEmpty ? nextCandidate(s, from: end) : (range, second != nil)
    }

    /// The piece of a candidate the matcher links: the whole, else the first of its inner pieces, read
    /// in the candidate with its extension (up to `whole`), as the matcher's candidate holds it
    /// (`12 доб. 2581234` links 2581234).
    private static func match(in candidate: Range<Int>, whole: Int, _ s: [Unicode.Scalar]) -> Range<Int>? {
        if isLinked(candidate, s) { return candidate }
        let all = candidate.lowerBound..<max(whole, candidate.upperBound)
        for pattern in InnerPattern.allCases {
            var first = true
            for group in pattern.groups(in: all, s) {
                if first {
                    let before = candidate.lowerBound..<trimmedEnd(s, candidate.lowerBound..<group.start)
                    if isLinked(before, s) { return before }
                    first = false
                }
                let piece = group.range.lowerBound..<trimmedEnd(s, group.range)
                if isLinked(piece, s) { return piece }
            }
        }
        return nil
    }

    /// Whether a piece parses as a possible number: its digits, or those before an extension the parser
    /// takes off its end (`258-12-34~5`, `8 701 123 45 67 x 12`, ``SMSExtensions``); with three Latin
    /// letters or more, a number spelled in letters, each dialled by the keypad (`1234 ext` is 1234398).
    private static func isLinked(_ piece: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        guard !piece.isEmpty else { return false }
        let plus = leadingPlus(s, piece)
        func possible(_ r: Range<Int>) -> Bool {
            let d = Array(dialled(s, r).utf8)
            return d.count >= 2 && isPossible(d, plus: plus)
        }
        if possible(piece) { return true }
        for k in piece.dropFirst() where SMSExtensions.isExtension(s, from: k, to: piece.upperBound) {
            if possible(piece.lowerBound..<k) { return true }
        }
        // An `x` after digits may start an extension whatever follows it: the number is what is before it.
        return piece.contains { k in (s[k] == "x" || s[k] == "X") && possible(piece.lowerBound..<k) }
    }

    /// The digits a phone dials for a piece: its digits, and, in one holding three Latin letters or more
    /// (libphonenumber's test for a number in letters), each letter as the keypad has it.
    private static func dialled(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        let letters = s[r].filter { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") }.count
        guard letters >= 3 else { return digits(s, r) }
        var out = ""
        for u in s[r] {
            if isDigit(u) {
                out.unicodeScalars.append(ascii(u))
            } else if let key = keypad[Character(String(u).lowercased())] {
                out.append(key)
            }
        }
        return out
    }

    /// The keypad's digit for each Latin letter.
    private static let keypad: [Character: Character] = {
        var map: [Character: Character] = [:]
        for (digit, letters) in [("2", "abc"), ("3", "def"), ("4", "ghi"), ("5", "jkl"), ("6", "mno"), ("7", "pqrs"), ("8", "tuv"), ("9", "wxyz")] {
            for letter in letters { map[letter] = Character(digit) }
        }
        return map
    }()

    /// Whether a `+` comes before the first digit of a piece.
    private static func leadingPlus(_ s: [Unicode.Scalar], _ piece: Range<Int>) -> Bool {
        s[piece].prefix { !isDigit($0) }.contains { $0 == "+" || $0 == "\u{FF0B}" }
    }

    /// The end of a piece without what trails its last letter, digit or `#`.
    private static func trimmedEnd(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int {
        var end = r.upperBound
        while end > r.lowerBound, !(s[end - 1].properties.isAlphabetic || s[end - 1].properties.numericType != nil || s[end - 1] == "#") { end -= 1 }
        return end
    }

    /// Where `[\\/] *x` starts in a candidate, if it does.
    private static func secondNumberStart(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Int? {
        for i in r where s[i] == "/" || s[i] == "\\" {
            var k = i + 1
            while k < r.upperBound, s[k] == " " { k += 1 }
            if k < r.upperBound, s[k] == "x" || s[k] == "X" { return i }
        }
        return nil
    }

    /// libphonenumber's `INNER_MATCHES`, in order: where a piece of a candidate may start.
    enum InnerPattern: CaseIterable {
        case afterSlashes, fromBracket, afterSpacedDash, afterLongDash, afterDots, afterSpaces

        /// Each match: where it starts and its group.
        func groups(in r: Range<Int>, _ s: [Unicode.Scalar]) -> [(start: Int, range: Range<Int>)] {
            func isSpace(_ u: Unicode.Scalar) -> Bool { u.properties.generalCategory == .spaceSeparator }
            var out: [(Int, Range<Int>)] = []
            var i = r.lowerBound
            while i < r.upperBound {
                switch self {
                case .afterSlashes:
                    // `/+(.*)`
                    guard s[i] == "/" else { i += 1; continue }
                    var k = i
                    while k < r.upperBound, s[k] == "/" { k += 1 }
                    return [(i, k..<r.upperBound)]
                case .fromBracket:
                    // `(\([^(]*)`
                    guard s[i] == "(" else { i += 1; continue }
                    var k = i + 1
                    while k < r.upperBound, s[k] != "(" { k += 1 }
                    out.append((i, i..<k))
                    i = k
                case .afterSpacedDash:
                    // `(?:\p{Z}-|-\p{Z})\p{Z}*(.+)`
                    guard i + 1 < r.upperBound, (isSpace(s[i]) && s[i + 1] == "-") || (s[i] == "-" && isSpace(s[i + 1])) else { i += 1; continue }
                    var k = i + 2
                    while k < r.upperBound, isSpace(s[k]) { k += 1 }
                    return k < r.upperBound ? [(i, k..<r.upperBound)] : []
                case .afterLongDash:
                    // `[‒-―－]\p{Z}*(.+)`
                    guard (0x2012...0x2015).contains(s[i].value) || s[i] == "\u{FF0D}" else { i += 1; continue }
                    var k = i + 1
                    while k < r.upperBound, isSpace(s[k]) { k += 1 }
                    return k < r.upperBound ? [(i, k..<r.upperBound)] : []
                case .afterDots:
                    // `\.+\p{Z}*([^.]+)`
                    guard s[i] == "." else { i += 1; continue }
                    var k = i
                    while k < r.upperBound, s[k] == "." { k += 1 }
                    while k < r.upperBound, isSpace(s[k]) { k += 1 }
                    var e = k
                    while e < r.upperBound, s[e] != "." { e += 1 }
                    if e > k { out.append((i, k..<e)) }
                    i = max(e, i + 1)
                case .afterSpaces:
                    // `\p{Z}+(\P{Z}+)`
                    guard isSpace(s[i]) else { i += 1; continue }
                    var k = i
                    while k < r.upperBound, isSpace(s[k]) { k += 1 }
                    var e = k
                    while e < r.upperBound, !isSpace(s[e]) { e += 1 }
                    if e > k { out.append((i, k..<e)) }
                    i = max(e, i + 1)
                }
            }
            return out
        }
    }

    /// An opening a number may start with: `+`, a bracket (ASCII or fullwidth).
    private static func isOpening(_ u: Unicode.Scalar) -> Bool {
        u == "+" || u == "\u{FF0B}" || u == "(" || u == "[" || u == "\u{FF08}" || u == "\u{FF3B}"
    }

    /// libphonenumber's punctuation between the groups of one number (`VALID_PUNCTUATION`, read without
    /// regard to case).
    static func isPunctuation(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2D, 0x78, 0x58, 0x2010...0x2015, 0x2212, 0x30FC, 0xFF0D...0xFF0F, 0x20, 0xA0, 0xAD, 0x200B, 0x2060, 0x3000,
             0x28, 0x29, 0xFF08, 0xFF09, 0xFF3B, 0xFF3D, 0x2E, 0x5B, 0x5D, 0x2F, 0x7E, 0x2053, 0x223C, 0xFF5E:
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ u: Unicode.Scalar) -> Bool { u.isDecimalDigit }

    /// `2020-04-14 10` before `:30`: a date and an hour (`[12]\d{3}[-/]?[01]\d[-/]?[0-3]\d +[0-2]\d` before
    /// `:[0-5]\d`), which libphonenumber does not link.
    private static func isTimestamp(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        guard r.upperBound + 2 < s.count, s[r.upperBound] == ":", isDigit(s[r.upperBound + 1]) else { return false }
        let shape = shape(s, r)
        return ["9999-99-99 99", "9999/99/99 99", "99999999 99"].contains { shape.hasSuffix($0) }
    }

    /// A date with slashes in a candidate (`7/04/2020`, `12/04/20`), which libphonenumber drops whole.
    private static func isSlashDate(_ s: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        let shape = shape(s, r)
        for day in ["9/", "99/"] { for month in ["9/", "99/"] { for year in ["99", "9999"] where shape.contains(day + month + year) { return true } } }
        return false
    }

    /// A piece with each digit written `9`: what the date and timestamp patterns are matched against.
    private static func shape(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        String(String.UnicodeScalarView(s[r].map { isDigit($0) ? "9" : $0 }))
    }

    /// The ASCII digits of a piece.
    private static func digits(_ s: [Unicode.Scalar], _ r: Range<Int>) -> String {
        var out = ""
        for u in s[r] where isDigit(u) { out.unicodeScalars.append(ascii(u)) }
        return out
    }

    /// The ASCII digit of a decimal digit of any script.
    private static func ascii(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.isASCII { return u }
        return Unicode.Scalar(UInt8(48 + (u.properties.numericValue.map { Int($0) } ?? 0)))
    }
}
