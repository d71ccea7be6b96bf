import SitegenContent
import SitegenCore

/// Pages that would be published at one address, or where the build writes a file of its own: found
/// before anything is written, by `check` too, each named at the page's slug or first line.
///
/// The pages are read one at a time and found again by their addresses' hashes (``PageChains``): a
/// big site's addresses as a list of strings, a dictionary and a set of them were the peak of its
/// build's memory (some 60 MB of 100,000 pages').
enum AddressClashes {
    /// Where a page is published, and what decided it.
    struct Address: Sendable {
        var url: String
        var sourcePath: String
        var language: String
        var slugPosition: (line: Int, column: Int)?

        init(_ page: Page) {
            url = page.url
            sourcePath = page.sourcePath
            language = page.language
            slugPosition = page.frontMatter.slugPosition
        }
    }

    /// The pages a check reads, each made when it is read, in the order of their source paths.
    struct Pages {
        let count: Int
        let address: (Int) -> Address
        /// Only the address and the language: what most looks read, without the page's texts.
        let url: (Int) -> String
        let language: (Int) -> String

        /// Pages already made.
        init(_ addresses: [Address]) {
            let sorted = addresses.sorted { $0.sourcePath < $1.sourcePath }
            count = sorted.count
            address = { sorted[$0] }
            url = { sorted[$0].url }
            language = { sorted[$0].language }
        }

        /// The pages of the site's table whose source path `holds` accepts.
        init(_ pages: SitePages, where holds: (String) -> Bool) {
            var chosen = pages.indices.filter { holds(pages.sourcePath($0)) }
            // The table is in the order of the files, which is that of their paths; sorted if it is not.
            let inOrder = zip(chosen, chosen.dropFirst()).allSatisfy { pages.sourcePath($0) < pages.sourcePath($1) }
            if !inOrder {
                let paths = chosen.map(pages.sourcePath)
                chosen = chosen.indices.sorted { paths[$0] < paths[$1] }.map { chosen[$0] }
            }
            count = chosen.count
            address = { [chosen] in Address(pages.summary(chosen[$0])) }
            url = { [chosen] in pages.url(chosen[$0]) }
            language = { [chosen] in pages.language(chosen[$0]) }
        }
    }

    /// Both checks: two pages at one address (``urls(_:_:)``), then pages where the build writes its
    /// own files (``reserved(_:_:languages:)``).
    static func check(_ pages: Pages, languages: [String]) -> [Diagnostic] {
        let byURL = PageChains(count: pages.count) { PageChains.hash(pages.url($0).lowercased()) }
        return urls(pages, byURL) + reserved(pages, byURL, languages: languages)
    }

    /// The first page (in the order of ``Pages``) whose address, in small letters, is `lowered`.
    private static func first(_ lowered: String, _ pages: Pages, _ byURL: PageChains) -> Int? {
        byURL.pages(hash: PageChains.hash(lowered)) { pages.url($0).lowercased() == lowered }.first
    }

    /// Two pages that would be written to the same address, or to addresses that differ only in
    /// case (one file on a case-insensitive web host): an error naming both files.
    private static func urls(_ pages: Pages, _ byURL: PageChains) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for k in 0..<pages.count {
            guard let j = first(pages.url(k).lowercased(), pages, byURL), j < k else { continue }
            let (page, first) = (pages.address(k), pages.address(j))
            let p = page.slugPosition ?? (1, 1)
            out.append(.error("content.url-clash", id: first.url == page.url ? "content.url-clash.same" : "content.url-clash.case",
                              ["path": page.sourcePath, "other": first.sourcePath, "first": first.url, "url": page.url],
                              file: page.sourcePath, line: p.line, column: p.column))
        }
        return out
    }

    /// A page published where the build writes a file of its own: the search page of its language, or a
    /// folder the page needs where a file is written (its address inside another page's `index.html`, or
    /// its bulletins inside another page's `telegram.html`; a language's `atom.xml` or `404.html`). In any
    /// case of letters, as a web host that ignores case serves one for the other.
    private static func reserved(_ pages: Pages, _ byURL: PageChains, languages: [String]) -> [Diagnostic] {
        // Folders the build writes an `index.html` into: the pages', the languages' homes and search pages.
        let own = Set(languages.map { "/\($0.lowercased())/" } + languages.map { SearchPage.url(language: $0).lowercased() })
        func isFolder(_ parent: String) -> Bool { own.contains(parent) || first(parent, pages, byURL) != nil }
        var out: [Diagnostic] = []
        for k in 0..<pages.count {
            let url = pages.url(k)
            let lowered = url.lowercased()
            let parts = url.split(separator: "/").map { $0.lowercased() }
            // Most pages clash with nothing: the page itself is made only for one that does.
            var found: (id: String, arguments: [String: String])?
            if lowered == SearchPage.url(language: pages.language(k)) {
                found = ("content.url-clash.search", ["url": url])
            } else {
                for i in parts.indices.dropFirst() {
                    let parent = "/" + parts[..<i].joined(separator: "/") + "/"
                    guard let file = writtenFile(named: parts[i], in: parent, isPage: isFolder(parent), isLanguage: i == 1) else { continue }
                    found = ("content.url-clash.file", ["url": url, "file": file])
                    break
                }
            }
            guard let found else { continue }
            let page = pages.address(k)
            let p = page.slugPosition ?? (1, 1)
            out.append(.error("content.url-clash", id: found.id, found.arguments.merging(["path": page.sourcePath]) { a, _ in a },
                              file: page.sourcePath, line: p.line, column: p.column))
        }
        return out
    }

    /// The file the build writes under the name `name` (lowercased) in the folder of the address
    /// `parent`, if it writes one: a page's own `index.html` and its bulletins, a language's feed and
    /// page for addresses not found.
    private static func writtenFile(named name: String, in parent: String, isPage: Bool, isLanguage: Bool) -> String? {
        if isLanguage, name == "atom.xml" || name == "404.html" { return String(parent.dropFirst()) + name }
        guard isPage else { return nil }
        if name == "index.html" { return String(parent.dropFirst()) + name }
        return Bulletin.isFileName(name) ? "bulletins" + parent + name : nil
    }
}
