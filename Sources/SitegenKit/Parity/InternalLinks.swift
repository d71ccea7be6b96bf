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
        let origin = base.scheme + "://" + (base.serializedHost ?? "")
        var out: [InternalLink] = []
        for link in inventory.links where link.origin != .rawHTML {
            let written = link.destination
            // Most links name another site (or mailto:, tel:): no need to parse those here.
            if let colon = written.firstIndex(of: ":"), written[..<colon].allSatisfy({ $0.isASCII && $0.isLetter }),
               !written.hasPrefix(origin) { continue }
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

    /// `link.internal` for each link of `pages` whose target is neither a page (with the anchor it
    /// names), a file of `static/`, nor a file the build writes.
    static func check(_ pages: [PageFacts], staticFiles: [String], languages: [String]) -> [Diagnostic] {
        try! check(count: pages.count, facts: { pages[$0] }, staticFiles: staticFiles, languages: languages)
    }

    /// ``check(_:staticFiles:languages:)`` of `count` pages whose facts `facts` reads by their place,
    /// on every core, twice (for their addresses and anchors, then for their links): the facts of
    /// every page are never in memory at once.
    static func check(count: Int, facts: @Sendable (Int) throws -> PageFacts, staticFiles: [String], languages: [String]) throws -> [Diagnostic] {
        var anchors: [String: AnchorList] = [:]
        // Each page's anchors are packed as they are read: as strings, a big site's (some ten per page)
        // were the largest thing this check held, and what they left scattered stayed for the build.
        let targets = Parallel.map(Array(0..<count)) { i in Result { try facts(i) }.map { ($0.url, AnchorList($0.anchors)) } }
        anchors.reserveCapacity(targets.count)
        for target in targets {
            let (url, ids) = try target.get()
            if !url.isEmpty { anchors[url] = ids }
        }
        for language in languages where anchors["/\(language)/"] == nil { anchors["/\(language)/"] = AnchorList(["main"]) }
        var files = Set(staticFiles.map { "/" + $0 })
        // The site-wide files a reader may be sent to (not the serving rules, which are not served).
        files.formUnion(["/"] + [SitePart.chooser, SitePart.notFound, SitePart.sitemap, SitePart.robots].map { "/" + $0 })
        for language in languages { files.formUnion([SitePart.feed(language), SitePart.notFound(language)].map { "/" + $0 }) }
        let pagePaths = anchors.keys.sorted()
        let (known, written) = (anchors, files)
        return try Parallel.map(Array(0..<count)) { i in
            Result { try check(facts(i), anchors: known, files: written, pagePaths: pagePaths) }
        }.flatMap { try $0.get() }
    }

    /// `link.internal` for each link of `page` whose target is none of `anchors` (page addresses, with
    /// their anchors), `files` or the folders the build writes; `pagePaths` (sorted) to say what was meant.
    static func check(_ page: PageFacts, anchors: [String: AnchorList], files: Set<String>, pagePaths: [String]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in page.internalLinks {
            let path = PercentDecoding.decode(link.path)
            var target = path
            if target.hasSuffix("/index.html") { target = String(target.dropLast("index.html".count)) }
            if let list = anchors[target] ?? anchors[target + "/"] {
                guard let fragment = link.fragment.map(PercentDecoding.decode), !list.contains(fragment) else { continue }
                let ids = list.ids
                let steps = ids.filter { $0.hasPrefix("step-") }.count
                if fragment.hasPrefix("step-") {
                    out.append(Diagnostic(.error, "link.internal", id: "link.internal.step",
                                          ["target": link.written, "page": target, "count": String(steps)],
                                          file: page.sourcePath, line: link.line, column: link.column, url: link.written))
                    continue
                }
                let meant = EditDistance.nearest(to: fragment, in: ids)
                let known = ids.filter { $0 != "main" && !$0.hasPrefix("check-") }.sorted().prefix(6)
                out.append(Diagnostic(.error, "link.internal", id: meant == nil ? "link.internal.anchor" : "link.internal.anchor-near",
                                      ["target": link.written, "page": target, "anchor": fragment, "meant": meant ?? "",
                                       "known": known.map { "#" + $0 }.joined(separator: ", ")],
                                      file: page.sourcePath, line: link.line, column: link.column, url: link.written))
                continue
            }
            if files.contains(path) || path.hasPrefix("/bulletins/") || path.hasPrefix("/search/") { continue }
            let last = path.split(separator: "/").last ?? ""
            if last.contains(".") {
                out.append(Diagnostic(.error, "link.internal", id: "link.internal.file", ["target": link.written, "path": path],
                                      file: page.sourcePath, line: link.line, column: link.column, url: link.written))
            } else {
                let wanted = path.hasSuffix("/") ? path : path + "/"
                let meant = EditDistance.nearest(to: wanted, in: pagePaths)
                out.append(Diagnostic(.error, "link.internal", id: meant == nil ? "link.internal.page" : "link.internal.page-near",
                                      ["target": link.written, "meant": meant ?? ""],
                                      file: page.sourcePath, line: link.line, column: link.column, url: link.written))
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
