/// The ids a page's template writes in its own markup (`<nav id="contents">`), its partials'
/// (`{{> header}}`) included: no heading may take one, or the page would hold the id twice and a link
/// to it would reach the first; and a link may name the ones every page of the template shows.
///
/// Read from the template's literal markup, with every `{{…}}` tag masked: an id in a start tag only
/// (the first of a tag's ids), not one written in a comment, in text, or inside an element whose
/// content is text or not part of the page (`script`, `textarea`, `template`, `noscript` …); an id
/// made by a tag (`id="{{x}}"`) is the pipeline's and is left out.
struct TemplateIDs: Equatable, Sendable {
    /// Every id the template may write, shown or not: no heading takes one.
    var reserved: [String] = []
    /// The ids on every page the template makes, which a link may name: those shown for sure (see
    /// ``scan(_:top:)``), ASCII (a browser matches an id by its exact characters, where the check of
    /// links compares canonically), with no character reference. None in a template that changes its
    /// tags' delimiters (`{{=<% %>=}}`), whose tags cannot be told from its text.
    var targets: [String] = []

    init(reserved: [String] = [], targets: [String] = []) {
        self.reserved = reserved
        self.targets = targets
    }

    /// The ids of the template `name` among the site's templates (file `templates/<name>.mustache`).
    init(template name: String, sources: [(file: String, bytes: [UInt8])]) {
        let byName = Dictionary(sources.map { (String($0.file.dropFirst("templates/".count).dropLast(".mustache".count)), $0.bytes) },
                                uniquingKeysWith: { a, _ in a })
        var reserved: Set<String> = [], targets: Set<String> = []
        // Each template once, and once shown always if it is taken in anywhere outside a section.
        var read: [String: Bool] = [:]
        // Parents read as parents (their own blocks), each once however many overrides name it.
        var parents: [String: Scan] = [:]
        func parent(_ name: String) -> Scan? {
            if let known = parents[name] { return known }
            let scan = byName[name].map { Self.scan($0, top: false) }
            parents[name] = scan
            return scan
        }
        var queue: [(name: String, conditional: Bool)] = [(name, false)]
        while let (next, conditional) = queue.popLast() {
            guard let bytes = byName[next], read[next].map({ $0 && !conditional }) ?? true else { continue }
            read[next] = conditional
            let scan = Self.scan(bytes, top: next == name)
            for id in scan.ids {
                reserved.insert(id.value)
                // A block overriding a parent's is shown where the parent shows that block for sure,
                // and the parent is no other template's child (whose own parent could override it).
                let shown = id.override.map { name, block in
                    parent(name).map { $0.blocks[block] == true && !$0.hasParent } ?? false
                } ?? true
                if !conditional && !id.conditional && shown && !scan.delimitersChanged && id.value.utf8.allSatisfy({ $0 < 0x80 })
                    && !id.value.contains("&") {
                    targets.insert(id.value)
                }
            }
            for partial in scan.partials { queue.append((partial.name, conditional || partial.conditional || scan.delimitersChanged)) }
        }
        self.reserved = reserved.sorted()
        self.targets = targets.sorted()
    }

    /// What one template's bytes say: its ids, the partials it takes in, each with whether it may not
    /// be shown, and whether it changes its delimiters.
    struct Scan {
        /// Each id, whether it may not be shown, and for one in a block overriding a parent's, which.
        var ids: [(value: String, conditional: Bool, override: (parent: String, block: String)?)] = []
        var partials: [(name: String, conditional: Bool)] = []
        var delimitersChanged = false
        /// The template's own blocks (not inside a `{{< parent}}`), by name: whether each stands where it is shown for sure.
        var blocks: [String: Bool] = [:]
        /// Whether the template takes a parent (`{{< parent}}`).
        var hasParent = false
    }

    /// The bytes that open and close a tag: `{{` and `}}` until a template sets others (`{{=<% %>=}}`).
    struct Delimiters {
        var start: [UInt8]
        var end: [UInt8]

