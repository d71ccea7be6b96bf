import Foundation

/// The text a static picture or stylesheet shows a reader, to be read as a page's text is: what an
/// SVG draws or names (`<text>`, `<title>`, `<desc>`, `aria-label`) and what a stylesheet writes
/// (`content: "…"`, every string of it). Not clickable, yet a reader types what it says
/// (`content: "egov-kz\2e com"` shows egov-kz.com), so the link policy judges it.
///
/// Each text comes with the byte offset in the file of each of its bytes, for a diagnostic's column.
enum ShownText {
    /// Elements that continue the text around them (`<text>egov-kz<tspan>.com</tspan></text>` shows
    /// one word); any other tag ends a text.
    private static let inline: Set<String> = ["tspan", "textpath", "a", "tref", "altglyph"]
    /// Attributes whose value is shown or spoken.
    private static let spoken: Set<String> = ["aria-label", "aria-description", "aria-roledescription", "title", "alt"]
    /// The references XML itself defines (any other is refused by ``StaticFileCheck/firstLead(inSVG:)``).
    private static let references: [(String, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&apos;", 0x27)]

    /// The strings of a stylesheet, escapes decoded: where a string begins is where each of its
    /// findings is reported.
    static func inCSS(_ bytes: [UInt8], from base: Int = 0) -> [ScriptStrings.Literal] {
        var out: [ScriptStrings.Literal] = []
        _ = StaticFileCheck.firstLead(inCSS: bytes) { offset, value in
            out.append(ScriptStrings.Literal(bytes: value, offsets: Array(repeating: base + offset, count: value.count)))
        }
        return out
    }

    /// The character data of an SVG (outside comments, scripts and tags; CDATA as written; the
    /// XML references decoded), joined across inline elements, its `<style>` strings, and the values
    /// of the attributes a screen reader speaks.
    static func inSVG(_ b: [UInt8]) -> [ScriptStrings.Literal] {
        var out: [ScriptStrings.Literal] = []
        var run = ScriptStrings.Literal()
        func endRun() {
            if run.bytes.contains(where: { $0 > 0x20 }) { out.append(run) }
            run = ScriptStrings.Literal()
        }
        var i = 0
        while i < b.count {
            if b[i] == 0x26, let (name, byte) = references.first(where: { b[i...].starts(with: Array($0.0.utf8)) }) {
                run.bytes.append(byte)
                run.offsets.append(i)
                i += name.utf8.count
                continue
            }
            guard b[i] == 0x3C else {
                run.bytes.append(b[i])
                run.offsets.append(i)
                i += 1
                continue
            }
            if b[i...].starts(with: Array("<!--".utf8)) {
                i = (StaticFileCheck.find(Array("-->".utf8), in: b, from: i + 4) ?? b.count - 3) + 3
                continue
            }
            if b[i...].starts(with: Array("<![CDATA[".utf8)) {
                let end = StaticFileCheck.find(Array("]]>".utf8), in: b, from: i + 9) ?? b.count
                for k in (i + 9)..<end { run.bytes.append(b[k]); run.offsets.append(k) }
                i = min(b.count, end + 3)
                continue
            }
            let (name, closing, tagEnd, attributes) = readTag(b, from: i)
            if !inline.contains(name) { endRun() }
            for (attribute, value) in attributes where spoken.contains(attribute) { out.append(value) }
            i = tagEnd
            // A stylesheet's or script's text is no character data: the stylesheet's strings are read as
            // a stylesheet's (a script is refused outright).
            if !closing, name == "style" || name == "script" {
                let lower = b.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                let end = StaticFileCheck.find(Array("</\(name)".utf8), in: lower, from: i) ?? b.count
                if name == "style" { out += inCSS(Array(b[i..<end]), from: i) }
                i = end
            }
        }
        endRun()
        return out
    }

    /// The tag starting at the `<` at `start`: its name (lower case), whether it closes an element,
    /// where it ends (after `>`), and its quoted attribute values with the XML references decoded.
    private static func readTag(_ b: [UInt8], from start: Int) -> (String, Bool, Int, [(String, ScriptStrings.Literal)]) {
        var i = start + 1
        let closing = i < b.count && b[i] == 0x2F
        if closing { i += 1 }
        let nameStart = i
        while i < b.count, !isSpace(b[i]), b[i] != 0x3E, b[i] != 0x2F { i += 1 }
        let name = String(decoding: b[nameStart..<i], as: UTF8.self).lowercased()
        var attributes: [(String, ScriptStrings.Literal)] = []
        while i < b.count, b[i] != 0x3E {
            guard b[i] == 0x3D else { i += 1; continue }
            var n = i
            while n > nameStart, isSpace(b[n - 1]) { n -= 1 }
            var m = n
            while m > nameStart, !isSpace(b[m - 1]), b[m - 1] != 0x22, b[m - 1] != 0x27 { m -= 1 }
            let attribute = String(decoding: b[m..<n], as: UTF8.self).lowercased()
            i += 1
            while i < b.count, isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x22 || b[i] == 0x27 else { continue }
            let quote = b[i]
            var value = ScriptStrings.Literal()
            i += 1
            while i < b.count, b[i] != quote {
                if b[i] == 0x26, let (text, byte) = references.first(where: { b[i...].starts(with: Array($0.0.utf8)) }) {
                    value.bytes.append(byte)
                    value.offsets.append(i)
                    i += text.utf8.count
                    continue
                }
                value.bytes.append(b[i])
                value.offsets.append(i)
                i += 1
            }
            attributes.append((attribute, value))
            i += 1
        }
        return (name, closing, min(b.count, i + 1), attributes)
    }

    /// Why a `CNAME` file (the custom domain GitHub Pages serves the site on) is refused, or nil: it
    /// must name the site's own host (`baseURL`), alone on its line; another domain would serve the
    /// site, and its readers, from an address nobody checked.
    static func cnameProblem(_ bytes: [UInt8], siteHost: String?) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let named = lines.first ?? ""
        if let siteHost, lines.count == 1, named.lowercased() == siteHost.lowercased() { return nil }
        return named.isEmpty ? "nothing" : String(named.prefix(80))
    }

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
}
