import Foundation
import SitegenCore
import UnicodeSecurity

/// Finds the registry's known fakes (bot names and fake sites) in text as a reader sees them, not
/// only as the policy spells them:
/// - in any case, through UTS #39 confusables (`ЕgovKzBot2.0` with a Cyrillic Е, a Greek omicron,
///   `0` for `O`), with combining marks ignored, and in compatibility forms (fullwidth `ＥｇｏｖＫｚＢｏｔ`,
///   mathematical `𝐄𝐠𝐨𝐯`, circled `Ⓔ`) and letter-like symbols (small capitals `ᴇɢᴏᴠ`, `🅴`, `🇪🇬`);
/// - with any dot-like character for a dot (`EgovKzBot2·0`, `EgovKzBot2․0`, `EgovKzBot2。0`);
/// - with a Kazakh or Russian ending glued on (`EgovKzBot2.0ні`, `EgovKzBot2.0у`), a hyphenated one
///   (`EgovKzBot2.0-ге`), or an `@…` after it.
///
/// Names are compared by their letters and digits alone: a reader who types what they saw into
/// Telegram's search finds the fake whatever stands between them, so `EgovKzBot20`, `EgovKz_Bot2.0`,
/// `EgovKzBot2,0` and `EgovKzBot2˙0` are that fake, and digits of any script (`٢`, `²`, `２`) are read
/// as the digits they are. Up to two other characters may stand between two letters or digits, none
/// of them a space or an `@`. A name must not go on with an ASCII letter, digit or `_` (then it is
/// another name: `Kenes1414Bot` is not `Kenes1414`), and a word written exactly as an official handle
/// is never a fake, though its letters may be a fake's (`Kenes1414Bot` and the fake `Kenes1414_Bot`).
/// The match covers the name as written, not the ending, so that the whole name (and only it) is
/// shown defanged.
///
/// Each character is folded on its own (skeleton, lowercase, skeleton again, lowercase, marks
/// dropped) so a match maps back to the characters written; the registry is folded once, and the
/// folds of the Latin, Greek and Cyrillic blocks are tabulated once per process.
struct FakeNameMatcher: Sendable {
    /// A registry entry: its spelling in the policy, its fold (letters and digits only), and whether
    /// it is a site.
    struct Entry: Sendable {
        var name: String
        var fold: [Unicode.Scalar]
        var isSite: Bool
    }

    /// A fake found in text: scalar offsets in the text, and the policy's spelling.
    struct Match: Sendable, Equatable {
        var from: Int
        var to: Int
        var name: String
        var isSite: Bool
    }

    let entries: [Entry]
    /// The first scalar of every entry's fold: a word whose first fold starts otherwise is skipped.
    private let firstScalars: Set<Unicode.Scalar>

    /// The official handles, lowercased: a word written as one of them is never a fake.
    private let officials: Set<String>

    /// `bots`: the registry's bot names; `sites`: its fake domains (ASCII or Unicode); `officials`:
    /// the official handles.
    init(bots: [String], sites: [String] = [], officials: [String] = []) {
        var seen = Set<[Unicode.Scalar]>()
        var entries: [Entry] = []
        self.officials = Set(officials.map { $0.lowercased() })
        // Sorted, so equal folds keep one spelling whatever the input order.
        for (name, isSite) in bots.sorted().map({ ($0, false) }) + sites.sorted().map({ ($0, true) }) {
            let fold = name.unicodeScalars.flatMap(Self.letters)
            guard !fold.isEmpty, seen.insert(fold).inserted else { continue }
            entries.append(Entry(name: name, fold: fold, isSite: isSite))
        }
        // The longest first, so the longest name that fits wins.
        self.entries = entries.sorted { ($0.fold.count, $0.name) > ($1.fold.count, $1.name) }
        let firsts = Set(entries.map { $0.fold[0] })
        firstScalars = firsts
        longest = self.entries.first?.fold.count ?? 0
        startTable = Self.lettersTable.map { $0.first.map(firsts.contains) ?? false }
    }

    private let longest: Int
    /// Whether a character of the tabulated blocks can start a name: its fold starts like one.
    private let startTable: [Bool]

    /// Whether a name can start with `u` (its letters start as a registry name's do; a parenthesized
    /// `⒠` folds to `(e)`, whose first letter counts).
    private func mayStart(_ u: Unicode.Scalar) -> Bool {
        if u.value < Self.tableEnd { return startTable[Int(u.value)] }
        return Self.letters(u).first.map(firstScalars.contains) ?? false
    }

    /// `TextTokens.isWord`, read from a table for the characters prose is made of.
    private static func isWord(_ u: Unicode.Scalar) -> Bool {
        u.value < wordTableEnd ? wordTable[Int(u.value)] : TextTokens.isWord(u)
    }
    private static let wordTableEnd: UInt32 = 0x3000
    private static let wordTable: [Bool] = (0..<wordTableEnd).map { v in Unicode.Scalar(v).map(TextTokens.isWord) ?? false }

