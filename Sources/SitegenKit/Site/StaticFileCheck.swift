import Foundation
import SitegenContent
import SitegenCore
import SitegenPolicy

/// What `static/` may publish: files a browser shows as what they are (images, fonts, media, text,
/// JSON) or runs as the site's own code (stylesheets, scripts), never a page whose links no check reads.
///
/// `static/` is copied as it is, so anything that a browser opens as a document of its own is refused
/// by its type: an XML or XHTML file, a PDF or an office document shows its links to whoever opens it.
/// Two types are read: an SVG (a picture in `<img>`, but a page with working links and scripts when
/// opened by its address) must hold nothing that leads anywhere, and a stylesheet may load only the
/// site's own files. Both readings are of bytes and fail closed: what could hide a construct from them
/// (a character reference, an escape, a document type) is refused too, at its line and column.
enum StaticFileCheck {
    /// The types `static/` may publish, by extension (lower case).
    static let published: Set<String> = [
        "css", "js", "svg",
        "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp",
        "woff", "woff2", "ttf", "otf",
        "mp3", "mp4", "m4a", "webm", "ogg", "oga", "ogv", "wav",
        "txt", "json",
    ]
    /// Files without an extension a host reads by name: GitHub Pages' custom domain.
    static let publishedNames: Set<String> = ["CNAME"]

    /// The objections to the files of `static/` (pages by name, `.html`, are the build's own check).
    /// A text file is read as a page's text is (`inspector`): a reader reads it.
    static func problems(_ files: [SourceWalk.File], inspector: PageInspector, siteHost: String?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for file in files {
            let path = "static/" + file.relative
            let ext = (file.relative as NSString).pathExtension.lowercased()
            if ["html", "htm", "xhtml", "shtml"].contains(ext) { continue }
            guard published.contains(ext) || (ext.isEmpty && publishedNames.contains((file.relative as NSString).lastPathComponent)) else {
                out.append(.error("content.static-page", id: "content.static-page.type", ["path": path], file: path))
                continue
            }
            guard ["svg", "css", "txt", "js", "json"].contains(ext) || ext.isEmpty else { continue }
            guard let bytes = FileReader.read(file.path) else {
                // A text that is not read is not checked: said here, by its name in static/ (the copy
                // would only say it could not write the site).
                out.append(.error("content.io", id: "content.io", ["reason": errnoText()], file: path))
                continue
            }
            let lines = LinePositions(bytes)
            if ext.isEmpty {
                if let what = ShownText.cnameProblem(bytes, siteHost: siteHost) {
                    out.append(.error("content.static-page", id: "content.static-page.cname",
                                      ["path": path, "what": what, "host": siteHost ?? "-"], file: path))
                }
                continue
            }
            // Read as UTF-8, as this check reads it: a browser reads a file with a UTF-16 byte order mark
            // (or NUL bytes, or another declared encoding) otherwise, and no byte pattern here would match.
            if let (offset, what) = otherEncoding(bytes, ext: ext) {
                let (line, column) = lines.position(of: offset)
                out.append(.error("content.static-page", id: "content.static-page.link", ["path": path, "what": what],
                                  file: path, line: line, column: column))
                continue
            }
            if ext == "txt" {
                out += readerFindings(String(decoding: bytes, as: UTF8.self), inspector: inspector).map { f, offset in
                    let (line, column) = lines.position(of: offset)
                    return f.diagnostic(file: path, line: line, column: column)
                }
                continue
            }
            if ext == "js" || ext == "json" {
                out += scriptProblems(bytes[...], file: path, inspector: inspector) { lines.position(of: $0) }
                continue
            }
            // The text a picture or a stylesheet shows (`<text>`, `<title>`, `content: "…"`) is read as a page's.
            // The whole picture's drawn text joined is read for addresses and names, not numbers: a chart's
            // labels side by side (0, 10, 20) make digits no one reads as one.
            // A stylesheet is lexed once: its lead and what it shows come from the same reading.
            var texts: [ScriptStrings.Literal] = [], joined: ScriptStrings.Literal?
            let found: (Int, String)?
            if ext == "svg" {
                (texts, joined) = ShownText.inSVG(bytes)
                found = firstLead(inSVG: bytes)
            } else {
                found = firstLead(inCSS: bytes) { texts.append($0) }
            }
            for (shown, phones) in texts.map({ ($0, true) }) + (joined.map { [($0, false)] } ?? []) {
                out += readerFindings(shown.text, inspector: inspector, phones: phones).map { f, offset in
                    let (line, column) = lines.position(of: shown.offsets[min(offset, shown.offsets.count - 1)])
                    return f.diagnostic(file: path, line: line, column: column)
                }
            }
            if let (offset, what) = found {
                let (line, column) = lines.position(of: offset)
                out.append(.error("content.static-page", id: "content.static-page.link", ["path": path, "what": what],
                                  file: path, line: line, column: column))
            }
        }
        return out
    }

