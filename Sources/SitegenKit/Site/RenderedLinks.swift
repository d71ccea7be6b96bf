import SitegenContent
import SitegenCore
import SitegenPolicy

/// The addresses a finished page leads a browser to, read from its bytes: the last look at a page,
/// as ``BulletinGuard`` is at a bulletin. The page check judges what an editor writes and
/// ``TemplateLinks`` the templates' literal markup; this reads what they make together (a template's
/// `href="{{t.help}}"` with the string it shows, an address a section or comment put together, a
/// character reference, a custom template's `{{{title}}}`), so nothing reaches a reader that the
/// policy did not judge in the form a browser follows.
///
/// Every `<` followed by a letter is read as a start tag, as a browser's tokenizer reads one, wherever
/// it stands (in a comment, a script, an attribute value): a browser's tags are among them, read the same,
/// and the others are judged too. In each tag, every attribute a browser follows or loads is an address
/// (`href`, `src`, `srcset`, `action`, `xlink:href`, `ping` …, and the `content` of a refresh, and of
/// `og:url`-like properties); `style` is read as a stylesheet (``StaticFileCheck/firstLead(inCSS:)``);
/// an event handler (`onclick`) is refused, since script belongs in `static/`; and a character
/// reference in an address other than `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` and numeric ones, decoded
/// here, is refused (`&colon;` spells a scheme).
enum RenderedLinks {
    /// What a page leads to: an address with the tag and attribute it is in, or what stops it being read.
    enum Lead: Equatable {
        case address(String, tag: String, attribute: String)
        case reference(String, tag: String, attribute: String)
        case handler(tag: String, attribute: String)
        case style(String, tag: String, attribute: String)
    }

    /// Attributes whose value is one address.
    static let addressAttributes: Set<String> = [
        "href", "xlink:href", "src", "action", "formaction", "poster", "data", "cite", "background", "manifest",
        "icon", "lowsrc", "longdesc", "dynsrc", "usemap", "codebase", "profile", "classid", "itemid",
        // The folder the site's own search script fetches the index from, and makes its results' links of.
        "data-index",
    ]
    /// Attributes whose value holds several, parted by white space and commas.
    static let listAttributes: Set<String> = ["srcset", "imagesrcset", "ping", "archive", "attributionsrc"]

    static func leads(in html: String) -> [Lead] {
        var copy = html
        return copy.withUTF8 { leads(in: $0) }
    }

    static func leads(in b: UnsafeBufferPointer<UInt8>) -> [Lead] {
        var out: [Lead] = []
        forEachLead(in: b) { out.append($0) }
        return out
    }

    /// Gives `body` each lead ``leads(in:)`` would list, in order, as it is read: a big site's search
    /// page links every page, and its leads were not to be held all at once.
    static func forEachLead(in html: String, _ body: (Lead) -> Void) {
        var copy = html
        copy.withUTF8 { forEachLead(in: $0, body) }
    }

    static func forEachLead(in b: UnsafeBufferPointer<UInt8>, _ body: (Lead) -> Void) {
        var i = ByteScan.next(0x3C, in: b, from: 0)
        while i + 1 < b.count {
            if isLetter(b[i + 1]) { readTag(b, from: i + 1, into: body) }
            i = ByteScan.next(0x3C, in: b, from: i + 1)
        }
    }

