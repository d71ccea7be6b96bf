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
        let pages = index.entries.filter { $0.language == language && $0.lastmod != nil && !$0.isSection }
            .map { (page: $0, moment: Self.moment($0.lastmod!)) }
            .sorted { ($0.moment, $1.page.url) > ($1.moment, $0.page.url) }
            .map(\.page)
            .prefix(limit)
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

    func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL("/sitemap.xml"))\n"
    }

    /// RFC 3339 for a front matter date (``Dates/isValid(_:)``): a bare day is midnight UTC, a time
    /// without seconds gets them, and one without a zone is UTC.
    static func timestamp(_ date: String) -> String {
        if date.utf8.count == 10 { return date + "T00:00:00Z" }
        var t = Array(date.utf8)
        t[10] = UInt8(ascii: "T")
        // `HH:MM` at 11–15: seconds follow it or are added.
        if t.count == 16 || (t.count > 16 && t[16] != UInt8(ascii: ":")) { t.insert(contentsOf: Array(":00".utf8), at: 16) }
        let zoned = t.last == UInt8(ascii: "Z") || t[19...].contains(UInt8(ascii: "+")) || t[19...].contains(UInt8(ascii: "-"))
        return String(decoding: t, as: UTF8.self) + (zoned ? "" : "Z")
    }

    /// The moment a front matter date names, as text that sorts in time: seconds since the year 1 in
    /// UTC (a zone's offset taken off), then the fraction. `2020-04-15T23:30:00-05:00` is after
    /// `2020-04-16T01:00:00Z`, which text order puts first.
    static func moment(_ date: String) -> String {
        let t = Array(timestamp(date).utf8)
        func number(_ at: Int, _ count: Int) -> Int { t[at..<(at + count)].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        var (y, m) = (number(0, 4), number(5, 2))
        // Days from the civil calendar (proleptic Gregorian), counted from 0001-03-01.
        if m <= 2 { y -= 1; m += 12 }
        let days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + number(8, 2)
        var seconds = days * 86_400 + number(11, 2) * 3_600 + number(14, 2) * 60 + number(17, 2)
        var i = 19
        var fraction = ""
        if i < t.count, t[i] == UInt8(ascii: ".") {
            i += 1
            while i < t.count, (0x30...0x39).contains(t[i]) { fraction.append(Character(Unicode.Scalar(t[i]))); i += 1 }
        }
        if i < t.count, t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-") {
            let offset = number(i + 1, 2) * 3_600 + number(i + 4, 2) * 60
            seconds += t[i] == UInt8(ascii: "+") ? -offset : offset
        }
        let whole = String(seconds)
        return String(repeating: "0", count: max(0, 14 - whole.count)) + whole + "." + String(fraction.prefix(9)) + String(repeating: "0", count: max(0, 9 - fraction.count))
    }

    func xml(_ s: String) -> String { HTMLText.escape(s) }
}
