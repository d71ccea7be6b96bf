import SitegenCore

/// Quote nesting carried across the text runs of one paragraph (inline markup splits text into runs).
///
/// Make one per block (paragraph, heading, table cell, list item) and pass it, in reading order, to every
/// run of that block: a quote opened in one run then closes in a later one, and a run that starts right
/// after a word knows it is not at the start of the text.
package struct QuoteState: Sendable, Equatable {
    /// How many quotes are open after the runs seen so far (0 outside quotes, 1 inside «», 2 inside „“ …).
    package internal(set) var depth: Int

    /// The last character the reader sees before the next run; `nil` while nothing has been seen, which
    /// counts as the start of the text (an opening quote, a dialogue dash).
    var previous: Unicode.Scalar?

    /// A state for the start of a block: no open quote, nothing before.
    package init() {
        depth = 0
        previous = nil
    }

    /// Records text that sits between two runs but is not typeset (a code span, a line break), so the next
    /// run judges its first quote or dash by the right neighbour. Quotes inside it do not count for nesting.
    package mutating func skip(_ text: String) {
        if let last = text.unicodeScalars.last { previous = last }
    }
}

/// Kazakh and Russian typography for the text a reader sees: «» and „“ quotes, no-break spaces in numbers,
/// before currencies and units and after №, and spaced em dashes.
///
/// Addresses (URLs, domains, e-mail addresses, @handles, dotted names) are copied through untouched.
/// Code is not recognised: callers pass only prose, never code spans or code blocks.
package enum Typography {
    /// Applies the language's typography to one run of plain text a reader sees.
    /// `language` is "kk" or "ru" (both use the same rules; unknown languages: return text unchanged).
    ///
    /// A region subtag is accepted ("kk-KZ", "ru_RU"). The result is idempotent: applying it again to its
    /// own output, with a fresh state for the same runs, changes nothing.
    package static func apply(_ text: String, language: String, state: inout QuoteState) -> String {
        // Returning the caller's own string when nothing changed keeps its storage and lets it skip
        // writing the node back.
        guard let typesetter = typeset(text, language: language, state: &state) else { return text }
        return string(typesetter.out[...])
    }

    /// Applies the language's typography to a run the renderers show in pieces (text nodes and the soft
    /// breaks between them, the stretches of a text around a fake's name), as one text: a dash or a
    /// number is seen with its neighbours across the pieces (`42` and `500 ₸` split by a line break of
    /// the source). Returns each piece's share of the result, in order: joined, they are the typeset run;
    /// a space the typography gave up (before a spaced dash) leaves its piece shorter.
    package static func apply(pieces: [String], language: String, state: inout QuoteState) -> [String] {
        guard pieces.count > 1 else { return pieces.map { apply($0, language: language, state: &state) } }
        var starts: [Int] = []
        var at = 0
        for piece in pieces {
            starts.append(at)
            at += piece.unicodeScalars.count
        }
        guard let typesetter = typeset(pieces.joined(), language: language, state: &state, pieceStarts: starts) else { return pieces }
        let bounds = typesetter.outputStarts + [typesetter.out.count]
        return pieces.indices.map { string(typesetter.out[bounds[$0]..<bounds[$0 + 1]]) }
    }

    /// The typesetter run over `text` with `state` carried on, or nil when it changed nothing (the
    /// language has no rules here, or the text holds nothing they act on).
    private static func typeset(_ text: String, language: String, state: inout QuoteState, pieceStarts: [Int] = []) -> Typesetter? {
        guard usesKazakhRussianRules(language), !text.isEmpty else { return nil }
        guard mayNeedChanges(text, previous: state.previous) else {
            state.previous = text.unicodeScalars.last
            return nil
        }
        var typesetter = Typesetter(text, state: state, pieceStarts: pieceStarts)
        typesetter.run()
        state.depth = typesetter.depth
        if let last = typesetter.out.last { state.previous = last }
        return typesetter.out == typesetter.input ? nil : typesetter
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count + 8)
        for c in scalars { UTF8.encode(c) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Applies the language's typography to a text cut around the names it shows defanged: the stretches
    /// between the names are typeset in order, each following the name before it (a quote after a
    /// name closes); the names are kept as written.
    package static func apply(segments: [(text: String, isName: Bool)], language: String) -> [(text: String, isName: Bool)] {
        var state = QuoteState()
        return segments.map { segment in
            if segment.isName {
                state.skip(segment.text)
                return segment
            }
            return (apply(segment.text, language: language, state: &state), false)
        }
    }

    /// Convenience for a whole standalone text (a title, a description).
    package static func apply(_ text: String, language: String) -> String {
        var state = QuoteState()
        return apply(text, language: language, state: &state)
    }

    /// Whether a BCP 47 tag's primary language is one whose rules are implemented here.
    static func usesKazakhRussianRules(_ language: String) -> Bool {
        // The exact tags are what pages carry; checking them first keeps the per-node cost free of allocations.
        if language == "kk" || language == "ru" { return true }
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() }
        return primary == "kk" || primary == "ru"
    }

    /// A byte scan that rules out most text cheaply: the function runs on every text node of every page,
    /// and most nodes contain no quote, no №, no spaced dash and no digit before a space.
    /// It may say yes for text that ends up unchanged; it never says no for text that would change.
    static func mayNeedChanges(_ text: String, previous: Unicode.Scalar?) -> Bool {
        let bytes = text.utf8
        // A run can continue what the previous run started: " ₸" after a digit, "- " after a space, "5" after №.
        if previous != nil, let first = bytes.first,
            first == 0x20 || first == 0x2D || first == 0xE2 || first == 0xC2 || (0x30...0x39).contains(first)
        {
            return true
        }
        // p1 is the byte just before b, p2 the one before it, and so on.
        var p1: UInt8 = 0, p2: UInt8 = 0, p3: UInt8 = 0, p4: UInt8 = 0
        for b in bytes {
            switch b {
            case 0x22:  // "
                return true
            case 0x20:  // a digit followed by a space: thousands groups, units
                if (0x30...0x39).contains(p1) { return true }
            case 0x2D:  // " -" or NBSP then "-"
                if p1 == 0x20 || (p1 == 0xA0 && p2 == 0xC2) { return true }
            case 0xAB, 0xBB:  // « » typed by the editor: nesting depth must be tracked
                if p1 == 0xC2 { return true }
            case 0x9C, 0x9E:  // “ „ (E2 80 9C, E2 80 9E)
                if p1 == 0x80 && p2 == 0xE2 { return true }
            case 0x93, 0x94:  // – — (E2 80 93/94) after a space or NBSP
                if p1 == 0x80 && p2 == 0xE2 && (p3 == 0x20 || (p3 == 0xA0 && p4 == 0xC2)) { return true }
            case 0x96:  // № (E2 84 96)
                if p1 == 0x84 && p2 == 0xE2 { return true }
            default:
                break
            }
            p4 = p3
            p3 = p2
            p2 = p1
            p1 = b
        }
        return false
    }
}

