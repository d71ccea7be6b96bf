import Mustache

/// The ids a page's template writes in its own markup (`<nav id="contents">`), its partials'
/// (`{{> header}}`) included: no heading may take one, or the page would hold the id twice and a link
/// to it would reach the first; and a link may name the ones every page of the template shows.
///
/// Read from the library's own parse of the template (what is a tag, where a comment ends, which
/// delimiters are set: exactly as swift-mustache reads it, by whole characters), its text kept and every
/// tag masked: an id in a start tag only
/// (the first of a tag's ids), not one written in a comment, in text, or inside an element whose
/// content is text or not part of the page (`script`, `textarea`, `template`, `noscript` …); an id
/// made by a tag (`id="{{x}}"`) is the pipeline's and is left out.
struct TemplateIDs: Equatable, Sendable {
    /// Every id the template may write, shown or not: no heading takes one.
    var reserved: [String] = []
    /// The ids on every page the template makes, which a link may name: those shown for sure (see
    /// ``scan(_:top:)``), ASCII (a browser matches an id by its exact characters, where the check of
    /// links compares canonically), with no character reference.
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
                if !conditional && !id.conditional && shown && id.value.utf8.allSatisfy({ $0 < 0x80 })
                    && !id.value.contains("&") {
                    targets.insert(id.value)
                }
            }
            for partial in scan.partials { queue.append((partial.name, conditional || partial.conditional)) }
        }
        self.reserved = reserved.sorted()
        self.targets = targets.sorted()
    }

    /// What one template says: its ids and the partials it takes in, each with whether it may not be shown.
    struct Scan {
        /// Each id, whether it may not be shown, and for one in a block overriding a parent's, which.
        var ids: [(value: String, conditional: Bool, override: (parent: String, block: String)?)] = []
        var partials: [(name: String, conditional: Bool)] = []
        /// The template's own blocks (not inside a `{{< parent}}`), by name: whether each stands where it is shown for sure.
        var blocks: [String: Bool] = [:]
        /// Whether the template takes a parent (`{{< parent}}`).
        var hasParent = false
    }

    /// Reads a template: `top` for the one a page is rendered with, whose blocks (`{{$x}}`) no other
    /// template overrides. A template the library cannot parse says nothing (the build stops on it).
    ///
    /// What is shown for sure: text outside `{{#…}}` and `{{^…}}` sections; of `{{< parent}}`, only the
    /// blocks overriding the parent's (the library drops the rest), as sure as where the parent is taken
    /// in; a block of the top template as sure as where it stands; a block of a partial or a parent may
    /// be overridden.
    static func scan(_ bytes: [UInt8], top: Bool = true) -> Scan {
        guard let template = try? MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)) else { return Scan() }
        var scan = Scan()
        // The rendered text with each tag masked by one NUL (a comment is no token: it renders nothing),
        // and for each byte whether it is shown for sure, and the parent's block it overrides (an index
        // into `blocksOverriding`, -1 for none).
        var masked: [UInt8] = []
        var sure: [Bool] = []
        var overrides: [Int] = []
        var blocksOverriding: [(parent: String, block: String)] = []
        func emit(_ bytes: some Sequence<UInt8>, _ here: Bool, _ overriding: Int) {
            for byte in bytes {
                masked.append(byte)
                sure.append(here)
                overrides.append(overriding)
            }
        }
        func walk(_ tokens: [MustacheTokens.Token], here: Bool, overriding: Int, inParent: Bool) {
            for token in tokens {
                switch token {
                case .text(let text):
                    emit(text.utf8, here, overriding)
                case .tag:
                    emit([0], here, overriding)
                case .section(let inner):
                    emit([0], here, overriding)
                    walk(inner, here: false, overriding: overriding, inParent: inParent)
                    emit([0], here, overriding)
                case .block(let name, let inner):
                    if !inParent { scan.blocks[name] = here }
                    emit([0], here, overriding)
                    walk(inner, here: top && here, overriding: overriding, inParent: inParent)
                    emit([0], here, overriding)
                case .partial(let name, let inherits):
                    if let name { scan.partials.append((name, !here)) }
                    emit([0], here, overriding)
                    guard let inherits else { continue }
                    scan.hasParent = true
                    // Overriding the parent's blocks: shown as the parent shows them, if this is the top template.
                    for (block, inner) in inherits {
                        guard let name else {
                            walk(inner, here: false, overriding: overriding, inParent: true)
                            continue
                        }
                        blocksOverriding.append((name, block))
                        walk(inner, here: top && here, overriding: blocksOverriding.count - 1, inParent: true)
                        emit([0], here, overriding)
                    }
                }
            }
        }
        walk(MustacheTokens.tokens(of: template), here: true, overriding: -1, inParent: false)
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
