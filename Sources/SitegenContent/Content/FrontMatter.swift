import Foundation
import SitegenCore
import Yams

/// The YAML header of a page. Keys mean what they mean in Hugo.
package struct FrontMatter: Sendable {
    package var title: String = ""
    package var description: String?
    /// `YYYY-MM-DD` or a full RFC 3339 timestamp, as written.
    package var date: String?
    package var lastmod: String?
    package var draft = false
    package var slug: String?
    package var weight: Int = 0
    package var translationKey: String?
    /// Where the `slug` value is, to point at it when it clashes.
    package var slugPosition: (line: Int, column: Int)?
    /// `bulletin: false` keeps a page out of the bulletins.
    package var bulletin = true

    /// The page's kind of material: `guide` makes its first ordered list the steps.
    package var kind: String? {
        get { details?.fields.kind }
        set { modifyDetails { $0.kind = newValue } }
    }
    /// A fact check's verdict, published as schema.org ClaimReview.
    package var claimReview: ClaimReview? {
        get { details?.fields.claimReview }
        set { modifyDetails { $0.claimReview = newValue } }
    }
    /// The title and description with where their text starts, for checks of what readers see.
    package var titleValue: Located<String>? {
        get { details?.fields.titleValue }
        set { modifyDetails { $0.titleValue = newValue } }
    }
    package var descriptionValue: Located<String>? {
        get { details?.fields.descriptionValue }
        set { modifyDetails { $0.descriptionValue = newValue } }
    }
    /// The text of the page's SMS, when the editor wrote one (`sms:`).
    package var sms: Located<String>? {
        get { details?.fields.sms }
        set { modifyDetails { $0.sms = newValue } }
    }
    /// The `translationKey` as written, with where its text starts: it is written into the bulletins'
    /// manifest and the page's markup, and judged as a text is.
    package var translationKeyValue: Located<String>? {
        get { details?.fields.translationKeyValue }
        set { modifyDetails { $0.translationKeyValue = newValue } }
    }

    /// What only the checks and renderers of the page itself read, in a box of its own: a page's
    /// summary (what the other pages and the site-wide parts read of it, kept for every page of the
    /// site) has none, and its front matter is then less than half the size.
    private var details: Details?

    /// Changes the details in a box of this front matter's own: a box another copy shares is copied first.
    private mutating func modifyDetails(_ change: (inout Details.Fields) -> Void) {
        if !isKnownUniquelyReferenced(&details) { details = Details(details?.fields ?? Details.Fields()) }
        change(&details!.fields)
    }

    /// Never changed while two front matters share it (``modifyDetails(_:)``), so it may cross threads.
    private final class Details: @unchecked Sendable {
        struct Fields {
            var kind: String?
            var claimReview: ClaimReview?
            var titleValue: Located<String>?
            var descriptionValue: Located<String>?
            var sms: Located<String>?
            var translationKeyValue: Located<String>?
        }
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// Keys a page may carry; anything else is a warning, so a typo does not go unnoticed.
    static let knownKeys = [
        "title", "description", "date", "lastmod", "draft", "slug", "weight", "translationKey", "kind", "claimReview",
        "bulletin", "sms",
    ]

    /// The kinds of material the newsroom publishes.
    package static let kinds = ["guide", "checklist", "links", "warning"]

    package init() {}
}

/// `claimReview:` in front matter: the claim checked, the verdict and when.
package struct ClaimReview: Sendable {
    package var claim: String
    /// The verdict in words (`Жалған`, `Ложь`).
    package var rating: String
    /// The verdict on a 1 (false) to 5 (true) scale, when given.
    package var ratingValue: Int?
    package var date: String?
    /// Tags of the `official:` entries of `sitegen.yml` that the verdict card offers instead of the fake.
    package var official: [String] = []
    /// Where `official` is written, for a tag that names no entry.
    package var officialPosition: (line: Int, column: Int)?
    /// Where the claim and the rating are written, for the checks of what they say.
    package var textValues: [Located<String>] = []

    static func read(_ node: Node, _ reader: inout YAMLReader) -> ClaimReview? {
        guard let pairs = reader.mapping(node, what: "claimReview") else { return nil }
        var claim: String?, rating: String?, value: Int?, date: String?
        var official: [String] = []
        var officialPosition: (line: Int, column: Int)?
        var texts: [Located<String>] = []
        for (key, keyNode, v) in pairs {
            switch key {
            case "claim":
                let c = reader.string(v, what: "claimReview.claim")
                claim = c?.value
                if let c { texts.append(FrontMatterParser.textStart(c, v)) }
            case "rating":
                let r = reader.string(v, what: "claimReview.rating")
                rating = r?.value
                if let r { texts.append(FrontMatterParser.textStart(r, v)) }
            case "ratingValue":
                value = reader.int(v, what: "claimReview.ratingValue")
                if let n = value, !(1...5).contains(n) {
                    reader.error("frontmatter.claimReview", id: "claimReview.rating-value", at: v)
                }
            case "date":
                if let d = reader.string(v, what: "claimReview.date") {
                    if Dates.isValid(d.value) { date = d.value } else {
                        reader.error("frontmatter.claimReview", id: "claimReview.date", ["value": d.value], at: v)
                    }
                }
            case "official":
                officialPosition = reader.position(v)
                if v.scalar != nil {
                    official = reader.string(v, what: "claimReview.official").map { [$0.value] } ?? []
                } else if let items = v.sequence {
                    official = items.compactMap { reader.string($0, what: "claimReview.official")?.value }
                } else {
                    reader.error("frontmatter.claimReview", id: "claimReview.official", at: v)
                }
            default:
                reader.error("frontmatter.claimReview", id: "claimReview.key", ["key": key], at: keyNode)
            }
        }
        guard let claim, let rating else {
            reader.error("frontmatter.claimReview", id: "claimReview.required", at: node)
            return nil
        }
        return ClaimReview(claim: claim, rating: rating, ratingValue: value, date: date, official: official,
                           officialPosition: officialPosition, textValues: texts)
    }
}

/// Splits a page into front matter and body and reads the front matter.
enum FrontMatterParser {
    /// The result of splitting: front matter (if the file has one) and where the body starts.
    package struct Split: Sendable {
        /// The YAML text between the `---` lines.
        package var yaml: String?
        /// Byte offset of the body in the file's text.
        package var bodyOffset: Int
        /// Lines before the body (the front matter and its delimiters).
        package var bodyLineOffset: Int
    }

    /// Finds the front matter block. Returns an error diagnostic when it is opened but never closed.
    package static func split(_ text: SourceText, file: String) -> Result<Split, Diagnostic> {
        guard let first = text.line(1), first.trimmingTrailingSpace == "---" else {
            return .success(Split(yaml: nil, bodyOffset: 0, bodyLineOffset: 0))
        }
        var n = 2
        while let line = text.line(n) {
            let t = line.trimmingTrailingSpace
            if t == "---" || t == "..." {
                let yamlStart = text.lineStarts[1]
                let yamlEnd = text.lineStarts[n - 1]
                let yaml = String(decoding: text.bytes[yamlStart..<yamlEnd], as: UTF8.self)
                let bodyOffset = n < text.lineStarts.count ? text.lineStarts[n] : text.bytes.count
                return .success(Split(yaml: yaml, bodyOffset: bodyOffset, bodyLineOffset: n))
            }
            n += 1
        }
        return .failure(Diagnostic(.error, "frontmatter.unclosed", id: "frontmatter.unclosed", file: file, line: 1, column: 1))
    }

    /// Reads the YAML of a front matter block; positions are in the page's own line numbering.
    package static func parse(_ yaml: String?, file: String) -> (FrontMatter?, [Diagnostic]) {
        guard let yaml else {
            return (nil, [Diagnostic(.error, "frontmatter.title", id: "frontmatter.title.none", file: file, line: 1, column: 1)])
        }
        var reader = YAMLReader(file: file, lineOffset: 1)
        let root: Node
        if yaml.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            root = .mapping(.init([]))
        } else {
            guard let node = reader.compose(yaml) else { return (nil, reader.diagnostics) }
            root = node
        }
        guard let pairs = reader.mapping(root, what: "front matter") else { return (nil, reader.diagnostics) }
        var fm = FrontMatter()
        var hasTitle = false
        for (key, keyNode, value) in pairs {
            switch key {
            case "title":
                if let t = reader.string(value, what: "title") {
                    fm.title = t.value
                    fm.titleValue = Self.textStart(t, value)
                    hasTitle = !t.value.unicodeScalars.allSatisfy(\.properties.isWhitespace)
                    if !hasTitle { reader.error("frontmatter.title", id: "frontmatter.title.empty", at: value) }
                }
            case "description":
                if let d = reader.string(value, what: "description") {
                    fm.description = d.value
                    fm.descriptionValue = Self.textStart(d, value)
                }
            case "date", "lastmod":
                if let d = reader.string(value, what: key) {
                    if Dates.isValid(d.value) {
                        if key == "date" { fm.date = d.value } else { fm.lastmod = d.value }
                    } else {
                        reader.error("frontmatter.date", id: "frontmatter.date", ["key": key, "value": d.value], at: value)
                    }
                }
            case "draft": fm.draft = reader.bool(value, what: "draft") ?? false
            case "slug":
                if let s = reader.string(value, what: "slug") {
                    if Slug.isValid(s.value) {
                        fm.slug = s.value
                        fm.slugPosition = (s.line, s.column)
                    } else {
                        reader.error("frontmatter.slug", id: "frontmatter.slug", ["slug": s.value], at: value)
                    }
                }
            case "weight": fm.weight = reader.int(value, what: "weight") ?? 0
            case "translationKey":
                if let key = reader.string(value, what: "translationKey") {
                    fm.translationKey = key.value
                    fm.translationKeyValue = Self.textStart(key, value)
                }
            case "kind":
                if let k = reader.string(value, what: "kind") {
                    if FrontMatter.kinds.contains(k.value) { fm.kind = k.value } else {
                        reader.error("frontmatter.kind", id: "frontmatter.kind",
                                     ["value": k.value, "kinds": FrontMatter.kinds.joined(separator: ", ")], at: value)
                    }
                }
            case "claimReview": fm.claimReview = ClaimReview.read(value, &reader)
            case "bulletin": fm.bulletin = reader.bool(value, what: "bulletin") ?? true
            case "sms":
                if let t = reader.string(value, what: "sms") {
                    if t.value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                        reader.error("frontmatter.sms", id: "frontmatter.sms", at: value)
                    } else {
                        fm.sms = Self.textStart(t, value)
                    }
                }
            default:
                // `translationkey`, `titel`: the known key it was meant to be, when one is near.
                let meant = FrontMatter.knownKeys.first { $0.lowercased() == key.lowercased() }
                    ?? EditDistance.nearest(to: key, in: FrontMatter.knownKeys)
                if let meant {
                    reader.warning("frontmatter.unknown-key", id: "frontmatter.unknown-key.near", ["key": key, "meant": meant], at: keyNode)
                } else {
                    reader.warning("frontmatter.unknown-key", id: "frontmatter.unknown-key",
                                   ["key": key, "known": FrontMatter.knownKeys.joined(separator: ", ")], at: keyNode)
                }
            }
        }
        var diagnostics = reader.diagnostics
        if !hasTitle && !diagnostics.contains(where: { $0.code == "frontmatter.title" }) {
            diagnostics.append(Diagnostic(.error, "frontmatter.title", id: "frontmatter.title.missing", file: file, line: 1, column: 1))
        }
        return (diagnostics.hasErrors ? nil : fm, diagnostics)
    }
}

extension FrontMatterParser {
    /// A quoted scalar's text starts one column after its quote.
    static func textStart(_ v: Located<String>, _ node: Node) -> Located<String> {
        let quoted = node.scalar.map { $0.style == .singleQuoted || $0.style == .doubleQuoted } ?? false
        return Located(v.value, line: v.line, column: v.column + (quoted ? 1 : 0))
    }
}

/// Rules for the `slug` key.
enum Slug {
    static func isValid(_ s: String) -> Bool {
        // Not after a dot either: web hosts hide such paths (`.well-known`, `...`), as the serving rules
        // sitegen writes do, and the page would be listed everywhere and found nowhere.
        guard !s.isEmpty, !s.hasPrefix("."), s.unicodeScalars.count <= 200 else { return false }
        return s.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_" || u == "."
        }
    }
}

extension String {
    var trimmingTrailingSpace: Substring {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" || last == "\r" || last == "\r\n" { s = s.dropLast() }
        return s
    }
}
