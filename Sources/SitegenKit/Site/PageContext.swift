import SitegenContent
import SitegenCore
import SitegenPolicy

/// Builds the values templates see. Dictionaries, so the template engine looks values up by key
/// rather than by reflection.
struct PageContext: Sendable {
    package var config: SiteConfig
    package var strings: Strings
    package var index: SiteIndex
    /// The content-hashed names of the site's stylesheets and scripts.
    var assets: AssetNames

    package init(config: SiteConfig, strings: Strings, index: SiteIndex, assets: AssetNames = AssetNames()) {
        self.config = config
        self.strings = strings
        self.index = index
        self.assets = assets
    }

    /// A site path as written in links of the published site (under the base URL's path).
    package func href(_ sitePath: String) -> String {
        String(config.basePath.dropLast()) + sitePath
    }

    /// Values shared by every template in a language.
    package func common(language: String) -> [String: Any] {
        [
            "lang": language,
            "siteTitle": config.title(for: language),
            "homeURL": href("/\(language)/"),
            "stylesheet": href(assets.path("/style.css")),
            "rootURL": href("/"),
            "feedURL": href("/\(language)/atom.xml"),
            "searchIndex": href("/search/\(language)/"),
            "searchPage": href(SearchPage.url(language: language)),
            "searchScript": href(assets.path("/search.js")),
            "t": strings.table(language),
        ]
    }

    /// The context of a content page or list page.
    func page(_ page: Page, body: RenderedBody) -> [String: Any] {
        var ctx = common(language: page.language)
        let fm = page.frontMatter
        let lang = page.language
        ctx["title"] = Typography.apply(fm.title, language: lang)
        ctx["description"] = fm.description.map { Typography.apply($0, language: lang) } ?? ""
        ctx["hasDescription"] = fm.description != nil
        ctx["canonical"] = config.absoluteURL(page.url)
        ctx["url"] = href(page.url)
        ctx["content"] = body.html
        ctx["structuredData"] = body.structuredData.map { ["json": $0] }
        ctx["toc"] = body.toc.map { ["id": $0.id, "text": $0.text] }
        ctx["hasToc"] = !body.toc.isEmpty
        ctx["hasChecklist"] = body.hasChecklist
        ctx["checklistScript"] = href(assets.path("/checklist.js"))
        // Ticks are kept per translation pair and checklist shape, so the translation shows the same ticks
        // when its lists pair up item for item (and a page whose lists changed starts afresh).
        ctx["ticksKey"] = page.translationKey + ":" + body.checklistShape.map(String.init).joined(separator: ".")
        let updated = fm.lastmod ?? fm.date
        // Set only for a page with a date: an empty string still opens the template's section, and
        // `<time datetime="">` is invalid HTML.
        if let day = updated.flatMap(LocalDates.isoDay) {
            ctx["lastmod"] = day
            ctx["lastmodText"] = updated.flatMap { LocalDates.display($0, language: lang) } ?? day
        }
        ctx["isHome"] = page.contentPath == "_index"
        let versions = index.versions(of: page.translationKey, order: config.languages)
        // hreflang alternates: every version, this one included, and x-default when there are several.
        var alternates = versions.map { ["lang": $0.language, "href": config.absoluteURL($0.url)] }
        if versions.count > 1, let d = versions.first(where: { $0.language == config.defaultLanguage }) {
            alternates.append(["lang": "x-default", "href": config.absoluteURL(d.url)])
        }
        ctx["alternates"] = alternates
        // The switcher: each other language's version, or its home marked as not translated.
        ctx["translations"] = config.languages.filter { $0 != lang }.map { other -> [String: Any] in
            let version = versions.first { $0.language == other }
            return [
                "lang": other,
                "name": strings.text("languageName", other),
                "url": href(version?.url ?? "/\(other)/"),
                "missing": version == nil,
                "notTranslated": strings.text("notTranslated", other),
            ]
        }
        ctx["hasTranslations"] = config.languages.count > 1
        ctx["ogLocale"] = Self.locale(lang)
        ctx["ogAlternateLocales"] = versions.filter { $0.language != lang }.map { ["locale": Self.locale($0.language)] }
        ctx["ogType"] = page.isSection ? "website" : "article"
        let entry = index.entry(language: lang, contentPath: page.contentPath)
        let crumbs = entry.map { index.ancestors(of: $0) } ?? []
        ctx["breadcrumbs"] = crumbs.map { ["title": Typography.apply($0.title, language: lang), "url": href($0.url)] }
        ctx["hasBreadcrumbs"] = !crumbs.isEmpty
        if page.isSection {
            let children = index.children(ofSection: page.listedPath, language: page.language)
            // The home lists each section with its guides, so that a guide is on the first screen.
            let nested = page.contentPath == "_index"
            ctx["pages"] = children.map { c -> [String: Any] in
                var item = listItem(c)
                let below = nested && c.isSection ? index.children(ofSection: Self.folder(of: c), language: lang) : []
                item["children"] = below.map(listItem)
                item["hasChildren"] = !below.isEmpty
                return item
            }
            ctx["hasPages"] = !children.isEmpty
        }
        ctx["verdict"] = body.verdict
        return ctx
    }