    /// What the policy refuses in a text a reader reads (a text file, a script's string), each with its
    /// UTF-8 offset in `text`: every address, handle, e-mail and domain, and every phone number.
    /// A character that changes what a reader sees (`\u{202E}moc.zk-voge` shows as egov-kz.com) is
    /// refused as in a page; a byte order mark that begins the text is no character of it.
    static func readerFindings(_ text: String, inspector: PageInspector, phones: Bool = true) -> [(Finding, Int)] {
        var out: [(Finding, Int)] = []
        let mark = text.hasPrefix("\u{FEFF}") ? 1 : 0
        if let (f, hidden) = PageInspector.invisibleFinding(String(text.unicodeScalars.dropFirst(mark))) {
            out.append((f, utf8Offset(ofScalar: hidden.offset + mark, in: text)))
        }
        for token in inspector.tokens.scan(text) {
            out += inspector.judgeToken(token, inWarning: false).map { ($0, token.offset) }
        }
        if phones { out += inspector.phoneFindings(text).map { ($0.0, $0.1.offset) } }
        return out.sorted { $0.1 < $1.1 }
    }

    /// What the policy refuses in the strings of a script or JSON file (``ScriptStrings``), at the
    /// line and column `position` gives for a byte offset in `source`; or where it cannot be read.
    /// `unreadable` is the code of that diagnostic (its message's id adds `.script`).
    static func scriptProblems(_ source: ArraySlice<UInt8>, file: String, inspector: PageInspector,
                               unreadable: String = "content.static-page", position: (Int) -> (Int, Int)) -> [Diagnostic] {
        switch ScriptStrings.literals(source) {
        case .failure(let stop):
            let (line, column) = position(stop.offset)
            return [.error(unreadable, id: unreadable + ".script", ["path": file, "what": stop.what],
                           file: file, line: line, column: column)]
        case .success(let literals):
            var out: [Diagnostic] = []
            var seen = Set<String>()
            // What the lexer read, then every quoted span (``ScriptStrings/quotedSpans(_:)``): an address
            // found both ways is one objection.
            for written in literals + ScriptStrings.quotedSpans(source) {
                // A browser's URL parser drops every tab, line feed and return (`"/\t/evil.com"` is `//evil.com`).
                let kept = written.bytes.indices.filter { ![0x09, 0x0A, 0x0D].contains(written.bytes[$0]) }
                let literal = ScriptStrings.Literal(bytes: kept.map { written.bytes[$0] }, offsets: kept.map { written.offsets[$0] })
                guard !literal.bytes.isEmpty else { continue }
                // Markup is read as written: a line break parts its attributes (`<img src=x\nonerror=…>`).
                for (f, offset) in addressFindings(literal.text, markup: written.text, inspector: inspector, markupCode: unreadable) {
                    let (line, column) = position(literal.offsets[min(offset, literal.offsets.count - 1)])
                    guard seen.insert("\(line):\(column) \(f.saying)").inserted else { continue }
                    out.append(f.diagnostic(file: file, line: line, column: column))
                }
            }
            return out
        }
    }

