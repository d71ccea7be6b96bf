/// Step 1 of a build for one page: check it, then render and write it.
struct PageBuilder: Sendable {
    let context: PageContext
    let checker: PageChecker
    let templates: Templates
    let output: OutputTree

    /// Builds one page and returns what its checks found and its facts; writes nothing when the
    /// checks found an error.
    func build(_ page: Page) -> ([Diagnostic], PageFacts) {
        let checked = checker.check(page)
        var diagnostics = checked.diagnostics
        guard !diagnostics.hasErrors else { return (diagnostics, checked.facts) }
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
        return (diagnostics, checked.facts)
    }
}
