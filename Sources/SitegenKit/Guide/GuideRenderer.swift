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
/// page's language. It adds to the page's ``RenderPlan`` and leaves the tree as it was parsed;
/// ``TreeHTML`` renders (and escapes) all editor text.
struct GuideRenderer {
    let page: Page
    let config: SiteConfig
    let strings: Strings

    func apply(to document: MarkdownDocument, plan: inout RenderPlan) -> RenderedBody {
        var body = RenderedBody(html: "")
        let language = page.language
        applyTypography(document, plan: &plan)

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
                let text = plan.plainText(of: node)
                let id = ids.id(for: text)
                headingIDs[node] = id
                if node.headingLevel == 2 { body.toc.append((id, text)) }
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
            let labelled = heading.map { " aria-labelledby=\"\($0)\"" } ?? ""
            // A guide whose steps are a checklist (`1. [ ] …`) shows numbered steps with boxes.
            let isSteps = list == steps
            plan.wrapped[list] = isSteps ? ("<ol class=\"steps checklist\"\(labelled)>\n", "</ol>\n")
                : ("<ul class=\"checklist\"\(labelled)>\n", "</ul>\n")
            for (i, item) in list.children.enumerated() {
                let id = "check-\(l + 1)-\(i + 1)"
                let checked = item.isTaskChecked ? " checked" : ""
                if let para = item.firstChild, para.kind == .paragraph {
                    plan.wrapped[para] = ("<input type=\"checkbox\" id=\"\(id)\" data-check=\"\(id)\"\(checked)> <label for=\"\(id)\">",
                                          "</label>\n")
                }
                plan.wrapped[item] = (isSteps ? "<li id=\"step-\(i + 1)\" class=\"step check\">" : "<li class=\"check\">", "</li>\n")
            }
        }

        for heading in headings { plan.attributes[heading] = " id=\"\(headingIDs[heading]!)\"" }

        var blocks: [(CMarkNode, GuideBlock)] = []
        document.forEachNode { node in
            // A code block already shown with defanged names is no guide block.
            if node.kind == .codeBlock, plan.blocks[node] == nil, node.isFenced, let block = GuideBlock(info: node.fenceInfo ?? "") {
                blocks.append((node, block))
            }
        }
        for (node, block) in blocks {
            switch block {
            case .officialLinks(let tags):
                plan.blocks[node] = OfficialLinksBlock.html(OfficialLinksBlock.entries(config.official, tags: tags), language: language)
            case .knownFakes:
                plan.blocks[node] = KnownFakesBlock.html(
                    config.links.fakes, language: language, title: strings.text("knownFakes", language),
                    reportedLabel: strings.text("reported", language), fakeMark: strings.text("fakeMark", language))
            }
        }

        // Tables scroll sideways inside a focusable, named region rather than widening the page.
        var tables: [CMarkNode] = []
        document.forEachNode { node in if node.kind == .table { tables.append(node) } }
        let tableName = HTMLText.escape(strings.text("table", language))
        for table in tables {
            plan.around[table] = ("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"\(tableName)\">\n", "</div>\n")
        }

        // Steps: each step's text for the structured data is what a reader sees of its first block;
        // headings, tables and guide blocks there are markup of their own and say nothing.
        if let steps {
            var structured: [(String, String)] = []
            let canonical = config.absoluteURL(page.url)
            let opaque: (CMarkNode) -> Bool = { $0.kind == .heading || $0.kind == .table }
            for (n, item) in stepItems.enumerated() {
                // The first block the page shows: raw HTML in front of it is left out.
                var first = item.firstChild
                while let f = first, plan.removed.contains(f) { first = f.next }
                let text = plan.plainText(of: first ?? item, opaque: opaque)
                structured.append((text, canonical + "#step-\(n + 1)"))
                plan.attributes[item] = " id=\"step-\(n + 1)\" class=\"step\""
            }
            if plan.wrapped[steps] == nil { plan.listTags[steps] = ("<ol class=\"steps\">\n", "</ol>\n") }
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

    /// The language's typography on every text node a reader sees; quotes nest across the inline
    /// markup of one block, so the quote state is carried until the block changes.
    private func applyTypography(_ document: MarkdownDocument, plan: inout RenderPlan) {
        var state = QuoteState()
        var block: CMarkNode? = nil
        func typeset(_ text: String, in node: CMarkNode) -> String {
            var container = node.parent
            while let c = container, ![.paragraph, .heading, .tableCell, .item, .taskItem, .document].contains(c.kind) {
                container = c.parent
            }
            if container != block {
                block = container
                state = QuoteState()
            }
            return Typography.apply(text, language: page.language, state: &state)
        }
        var skipping: CMarkNode? = nil
        document.forEachNode { node in
            // What the plan leaves out is not read; what it shows instead is, piece by piece.
            if let s = skipping {
                var up: CMarkNode? = node
                while let u = up, u != s { up = u.parent }
                if up != nil { return }
                skipping = nil
            }
            if plan.removed.contains(node) || plan.blocks[node] != nil { skipping = node; return }
            if let pieces = plan.pieces[node] {
                skipping = node
                plan.pieces[node] = pieces.map { piece in
                    switch piece {
                    case .text(let text): return .text(typeset(text, in: node))
                    case .marked(_, let text): state.skip(text)
                    case .html: break
                    }
                    return piece
                }
                return
            }
            // Line breaks and code spans are not typeset, but they are what the next text follows.
            switch node.kind {
            case .softBreak, .lineBreak: state.skip("\n"); return
            case .code: state.skip(node.literal ?? ""); return
            default: break
            }
            guard node.kind == .text, let text = node.literal else { return }
            let typeset = typeset(text, in: node)
            if typeset != text { plan.pieces[node] = [.text(typeset)] }
        }
    }
}
