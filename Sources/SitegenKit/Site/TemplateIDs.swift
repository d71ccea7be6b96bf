import Mustache

/// The ids the site's templates may write in their own markup (`<nav id="contents">`): no heading takes
/// one, or the page would hold the id twice and a link to it would reach the first.
///
/// Kept from headings generously, as what the markup may write rather than what a browser would make of
/// it: every `id` attribute in any template (a page takes in partials by name, even by a name its data
/// gives), in comments, sections, scripts and text alike; with character references decoded
/// (`d&#117;p` is `dup`) and Mustache tags taken out of the value (`dup{{nothing}}` may be `dup`), with
/// the delimiters the template sets as the library reads them. An id a tag makes whole (`id="{{x}}"`)
/// is the pipeline's.
///
/// A link may not name one (it must reach an id the page renders for sure, ``PageAnchors``): whether
/// every page of a template shows an element depends on how a browser reads markup around Mustache
/// sections, partials, parents and their data, which the template alone does not prove.
struct TemplateIDs: Equatable, Sendable {
    /// Every id a template may write, sorted.
    var reserved: [String] = []

    init(reserved: [String] = []) {
        self.reserved = reserved
    }

    /// The ids the site's templates (`templates/*.mustache`, files and bytes) may write.
    init(sources: [(file: String, bytes: [UInt8])]) {
        var found = Set<String>()
        for source in sources {
            found.formUnion(Self.values(in: source.bytes))
            // Tags as the library reads them, delimiters set included, taken out of the markup.
            if let template = try? MustacheTemplate(string: String(decoding: source.bytes, as: UTF8.self)) {
                found.formUnion(Self.values(in: MustacheTokens.literalText(of: template)))
            }
        }
        reserved = found.sorted()
    }

    /// The value of every `id` attribute in markup, wherever it stands, as written and with `{{…}}`
    /// taken out, character references decoded.
    static func values(in b: [UInt8]) -> Set<String> {
        func isNameByte(_ c: UInt8) -> Bool {
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E
        }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }
        var out = Set<String>()
        var i = 0
        while i + 1 < b.count {
            defer { i += 1 }
            guard b[i] | 0x20 == 0x69, b[i + 1] | 0x20 == 0x64, i == 0 || !isNameByte(b[i - 1]) else { continue }
            var j = i + 2
            while j < b.count && isSpace(b[j]) { j += 1 }
            guard j < b.count, b[j] == 0x3D else { continue }
            j += 1
            while j < b.count && isSpace(b[j]) { j += 1 }
            var end = j
            if j < b.count && (b[j] == 0x22 || b[j] == 0x27) {
                let quote = b[j]
                j += 1
                end = j
                while end < b.count && b[end] != quote { end += 1 }
            } else {
                while end < b.count && !isSpace(b[end]) && b[end] != 0x3E { end += 1 }
            }
            let value = Array(b[j..<end])
            for variant in [value, withoutTags(value)] {
                // No named reference but the five of XML is an ASCII letter, digit or hyphen, a heading id's characters.
                let decoded = String(decoding: CharacterReferences.decoded(variant, keepingOtherNames: true) ?? variant, as: UTF8.self)
                if !decoded.isEmpty { out.insert(decoded) }
            }
        }
        return out
    }

    /// A value with each `{{…}}` (and `{{{…}}}`) taken out.
    static func withoutTags(_ v: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < v.count {
            guard i + 1 < v.count, v[i] == 0x7B, v[i + 1] == 0x7B else {
                out.append(v[i])
                i += 1
                continue
            }
            var end = i + 2
            while end + 1 < v.count && !(v[end] == 0x7D && v[end + 1] == 0x7D) { end += 1 }
            i = end + 2
            if i < v.count && v[i] == 0x7D { i += 1 }
        }
        return out
    }
}
