import SitegenContent
import SitegenCore
import SitegenMarkdown
import WHATWGURL

/// A link or image of a page to an address of the site itself, as written and where.
struct InternalLink: Sendable {
    /// The destination as the editor wrote it.
    package var written: String
    /// The path below the site's address, from `/` (`/kk/42500/apply/`), percent-encoded.
    package var path: String
    /// The fragment without `#`, if any.
    package var fragment: String?
    package var line: Int
    package var column: Int
}

/// Finds every page's links into the site and checks, once all pages are known, that each reaches a
/// page, a place on it or a file: a typo in an address (the same one in both languages passes parity)
/// would otherwise be written out in every bulletin.
enum InternalLinks {
    /// The links of `inventory` that stay on the site whose address is `base`.
    static func collect(_ page: Page, inventory: MarkdownInventory, base: URLRecord?, parser: URLParser,
                        locate: (FoundLink) -> BodyPosition) -> [InternalLink] {
        guard let base, let pageURL = parser.parse(String(page.url.dropFirst()), base: base)
        else { return [] }
        let basePath = base.serializedPath
        var out: [InternalLink] = []
        for link in inventory.links where link.origin != .rawHTML {
            let written = link.destination
            // Most links name another scheme (mailto:, tel:, another site's http:): no need to parse those
            // here. A link of the site's own scheme is parsed as a browser does: `https:apply/` on an https
            // page is a path on it, and so is `:apply/` (an empty scheme is none).
            if let scheme = Self.scheme(of: written), scheme != base.scheme { continue }
            // Only links that name no scheme or this site's own address; the link policy judges the rest.
            guard !written.isEmpty, let url = parser.parse(written, base: pageURL), url.scheme == base.scheme || !written.contains(":"),
                  url.serializedHost == base.serializedHost, url.port == base.port, url.query == nil
            else { continue }
            let path = url.serializedPath
            guard path.hasPrefix(basePath) else { continue }
            let p = page.filePosition(locate(link))
            out.append(InternalLink(written: written, path: "/" + path.dropFirst(basePath.count),
                                    fragment: url.fragment.flatMap { $0.isEmpty ? nil : $0 }, line: p.line, column: p.column))
        }
        return out
    }

