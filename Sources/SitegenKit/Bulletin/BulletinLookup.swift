import SitegenCore

/// `sitegen bulletin`: one page's bulletin for one channel, found by its file or its translationKey.
package struct BulletinLookup: Sendable {
    package var options: BuildOptions
    /// A content file (`content/kk/42500/apply.md`) or a translationKey (`42500-apply`).
    package var target: String
    /// The language wanted; the file's own, or the default language for a key, when nil.
    package var language: String?
    package var channel: BulletinChannel

    package init(options: BuildOptions, target: String, language: String?, channel: BulletinChannel) {
        self.options = options
        self.target = target
        self.language = language
        self.channel = channel
    }

    /// What came of the lookup.
    package enum Outcome: Sendable {
        /// The bulletin's parts, in order, and the warnings its page has.
        case found(parts: [String], diagnostics: [Diagnostic])
        /// The request names nothing there is (exit status 2): the message lists what there is.
        case unknown(CatalogMessage)
        /// The page or the site has errors (exit 1, or 2 when `setup` is true).
        case failed(diagnostics: [Diagnostic], setup: Bool)
    }

    package func run() -> Outcome {
        let (loaded, setupDiagnostics) = SiteSetup.load(options)
        guard let setup = loaded else { return .failed(diagnostics: setupDiagnostics, setup: true) }
        let config = setup.config
        if let language, !config.languages.contains(language) {
            return .unknown(CatalogMessage("bulletin.lookup.language", ["language": language,
                                                                         "languages": config.languages.joined(separator: ", ")]))
        }
        let (files, fileDiagnostics) = setup.loader.contentFiles()
        // A content file that is no page (a FIFO, a folder of a language not configured) fails a build
        // for its content, exit status 1, and so this.
        if fileDiagnostics.hasErrors { return .failed(diagnostics: setupDiagnostics + fileDiagnostics, setup: false) }
        // Front matter only, to find the page and its translations; a file that cannot be read is
        // kept with what stopped it.
        let loads = Parallel.map(files) { setup.loader.load($0) }
        let pages = loads.compactMap(\.0)
        let unread = zip(files, loads).filter { $0.1.0 == nil && $0.1.1.hasErrors }

        let source = options.sourceDirectory
        var path = target
        if path.hasPrefix(source + "/") { path = String(path.dropFirst(source.count + 1)) }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        let byFile = pages.first { $0.sourcePath == path }
        let key = byFile?.translationKey ?? target
        let candidates = pages.filter { $0.translationKey == key }
        // The page asked for may be one that could not be read (its front matter broken): its errors are
        // the answer, not that there is no such page. It is known by its path, or by the key it names
        // on a line of its own or its path gives, in the language asked for.
        let wanted = language ?? byFile?.language ?? config.defaultLanguage
        if !candidates.contains(where: { $0.language == wanted }) {
            let named = SiteBuilder.unreadable(unread.map(\.0), source: source)
            for (file, read) in zip(unread, named)
            where file.0 == path || ((read.key == key || read.key == target) && read.language == (language ?? read.language)) {
                return .failed(diagnostics: setupDiagnostics + file.1.1, setup: false)
            }
        }
        guard !candidates.isEmpty else {
            let keys = Set(pages.map(\.translationKey)).sorted()
            return .unknown(CatalogMessage("bulletin.lookup.target", ["target": target, "keys": keys.joined(separator: ", ")]))
        }
        guard let page = candidates.first(where: { $0.language == wanted }) else {
            let have = candidates.map(\.language).sorted().joined(separator: ", ")
            return .unknown(CatalogMessage("bulletin.lookup.translation", ["key": key, "language": wanted, "languages": have]))
        }
        guard page.frontMatter.bulletin else {
            return .failed(diagnostics: [.error("bulletin.off", id: "bulletin.off",
                                                file: page.sourcePath, line: 1, column: 1)], setup: false)
        }
        let checked = setup.checker.check(page)
        var diagnostics = setupDiagnostics + setup.officialDiagnostics + checked.diagnostics
        if options.strict || config.strict { diagnostics = SiteBuilder.applyStrictness(diagnostics, strict: true) }
        guard !diagnostics.hasErrors else { return .failed(diagnostics: diagnostics, setup: false) }
        let (made, d) = setup.bulletins.make(page, document: checked.document, edits: checked.edits, channels: [channel])
        diagnostics += d
        guard let bulletin = made.first, !diagnostics.hasErrors else { return .failed(diagnostics: diagnostics, setup: false) }
        return .found(parts: bulletin.parts, diagnostics: diagnostics)
    }
}
