/// A line of an editor's file as a terminal shows it under a diagnostic, and the caret under the
/// character a diagnostic's column names.
///
/// A column counts Unicode scalars (see `Diagnostic`), but a terminal gives a scalar 0, 1 or 2
/// cells: an accent typed as a combining mark takes none, a CJK character or an emoji two. The
/// caret line is made of one space per cell of the scalars before the column, and a tab for a tab,
/// so it lines up whatever the text and the terminal's tab stops.
package enum SourceLineDisplay {
    /// The line with each control or invisible format character (a bidi override, a zero-width
    /// space, an escape) replaced by U+FFFD: the line cannot rewrite the terminal or hide text, and
    /// every scalar stays one scalar, so the column still names the same one.
    package static func printable(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for s in line.unicodeScalars { out.append(isHidden(s) ? "\u{FFFD}" : s) }
        return String(out)
    }

    /// At most `limit` scalars of a long line around `column`, with `…` where it was cut, and the
    /// column in what is kept: a line of a hundred thousand `>` is shown as a window, not whole.
    package static func window(_ line: String, column: Int, limit: Int = 120) -> (text: String, column: Int) {
        window(Array(line.unicodeScalars), column: column, limit: limit)
    }

    /// ``window(_:column:limit:)`` of a line already split into scalars: the diagnostics of one long line
    /// share its split, so thousands of them on one line are shown in linear time.
    package static func window(_ scalars: [Unicode.Scalar], column: Int, limit: Int = 120) -> (text: String, column: Int) {
        guard scalars.count > limit else { return (String(String.UnicodeScalarView(scalars)), column) }
        let start = min(max(0, column - 1 - limit / 2), scalars.count - limit)
        let end = min(scalars.count, start + limit)
        var text = String.UnicodeScalarView()
        if start > 0 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        return (String(text), column - start + (start > 0 ? 1 : 0))
    }

    /// What goes under `printable(line)` so that the last character is under scalar `column`
    /// (counted from 1): spaces and tabs, without the caret.
    static func caretLead(_ line: String, column: Int) -> String {
        var lead = ""
        for s in printable(line).unicodeScalars.prefix(max(0, column - 1)) {
            if s == "\t" { lead += "\t"; continue }
            lead += String(repeating: " ", count: width(s))
        }
        return lead
    }

    /// Control characters (but the tab) and format characters, which a terminal either acts on or
    /// does not show.
    static func isHidden(_ s: Unicode.Scalar) -> Bool {
        if s == "\t" { return false }
        switch s.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The cells a terminal gives a printable scalar: 0 for a combining mark, 2 for an East Asian
    /// wide or full-width character and an emoji, 1 otherwise (Latin, Cyrillic, Kazakh letters).
    package static func width(_ s: Unicode.Scalar) -> Int {
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(s.value) { return 0 }  // variation selectors
        return isWide(s.value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges (UAX #11) and the emoji blocks terminals draw two cells wide.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3, 0x25FD...0x25FE,
             0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE,
             0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705,
             0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E,
             0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
             0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