    /// Every fake named in `text`, left to right, not overlapping, in scalar offsets.
    func matches<C: BidirectionalCollection>(in text: C) -> [Match] where C.Element == Unicode.Scalar {
        guard !entries.isEmpty else { return [] }
        var out: [Match] = []
        var previousIsWord = false
        var index = text.startIndex
        var offset = 0
        while index != text.endIndex {
            let u = text[index]
            if !previousIsWord, mayStart(u), let m = match(text, at: index, offset: offset) {
                out.append(m)
                // Go on after the name; what follows it is read as usual.
                let count = m.to - m.from
                index = text.index(index, offsetBy: count)
                offset += count
                previousIsWord = Self.isWord(text[text.index(before: index)])
                continue
            }
            previousIsWord = Self.isWord(u)
            index = text.index(after: index)
            offset += 1
        }
        return out
    }

    /// Whether `text` names a fake at all: the quick answer for the many runs that do not.
    ///
    /// Reads the UTF-8 bytes with the tables held in locals: walking the scalar view (an index a scalar,
    /// a global's lazy check a table read) was a twentieth of `check`. A word start that may begin a
    /// name is matched on the scalar view, as `matches(in:)` does.
    func mayHoldName(_ text: String) -> Bool {
        guard !entries.isEmpty else { return false }
        var copy = text
        let view = text.unicodeScalars
        let starts = startTable, words = Self.wordTable
        return copy.withUTF8 { bytes in
            var previousIsWord = false
            var i = 0
            while i < bytes.count {
                let (u, width) = Self.decode(bytes, at: i)
                let isStart = u.value < Self.tableEnd ? starts[Int(u.value)] : mayStart(u)
                if !previousIsWord, isStart,
                   match(view, at: text.utf8.index(text.utf8.startIndex, offsetBy: i), offset: 0) != nil {
                    return true
                }
                previousIsWord = u.value < Self.wordTableEnd ? words[Int(u.value)] : TextTokens.isWord(u)
                i += width
            }
            return false
        }
    }