    /// A page in a list: title, address and description in the page's typography.
    private func listItem(_ c: SiteIndex.Entry) -> [String: Any] {
        ["title": Typography.apply(c.title, language: c.language), "url": href(c.url),
         "description": c.description.map { Typography.apply($0, language: c.language) } ?? "",
         "hasDescription": c.description != nil]
    }

    /// The folder a section page lists (`42500` for `42500/_index`).
    static func folder(of section: SiteIndex.Entry) -> String {
        String(section.contentPath.dropLast("_index".count)).trimmingSuffix("/")
    }

    /// Every page of a language grouped by the folder it is in, for the search page without JavaScript:
    /// the home's own pages first, then each folder in path order (a subsection after its parent), pages
    /// in list order. A group is headed by its section page's title and link, or by the folder's name
    /// when the folder has no `_index.md`.
    func guideGroups(language: String) -> [[String: Any]] {
        var byFolder: [String: [SiteIndex.Entry]] = [:]
        for e in index.entries where e.language == language && !e.isSection && e.contentPath != "_index" {
            byFolder[e.sectionPath, default: []].append(e)
        }
        return byFolder.keys.sorted().map { folder -> [String: Any] in
            let section = index.entry(language: language, contentPath: folder.isEmpty ? "_index" : folder + "/_index")
            let title = section?.title ?? (folder.isEmpty ? config.title(for: language) : folder)
            let url = section?.url ?? (folder.isEmpty ? "/\(language)/" : nil)
            var group: [String: Any] = ["title": Typography.apply(title, language: language),
                                        "pages": byFolder[folder]!.sorted(by: SiteIndex.listOrder).map(listItem)]
            if let url { group["url"] = href(url) }
            group["hasURL"] = url != nil
            return group
        }
    }

    /// What the language home lists (its sections and pages), for the not-found page.
    func mainLinks(language: String) -> [[String: Any]] {
        index.children(ofSection: "", language: language).map(listItem)
    }

    /// The other languages' homes, for the language switch of pages that have no translation.
    private func otherHomes(_ language: String) -> [[String: Any]] {
        config.languages.filter { $0 != language }.map { other -> [String: Any] in
            ["lang": other, "name": strings.text("languageName", other), "url": href("/\(other)/"), "missing": false,
             "notTranslated": strings.text("notTranslated", other)]
        }
    }

    /// The search page of a language: the header's search field with the query, and without JavaScript
    /// every guide of the language grouped by section.
    func searchPage(language: String) -> [String: Any] {
        var ctx = common(language: language)
        ctx["title"] = strings.text("searchTitle", language)
        ctx["groups"] = guideGroups(language: language)
        ctx["translations"] = otherHomes(language)
        ctx["hasTranslations"] = config.languages.count > 1
        ctx["canonical"] = config.absoluteURL(SearchPage.url(language: language))
        ctx["breadcrumbs"] = [["title": Typography.apply(
            index.entry(language: language, contentPath: "_index")?.title ?? config.title(for: language), language: language),
            "url": href("/\(language)/")]]
        ctx["hasBreadcrumbs"] = true
        ctx["ogType"] = "website"
        ctx["ogLocale"] = Self.locale(language)
        return ctx
    }

    /// Open Graph locale of a language code: `kk` → `kk_KZ`, `ru` → `ru_RU`.
    static func locale(_ language: String) -> String {
        switch language {
        case "kk": return "kk_KZ"
        case "ru": return "ru_RU"
        case "en": return "en_US"
        default: return language
        }
    }

    /// The language chooser at the site root.
    func chooser() -> [String: Any] {
        var ctx = common(language: config.defaultLanguage)
        ctx["languages"] = config.languages.map { lang -> [String: Any] in
            ["lang": lang, "name": strings.text("languageName", lang), "url": href("/\(lang)/"),
             "siteTitle": config.title(for: lang)]
        }
        ctx["canonical"] = config.baseURL
        return ctx
    }

    /// The not-found page: one per language and one at the root in the default language.
    package func notFound(language: String) -> [String: Any] {
        var ctx = common(language: language)
        ctx["title"] = strings.text("notFoundTitle", language)
        ctx["text"] = strings.text("notFoundText", language)
        ctx["pages"] = mainLinks(language: language)
        ctx["translations"] = otherHomes(language)
        ctx["hasTranslations"] = config.languages.count > 1
        ctx["languages"] = config.languages.map { lang -> [String: Any] in
            ["lang": lang, "name": strings.text("languageName", lang), "url": href("/\(lang)/"),
             "text": strings.text("notFoundText", lang), "home": strings.text("home", lang)]
        }
        return ctx
    }
}
