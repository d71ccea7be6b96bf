/// A site-wide part of the output whose files are linked unchanged from the published site, as an
/// unchanged page's are, when nothing it is made of has changed (the page cache records each part's
/// files: ``PageCache/parts``). A one-page edit then makes only what the page reaches: its own files,
/// its language's search index and the bulletins' manifest.
enum SitePart: Hashable, Sendable {
    /// The root pages, the not-found and search pages, the sitemap, the feeds, `robots.txt` and the
    /// serving rules: made of the setup and the site index alone. A page cache is used only when both
    /// are as they were, so whenever one is, this part is unchanged.
    case index
    /// One language's search index: made of the setup and the search entries of that language's
    /// pages, so unchanged when every page of the language was taken from the cache.
    case search(language: String)

    /// How the page cache names the part.
    var name: String {
        switch self {
        case .index: return "index"
        case .search(let language): return "search/" + language
        }
    }

    /// Whether `path` is a file the part writes, for a site of these languages: a cache that lists any
    /// other file for it (a path out of the site, a page's file) is not believed, and the part is made anew.
    func writes(_ path: String, languages: [String]) -> Bool {
        guard Self.isPlain(path) else { return false }
        switch self {
        case .index:
            if [Self.chooser, Self.notFound, Self.robots, Self.sitemap, ServingRules.headersFile, ServingRules.nginxFile].contains(path) {
                return true
            }
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 2 && parts[0] == Sitemaps.folder { return parts[1].hasSuffix(".xml") }
            return languages.contains { language in
                [Self.notFound(language), Self.feed(language), Self.searchPage(language)].contains(path)
            }
        case .search(let language):
            return languages.contains(language) && path.hasPrefix("search/" + language + "/")
        }
    }

    /// A relative path of names, none empty, `.` or `..`, and no NUL: it stays inside the folder it is taken in.
    static func isPlain(_ path: String) -> Bool {
        !path.isEmpty && !path.utf8.contains(0)
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    // The files of the index part, by the one name each has.
    static let chooser = "index.html"
    static let notFound = "404.html"
    static let robots = "robots.txt"
    static let sitemap = "sitemap.xml"
    static func notFound(_ language: String) -> String { language + "/404.html" }
    static func feed(_ language: String) -> String { language + "/atom.xml" }
    static func searchPage(_ language: String) -> String { String(SearchPage.url(language: language).dropFirst()) + "index.html" }
}

/// The site-wide parts of one build as they are made: each is linked from the published site when the
/// cache has it and may be taken, else made and written; what each wrote is kept for the next cache.
final class SiteParts {
    private let output: OutputTree
    private let cached: [String: [BuildRecord.OutputFile]]
    private let languages: [String]
    /// The paths each part wrote (or linked), by ``SitePart/name``, in the order written.
    private(set) var written: [String: [String]] = [:]

    /// `cached` is the last cache's parts; empty when no cache is used.
    init(output: OutputTree, cached: [String: [BuildRecord.OutputFile]], languages: [String]) {
        self.output = output
        self.cached = cached
        self.languages = languages
    }

    /// Links the part's files from the published site when `unchanged` and the cache lists them
    /// (every one a file the part writes, still as it was published); otherwise `make` writes them.
    func make(_ part: SitePart, unchanged: Bool, _ make: (PartOutput) throws -> Void) throws {
        if unchanged, let files = cached[part.name], !files.isEmpty,
           files.allSatisfy({ part.writes($0.path, languages: languages) }), output.adoptAll(files) {
            written[part.name] = files.map(\.path)
            return
        }
        let out = PartOutput(output)
        try make(out)
        written[part.name] = out.paths
    }

    /// Each part's files as they now stand in the output, for the next cache; a part with a file the
    /// output does not hold is left out (it is made anew next time).
    var published: [(name: String, files: [BuildRecord.OutputFile])] {
        written.keys.sorted().compactMap { name in
            let files = written[name]!.compactMap(output.placedFile)
            return files.count == written[name]!.count ? (name, files) : nil
        }
    }
}

/// The output as one site-wide part writes to it: each path written is noted for ``SiteParts``.
final class PartOutput {
    private let output: OutputTree
    private(set) var paths: [String] = []

    init(_ output: OutputTree) { self.output = output }

    func write(_ path: String, _ text: String) throws {
        try output.write(path, text)
        paths.append(path)
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try output.write(path, bytes)
        paths.append(path)
    }

    func write(_ path: String, streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try output.write(path, streaming: produce)
        paths.append(path)
    }
}
