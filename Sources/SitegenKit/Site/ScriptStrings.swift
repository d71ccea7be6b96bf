/// The string literals of a script or a JSON file as the script sees them, each byte with its offset
/// in the file: a script of the site's own can send a reader anywhere its strings name
/// (`location = "//…"`, a link it writes into the page), a JSON file shown in a browser's viewer makes
/// its addresses clickable, and an escape (`"\x2f\x2fegov-kz\u002ecom"`) spells an address no search
/// of the bytes finds.
///
/// A lexer of JavaScript's strings, templates, comments and regular-expression literals, and no more:
/// an address put together by code (`"https://" + host`) is not read here. JSON is read by the same
/// rules (its strings are JavaScript's). What cannot be read to its end (a string, template, comment
/// or regular expression that does not end, an escape a script cannot hold) is reported where it
/// begins, so nothing after it goes unread.
enum ScriptStrings {
    /// One string literal (or one text part of a template) decoded to UTF-8, with the offset in the
    /// script of what each byte was written as (an escape's backslash for every byte it stands for).
    struct Literal: Equatable {
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Where reading stopped, and what began there.
    struct Unreadable: Error, Equatable {
        var offset: Int
        var what: String
    }

    /// Words after which `/` begins a regular expression rather than a division.
    private static let beforeExpression: Set<String> = [
        "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
        "yield", "await",
    ]

