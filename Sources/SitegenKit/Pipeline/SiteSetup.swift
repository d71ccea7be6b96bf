import SitegenContent
import SitegenCore
import SitegenPolicy

/// The site-wide inputs every command needs before it reads a page: the config (with the base URL
/// the command asks for), the compiled link policy, the strings and the page checker.
struct SiteSetup {
    var config: SiteConfig
    var strings: Strings
    var inspector: PageInspector
    var checker: PageChecker
    var loader: ContentLoader
    var bulletins: BulletinMaker
    /// What is wrong with the `official:` entries and the other strings of `sitegen.yml` and `i18n/`
    /// that reach readers: reported with the pages' findings, not instead of them.
    var officialDiagnostics: [Diagnostic]

    /// Loads and compiles everything; nil with the errors when any input is unusable.
    static func load(_ options: BuildOptions) -> (SiteSetup?, [Diagnostic]) {
        let source = options.sourceDirectory
        var diagnostics: [Diagnostic] = []
        let (loadedConfig, configDiagnostics) = ConfigLoader.load(sourceDirectory: source)
        diagnostics += configDiagnostics
        guard var config = loadedConfig else { return (nil, diagnostics) }
        if let base = options.baseURL {
            guard let normalized = ConfigLoader.normalizeBaseURL(base) else {
                diagnostics.append(.error("config.baseURL", id: "config.baseURL.option", ["value": base],
                                          file: SiteConfig.fileName))
                return (nil, diagnostics)
            }
            config.baseURL = normalized
        }
        let (policy, policyDiagnostics) = LinkPolicy.compile(config.links, file: SiteConfig.fileName)
        diagnostics += policyDiagnostics
        let (strings, stringDiagnostics) = Strings.load(sourceDirectory: source, languages: config.languages)
        diagnostics += stringDiagnostics
        guard let policy, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let inspector = policy.inspector(baseURL: config.baseURL)
        for f in SiteAddressCheck.findings(config.baseURL, judge: inspector.judge) {
            let at = options.baseURL == nil ? config.baseURLPosition : nil
            diagnostics.append(f.diagnostic(file: options.baseURL == nil ? SiteConfig.fileName : "--base-url",
                                            line: at?.line ?? 0, column: at?.column ?? 0))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        if let host = SiteAddressCheck.placeholderHost(config.baseURL) {
            let at = options.baseURL == nil ? config.baseURLPosition : nil
            diagnostics.append(Diagnostic(.warning, "config.baseURL-placeholder", id: "config.baseURL-placeholder",
                                          ["url": config.baseURL, "host": host],
                                          file: options.baseURL == nil ? SiteConfig.fileName : "--base-url",
                                          line: at?.line ?? 0, column: at?.column ?? 0))
        }
        // A fake's description is read in the known-fakes warning: the fakes it names are shown defanged.
        for i in config.links.fakes.indices {
            let d = config.links.fakes[i].description
            for (lang, text) in d.byLanguage.merging(d.shared.map { ["": $0] } ?? [:], uniquingKeysWith: { a, _ in a }) {
                config.links.fakes[i].namedInDescription[lang] = ReaderStrings.namedFakes(in: text, inspector: inspector)
            }
        }
        let setup = SiteSetup(
            config: config, strings: strings, inspector: inspector,
            checker: PageChecker(inspector: inspector, guide: GuideChecks(config: config)),
            loader: ContentLoader(sourceDirectory: source, config: config, includeDrafts: options.includeDrafts),
            bulletins: BulletinMaker(config: config, strings: strings, inspector: inspector, texts: TypesetConfig(config)),
            officialDiagnostics: GuideChecks.checkOfficialEntries(config, judge: inspector.judge.judge)
                + ReaderStrings.check(config: config, strings: strings, inspector: inspector, sourceDirectory: source))
        return (setup, diagnostics)
    }
}