    /// Reads the start tag whose name begins at `start`, as a browser's tokenizer does from there.
    private static func readTag(_ b: UnsafeBufferPointer<UInt8>, from start: Int, into out: (Lead) -> Void) {
        var i = start
        while i < b.count, !isSpace(b[i]), b[i] != 0x2F, b[i] != 0x3E { i += 1 }
        let tag = lowercased(b, start..<i)
        // Each attribute's value where it stands in the page: copied only when it is judged, since most
        // attributes of most tags are not.
        var attributes: [(name: String, value: Range<Int>)] = []
        while i < b.count {
            while i < b.count, isSpace(b[i]) || b[i] == 0x2F { i += 1 }
            guard i < b.count, b[i] != 0x3E else { break }
            let nameStart = i
            i += 1  // a name may begin with `=`
            while i < b.count, !isSpace(b[i]), b[i] != 0x2F, b[i] != 0x3E, b[i] != 0x3D { i += 1 }
            let name = lowercased(b, nameStart..<i)
            while i < b.count, isSpace(b[i]) { i += 1 }
            guard i < b.count, b[i] == 0x3D else {
                attributes.append((name, i..<i))
                continue
            }
            i += 1
            while i < b.count, isSpace(b[i]) { i += 1 }
            var value: Range<Int>
            if i < b.count, b[i] == 0x22 || b[i] == 0x27 {
                let quote = b[i]
                var end = i + 1
                while end < b.count, b[end] != quote { end += 1 }
                value = (i + 1)..<end
                i = min(end + 1, b.count)
            } else {
                var end = i
                while end < b.count, !isSpace(b[end]), b[end] != 0x3E { end += 1 }
                value = i..<end
                i = end
            }
            attributes.append((name, value))
        }
        // Values as a browser reads them: references decoded (`http-equiv="&#114;efresh"` is a refresh).
        // Copied out, once, for a tag with a reference in a value and for a `<meta>` (whose other
        // attributes say what its `content` is); any other tag's values are read where they stand.
        let copied = tag == "meta" || attributes.contains(where: { b[$0.value].contains(0x26) }) ? values(of: attributes, in: b) : nil
        for (index, (name, range)) in attributes.enumerated() {
            if name.hasPrefix("on") && name.count > 2 {
                out(.handler(tag: tag, attribute: name))
                continue
            }
            // Anything a stylesheet reads: `style`, and SVG's `fill`, `mask`, `filter`, `cursor` … with `url(`,
            // or with a `(` and a CSS escape (`u\rl(`, `\75 rl(` are `url(` to CSS).
            var styled = name == "style"
            if !styled, copied.map({ $0[index].value.contains(0x28) }) ?? b[range].contains(0x28) {
                let value = copied?[index].value ?? Array(b[range])
                let lower = value.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                styled = value.contains(0x5C) || ["url(", "image-set(", "image("].contains { StaticFileCheck.find(Array($0.utf8), in: lower) != nil }
            }
            let animated: Bool
            switch name {
            case "to", "from", "by", "values": animated = true
            default: animated = false
            }
            // A `<meta>`'s `content` whose references cannot be decoded is judged (and refused as such): what
            // it is written as (`https&colon;//…`) is not what a preview reads.
            let judged = addressAttributes.contains(name) || listAttributes.contains(name) || styled || animated || name == "srcdoc"
                || (name == "content" && tag == "meta" && (copied.map(isAddressMeta) == true || CharacterReferences.decoded(Array(b[range])) == nil))
            guard judged else { continue }
            let raw = Array(b[range])
            guard let value = CharacterReferences.decoded(raw) else {
                out(.reference(String(decoding: raw, as: UTF8.self), tag: tag, attribute: name))
                continue
            }
            if styled, let (_, what) = StaticFileCheck.firstLead(inCSS: value) { out(.style(what, tag: tag, attribute: name)) }
            if name == "srcdoc" {
                // A frame's whole document, markup once its references are decoded: read as a page. Its
                // tags as written are read already (every `<` of the page is), so only a value that
                // decoding changed is read again: a frame in a frame in a frame … is read once, not
                // twice per level.
                guard value != raw else { continue }
                value.withUnsafeBufferPointer { forEachLead(in: $0, out) }
            } else if name == "content" {
                let refresh = isRefresh(copied ?? values(of: attributes, in: b))
                for address in refreshAddresses(value, refresh: refresh) { out(.address(address, tag: tag, attribute: name)) }
            } else if listAttributes.contains(name) || animated {
                // An animation may set `href` (`<set attributeName="href" to="…">`); `values` are parted by `;`.
                for piece in value.split(whereSeparator: { isSpace($0) || $0 == 0x2C || $0 == 0x3B }) where !piece.isEmpty {
                    out(.address(String(decoding: piece, as: UTF8.self), tag: tag, attribute: name))
                }
            } else if addressAttributes.contains(name) {
                out(.address(String(decoding: trimmed(value), as: UTF8.self), tag: tag, attribute: name))
            }
        }
        // A style sheet's text, up to its end tag, read as a stylesheet file is; and read again as the
        // text of an SVG's `<style>`, which a browser parses as markup first (comments and tags in it
        // dropped, references decoded: `u<!-- -->rl(`, `u&#114;l(` are `url(` there).
        if tag == "style", let end = endOfRawText(b, from: i, name: "</style") {
            let sheet = Array(b[min(i + 1, end)..<end])
            let asMarkup = withoutMarkup(sheet)
            if let (_, what) = StaticFileCheck.firstLead(inCSS: sheet) {
                out(.style(what, tag: tag, attribute: "<style>"))
            } else if let decoded = CharacterReferences.decoded(asMarkup) {
                if decoded != sheet, let (_, what) = StaticFileCheck.firstLead(inCSS: decoded) { out(.style(what, tag: tag, attribute: "<style>")) }
            } else {
                // Named as the reference that cannot be decoded (`&sol;&sol;evil…` is `//evil…` there), not
                // as the whole sheet.
                let at = asMarkup.indices.first {
                    asMarkup[$0] == 0x26 && CharacterReferences.decoded(Array(asMarkup[$0..<min($0 + 12, asMarkup.count)])) == nil
                } ?? 0
                out(.reference(String(decoding: asMarkup[at..<min(at + 40, asMarkup.count)], as: UTF8.self), tag: tag, attribute: "<style>"))
            }
        }
    }

