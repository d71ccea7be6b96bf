import SitegenContent
import SitegenCore
import SitegenMarkdown

/// What rendering a body produced besides its HTML, for the page template.
struct RenderedBody: Sendable {
    package var html: String
    /// JSON-LD documents for the page head.
    var structuredData: [String] = []
    /// The `##` headings, for a table of contents.
    var toc: [(id: String, text: String)] = []
    /// Whether the page has a checklist (and so loads the small script that remembers ticks).
    var hasChecklist = false
    /// Items per checklist, in order: a page and its translation share ticks when these agree.
    var checklistShape: [Int] = []
    /// The verdict card of a fact check (HTML), shown under the title; empty for other pages.
    package var verdict = ""
}

/// Turns the Markdown structures of a guide into their rendering: numbered steps with anchors,
/// checklists with real checkboxes, heading ids, the data-driven blocks and the typography of the
/// page's language. It rewrites the tree; cmark-gfm still renders (and escapes) all editor text.
struct GuideRenderer {
    let page: Page
    let config: SiteConfig
    let strings: Strings

    func apply(to document: MarkdownDocument) -> RenderedBody {
        var body = RenderedBody(html: "")
        let language = page.language
        applyTypography(document)

        var ids = HeadingIDs()
        ids.reserve("main")
        ids.reserve("verdict")
        // Steps: the first top-level ordered list of a guide.
        let steps = page.frontMatter.kind == "guide" ? Steps.list(in: document) : nil
        let stepItems = steps?.children ?? []
        for n in stepItems.indices { ids.reserve("step-\(n + 1)") }

        // Checklists: lists made only of task items.
        var checklists: [CMarkNode] = []
        document.forEachNode { node in
            if node.kind == .list, !node.children.isEmpty, node.children.allSatisfy({ $0.kind == .taskItem }) {
                checklists.append(node)
            }
        }
        for (l, list) in checklists.enumerated() {
            for i in list.children.indices { ids.reserve("check-\(l + 1)-\(i + 1)") }
        }

        // Heading ids, decided before anything moves so checklists can name their heading.
        var headingIDs: [CMarkNode: String] = [:]
        var headings: [CMarkNode] = []
        document.forEachNode { node in
            if node.kind == .heading {
                headings.append(node)
                let id = ids.id(for: node.plainText)
                headingIDs[node] = id
                if node.headingLevel == 2 { body.toc.append((id, node.plainText)) }
            }
        }
        if body.toc.count < 3 { body.toc = [] }

        body.checklistShape = checklists.map(\.children.count)
        for (l, list) in checklists.enumerated() {
            body.hasChecklist = true
            // The group's name is the nearest heading above the list (an intro paragraph may sit between).
            var above = list.previous
            while let node = above, node.kind != .heading { above = node.previous }
            let heading = above.flatMap { headingIDs[$0] }
            // The list becomes a custom block first: a list node may hold only list items.
            let items = list.children
            let labelled = heading.map { " aria-labelledby=\"\($0)\"" } ?? ""
            document.unwrapChildren(of: list, into: "<ul class=\"checklist\"\(labelled)>\n", "</ul>\n", inline: false)
            for (i, item) in items.enumerated() {
                let id = "check-\(l + 1)-\(i + 1)"
                let checked = item.isTaskChecked ? " checked" : ""
                if let para = item.firstChild, para.kind == .paragraph {
                    document.unwrapChildren(of: para,
                                            into: "<input type=\"checkbox\" id=\"\(id)\" data-check=\"\(id)\"\(checked)> <label for=\"\(id)\">",
                                            "</label>\n", inline: false)
                }
                document.unwrapChildren(of: item, into: "<li class=\"check\">", "</li>\n", inline: false)
            }
        }

        for heading in headings {
            let level = heading.headingLevel
            document.replace(heading, withBlockHTML: Self.retag(document.renderHTML(of: heading), "<h\(level)",
                                                                with: "<h\(level) id=\"\(headingIDs[heading]!)\""))
        }

        var blocks: [(CMarkNode, GuideBlock)] = []
        document.forEachNode { node in
            if node.kind == .codeBlock, node.isFenced, let block = GuideBlock(info: node.fenceInfo ?? "") {
                blocks.append((node, block))
            }
        }
        for (node, block) in blocks {
            switch block {
            case .officialLinks(let tags):
                document.replace(node, withBlockHTML: OfficialLinksBlock.html(
                    OfficialLinksBlock.entries(config.official, tags: tags), language: language))
            case .knownFakes:
                document.replace(node, withBlockHTML: KnownFakesBlock.html(
                    config.links.fakes, language: language, title: strings.text("knownFakes", language),
                    reportedLabel: strings.text("reported", language), fakeMark: strings.text("fakeMark", language)))
            }
        }

        // Tables scroll sideways inside a focusable, named region rather than widening the page.
        var tables: [CMarkNode] = []
        document.forEachNode { node in if node.kind == .table { tables.append(node) } }
        let tableName = HTMLText.escape(strings.text("table", language))
        for table in tables {
            document.replace(table, withBlockHTML: "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(tableName)\">\n"
                + document.renderHTML(of: table) + "</div>\n")
        }

        // Steps last: what sits inside a step (headings, checklists, blocks) is rewritten first,
        // then each step is rendered with it.
        if let steps {
            var structured: [(String, String)] = []
            let canonical = config.absoluteURL(page.url)
            var html = "<ol class=\"steps\">\n"
            for (n, item) in stepItems.enumerated() {
                let text = item.firstChild?.plainText ?? item.plainText
                structured.append((text, canonical + "#step-\(n + 1)"))
                html += Self.retag(document.renderHTML(of: item), "<li", with: "<li id=\"step-\(n + 1)\" class=\"step\"")
            }
            document.replace(steps, withBlockHTML: html + "</ol>\n")
            body.structuredData.append(StructuredData.howTo(name: page.frontMatter.title,
                                                            description: page.frontMatter.description, steps: structured))
        }

        if let review = page.frontMatter.claimReview {
            let publisher = config.publisher
            body.structuredData.append(StructuredData.claimReview(
                review, url: config.absoluteURL(page.url),
                publisherName: publisher?.name.text(language) ?? config.title(for: language),
                publisherURL: publisher?.url ?? config.baseURL, language: language))
        }
        return body
    }

    /// cmark-gfm's HTML for a block with attributes added to its opening tag (`<li` → `<li id=…`).
    static func retag(_ html: String, _ tag: String, with replacement: String) -> String {
        guard html.hasPrefix(tag) else { return html }
        return replacement + html.dropFirst(tag.count)
    }

    /// The language's typography on every text node a reader sees; quotes nest across the inline
    /// markup of one block, so the quote state is carried until the block changes.
    private func applyTypography(_ document: MarkdownDocument) {
        var state = QuoteState()
        var block: CMarkNode? = nil
        document.forEachNode { node in
            // Line breaks and code spans are not typeset, but they are what the next text follows.
            switch node.kind {
            case .softBreak, .lineBreak: state.skip("\n"); return
            case .code: state.skip(node.literal ?? ""); return
            default: break
            }
            guard node.kind == .text, let text = node.literal else { return }
            var container = node.parent
            while let c = container, ![.paragraph, .heading, .tableCell, .item, .taskItem, .document].contains(c.kind) {
                container = c.parent
            }
            if container != block {
                block = container
                state = QuoteState()
            }
            let typeset = Typography.apply(text, language: page.language, state: &state)
            if typeset != text { document.setLiteral(node, typeset) }
        }
    }
}