    /// Schemes a browser or the reader's system acts on without `//` after them (a script's
    /// `"a:hover"` or `"key:value"` names no scheme of these).
    static let actedOnSchemes: Set<String> = [
        "javascript", "vbscript", "data", "blob", "file", "mailto", "tel", "sms", "smsto", "mms", "callto", "facetime",
        "facetime-audio", "skype", "tg", "whatsapp", "viber", "intent", "market", "geo", "maps", "itms-services", "sip",
        "sips", "ton", "tonsite", "bitcoin", "bitcoincash", "ethereum", "litecoin", "dogecoin", "monero", "tron",
        "magnet", "xmpp", "irc", "ircs", "ssh", "sftp", "ftp", "ws", "wss", "ms-settings", "ms-appinstaller",
    ]

    /// The UTF-8 offset of the scalar at `index` of `text`.
    static func utf8Offset(ofScalar index: Int, in text: String) -> Int {
        text.unicodeScalars.prefix(index).reduce(0) { $0 + UTF8.width($1) }
    }

    /// What the policy refuses of the addresses in one string of a script or JSON file, each with its
    /// UTF-8 offset in `text`. A script's string is no text a reader reads, and a browser links nothing
    /// in it by itself (`"form.search"` is a selector): what is read is what it can send a reader to —
    /// an address written out (`https://…`), a host after `//` (or `\\`, which a browser reads the same),
    /// the whole string when it begins with a scheme (`tg:resolve?domain=…`, `//host`), and the links
    /// of markup it holds (`'<a href="…">'`).
    /// `markup` is the string as written, tabs and line breaks kept, for the markup reading.
    static func addressFindings(_ text: String, markup: String? = nil, inspector: PageInspector,
                                markupCode: String = "content.static-page") -> [(Finding, Int)] {
        let b = Array(text.utf8)
        var out: [(Finding, Int)] = []
        // Whether the two bytes before `offset` are slashes (either way round: a browser reads `\\` as `/`).
        func slashesBefore(_ offset: Int) -> Bool {
            offset >= 2 && offset <= b.count && (b[offset - 1] == 0x2F || b[offset - 1] == 0x5C) && (b[offset - 2] == 0x2F || b[offset - 2] == 0x5C)
        }
        for token in inspector.tokens.scan(text) {
            switch token.kind {
            case .url: break
            case .handle, .fakeName: continue
            default: guard slashesBefore(token.offset) else { continue }
            }
            out += inspector.judgeToken(token, inWarning: false).map { ($0, token.offset) }
        }
        // Leading spaces and controls are dropped by a browser's URL parser.
        let start = b.firstIndex { $0 > 0x20 } ?? b.count
        var end = start
        if end < b.count, (0x61...0x7A).contains(b[end] | 0x20) {
            end += 1
            while end < b.count, (0x61...0x7A).contains(b[end] | 0x20) || (0x30...0x39).contains(b[end]) || [0x2B, 0x2D, 0x2E].contains(b[end]) {
                end += 1
            }
        }
        var scheme = end < b.count && b[end] == 0x3A ? String(decoding: b[start..<end], as: UTF8.self).lowercased() : nil
        // `"File: report.pdf"`, `"Maps: 2GIS"` are labels: an address has no space after its scheme's colon,
        // but a script runs after one (`javascript: …`).
        if let s = scheme, end + 1 < b.count, b[end + 1] == 0x20, s != "javascript", s != "vbscript" { scheme = nil }
        let schemed = scheme.map { ["http", "https"].contains($0) || actedOnSchemes.contains($0) || slashesBefore(end + 3) } ?? false
        if schemed || slashesBefore(start + 2) {
            out += inspector.judge.judge(String(decoding: b[start...], as: UTF8.self)).map { ($0, start) }
        }
        for (value, offset) in TemplateLinks.attributeValues(b) where !value.isEmpty {
            out += inspector.judge.judge(String(decoding: value, as: UTF8.self)).map { ($0, offset) }
        }
        // Markup a script writes into a page is read as the page's tags are (`xlink:href`, references
        // decoded, a line break before `=`); an address so read is judged at the string's start.
        // What a browser would read there that this reading cannot (a named reference such as `tg&colon;`,
        // an event handler, a style naming another site) is refused as the page check refuses it.
        if b.contains(0x3C) {
            for lead in RenderedLinks.leads(in: markup ?? text) {
                let unread: (what: String, tag: String, attribute: String)
                switch lead {
                case .address(let address, _, _):
                    out += address.isEmpty ? [] : inspector.judge.judge(address).map { ($0, start) }
                    continue
                case .reference(let value, let tag, let attribute): unread = (value, tag, attribute)
                case .handler(let tag, let attribute): unread = (attribute + "=", tag, attribute)
                case .style(let what, let tag, let attribute): unread = (what, tag, attribute)
                }
                out.append((Finding(code: markupCode, id: "content.static-page.markup",
                                    ["what": unread.what, "tag": unread.tag, "attribute": unread.attribute], url: nil), start))
            }
        }
        // The same address read two ways is one objection.
        var seen = Set<String>()
        return out.filter { seen.insert($0.0.saying).inserted }
    }

