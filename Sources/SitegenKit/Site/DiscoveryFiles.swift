import SitegenContent
import SitegenCore

/// The files search engines and feed readers read: `sitemap.xml` (with hreflang alternates),
/// an Atom feed per language and `robots.txt`. Dates come from the content, never from the clock,
/// so the same input gives the same bytes.
struct DiscoveryFiles {
    let config: SiteConfig
    let index: SiteIndex

    /// One page's `<url>` element of the sitemaps.org protocol, with `xhtml:link` alternates (every
    /// version, itself included, and `x-default` for the default language's version), and its day of
    /// last change when it has one.
    func sitemapEntry(_ e: SiteIndex.Entry) -> (text: String, lastmod: String?) {
        var out = "<url>\n<loc>\(xml(config.absoluteURL(e.url)))</loc>\n"
        let lastmod = e.lastmod.flatMap(LocalDates.isoDay)
        if let lastmod { out += "<lastmod>\(lastmod)</lastmod>\n" }
        let versions = index.versions(of: e.translationKey, order: config.languages)
        if versions.count > 1 {
            for v in versions {
                out += "<xhtml:link rel=\"alternate\" hreflang=\"\(xml(v.language))\" href=\"\(xml(config.absoluteURL(v.url)))\"/>\n"
            }
            if let d = versions.first(where: { $0.language == config.defaultLanguage }) {
                out += "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"\(xml(config.absoluteURL(d.url)))\"/>\n"
            }
        }
        return (out + "</url>\n", lastmod)
    }

    /// An Atom 1.0 feed of a language's pages, newest first.
    func atom(language: String, strings: Strings, limit: Int = 50) -> String {
        let pages = newest(language: language, limit: limit).map { index.entries[$0] }
        let title = config.title(for: language)
        let home = config.absoluteURL("/\(language)/")
        let updated = pages.first.flatMap { $0.lastmod }.map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(xml(language))">
            <id>\(xml(home))</id>
            <title>\(xml(title))</title>
            <updated>\(xml(updated))</updated>
            <link rel="self" href="\(xml(config.absoluteURL("/\(language)/atom.xml")))"/>
            <link rel="alternate" type="text/html" href="\(xml(home))"/>
            <author><name>\(xml(config.publisher?.name.text(language) ?? title))</name></author>

            """
        for p in pages {
            let url = config.absoluteURL(p.url)
            out += "<entry>\n<id>\(xml(url))</id>\n<title>\(xml(Typography.apply(p.title, language: language)))</title>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(xml(url))\"/>\n"
            out += "<updated>\(xml(Self.timestamp(p.lastmod!)))</updated>\n"
            if let d = p.description { out += "<summary>\(xml(Typography.apply(d, language: language)))</summary>\n" }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    /// The places in the index of a language's `limit` newest pages with a date, newest first: by the
    /// moment their dates name, then by address. Kept as they are found, so that a big site's pages are
    /// not copied and sorted for the fifty a feed lists.
    func newest(language: String, limit: Int) -> [Int] {
        let entries = index.entries
        var newest: [(moment: String, entry: Int)] = []
        func before(_ a: (moment: String, entry: Int), _ b: (moment: String, entry: Int)) -> Bool {
            (a.moment, entries.url(b.entry)) > (b.moment, entries.url(a.entry))
        }
        // Only the language's pages are made entries of (their texts are read back, ``SitePages``).
        for i in entries.indices where entries.language(i) == language && !entries.isSection(i) {
            guard let lastmod = entries[i].lastmod else { continue }
            let found = (moment: Dates.moment(lastmod) ?? lastmod, entry: i)
            if newest.count == limit, let last = newest.last, !before(found, last) { continue }
            newest.insert(found, at: newest.firstIndex { before(found, $0) } ?? newest.count)
            if newest.count > limit { newest.removeLast() }
        }
        return newest.map(\.entry)
    }

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL("/sitemap.xml"))\n"
    }

    /// RFC 3339 for a page's date (``Dates/timestamp(_:)``; every date a page holds was read as one).
    static func timestamp(_ date: String) -> String { Dates.timestamp(date) ?? date }

    func xml(_ s: String) -> String { HTMLText.escape(s) }
}
