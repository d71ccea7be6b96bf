import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy
import WHATWGURL

/// Collects a page's facts from what its check already found: links, text tokens and numbers.
struct FactCollector: Sendable {
    let inspector: PageInspector

    /// How an absolute link destination counts, computed once per destination in a build.
    private static let linkKinds = SharedCache<ExactText, (PageFacts.Kind, String, String)?>()

    func facts(of page: Page, inventory: MarkdownInventory, document: MarkdownDocument,
               tokens runTokens: [Int: [TextToken]]) -> PageFacts {
        var facts = PageFacts(sourcePath: page.sourcePath, language: page.language, translationKey: page.translationKey,
                              lastmod: page.frontMatter.lastmod ?? page.frontMatter.date)
        let parser = inspector.judge.parser
        for link in inventory.links {
            addLink(link.destination, at: {
                page.filePosition(link.origin == .bareAutolink
                                  ? inspector.locate(link.text, near: link.position, in: page) : link.position)
            }, to: &facts, page: page, parser: parser)
        }
        for (index, run) in inventory.textRuns.enumerated() where run.link == nil {
            let tokens = runTokens[index] ?? []
            let numbers = run.isCode ? [] : NumberFacts.scan(run.text)
            guard !tokens.isEmpty || !numbers.isEmpty else { continue }
            func place(_ text: String, _ offset: Int) -> (line: Int, column: Int) {
                page.filePosition(inspector.locate(text, near: run.position, offset: offset, run: run, in: page))
            }
            for token in tokens {
                switch token.kind {
                case .handle(let h), .telegramPath(let h):
                    facts.add(.handle, key: h.lowercased(), shown: "@" + h, at: { place(token.text, token.offset) })
                case .email:
                    facts.add(.email, key: token.text.lowercased(), shown: token.text, at: { place(token.text, token.offset) })
                case .url:
                    addLink(token.text, at: { place(token.text, token.offset) }, to: &facts, page: page, parser: parser)
                default:
                    break
                }
            }
            for n in numbers {
                facts.add(n.kind, key: n.key, shown: n.shown, at: { place(n.shown.replacingOccurrences(of: " ", with: "\u{A0}"), n.offset) })
            }
        }
        for field in [page.frontMatter.titleValue, page.frontMatter.descriptionValue].compactMap({ $0 }) {
            for n in NumberFacts.scan(field.value) { facts.add(n.kind, key: n.key, shown: n.shown, at: { (field.line, field.column) }) }
        }
        if page.frontMatter.kind == "guide", let steps = Steps.list(in: document) {
            let p = page.filePosition(of: steps)
            facts.steps = (steps.children.count, p.line, p.column)
        }
        if let first = inventory.taskItems.first {
            let p = page.filePosition(of: first)
            facts.checklistItems = (inventory.taskItems.count, p.line, p.column)
        }
        // Kept for the site-wide checks: without the keys seen, in storage of their size.
        facts.seen = []
        facts.facts = facts.facts.mapValues(\.compacted)
        return facts
    }

    private func addLink(_ destination: String, at p: () -> (line: Int, column: Int), to facts: inout PageFacts, page: Page,
                         parser: URLParser) {
        guard let first = destination.first, first != "#" else { return }
        if first == "/" && !destination.hasPrefix("//") {
            // A page of the site: the same page in the other language has the other language's prefix.
            var path = destination
            let prefix = "/\(page.language)/"
            if path.hasPrefix(prefix) { path = "/*/" + path.dropFirst(prefix.count) }
            facts.add(.link, key: path, shown: destination, at: p)
            return
        }
        let judge = inspector.judge
        let counted = Self.linkKinds.value(destination) { () -> (PageFacts.Kind, String, String)? in
            guard let url = parser.parse(destination) else { return nil }
            switch url.scheme {
            case "mailto": return (.email, url.serializedPath.lowercased(), url.serializedPath)
            case "tel": return (.phone, url.serializedPath.filter(\.isASCIIDigit), url.serializedPath)
            default:
                if let handle = judge.telegramHandle(of: url) { return (.handle, handle.lowercased(), "@" + handle) }
                return (.link, url.href, destination)
            }
        }
        if let (kind, key, shown) = counted { facts.add(kind, key: key, shown: shown, at: p) }
    }
}