extension Typography {
    /// One pass over a run that needs work: reads the input scalars and writes the output, looking back at
    /// what was already written (so a quote after a converted quote sees «, not ").
    struct Typesetter {
        let input: [Unicode.Scalar]
        /// Positions inside addresses and dotted names, copied through as they are.
        let protected: [Bool]
        /// Spaces between thousands groups that become no-break spaces.
        let thousandsSpaces: [Bool]
        /// The last scalar of the previous run, `nil` at the start of the block.
        let before: Unicode.Scalar?
        var depth: Int
        var out: [Unicode.Scalar] = []
        /// Where each piece of the run starts in `input`, and (once run) in `out`: what a piece's scalars
        /// were written as is its share of the result.
        private let pieceStarts: [Int]
        private(set) var outputStarts: [Int] = []

        init(_ text: String, state: QuoteState, pieceStarts: [Int] = []) {
            self.pieceStarts = pieceStarts
            input = ScalarArray.of(text)
            before = state.previous
            depth = state.depth
            protected = TypographyText.protectedMask(input)
            thousandsSpaces = TypographyText.thousandsSpaces(input, protected: protected, before: before)
            out.reserveCapacity(input.count + 4)
        }

        /// The scalar the reader sees just before the current position.
        var last: Unicode.Scalar? { out.last ?? before }

