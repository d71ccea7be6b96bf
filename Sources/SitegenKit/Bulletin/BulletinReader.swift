import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy
import UnicodeSecurity
import WHATWGURL

/// Reads a checked page into a `BulletinDocument`: the same tree the HTML page is rendered from,
/// before anything rewrites it, with the inspection's decisions (which names to defang, which
/// links to publish over https) applied, every link made absolute, and the text as ``TypesetText``
/// typeset it for the page.
///
/// A class: the closures its walk hands each node to would otherwise copy the page, the config and
/// the strings it holds, retaining each of their references, once a node.
final class BulletinReader {
    let page: Page
    let config: SiteConfig
    let strings: Strings
    let edits: RenderEdits
    /// The page's text with its typography, as its HTML shows it.
    let typeset: TypesetText
    /// The texts of sitegen.yml the guide blocks show, typeset.
    let texts: TypesetConfig

    init(page: Page, config: SiteConfig, strings: Strings, edits: RenderEdits, typeset: TypesetText, texts: TypesetConfig) {
        self.page = page
        self.config = config
        self.strings = strings
        self.edits = edits
        self.typeset = typeset
        self.texts = texts
    }

    private static let parser = URLParser(domainToASCII: { IDNA.toASCII($0).value })
    /// Whether a destination parses as an absolute URL; pages repeat the same few addresses.
    private static let isAbsolute = SharedCache<ExactText, Bool>()

    func read(_ document: MarkdownDocument) -> BulletinDocument {
        let language = page.language
        let blocks = document.root.children.flatMap(block)
        var doc = BulletinDocument(
            title: typeset.title, description: typeset.description,
            blocks: blocks, pageURL: config.absoluteURL(page.url), language: language, sourcePath: page.sourcePath)
        // The names the page's warnings defang (code included) and those its known-fakes blocks list.
        doc.namedFakes = Set(edits.defanged.flatMap { node, ranges in
            NameSegments.of(node.literal ?? "", names: ranges).filter(\.isName).map { $0.text.lowercased() }
        })
        var listed: [String] = []
        doc.forEachInline { if case .fakeName(let name) = $0 { listed.append(name.lowercased()) } }
        doc.namedFakes.formUnion(listed)
        // A shorter fake inside a named one (`EgovKzBot2` in `EgovKzBot2[.]0`) is named with it.
        let named = doc.namedFakes
        for fake in config.links.fakes.map({ $0.name.value.lowercased() }) where named.contains(where: { $0.contains(fake) }) {
            doc.namedFakes.insert(fake)
        }
        return doc
    }

    private func point(_ node: CMarkNode) -> SourcePoint {
        let p = page.filePosition(of: node)
        return SourcePoint(line: p.line, column: p.column)
    }

    // MARK: Blocks

    private func block(_ node: CMarkNode) -> [BulletinBlock] {
        let at = point(node)
        switch node.kind {
        case .paragraph:
            let content = inlines(node.children)
            return content.isEmpty ? [] : [BulletinBlock(kind: .paragraph(content), at: at)]
        case .heading:
            return [BulletinBlock(kind: .heading(level: node.headingLevel, inlines(node.children)), at: at)]
        case .list:
            let items = node.children
            let checklist = !items.isEmpty && items.allSatisfy { $0.kind == .taskItem }
            let style: BulletinBlock.ListStyle = checklist ? .checklist : node.isOrderedList ? .numbered : .bullets
            let start = node.isOrderedList ? node.listStart : 1
            let read = items.enumerated().map { n, item in
                BulletinItem(number: start + n, checked: item.kind == .taskItem && item.isTaskChecked,
                             blocks: item.children.flatMap(block), at: point(item))
            }
            return [BulletinBlock(kind: .list(style, read), at: at)]
        case .blockQuote:
            var children = node.children
            var kind: AlertKind?
            if case .alert(let k)? = node.alertMarker, let first = children.first {
                kind = k
                // The marker line is the alert's, not the reader's: drop it and the break after it.
                let rest = Array(first.children.dropFirst(first.children.count > 1 ? 2 : 1))
                children.removeFirst()
                let content = inlines(rest)
                if !content.isEmpty {
                    return [BulletinBlock(kind: .quote(kind, title: nil, [BulletinBlock(kind: .paragraph(content), at: at)]
                                          + children.flatMap(block)), at: at)]
                }
            }
            return [BulletinBlock(kind: .quote(kind, title: nil, children.flatMap(block)), at: at)]
        case .codeBlock:
            if node.isFenced, let guide = GuideBlock(info: node.fenceInfo ?? "") {
                return guideBlock(guide, at: at)
            }
            var text = defanged(node)
            if text.hasSuffix("\n") { text.removeLast() }
            return [BulletinBlock(kind: .code(text), at: at)]
        case .thematicBreak:
            return [BulletinBlock(kind: .rule, at: at)]
        case .table:
            let rows = node.children.map { row in row.children.map { inlines($0.children) } }
            return [BulletinBlock(kind: .table(rows), at: at)]
        default:
            // Raw HTML is never published; other nodes carry nothing a reader sees.
            return []
        }
    }

