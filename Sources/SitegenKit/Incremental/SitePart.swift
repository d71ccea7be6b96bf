import SitegenCore

/// A site-wide part of the output whose files are linked unchanged from the published site, as an
/// unchanged page's are, when nothing it is made of has changed (the page cache records each part's
/// files and the key of what it was made of: ``PageCache/Part``). A one-page edit then makes only what
/// the page reaches: its own files, its language's search index and the bulletins' manifest.
enum SitePart: Hashable, Sendable {
    /// The root pages, the not-found and search pages, the sitemap, the feeds, `robots.txt` and the
    /// serving rules: made of the setup and the site index alone. A page cache is used only when both
    /// are as they were, so whenever one is, this part is unchanged (its key is the site index's digest).
    case index
    /// One language's search index: made of the setup, the site index and that language's pages (its
    /// key: ``searchKey(_:)``).
    case search(language: String)

    /// How the page cache names the part.
    var name: String {
        switch self {
        case .index: return "index"
        case .search(let language): return "search/" + language
        }
    }

    /// The key of a language's search index: each of its pages' source path and what it was made of
    /// (``Made``), in order. With the setup and the site index as they were, the same key is the same
    /// index: a page's search entry is made of nothing else. Whether a page was generated counts: a
    /// generated home may stand where a written one was, with the same place in the site index.
    ///
    /// The pages are taken one at a time and digested 64 KiB at a time: a big site's list, made whole
    /// (and its text), was the peak of its build.
    static func searchKey<Pages: Sequence>(_ pages: Pages) -> String where Pages.Element == (path: String, made: Made) {
        let stream = SHA256Stream()
        var text: [UInt8] = []
        text.reserveCapacity(1 << 16 + 4096)
        for page in pages {
            text += page.path.utf8
            switch page.made {
            case .source(let digest): text += "\0source \(digest.text)\n".utf8
            case .generated: text += "\0generated\n".utf8
            case .unread: text += "\0unread\n".utf8
            }
            if text.count >= 1 << 16 {
                stream.update(text)
                text.removeAll(keepingCapacity: true)
            }
        }
        stream.update(text)
        return stream.hex()
    }

    /// What a page of the site was made of.
    enum Made {
        /// The bytes of its file, by their digest.
        case source(SourceDigest)
        /// Nothing of its own: a language's home made for want of one.
        case generated
        /// A file that could not be read.
        case unread
    }

    /// Whether `files` are exactly what the part writes for a site of these languages, each once: the
    /// index part's every file (a split sitemap's numbered files from 1 on), a search index's meta file
    /// and shards of its own names. A cache that lists anything else (a path out of the site, a page's
    /// file, a file too few) is not believed, and the part is made anew.
    func isWhole(_ files: [String], languages: [String]) -> Bool {
        guard Set(files).count == files.count, files.allSatisfy(Self.isPlain) else { return false }
        switch self {
        case .index:
            let named = Set([Self.chooser, Self.notFound, Self.robots, Self.sitemap, ServingRules.headersFile, ServingRules.nginxFile]
                + languages.flatMap { [Self.notFound($0), Self.feed($0), Self.searchPage($0)] })
            let numbered = files.filter { !named.contains($0) }
            return named.isSubset(of: files)
                && Set(numbered) == Set((0..<numbered.count).map { "\(Sitemaps.folder)/\($0 + 1).xml" })
        case .search(let language):
            let base = "search/" + language + "/"
            return languages.contains(language) && files.contains(base + "meta.json") && files.allSatisfy { path in
                guard path.hasPrefix(base) else { return false }
                let name = path.dropFirst(base.count)
                if name == "meta.json" { return true }
                guard name.hasPrefix("t/") || name.hasPrefix("d/"), name.hasSuffix(".json") else { return false }
                let number = name.dropFirst(2).dropLast(".json".count)
                return !number.isEmpty && number.count < 10 && number.allSatisfy { $0.isASCII && $0.isNumber }
            }
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
    static let sitemap = Sitemaps.file
    static func notFound(_ language: String) -> String { language + "/404.html" }
    static func feed(_ language: String) -> String { language + "/atom.xml" }
    static func searchPage(_ language: String) -> String { String(SearchPage.url(language: language).dropFirst()) + "index.html" }
}

/// The site-wide parts of one build as they are made: each is linked from the published site when the
/// cache has it under the same key, else made and written; what each wrote is kept for the next cache.
final class SiteParts {
    private let output: OutputTree
    private let cached: [String: PageCache.Part]
    private let languages: [String]
    /// Each part as it now stands: its key and the paths it wrote (or linked), in the order written.
    private var made: [(name: String, key: String, paths: [String])] = []

    /// `cached` is the last cache's parts; empty when no cache is used.
    init(output: OutputTree, cached: [PageCache.Part], languages: [String]) {
        self.output = output
        self.cached = Dictionary(cached.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.languages = languages
    }

    /// Links the part's files from the published site when the cache has them under the same `key`
    /// (every file the part writes, each still as it was published); otherwise `make` writes them.
    func make(_ part: SitePart, key: String, _ make: (PartOutput) throws -> Void) throws {
        if let last = cached[part.name], last.key == key, part.isWhole(last.files.map(\.path), languages: languages),
           output.adoptAll(last.files) {
            made.append((part.name, key, last.files.map(\.path)))
            return
        }
        let out = PartOutput(output)
        try make(out)
        made.append((part.name, key, out.paths))
    }

    /// The paths `part` wrote or linked in this build.
    func written(_ part: SitePart) -> [String]? { made.first { $0.name == part.name }?.paths }

    /// Each part's files as they now stand in the output, for the next cache; a part with a file the
    /// output does not hold is left out (it is made anew next time).
    var published: [PageCache.Part] {
        made.sorted { $0.name < $1.name }.compactMap { part in
            let files = part.paths.compactMap(output.placedFile)
            return files.count == part.paths.count ? PageCache.Part(name: part.name, key: part.key, files: files) : nil
        }
    }
}

/// The output as one site-wide part writes to it: each path written is noted once for ``SiteParts``
/// (a split sitemap writes `sitemap.xml` twice, the pages first and then their index).
final class PartOutput {
    private let output: OutputTree
    private(set) var paths: [String] = []
    private var seen: Set<String> = []

    init(_ output: OutputTree) { self.output = output }

    private func note(_ path: String) {
        if seen.insert(path).inserted { paths.append(path) }
    }

    func write(_ path: String, _ text: String) throws {
        try output.write(path, text)
        note(path)
    }

    func write(_ path: String, _ bytes: [UInt8]) throws {
        try output.write(path, bytes)
        note(path)
    }

    func write(_ path: String, streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try output.write(path, streaming: produce)
        note(path)
    }
}