    /// The literals of `b` in order, with offsets counted as `b`'s indices.
    static func literals(_ b: ArraySlice<UInt8>) -> Result<[Literal], Unreadable> {
        var out: [Literal] = []
        // For each template whose `${` is open, the depth of braces at which its `}` returns to its
        // text, and where it opened.
        var templates: [(depth: Int, at: Int)] = []
        var depth = 0
        var regexAllowed = true
        var i = b.startIndex
        // Reads a template's text from `start`, up to its end or its next `${`.
        func template(from start: Int) -> Unreadable? {
            switch templateText(b, from: start) {
            case .failure(let stop):
                return stop
            case .success(let (literal, end, opensExpression)):
                out.append(literal)
                i = end
                if opensExpression {
                    templates.append((depth, end - 2))
                    depth += 1
                }
                regexAllowed = opensExpression
                return nil
            }
        }
        while i < b.endIndex {
            let c = b[i]
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C:
                i += 1
            case 0xC2 where i + 1 < b.endIndex && b[i + 1] == 0xA0:
                i += 2  // a no-break space is white space to a script, not part of a name
            case 0xE2 where i + 2 < b.endIndex && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] <= 0x8A || b[i + 2] == 0xAF):
                i += 3  // the spaces U+2000–U+200A, U+202F and the line separators
            case UInt8(ascii: "/") where i + 1 < b.endIndex && b[i + 1] == UInt8(ascii: "/"):
                while i < b.endIndex, !isLineEnd(b, i) { i += 1 }
            // What a browser also reads as a comment to the line's end: `<!--`, `-->` first on a line,
            // and `#!` opening the script.
            case UInt8(ascii: "<") where b[i...].starts(with: Array("<!--".utf8)),
                 UInt8(ascii: "-") where b[i...].starts(with: Array("-->".utf8)) && startsLine(b, i),
                 UInt8(ascii: "#") where i == b.startIndex && b[i...].starts(with: Array("#!".utf8)):
                while i < b.endIndex, !isLineEnd(b, i) { i += 1 }
            case UInt8(ascii: "/") where i + 1 < b.endIndex && b[i + 1] == UInt8(ascii: "*"):
                guard let end = StaticFileCheck.find(Array("*/".utf8), in: b, from: i + 2) else { return .failure(Unreadable(offset: i, what: "/*")) }
                i = end + 2
            case UInt8(ascii: "/") where regexAllowed:
                guard let end = regexEnd(b, from: i + 1) else { return .failure(Unreadable(offset: i, what: "/")) }
                i = end
                while i < b.endIndex, isIdentifier(b[i]) { i += 1 }  // its flags
                regexAllowed = false
            case 0x22, 0x27:
                switch string(b, quote: c, from: i + 1) {
                case .failure(let f): return .failure(f)
                case .success(let (literal, end)):
                    out.append(literal)
                    i = end
                }
                regexAllowed = false
            case UInt8(ascii: "`"):
                if let stop = template(from: i + 1) { return .failure(stop) }
            case UInt8(ascii: "{"):
                depth += 1
                i += 1
                regexAllowed = true
            case UInt8(ascii: "}"):
                depth -= 1
                if let open = templates.last, open.depth == depth {
                    // The end of a template's `${…}`: its text goes on.
                    templates.removeLast()
                    if let stop = template(from: i + 1) { return .failure(stop) }
                } else {
                    i += 1
                    regexAllowed = true
                }
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                i += 1
                regexAllowed = false
            case _ where isIdentifier(c) || c >= 0x80:
                let start = i
                while i < b.endIndex, isIdentifier(b[i]) || b[i] >= 0x80 || b[i] == UInt8(ascii: ".") && (0x30...0x39).contains(c) { i += 1 }
                regexAllowed = beforeExpression.contains(String(decoding: b[start..<i], as: UTF8.self))
            default:
                i += 1
                regexAllowed = true
            }
        }
        if let open = templates.last { return .failure(Unreadable(offset: open.at, what: "${")) }
        return .success(out)
    }

    /// A second reading no guess of the lexer can steer: on each line, the text from every quote to the
    /// next quote of its kind, decoded as a string is. `if (x) /'/; location = 'tg:…'` hides the second
    /// string from a lexer that takes the `/` for a division (a browser takes it for a regular
    /// expression); here it is read whatever the `/` was. Spans between two strings are read too, and
    /// hold code, not addresses.
    static func quotedSpans(_ b: ArraySlice<UInt8>) -> [Literal] {
        var out: [Literal] = []
        var i = b.startIndex
        while i < b.endIndex {
            let c = b[i]
            guard c == 0x22 || c == 0x27 || c == 0x60 else { i += 1; continue }
            if c == 0x60 {
                if case .success(let (literal, _, _)) = templateText(b, from: i + 1) { out.append(literal) }
            } else if case .success(let (literal, _)) = string(b, quote: c, from: i + 1) {
                out.append(literal)
            }
            i += 1
        }
        return out
    }

    /// A quoted string whose text begins at `start`: its decoded bytes and the offset past its quote.
    private static func string(_ b: ArraySlice<UInt8>, quote: UInt8, from start: Int) -> Result<(Literal, Int), Unreadable> {
        var literal = Literal()
        var i = start
        while i < b.endIndex {
            if b[i] == quote { return .success((literal, i + 1)) }
            // U+2028 and U+2029 may stand in a string (ES2019, and JSON); a line feed or return may not.
            if b[i] == 0x0A || b[i] == 0x0D { break }
            if b[i] == UInt8(ascii: "\\") {
                guard let next = escape(b, at: i, into: &literal) else { return .failure(Unreadable(offset: i, what: "\\")) }
                i = next
            } else {
                literal.bytes.append(b[i])
                literal.offsets.append(i)
                i += 1
            }
        }
        return .failure(Unreadable(offset: start - 1, what: String(UnicodeScalar(quote))))
    }

    /// A template's text from `start` up to its closing backtick or a `${`: the decoded text, the
    /// offset past what ended it, and whether that was a `${`.
    private static func templateText(_ b: ArraySlice<UInt8>, from start: Int) -> Result<(Literal, Int, Bool), Unreadable> {
        var literal = Literal()
        var i = start
        while i < b.endIndex {
            switch b[i] {
            case UInt8(ascii: "`"):
                return .success((literal, i + 1, false))
            case UInt8(ascii: "$") where i + 1 < b.endIndex && b[i + 1] == UInt8(ascii: "{"):
                return .success((literal, i + 2, true))
            case UInt8(ascii: "\\"):
                guard let next = escape(b, at: i, into: &literal) else { return .failure(Unreadable(offset: i, what: "\\")) }
                i = next
            default:
                literal.bytes.append(b[i])
                literal.offsets.append(i)
                i += 1
            }
        }
        return .failure(Unreadable(offset: start - 1, what: "`"))
    }

    /// Decodes the escape whose backslash is at `at` into `literal`; the offset past it, or nil when
    /// a script cannot hold it (`\x` without two hex digits, `\u` without a code point).
    private static func escape(_ b: ArraySlice<UInt8>, at: Int, into literal: inout Literal) -> Int? {
        let i = at + 1
        guard i < b.endIndex else { return nil }
        func add(_ scalar: UInt32) {
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            for byte in String(s).utf8 {
                literal.bytes.append(byte)
                literal.offsets.append(at)
            }
        }
        switch b[i] {
        case UInt8(ascii: "n"): add(0x0A)
        case UInt8(ascii: "t"): add(0x09)
        case UInt8(ascii: "r"): add(0x0D)
        case UInt8(ascii: "b"): add(0x08)
        case UInt8(ascii: "f"): add(0x0C)
        case UInt8(ascii: "v"): add(0x0B)
        case 0x0D:
            // A line continuation stands for nothing.
            return i + 1 < b.endIndex && b[i + 1] == 0x0A ? i + 2 : i + 1
        case 0x0A:
            return i + 1
        case 0xE2 where i + 2 < b.endIndex && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
            return i + 3
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            // A legacy octal escape, up to three digits and at most 0o377.
            var value: UInt32 = 0, j = i
            while j < b.endIndex, j < i + 3, (0x30...0x37).contains(b[j]), value * 8 + UInt32(b[j] - 0x30) <= 0xFF {
                value = value * 8 + UInt32(b[j] - 0x30)
                j += 1
            }
            add(value)
            return j
        case UInt8(ascii: "x"):
            guard let value = hex(b, i + 1, count: 2) else { return nil }
            add(value)
            return i + 3
        case UInt8(ascii: "u"):
            guard let (value, next) = codeUnit(b, at: i) else { return nil }
            // A surrogate pair written as two escapes is one character.
            if (0xD800...0xDBFF).contains(value), next + 1 < b.endIndex, b[next] == UInt8(ascii: "\\"),
               b[next + 1] == UInt8(ascii: "u"), let (low, after) = codeUnit(b, at: next + 1), (0xDC00...0xDFFF).contains(low) {
                add(0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00))
                return after
            }
            add(value)
            return next
        default:
            // Any other character stands for itself (`\"`, `\/`, `\.`), however many bytes it takes.
            var j = i + 1
            while j < b.endIndex, b[j] & 0xC0 == 0x80 { j += 1 }
            for k in i..<j {
                literal.bytes.append(b[k])
                literal.offsets.append(at)
            }
            return j
        }
        return i + 1
    }

    /// The code point of `\u` at `u` (`\u0041` or `\u{41}`) and the offset past it.
    private static func codeUnit(_ b: ArraySlice<UInt8>, at u: Int) -> (UInt32, Int)? {
        if u + 1 < b.endIndex, b[u + 1] == UInt8(ascii: "{") {
            guard let close = b[(u + 2)...].firstIndex(of: UInt8(ascii: "}")), close > u + 2, close - u - 2 <= 8,
                  let value = hex(b, u + 2, count: close - u - 2), value <= 0x10FFFF else { return nil }
            return (value, close + 1)
        }
        guard let value = hex(b, u + 1, count: 4) else { return nil }
        return (value, u + 5)
    }

    private static func hex(_ b: ArraySlice<UInt8>, _ start: Int, count: Int) -> UInt32? {
        guard start + count <= b.endIndex else { return nil }
        var value: UInt32 = 0
        for c in b[start..<(start + count)] {
            guard let digit = hexDigit(c) else { return nil }
            value = value * 16 + digit
        }
        return value
    }

    private static func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: UInt32(c - 0x30)
        case 0x41...0x46: UInt32(c - 0x37)
        case 0x61...0x66: UInt32(c - 0x57)
        default: nil
        }
    }

    /// The offset past a regular expression whose body begins at `start`, or nil when it does not end
    /// on its line.
    private static func regexEnd(_ b: ArraySlice<UInt8>, from start: Int) -> Int? {
        var i = start
        var inClass = false
        while i < b.endIndex, !isLineEnd(b, i) {
            switch b[i] {
            case UInt8(ascii: "\\"): i += 1
            case UInt8(ascii: "["): inClass = true
            case UInt8(ascii: "]"): inClass = false
            case UInt8(ascii: "/") where !inClass: return i + 1
            default: break
            }
            i += 1
        }
        return nil
    }

    /// Whether only white space and comments' `*/` could stand between the line's start and `i`.
    private static func startsLine(_ b: ArraySlice<UInt8>, _ i: Int) -> Bool {
        var j = i
        while j > b.startIndex, b[j - 1] == 0x20 || b[j - 1] == 0x09 { j -= 1 }
        return j == b.startIndex || b[j - 1] == 0x0A || b[j - 1] == 0x0D
    }

    /// A line terminator of JavaScript: LF, CR, U+2028, U+2029.
    private static func isLineEnd(_ b: ArraySlice<UInt8>, _ i: Int) -> Bool {
        b[i] == 0x0A || b[i] == 0x0D || (b[i] == 0xE2 && i + 2 < b.endIndex && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9))
    }

    private static func isIdentifier(_ c: UInt8) -> Bool {
        (0x61...0x7A).contains(c) || (0x41...0x5A).contains(c) || (0x30...0x39).contains(c) || c == 0x24 || c == 0x5F
    }
}
