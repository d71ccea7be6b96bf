/// The checks of one page: parse it, collect what it links and says, and judge all of it.
struct PageChecker: Sendable {
    let inspector: PageInspector
    let guide: GuideChecks
    var collector: FactCollector { FactCollector(inspector: inspector) }

    /// A checked page: its tree (for rendering), what was found, what the checks said and asked.
    struct Checked {
        var document: MarkdownDocument
        var inventory: MarkdownInventory
        var diagnostics: [Diagnostic]
        var edits: RenderEdits
        /// What its translations must repeat.
        var facts: PageFacts
    }

    func check(_ page: Page) -> Checked {
        let body = Array(page.body)
        let document = MarkdownDocument(markdown: body)
        if let excess = NestingLimit.firstExcess(in: document) { return tooDeep(page, excess) }
        let inventory = MarkdownInventory(document: document, body: body, lineStarts: page.bodyLineStarts)
        var (diagnostics, edits) = inspector.inspect(page: page, inventory: inventory)
        for raw in inventory.rawHTML {
            let p = page.filePosition(raw.position)
            diagnostics.append(.warning("markdown.raw-html", "raw HTML is not published; write Markdown instead",
                                        file: page.sourcePath, line: p.line, column: p.column))
        }
        for alert in inventory.unknownAlerts {
            let p = page.filePosition(alert.position)
            diagnostics.append(.error("markdown.alert",
                                      "[!\(alert.name)] is not a GitHub alert (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)",
                                      file: page.sourcePath, line: p.line, column: p.column))
        }
        diagnostics += guide.check(page, document: document, inventory: inventory)
        let facts = collector.facts(of: page, inventory: inventory, document: document, tokens: edits.runTokens)
        return Checked(document: document, inventory: inventory, diagnostics: diagnostics, edits: edits, facts: facts)
    }

    /// A page nested deeper than `NestingLimit` allows: only the error, with an empty tree in place
    /// of the parsed one, so no later stage (all of which may recurse) ever walks it.
    private func tooDeep(_ page: Page, _ excess: NestingLimit.Excess) -> Checked {
        let p = page.filePosition(excess.position)
        let error = Diagnostic.error("markdown.depth", NestingLimit.message(excess),
                                     file: page.sourcePath, line: p.line, column: p.column)
        let empty = MarkdownDocument(markdown: [])
        let inventory = MarkdownInventory(document: empty, body: [])
        let facts = collector.facts(of: page, inventory: inventory, document: empty, tokens: [:])
        return Checked(document: empty, inventory: inventory, diagnostics: [error], edits: RenderEdits(), facts: facts)
    }
}