    /// The `official-links` and `known-fakes` blocks, from sitegen.yml.
    private func guideBlock(_ guide: GuideBlock, at: SourcePoint) -> [BulletinBlock] {
        let language = page.language
        switch guide {
        case .officialLinks(let tags):
            let items = OfficialLinksBlock.indices(config.official, tags: tags).enumerated().map { n, index in
                let shown = texts.official(index, language: language)
                var content: [BulletinInline] = [.link([.text(shown.title)], config.official[index].url.value)]
                if let d = shown.description { content += [.lineBreak, .text(d)] }
                return BulletinItem(number: n + 1, checked: false,
                                    blocks: [BulletinBlock(kind: .paragraph(content), at: at)], at: at)
            }
            return [BulletinBlock(kind: .list(.bullets, items), at: at)]
        case .knownFakes:
            let items = config.links.fakes.enumerated().map { n, fake in
                var content: [BulletinInline] = [.fakeName(fake.name.value)]
                if let segments = texts.fakeDescription(n, language: language) {
                    content.append(.text("\u{A0}— "))
                    content += segments.map { $0.isName ? .fakeName($0.text) : .text($0.text) }
                }
                if let day = fake.reported, let shown = LocalDates.display(day, language: language) {
                    content.append(.text(" (" + strings.text("reported", language) + " " + shown + ")"))
                }
                return BulletinItem(number: n + 1, checked: false,
                                    blocks: [BulletinBlock(kind: .paragraph(content), at: at)], at: at)
            }
            return [BulletinBlock(kind: .quote(.warning, title: strings.text("knownFakes", language),
                                              [BulletinBlock(kind: .list(.bullets, items), at: at)]),
                                  at: at)]
        }
    }

    // MARK: Inlines

    private func inlines(_ nodes: [CMarkNode]) -> [BulletinInline] {
        var out: [BulletinInline] = []
        for node in nodes {
            switch node.kind {
            case .text:
                if let ranges = edits.defanged[node] {
                    for s in typeset.segments(of: node, names: ranges) {
                        out.append(s.isName ? .fakeName(s.text) : .text(s.text))
                    }
                } else {
                    out.append(.text(typeset.text(of: node) ?? node.literal ?? ""))
                }
            case .softBreak: out.append(.text(typeset.text(of: node) ?? " "))
            case .lineBreak: out.append(.lineBreak)
            case .code: out.append(.code(defanged(node)))
            case .emphasis: out.append(.emphasis(inlines(node.children)))
            case .strong: out.append(.strong(inlines(node.children)))
            case .strikethrough: out.append(.strike(inlines(node.children)))
            case .link:
                if let text = edits.defangedLinks[node] {
                    out.append(.fakeName(text))
                } else {
                    out.append(.link(inlines(node.children), absolute(edits.urlRewrites[node] ?? node.url ?? "")))
                }
            case .image:
                // A message carries no images; the description stands in for it (defanged like any
                // text), and an image without one still separates the words around it, as on the page.
                let alt = inlines(node.children)
                out += alt.isEmpty ? [.text(typeset.text(of: node) ?? " ")] : alt
            case .htmlInline:
                // Dropped raw HTML leaves a space, as on the page: text on either side must not join.
                out.append(.text(typeset.text(of: node) ?? " "))
            default:
                out += inlines(node.children)
            }
        }
        return merged(out)
    }

    /// Adjacent text pieces joined, so sentences and tokens are seen whole.
    private func merged(_ inlines: [BulletinInline]) -> [BulletinInline] {
        var out: [BulletinInline] = []
        // The run being joined is appended to in place: joining into `out` each time would copy it
        // again for every piece.
        var run: String?
        for inline in inlines {
            if case .text(let s) = inline {
                if run == nil { run = s } else { run!.append(s) }
                continue
            }
            if let text = run { out.append(.text(text)) }
            run = nil
            out.append(inline)
        }
        if let text = run { out.append(.text(text)) }
        return out
    }

    /// A code span's or block's text with the fakes inside it defanged.
    private func defanged(_ node: CMarkNode) -> String {
        let literal = node.literal ?? ""
        guard let ranges = edits.defanged[node] else { return literal }
        return NameSegments.of(literal, names: ranges)
            .map { $0.isName ? FakeNameDisplay.messenger($0.text) : $0.text }.joined()
    }

    /// A destination as a reader outside the site needs it: links to pages of the site get the site's
    /// address in front; everything else was judged absolute and is kept as written.
    func absolute(_ destination: String) -> String {
        Self.absolute(destination, pageURL: page.url, baseURL: config.baseURL)
    }

    /// ``absolute(_:)`` for a page at `pageURL` of a site published at `baseURL`; `sitegen check`'s
    /// bounds measure the same addresses.
    static func absolute(_ destination: String, pageURL: String, baseURL: String) -> String {
        if isAbsolute.value(destination, { parser.parse(destination) != nil }) { return destination }
        let pageAddress = SiteConfig.absoluteURL(pageURL, baseURL: baseURL)
        if destination.hasPrefix("/") { return SiteConfig.absoluteURL(destination, baseURL: baseURL) }
        guard let base = parser.parse(pageAddress), let resolved = parser.parse(destination, base: base) else { return pageAddress }
        return resolved.serialized()
    }
}
