import Dispatch
import Foundation

/// Runs a build: load, parse, inspect, render, emit — pages in parallel, then the site-wide parts,
/// then the swap into place if nothing anywhere reported an error.
public struct SiteBuilder: Sendable {
    public var options: BuildOptions

    public init(options: BuildOptions) { self.options = options }

    public func run() -> BuildReport {
        let started = DispatchTime.now().uptimeNanoseconds
        func report(_ d: [Diagnostic], pages: [(String, Int)] = [], published: Bool = false, setup: Bool) -> BuildReport {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            return BuildReport(diagnostics: d.sorted(by: Diagnostic.ordered), pagesPerLanguage: pages,
                               seconds: seconds, published: published, setupFailed: setup)
        }
        let source = options.sourceDirectory
        var diagnostics: [Diagnostic] = []

        // Site-wide inputs: config, policy, strings, templates.
        let (loadedConfig, configDiagnostics) = ConfigLoader.load(sourceDirectory: source)
        diagnostics += configDiagnostics
        guard var config = loadedConfig else { return report(diagnostics, setup: true) }
        if let base = options.baseURL {
            guard let normalized = ConfigLoader.normalizeBaseURL(base) else {
                diagnostics.append(.error("config.baseURL", "--base-url must be an absolute http(s) address, not '\(base)'",
                                          file: SiteConfig.fileName))
                return report(diagnostics, setup: true)
            }
            config.baseURL = normalized
        }
        let (policy, policyDiagnostics) = LinkPolicy.compile(config.links, file: SiteConfig.fileName)
        diagnostics += policyDiagnostics
        let (strings, stringDiagnostics) = Strings.load(sourceDirectory: source, languages: config.languages)
        diagnostics += stringDiagnostics
        let (templates, templateDiagnostics) = Templates.load(sourceDirectory: source)
        diagnostics += templateDiagnostics
        guard let policy, let templates, !diagnostics.hasErrors else { return report(diagnostics, setup: true) }

        // Step 1a: every page's front matter, so pages can link to their translations and children.
        let loader = ContentLoader(sourceDirectory: source, config: config, includeDrafts: options.includeDrafts)
        let (files, fileDiagnostics) = loader.contentFiles()
        diagnostics += fileDiagnostics
        let loaded = Parallel.map(files) { loader.load($0) }
        var pages: [Page] = []
        for (page, d) in loaded {
            diagnostics += d
            if let page { pages.append(page) }
        }
        diagnostics += Self.urlClashes(pages)
        pages += Self.missingHomes(pages, config: config)
        let index = SiteIndex(pages: pages)
        let context = PageContext(config: config, strings: strings, index: index)

        // Step 1b: parse, inspect and render each page; write it into the staging folder.
        var output: OutputTree? = nil
        if !options.checkOnly {
            do { output = try OutputTree(destination: options.resolvedOutput) } catch {
                diagnostics.append(.error("output.io", "\(error)", file: options.resolvedOutput))
                return report(diagnostics, setup: true)
            }
        }
        let renderer = PageBuilder(context: context, inspector: policy.inspector(baseURL: config.baseURL), templates: templates,
                                   output: output)
        let pageDiagnostics = Parallel.map(pages) { renderer.build($0, render: !options.checkOnly) }
        diagnostics += pageDiagnostics.flatMap { $0 }

        // Step 2: the site-wide files, then publish only if nothing failed.
        if let output, !diagnostics.hasErrors {
            do {
                try output.write("index.html", templates.render("chooser", context.chooser()))
                try output.write("404.html", templates.render("404", context.notFound(language: config.defaultLanguage)))
                for lang in config.languages {
                    try output.write("\(lang)/404.html", templates.render("404", context.notFound(language: lang)))
                }
                try output.copyTree(from: source + "/static")
                try output.commit()
            } catch {
                diagnostics.append(.error("output.io", "\(error)", file: options.resolvedOutput))
                output.discard()
                return report(diagnostics, setup: true)
            }
        } else {
            output?.discard()
        }
        let counts = config.languages.map { lang in (lang, pages.filter { $0.language == lang }.count) }
        let failed = diagnostics.hasErrors
        return report(diagnostics, pages: counts, published: !failed && !options.checkOnly, setup: false)
    }

    /// Two pages that would be written to the same address: an error naming both files.
    static func urlClashes(_ pages: [Page]) -> [Diagnostic] {
        var seen: [String: Page] = [:]
        var out: [Diagnostic] = []
        for page in pages.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            if let first = seen[page.url] {
                let p = page.frontMatter.slugPosition ?? (1, 1)
                out.append(.error("content.url-clash",
                                  "\(page.sourcePath) and \(first.sourcePath) are both published at \(page.url)",
                                  file: page.sourcePath, line: p.line, column: p.column))
            } else {
                seen[page.url] = page
            }
        }
        return out
    }

    /// A language without `_index.md` still gets a home page listing its sections.
    static func missingHomes(_ pages: [Page], config: SiteConfig) -> [Page] {
        config.languages.compactMap { lang -> Page? in
            guard !pages.contains(where: { $0.language == lang && $0.contentPath == "_index" }) else { return nil }
            var fm = FrontMatter()
            fm.title = config.title(for: lang)
            let text = try! SourceText.decode(Array("---\n---\n".utf8)).get()
            return Page(sourcePath: "content/\(lang)/_index.md", language: lang, contentPath: "_index", isSection: true,
                        url: "/\(lang)/", frontMatter: fm, text: text, bodyOffset: text.bytes.count, bodyLineOffset: 2)
        }
    }
}