        static let standard = Delimiters(start: Array("{{".utf8), end: Array("}}".utf8))

        init(start: [UInt8], end: [UInt8]) {
            self.start = start
            self.end = end
        }

        /// The delimiters a set-delimiter tag's content (`=<% %>=`) names, nil when it names no two.
        init?(setting inner: ArraySlice<UInt8>) {
            guard inner.count >= 2, inner.last == 0x3D else { return nil }
            let words = inner.dropFirst().dropLast().split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            guard words.count == 2 else { return nil }
            self.init(start: Array(words[0]), end: Array(words[1]))
        }
    }

    /// Reads a template: `top` for the one a page is rendered with, whose blocks (`{{$x}}`) no other
    /// template overrides.
    ///
    /// What is shown for sure: text outside `{{#…}}` and `{{^…}}` sections; inside `{{< parent}}`, only
    /// its blocks (the rest is dropped), as sure as where the parent is taken in; a block of the top
    /// template as sure as where it stands; a block of a partial or a parent may be overridden.
    static func scan(_ bytes: [UInt8], top: Bool = true) -> Scan {
        var scan = Scan()
        // The markup with each tag masked by one NUL (a comment tag by nothing: it renders nothing),
        // and for each byte kept whether it is shown for sure.
        var masked: [UInt8] = []
        var sure: [Bool] = []
        var overrides: [Int] = []
        var blocksOverriding: [(parent: String, block: String)] = []
        masked.reserveCapacity(bytes.count)
        sure.reserveCapacity(bytes.count)
        overrides.reserveCapacity(bytes.count)
        // Open tags: their sigil and name, whether what they hold is shown for sure, the block of a
        // parent they override (an index into `blocksOverriding`, -1 for none), and the delimiters
        // outside them: Mustache reads a section with a copy of the delimiters, so one set inside it
        // ends with it.
        var open: [(sigil: UInt8, name: String, sure: Bool, override: Int, delimiters: Delimiters)] = []
        var delimiters = Delimiters.standard
        var i = 0
        while i < bytes.count {
            let here = open.last?.sure ?? true
            let overriding = open.last?.override ?? -1
            guard bytes[i...].starts(with: delimiters.start) else {
                masked.append(bytes[i])
                sure.append(here)
                overrides.append(overriding)
                i += 1
                continue
            }
            var end = i + delimiters.start.count
            while end < bytes.count && !bytes[end...].starts(with: delimiters.end) { end += 1 }
            let inner = bytes[min(i + delimiters.start.count, end)..<end]
            let sigil = inner.first ?? 0
            // `{{{name}}}`: the name, the end delimiter, then one more brace.
            var close = min(bytes.count, end + delimiters.end.count)
            if sigil == 0x7B && close < bytes.count && bytes[close] == 0x7D { close += 1 }
            // Mustache allows any white space, line breaks too, between the sigil and the name.
            func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
            let name = String(decoding: inner.dropFirst().drop(while: isBlank).prefix { !isBlank($0) }, as: UTF8.self)
            switch sigil {
            case 0x23, 0x5E: open.append((sigil, name, false, overriding, delimiters))   // {{#x}} {{^x}}
            case 0x3C:                                                   // {{< parent}}
                if !name.isEmpty && !name.hasPrefix("*") { scan.partials.append((name, !here)) }
                scan.hasParent = true
                open.append((sigil, name, false, overriding, delimiters))
            case 0x24:                                                   // {{$ block}}
                if let parent = open.last, parent.sigil == 0x3C {
                    // Overriding the parent's block: shown as the parent shows it, if this is the top template.
                    blocksOverriding.append((parent.name, name))
                    let outer = open.dropLast().last?.sure ?? true
                    open.append((sigil, name, top && outer, blocksOverriding.count - 1, delimiters))
                } else {
                    if open.allSatisfy({ $0.sigil != 0x3C }) { scan.blocks[name] = here }
                    open.append((sigil, name, top && here, overriding, delimiters))
                }
            case 0x2F: if let closed = open.popLast() { delimiters = closed.delimiters }   // {{/x}}
            case 0x3E:                                                   // {{> partial}}
                if !name.isEmpty && !name.hasPrefix("*") { scan.partials.append((name, !here)) }
            case 0x3D:                                                   // {{=<% %>=}}
                scan.delimitersChanged = true
                if let set = Delimiters(setting: inner) { delimiters = set }
            default: break
            }
            if sigil != 0x21 {                                           // {{! comment}}
                masked.append(0)
                sure.append(here)
                overrides.append(overriding)
            }
            i = close
        }
        scan.ids = startTagIDs(masked).map { id in
            (id.value, !sure[id.offset], overrides[id.offset] < 0 ? nil : blocksOverriding[overrides[id.offset]])
        }
        return scan
    }