    /// The scheme `written` starts with, in lower case, as a URL parser reads one (a letter, then
    /// letters, digits, `+`, `-` and `.`, then `:`); nil when it starts with none.
    static func scheme(of written: String) -> String? {
        guard let colon = written.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = written.utf8[..<colon]
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- UInt8(ascii: "a") < 26 }
        guard let first = name.first, isLetter(first),
              name.allSatisfy({ isLetter($0) || $0 &- UInt8(ascii: "0") < 10 || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        return String(decoding: name, as: UTF8.self).lowercased()
    }

    /// `link.internal` for each link of `pages` whose target is neither a page (with the anchor it
    /// names), a file of `static/`, nor a file the build writes.
    static func check(_ pages: [PageFacts], staticFiles: [String], languages: [String]) -> [Diagnostic] {
        try! check(count: pages.count, facts: { pages[$0] }, staticFiles: staticFiles, languages: languages)
    }

    /// ``check(_:staticFiles:languages:)`` of `count` pages whose facts `facts` reads by their place, on
    /// every core: first for their addresses, then for their links, and last, only for the pages a link
    /// names a place on, for their anchors. The facts of every page are never in memory at once, nor are
    /// the anchors of pages no link names a place on (most of a big site's, some ten a page: they were the
    /// largest thing this check held).
    static func check(count: Int, facts: @Sendable (Int) throws -> PageFacts, staticFiles: [String], languages: [String]) throws -> [Diagnostic] {
        // The pages' addresses, read a run at a time into one table: a big site's, read whole as strings and
        // kept in a dictionary, were the peak of its build.
        var pages = Addresses()
        var start = 0
        while start < count {
            let run = Array(start..<min(count, start + 4096))
            for (offset, url) in try Parallel.map(run, { i in Result { try facts(i).url } }).map({ try $0.get() }).enumerated()
            where !url.isEmpty {
                pages.add(url, Int32(start + offset))
            }
            start += run.count
        }
        // A language's home the build makes when the content has none: its only anchor is `main`.
        for language in languages where pages["/\(language)/"] == nil { pages.add("/\(language)/", Int32(Target.madeHome)) }
        var files = Set(staticFiles.map { "/" + $0 })
        // The site-wide files a reader may be sent to (not the serving rules, which are not served).
        files.formUnion(["/"] + [SitePart.chooser, SitePart.notFound, SitePart.sitemap, SitePart.robots].map { "/" + $0 })
        for language in languages { files.formUnion([SitePart.feed(language), SitePart.notFound(language)].map { "/" + $0 }) }
        let (known, written) = (pages, files)
        let found = try Parallel.map(Array(0..<count)) { i in
            Result { try check(facts(i), pages: known, files: written) }
        }.map { try $0.get() }
        // The anchors of each page a link names a place on, read once.
        var named = Set<Int>()
        for outcomes in found { for case .anchor(let link) in outcomes where link.target >= 0 { named.insert(link.target) } }
        let targets = named.sorted()
        let lists = try Parallel.map(targets) { i in Result { AnchorList(try facts(i).anchors) } }.map { try $0.get() }
        let anchors = Dictionary(uniqueKeysWithValues: zip(targets, lists))
        // A page that many links name places on answers from a set of its names, made once: each link looking
        // through the list would cost links × names (thousands of headings, each with a link to it).
        var linksTo: [Int: Int] = [:]
        for outcomes in found { for case .anchor(let link) in outcomes { linksTo[link.target, default: 0] += 1 } }
        let sets = Dictionary(uniqueKeysWithValues: linksTo.filter { $0.value > 64 }.compactMap { target, _ in
            anchors[target].map { (target, Set($0.ids)) }
        })
        // What a link to no page may have meant, among every page's address in order: listed only when one is refused.
        var pagePaths: [String]?
        // Links to no place on a page, and the page's names read for their messages, by page.
        var missed: [Int: Int] = [:]
        var names: [Int: AnchorLink.Names] = [:]
        return found.flatMap { outcomes in
            outcomes.compactMap { outcome -> Diagnostic? in
                switch outcome {
                case .refused(let diagnostic): return diagnostic
                case .anchor(let link):
                    // (The nearest name is looked for among every name of the page for the first hundred
                    // links to no place on it: thousands would cost links × names again.)
                    let list = anchors[link.target] ?? AnchorList(["main"])
                    guard !(sets[link.target].map { $0.contains(link.fragment) } ?? list.contains(link.fragment)) else { return nil }
                    if names[link.target] == nil { names[link.target] = AnchorLink.Names(list.ids) }
                    missed[link.target, default: 0] += 1
                    return link.diagnostic(names[link.target]!, suggest: missed[link.target]! <= 100)
                case .noPage(let link, let path, let sourcePath):
                    if pagePaths == nil { pagePaths = pages.keys.sorted() }
                    return noPage(link, path: path, sourcePath: sourcePath, pagePaths: pagePaths!)
                }
            }
        }
    }

    /// `link.internal.page` of a link to `path`, where no page is, with the page it may have meant among
    /// `pagePaths` (sorted).
    static func noPage(_ link: InternalLink, path: String, sourcePath: String, pagePaths: [String]) -> Diagnostic {
        let wanted = path.hasSuffix("/") ? path : path + "/"
        // Another spelling of a page's address (`й` as `и` and a breve) is that page, to a reader.
        let meant = pagePaths.first { $0 == wanted } ?? EditDistance.nearest(to: wanted, in: pagePaths)
        return Diagnostic(.error, "link.internal", id: meant == nil ? "link.internal.page" : "link.internal.page-near",
                          ["target": link.written, "meant": meant ?? ""],
                          file: sourcePath, line: link.line, column: link.column, url: link.written)
    }

    /// The pages' addresses, each with the page's place (``Target``). An address is its bytes, as a web
    /// server finds a file: `café` composed and decomposed are two.
    typealias Addresses = ByteStringMap<Int32>

    /// What one link of a page came to before the anchors of the page it names are read: refused, or a
    /// place on a page to look for.
    enum Outcome {
        case refused(Diagnostic)
        case anchor(AnchorLink)
        /// A link to `path`, where no page, file or folder the build writes is (``noPage(_:path:sourcePath:pagePaths:)``).
        case noPage(InternalLink, path: String, sourcePath: String)
    }

    /// The page at an address: its place among the pages, or ``madeHome``.
    enum Target {
        /// A language's home the build makes, which holds only `main`.
        static let madeHome = -1
    }

    /// A link to a place on a page, with what to report if the page has no such place.
    struct AnchorLink {
        /// The page's place (``Target``), its address and the anchor the link names, decoded.
        var target: Int
        var page: String
        var fragment: String
        var link: InternalLink
        var sourcePath: String

        /// What the messages about a page's names say of them, read once a page.
        struct Names {
            var ids: [String]
            var steps: Int
            /// The first six names an editor would link to, sorted, as the message lists them.
            var known: String

            init(_ ids: [String]) {
                self.ids = ids
                steps = ids.filter { $0.hasPrefix("step-") }.count
                known = ids.filter { $0 != "main" && !$0.hasPrefix("check-") }.sorted().prefix(6).map { "#" + $0 }.joined(separator: ", ")
            }
        }

        /// `link.internal` for a fragment that is none of `names`; with the nearest name it may have meant
        /// when `suggest`.
        func diagnostic(_ names: Names, suggest: Bool = true) -> Diagnostic {
            if fragment.hasPrefix("step-") {
                return Diagnostic(.error, "link.internal", id: "link.internal.step", ["target": link.written, "page": page, "count": String(names.steps)],
                                  file: sourcePath, line: link.line, column: link.column, url: link.written)
            }
            let meant = suggest ? EditDistance.nearest(to: fragment, in: names.ids) : nil
            return Diagnostic(.error, "link.internal", id: meant == nil ? "link.internal.anchor" : "link.internal.anchor-near",
                              ["target": link.written, "page": page, "anchor": fragment, "meant": meant ?? "", "known": names.known],
                              file: sourcePath, line: link.line, column: link.column, url: link.written)
        }
    }

    /// What each link of `page` comes to, in order: refused when its target is none of `pages` (by address),
    /// `files` or the folders the build writes, a place to look for when it names an anchor on a page, and
    /// nothing otherwise.
    static func check(_ page: PageFacts, pages: Addresses, files: Set<String>) -> [Outcome] {
        var out: [Outcome] = []
        for link in page.internalLinks {
            let path = PercentDecoding.decode(link.path)
            var target = path
            if target.hasSuffix("/index.html") { target = String(target.dropLast("index.html".count)) }
            if let place = pages[target].map({ (target, Int($0)) }) ?? pages[target + "/"].map({ (target, Int($0)) }) {
                if let fragment = link.fragment.map(PercentDecoding.decode) {
                    out.append(.anchor(AnchorLink(target: place.1, page: place.0, fragment: fragment, link: link, sourcePath: page.sourcePath)))
                }
                continue
            }
            if files.contains(path) || path.hasPrefix("/bulletins/") || path.hasPrefix("/search/") { continue }
            let last = path.split(separator: "/").last ?? ""
            if last.contains(".") {
                out.append(.refused(Diagnostic(.error, "link.internal", id: "link.internal.file", ["target": link.written, "path": path],
                                               file: page.sourcePath, line: link.line, column: link.column, url: link.written)))
            } else {
                out.append(.noPage(link, path: path, sourcePath: page.sourcePath))
            }
        }
        return out
    }
}

/// `%D0%B0` back to `а`, for comparing an address with file and heading names; an invalid sequence
/// stays as written.
enum PercentDecoding {
    static func decode(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var bytes: [UInt8] = []
        var u = Array(s.utf8)[...]
        while let b = u.first {
            if b == UInt8(ascii: "%"), u.count >= 3,
               let v = UInt8(String(decoding: u.dropFirst().prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(v)
                u = u.dropFirst(3)
            } else {
                bytes.append(b)
                u = u.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