    /// The scalar at byte `i` of valid UTF-8 (a Swift string's bytes), and its length in bytes.
    @inline(__always) private static func decode(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (Unicode.Scalar(decoded: b0), 1) }
        if b0 < 0xE0 { return (Unicode.Scalar(decoded: (b0 & 0x1F) << 6 | UInt32(b[i + 1]) & 0x3F), 2) }
        if b0 < 0xF0 {
            return (Unicode.Scalar(decoded: (b0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | UInt32(b[i + 2]) & 0x3F), 3)
        }
        let v = (b0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | UInt32(b[i + 3]) & 0x3F
        return (Unicode.Scalar(decoded: v), 4)
    }

    /// The longest registry name that starts at `start` (at scalar `offset` of the text), if one does.
    func match<C: Collection>(_ s: C, at start: C.Index, offset: Int) -> Match? where C.Element == Unicode.Scalar {
        guard let first = Self.letters(s[start]).first, firstScalars.contains(first) else { return nil }
        var folded: [Unicode.Scalar] = []
        var best: Match? = nil
        var j = start
        var length = 0
        var between = 0
        while j != s.endIndex, folded.count < longest {
            let u = s[j]
            let letters = Self.letters(u)
            if letters.isEmpty {
                // A separator between two letters or digits: skipped, but not a space, an @ or a run.
                guard between < 2, !u.properties.isWhitespace, u != "@", u.properties.generalCategory != .control,
                      u.properties.generalCategory != .format || u == "\u{AD}" else { break }
                between += 1
                j = s.index(after: j)
                length += 1
                continue
            }
            between = 0
            folded += letters
            j = s.index(after: j)
            length += 1
            // Marks written after the last letter belong to it.
            while j != s.endIndex, s[j].properties.generalCategory == .nonspacingMark {
                j = s.index(after: j)
                length += 1
            }
            guard entries.contains(where: { $0.fold.starts(with: folded) }) else { break }
            if let e = entries.first(where: { $0.fold == folded }), j == s.endIndex || !Self.continuesName(s[j]) {
                best = Match(from: offset, to: offset + length, name: e.name, isSite: e.isSite)
            }
        }
        guard let found = best else { return nil }
        if !officials.isEmpty {
            let written = String(scalars: s[start..<s.index(start, offsetBy: found.to - found.from)])
            if officials.contains(written.lowercased()) { return nil }
        }
        return found
    }

    /// A character that goes on with the word in a Telegram username.
    private static func continuesName(_ u: Unicode.Scalar) -> Bool {
        u.isASCII && (("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u) || u == "_")
    }

    /// The letters and digits of a character's fold: what a reader types into a search.
    static func letters(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        if u.value < tableEnd { return lettersTable[Int(u.value)] }
        return computeLetters(u)
    }

    /// `letters` of ASCII, Latin, IPA, Greek and Cyrillic, made once: asked of nearly every character
    /// of a page.
    private static let lettersTable: [[Unicode.Scalar]] = (0..<tableEnd).map { v in
        Unicode.Scalar(v).map(computeLetters) ?? []
    }

    private static func computeLetters(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        // Modifier letters (`˙` folds to one) are marks to a reader, not letters.
        fold(u).filter { ($0.properties.isAlphabetic && $0.properties.generalCategory != .modifierLetter) || ("0"..."9").contains($0) }
    }

    // MARK: Folding

    /// Latin small capitals (`ᴇɢᴏᴠ`) and the Cyrillic letters drawn as them (`т`, `к`, `в`, `н`, `м`),
    /// regional indicators (`🇪🇬`) and negative circled and squared letters (`🅴`, `🅔`): read as
    /// letters, though Unicode gives them no decomposition and UTS #39 no prototype. (Kazakh `ғ` is a
    /// letter of its own, not a small capital F.)
    static func letterLike(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        let v = u.value
        func latin(_ base: UInt32, _ from: UInt32) -> Unicode.Scalar? { Unicode.Scalar(from + v - base) }
        switch v {
        case 0x1F1E6...0x1F1FF: return latin(0x1F1E6, 0x61)
        case 0x1F150...0x1F169: return latin(0x1F150, 0x41)
        case 0x1F170...0x1F189: return latin(0x1F170, 0x41)
        default: return smallCapitals[v]
        }
    }

    private static let smallCapitals: [UInt32: Unicode.Scalar] = [
        0x1D00: "a", 0x0299: "b", 0x1D04: "c", 0x1D05: "d", 0x1D07: "e", 0xA730: "f", 0x0262: "g", 0x029C: "h",
        0x026A: "i", 0x1D0A: "j", 0x1D0B: "k", 0x029F: "l", 0x1D0D: "m", 0x0274: "n", 0x1D0F: "o", 0x1D18: "p",
        0xA7AF: "q", 0x0280: "r", 0xA731: "s", 0x1D1B: "t", 0x1D1C: "u", 0x1D20: "v", 0x1D21: "w", 0x028F: "y",
        0x1D22: "z",
        // Cyrillic lowercase letters drawn as those small capitals (`EgovKzBoт2.0`, `EgovкzBot2.0`).
        0x0442: "t", 0x043A: "k", 0x0432: "b", 0x043D: "h", 0x043C: "m",
    ]

    /// Characters read as a dot: `.`, the ideographic and fullwidth stops, leaders, middle dots, bullets,
    /// and every other character whose confusable skeleton is a dot (`FakeNameMatchingTests` checks that
    /// against ICU), and the ring point.
    static func isDotLike(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x2E, 0xB7, 0x2D9, 0x387, 0x5C5, 0x6D4, 0x701, 0x702, 0x1427, 0x16EB, 0x2022, 0x2024, 0x2027, 0x2219,
             0x22C5, 0x2E30, 0x2E31, 0x2E33, 0x3002, 0x30FB, 0xA4F8, 0xA60E, 0xA78F, 0xFE12, 0xFE52, 0xFF0E, 0xFF61,
             0xFF65, 0x10101, 0x10A50, 0x1D16D:
            return true
        default:
            return false
        }
    }

    /// The fold of one character: what it looks like, lowercased, without marks.
    static func fold(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        if u.value < UInt32(table.count) { return table[Int(u.value)] }
        return others.value(u) { compute(u) }
    }

    private static let tableEnd: UInt32 = 0x530
    /// Folds of ASCII, Latin, IPA, Greek and Cyrillic (Kazakh letters included), made once.
    private static let table: [[Unicode.Scalar]] = (0..<tableEnd).map { v in
        Unicode.Scalar(v).map(compute) ?? []
    }
    private static let others = SharedCache<Unicode.Scalar, [Unicode.Scalar]>(limit: 10_000)

    private static func compute(_ u: Unicode.Scalar) -> [Unicode.Scalar] {
        if isDotLike(u) { return ["."] }
        // A digit of any script, a superscript or a fullwidth digit reads as that digit.
        if !u.isASCII, let value = u.properties.numericValue, value >= 0, value <= 9, value == value.rounded(),
           u.properties.numericType == .decimal || u.properties.numericType == .digit {
            return compute(Unicode.Scalar(UInt8(48 + Int(value))))
        }
        if u.properties.isWhitespace || u.properties.generalCategory == .control { return [u] }
        if let letter = letterLike(u) { return compute(letter) }
        // Compatibility forms first: UTS #39's skeleton leaves fullwidth (`Ｅ`), mathematical (`𝐄`),
        // circled (`Ⓔ`) and superscript (`ᴱ`) letters alone, but a reader reads each as its letter.
        let plain = String(u).decomposedStringWithCompatibilityMapping
        var once = Confusables.skeleton(Confusables.skeleton(plain).lowercased()).lowercased()
        // Unless the compatibility form is drawn otherwise than the character: the Greek lunate sigma `ϲ`
        // is `ς` to compatibility, but drawn as `c`.
        if !once.unicodeScalars.contains(where: \.isASCII), plain != String(u) {
            let drawn = Confusables.skeleton(Confusables.skeleton(String(u)).lowercased()).lowercased()
            if drawn.unicodeScalars.contains(where: \.isASCII) { once = drawn }
        }
        return once.unicodeScalars.filter { s in
            let c = s.properties.generalCategory
            return c != .nonspacingMark && c != .enclosingMark && c != .format
        }.map { isDotLike($0) ? "." : $0 }
    }
}
