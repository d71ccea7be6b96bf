import Foundation

/// The text a static picture or stylesheet shows a reader, to be read as a page's text is: what an
/// SVG draws or names (`<text>`, `<title>`, `<desc>`, `aria-label`) and what a stylesheet writes
/// (`content: "…"`, every string of it). Not clickable, yet a reader types what it says
/// (`content: "egov-kz\2e com"` shows egov-kz.com), so the link policy judges it.
///
/// Each text comes with the byte offset in the file of each of its bytes, for a diagnostic's column.
enum ShownText {
    /// Elements whose character data a `<text>` draws: it and the parts of its text.
    private static let drawing: Set<String> = ["text", "tspan", "textpath", "a", "tref", "altglyph"]
    /// Elements whose text is a label of the picture (a tooltip, what a screen reader says).
    private static let labels: Set<String> = ["title", "desc"]
    /// The references XML itself defines (any other is refused by ``StaticFileCheck/firstLead(inSVG:)``).
    private static let references: [(String, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&apos;", 0x27)]

    /// What a stylesheet shows (``StaticFileCheck/firstLead(inCSS:shown:)``): its strings, escapes
    /// decoded, each declaration's strings joined, and its values outside strings; a finding is
    /// reported where its string begins.
    static func inCSS(_ bytes: [UInt8], from base: Int = 0) -> [ScriptStrings.Literal] {
        var out: [ScriptStrings.Literal] = []
        _ = StaticFileCheck.firstLead(inCSS: bytes) { shown in
            out.append(ScriptStrings.Literal(bytes: shown.bytes, offsets: shown.offsets.map { base + $0 }))
        }
        return out
    }

    /// What an SVG shows as text: the drawn text of each `<text>` element (its character data and its
    /// parts', whatever else stands between them: an animation, a comment, a processing instruction),
    /// all the drawn text of the picture joined in order (`joined`: two `<text>` elements may be placed
    /// side by side), the text of each `<title>` and `<desc>`, any other character data, the strings of its
    /// `<style>`, and the values of the attributes shown or spoken (`aria-*`, `title`, `xlink:title`, `alt`).
    /// CDATA counts as written, the XML references decoded.
    static func inSVG(_ b: [UInt8]) -> (texts: [ScriptStrings.Literal], joined: ScriptStrings.Literal?) {
        var out: [ScriptStrings.Literal] = []
        var drawn = ScriptStrings.Literal(), run = ScriptStrings.Literal(), other = ScriptStrings.Literal()
        // The open elements, each with whether its character data is drawn: inside a `<text>`, with every
        // element from it inward one that draws (kept with each, so nesting costs nothing per character).
        var open: [(name: String, drawn: Bool)] = []
        func flush(_ literal: inout ScriptStrings.Literal) {
            if literal.bytes.contains(where: { $0 > 0x20 }) { out.append(literal) }
            literal = ScriptStrings.Literal()
        }
        func add(_ byte: UInt8, at offset: Int) {
            if open.last?.drawn == true {
                run.bytes.append(byte); run.offsets.append(offset)
                drawn.bytes.append(byte); drawn.offsets.append(offset)
            } else {
                other.bytes.append(byte); other.offsets.append(offset)
            }
        }
        let lower = b.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var i = 0
        while i < b.count {
            if let (byte, length) = reference(in: b, at: i) {
                add(byte, at: i)
                i += length
                continue
            }
            guard b[i] == 0x3C else {
                add(b[i], at: i)
                i += 1
                continue
            }
            if b[i...].starts(with: Array("<![CDATA[".utf8)) {
                let end = StaticFileCheck.find(Array("]]>".utf8), in: b, from: i + 9) ?? b.count
                for k in (i + 9)..<end { add(b[k], at: k) }
                i = min(b.count, end + 3)
                continue
            }
            // A comment, a processing instruction or a declaration shows nothing and parts no text.
            if b[i...].starts(with: Array("<!--".utf8)) {
                i = (StaticFileCheck.find(Array("-->".utf8), in: b, from: i + 4) ?? b.count - 3) + 3
                continue
            }
            if i + 1 < b.count, b[i + 1] == UInt8(ascii: "?") || b[i + 1] == UInt8(ascii: "!") {
                i = (b[i...].firstIndex(of: 0x3E) ?? b.count - 1) + 1
                continue
            }
            let tag = readTag(b, from: i)
            for (attribute, value) in tag.attributes where attribute.hasPrefix("aria-") || spoken.contains(attribute) { out.append(value) }
            i = tag.end
            if tag.closing {
                // A picture whose tags do not match is no picture to a browser: only a matching one closes.
                guard open.last?.name == tag.name else { continue }
                open.removeLast()
                if tag.name == "text" { flush(&run) }
                if labels.contains(tag.name) { flush(&other) }
                continue
            }
            // A text begins a run; a label, inside a text or not, is a text of its own and parts none.
            if tag.name == "text" { flush(&run) }
            if tag.name == "text" || labels.contains(tag.name) { flush(&other) }
            if tag.selfClosing { continue }
            // A stylesheet's or script's text is no character data: the stylesheet's strings are read as
            // a stylesheet's (a script is refused outright).
            if tag.name == "style" || tag.name == "script" {
                let end = StaticFileCheck.find(Array("</\(tag.name)".utf8), in: lower, from: i) ?? b.count
                if tag.name == "style" { out += inCSS(Array(b[i..<end]), from: i) }
                i = end
                continue
            }
            open.append((tag.name, tag.name == "text" || (open.last?.drawn == true && drawing.contains(tag.name))))
        }
        flush(&run)
        flush(&other)
        let joined = drawn.bytes.contains(where: { $0 > 0x20 }) && out.allSatisfy({ $0.offsets != drawn.offsets }) ? drawn : nil
        return (out, joined)
    }

    /// Attributes whose value is shown or spoken besides `aria-*`.
    private static let spoken: Set<String> = ["title", "xlink:title", "alt"]

    /// A tag as read from its `<`.
    private struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        /// Just after its `>`.
        var end: Int
        /// Its quoted values, the XML references decoded.
        var attributes: [(String, ScriptStrings.Literal)]
    }

    /// The tag starting at the `<` at `start`.
    private static func readTag(_ b: [UInt8], from start: Int) -> Tag {
        var i = start + 1
        let closing = i < b.count && b[i] == 0x2F
        if closing { i += 1 }
        let nameStart = i
        while i < b.count, !isSpace(b[i]), b[i] != 0x3E, b[i] != 0x2F { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [(String, ScriptStrings.Literal)] = []
        // Each attribute read forward once: its name, `=`, its value quoted or not.
        while i < b.count, b[i] != 0x3E {
            if isSpace(b[i]) || b[i] == 0x2F { i += 1; continue }
            let attributeStart = i
            while i < b.count, !isSpace(b[i]), b[i] != 0x3D, b[i] != 0x3E, b[i] != 0x2F { i += 1 }
            let attribute = String(decoding: b[attributeStart..<i], as: UTF8.self).lowercased()
            while i < b.count, isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x3D else { continue }
            i += 1
            while i < b.count, isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else {
                while i < b.count, !isSpace(b[i]), b[i] != 0x3E { i += 1 }
                continue
            }
            let quote = b[i]
            var value = ScriptStrings.Literal()
            i += 1
            while i < b.count, b[i] != quote {
                if let (byte, length) = reference(in: b, at: i) {
                    value.bytes.append(byte)
                    value.offsets.append(i)
                    i += length
                    continue
                }
                value.bytes.append(b[i])
                value.offsets.append(i)
                i += 1
            }
            attributes.append((attribute, value))
            i += 1
        }
        let selfClosing = i > 0 && i <= b.count && b[i - 1] == 0x2F
        return Tag(name: name, closing: closing, selfClosing: selfClosing, end: min(b.count, i + 1), attributes: attributes)
    }

    /// The byte one of XML's own references at `i` stands for, and how long it is written.
    private static func reference(in b: [UInt8], at i: Int) -> (UInt8, Int)? {
        guard b[i] == 0x26, let (name, byte) = references.first(where: { b[i...].starts(with: Array($0.0.utf8)) }) else { return nil }
        return (byte, name.utf8.count)
    }

    /// Why a `CNAME` file (the custom domain GitHub Pages serves the site on) is refused, or nil: it
    /// must name the site's own host (`baseURL`), alone on its line; another domain would serve the
    /// site, and its readers, from an address nobody checked.
    static func cnameProblem(_ bytes: [UInt8], siteHost: String?) -> String? {
        // Plain ASCII only: a hidden or look-alike character would name another host than it shows.
        if let odd = bytes.first(where: { !($0 == 0x09 || $0 == 0x0A || $0 == 0x0D || (0x20..<0x7F).contains($0)) }) {
            return "U+" + String(format: "%04X", odd) + "…"
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let named = lines.first ?? ""
        if let siteHost, lines.count == 1, named.lowercased() == siteHost.lowercased() { return nil }
        return named.isEmpty ? "nothing" : String(named.prefix(80))
    }

    private static func isSpace(_ c: UInt8) -> Bool { StaticFileCheck.isSpace(c) }
}
