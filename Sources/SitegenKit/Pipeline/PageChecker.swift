import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// The checks of one page: parse it, collect what it links and says, and judge all of it.
struct PageChecker: Sendable {
    let inspector: PageInspector
    let guide: GuideChecks
    /// The ids the site's templates may write around a page's body (``Templates/pageIDs``).
    private(set) var templateIDs = TemplateIDs()
    var collector: FactCollector { FactCollector(inspector: inspector) }

    init(inspector: PageInspector, guide: GuideChecks) {
        self.inspector = inspector
        self.guide = guide
    }

    /// This checker, knowing the ids the site's templates may write: kept from headings.
    func reserving(_ templates: Templates) -> PageChecker {
        var checker = self
        checker.templateIDs = templates.pageIDs
        return checker
    }


    func check(_ page: Page) -> CheckedPage {
        let body = Array(page.body)
        let document = MarkdownDocument(markdown: body)
        if let excess = NestingLimit.firstExcess(in: document) { return tooDeep(page, excess) }
        let inventory = MarkdownInventory(document: document, body: body, lineStarts: page.bodyLineStarts)
        var (diagnostics, edits) = inspector.inspect(page: page, inventory: inventory)
        for raw in inventory.rawHTML {
            let p = page.filePosition(raw.position)
            diagnostics.append(Diagnostic(.warning, "markdown.raw-html", id: "markdown.raw-html",
                                          file: page.sourcePath, line: p.line, column: p.column))
        }
        for alert in inventory.unknownAlerts {
            let p = page.filePosition(alert.position)
            let meant = AlertKind.nearest(to: alert.name)
            diagnostics.append(Diagnostic(.error, "markdown.alert", id: meant == nil ? "markdown.alert" : "markdown.alert.near",
                                          ["name": alert.name, "meant": meant ?? ""],
                                          file: page.sourcePath, line: p.line, column: p.column))
        }
        for alert in inventory.sameLineAlerts {
            let p = page.filePosition(alert.position)
            diagnostics.append(Diagnostic(.error, "markdown.alert", id: "markdown.alert.same-line",
                                          ["name": alert.kind.rawValue.uppercased()],
                                          file: page.sourcePath, line: p.line, column: p.column))
        }
        diagnostics += guide.check(page, document: document, inventory: inventory)
        // The page's own address is on every page that links it and in each of its bulletins
        // (`/kk/help.evil.com/`): judged where it is decided, at the slug, else the file's first line.
        let place = page.frontMatter.slugPosition ?? (1, 1)
        diagnostics += inspector.judge.judge(page.url).map { $0.diagnostic(file: page.sourcePath, line: place.line, column: place.column) }
        // So is a number in it (`/kk/87011234567/`): the address is shown wherever the page is shared.
        diagnostics += inspector.numberFindings(page.url).map { $0.finding.diagnostic(file: page.sourcePath, line: place.line, column: place.column) }
        var facts = collector.facts(of: page, inventory: inventory, document: document, tokens: edits.runTokens)
        facts.url = page.url
        facts.anchors = PageAnchors.ids(kind: page.frontMatter.kind, document: document,
                                        plan: BodyRenderer.textPlan(for: edits, inventory: inventory),
                                        hasVerdict: page.frontMatter.claimReview != nil, templateIDs: templateIDs).sorted()
        // A link already refused where it stands is not reported again as missing.
        let refused = Set(diagnostics.filter { $0.severity == .error }.map { "\($0.line):\($0.column)" })
        facts.internalLinks = InternalLinks.collect(page, inventory: inventory, base: inspector.judge.siteBase,
                                                    parser: inspector.judge.parser) { link in
            link.origin == .bareAutolink ? inspector.locate(link.text, near: link.position, in: page) : link.position
        }.filter { !refused.contains("\($0.line):\($0.column)") }
        return CheckedPage(document: document, inventory: inventory, diagnostics: diagnostics, edits: edits, facts: facts)
    }

    /// A page nested deeper than `NestingLimit` allows: only the error, with an empty tree in place
    /// of the parsed one, so no later stage (all of which may recurse) ever walks it.
    private func tooDeep(_ page: Page, _ excess: NestingLimit.Excess) -> CheckedPage {
        let p = page.filePosition(excess.position)
        let message = NestingLimit.message(excess)
        let error = Diagnostic.error("markdown.depth", id: message.id, message.arguments,
                                     file: page.sourcePath, line: p.line, column: p.column)
        let empty = MarkdownDocument(markdown: [])
        let inventory = MarkdownInventory(document: empty, body: [])
        let facts = collector.facts(of: page, inventory: inventory, document: empty, tokens: [:])
        return CheckedPage(document: empty, inventory: inventory, diagnostics: [error], edits: RenderEdits(), facts: facts)
    }
}
