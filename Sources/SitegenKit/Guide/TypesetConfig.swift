import SitegenContent
import SitegenCore

/// The texts of `sitegen.yml` that pages show (the official links' titles and descriptions, the known
/// fakes' descriptions), typeset once per language when the site is set up: every page's
/// `official-links` and `known-fakes` blocks and verdict card, in its HTML and in its bulletins, read
/// them from here rather than typesetting them again for each page and each rendering.
struct TypesetConfig: Sendable {
    /// An official link as pages show it.
    struct Official: Sendable {
        /// Its title, or its address where it has none in the language (addresses are kept as written).
        var title: String
        var description: String?
    }

    private let entries: [OfficialLinkEntry]
    private let registry: [FakeEntry]
    /// By language (the site's), in the order of `official:`.
    private let official: [String: [Official]]
    /// By language, in the order of the registry: each fake's description cut around the fakes it names.
    private let fakes: [String: [[(text: String, isName: Bool)]?]]

    init(_ config: SiteConfig) {
        entries = config.official
        registry = config.links.fakes
        var official: [String: [Official]] = [:]
        var fakes: [String: [[(text: String, isName: Bool)]?]] = [:]
        for language in config.languages {
            official[language] = entries.map { Self.official($0, language: language) }
            fakes[language] = registry.map { Self.description($0, language: language) }
        }
        self.official = official
        self.fakes = fakes
    }

    /// The entry at `index` of `official:` in `language`.
    func official(_ index: Int, language: String) -> Official {
        official[language]?[index] ?? Self.official(entries[index], language: language)
    }

    /// The description of the fake at `index` of the registry in `language`, cut around the names it holds.
    func fakeDescription(_ index: Int, language: String) -> [(text: String, isName: Bool)]? {
        fakes[language].map { $0[index] } ?? Self.description(registry[index], language: language)
    }

    private static func official(_ entry: OfficialLinkEntry, language: String) -> Official {
        Official(title: Typography.apply(entry.title.text(language) ?? entry.url.value, language: language),
                 description: entry.description.text(language).map { Typography.apply($0, language: language) })
    }

    private static func description(_ fake: FakeEntry, language: String) -> [(text: String, isName: Bool)]? {
        fake.descriptionSegments(language).map { Typography.apply(segments: $0, language: language) }
    }
}
