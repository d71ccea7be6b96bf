import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy
import SitegenSearch

/// Step 1 of a build for one page: check it, then render and write it.
struct PageBuilder: Sendable {
    let context: PageContext
    let checker: PageChecker
    let templates: Templates
    let output: any PageOutput
    let bulletins: BulletinMaker
    /// Each language's search analysis: a page's words are read for the index as the page is built, so
    /// that its text is not kept until the index is made.
    let searchAnalyzers: [String: SearchAnalyzer]
    /// The last look at each finished page.
    let linkGuard: PageLinkGuard

    /// `checker` knows the templates' ids (``PageChecker/reserving(_:)``): the page check and the
    /// renderer keep the same ids from headings.
    init(context: PageContext, checker: PageChecker, templates: Templates, output: any PageOutput, bulletins: BulletinMaker) {
        self.context = context
        self.checker = checker
        self.templates = templates
        self.output = output
        self.bulletins = bulletins
        linkGuard = PageLinkGuard(judge: SiteAddressJudge(inspector: checker.inspector, baseURL: context.config.baseURL),
                                  templates: templates.sources, strings: context.strings)
        searchAnalyzers = Dictionary(uniqueKeysWithValues: context.config.languages.map { lang in
            (lang, SearchAnalyzer(language: lang, aliasTable: context.strings.text("searchAliases", lang)))
        })
    }

    /// What building one page gives the site-wide step.
    struct Built: Sendable {
        var diagnostics: [Diagnostic]
        var facts: PageFacts
        var search: SearchDocument?
        /// The page's bulletins, for the manifest.
        var bulletins: [BulletinManifest.Entry] = []
        /// The page's own file (`kk/42500/apply/index.html`), once it was written.
        var pageFile: String?
        /// Every file the page wrote, relative to the output root (for the ``PageCache``): its bulletins'
        /// files, then its own. Made when asked rather than kept for every page of the site.
        var outputs: [String] { Self.outputs(bulletins, pageFile: pageFile) }

        /// The files of a page's bulletins, then its own.
        static func outputs(_ bulletins: [BulletinManifest.Entry], pageFile: String?) -> [String] {
            bulletins.flatMap { entry in entry.files.map { entry.folder + $0.name } } + (pageFile.map { [$0] } ?? [])
        }
        /// The digest of the bytes the page was built from (``Page/sourceDigest``).
        var source: SourceDigest?
        /// Where the page's entry lies in the page cache it was taken from unchanged (nil when the page
        /// was built): the next cache copies those bytes rather than writing the entry again.
        var cachedAt: PageCache.Place?
        /// Whether the page's file could not be read again to build it (it changed, or went): its facts
        /// are not the page's, and its translations are not compared with them. Never cached: the build fails.
        var unread = false
    }

    /// Builds one page and returns what its checks found, its facts and its search entry; writes
    /// nothing when the checks found an error.
    func build(_ page: Page, bulletins wanted: Bool = true) -> Built {
        var stems = SearchStems()
        return build(page, bulletins: wanted, stems: &stems)
    }

    /// ``build(_:bulletins:)``, with the stems earlier pages' words were found to have.
    func build(_ page: Page, bulletins wanted: Bool = true, stems: inout SearchStems) -> Built {
        var built = make(page, bulletins: wanted, stems: &stems)
        built.source = page.sourceDigest
        return built
    }