    /// Where a text file stops being plain UTF-8 to a browser, and what is there: a UTF-16 or UTF-32
    /// byte order mark, a NUL byte (UTF-16 without a mark), bytes that are not UTF-8, an XML or CSS
    /// declaration of another encoding.
    static func otherEncoding(_ b: [UInt8], ext: String) -> (Int, String)? {
        if b.starts(with: [0xFE, 0xFF]) || b.starts(with: [0xFF, 0xFE]) || b.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return (0, "a UTF-16 or UTF-32 byte order mark")
        }
        if let nul = b.firstIndex(of: 0) { return (nul, "a NUL byte") }
        if String(validatingUTF8: b.map { CChar(bitPattern: $0) } + [0]) == nil { return (0, "bytes that are not UTF-8") }
        let lower = b.prefix(1024).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        // A script's or JSON file's text declares nothing (`"encoding="` there is a string).
        for declaration in ["encoding=", "@charset"] where ext != "js" && ext != "json" {
            guard let at = find(Array(declaration.utf8), in: lower) else { continue }
            let rest = lower[(at + declaration.utf8.count)...].drop { $0 == 0x20 || $0 == 0x22 || $0 == 0x27 }
            if !rest.starts(with: Array("utf-8".utf8)) { return (at, declaration) }
        }
        return nil
    }

    /// The first thing in an SVG that could take a reader elsewhere or run, or hide such a thing, with
    /// its byte offset: a link of any kind (`href`, `xlink:href`, an animation that sets one), a script
    /// or event handler, embedded HTML, a reference to another file (`url(` other than to `#` an element
    /// of the picture, `@import`), or what could hide one from this reading (a document type and its
    /// entities, a character reference, a CSS escape).
    static func firstLead(inSVG b: [UInt8]) -> (Int, String)? {
        let text = b.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }  // ASCII lower case: markup ignores no case here
        let words = ["<script", "foreignobject", "<!doctype", "<!entity", "<iframe", "<embed", "<object", "<meta", "<img",
                     "<link", "<form", "<base", "http-equiv", "src", "javascript:", "@import", "image-set(", "image(",
                     "cross-fade(", "\\"]
        var first: (Int, String)?
        func note(_ at: Int, _ what: String) { if first == nil || at < first!.0 { first = (at, what) } }
        // The first place `word` stands with what follows it (from the offset after it) as `followed` wants.
        func standing(_ word: String, followed: (Int) -> Bool) -> Int? {
            var from = 0
            while let at = find(Array(word.utf8), in: text, from: from) {
                if followed(at + word.utf8.count) { return at }
                from = at + 1
            }
            return nil
        }
        for word in words {
            // A tag's name ends there (`<metadata>` is no `<meta`).
            let isTag = word.hasPrefix("<") && !word.hasPrefix("<!")
            if let at = standing(word, followed: { after in
                !isTag || after >= text.count || isSpace(text[after]) || text[after] == 0x2F || text[after] == 0x3E
            }) { note(at, word) }
        }
        // Text drawn in another order than written (`direction="rtl"` with `unicode-bidi: bidi-override`
        // shows `moc.dab` as bad.com): the direction characters' trick, as an attribute or a property.
        for property in ["unicode-bidi", "direction"] {
            if let at = standing(property, followed: { after in
                var j = after
                while j < text.count, isSpace(text[j]) { j += 1 }
                return j < text.count && (text[j] == 0x3D || text[j] == 0x3A)
            }) { note(at, property) }
        }
        var i = 0
        while i < text.count {
            defer { i += 1 }
            switch text[i] {
            case UInt8(ascii: "<"):
                // An element of another vocabulary (`<h:meta>`, `<s:script>`): a prefix hides its name here.
                var j = i + 1
                if j < text.count, text[j] == UInt8(ascii: "/") { j += 1 }
                while j < text.count, !isSpace(text[j]), text[j] != 0x3E, text[j] != 0x2F, text[j] != 0x3C {
                    if text[j] == UInt8(ascii: ":") { note(i, "<" + String(decoding: text[(i + 1)...j], as: UTF8.self)); break }
                    j += 1
                }
            case UInt8(ascii: "x") where text[i...].starts(with: Array("xmlns".utf8)):
                // Only SVG's own vocabulary and XLink: another (XHTML's) brings its elements' links and scripts.
                let allowed = ["xmlns=\"http://www.w3.org/2000/svg\"", "xmlns='http://www.w3.org/2000/svg'",
                               "xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "xmlns:xlink='http://www.w3.org/1999/xlink'"]
                if !allowed.contains(where: { text[i...].starts(with: Array($0.utf8)) }) { note(i, "xmlns") }
            case UInt8(ascii: "h") where text[i...].starts(with: Array("href".utf8)):
                // Only a reference to a part of the picture itself (`<use href="#icon">`); anything else
                // (another address, an animation that sets `href`) may lead away.
                var j = i + 4
                while j < text.count, isSpace(text[j]) { j += 1 }
                guard j < text.count, text[j] == UInt8(ascii: "=") else { note(i, "href"); break }
                j += 1
                while j < text.count, isSpace(text[j]) { j += 1 }
                guard j + 1 < text.count, text[j] == 0x22 || text[j] == 0x27, text[j + 1] == UInt8(ascii: "#") else { note(i, "href"); break }
            case UInt8(ascii: "&"):
                // Only the five references of XML itself; `&#…;` or another name may spell `href`.
                let rest = text[i...]
                if !["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"].contains(where: { rest.starts(with: Array($0.utf8)) }) {
                    note(i, "&")
                }
            case UInt8(ascii: "u") where text[i...].starts(with: Array("url(".utf8)):
                var j = i + 4
                while j < text.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x22, 0x27].contains(text[j]) { j += 1 }
                if j >= text.count || text[j] != UInt8(ascii: "#") { note(i, "url(") }
            case UInt8(ascii: "o") where i > 0 && isSpace(text[i - 1]) && i + 1 < text.count && text[i + 1] == UInt8(ascii: "n"):
                // An event handler: ` onload=`, ` onclick =`.
                var j = i + 2
                while j < text.count, (0x61...0x7A).contains(text[j]) { j += 1 }
                let name = j
                while j < text.count, isSpace(text[j]) { j += 1 }
                if name > i + 2, j < text.count, text[j] == UInt8(ascii: "=") { note(i, String(decoding: text[i..<name], as: UTF8.self) + "=") }
            default:
                break
            }
        }
        return first
    }

    /// The first reference in a stylesheet to anything but the site's own files, with its byte offset:
    /// an address with a scheme or a host (`url(https://…)`, `url(//…)`, `@import "https://…"`,
    /// `image-set("https://…")`, even `content: "https://…"`, a text no check read), except a picture
    /// written into the sheet (`data:image/…`); an escape outside a string, which may spell `url`; or
    /// text drawn that no reading of strings sees whole: `@counter-style` (its symbols are words, not
    /// strings), a `counter()` drawn beside a string with a digit (`"+7 701 " counter(n)`).
    /// `shown` is given what the sheet shows before the lead (or in the whole sheet): each string,
    /// decoded; the strings of a declaration joined, as a browser draws them (`content: "evil" ".com"`);
    /// and what a declaration's value holds outside its strings and `url(…)` (`counter-reset: n 87011234567`).
    static func firstLead(inCSS source: [UInt8], shown: ((ScriptStrings.Literal) -> Void)? = nil) -> (Int, String)? {
        // A stylesheet's line breaks are LF, CR, FF and CR LF alike (a string ends at any): each read as
        // one LF, with the offset in `source` of each byte kept.
        var b: [UInt8] = [], origin: [Int] = []
        b.reserveCapacity(source.count)
        origin.reserveCapacity(source.count)
        for (k, c) in source.enumerated() {
            if c == 0x0D, k + 1 < source.count, source[k + 1] == 0x0A { continue }
            b.append(c == 0x0D || c == 0x0C ? 0x0A : c)
            origin.append(k)
        }
        func absolute(_ value: ArraySlice<UInt8>) -> Bool {
            // As a browser reads an address: tabs and line breaks anywhere taken out, leading controls and spaces too.
            let v = Array(value.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }.drop { $0 <= 0x20 })
                .map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            // A picture written into the sheet, except an SVG: its text and links no check reads.
            if v.starts(with: Array("data:image/".utf8)) { return v.starts(with: Array("data:image/svg".utf8)) }
            if v.starts(with: [0x2F, 0x2F]) || v.starts(with: [0x5C]) || v.starts(with: [0x2F, 0x5C]) { return true }
            // A scheme: letters, digits, `+ - .` before a colon, the first a letter.
            guard let first = v.first, (0x61...0x7A).contains(first) else { return false }
            for c in v.dropFirst() {
                if c == UInt8(ascii: ":") { return true }
                if !((0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2B || c == 0x2D || c == 0x2E) { return false }
            }
            return false
        }
        // The declaration being read: its property, its strings joined, its value outside them; and the
        // strings of every `content` of the sheet, which one element's `::before` and `::after` draw together.
        var property: [UInt8] = [], joined = ScriptStrings.Literal(), unquoted = ScriptStrings.Literal()
        var contents = ScriptStrings.Literal(), contentStrings = 0
        var strings = 0, digitString = false, letterString = false, inValue = false
        var functions: [String] = []
        func endDeclaration(selector: Bool) -> (Int, String)? {
            defer {
                property = []; joined = ScriptStrings.Literal(); unquoted = ScriptStrings.Literal()
                strings = 0; digitString = false; letterString = false; inValue = false; functions = []
            }
            // What comes before `{` is a selector or a rule's prelude (`a:hover .menu.show`): nothing drawn.
            guard !selector, let at = unquoted.offsets.first ?? joined.offsets.first else { return nil }
            let name = String(decoding: property, as: UTF8.self)
            let value = String(decoding: unquoted.bytes, as: UTF8.self).lowercased()
            let bare = value.trimmingCharacters(in: .whitespaces)
            // Text drawn in another order than written (`content: "moc.zk-voge"` right to left).
            if (name == "direction" && bare != "ltr") || (name == "unicode-bidi" && !["normal", "isolate"].contains(bare)) { return (at, name) }
            if name == "content" {
                // A counter draws its number, or letters in another style: a number beside digits written
                // out (`"+7 701 " counter(n)`), or words spelled by counters in letters (several, or beside
                // letters written out: `counter(e, lower-alpha) "gov-kz.com"`), are refused;
                // a list's or a section's numbers (`counter(h2) "." counter(h3)`, `counter(n, lower-alpha)`) are not.
                let counters = value.components(separatedBy: "counter").count - 1
                let letters = ["alpha", "latin", "greek", "cyrillic", "armenian", "georgian", "hebrew", "hiragana", "katakana", "korean"]
                if counters > 0 && digitString { return (at, "counter(") }
                if (counters > 1 || value.contains("counters(") || letterString) && letters.contains(where: value.contains) { return (at, "counter(") }
            }
            // What `content` draws, and what a custom property may hand it (`content: var(--a) var(--b)`).
            if name == "content" || name.hasPrefix("--") {
                contents.bytes += joined.bytes
                contents.offsets += joined.offsets
                contentStrings += strings
            }
            // A counter set to a long number draws it wherever `counter()` stands.
            if ["counter-reset", "counter-set", "counter-increment"].contains(name),
               value.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).contains(where: { $0.count > 2 }) {
                return (at, name)
            }
            if name == "quotes", digitString || letterString { return (at, "quotes") }
            if strings > 1 { shown?(joined) }
            if Self.drawnProperties.contains(name), unquoted.bytes.contains(where: { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0 | 0x20) }) {
                shown?(unquoted)
            }
            return nil
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "/"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "*") {
                var j = i + 2
                while j + 1 < b.count, !(b[j] == UInt8(ascii: "*") && b[j + 1] == UInt8(ascii: "/")) { j += 1 }
                i = j + 2
                continue
            }
            if c == 0x22 || c == 0x27 {
                // The string of a file's address (`url("logo@2x.png")`, `image-set("a.png" 1x)`, `src`) is
                // judged as an address, not read as text drawn.
                let ofAddress = functions.last.map(Self.addressFunctions.contains) ?? false
                var j = i + 1
                while j < b.count, b[j] != c, b[j] != 0x0A {
                    j += b[j] == 0x5C ? 2 : 1
                }
                let value = b[(i + 1)..<min(j, b.count)]
                // A string that is an address: `@import`, `url("…")`, `image-set`, `content`; read with its
                // escapes decoded, which may spell a scheme or slashes (`\2f\2f`).
                let decoded = decodingEscapes(value)
                let literal = ScriptStrings.Literal(bytes: decoded, offsets: Array(repeating: origin[i], count: decoded.count))
                let text = String(decoding: decoded, as: UTF8.self)
                // A right-to-left letter reorders the digits around it (`"־4567 123 701 8־"` shows 8 701 123 4567).
                if text.unicodeScalars.contains(where: PageInspector.isRightToLeft) { return (origin[i], "right-to-left text") }
                if !ofAddress {
                    shown?(literal)
                    joined.bytes += literal.bytes
                    joined.offsets += literal.offsets
                    strings += 1
                }
                digitString = digitString || decoded.contains { (0x30...0x39).contains($0) || $0 == 0x2B }
                letterString = letterString || text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
                if absolute(decoded[...]) {
                    return (origin[i], String(decoding: value.prefix(60), as: UTF8.self))
                }
                i = j + 1
                continue
            }
            if c == 0x5C { return (origin[i], "\\") }
            if c == UInt8(ascii: "@"), i + 13 < b.count, b[(i + 1)...(i + 13)].map({ $0 | 0x20 }) == Array("counter-style".utf8) {
                return (origin[i], "@counter-style")
            }
            if c == UInt8(ascii: ";") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
                if let lead = endDeclaration(selector: c == UInt8(ascii: "{")) { return lead }
                i += 1
                continue
            }
            if c == UInt8(ascii: ":"), !inValue {
                inValue = true
                i += 1
                continue
            }
            // The function a string stands in (`url(`, `image-set(`, `var(` …), by the name before its bracket.
            if c == UInt8(ascii: "(") {
                var k = i
                while k > 0, (0x61...0x7A).contains(b[k - 1] | 0x20) || b[k - 1] == 0x2D { k -= 1 }
                functions.append(String(decoding: b[k..<i], as: UTF8.self).lowercased())
            }
            if c == UInt8(ascii: ")"), !functions.isEmpty { functions.removeLast() }
            if !inValue, !isSpace(c) { property.append((0x41...0x5A).contains(c) ? c | 0x20 : c) }
            if c | 0x20 == UInt8(ascii: "u"), i + 3 < b.count, b[i + 1] | 0x20 == UInt8(ascii: "r"), b[i + 2] | 0x20 == UInt8(ascii: "l"),
               b[i + 3] == UInt8(ascii: "(") {
                var j = i + 4
                while j < b.count, isSpace(b[j]) { j += 1 }
                if j < b.count, b[j] == 0x22 || b[j] == 0x27 {
                    functions.append("url")  // the string is read as any other, as an address; `)` closes it
                    i = j
                    continue
                }
                var end = j
                while end < b.count, b[end] != UInt8(ascii: ")") { end += 1 }
                if absolute(decodingEscapes(b[j..<end])[...]) {
                    return (origin[i], String(decoding: b[i..<min(end + 1, b.count)].prefix(60), as: UTF8.self))
                }
                i = min(end + 1, b.count)  // its `)` closes no other function
                continue
            }
            if inValue {
                unquoted.bytes.append(c)
                unquoted.offsets.append(origin[i])
            }
            i += 1
        }
        if let lead = endDeclaration(selector: false) { return lead }
        if contentStrings > 1 { shown?(contents) }
        return nil
    }

    /// Functions whose strings are addresses of files, not text drawn.
    static let addressFunctions: Set<String> = ["url", "image-set", "-webkit-image-set", "image", "cross-fade", "src", "format", "local", "tech"]

    /// Properties whose value, quoted or not, is drawn as text (`counter-reset: n 87011234567`, a counter
    /// style's symbols).
    static let drawnProperties: Set<String> = [
        "content", "quotes", "counter-reset", "counter-set", "counter-increment", "list-style", "list-style-type",
        "string-set", "symbols", "additive-symbols", "prefix", "suffix", "pad", "negative",
    ]

    /// CSS escapes decoded: `\` and one to six hex digits (and one white space after them) is that
    /// character; `\` and a line break is nothing; `\` and any other character is that character.
    static func decodingEscapes(_ v: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var i = v.startIndex
        func hexValue(_ c: UInt8) -> UInt32? {
            switch c {
            case 0x30...0x39: return UInt32(c - 0x30)
            case 0x41...0x46: return UInt32(c - 0x41 + 10)
            case 0x61...0x66: return UInt32(c - 0x61 + 10)
            default: return nil
            }
        }
        while i < v.endIndex {
            guard v[i] == 0x5C, i + 1 < v.endIndex else {
                out.append(v[i])
                i += 1
                continue
            }
            var j = i + 1, value: UInt32 = 0
            while j < v.endIndex, j - i <= 6, let h = hexValue(v[j]) {
                value = value * 16 + h
                j += 1
            }
            if j == i + 1 {
                // An escaped line break continues a string: it is no character of it.
                if v[j] != 0x0A { out.append(v[j]) }
                i = j + 1
                continue
            }
            out += Array(String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}").utf8)
            i = j < v.endIndex && isSpace(v[j]) ? j + 1 : j
        }
        return out
    }

    /// ASCII white space as markup and stylesheets read it.
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }

    /// Where `needle` first stands in `haystack`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        find(needle, in: haystack[...], from: start)
    }

    /// The index of the first `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard start >= haystack.startIndex, needle.count <= haystack.endIndex - start else { return nil }
        for i in start...(haystack.endIndex - needle.count)
        where haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// Line and column (in characters) of a byte offset.
    static func position(of offset: Int, in b: [UInt8]) -> (Int, Int) {
        LinePositions(b).position(of: offset)
    }

    /// The line and column of byte offsets in one file, its line starts found once: a file with many
    /// findings is not read again from its start for each.
    struct LinePositions {
        let bytes: [UInt8]
        private let starts: [Int]

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        }

        func position(of offset: Int) -> (Int, Int) {
            let end = min(offset, bytes.count)
            // The last line start at or before the offset.
            var lo = 0, hi = starts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if starts[mid] <= end { lo = mid } else { hi = mid - 1 }
            }
            let column = String(decoding: bytes[starts[lo]..<end], as: UTF8.self).count + 1
            return (lo + 1, column)
        }
    }
}
