import Foundation

/// `bulletins:` in sitegen.yml.
public struct BulletinSettings: Sendable {
    /// The most SMS segments one page's `sms.txt` may take.
    public var smsMaxSegments = 3

    public init() {}
}

/// Everything `sitegen.yml` says: the site's languages and address, and the link policy.
public struct SiteConfig: Sendable {
    /// The file name looked for in the source folder.
    public static let fileName = "sitegen.yml"

    /// Site title per language code.
    public var titles: [String: String]
    /// The title as written, with where each text is.
    public var titleText = LocalizedText()
    /// The published address, always ending in `/`; may carry a path prefix (`https://example.org/42500/`).
    public var baseURL: String {
        get { address.text }
        set { address = SiteAddress(checked: newValue) }
    }
    /// `baseURL`, read once: its host and path prefix.
    public private(set) var address: SiteAddress
    /// Where `baseURL` is written in sitegen.yml (nil when it came from `--base-url`).
    public var baseURLPosition: (line: Int, column: Int)?
    public var defaultLanguage: String
    /// Language codes in the order the site lists them.
    public var languages: [String]
    /// What counts as official: the raw policy, compiled by `LinkPolicy`.
    public var links: LinkPolicyConfig
    /// The official links that `official-links` blocks list.
    public var official: [OfficialLinkEntry] = []
    /// Who publishes the site (for ClaimReview markup).
    public var publisher: Publisher?
    /// Warnings fail the build (`strict: true`, or `--strict`).
    public var strict = false
    /// The language of sitegen's own messages (`lang:`), when the file names one.
    public var messageLanguage: MessageLanguage?
    /// What the bulletins may hold (`bulletins:`).
    public var bulletins = BulletinSettings()
    /// Where `sitegen deploy` publishes (`deploy:`), in the order written.
    public var deployTargets: [DeployTarget] = []

    public init(
        titles: [String: String], baseURL: String, defaultLanguage: String, languages: [String],
        links: LinkPolicyConfig
    ) {
        self.titles = titles
        self.address = SiteAddress(checked: baseURL)
        self.defaultLanguage = defaultLanguage
        self.languages = languages
        self.links = links
    }

    /// The title for a language, falling back to the default language's.
    public func title(for language: String) -> String {
        titles[language] ?? titles[defaultLanguage] ?? titles.values.sorted().first ?? ""
    }

    /// Joins the base URL and a site path such as `/kk/42500/apply/`.
    public func absoluteURL(_ sitePath: String) -> String {
        var path = Substring(sitePath)
        while path.hasPrefix("/") { path = path.dropFirst() }
        return baseURL + path
    }

    /// The path prefix of the base URL (`/` or `/42500/`), which every site-relative link starts with.
    public var basePath: String { address.path }
}

/// The `links:` block of `sitegen.yml` as written, each entry with its position for diagnostics.
public struct LinkPolicyConfig: Sendable {
    /// Host patterns: `egov.kz` (that host only) or `*.egov.kz` (any subdomain, not the apex).
    public var allow: [Located<String>] = []
    /// Official Telegram handles, without `@`.
    public var telegramOfficial: [Located<String>] = []
    /// The registry of known fakes: bot names (`links.telegram.fake`) and sites
    /// (`links.fake_domains`), which may be named only inside a warning.
    public var fakes: [FakeEntry] = []
    /// Known fake handles or bot names.
    public var telegramFake: [Located<String>] { fakes.filter { $0.kind == .bot }.map(\.name) }
    /// Known fake sites.
    public var fakeDomains: [Located<String>] { fakes.filter { $0.kind == .site }.map(\.name) }
    /// Official phone and short numbers.
    public var phones: [Located<String>] = []
    /// Opt-in for wildcards directly under a top-level domain, such as `*.kz`.
    public var allowTopLevelWildcards = false
    /// Where the `allow` key is (or `links:` when it is missing), for findings about the list as a whole.
    public var line = 1
    public var column = 1

    public init() {}
}
