/// Step 1 of a build for one page: check it, then render and write it.
struct PageBuilder: Sendable {
    let context: PageContext
    let checker: PageChecker
    let templates: Templates
    let output: OutputTree

    /// What building one page gives the site-wide step.
    struct Built: Sendable {
        var diagnostics: [Diagnostic]
        var facts: PageFacts
        var search: SearchDocument?
    }

    /// Builds one page and returns what its checks found, its facts and its search entry; writes
    /// nothing when the checks found an error.
    func build(_ page: Page) -> Built {
        let checked = checker.check(page)
        var diagnostics = checked.diagnostics
        guard !diagnostics.hasErrors else { return Built(diagnostics: diagnostics, facts: checked.facts, search: nil) }
        let titles = Dictionary(uniqueKeysWithValues: AlertKind.allCases.map {
            ($0, context.strings.text("alert.\($0.rawValue)", page.language))
        })
        let guide = GuideRenderer(page: page, config: context.config, strings: context.strings)
        let body = BodyRenderer(basePath: context.config.basePath, alertTitles: titles)
            .render(checked.document, inventory: checked.inventory, edits: checked.edits, guide: guide)
        let html = templates.render(page.isSection ? "list" : "page", context.page(page, body: body))
        do {
            try output.write(page.outputPath, html)
        } catch {
            diagnostics.append(.error("output.io", "\(error)", file: page.sourcePath))
        }
        return Built(diagnostics: diagnostics, facts: checked.facts, search: searchDocument(page, checked.inventory))
    }

    /// The page as search sees it: its title, a snippet (the description, else the start of the
    /// text) and the words a reader sees.
    private func searchDocument(_ page: Page, _ inventory: MarkdownInventory) -> SearchDocument {
        let lang = page.language
        let text = inventory.textRuns.map(\.text).joined(separator: " ")
        let snippet = page.frontMatter.description ?? String(text.prefix(160))
        return SearchDocument(url: context.href(page.url), title: Typography.apply(page.frontMatter.title, language: lang),
                              snippet: Typography.apply(snippet, language: lang), text: page.frontMatter.title + " " + text)
    }
}
