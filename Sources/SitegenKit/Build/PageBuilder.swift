/// Step 1 of a build for one page: parse, inspect, render and write it.
struct PageBuilder: Sendable {
    let context: PageContext
    let inspector: PageInspector
    let templates: Templates
    let output: OutputTree?

    /// Builds one page and returns what it found; writes nothing when `render` is false.
    func build(_ page: Page, render: Bool) -> [Diagnostic] {
        let body = Array(page.body)
        let document = MarkdownDocument(markdown: body)
        let inventory = MarkdownInventory(document: document, body: body)
        var (diagnostics, edits) = inspector.inspect(page: page, inventory: inventory)
        for raw in inventory.rawHTML {
            let p = page.filePosition(raw.position)
            diagnostics.append(.warning("markdown.raw-html",
                                        "raw HTML is not published; write Markdown instead",
                                        file: page.sourcePath, line: p.line, column: p.column))
        }
        for alert in inventory.unknownAlerts {
            let p = page.filePosition(alert.position)
            diagnostics.append(.error("markdown.alert",
                                      "[!\(alert.name)] is not a GitHub alert (use NOTE, TIP, IMPORTANT, WARNING or CAUTION)",
                                      file: page.sourcePath, line: p.line, column: p.column))
        }
        guard render, let output, !diagnostics.hasErrors else { return diagnostics }
        let titles = Dictionary(uniqueKeysWithValues: AlertKind.allCases.map {
            ($0, context.strings.text("alert.\($0.rawValue)", page.language))
        })
        let bodyHTML = BodyRenderer(basePath: context.config.basePath, alertTitles: titles)
            .render(document, inventory: inventory, edits: edits)
        let html = templates.render(page.isSection ? "list" : "page", context.page(page, content: bodyHTML))
        do {
            try output.write(page.outputPath, html)
        } catch {
            diagnostics.append(.error("output.io", "\(error)", file: page.sourcePath))
        }
        return diagnostics
    }
}
