import Foundation
import SitegenCore
import SitegenPolicy

/// The text the templates themselves put on every page — literal markup around the `{{…}}` tags —
/// judged by the link policy like a page's: an address or domain written into a template reaches
/// every reader of every page, so it must be official like any other (`static/` may hold no HTML for
/// the same reason).
///
/// Two readings, each at its line and column of the template: the text as a messenger or a browser
/// would read it (the page's own scanner, phone numbers included), and every `href`, `src`, `action`, `formaction`, `poster`,
/// `data`, `cite` and `srcset` value written in it, judged as the link it is (`//host/` included).
/// A value holding a tag is the pipeline's own (`{{homeURL}}`) and is judged where it is made.
enum TemplateLinks {
    static let linkAttributes: Set<String> = ["href", "src", "action", "formaction", "poster", "data", "cite", "srcset"]

    /// What the link policy refuses in the templates, as they were parsed.
    static func check(_ templates: Templates, inspector: PageInspector) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (file, raw) in templates.sources {
            // Bytes that are not text are judged as the page would show them (U+FFFD for a bad
            // byte), never skipped: the rest of the template still reaches readers.
            let repaired = Array(String(decoding: raw, as: UTF8.self).utf8).filter { $0 != 0 }
            guard case .success(let text) = SourceText.decode(repaired) else { continue }
            let masked = maskTags(text.bytes)
            func report(_ findings: [Finding], at offset: Int) {
                let p = text.position(ofByte: offset)
                for f in findings { out.append(f.diagnostic(file: file, line: p.line, column: p.column)) }
            }
            // A stylesheet is no text a reader reads (`@import`, `@media` are no handles): it is judged as a
            // stylesheet in static/ is, by what it shows and what it loads, and left out of the reading below.
            let sheets = styles(masked)
            var prose = masked
            for sheet in sheets {
                out += sheetProblems(masked, sheet, file: file, inspector: inspector) { text.position(ofByte: $0) }
                for k in sheet where prose[k] != 0x0A { prose[k] = 0x20 }
            }
            let literal = String(decoding: prose, as: UTF8.self)
            if let (f, hidden) = PageInspector.invisibleFinding(literal, tagsMasked: true) {
                report([f], at: StaticFileCheck.utf8Offset(ofScalar: hidden.offset, in: literal))
            }
            // The text as written, then as a browser shows it (`evil&#46;com` is evil.com), each finding once.
            var said = Set<String>()
            for (reading, at) in [(literal, { $0 }), Self.shown(prose)].compactMap({ $0 }) {
                func reportOnce(_ f: Finding, _ offset: Int) {
                    if said.insert("\(at(offset)) \(f.saying)").inserted { report([f], at: at(offset)) }
                }
                for token in inspector.tokens.scan(reading) {
                    for f in inspector.judgeToken(token, inWarning: false) { reportOnce(f, token.offset) }
                }
                // A number the template writes is on every page, and in a `data-` value a stylesheet draws.
                for (finding, number) in inspector.phoneFindings(reading) { reportOnce(finding, number.offset) }
            }
            for (value, offset) in attributeValues(masked) where !value.contains(0) && !value.isEmpty {
                report(inspector.judge.judge(String(decoding: value, as: UTF8.self)), at: offset)
            }
            // A script's strings spell addresses with escapes the reading above does not decode.
            for script in scripts(masked) {
                out += StaticFileCheck.scriptProblems(masked[script], file: file, inspector: inspector,
                                                      unreadable: "template.syntax") { offset in
                    let p = text.position(ofByte: offset)
                    return (p.line, p.column)
                }
            }
        }
        return out
    }

    /// The literal text (tags masked) with its character references as a browser shows them
    /// (``PageTexts/decoded(_:)``), and for each byte of it the offset in `masked` it comes from (a
    /// reference's bytes, that of its `&`); nil when the text holds none.
    static func shown(_ masked: [UInt8]) -> (String, (Int) -> Int)? {
        guard masked.contains(0x26) else { return nil }
        var out: [UInt8] = []
        var from: [Int] = []
        var i = 0
        while i < masked.count {
            guard masked[i] == 0x26 else {
                out.append(masked[i])
                from.append(i)
                i += 1
                continue
            }
            // `&#x2e;`, `&#46`, `&period;`: the reference, with its `;` when it has one.
            var j = i + 1
            if j < masked.count && masked[j] == 0x23 { j += 1 }
            if j < masked.count && (masked[j] | 0x20) == 0x78 && masked[i + 1] == 0x23 { j += 1 }
            while j < masked.count, (0x30...0x39).contains(masked[j]) || (0x61...0x7A).contains(masked[j] | 0x20) { j += 1 }
            if j < masked.count && masked[j] == 0x3B { j += 1 }
            let decoded = masked[i..<j].withUnsafeBufferPointer { PageTexts.decoded($0) }
            out += decoded
            from += Array(repeating: i, count: decoded.count)
            i = j
        }
        let text = String(decoding: out, as: UTF8.self)
        // Offsets are of the text's UTF-8, which `decoding` keeps byte for byte for valid UTF-8.
        return (text, { offset in offset < from.count ? from[offset] : masked.count })
    }

    /// The template's bytes with every `{{…}}` tag (and its braces) replaced by NUL bytes, so what is
    /// left is the literal text at its own offsets.
    static func maskTags(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        var i = 0
        while i + 1 < out.count {
            if out[i] == 0x7B && out[i + 1] == 0x7B {
                var j = i + 2
                while j + 1 < out.count && !(out[j] == 0x7D && out[j + 1] == 0x7D) { j += 1 }
                var end = min(out.count, j + 2)
                if end < out.count && out[end] == 0x7D { end += 1 }
                for k in i..<end { out[k] = 0 }
                i = end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The text of each `<style>` element of the markup that a browser reads as a stylesheet, up to
    /// `</style` (in any case) followed by a space, `/` or `>`, where a browser ends it. Read as the
    /// HTML tokenizer reads markup (``MarkupTokens``): a `<style` in a comment, in a tag's value, or in the text of an
    /// element whose text is not markup (`<textarea>`, `<title>`, `<xmp>`, `<iframe>`, `<noembed>`,
    /// `<noframes>`, `<noscript>`, `<script>`, and all after `<plaintext>`) starts no stylesheet; nor does
    /// one inside `<svg>` or `<math>`, whose `<style>` holds markup. What is taken for none is read as prose.
    static func styles(_ bytes: [UInt8]) -> [Range<Int>] {
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        /// Where the text of an element ends: at `</name` followed by a space, `/` or `>`, else the end.
        func endOfText(_ name: String, from i: Int) -> Int {
            lower.withUnsafeBufferPointer { RenderedLinks.endOfRawText($0, from: i, name: "</\(name)") } ?? lower.count
        }
        // (`<noscript>` too: with scripts on, as most readers have them, its text is no markup.)
        let textOnly = MarkupTokens.textOnly.union(["noscript"])
        var out: [Range<Int>] = []
        var foreign = 0
        var i = 0
        while i < lower.count {
            guard lower[i] == 0x3C else { i += 1; continue }
            let tag: MarkupTokens.Tag
            switch MarkupTokens.token(lower, at: i) {
            case .text: i += 1; continue
            case .skip(let end): i = end; continue
            case .tag(let t): tag = t
            }
            i = tag.end
            let name = tag.name
            if tag.closing {
                if name == "svg" || name == "math" { foreign = max(0, foreign - 1) }
                continue
            }
            if name == "svg" || name == "math" {
                if !tag.selfClosing { foreign += 1 }
            } else if foreign > 0 {
                continue
            } else if name == "plaintext" {
                break
            } else if name == "script" {
                i = scriptEnd(lower, from: tag.end)
            } else if textOnly.contains(name) {
                i = endOfText(name, from: tag.end)
            } else if name == "style" {
                let end = endOfText("style", from: tag.end)
                out.append(tag.end..<end)
                i = end
            }
        }
        return out
    }

    /// What the policy refuses in a template's stylesheet (`sheet`, a range of `bytes`): what it shows
    /// (`content: "…"`) read as a page's text, and any reference to another site, as in a stylesheet in
    /// static/. Read also with its character references decoded, as a browser reads an SVG's `<style>`.
    private static func sheetProblems(_ bytes: [UInt8], _ sheet: Range<Int>, file: String, inspector: PageInspector,
                                      position: (Int) -> (line: Int, column: Int)) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var said = Set<String>()
        let raw = Array(bytes[sheet])
        let decoded = raw.withUnsafeBufferPointer { PageTexts.decoded($0) }
        for (reading, exact) in [(raw, true)] + (decoded != raw ? [(decoded, false)] : []) {
            // Offsets of the decoded reading are not the template's: its findings are told at the sheet's start.
            func at(_ offset: Int) -> Int { exact ? sheet.lowerBound + offset : sheet.lowerBound }
            var texts: [ScriptStrings.Literal] = []
            let lead = StaticFileCheck.firstLead(inCSS: reading) { texts.append($0) }
            for shown in texts {
                for (f, offset) in StaticFileCheck.readerFindings(shown.text, inspector: inspector) {
                    let p = position(at(shown.offsets[min(offset, shown.offsets.count - 1)]))
                    if said.insert("\(p.line):\(p.column) \(f.saying)").inserted { out.append(f.diagnostic(file: file, line: p.line, column: p.column)) }
                }
            }
            if let (offset, what) = lead, said.insert("lead \(what)").inserted {
                let p = position(at(offset))
                out.append(.error("content.static-page", id: "content.static-page.link", ["path": file, "what": what],
                                  file: file, line: p.line, column: p.column))
            }
        }
        return out
    }

    /// The text of each `<script>` element of the markup, as a browser ends it: at `</script` (in any
    /// case) followed by a space, `/` or `>`, except inside `<!--` where a `<script` opened the
    /// tokenizer's "double escaped" state (`<script><!-- <script> … </script> … --></script>` is one
    /// script to a browser).
    static func scripts(_ bytes: [UInt8]) -> [Range<Int>] {
        let lower = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        var out: [Range<Int>] = []
        var from = 0
        while let open = StaticFileCheck.find(Array("<script".utf8), in: lower, from: from) {
            guard let tagEnd = lower[open...].firstIndex(of: 0x3E) else { break }
            let end = scriptEnd(lower, from: tagEnd + 1)
            out.append((tagEnd + 1)..<end)
            from = end
        }
        return out
    }

    /// Where the script data starting at `start` ends, by the HTML tokenizer's script data states.
    private static func scriptEnd(_ b: [UInt8], from start: Int) -> Int {
        enum State { case data, escaped, doubleEscaped }
        var state = State.data
        func tag(_ name: String, at i: Int) -> Bool {
            let n = Array(name.utf8)
            guard b[i...].starts(with: n), i + n.count < b.count else { return false }
            let after = b[i + n.count]
            return after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0C || after == 0x0D || after == 0x2F || after == 0x3E
        }
        var i = start
        while i < b.count {
            switch state {
            case .data:
                // Its dashes may close it too (`<!-->`): reading goes on from them.
                if b[i...].starts(with: Array("<!--".utf8)) { state = .escaped; i += 2; continue }
                if tag("</script", at: i) { return i }
            case .escaped:
                if b[i...].starts(with: Array("-->".utf8)) { state = .data; i += 3; continue }
                if tag("<script", at: i) { state = .doubleEscaped; i += 7; continue }
                if tag("</script", at: i) { return i }
            case .doubleEscaped:
                if b[i...].starts(with: Array("-->".utf8)) { state = .data; i += 3; continue }
                if tag("</script", at: i) { state = .escaped; i += 8; continue }
            }
            i += 1
        }
        return b.count
    }

    /// The quoted values of link attributes in literal markup, with their byte offsets. A value with
    /// a masked tag in it holds NUL bytes.
    static func attributeValues(_ bytes: [UInt8]) -> [(value: [UInt8], offset: Int)] {
        var out: [(value: [UInt8], offset: Int)] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x3D else { i += 1; continue }   // "="
            var nameEnd = i
            while nameEnd > 0 && (bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09) { nameEnd -= 1 }
            var nameStart = nameEnd
            while nameStart > 0 && (isNameByte(bytes[nameStart - 1])) { nameStart -= 1 }
            let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
            var v = i + 1
            while v < bytes.count && (bytes[v] == 0x20 || bytes[v] == 0x09) { v += 1 }
            guard linkAttributes.contains(name), v < bytes.count else { i += 1; continue }
            if bytes[v] == 0x22 || bytes[v] == 0x27 {
                let quote = bytes[v]
                var end = v + 1
                while end < bytes.count && bytes[end] != quote { end += 1 }
                out.append((Array(bytes[(v + 1)..<end]), v + 1))
                i = end
            } else {
                var end = v
                while end < bytes.count && !(bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0A || bytes[end] == 0x3E) { end += 1 }
                out.append((Array(bytes[v..<end]), v))
                i = end
            }
        }
        return out
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (0x61...0x7A).contains(b) || (0x41...0x5A).contains(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x5F || b == 0x3A
    }
}
