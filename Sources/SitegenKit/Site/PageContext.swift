import SitegenContent
import SitegenCore
import SitegenPolicy

/// Builds the values templates see, typed (``TemplateValue``): texts, flags, lists and objects.
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
    func common(language: String) -> TemplateObject {
        [
            "lang": .text(language),
            "siteTitle": .text(config.title(for: language)),
            "homeURL": .text(href("/\(language)/")),
            "stylesheet": .text(href(assets.path("/style.css"))),
            "rootURL": .text(href("/")),
            "feedURL": .text(href("/\(language)/atom.xml")),
            "searchIndex": .text(href("/search/\(language)/")),
            "searchPage": .text(href(SearchPage.url(language: language))),
            "searchScript": .text(href(assets.path("/search.js"))),
            "t": .object(TemplateObject(texts: strings.table(language))),
        ]
    }

    /// The context of a content page or list page.
    func page(_ page: Page, body: RenderedBody, typeset: TypesetText) -> TemplateObject {
        var ctx = common(language: page.language)
        let fm = page.frontMatter
        let lang = page.language
        ctx["title"] = .text(typeset.title)
        ctx["description"] = .text(typeset.description ?? "")
        ctx["hasDescription"] = .flag(fm.description != nil)
        ctx["canonical"] = .text(config.absoluteURL(page.url))
        ctx["url"] = .text(href(page.url))
        ctx["content"] = .text(body.html)
        ctx["structuredData"] = .objects(body.structuredData.map { ["json": .text($0)] })
        ctx["toc"] = .objects(body.toc.map { ["id": .text($0.id), "text": .text($0.text)] })
        ctx["hasToc"] = .flag(!body.toc.isEmpty)
        ctx["hasChecklist"] = .flag(body.hasChecklist)
        ctx["checklistScript"] = .text(href(assets.path("/checklist.js")))
        // Ticks are kept per translation pair and checklist shape, so the translation shows the same ticks
        // when its lists pair up item for item (and a page whose lists changed starts afresh).
        ctx["ticksKey"] = .text(page.translationKey + ":" + body.checklistShape.map(String.init).joined(separator: "."))
        let updated = fm.lastmod ?? fm.date
        // Set only for a page with a date: an empty string still opens the template's section, and
        // `<time datetime="">` is invalid HTML.
        if let day = updated.flatMap(LocalDates.isoDay) {
            ctx["lastmod"] = .text(day)
            ctx["lastmodText"] = .text(updated.flatMap { LocalDates.display($0, language: lang) } ?? day)
        }
        ctx["isHome"] = .flag(page.contentPath == "_index")
        let versions = index.versions(of: page.translationKey, order: config.languages)
        // hreflang alternates: every version, this one included, and x-default when there are several.
        var alternates: [TemplateObject] = versions.map { ["lang": .text($0.language), "href": .text(config.absoluteURL($0.url))] }
        if versions.count > 1, let d = versions.first(where: { $0.language == config.defaultLanguage }) {
            alternates.append(["lang": "x-default", "href": .text(config.absoluteURL(d.url))])
        }
        ctx["alternates"] = .objects(alternates)
        // The switcher: each other language's version, or its home marked as not translated.
        ctx["translations"] = .objects(config.languages.filter { $0 != lang }.map { other -> TemplateObject in
            let version = versions.first { $0.language == other }
            return [
                "lang": .text(other),
                "name": .text(strings.text("languageName", other)),
                "url": .text(href(version?.url ?? "/\(other)/")),
                "missing": .flag(version == nil),
                "notTranslated": .text(strings.text("notTranslated", other)),
            ]
        })
        ctx["hasTranslations"] = .flag(config.languages.count > 1)
        ctx["ogLocale"] = .text(Self.locale(lang))
        ctx["ogAlternateLocales"] = .objects(versions.filter { $0.language != lang }.map { ["locale": .text(Self.locale($0.language))] })
        ctx["ogType"] = page.isSection ? "website" : "article"
        let entry = index.entry(language: lang, contentPath: page.contentPath)
        let crumbs = entry.map { index.ancestors(of: $0) } ?? []
        ctx["breadcrumbs"] = .objects(crumbs.map { ["title": .text(Typography.apply($0.title, language: lang)), "url": .text(href($0.url))] })
        ctx["hasBreadcrumbs"] = .flag(!crumbs.isEmpty)
        if page.isSection {
            let children = index.children(ofSection: page.listedPath, language: page.language)
            // The home lists each section with its guides, so that a guide is on the first screen.
            let nested = page.contentPath == "_index"
            ctx["pages"] = .objects(children.map { c -> TemplateObject in
                var item = listItem(c)
                let below = nested && c.isSection ? index.children(ofSection: Self.folder(of: c), language: lang) : []
                item["children"] = .objects(below.map(listItem))
                item["hasChildren"] = .flag(!below.isEmpty)
                return item
            })
            ctx["hasPages"] = .flag(!children.isEmpty)
        }
        ctx["verdict"] = .text(body.verdict)
        return ctx
    }

    /// A page in a list: title, address and description in the page's typography.
    private func listItem(_ c: SiteIndex.Entry) -> TemplateObject {
        ["title": .text(Typography.apply(c.title, language: c.language)), "url": .text(href(c.url)),
         "description": .text(c.description.map { Typography.apply($0, language: c.language) } ?? ""),
         "hasDescription": .flag(c.description != nil)]
    }

    /// The folder a section page lists (`42500` for `42500/_index`).
    static func folder(of section: SiteIndex.Entry) -> String {
        String(section.contentPath.dropLast("_index".count)).trimmingSuffix("/")
    }

    /// Every page of a language grouped by the folder it is in, for the search page without JavaScript:
    /// the home's own pages first, then each folder in path order (a subsection after its parent), pages
    /// in list order. A group is headed by its section page's title and link, or by the folder's name
    /// when the folder has no `_index.md`.
    /// Each group's pages are made as the template reaches them (``TemplateItems``).
    func guideGroups(language: String) -> [TemplateObject] {
        let entries = index.entries
        var byFolder: [String: [Int]] = [:]
        // Found without making the entries (their texts are read back, ``SitePages``).
        for i in entries.indices where entries.language(i) == language && !entries.isSection(i) && entries.contentPath(i) != "_index" {
            byFolder[entries.sectionPath(i), default: []].append(i)
        }
        return byFolder.keys.sorted().map { folder -> TemplateObject in
            let section = index.entry(language: language, contentPath: folder.isEmpty ? "_index" : folder + "/_index")
            let title = section?.title ?? (folder.isEmpty ? config.title(for: language) : folder)
            let url = section?.url ?? (folder.isEmpty ? "/\(language)/" : nil)
            // Sorted by what orders them, and each entry made only as the template reaches it: every group
            // of a language is made at once, and a big site's entries held together were most of what
            // rendering this page held.
            // Each page's key is read once, not at every comparison (its texts are read back, ``SitePages``).
            let listed = byFolder[folder]!.map { ($0, entries.listKey($0)) }.sorted { SiteIndex.listOrder($0.1, $1.1) }.map(\.0)
            var group: TemplateObject = ["title": .text(Typography.apply(title, language: language)),
                                         "pages": .objects(count: listed.count) { listItem(entries[listed[$0]]) }]
            if let url { group["url"] = .text(href(url)) }
            group["hasURL"] = .flag(url != nil)
            return group
        }
    }

    /// What the language home lists (its sections and pages), for the not-found page.
    func mainLinks(language: String) -> [TemplateObject] {
        index.children(ofSection: "", language: language).map(listItem)
    }

    /// The other languages' homes, for the language switch of pages that have no translation.
    private func otherHomes(_ language: String) -> [TemplateObject] {
        config.languages.filter { $0 != language }.map { other -> TemplateObject in
            ["lang": .text(other), "name": .text(strings.text("languageName", other)), "url": .text(href("/\(other)/")),
             "missing": false, "notTranslated": .text(strings.text("notTranslated", other))]
        }
    }

    /// The search page of a language: the header's search field with the query, and without JavaScript
    /// every guide of the language grouped by section.
    func searchPage(language: String) -> TemplateObject {
        var ctx = common(language: language)
        ctx["title"] = .text(strings.text("searchTitle", language))
        ctx["groups"] = .objects(guideGroups(language: language))
        ctx["translations"] = .objects(otherHomes(language))
        ctx["hasTranslations"] = .flag(config.languages.count > 1)
        ctx["canonical"] = .text(config.absoluteURL(SearchPage.url(language: language)))
        ctx["breadcrumbs"] = [["title": .text(Typography.apply(
            index.entry(language: language, contentPath: "_index")?.title ?? config.title(for: language), language: language)),
            "url": .text(href("/\(language)/"))]]
        ctx["hasBreadcrumbs"] = true
        ctx["ogType"] = "website"
        ctx["ogLocale"] = .text(Self.locale(language))
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
    func chooser() -> TemplateObject {
        var ctx = common(language: config.defaultLanguage)
        ctx["languages"] = .objects(config.languages.map { lang -> TemplateObject in
            ["lang": .text(lang), "name": .text(strings.text("languageName", lang)), "url": .text(href("/\(lang)/")),
             "siteTitle": .text(config.title(for: lang))]
        })
        ctx["canonical"] = .text(config.baseURL)
        return ctx
    }

    /// The not-found page: one per language and one at the root in the default language.
    func notFound(language: String) -> TemplateObject {
        var ctx = common(language: language)
        ctx["title"] = .text(strings.text("notFoundTitle", language))
        ctx["text"] = .text(strings.text("notFoundText", language))
        ctx["pages"] = .objects(mainLinks(language: language))
        ctx["translations"] = .objects(otherHomes(language))
        ctx["hasTranslations"] = .flag(config.languages.count > 1)
        ctx["languages"] = .objects(config.languages.map { lang -> TemplateObject in
            ["lang": .text(lang), "name": .text(strings.text("languageName", lang)), "url": .text(href("/\(lang)/")),
             "text": .text(strings.text("notFoundText", lang)), "home": .text(strings.text("home", lang))]
        })
        return ctx
    }
}
