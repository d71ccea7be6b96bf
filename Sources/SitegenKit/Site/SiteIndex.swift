import SitegenContent
import SitegenCore

/// What one page needs to know about the others: its translations and, for list pages, its children.
/// Built once from every page's front matter before any page is rendered.
struct SiteIndex: Sendable {
    /// A page as other pages see it.
    package struct Entry: Sendable {
        package var language: String
        package var url: String
        package var title: String
        package var description: String?
        package var date: String?
        /// `lastmod`, else `date`.
        package var lastmod: String?
        package var weight: Int
        package var translationKey: String
        package var sectionPath: String
        package var isSection: Bool
        package var contentPath: String
    }

    /// The pages as other pages see them, in the order of the site's list of pages.
    package let entries: Entries
    private let pages: SitePages
    /// By translation key.
    private let byKey: PageChains
    /// By language and section (``Entry/sectionPath``); a language's home is in none.
    private let bySection: PageChains
    /// By language and path below the language folder.
    private let byContentPath: PageChains

    /// Each page's ``Entry``, made from the site's table of pages when it is asked for: the table is the
    /// one the build holds anyway (shared, not copied), where a list of entries made at once held 160
    /// bytes a page more.
    package struct Entries: RandomAccessCollection, Sendable {
        fileprivate let pages: SitePages
        package var startIndex: Int { 0 }
        package var endIndex: Int { pages.count }
        /// The address of page `i`, without making its entry (what orders the sitemap and the feeds).
        package func url(_ i: Int) -> String { pages.url(i) }
        /// The language of page `i`, without making its entry.
        package func language(_ i: Int) -> String { pages.language(i) }
        /// Whether page `i` is a section's own page, without making its entry.
        package func isSection(_ i: Int) -> Bool { pages.isSection(i) }
        /// The path below the language folder of page `i`, without making its entry.
        package func contentPath(_ i: Int) -> String { pages.contentPath(i) }
        /// ``Entry/sectionPath`` of page `i`, without making its entry.
        package func sectionPath(_ i: Int) -> String { Page.sectionPath(contentPath: pages.contentPath(i), isSection: pages.isSection(i)) }

        /// What orders page `i` in a list (``SiteIndex/listOrder(_:_:)``), without making its entry.
        package func listKey(_ i: Int) -> ListKey {
            let fm = pages.texts(i).frontMatter
            return ListKey(weight: fm.weight, date: fm.date, title: fm.title, url: pages.url(i))
        }

        package subscript(i: Int) -> Entry {
            let fm = pages.texts(i).frontMatter
            let (contentPath, isSection) = (pages.contentPath(i), pages.isSection(i))
            return Entry(language: pages.language(i), url: pages.url(i), title: fm.title, description: fm.description, date: fm.date,
                         lastmod: fm.lastmod ?? fm.date, weight: fm.weight, translationKey: pages.translationKey(i),
                         sectionPath: Page.sectionPath(contentPath: contentPath, isSection: isSection), isSection: isSection,
                         contentPath: contentPath)
        }
    }

    /// The index of a few whole pages (a preview's, tests').
    package init(pages: [Page]) { self.init(pages: SitePages(pages)) }

    init(pages: SitePages) {
        self.pages = pages
        let entries = Entries(pages: pages)
        self.entries = entries
        byKey = PageChains(count: pages.count) { PageChains.hash(pages.translationKey($0)) }
        bySection = PageChains(count: pages.count) { i in
            pages.contentPath(i) == "_index" ? nil : PageChains.hash(pages.language(i), entries.sectionPath(i))
        }
        byContentPath = PageChains(count: pages.count) { PageChains.hash(pages.language($0), pages.contentPath($0)) }
    }

    /// The page at `contentPath` below the folder of `language`.
    private func page(language: String, contentPath: String) -> Int? {
        byContentPath.pages(hash: PageChains.hash(language, contentPath)) {
            pages.language($0) == language && pages.contentPath($0) == contentPath
        }.last
    }

    /// Every language version of a page, itself included, in the site's language order.
    package func versions(of key: String, order: [String]) -> [Entry] {
        byKey.pages(hash: PageChains.hash(key)) { pages.translationKey($0) == key }.map { entries[$0] }
            .sorted { (order.firstIndex(of: $0.language) ?? 99) < (order.firstIndex(of: $1.language) ?? 99) }
    }

    /// The entry of a page by language and path below the language folder.
    package func entry(language: String, contentPath: String) -> Entry? {
        page(language: language, contentPath: contentPath).map { entries[$0] }
    }

    /// The section pages above a page, from the language home down (breadcrumbs).
    func ancestors(of entry: Entry) -> [Entry] {
        var out: [Entry] = []
        var parts = entry.contentPath.split(separator: "/").map(String.init)
        if parts.last == "_index" { parts.removeLast() }
        if !parts.isEmpty { parts.removeLast() }
        while true {
            let path = parts.isEmpty ? "_index" : parts.joined(separator: "/") + "/_index"
            if let i = page(language: entry.language, contentPath: path) { out.insert(entries[i], at: 0) }
            if parts.isEmpty { break }
            parts.removeLast()
        }
        return entry.contentPath == "_index" ? [] : out
    }

    /// Pages listed on a section page: the section's pages and its direct subsections, by weight,
    /// then newest date, then title.
    package func children(ofSection sectionPath: String, language: String) -> [Entry] {
        // A section's own _index lists under its parent, so it is never among its own children.
        bySection.pages(hash: PageChains.hash(language, sectionPath)) {
            pages.language($0) == language && entries.sectionPath($0) == sectionPath
        }.map { entries[$0] }.sorted(by: Self.listOrder)
    }

    static func listOrder(_ a: Entry, _ b: Entry) -> Bool {
        listOrder(ListKey(weight: a.weight, date: a.date, title: a.title, url: a.url),
                  ListKey(weight: b.weight, date: b.date, title: b.title, url: b.url))
    }

    /// What orders pages in a list.
    package struct ListKey {
        var weight: Int
        var date: String?
        var title: String
        var url: String
    }

    static func listOrder(_ a: ListKey, _ b: ListKey) -> Bool {
        if a.weight != b.weight { return a.weight < b.weight }
        if (a.date ?? "") != (b.date ?? "") { return (a.date ?? "") > (b.date ?? "") }
        if a.title != b.title { return a.title < b.title }
        return a.url < b.url
    }
}
