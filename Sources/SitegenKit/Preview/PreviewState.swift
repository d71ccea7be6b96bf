import Foundation
import SitegenContent
import SitegenCore

/// What a full build keeps so that a preview can rebuild one edited page at once, without reading
/// the other pages again: the compiled setup, the templates, every page's front matter and the
/// index pages are rendered against.
///
/// A page rebuilt here is checked, rendered and laid out into bulletins exactly as a full build does
/// it (the same `PageBuilder`), so its bytes are those the next full build writes. What a page
/// contributes to others (lists, search, parity, the feeds) waits for that full build.
package struct PreviewState: Sendable {
    let setup: SiteSetup
    let templates: Templates
    /// The setup's checker, knowing the templates' ids (``PageChecker/reserving(_:)``).
    let checker: PageChecker
    private(set) var pages: [Page]
    private(set) var context: PageContext
    let strict: Bool

    /// One page rebuilt in memory.
    package struct PageRebuild: Sendable {
        package var sourcePath: String
        /// The page's address in the site (`/kk/42500/apply/`), nil when it did not become a page.
        package var url: String?
        /// The files the page produced, by path relative to the output root; none when it has errors.
        package var files: [String: [UInt8]]
        /// What the page's own checks found (the site-wide checks run with the next full build).
        package var diagnostics: [Diagnostic]
    }

    /// Rebuilds the content file at `sourcePath` (relative to the source folder, `content/kk/x.md`).
    /// Returns nil when only a full build can answer: the file is gone, or is not a content page.
    package mutating func rebuild(sourcePath: String) -> PageRebuild? {
        // A file gone, or reached through a link that leads out of the source: the full build says
        // what becomes of it (nothing outside the source is ever read for a page).
        guard sourcePath.hasPrefix("content/"), sourcePath.hasSuffix(".md"),
              SourceWalk.isInsideSource(sourcePath, sourceDirectory: setup.loader.sourceDirectory) else { return nil }
        let (loaded, loadDiagnostics) = setup.loader.load(sourcePath)
        guard let page = loaded else {
            return PageRebuild(sourcePath: sourcePath, url: nil, files: [:],
                               diagnostics: SiteBuilder.applyStrictness(loadDiagnostics, strict: strict))
        }
        if let i = pages.firstIndex(where: { $0.sourcePath == sourcePath }) {
            let before = pages[i]
            pages[i] = page
            if !Self.sameForOtherPages(before, page) { context.index = SiteIndex(pages: pages) }
        } else {
            // A generated home gives way to the editor's own `_index.md`.
            pages.removeAll { $0.language == page.language && $0.contentPath == page.contentPath }
            pages.append(page)
            context.index = SiteIndex(pages: pages)
        }
        let memory = MemoryOutput()
        let builder = PageBuilder(context: context, checker: checker, templates: templates, output: memory,
                                  bulletins: setup.bulletins)
        let built = builder.build(page)
        let diagnostics = SiteBuilder.applyStrictness(loadDiagnostics + built.diagnostics, strict: strict)
        return PageRebuild(sourcePath: sourcePath, url: context.href(page.url),
                           files: diagnostics.hasErrors ? [:] : memory.files, diagnostics: diagnostics)
    }

    /// Whether what other pages show of a page (its entry in the site index) is unchanged.
    static func sameForOtherPages(_ a: Page, _ b: Page) -> Bool {
        let (fa, fb) = (a.frontMatter, b.frontMatter)
        return a.url == b.url && a.translationKey == b.translationKey && a.isSection == b.isSection
            && fa.title == fb.title && fa.description == fb.description && fa.date == fb.date
            && fa.lastmod == fb.lastmod && fa.weight == fb.weight
    }
}

extension PreviewState {
    /// The path the site is published under (`/` or `/guides/`), from `baseURL`.
    package var basePath: String { context.config.basePath }
    /// The site's languages, in order.
    package var languages: [String] { context.config.languages }
}
