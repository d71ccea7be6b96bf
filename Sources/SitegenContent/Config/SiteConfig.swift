import Foundation
import SitegenCore

/// `bulletins:` in sitegen.yml.
package struct BulletinSettings: Sendable {
    /// The most SMS segments one page's `sms.txt` may take.
    package var smsMaxSegments = 3

    package init() {}
}

/// Everything `sitegen.yml` says: the site's languages and address, and the link policy.
package struct SiteConfig: Sendable {
    /// The file name looked for in the source folder.
    package static let fileName = "sitegen.yml"

    /// Site title per language code.
    package var titles: [String: String]
    /// The title as written, with where each text is.
    package var titleText = LocalizedText()
    /// The published address, always ending in `/`; may carry a path prefix (`https://example.org/42500/`).
    package var baseURL: String {
        get { address.text }
        set { address = SiteAddress(checked: newValue) }
    }
    /// `baseURL`, read once: its host and path prefix.
    package private(set) var address: SiteAddress
    /// Where `baseURL` is written in sitegen.yml (nil when it came from `--base-url`).
    package var baseURLPosition: (line: Int, column: Int)?
    package var defaultLanguage: String
    /// Language codes in the order the site lists them.
    package var languages: [String]
    /// What counts as official: the raw policy, compiled by `LinkPolicy`.
    package var links: LinkPolicyConfig
    /// The official links that `official-links` blocks list.
    package var official: [OfficialLinkEntry] = []
    /// Who publishes the site (for ClaimReview markup).
    package var publisher: Publisher?
    /// Warnings fail the build (`strict: true`, or `--strict`).
    package var strict = false
    /// The language of sitegen's own messages (`lang:`), when the file names one.
    package var messageLanguage: MessageLanguage?
    /// What the bulletins may hold (`bulletins:`).
    package var bulletins = BulletinSettings()
    /// Where `sitegen deploy` publishes (`deploy:`), in the order written.
    package var deployTargets: [DeployTarget] = []

    package init(
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
    package func title(for language: String) -> String {
        titles[language] ?? titles[defaultLanguage] ?? titles.values.sorted().first ?? ""
    }

    /// Joins the base URL and a site path such as `/kk/42500/apply/`.
    package func absoluteURL(_ sitePath: String) -> String { Self.absoluteURL(sitePath, baseURL: baseURL) }

    /// ``absoluteURL(_:)`` for a site published at `baseURL`.
    package static func absoluteURL(_ sitePath: String, baseURL: String) -> String {
        var path = Substring(sitePath)
        while path.hasPrefix("/") { path = path.dropFirst() }
        return baseURL + path
    }

    /// The path prefix of the base URL (`/` or `/42500/`), which every site-relative link starts with.
    package var basePath: String { address.path }
}

/// The `links:` block of `sitegen.yml` as written, each entry with its position for diagnostics.
package struct LinkPolicyConfig: Sendable {
    /// Host patterns: `egov.kz` (that host only) or `*.egov.kz` (any subdomain, not the apex).
    package var allow: [Located<String>] = []
    /// Official Telegram handles, without `@`.
    package var telegramOfficial: [Located<String>] = []
    /// The registry of known fakes: bot names (`links.telegram.fake`) and sites
    /// (`links.fake_domains`), which may be named only inside a warning.
    package var fakes: [FakeEntry] = []
    /// Known fake handles or bot names.
    package var telegramFake: [Located<String>] { fakes.filter { $0.kind == .bot }.map(\.name) }
    /// Known fake sites.
    package var fakeDomains: [Located<String>] { fakes.filter { $0.kind == .site }.map(\.name) }
    /// Official phone and short numbers.
    package var phones: [Located<String>] = []
    /// Opt-in for wildcards directly under a top-level domain, such as `*.kz`.
    package var allowTopLevelWildcards = false
    /// Where the `allow` key is (or `links:` when it is missing), for findings about the list as a whole.
    package var line = 1
    package var column = 1

    package init() {}
}
