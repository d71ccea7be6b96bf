import SitegenCore
import SitegenPolicy

/// The text a finished page shows, one piece per block: what a template wrote and what it put in,
/// together (`<title>{{title}} — {{siteTitle}}</title>`), and the text of inline elements with what
/// stands around them (`{{reported}} <time>…</time>`), as a browser shows them on one line. Read by the
/// page's last look for numbers a reader's app acts on that neither part holds alone (a title ending in
/// `8 701 14` and a site name starting with `42 500`; an interface string ending in `8 701 123` before
/// a date of `2020`: one phone number each to libphonenumber).
///
/// A piece ends at a tag of an element that parts lines (a paragraph, a list item, a heading, a cell,
/// `<br>`: ``partsLines``); any other tag, known or not, is read as inline, so that text is never parted
/// where a browser might join it. Comments and the contents of `<script>`, `<style>`, `<iframe>`,
/// `<noembed>` and `<noframes>` show nothing and are passed; the text of `<textarea>`, `<title>` and
/// `<xmp>` is no markup and is read as written; references are decoded (``CharacterReferences``).
enum PageTexts {
    /// Elements a browser shows on lines of their own, and `<br>`: text on either side of their tags is
    /// never on one line.
    static let partsLines: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "col", "colgroup", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li", "link", "main", "menu", "meta",
        "nav", "noscript", "ol", "optgroup", "option", "p", "pre", "search", "section", "select", "summary",
        "table", "tbody", "td", "textarea", "tfoot", "th", "thead", "title", "tr", "ul",
    ]

    /// One piece of shown text, the element it starts in, and the fakes' names it shows marked as such.
    struct Piece: Equatable {
        var text: String
        var tag: String
        /// The words written inside `<span class="fake-name">` in the piece, lowercased: names a warning
        /// shows, which pass as fakes' names only (the text around still joins them into addresses).
        var namedFakes: Set<String> = []
    }

    /// Gives `body` each piece of shown text holding anything but spaces, and that `wanted` keeps (given
    /// its bytes as shown), as it is read: a site's search page lists every page, and its pieces, held
    /// together, were the largest thing in a big build's memory.
    static func forEachPiece(in b: UnsafeBufferPointer<UInt8>, where wanted: (UnsafeBufferPointer<UInt8>) -> Bool = { _ in true },
                             _ body: (Piece) -> Void) {
        var tag = ""
        // The piece so far: its decoded bytes and the element it starts in.
        var piece: [UInt8] = []
        var pieceTag = ""
        var start = 0
        // Inside a fake's name: the spans open in it (its own included), 0 outside; and its text.
        var fakeSpans = 0
        var fakeText: [UInt8] = []
        var namedFakes: Set<String> = []
        /// Adds the text from `start` to `end` to the piece.
        func take(_ end: Int) {
            guard end > start else { return }
            if piece.isEmpty { pieceTag = tag }
            let raw = UnsafeBufferPointer(rebasing: b[start..<end])
            // Only a text with a reference needs decoding: most are appended as they are.
            guard ByteScan.next(0x26, in: raw, from: 0) < raw.count else {
                piece.append(contentsOf: raw)
                if fakeSpans > 0 { fakeText.append(contentsOf: raw) }
                return
            }
            let shown = Self.decoded(raw)
            piece += shown
            if fakeSpans > 0 { fakeText += shown }
        }
        /// Ends the piece at a tag that parts lines.
        func flush() {
            if piece.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }), piece.withUnsafeBufferPointer(wanted) {
                body(Piece(text: String(decoding: piece, as: UTF8.self), tag: pieceTag, namedFakes: namedFakes))
            }
            piece.removeAll(keepingCapacity: true)
            namedFakes.removeAll()
        }
        var i = 0
        while i < b.count {
            // Text runs up to the next `<`; it is taken whole when a tag ends it.
            i = ByteScan.next(0x3C, in: b, from: i)
            guard i + 1 < b.count else {
                i = b.count
                continue
            }
            let next = b[i + 1]
            if next == 0x21 {
                // A comment (`<!-- … -->`) or a declaration (`<!doctype html>`): shows nothing, parts nothing.
                take(i)
                if i + 3 < b.count, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    i = end(of: [0x2D, 0x2D, 0x3E], in: b, from: i + 4)
                } else {
                    i = end(of: [0x3E], in: b, from: i + 2)
                }
                start = i
                continue
            }
            let isLetter = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            guard isLetter || next == 0x2F else {
                // A `<` that opens no tag is text.
                i += 1
                continue
            }
            take(i)
            var j = i + (next == 0x2F ? 2 : 1)
            let nameStart = j
            while j < b.count, b[j] != 0x20, b[j] != 0x09, b[j] != 0x0A, b[j] != 0x2F, b[j] != 0x3E { j += 1 }
            let name = String(unsafeUninitializedCapacity: j - nameStart) { out in
                for k in nameStart..<j { out[k - nameStart] = (0x41...0x5A).contains(b[k]) ? b[k] | 0x20 : b[k] }
                return j - nameStart
            }
            // To the tag's end, past quoted values.
            var quote: UInt8 = 0
            while j < b.count {
                if quote != 0 {
                    if b[j] == quote { quote = 0 }
                } else if b[j] == 0x22 || b[j] == 0x27 {
                    quote = b[j]
                } else if b[j] == 0x3E {
                    break
                }
                j += 1
            }
            i = min(j + 1, b.count)
            if name == "span" {
                if next == 0x2F {
                    fakeSpans = max(0, fakeSpans - 1)
                    if fakeSpans == 0 {
                        for word in String(decoding: fakeText, as: UTF8.self).split(whereSeparator: \.isWhitespace) { namedFakes.insert(word.lowercased()) }
                        fakeText.removeAll(keepingCapacity: true)
                    }
                } else if fakeSpans > 0 || StaticFileCheck.find(Array(#"class="fake-name""#.utf8), in: Array(b[nameStart..<j])) != nil {
                    fakeSpans += 1
                }
            }
            if partsLines.contains(name) { flush() }
            if next != 0x2F, name == "script" || name == "style" || name == "template"
                || (MarkupTokens.textOnly.contains(name) && !MarkupTokens.shownText.contains(name)) {
                // What shows nothing (raw text, a template's content) parts nothing either: the text around
                // it is on one line.
                i = end(of: [0x3E], in: b, from: RenderedLinks.endOfRawText(b, from: i, name: "</\(name)") ?? b.count)
            } else if next != 0x2F, MarkupTokens.shownText.contains(name) {
                // Text that is no markup, shown as written up to its end tag: a `<style>` in it starts nothing.
                tag = name
                start = i
                let close = RenderedLinks.endOfRawText(b, from: i, name: "</\(name)") ?? b.count
                take(close)
                i = close
            } else if next != 0x2F {
                tag = name
            }
            start = i
        }
        take(b.count)
        flush()
    }

    /// Text with its character references as a browser shows them: numeric ones and those of XML
    /// (``CharacterReferences``), the spaces, dashes and marks templates write by name (`&nbsp;`, `&ndash;`,
    /// `&period;`, `&NewLine;`), and any other name as a space, which joins numbers as the most marks do.
    static func decoded(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let v = CharacterReferences.decoded(Array(raw), keepingOtherNames: true) ?? Array(raw)
        guard v.contains(0x26) else { return v }
        var out: [UInt8] = []
        var i = 0
        while i < v.count {
            var j = i + 1
            func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
            while j < v.count, isLetter(v[j]) || (0x30...0x39).contains(v[j]) { j += 1 }
            guard v[i] == 0x26, j > i + 1, isLetter(v[i + 1]) else {
                out.append(v[i])
                i += 1
                continue
            }
            let name = String(decoding: v[(i + 1)..<j], as: UTF8.self)
            out += Array((namedShown[name] ?? " ").utf8)
            i = j < v.count && v[j] == 0x3B ? j + 1 : j
        }
        return out
    }

    /// Named references a template may write for spaces, dashes and marks, as shown.
    static let namedShown: [String: String] = [
        "nbsp": "\u{A0}", "NonBreakingSpace": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "emsp13": "\u{2004}",
        "emsp14": "\u{2005}", "numsp": "\u{2007}", "puncsp": "\u{2008}", "thinsp": "\u{2009}", "ThinSpace": "\u{2009}",
        "hairsp": "\u{200A}", "VeryThinSpace": "\u{200A}", "MediumSpace": "\u{205F}", "NoBreak": "\u{2060}",
        "ZeroWidthSpace": "\u{200B}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{AD}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "minus": "\u{2212}", "hyphen": "\u{2010}", "dash": "\u{2010}", "horbar": "\u{2015}",
        "sol": "/", "period": ".", "comma": ",", "colon": ":", "semi": ";", "commat": "@", "lpar": "(", "rpar": ")",
        "lsqb": "[", "rsqb": "]", "lbrack": "[", "rbrack": "]", "plus": "+", "num": "#", "hellip": "\u{2026}",
        "NewLine": "\n", "Tab": "\t", "bull": "\u{2022}", "middot": "\u{B7}", "centerdot": "\u{B7}", "laquo": "«",
        "raquo": "»", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "bdquo": "\u{201E}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "excl": "!", "quest": "?", "equals": "=", "percnt": "%", "lowbar": "_", "verbar": "|",
        "ast": "*", "midast": "*",
    ]

    /// Where `needle` ends after `from` in `b`, or the end of `b`.
    private static func end(of needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var j = from
        while j + needle.count <= b.count {
            if b[j..<(j + needle.count)].elementsEqual(needle) { return j + needle.count }
            j += 1
        }
        return b.count
    }
}