    /// Each attribute's name and value, copied out of the page with its references decoded (a value
    /// without an `&` is as written).
    private static func values(of attributes: [(name: String, value: Range<Int>)], in b: UnsafeBufferPointer<UInt8>)
        -> [(name: String, value: [UInt8])] {
        attributes.map { a in
            let raw = Array(b[a.value])
            return (name: a.name, value: CharacterReferences.decoded(raw) ?? raw)
        }
    }

    /// Where the raw text after a tag ends: the start of its end tag (`</style`, any case, then white
    /// space, `/`, `>` or the end, as a browser ends it: `</styleX>` ends nothing), or the end.
    static func endOfRawText(_ b: UnsafeBufferPointer<UInt8>, from: Int, name: String) -> Int? {
        let needle = Array(name.utf8)
        var j = from
        while j + needle.count <= b.count {
            if b[j] == 0x3C, zip(needle, b[j..<(j + needle.count)]).allSatisfy({ $0 == (($1 >= 0x41 && $1 <= 0x5A) ? $1 | 0x20 : $1) }) {
                let after = j + needle.count
                if after == b.count || isSpace(b[after]) || b[after] == 0x2F || b[after] == 0x3E { return j }
            }
            j += 1
        }
        return b.count
    }

    /// Text with its comments (`<!-- … -->`) and tags taken out, as the text of an element a browser
    /// parses as markup.
    static func withoutMarkup(_ v: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = 0
        while i < v.count {
            if v[i] == 0x3C, i + 3 < v.count, v[i + 1] == 0x21, v[i + 2] == 0x2D, v[i + 3] == 0x2D {
                var j = i + 4
                while j + 2 < v.count, !(v[j] == 0x2D && v[j + 1] == 0x2D && v[j + 2] == 0x3E) { j += 1 }
                i = min(j + 3, v.count)
            } else if v[i] == 0x3C, i + 1 < v.count, isLetter(v[i + 1]) || v[i + 1] == 0x2F || v[i + 1] == 0x21 || v[i + 1] == 0x3F {
                var j = i + 1
                while j < v.count, v[j] != 0x3E { j += 1 }
                i = min(j + 1, v.count)
            } else {
                out.append(v[i])
                i += 1
            }
        }
        return out
    }

