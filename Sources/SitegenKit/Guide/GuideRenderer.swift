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
    /// The page's text with its typography, as its bulletins show it.
    let typeset: TypesetText
    /// The texts of sitegen.yml the guide blocks show, typeset.
    let texts: TypesetConfig
    /// The ids the page's template writes (`PageChecker.templateIDs`), which no heading takes.
    var templateIDs = TemplateIDs()

    func apply(to document: MarkdownDocument, plan: inout RenderPlan) -> RenderedBody {
        var body = RenderedBody(html: "")
        let language = page.language

        var ids = HeadingIDs()
        for id in PageAnchors.reserved + templateIDs.reserved { ids.reserve(id) }
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

        // Heading ids, decided before anything moves so checklists can name their heading. They are made
        // from the text as written, before typography, as `check` makes them (``PageAnchors``): a no-break
        // space typography puts after `№` must not move `#otinish-no5` to `#otinish-no-5`.
        var headingIDs: [CMarkNode: String] = [:]
        var headings: [CMarkNode] = []
        document.forEachNode { node in
            if node.kind == .heading {
                headings.append(node)
                headingIDs[node] = ids.id(for: plan.plainText(of: node))
            }
        }
        applyTypography(document, plan: &plan)
        for heading in headings where heading.headingLevel == 2 {
            body.toc.append((headingIDs[heading]!, plan.plainText(of: heading)))
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
                plan.blocks[node] = OfficialLinksBlock.html(config.official, indices: OfficialLinksBlock.indices(config.official, tags: tags),
                                                            texts: texts, language: language)
            case .knownFakes:
                plan.blocks[node] = KnownFakesBlock.html(
                    config.links.fakes, texts: texts, language: language, title: strings.text("knownFakes", language),
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
        return body
    }

    /// The page's typography (``TypesetText``) on every text node, soft break and stretch of text
    /// between names that it changed; what the plan leaves out was never typeset.
    private func applyTypography(_ document: MarkdownDocument, plan: inout RenderPlan) {
        document.forEachNode { node in
            switch node.kind {
            case .text:
                if let stretches = typeset.stretches(of: node), let pieces = plan.pieces[node] {
                    var rest = stretches[...]
                    plan.pieces[node] = pieces.map { piece in
                        guard case .text = piece, let text = rest.popFirst() else { return piece }
                        return .text(text)
                    }
                } else if let text = typeset.text(of: node) {
                    plan.pieces[node] = [.text(text)]
                }
            case .softBreak, .htmlInline:
                // A soft break is shown as the tree has it (a new line) unless typography made it
                // something else: a no-break space, or nothing when the dash after it took its place.
                if let text = typeset.text(of: node) { plan.pieces[node] = [.text(text)] }
            default:
                break
            }
        }
    }
}
