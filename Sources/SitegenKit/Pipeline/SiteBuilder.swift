import CPosix
import Dispatch
import Foundation
import SitegenContent
import SitegenCore
import SitegenPolicy
import SitegenSearch

/// Runs a build: load, parse, inspect, render, emit — pages in parallel, then the site-wide parts,
/// then the swap into place if nothing anywhere reported an error.
package struct SiteBuilder: Sendable {
    package var options: BuildOptions
    /// Told of each page checked or built, for a progress line on a terminal.
    package var progress: ProgressLine?

    package init(options: BuildOptions, progress: ProgressLine? = nil) {
        self.options = options.pinningOutput()
        self.progress = progress
    }

    /// Whether every error is the link policy's judgement of what readers would see (`link.…`, `text.…`,
    /// `telegram.…`): exit status 1, as for a page's, though a template or the config holds it; an
    /// error of any other kind found while the setup is read is the setup's (exit status 2).
    static func onlyPolicyErrors(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.allSatisfy { d in
            d.severity != .error || ["link.", "text.", "telegram."].contains { d.code.hasPrefix($0) }
        }
    }

    package func run() -> BuildReport {
        let started = DispatchTime.now().uptimeNanoseconds
        // What `--force` keeps of the output is what was saved into it from here on.
        let startedAt = OutputTree.fileSystemNow()
        var language: MessageLanguage?
        func report(_ d: [Diagnostic], pages: [(String, Int)] = [], published: Bool = false, setup: Bool) -> BuildReport {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            // An output that could not be written is exit status 2 whichever step found it (a page's
            // file on a full disk as much as the staging folder): it is no fault of the content.
            let io = d.contains { $0.severity == .error && $0.code == "output.io" }
            return BuildReport(diagnostics: d.sorted(by: Diagnostic.ordered), pagesPerLanguage: pages,
                               seconds: seconds, published: published, setupFailed: setup || io, messageLanguage: language)
        }
        let source = options.sourceDirectory
        var diagnostics: [Diagnostic] = []

        // What a killed build left beside the output goes first: the published folder's list may be
        // under the name it had in the swap, and a folder it replaced holds only what it names.
        let keptLeftovers = Self.keptWarnings(options.checkOnly ? [] : OutputTree.removeLeftoversIfAny(of: options.resolvedOutput), options)
        diagnostics += keptLeftovers
        // Files put into the published folder since it was published are looked for beside the reading
        // of the inputs (the look reads only the output); a build with nothing to do stops it.
        let added = options.checkOnly || options.force ? nil
            : Background { stopped in WrittenFiles.look(at: options.resolvedOutput, stopped: stopped) }
        defer { added?.finish() }
        // The inputs' digests are taken before anything is read: a file changed after that is built from
        // its new bytes under its old digest, and the next build, seeing the new one, builds it again
        // (taken after, it would record the new bytes for a site made of the old ones).
        // A check takes them only to take pages from the last build's cache (``checkedBefore``).
        // A build does not read again a content file unchanged since the last build's look (its stamp as
        // recorded): what it may miss (``SourceStamps``) leaves a page as it was published, judged. A
        // check reads every file: its verdict is on the bytes there now. `--force` reads every file too.
        var inputs = options.checkOnly && (options.force || !PageCache.exists(for: options.resolvedOutput)) ? nil
            : InputDigest.of(options, stamps: options.force || options.checkOnly ? nil : SourceStamps.read(for: options.resolvedOutput),
                             recording: !options.force && !options.checkOnly)

        // Site-wide inputs: config, policy, strings, templates.
        let (loadedSetup, setupDiagnostics) = SiteSetup.load(options)
        // The editors' language is known even when a later part of the setup failed.
        language = loadedSetup?.config.messageLanguage
            ?? (loadedSetup == nil ? ConfigLoader.load(sourceDirectory: source).0?.messageLanguage : nil)
        diagnostics += setupDiagnostics
        guard let setup = loadedSetup else { return report(diagnostics, setup: true) }
        let (templates, templateDiagnostics) = Templates.load(sourceDirectory: source)
        diagnostics += templateDiagnostics
        if let templates { diagnostics += TemplateLinks.check(templates, inspector: setup.inspector) }
        guard let templates, !diagnostics.hasErrors else { return report(diagnostics, setup: !Self.onlyPolicyErrors(diagnostics)) }
        let (config, strings, loader, bulletins) = (setup.config, setup.strings, setup.loader, setup.bulletins)
        let checker = setup.checker.reserving(templates)
        // The output must be sitegen's alone: refused before any work, so nothing is lost.
        if !options.checkOnly, let refusal = Self.outputRefusal(options, config: config) {
            diagnostics.append(.error("output.folder", id: refusal.id, refusal.arguments, file: options.resolvedOutput))
            return report(diagnostics, setup: true)
        }
        // Nothing changed since the build that published the output: report what it reported. With the
        // inputs of the record, the look for added files is stopped before the output is walked (the
        // two would share the cores), and made after all if the walk finds the output changed.
        var countAgain = false
        if let inputs, !options.checkOnly, !options.force, !options.keepsPreviewState,
           let record = BuildRecord.current(of: options.resolvedOutput, inputs: inputs.whole, beforeListing: {
               added?.stop()
               countAgain = added != nil
           }) {
            var upToDate = report(record.diagnostics + keptLeftovers, pages: record.pages, setup: false)
            upToDate.upToDate = true
            upToDate.bulletinsPerLanguage = Dictionary(record.bulletins, uniquingKeysWith: { a, _ in a })
            return upToDate
        }
        // Files put into the published folder since it was published (a `.git`, notes) would go with it:
        // refused, unless the build is asked to replace the folder whole (`--force`). So is a folder of
        // files with no list of what its build wrote (an older sitegen's, or the list removed).
        // The list read there is the published site's, which the site the last build swapped out is
        // judged against before this build writes into it (``SpareTree``).
        var liveList: WrittenFiles.List?
        do {
            let look = countAgain ? WrittenFiles.look(at: options.resolvedOutput) : added?.value
            if let refusal = Self.addedFilesRefusal(look?.found, options) {
                diagnostics.append(refusal)
                return report(diagnostics, setup: true)
            }
            liveList = look?.list
        }
        // What the content files were as their digests were taken, for the next build: this one has work
        // to do (one with none writes nothing), and the output is sitegen's.
        if !options.checkOnly, let stamps = inputs?.contentStamps { stamps.write(for: options.resolvedOutput) }
        inputs?.contentStamps = nil
        diagnostics += setup.officialDiagnostics
        var (files, pageSources, fileDiagnostics) = loader.contentFilesResolved()
        diagnostics += fileDiagnostics
        let (staticFiles, staticDiagnostics) = Self.staticFiles(source: source, pageSources: pageSources)
        // Read only to tell pages from static files: a big site's set of them goes now, not at the end.
        pageSources = []
        diagnostics += staticDiagnostics + Self.caseClashes(staticFiles.map { "static/" + $0.relative })
            + Self.staticProblems(staticFiles.map(\.relative), languages: config.languages) + StaticFileCheck.problems(staticFiles, inspector: setup.inspector, siteHost: config.address.host)

        // Checking only: each page is read and checked in one pass, nothing is rendered. What the checks
        // across pages read of each waits in a working file, as a build's does (``BuiltStore``): a big
        // site's facts, held whole, were most of what a check held.
        if options.checkOnly {
            let store: BuiltStore
            do { store = try Self.checkStore(options) } catch {
                diagnostics.append(.outputFailure(error, file: options.resolvedOutput))
                return report(diagnostics, setup: true)
            }
            let preflight = BulletinPreflight(maker: bulletins)
            let before = Self.checkedBefore(files, inputs: inputs, loader: loader, config: config, output: options.resolvedOutput, store: store)
            inputs = nil
            let progress = self.progress
            progress?.begin(files.count)
            let results = Parallel.map(files) { file -> (AddressClashes.Address?, [Diagnostic], Checked?) in
                defer { progress?.advance() }
                if let (page, entry) = before.entry(file) {
                    return (AddressClashes.Address(page), entry.loaded + entry.built.diagnostics,
                            Checked(named: ParityCheck.Named(sourcePath: page.sourcePath, language: page.language, translationKey: page.translationKey),
                                    place: entry.built.place, before: true))
                }
                let (page, d) = loader.load(file)
                guard let page else { return (nil, d, nil) }
                let checked = checker.check(page)
                var found = d + checked.diagnostics
                // A bulletin that could not be sent is an error of the page, found by a check too.
                if !found.hasErrors { found += preflight.check(page, checked: checked) }
                let facts = checked.facts
                return (AddressClashes.Address(page), found,
                        Checked(named: ParityCheck.Named(sourcePath: facts.sourcePath, language: facts.language, translationKey: facts.translationKey),
                                place: store.add(facts: facts)))
            }
            diagnostics += results.flatMap(\.1)
            let addresses = results.compactMap(\.0)
            diagnostics += AddressClashes.check(AddressClashes.Pages(addresses), languages: config.languages)
            let checked = results.compactMap(\.2)
            do {
                if let failure = store.failure { throw OutputError.io(failure) }
                diagnostics += try ParityCheck.check(count: checked.count, named: { checked[$0].named },
                                                     facts: { try store.facts(BuiltStore.kept(checked[$0].place)) },
                                                     languages: config.languages, defaultLanguage: config.defaultLanguage,
                                                     unreadable: Self.unreadable(zip(files, results).filter { $0.1.0 == nil }.map(\.0), source: source),
                                                     refused: Self.errorPositions(diagnostics))
                diagnostics += try InternalLinks.check(count: checked.count, facts: { try store.links(checked[$0].place, of: checked[$0].named) },
                                                       staticFiles: staticFiles.map(\.relative), languages: config.languages)
            } catch {
                diagnostics.append(.outputFailure(error, file: options.resolvedOutput))
                return report(diagnostics, setup: true)
            }
            diagnostics = Self.applyStrictness(diagnostics, strict: options.strict || config.strict)
            let counts = config.languages.map { lang in (lang, addresses.filter { $0.language == lang }.count) }
            var done = report(diagnostics, pages: counts, setup: false)
            done.checkedBefore = checked.count { $0.before }
            return done
        }

        // What each page gives the site-wide parts waits on disk, not in memory, until they run (see
        // `BuiltStore`): the pages of the last build's cache as it is read, the others as they are built.
        let store: BuiltStore
        do {
            let folder = OutputTree.stagingPrefix(for: options.resolvedOutput).parent
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            store = try BuiltStore(folder: folder)
        } catch {
            diagnostics.append(.outputFailure(error, file: options.resolvedOutput))
            return report(diagnostics, setup: true)
        }

        // Step 1a: every page's front matter, so pages can link to their translations and children.
        // An incremental build does not read a file unchanged since the last build: the page cache
        // has what the other pages and the site-wide parts need of it (see `PageCache`).
        var previous = options.force || options.keepsPreviewState ? nil
            : PageCache.read(for: options.resolvedOutput, store: store).flatMap { $0.setup == inputs?.setup ? $0 : nil }
        let unchanged = Set(previous.map { previous in files.filter { previous.pages[$0]?.source == inputs?.content[$0] } } ?? [])
        let keepsText = options.keepsPreviewState
        var loaded = Self.load(files, loader: loader, keepingText: keepsText, unchanged: unchanged, previous: previous, spill: store)
        var placed = Self.placed(&loaded, config: config)
        // What pages show of each other changed: every page is built again, and the cache is let go.
        var indexDigest = PageCache.indexDigest(placed.index)
        var cache = previous?.index == indexDigest ? previous : nil
        previous = nil
        // Nothing of a cache let go reaches the site, not even the summaries of the pages it stood for
        // (a cache not made by the build that published this output says anything): they are read.
        if cache == nil && !unchanged.isEmpty {
            loaded = Self.load(files, loader: loader, keepingText: keepsText, unchanged: [], previous: nil, spill: store)
            placed = Self.placed(&loaded, config: config)
            indexDigest = PageCache.indexDigest(placed.index)
        }
        let (pages, whole, generated) = (loaded.pages, loaded.whole, placed.generated)
        let summarized = cache == nil ? [] : unchanged
        diagnostics += loaded.diagnostics
        let (loadReports, unreadableFiles) = (loaded.reports, loaded.unreadable)
        loaded = LoadedSite(spill: store)
        // Each file is a page of the table now, or among those that gave none: a big site's list of paths goes.
        files = []
        // So do the content's digests: whether a file changed between its digest and its reading is known
        // now (a page's summary holds the digest it was read under), and held to the end they were a
        // tenth of a big build's peak.
        let contentChanged = inputs?.changedContent(pages: pages, generated: { generated.keys.contains($0) }, unread: unreadableFiles)
        inputs?.content = ContentDigests()
        // Each step's leftovers go back to the system before the next one grows (see `sg_release_free_memory`).
        sg_release_free_memory()
        let clashes = AddressClashes.check(AddressClashes.Pages(pages, where: { !generated.keys.contains($0) }), languages: config.languages)
        diagnostics += clashes
        // Pages that would be written over each other or over the build's own files are not built: what
        // writing them failed on would be reported instead, differently from run to run.
        if clashes.hasErrors { return report(diagnostics, setup: false) }
        let assets: AssetNames
        do { assets = try Self.assetNames(staticFiles) } catch {
            diagnostics.append(.outputFailure(error, file: "static"))
            return report(diagnostics, setup: true)
        }
        // The site index is let go once the site-wide pages that list the others are made: the search
        // indexes, made after them, are the largest thing a build holds (kept for a preview's rebuilds).
        var context: PageContext? = PageContext(config: config, strings: strings, index: placed.index, assets: assets)
        placed.index = SiteIndex(pages: SitePages(spill: store))

        // Step 1b: check, render and write each page into the staging folder.
        let output: OutputTree
        do {
            output = try OutputTree(destination: options.resolvedOutput, reusing: !options.force, startedAt: startedAt, live: liveList)
            // A spare taken holds the list's files to its end anyway: kept, the look before the publish
            // takes the list as read here while its file is unchanged, instead of reading it again.
            if !output.tookSpare { liveList = nil }
        } catch {
            let file = options.resolvedOutput
            switch error as? OutputLock.Refusal {
            case .held(let output, let process?)?:
                diagnostics.append(.error("output.io", id: "output.locked.process", ["output": output, "process": String(process)], file: file))
            case .held(let output, nil)?:
                diagnostics.append(.error("output.io", id: "output.locked", ["output": output], file: file))
            case .notAFile(let lock)?:
                diagnostics.append(.error("output.io", id: "output.lock-file", ["lock": lock], file: file))
            case nil:
                diagnostics.append(.outputFailure(error, file: file))
            }
            return report(diagnostics, setup: true)
        }
        if let cache { output.expect(files: cache.pages.values.reduce(0) { $0 + $1.outputCount }) }
        // What the last build made of each page is needed only while the pages are built: let go after.
        let (cachedParts, cacheFile) = (cache?.parts ?? [], cache?.file)
        let linkGuard: PageLinkGuard
        let built: [BuiltStore.Stored]
        do {
            let builder = PageBuilder(context: context!, checker: checker, templates: templates, output: output,
                                      bulletins: bulletins)
            linkGuard = builder.linkGuard
            let cached = cache?.pages
            cache = nil
            let progress = self.progress
            progress?.begin(pages.count)
            built = Parallel.map(Array(pages.indices), state: { SearchStems() }) { stems, i -> BuiltStore.Stored in
                defer { progress?.advance() }
                let sourcePath = pages.sourcePath(i)
                // An unchanged page is what the last build made of it, its files linked from the published
                // site: files and setup unchanged, and what pages show of each other too.
                if summarized.contains(sourcePath), let entry = cached?[sourcePath], let files = entry.publishedFiles(at: sourcePath),
                   output.adoptAll(files) {
                    var kept = entry.built
                    kept.cachedAt = entry.place
                    // Linked, every one of its files is placed: it stays cached.
                    kept.cacheable = true
                    return kept
                }
                // A page is built from its file, read again; a generated home and a preview's pages from what the build holds.
                let made: PageBuilder.Built
                if let home = generated[sourcePath] { made = builder.build(home, bulletins: false) }
                else if keepsText { made = builder.build(whole[i], stems: &stems) }
                else { made = Self.build(pages.summary(i), builder: builder, loader: loader, stems: &stems) }
                var stored = store.add(made)
                // A page is cached only with every file it wrote: one that could not be is built again next time.
                stored.cacheable = made.outputs.allSatisfy { output.placedFile($0) != nil }
                return stored
            }
        }
        diagnostics = Self.withoutEchoes(diagnostics + built.flatMap(\.diagnostics))
        sg_release_free_memory()
        if let failure = store.failure {
            diagnostics.append(.error("output.io", id: "output.io", ["reason": failure], file: options.resolvedOutput))
            diagnostics += Self.keptWarnings(output.discard(), options).filter { !keptLeftovers.contains($0) }
            return report(diagnostics, setup: true)
        }
        // The checks across pages read each page's facts back from the store as they need them.
        do {
            let facts: @Sendable (Int) throws -> PageFacts = { try store.facts(BuiltStore.kept(built[$0].place)) }
            // A page whose file was not there to build is compared with nothing, as a file that was never read.
            let unread = zip(pages, built).filter { $0.1.unread }.map { (language: $0.0.language, key: $0.0.translationKey) }
            let compared = built.indices.filter { !built[$0].unread && !generated.keys.contains(pages.sourcePath($0)) }
            diagnostics += try ParityCheck.check(count: compared.count,
                                                 named: { pages.named(compared[$0]) },
                                                 facts: { try facts(compared[$0]) }, languages: config.languages,
                                                 defaultLanguage: config.defaultLanguage,
                                                 unreadable: Self.unreadable(unreadableFiles, source: source) + unread,
                                                 refused: Self.errorPositions(diagnostics))
            // The check of internal links reads only the pages' addresses, anchors and links.
            diagnostics += try InternalLinks.check(count: built.count, facts: { try store.links(built[$0].place, of: pages.named($0)) },
                                                   staticFiles: staticFiles.map(\.relative), languages: config.languages)
        } catch {
            diagnostics.append(.outputFailure(error, file: options.resolvedOutput))
            diagnostics += Self.keptWarnings(output.discard(), options).filter { !keptLeftovers.contains($0) }
            return report(diagnostics, setup: true)
        }
        diagnostics = Self.applyStrictness(diagnostics, strict: options.strict || config.strict)
        sg_release_free_memory()

        // Step 2: the site-wide files, then publish only if nothing failed.
        var sitePartFiles: [PageCache.Part] = []
        if diagnostics.hasErrors {
            diagnostics += Self.keptWarnings(output.discard(), options).filter { !keptLeftovers.contains($0) }
        } else {
            // The published folder is looked at again, as it is now, while the site-wide files are made:
            // a file saved into it while the build ran is refused like one saved before, and kept where
            // it is (one saved after this look is found in the folder swapped out, ``OutputTree/commit``).
            let lookedAt = output.stagingTime()
            let lookAgain = options.force ? nil : Background { [liveList] stopped in
                WrittenFiles.look(at: options.resolvedOutput, known: liveList, stopped: stopped)
            }
            defer { lookAgain?.finish() }
            do {
                // A part made of what has not changed since the published build is linked from there.
                let parts = SiteParts(output: output, cached: cachedParts, languages: config.languages)
                // The pages the build makes itself get the last look each page gets.
                func render(_ template: String, _ object: TemplateObject, measured: Bool = false) throws -> String {
                    let html = templates.render(template, object, measured: measured)
                    let refused = linkGuard.diagnostics(html, file: "templates/\(template).mustache")
                    if !refused.isEmpty { throw PageLinkRefusal(diagnostics: refused) }
                    return html
                }
                try parts.make(.index, key: indexDigest) { out in
                    try out.write(SitePart.chooser, render("chooser", context!.chooser()))
                    try out.write(SitePart.notFound, render("404", context!.notFound(language: config.defaultLanguage)))
                    for lang in config.languages {
                        try out.write(SitePart.notFound(lang), render("404", context!.notFound(language: lang)))
                        // Every guide of the language: as long as the site, so made in a string of its length.
                        try out.write(SitePart.searchPage(lang), render("search", context!.searchPage(language: lang), measured: true))
                    }
                    let discovery = DiscoveryFiles(config: config, index: context!.index)
                    _ = try Sitemaps(discovery: discovery).write(out.write(_:streaming:))
                    try out.write(SitePart.robots, discovery.robots())
                    for lang in config.languages {
                        try out.write(SitePart.feed(lang), discovery.atom(language: lang, strings: strings))
                    }
                    let serving = ServingRules(config: config, assets: assets)
                    try out.write(ServingRules.headersFile, serving.headersFile())
                    try out.write(ServingRules.nginxFile, serving.nginxSnippet())
                }
                if !options.keepsPreviewState { context = nil }
                try output.write("bulletins/index.json") { out in
                    try BulletinManifest.write(pages: built.count, key: { i in
                        built[i].bulletins == 0 ? nil : (pages.translationKey(i), pages.language(i))
                    }, entries: { i in try store.files(BuiltStore.kept(built[i].place)).bulletins }, to: out)
                }
                // One language's index written before the next is made: never two in memory at once. A
                // language whose pages are those the last index was made of keeps that index.
                for lang in config.languages {
                    let key = SitePart.searchKey(pages.indices.lazy.filter { pages.language($0) == lang }.map { i in
                        let (path, source) = (pages.sourcePath(i), Self.builtFrom(i, pages: pages))
                        return (path: path, made: generated.keys.contains(path) ? .generated : source.map { .source($0) } ?? .unread)
                    })
                    try parts.make(.search(language: lang), key: key) { out in
                        try Self.writeSearchIndex(language: lang, strings: strings, pages: pages, built: built, store: store,
                                                  to: out.write(_:_:))
                    }
                    sg_release_free_memory()
                }
                sitePartFiles = parts.published
                // The site-wide parts read the pages' texts back from the working file: all of them, or no site.
                if let failure = store.failure { throw OutputError.io(failure) }
                try output.copy(staticFiles, names: assets)
                let (written, found) = lookAgain?.value ?? (nil, nil)
                if let refusal = Self.addedFilesRefusal(found, options) {
                    diagnostics.append(refusal)
                    diagnostics += Self.keptWarnings(output.discard(), options).filter { !keptLeftovers.contains($0) }
                    return report(diagnostics, setup: true)
                }
                // The record of the folder being replaced goes first: it never describes another tree.
                let ownMode = BuildRecord.folderMode(of: output.destination)
                BuildRecord.remove(for: output.destination)
                PageCache.remove(for: output.destination)
                try output.commit(removingOnly: options.force ? nil : written ?? WrittenFiles.List(folder: nil, files: PlacedFiles()),
                                  ownMode: ownMode, lookedAt: lookedAt)
            } catch let refusal as PageLinkRefusal {
                diagnostics += refusal.diagnostics
                diagnostics += Self.keptWarnings(output.discard(), options).filter { !keptLeftovers.contains($0) }
                return report(diagnostics, setup: false)
            } catch {
                diagnostics.append(.outputFailure(error, file: options.resolvedOutput))
                diagnostics += Self.keptWarnings(output.discard(), options).filter { !keptLeftovers.contains($0) }
                return report(diagnostics, setup: true)
            }
        }
        let counts = config.languages.map { lang in (lang, pages.filter { $0.language == lang }.count) }
        let failed = diagnostics.hasErrors
        // Bulletins count when they were published; a failed build discards them with the site.
        let bulletinCounts = config.languages.map { lang in
            (lang, built.indices.reduce(0) { $0 + (pages[$1].language == lang ? built[$1].bulletins : 0) })
        }
        if !failed, let inputs {
            // A page not there to build after it was read (its file gone, or made a draft, with no error)
            // is missing from a site its inputs' digest no longer describes: as a file changed meanwhile.
            let unbuilt = built.indices.first { built[$0].unread }.map(pages.sourcePath)
            if let changed = contentChanged ?? unbuilt ?? inputs.changedSetup(options) {
                // No record of a site that may mix two states of its sources: the next build makes it anew.
                diagnostics.append(.warning("content.io", id: "content.io.changed-during", ["path": changed], file: changed))
            } else {
                // A folder set aside is told of once, by the build that set it aside.
                BuildRecord.write(for: output.destination, inputs: inputs.whole, pages: counts, bulletins: bulletinCounts,
                                  diagnostics: diagnostics.filter { !keptLeftovers.contains($0) }.sorted(by: Diagnostic.ordered),
                                  files: output.listing, folderMode: output.madeMode)
                Self.writePageCache(pages: pages, built: built, store: store, generated: generated, loaded: loadReports,
                                    inputs: inputs, index: indexDigest, parts: sitePartFiles, output: output, previous: cacheFile)
            }
        }
        // The records are written while the previous site is removed, before the next build may start.
        // A folder the look before the build reported (one left where it is) is found again as the
        // output is taken: said once.
        if !failed { diagnostics += Self.keptWarnings(output.finish(), options).filter { !keptLeftovers.contains($0) } }
        var done = report(diagnostics, pages: counts, published: !failed, setup: false)
        if !failed { done.bulletinsPerLanguage = Dictionary(bulletinCounts, uniquingKeysWith: { a, _ in a }) }
        if !failed && options.keepsPreviewState, var context {
            // The preview's index holds its pages' texts itself: the build's working file goes with the build.
            context.index = SiteIndex(pages: whole)
            done.preview = PreviewState(setup: setup, templates: templates, checker: checker, pages: whole, context: context,
                                        strict: options.strict || config.strict)
        }
        return done
    }

    /// The search index of one language, from each page's terms and summary (as it was built), read back
    /// from the store a run of pages at a time; each file is given to `write` as it is made.
    static func writeSearchIndex(language: String, strings: Strings, pages: SitePages, built: [BuiltStore.Stored], store: BuiltStore,
                                 to write: (String, [UInt8]) throws -> Void) throws {
        let places = built.indices.filter { pages.language($0) == language }.map { built[$0].place }
        let source = SearchPages(sources: places.count) { range in
            try places[range].compactMap { try store.search(BuiltStore.kept($0)) }
        }
        // The pages' summaries wait in a file of their own while the index is made: a language's were the peak of a big build.
        try SearchIndexWriter.write(language: language, pages: source, aliases: strings.text("searchAliases", language),
                                    stopWords: strings.text("searchStopWords", language),
                                    summaries: SearchSummaries(descriptor: store.anotherFile()), to: write)
    }

    /// One page built from its file, read again: built from the bytes the site index was made from
    /// (`summary`'s digest), as a file changed since fails the build, which publishes one state of the
    /// content or none.
    static func build(_ summary: Page, builder: PageBuilder, loader: ContentLoader, stems: inout SearchStems) -> PageBuilder.Built {
        let (read, d) = loader.load(summary.sourcePath)
        guard let read, read.sourceDigest == summary.sourceDigest else {
            let changed = Diagnostic.error("content.io", id: "content.io.changed", file: summary.sourcePath)
            var unread = PageBuilder.Built(diagnostics: read == nil ? d : [changed],
                                           facts: PageFacts(sourcePath: summary.sourcePath, language: summary.language,
                                                            translationKey: summary.translationKey, lastmod: nil))
            unread.unread = true
            return unread
        }
        return builder.build(read, stems: &stems)
    }

    /// What this build made of each page, for the next one to start from, written as it is made: one
    /// entry at a time, so that a big site's cache is never whole in memory. A page taken unchanged
    /// from the last cache (`previous`, the file it was read from) has its entry copied from there.
    static func writePageCache(pages: SitePages, built: [BuiltStore.Stored], store: BuiltStore, generated: [String: Page],
                               loaded: [String: [Diagnostic]], inputs: InputDigest, index: String,
                               parts: [PageCache.Part], output: OutputTree,
                               previous: PageCache.OpenFile?) {
        func source(_ i: Int) -> SourceDigest? { builtFrom(i, pages: pages) }
        func kept(_ i: Int) -> Bool {
            !generated.keys.contains(pages[i].sourcePath) && source(i) != nil && built[i].cacheable
        }
        // Made of what the store holds; nil when it cannot be read back (the cache is then not written).
        func made(_ i: Int) -> PageCache.Encoded? {
            guard let place = built[i].place, let bytes = try? store.bytes(place.whole), let files = try? store.files(place) else { return nil }
            return PageCache.Encoded(source: source(i)!, page: pages.summary(i), loaded: loaded[pages[i].sourcePath] ?? [],
                                     built: bytes, marks: place.marks,
                                     outputs: PageBuilder.Built.outputs(files.bulletins, pageFile: files.pageFile).compactMap(output.placedFile))
        }
        // By source path: the pages come in the order of their files' paths, which the cache takes as
        // it is (a page's path is made only to be compared with the next); a list of every path, made
        // to sort them, was the peak of a big build as it ended.
        var kept = pages.indices.filter(kept)
        if !zip(kept, kept.dropFirst()).allSatisfy({ pages.sourcePath($0) < pages.sourcePath($1) }) {
            kept.sort { pages.sourcePath($0) < pages.sourcePath($1) }
        }
        PageCache.write(setup: inputs.setup, index: index, count: kept.count,
                        entries: kept.lazy.map { i in
                            if let place = built[i].cachedAt, let previous { return (pages[i].sourcePath, .kept(place, in: previous, else: { made(i) })) }
                            return (pages[i].sourcePath, made(i).map(PageCache.Written.encoded))
                        }, parts: parts, for: output.destination)
    }

    /// The digest of what page `i` was built from (a file changed while the build ran is built again
    /// next time), nil when it could not be read: the digest its summary holds, which a page built
    /// from its file was read under, and a page taken unchanged from the last build's cache was cached
    /// under (it is taken only when that is its file's digest now, ``InputDigest/content``).
    static func builtFrom(_ i: Int, pages: SitePages) -> SourceDigest? {
        pages.texts(i).sourceDigest
    }

    /// What a check keeps in memory of a page it checked: its name, and where its facts wait.
    struct Checked: Sendable {
        var named: ParityCheck.Named
        var place: BuiltStore.Place?
        /// Whether it was taken as the last build found it (``checkedBefore``).
        var before = false
    }

    /// The pages a check takes as the build that published the output found them (``PageCache``): each
    /// whose file has the digest it was built from, while the setup and what pages show of each other
    /// (the site index, read from the cache's summaries and the changed files) are as they were then.
    /// What building such a page found of it, and its facts, are what checking it again would give:
    /// that build checked the same bytes with the same setup and program, and wrote its cache only once
    /// it had published, with no error. None without a cache, or with `--force`.
    static func checkedBefore(_ files: [String], inputs: InputDigest?, loader: ContentLoader, config: SiteConfig,
                              output: String, store: BuiltStore) -> CheckedBefore {
        guard let inputs, let cache = PageCache.read(for: output, store: store), cache.setup == inputs.setup else { return CheckedBefore() }
        let unchanged = Set(files.filter { cache.pages[$0]?.source == inputs.content[$0] })
        guard !unchanged.isEmpty else { return CheckedBefore() }
        var loaded = load(files, loader: loader, keepingText: false, unchanged: unchanged, previous: cache, spill: store)
        let placed = placed(&loaded, config: config)
        guard PageCache.indexDigest(placed.index) == cache.index else { return CheckedBefore() }
        return CheckedBefore(pages: cache.pages, unchanged: unchanged)
    }

    /// The pages of the last build's cache that a check takes unchanged (``checkedBefore``).
    struct CheckedBefore: Sendable {
        var pages: PageCache.Pages?
        var unchanged: Set<String> = []

        /// The summary and entry of the page of `file`, when it is taken unchanged.
        func entry(_ file: String) -> (Page, PageCache.Entry)? {
            guard unchanged.contains(file), let entry = pages?[file], let page = entry.summary(at: file) else { return nil }
            return (page, entry)
        }
    }

    /// The working file of a check: beside the output, where a build keeps its own, or else among the
    /// system's temporary files (a check writes nothing, and the output's folder may not be there).
    static func checkStore(_ options: BuildOptions) throws -> BuiltStore {
        do { return try BuiltStore(folder: OutputTree.stagingPrefix(for: options.resolvedOutput).parent) } catch {
            return try BuiltStore(folder: NSTemporaryDirectory())
        }
    }

    /// What reading the content files gave.
    struct LoadedSite {
        /// Every page read, in the order of its file, as the site-wide parts see it.
        var pages: SitePages
        /// The same pages whole, for a preview (``load(_:loader:keepingText:unchanged:previous:spill:)``); else none.
        var whole: [Page] = []
        /// What reading reported, in the order of the files.
        var diagnostics: [Diagnostic] = []
        /// What reading reported of each page that has any: most pages report nothing, and a big site's
        /// empty lists were a dictionary entry each (read as none, ``writePageCache``).
        var reports: [String: [Diagnostic]] = [:]
        /// The files that gave no page.
        var unreadable: [String] = []
        /// Whether ``whole`` holds the pages.
        let keepsWhole: Bool

        init(spill: PageSpill, keepingWhole: Bool = false) {
            pages = SitePages(spill: spill)
            keepsWhole = keepingWhole
        }
    }

    /// Each content file as a page, or what stopped it. Memory stays flat in the content: a page is kept
    /// as its summary in the site's table (``SitePages``, its texts in `spill`), and read again when it
    /// is built; an unchanged file is not read at all, its summary comes from the page cache. The files
    /// are read a run at a time, so that no more than a run's pages are ever whole in memory. A preview
    /// keeps whole pages too (`keepingText`), to rebuild one without reading the others.
    static func load(_ files: [String], loader: ContentLoader, keepingText: Bool, unchanged: Set<String>,
                     previous: PageCache?, spill: PageSpill) -> LoadedSite {
        var site = LoadedSite(spill: spill, keepingWhole: keepingText)
        site.pages.reserveCapacity(files.count + 8)
        let run = 1024
        for start in stride(from: 0, to: files.count, by: run) {
            let read = Parallel.map(Array(files[start..<min(files.count, start + run)])) { file -> (Page?, [Diagnostic]) in
                // An entry that cannot be read back from the working file is read from its page's file.
                guard unchanged.contains(file), let entry = previous?.pages[file], var page = entry.summary(at: file) else {
                    let (page, d) = loader.load(file)
                    return (keepingText ? page : page.map(PageCache.summary(of:)), d)
                }
                page.sourceDigest = entry.source
                return (page, entry.loaded)
            }
            for (offset, (page, d)) in read.enumerated() {
                site.diagnostics += d
                guard let page else {
                    site.unreadable.append(files[start + offset])
                    continue
                }
                if !d.isEmpty { site.reports[files[start + offset]] = d }
                site.pages.append(page)
                if keepingText { site.whole.append(page) }
            }
        }
        return site
    }

    /// Adds the home pages of languages that have none to the pages read, and gives them (by source
    /// path) and the index the pages are rendered against.
    static func placed(_ loaded: inout LoadedSite, config: SiteConfig) -> (generated: [String: Page], index: SiteIndex) {
        let homes = missingHomes(loaded.pages, config: config)
        for home in homes {
            loaded.pages.append(home)
            if loaded.keepsWhole { loaded.whole.append(home) }
        }
        return (Dictionary(homes.map { ($0.sourcePath, $0) }, uniquingKeysWith: { a, _ in a }), SiteIndex(pages: loaded.pages))
    }

    /// Reads the stylesheets and scripts of `static/` to name them by their bytes.
    static func assetNames(_ files: [SourceWalk.File]) throws -> AssetNames {
        var hashed: [(relative: String, bytes: [UInt8])] = []
        for file in files where AssetNames.isHashed(file.relative) {
            guard let bytes = FileReader.read(file.path) else { throw OutputError.io("cannot read \(file.path): \(errnoText())") }
            hashed.append((file.relative, bytes))
        }
        return AssetNames(files: hashed)
    }

    /// Where errors were already reported (`file:line:column`), so later checks do not repeat them.
    static func errorPositions(_ diagnostics: [Diagnostic]) -> Set<String> {
        Set(diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line):\($0.column)" })
    }

    /// The language and likely translationKey of content files that could not be read: the key their
    /// front matter names on a line of its own, else the one their path gives.
    static func unreadable(_ files: [String], source: String) -> [(language: String, key: String)] {
        files.compactMap { file in
            let parts = file.split(separator: "/")
            guard parts.count >= 3, parts[0] == "content" else { return nil }
            var path = parts.dropFirst(2).joined(separator: "/")
            if path.hasSuffix(".md") { path.removeLast(3) }
            var key = Page.defaultTranslationKey(path)
            if let data = FileReader.read(source + "/" + file) {
                for line in String(decoding: data.prefix(4096), as: UTF8.self).split(separator: "\n")
                where line.hasPrefix("translationKey:") {
                    key = line.dropFirst("translationKey:".count).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"'")))
                }
            }
            return (String(parts[1]), key)
        }
    }

    /// The files of `static/` as its walk finds them, without the Markdown of any page: a folder linked
    /// into both `content/` and `static/` would otherwise publish its pages' sources, drafts included.
    /// A file is known by its identity, so a hard link to a page's file is that page's Markdown too.
    static func staticFiles(source: String, pageSources: Set<FileIdentity>) -> ([SourceWalk.File], [Diagnostic]) {
        var (files, diagnostics) = SourceWalk(sourceDirectory: source).files(under: "static")
        func isPage(_ file: SourceWalk.File) -> Bool { file.identity.map(pageSources.contains) ?? false }
        for file in files where isPage(file) {
            let shown = "static/" + file.relative
            diagnostics.append(.warning("content.symlink", id: "content.symlink.page", ["path": shown], file: shown))
        }
        files.removeAll(where: isPage)
        return (files, diagnostics)
    }

    /// A warning for each folder set aside instead of removed because it held what no build wrote
    /// (saved into the published folder as it was replaced, or into one a killed build left).
    static func keptWarnings(_ kept: [OutputTree.Kept], _ options: BuildOptions) -> [Diagnostic] {
        kept.map { kept in
            .warning("output.folder", id: "output.folder.kept",
                     ["output": options.shownOutput, "kept": kept.path, "what": kept.left.named.joined(separator: ", ")],
                     file: options.resolvedOutput)
        }
    }

    /// The error that refuses a build because the published folder holds what its build did not write
    /// (found by ``WrittenFiles``), or cannot be read through to say it does not; nil when it may be
    /// replaced (or was not looked at: `--force`, `check`).
    static func addedFilesRefusal(_ found: WrittenFiles.Found?, _ options: BuildOptions) -> Diagnostic? {
        let (id, arguments): (String, [String: String])
        switch found {
        case .others(let count, let named)?:
            (id, arguments) = ("output.folder.added-named", ["count": String(count), "named": named.joined(separator: ", ")])
        case .unlisted?:
            (id, arguments) = ("output.folder.unlisted", ["list": OutputTree.name(of: WrittenFiles.path(for: options.resolvedOutput))])
        case .changedSinceOlderList?:
            (id, arguments) = ("output.folder.older-list", ["list": OutputTree.name(of: WrittenFiles.path(for: options.resolvedOutput))])
        case .unreadable(let path, let error)?:
            switch error {
            // Out of descriptors is no fault of the folder's: the advice is the limit, not permissions.
            case EMFILE, ENFILE: id = "output.folder.descriptors"
            // A mount inside the output is never entered (``sg_open_folder_here``): the advice is to take it down.
            case EXDEV: id = "output.folder.mounted-inside"
            default: id = "output.folder.unreadable-inside"
            }
            arguments = ["path": path, "reason": String(cString: strerror(error))]
        case .nothingElse?, nil:
            return nil
        }
        return .error("output.folder", id: id, arguments.merging(["output": options.shownOutput]) { a, _ in a }, file: options.resolvedOutput)
    }

    /// Why the output folder may not be replaced, or nil when it may (see `OutputFolder`).
    static func outputRefusal(_ options: BuildOptions, config: SiteConfig) -> (id: String, arguments: [String: String])? {
        OutputFolder.refusal(output: options.resolvedOutput, shown: options.shownOutput, source: options.sourceDirectory,
                             expectedTopLevel: writtenTopLevel(options, config: config))
    }

    /// The names a build writes at the top of its output.
    static func writtenTopLevel(_ options: BuildOptions, config: SiteConfig) -> Set<String> {
        // Stylesheets and scripts are written under their hashed names.
        let staticNames = Folder.entries(options.sourceDirectory + "/static").map { name -> String in
            guard AssetNames.isHashed(name), let bytes = FileReader.read(options.sourceDirectory + "/static/" + name) else { return name }
            return AssetNames.hashedName(name, bytes: bytes)
        }
        return Set(config.languages + staticNames + [
            SitePart.chooser, SitePart.notFound, SitePart.sitemap, Sitemaps.folder, SitePart.robots, "search", "bulletins", OutputFolder.markerName,
            ServingRules.headersFile, ServingRules.hostFolder,
        ])
    }

    /// `diagnostics` without the last looks' objections (a finished page's, a bulletin's) to what a check
    /// refused where it is written: a title refused at its line is shown by the lists of its section and
    /// home too, an interface string on every page, an official link's description in a bulletin, and
    /// each last look would name the page (or the string's line, at another column) as if it wrote it
    /// anew (a handle is matched as `@name` and as an address's `/name`). Only an objection whose text holds a refused one is dropped, and the build fails on that
    /// one all the same: `check`, which looks at no finished page, reports the same errors.
    static func withoutEchoes(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let lastLooks: Set<String> = ["page.link", "bulletin.link"]
        func named(_ d: Diagnostic) -> [String] {
            let handle: [String] = d.arguments["handle"].map { ["@" + $0, "/" + $0] } ?? []
            return ["host", "number", "url", "address", "name", "text", "written"].compactMap { d.arguments[$0] } + handle
        }
        let refused = Set(diagnostics.filter { $0.severity == .error && !lastLooks.contains($0.code) }.flatMap(named)
            .filter { $0.unicodeScalars.count >= 4 }.map(asRead))
        guard !refused.isEmpty else { return diagnostics }
        return diagnostics.filter { d in
            guard lastLooks.contains(d.code), let what = d.arguments["what"] else { return true }
            let read = asRead(what)
            return !refused.contains { read.contains($0) }
        }
    }

    /// A text as compared for an echo: lowercased, with what a reader takes for a dot as one (a check
    /// names `egov-kz·com` by the `egov-kz.com` it reads as).
    private static func asRead(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for u in text.lowercased().unicodeScalars { out.append(TextTokens.onlyLooksLikeDot(u) ? "." : u) }
        return String(out)
    }

    /// Files of `static/` that are published unchecked: a page (its links would reach readers without
    /// the link policy), or a file where the build writes its own (a language folder, the bulletins,
    /// the search index, the root pages), which would replace or sit among checked output.
    static func staticProblems(_ files: [String], languages: [String]) -> [Diagnostic] {
        let generatedFolders = Set(languages + ["bulletins", "search", Sitemaps.folder, ServingRules.hostFolder])
        let generatedFiles: Set<String> = [SitePart.chooser, SitePart.notFound, SitePart.sitemap, SitePart.robots,
                                           OutputFolder.markerName, ServingRules.headersFile]
        var out: [Diagnostic] = []
        for file in files {
            let path = "static/" + file
            // A name is written as it is into the serving rules and listings, a line each: no character
            // in it may end a line or hide one (C0 and C1 controls, DEL, the Unicode line and paragraph
            // separators).
            if let control = file.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029 }) {
                out.append(.error("content.static-name", id: "content.static-name",
                                  ["path": path, "character": String(format: "U+%04X", control.value)], file: path))
                continue
            }
            let top = String(file.prefix { $0 != "/" })
            let ext = (file as NSString).pathExtension.lowercased()
            if ["html", "htm", "xhtml", "shtml"].contains(ext) {
                out.append(.error("content.static-page", id: "content.static-page", ["path": path],
                                  file: path))
            } else if generatedFolders.contains(top.lowercased()) || generatedFiles.contains(file.lowercased()) {
                // In any case: a web host that ignores case would serve one for the other.
                out.append(.error("content.static-clash", id: "content.static-clash",
                                  ["path": path, "written": generatedFiles.contains(file) ? file : top + "/"],
                                  file: path))
            }
        }
        return out
    }

    /// Files of `static/` whose names differ only in case: one file on a case-insensitive host.
    static func caseClashes(_ paths: [String]) -> [Diagnostic] {
        var seen: [String: String] = [:]
        var out: [Diagnostic] = []
        for path in paths.sorted() {
            if let first = seen[path.lowercased()] {
                out.append(.error("content.case-clash", id: "content.case-clash", ["path": path, "other": first],
                                  file: path))
            } else {
                seen[path.lowercased()] = path
            }
        }
        return out
    }

    /// With `--strict` (or `strict: true` in sitegen.yml) every warning fails the build.
    static func applyStrictness(_ diagnostics: [Diagnostic], strict: Bool) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map { d in
            var d = d
            d.severity = .error
            return d
        }
    }

    /// A language without `_index.md` still gets a home page listing its sections.
    static func missingHomes(_ pages: SitePages, config: SiteConfig) -> [Page] {
        let homes = Set(pages.indices.filter { pages.contentPath($0) == "_index" }.map(pages.language))
        return config.languages.compactMap { lang -> Page? in
            guard !homes.contains(lang) else { return nil }
            var fm = FrontMatter()
            fm.title = config.title(for: lang)
            let text = try! SourceText.decode(Array("---\n---\n".utf8)).get()
            return Page(sourcePath: "content/\(lang)/_index.md", language: lang, contentPath: "_index", isSection: true,
                        url: "/\(lang)/", frontMatter: fm, text: text, bodyOffset: text.bytes.count, bodyLineOffset: 2)
        }
    }
}