        mutating func run() {
            var i = 0
            markPieces(upTo: 0)
            if before == "№" {
                // The № ended the previous run; its number starts this one.
                i = numero(continuing: -1)
            }
            while i < input.count {
                markPieces(upTo: i)
                let c = input[i]
                if protected[i] {
                    out.append(c)
                    i += 1
                    continue
                }
                switch c {
                case "\"":
                    quote()
                case "«", "„":
                    depth += 1
                    out.append(c)
                case "»", "“":
                    depth = max(0, depth - 1)
                    out.append(c)
                case "№":
                    out.append(c)
                    i += numero(continuing: i)
                case " ":
                    let afterDigit = last.map(TypographyText.isDigit) ?? false
                    if thousandsSpaces[i] || (afterDigit && TypographyText.startsUnit(input, at: i + 1, protected: protected)) {
                        out.append(TypographyText.nbsp)
                    } else {
                        out.append(c)
                    }
                case "-", "\u{2013}", "\u{2014}":
                    dash(c, at: i)
                default:
                    out.append(c)
                }
                i += 1
            }
            markPieces(upTo: input.count)
        }

        /// Notes where in `out` each piece starting at or before input position `i` begins (a piece whose
        /// first scalar was read with the one before it, `№` and its space, begins after them).
        private mutating func markPieces(upTo i: Int) {
            while outputStarts.count < pieceStarts.count, pieceStarts[outputStarts.count] <= i {
                outputStarts.append(out.count)
            }
        }

        /// Takes back the last `count` scalars written; a piece that began among them begins where they were.
        private mutating func unwrite(_ count: Int) {
            out.removeLast(count)
            for k in outputStarts.indices where outputStarts[k] > out.count { outputStarts[k] = out.count }
        }

        /// Straight quote: opening or closing by its left neighbour, «» outside, „“ inside.
        mutating func quote() {
            if TypographyText.opensQuote(after: last) {
                out.append(depth == 0 ? "«" : "„")
                depth += 1
            } else {
                // A closing quote with none open is still a closing quote: the opening one was probably in
                // text this state never saw (a link title, a code span).
                out.append(depth >= 2 ? "“" : "»")
                depth = max(0, depth - 1)
            }
        }

        /// № followed by a number: a no-break space keeps the sign on the number's line.
        /// `i` is the position of the № already written (-1: at the end of the previous run).
        /// Returns how many input scalars after it were consumed.
        mutating func numero(continuing i: Int) -> Int {
            guard i + 1 < input.count, !protected[i + 1] else { return 0 }
            let next = input[i + 1]
            if TypographyText.isDigit(next) {
                out.append(TypographyText.nbsp)
                return 0
            }
            // "№ ҚР ДСМ-175/2020": document numbers often start with capitals; a lowercase word after № is
            // prose ("№ и дата"), so it keeps its space.
            if next == " ", i + 2 < input.count, !protected[i + 2],
                TypographyText.isDigit(input[i + 2]) || input[i + 2].properties.isUppercase
            {
                out.append(TypographyText.nbsp)
                return 1
            }
            return 0
        }

        /// A dash with spaces on both sides becomes a no-break space, an em dash and a space; a dash opening a
        /// line (dialogue) and hyphens inside words stay as they are.
        mutating func dash(_ c: Unicode.Scalar, at i: Int) {
            guard i + 1 < input.count, TypographyText.isLineSpace(input[i + 1]) else {
                out.append(c)
                return
            }
            var spaces = 0
            while spaces < out.count, TypographyText.isLineSpace(out[out.count - 1 - spaces]) { spaces += 1 }
            if spaces > 0 {
                let beforeSpaces = spaces < out.count ? out[out.count - 1 - spaces] : before
                if let b = beforeSpaces, !TypographyText.isLineBreak(b) {
                    unwrite(spaces)
                    out.append(TypographyText.nbsp)
                    out.append(TypographyText.emDash)
                    return
                }
            } else if out.isEmpty, let b = before, TypographyText.isLineSpace(b) {
                // The space before is in the previous run, already written: only the dash can still change.
                out.append(TypographyText.emDash)
                return
            }
            out.append(c)
        }
    }
}