    /// A `<meta>` whose `content` is an address a browser or a preview follows: a refresh, a property
    /// naming one (`og:url`, `og:image`, `twitter:image`), or any whose value is written as an address
    /// (`og:see_also`, `al:web:url`, an app banner's: `https:…`, `//…`), which previews and apps open.
    private static func isAddressMeta(_ attributes: [(name: String, value: [UInt8])]) -> Bool {
        if isRefresh(attributes) { return true }
        if let content = attributes.first(where: { $0.name == "content" }) {
            // Tabs and line breaks anywhere taken out, as an address parser does (`h&#9;ttps:`).
            let lower = trimmed(content.value.filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            if ["http:", "https:", "//", "/\\", "\\"].contains(where: { lower.starts(with: Array($0.utf8)) }) { return true }
        }
        return attributes.contains { a in
            (a.name == "property" || a.name == "name" || a.name == "itemprop")
                && ["url", "image", "video", "audio"].contains { String(decoding: a.value, as: UTF8.self).lowercased().hasSuffix($0) }
        }
    }

    private static func isRefresh(_ attributes: [(name: String, value: [UInt8])]) -> Bool {
        attributes.contains { $0.name == "http-equiv" && String(decoding: trimmed($0.value), as: UTF8.self).lowercased() == "refresh" }
    }

    /// The address of a refresh's `content` (`5; url='/kk/'`), read as a browser reads it: after the
    /// seconds and a `;` or `,`, with or without `url=` and quotes; none when it names none. A quoted
    /// address is read every way a browser may end it (at the first quote after it, at the last, or
    /// not at all: Chrome reads `'https://egov.kz'@evil.example/'` to the last, a host after `@`). Any
    /// other `content` named as an address is that address.
    private static func refreshAddresses(_ v: [UInt8], refresh: Bool) -> [String] {
        guard refresh else { return [String(decoding: trimmed(v), as: UTF8.self)] }
        var i = 0
        while i < v.count, isSpace(v[i]) { i += 1 }
        while i < v.count, (0x30...0x39).contains(v[i]) || v[i] == 0x2E { i += 1 }
        while i < v.count, isSpace(v[i]) { i += 1 }
        guard i < v.count else { return [] }
        if v[i] == 0x3B || v[i] == 0x2C { i += 1 }
        while i < v.count, isSpace(v[i]) { i += 1 }
        var rest = Array(v[i...])
        let lower = rest.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        if lower.starts(with: Array("url".utf8)) {
            var j = 3
            while j < rest.count, isSpace(rest[j]) { j += 1 }
            if j < rest.count, rest[j] == 0x3D {
                j += 1
                while j < rest.count, isSpace(rest[j]) { j += 1 }
                rest = Array(rest[j...])
            }
        }
        guard let q = rest.first, q == 0x22 || q == 0x27 else { return [String(decoding: trimmed(rest), as: UTF8.self)] }
        let quoted = Array(rest.dropFirst())
        let readings = [Array(quoted.prefix { $0 != q }), quoted.lastIndex(of: q).map { Array(quoted[..<$0]) } ?? quoted, quoted]
        var out: [String] = []
        for reading in readings {
            let address = String(decoding: trimmed(reading), as: UTF8.self)
            if !out.contains(address) { out.append(address) }
        }
        return out
    }

    private static func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    /// ASCII white space and controls taken off both ends, as a browser does before it parses an address.
    private static func trimmed(_ v: [UInt8]) -> ArraySlice<UInt8> {
        var s = v[...]
        while let c = s.first, c <= 0x20 { s = s.dropFirst() }
        while let c = s.last, c <= 0x20 { s = s.dropLast() }
        return s
    }

    /// A tag's or attribute's name in ASCII lower case, made straight into the String: every tag of
    /// every page has one.
    private static func lowercased(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        let ascii = String(unsafeUninitializedCapacity: r.count) { out in
            for (k, c) in b[r].enumerated() {
                // A byte of another script ends the fast way: the whole name is decoded as before.
                guard c < 0x80 else { return 0 }
                out[k] = (0x41...0x5A).contains(c) ? c | 0x20 : c
            }
            return r.count
        }
        if ascii.utf8.count == r.count { return ascii }
        return String(decoding: b[r].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// The last look at a finished page (``RenderedLinks``): each address judged by the link policy, each
/// refusal a `page.link` error where what it names is written (a template's line, an interface
/// string), else of the page's file (or of the template of a page the build makes).
///
/// A class: its closures over each lead and piece of a page would otherwise copy every judge it holds,
/// retaining each of their references, once a lead.
final class PageLinkGuard: Sendable {
    let judge: SiteAddressJudge
    /// The templates' text, searched for what a refusal names.
    let templates: [(file: String, bytes: [UInt8])]
    /// The interface strings, searched too.
    let strings: [(file: String, value: Located<String>)]

    /// Reads the words of what templates put around a page's own text, as a bulletin's are read.
    private let words: BulletinGuard

    init(judge: SiteAddressJudge, templates: [(file: String, bytes: [UInt8])] = [], strings: Strings? = nil) {
        self.judge = judge
        words = BulletinGuard(inspector: judge.inspector, baseURL: judge.baseURL)
        self.templates = templates
        var located: [(file: String, value: Located<String>)] = []
        for (lang, values) in (strings?.located ?? [:]).sorted(by: { $0.key < $1.key }) {
            for (_, value) in values.sorted(by: { $0.key < $1.key }) { located.append(("i18n/\(lang).yml", value)) }
        }
        self.strings = located
    }

    /// `body`: the page's own text as the template wrote it in whole (`{{{content}}}`), whose words were
    /// judged where they are written, warnings and all; what stands around it is read for words here.
    func diagnostics(_ html: String, file: String, body: String? = nil) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var said = Set<String>()
        func error(_ id: String, _ arguments: [String: String], written: String) {
            let (at, line, column) = place(of: written) ?? (file, 1, 1)
            let d = Diagnostic.error("page.link", id: id, arguments, file: at, line: line, column: column)
            if said.insert(d.message).inserted { out.append(d) }
        }
        RenderedLinks.forEachLead(in: html) { lead in
            switch lead {
            case .address(let address, let tag, let attribute):
                for f in judge.judge(address) {
                    error("page.link", ["what": address, "tag": tag, "attribute": attribute, "code": f.code]
                        .merging(MessageCatalog.detail(f.messageID, f.arguments)) { a, _ in a }, written: address)
                }
            case .reference(let value, let tag, let attribute):
                error("page.link.reference", ["what": value, "tag": tag, "attribute": attribute], written: value)
            case .handler(let tag, let attribute):
                error("page.link.handler", ["tag": tag, "attribute": attribute], written: attribute + "=")
            case .style(let what, let tag, let attribute):
                error("page.link.style", ["what": what, "tag": tag, "attribute": attribute], written: what)
            }
        }
        // Numbers a reader's app acts on, and addresses, handles and names, in what the page shows, as a
        // template put it together (`{{t.a}}{{t.b}}` of `Сайт evil.` and `com`). The page's own text was
        // judged where it is written; this reads what joins it.
        var copy = html
        copy.withUTF8 { bytes in
            PageTexts.forEachPiece(in: bytes, where: PhoneNumbers.mayHold(utf8:)) { piece in
                for (f, number) in judge.inspector.numberFindings(piece.text) {
                    error("page.link.number", ["what": PageInspector.shownAsOneLine(number), "tag": piece.tag, "code": f.code]
                        .merging(MessageCatalog.detail(f.messageID, f.arguments)) { a, _ in a }, written: number)
                }
            }
        }
        var chrome = Self.leavingOut(body, of: html)
        chrome.withUTF8 { bytes in
            PageTexts.forEachPiece(in: bytes) { piece in
                for (what, f) in words.findings(inText: piece.text, namedFakes: piece.namedFakes)
                where f.code != "text.phone" && f.code != "text.card" {
                    error("page.link.text", ["what": what, "tag": piece.tag, "code": f.code]
                        .merging(MessageCatalog.detail(f.messageID, f.arguments)) { a, _ in a }, written: what)
                }
            }
        }
        return out
    }

    /// `html` with the first `body` in it made an empty block; `html` when it holds none.
    static func leavingOut(_ body: String?, of html: String) -> String {
        guard let body, !body.isEmpty else { return html }
        let (h, b) = (Array(html.utf8), Array(body.utf8))
        guard let at = StaticFileCheck.find(b, in: h) else { return html }
        return String(decoding: h[..<at], as: UTF8.self) + "<div></div>" + String(decoding: h[(at + b.count)...], as: UTF8.self)
    }

    /// Where `written` stands in a template (the first), else in an interface string, when it is
    /// written there whole; nil when a template put it together from pieces.
    private func place(of written: String) -> (String, Int, Int)? {
        let needle = Array(written.utf8)
        guard !needle.isEmpty else { return nil }
        for (file, bytes) in templates {
            if let at = StaticFileCheck.find(needle, in: bytes) {
                let (line, column) = StaticFileCheck.position(of: at, in: bytes)
                return (file, line, column)
            }
        }
        // An interface string is told by its value; its line and column are where the value starts.
        return strings.first { $0.value.value.contains(written) }.map { ($0.file, $0.value.line, $0.value.column) }
    }
}

/// A page the build makes itself (the language chooser, a 404 or search page) that would lead to what
/// the link policy refuses: the build publishes nothing.
struct PageLinkRefusal: Error {
    var diagnostics: [Diagnostic]
}