    /// The values of `id` attributes in the start tags of markup, with their offsets: not in a
    /// comment, in text, or in the raw text of a script or style. A value holding a masked tag is left out.
    static let rawText: Set<String> = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
                                       "noscript", "template", "plaintext"]

    static func startTagIDs(_ b: [UInt8]) -> [(value: String, offset: Int)] {
        var out: [(value: String, offset: Int)] = []
        func isLetter(_ c: UInt8) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        func find(_ needle: [UInt8], from start: Int) -> Int {
            var j = start
            while j + needle.count <= b.count {
                if b[j..<(j + needle.count)].elementsEqual(needle, by: { ($0 | 0x20) == ($1 | 0x20) }) { return j }
                j += 1
            }
            return b.count
        }
        var i = 0
        while i < b.count {
            guard b[i] == 0x3C, i + 1 < b.count else { i += 1; continue }
            if b[i + 1] == 0x21 {                       // <!-- … --> (also <!--> and <!--->) and <!…>
                if b[i...].starts(with: Array("<!--".utf8)) {
                    let rest = b[(i + 4)...]
                    i = rest.starts(with: [0x3E]) ? i + 5 : rest.starts(with: [0x2D, 0x3E]) ? i + 6 : find(Array("-->".utf8), from: i + 4) + 3
                } else {
                    i = find([0x3E], from: i) + 1
                }
                continue
            }
            guard isLetter(b[i + 1]) else { i += 1; continue }
            var j = i + 1
            while j < b.count && !isSpace(b[j]) && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
            let tag = String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()
            // Attributes up to the tag's end; of two ids, the first is the element's.
            var found = false
            while j < b.count && b[j] != 0x3E {
                if isSpace(b[j]) || b[j] == 0x2F { j += 1; continue }
                let nameStart = j
                while j < b.count && !isSpace(b[j]) && b[j] != 0x3D && b[j] != 0x3E && b[j] != 0x2F { j += 1 }
                let name = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
                while j < b.count && isSpace(b[j]) { j += 1 }
                guard j < b.count, b[j] == 0x3D else { continue }
                j += 1
                while j < b.count && isSpace(b[j]) { j += 1 }
                var valueStart = j, valueEnd = j
                if j < b.count && (b[j] == 0x22 || b[j] == 0x27) {
                    let quote = b[j]
                    valueStart = j + 1
                    valueEnd = valueStart
                    while valueEnd < b.count && b[valueEnd] != quote { valueEnd += 1 }
                    j = min(b.count, valueEnd + 1)
                } else {
                    while valueEnd < b.count && !isSpace(b[valueEnd]) && b[valueEnd] != 0x3E { valueEnd += 1 }
                    j = valueEnd
                }
                let value = b[valueStart..<valueEnd]
                if name == "id", !found {
                    found = true
                    if !value.isEmpty, !value.contains(0) { out.append((String(decoding: value, as: UTF8.self), valueStart)) }
                }
            }
            i = j + 1
            // Elements whose content is text, or is not in the document: no id inside is an element's.
            if rawText.contains(tag) { i = find(Array("</\(tag)".utf8), from: i) }
        }
        return out
    }
}
