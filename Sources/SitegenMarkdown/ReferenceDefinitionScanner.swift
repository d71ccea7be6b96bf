import Foundation

/// Finds link reference definitions (`[label]: destination`).
///
/// cmark-gfm resolves definitions into the links that use them and drops them from the tree, so an
/// unused definition would never be seen by a tree walk. This scanner reads the source lines outside
/// code and HTML blocks, after block-quote markers and list markers, and reports every line shaped
/// like a definition. It may report a line that cmark read as paragraph text; that costs nothing,
/// because such text is judged as a link all the same.
enum ReferenceDefinitionScanner {
    struct Definition {
        var destination: String
        var position: BodyPosition
    }

    static func scan(_ body: [UInt8], excluding codeLines: IndexSet) -> [Definition] {
        var out: [Definition] = []
        var lineNumber = 1
        var start = 0
        var pendingLabelLine: Int? = nil
        while start <= body.count {
            var end = start
            while end < body.count, body[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start, body[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            if !codeLines.contains(lineNumber) {
                var i = skipContainerMarkers(body, start, lineEnd)
                if let pending = pendingLabelLine, pending == lineNumber - 1 {
                    // `[label]:` with the destination on the next line.
                    if i < lineEnd, let dest = destination(body, &i, lineEnd), endsDefinition(body, i, lineEnd) {
                        out.append(Definition(destination: dest.text,
                                              position: BodyPosition(line: lineNumber, byteColumn: dest.start - start + 1)))
                    }
                    pendingLabelLine = nil
                } else if i < lineEnd, body[i] == UInt8(ascii: "[") {
                    if let close = labelEnd(body, i, lineEnd), close + 1 < lineEnd + 1,
                       close + 1 < body.count, body[close + 1] == UInt8(ascii: ":") {
                        var j = close + 2
                        while j < lineEnd, body[j] == 0x20 || body[j] == 0x09 { j += 1 }
                        if j >= lineEnd {
                            pendingLabelLine = lineNumber
                        } else if let dest = destination(body, &j, lineEnd), endsDefinition(body, j, lineEnd) {
                            out.append(Definition(destination: dest.text,
                                                  position: BodyPosition(line: lineNumber, byteColumn: dest.start - start + 1)))
                        }
                    }
                }
            }
            if end >= body.count { break }
            start = end + 1
            lineNumber += 1
        }
        return out
    }

    /// Skips indentation, `>` markers and list markers (`-`, `*`, `+`, `1.`, `1)`).
    static func skipContainerMarkers(_ b: [UInt8], _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == UInt8(ascii: ">") { i += 1; continue }
            if (c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+")),
               i + 1 < end, b[i + 1] == 0x20 || b[i + 1] == 0x09 {
                i += 2; continue
            }
            if c >= 0x30 && c <= 0x39 {
                var j = i
                while j < end, b[j] >= 0x30 && b[j] <= 0x39 { j += 1 }
                if j < end, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ")"), j + 1 < end,
                   b[j + 1] == 0x20 || b[j + 1] == 0x09 {
                    i = j + 2; continue
                }
            }
            break
        }
        return i
    }

    /// Index of the `]` closing a label that starts at `open`, honouring backslash escapes.
    static func labelEnd(_ b: [UInt8], _ open: Int, _ end: Int) -> Int? {
        var i = open + 1
        while i < end {
            if b[i] == UInt8(ascii: "\\") { i += 2; continue }
            if b[i] == UInt8(ascii: "[") { return nil }
            if b[i] == UInt8(ascii: "]") { return i > open + 1 ? i : nil }
            i += 1
        }
        return nil
    }

    /// Whether what follows a destination leaves the line a definition: nothing, or a title after a
    /// space (`"…"`, `'…'`, `(…)`). Other text makes it a paragraph (`[^1]: Ескертпе: egov.kz …`),
    /// whose words are judged as text.
    static func endsDefinition(_ b: [UInt8], _ from: Int, _ end: Int) -> Bool {
        var i = from
        while i < end, b[i] == 0x20 || b[i] == 0x09 { i += 1 }
        if i >= end { return true }
        return i > from && (b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") || b[i] == UInt8(ascii: "("))
    }

    /// A destination: `<…>` or a run without spaces; `i` is left just after it.
    static func destination(_ b: [UInt8], _ i: inout Int, _ end: Int) -> (text: String, start: Int)? {
        if b[i] == UInt8(ascii: "<") {
            var j = i + 1
            while j < end, b[j] != UInt8(ascii: ">") { j += 1 }
            guard j < end else { return nil }
            defer { i = j + 1 }
            return (String(decoding: b[(i + 1)..<j], as: UTF8.self), i)
        }
        var j = i
        while j < end, b[j] != 0x20, b[j] != 0x09 { j += 1 }
        guard j > i else { return nil }
        defer { i = j }
        return (String(decoding: b[i..<j], as: UTF8.self), i)
    }
}