    private func make(_ page: Page, bulletins wanted: Bool, stems: inout SearchStems) -> Built {
        let checked = checker.check(page)
        var diagnostics = checked.diagnostics
        guard !diagnostics.hasErrors else { return Built(diagnostics: diagnostics, facts: checked.facts, search: nil) }
        // The page and its bulletins show the text with the one typography.
        let typeset = TypesetText(page, document: checked.document, edits: checked.edits)
        // Bulletins first: a page whose bulletin cannot be sent is not written at all.
        var entries: [BulletinManifest.Entry] = []
        if wanted && page.frontMatter.bulletin {
            let (made, d) = bulletins.make(page, document: checked.document, edits: checked.edits, typeset: typeset)
            diagnostics += d
            let folder = BulletinManifest.folder(of: page)
            let pageURL = context.config.absoluteURL(page.url)
            for bulletin in made {
                for (name, text) in zip(bulletin.fileNames, bulletin.parts) {
                    do { try output.write(folder + name, text) } catch {
                        diagnostics.append(.outputFailure(error, file: page.sourcePath))
                    }
                }
                entries.append(BulletinManifest.Entry(page: page, pageURL: pageURL, bulletin: bulletin, folder: folder))
            }
            if diagnostics.hasErrors { return Built(diagnostics: diagnostics, facts: checked.facts, search: nil) }
        }
        let titles = context.strings.alertTitles(page.language)
        let guide = GuideRenderer(page: page, config: context.config, strings: context.strings, typeset: typeset,
                                  texts: bulletins.texts, templateIDs: checker.templateIDs)
        let body = BodyRenderer(basePath: context.config.basePath, alertTitles: titles,
                                fakeMark: context.strings.text("fakeMark", page.language))
            .render(checked.document, inventory: checked.inventory, edits: checked.edits, guide: guide)
        let html = templates.render(page.isSection ? "list" : "page", context.page(page, body: body, typeset: typeset))
        // The last look at what the template made of the page, as at each bulletin: nothing is written past it.
        diagnostics += linkGuard.diagnostics(html, file: page.sourcePath, body: body.html)
        // And at its search result, which shows the title and text with their spaces collapsed and cut short:
        // what is judged is what the index writes.
        let (search, shown) = searchDocument(page, checked.inventory, typeset: typeset, stems: &stems)
        diagnostics += searchGuard(shown, page: page)
        if diagnostics.hasErrors { return Built(diagnostics: diagnostics, facts: checked.facts, search: nil) }
        do {
            try output.write(page.outputPath, html)
        } catch {
            diagnostics.append(.outputFailure(error, file: page.sourcePath))
        }
        return Built(diagnostics: diagnostics, facts: checked.facts, search: search, bulletins: entries.compacted,
                     pageFile: page.outputPath)
    }

    /// Defence in depth: the numbers a reader's app acts on in what the page's search result shows, each an
    /// error of the page where it is written (the check of the page found them all, unless the making of
    /// the result put one together).
    private func searchGuard(_ shown: (title: String, snippet: String), page: Page) -> [Diagnostic] {
        var said = Set<String>()
        return [shown.title, shown.snippet].flatMap { checker.inspector.numberFindings($0) }.compactMap { f, number -> Diagnostic? in
            guard said.insert(number).inserted else { return nil }
            let at = page.text.find(number, from: 0, withinLines: Int.max).map { page.text.position(ofByte: $0) } ?? (line: 1, column: 1)
            return Diagnostic.error("page.link", id: "page.link.search",
                          ["what": PageInspector.shownAsOneLine(number), "code": f.code].merging(MessageCatalog.detail(f.messageID, f.arguments)) { a, _ in a },
                          file: page.sourcePath, line: at.line, column: at.column)
        }
    }

    /// The start of a page's text as its search snippet (``SearchSnippet/cut(_:)``): cut where a word
    /// ends (a word cut short may be another word, and an address cut short another address,
    /// `https://t.me/Kenes1414Bot` → `https://t.me/Kenes141`, which a browser's JSON viewer shows as a
    /// link) and never into a number the page does not hold.
    static func snippet(_ text: String) -> String {
        SearchSnippet.cut(text)
    }

    /// The page as search sees it: its title, a snippet (the description, else the start of the
    /// text) and the words a reader sees; with the title and snippet its result shows, which its
    /// summary holds as they are.
    private func searchDocument(_ page: Page, _ inventory: MarkdownInventory, typeset: TypesetText,
                                stems: inout SearchStems) -> (SearchDocument, shown: (title: String, snippet: String)) {
        let lang = page.language
        let text = inventory.textRuns.map(\.text).joined(separator: " ")
        // The snippet is shown to readers: it never comes from an alert, where fakes are named (the page
        // shows them defanged; a snippet has no such rendering), even when the description is empty or
        // the page's only text is in alerts. Their words are still found by search (`text`, never shown).
        let description = typeset.description.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        let snippet = Self.snippet(description ?? Typography.apply(SearchSnippet.bodyText(inventory.textRuns), language: lang))
        var document = SearchDocument(url: context.href(page.url), title: typeset.title, snippet: snippet,
                                      text: page.frontMatter.title + " " + text)
        let shown = SearchIndexWriter.shown(document)
        document.summary = SearchIndexWriter.summary(url: document.url, shown: shown)
        guard let analyzer = searchAnalyzers[lang] else { return (document, shown) }
        return (SearchIndexWriter.analyzed(document, analyzer: analyzer, stems: &stems.byLanguage[lang, default: SearchStemTable()]), shown)
    }
}

/// The stems of the words pages built so far hold, by language and folded word: neighbouring pages share
/// most of their words, and each is analysed once.
struct SearchStems {
    var byLanguage: [String: SearchStemTable] = [:]
}
