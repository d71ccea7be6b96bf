import Mustache
import SitegenCore

/// Bounds on how deep templates nest, checked before the Mustache library parses them. The library's
/// parser and both renderers go one call deeper per section and per partial: a template of thousands of
/// nested sections, or a partial that includes itself (`{{> footer}}` in `footer.mustache`), ended the
/// build with a crash instead of an error.
enum TemplateNesting {
    /// Sections (`{{#…}}`, `{{^…}}`, blocks) inside one another in one template.
    static let deepestSections = 100
    /// Partials each included by the one before.
    static let deepestPartials = 16

    /// Where, in a template's bytes, its sections first nest deeper than ``deepestSections`` (a line and
    /// column, counted as the diagnostics count them); nil when they never do. The tags are read as the
    /// library reads them, delimiters set by `{{=<% %>=}}` included; an unclosed tag ends the scan (the
    /// parser reports it).
    static func tooDeep(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
        var (open, close) = (Array("{{".utf8), Array("}}".utf8))
        var depth = 0
        var i = 0
        func starts(_ tag: [UInt8], at k: Int) -> Bool {
            k + tag.count <= bytes.count && bytes[k..<(k + tag.count)].elementsEqual(tag)
        }
        func find(_ tag: [UInt8], from k: Int) -> Int? {
            var j = k
            while j + tag.count <= bytes.count {
                if starts(tag, at: j) { return j }
                j += 1
            }
            return nil
        }
        while let start = find(open, from: i) {
            var body = start + open.count
            while body < bytes.count && (bytes[body] == 0x20 || bytes[body] == 0x09) { body += 1 }
            guard body < bytes.count else { return nil }
            let kind = bytes[body]
            // `{{{name}}}` ends at `}}}`; `{{=<% %>=}}` at `=` and the closing delimiter.
            let end: [UInt8] = kind == UInt8(ascii: "{") && open == Array("{{".utf8) ? Array("}}}".utf8)
                : kind == UInt8(ascii: "=") ? [UInt8(ascii: "=")] + close : close
            guard let stop = find(end, from: body + 1) else { return nil }
            switch kind {
            case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"):
                depth += 1
                if depth > deepestSections { return position(of: start, in: bytes) }
            case UInt8(ascii: "/"):
                depth = max(0, depth - 1)
            case UInt8(ascii: "="):
                // Parted by any white space, as the library parts them (a line break, U+3000 too); a tag it
                // cannot part is one it refuses.
                let delimiters = String(decoding: bytes[(body + 1)..<stop], as: UTF8.self).split(whereSeparator: \.isWhitespace)
                guard delimiters.count == 2 else { return nil }
                (open, close) = (Array(delimiters[0].utf8), Array(delimiters[1].utf8))
            default:
                break
            }
            i = stop + end.count
        }
        return nil
    }

    /// The line and column of the byte at `offset` (columns in characters, from 1).
    private static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var (line, lineStart) = (1, 0)
        for k in 0..<offset where bytes[k] == 0x0A { (line, lineStart) = (line + 1, k + 1) }
        return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).count + 1)
    }

    /// The partials a template names (`{{> footer}}`), in every section and block, in order; and
    /// whether it names one by a value (`{{>*lang}}`), which could be any template, itself included.
    static func partials(of template: MustacheTemplate) -> (names: [String], dynamic: Bool) {
        var names: [String] = []
        var dynamic = false
        func walk(_ template: MustacheTemplate) {
            for token in MustacheTokens.raw(template) ?? [] {
                guard let payload = Mirror(reflecting: token).children.first else { continue }
                let fields = Mirror(reflecting: payload.value).children.map(\.value)
                if payload.label == "partial", let name = fields.first as? String { names.append(name) }
                // Any other kind of partial (the library's dynamic one) names what no reading here can follow.
                if let label = payload.label, label != "partial", label.lowercased().contains("partial") { dynamic = true }
                for field in fields {
                    if let inner = field as? MustacheTemplate { walk(inner) }
                    if let blocks = field as? [String: MustacheTemplate] {
                        for name in blocks.keys.sorted() { walk(blocks[name]!) }
                    }
                }
            }
        }
        walk(template)
        return (names, dynamic)
    }

    /// The first chain of partials, from a template, that comes back to a template already on it (a
    /// loop) or is longer than ``deepestPartials``; nil when there is none. `partials` gives the names
    /// each template includes (a name no template has ends the chain: it renders nothing).
    static func endlessChain(_ partials: [String: [String]]) -> (chain: [String], loops: Bool)? {
        var done: Set<String> = []
        func visit(_ name: String, _ chain: [String]) -> (chain: [String], loops: Bool)? {
            if let first = chain.firstIndex(of: name) { return (Array(chain[first...]) + [name], true) }
            if chain.count >= deepestPartials { return (chain + [name], false) }
            guard !done.contains(name), let included = partials[name] else { return nil }
            for next in included {
                if let found = visit(next, chain + [name]) { return found }
            }
            done.insert(name)
            return nil
        }
        for name in partials.keys.sorted() {
            if let found = visit(name, []) { return found }
        }
        return nil
    }
}
