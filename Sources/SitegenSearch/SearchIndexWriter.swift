import Foundation
import SitegenCore

/// One page as search sees it.
package struct SearchDocument: Sendable {
    /// Where a result links to, written as the site's own links are (for example `/kk/42500/apply/`);
    /// `search.js` puts it in `href` unchanged.
    package var url: String
    /// The page title, plain text; words found here rank first.
    package var title: String
    /// The text shown under the title in results (the page description), plain text. It is searched too,
    /// and shortened to ``SearchIndexWriter/snippetLength`` characters. Only this is shown: `text`,
    /// which may hold what a page shows only in its own way (a warning's fakes, defanged there), is
    /// searched and never shown, even when the snippet is empty.
    package var snippet: String
    /// The visible text of the page, plain text.
    package var text: String
    /// The page's distinct terms as the index read them, each followed by a byte 1 if it is in the
    /// title, else 0. With ``summary``, all the index needs: a page's text is not kept once it is read,
    /// and a page unchanged since the last build is not analysed again
    /// (``SearchIndexWriter/analyzed(_:analyzer:stems:)`` gives both).
    package var analyzed: [UInt8]?
    /// The page's `[url, title, snippet]` as the index writes it.
    package var summary: [UInt8]?

    /// A page for the search index.
    package init(url: String, title: String, snippet: String, text: String) {
        self.url = url
        self.title = title
        self.snippet = snippet
        self.text = text
    }
}

/// Builds the sharded index of one language and returns the files to write: relative path → bytes.
///
/// Everything is JSON (UTF-8) under `search/<language>/`, so that a phone downloads only what one query
/// needs: `meta.json` and one shard per query word, which also carries the summaries of its first page of
/// results; only later pages fetch fragments (`search.js` shows first the results summarized in the
/// shards, and a first page reads fragments only when none is). The client is `static/search.js`; words are folded by ``SearchFolding`` on both sides.
///
/// - `meta.json` — `{"version":4,"lang":"kk","aliases":{stem: stem, …},"stop":"…","docs":N,"fragment":K,
///   "letters":…,"shards":…}`. Terms are stems (``SearchAnalyzer``: the language's stemmer, then the alias
///   table, which `aliases` repeats for `search.js`). `stop` lists the language's stop words, folded,
///   sorted and space-separated (i18n `searchStopWords`): those a query too wide for its budget leaves out
///   first. The terms are cut into a prefix tree: a node of more than ``shardLimit`` bytes is split by one
///   more character, and is listed as its prefix followed by `*`; the other nodes are shards, and small sibling shards coming out of one split are packed together (up to
///   ``shardPacking`` bytes), listed under the first sibling's prefix. Node *i* of the list is the file
///   `t/<i>.json`. The list is in the order in which JavaScript compares strings (UTF-16 code units),
///   which is the order of the terms, so a word's shard is the last entry whose key is not after it: if
///   that entry is a split prefix and not the word itself, no term starts with the word. A single shard
///   is listed as `""`. `letters` and `shards` write the list compactly (``SearchShardList``).
/// - `t/<i>.json` — a shard `{"t":{term: postings, …},"d":{page: [url, title, snippet], …}}` holds every
///   term starting with each prefix it covers, which is what search-as-you-type needs for the last word,
///   and in `d` the summaries of each term's first page: its first ``resultsPerPage`` pages with the term
///   in the title, then the others, in site order — what a query for that word alone shows first. A split
///   prefix of two or more characters `{"t":{prefix: postings},"u":pages,"d":{…}}` holds the term equal
///   to the prefix, if there is one, and in `u` the pages that have a longer term with that prefix but
///   not the prefix itself (`d`: one page of summaries, the exact term's first, then those of `u`): a short prefix
///   still costs one file. Shorter split prefixes have no file, as no query word is that short
///   (``SearchFolding/minimumTermLength``). A shard goes over ``shardLimit`` only when it is one term.
/// - Postings are a string (the pages containing the term) or `[all, inTitle]`. A string encodes
///   ascending page numbers with the 64 characters `A–Z a–z 0–9 - _` (6 bits each), whichever form is
///   shortest: gaps (the first number, then each difference minus one) as little-endian base-32 varints,
///   the sixth bit meaning "more follows"; or `!`, the first number as such a varint, then a bitmap from
///   it, six pages per character, lowest bit first; or `~`, the first and (as a difference) the last
///   number, then the gaps of the pages missing between them (each from the previous missing page, or
///   from the first), which is what a word found on almost every page costs least as.
/// - `d/<n>.json` — fragment *n*: `[[url, title, snippet], …]` of pages `n*K ..< (n+1)*K`. `K`, a power
///   of two up to 64, keeps a fragment near ``fragmentTarget`` bytes; "more results" reads them.
///
/// Page numbers follow the order of `documents`, which is also the last tie-break of the ranking: pass
/// pages in the site's own deterministic order. The output depends on nothing else (no dates, no hash
/// order), so two builds give the same bytes.
package enum SearchIndexWriter {
    /// The format of the files; `search.js` refuses other versions.
    static let formatVersion = 4
    /// Results shown at once; a shard carries the summaries of each term's first this many pages.
    static let resultsPerPage = 10
    /// A shard over this many bytes is split by a longer prefix. Three of them (a first query's most,
    /// `SHARDS` in `search.js`) and `meta.json` stay under the 60 KB a phone is given for it.
    static let shardLimit = 19 * 1024
    /// Small sibling shards that come out of a split are packed together up to this many bytes: fewer,
    /// fuller files keep `meta.json` short, and a reader downloads it before the first result.
    static let shardPacking = 16 * 1024
    /// About how many bytes a fragment of result titles and snippets should have.
    static let fragmentTarget = 4 * 1024
    /// At most this many characters of a snippet are kept (whole words, then "…").
    package static let snippetLength = 160

    /// Builds the sharded index of one language and returns the files to write: relative path → bytes.
    package static func files(
        language: String, documents: [SearchDocument], aliases: String = "", stopWords: String = ""
    ) -> [(path: String, bytes: [UInt8])] {
        files(language: language, documents: documents, shardLimit: shardLimit, shardPacking: shardPacking, aliases: aliases,
              stopWords: stopWords)
    }

    /// Builds the sharded index of one language from `pages`, read a run at a time, and gives each
    /// file to `write` as it is made (the same files as ``files(language:documents:aliases:stopWords:)``,
    /// in the same order): memory holds the index and the pages' summaries, not their terms.
    /// `summaries` keeps the pages' summaries meanwhile (``SearchSummaries``; a file's for a big site).
    package static func write(
        language: String, pages: SearchPages, aliases: String = "", stopWords: String = "",
        summaries: SearchSummaries = SearchSummaries(), to write: (String, [UInt8]) throws -> Void
    ) throws {
        try self.write(language: language, pages: pages, shardLimit: shardLimit, shardPacking: shardPacking, aliases: aliases,
                       stopWords: stopWords, summaries: summaries, to: write)
    }

    /// The page as the index reads it: its URL, terms (``SearchDocument/analyzed``) and summary, without
    /// its text; the page itself when its terms cannot be kept so. The index made from either is the same.
    /// `stems` keeps the stems found for the analyzer's language, for the next pages.
    package static func analyzed(_ document: SearchDocument, analyzer: SearchAnalyzer, stems: inout SearchStemTable) -> SearchDocument {
        guard let terms = SearchPageChunk([document][...], analyzer: analyzer, stems: &stems, keepingTerms: true).analyzed.first ?? nil else {
            return document
        }
        var kept = SearchDocument(url: document.url, title: "", snippet: "", text: "")
        kept.analyzed = terms
        kept.summary = fragmentEntry(document).compacted
        return kept
    }

    /// ``files(language:documents:)`` with other shard sizes, so that tests get deep trees from few pages.
    static func files(
        language: String, documents: [SearchDocument], shardLimit: Int, shardPacking: Int, aliases: String = "",
        stopWords: String = ""
    ) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        // Pages in memory are read without fail.
        try! write(language: language, pages: SearchPages(documents), shardLimit: shardLimit, shardPacking: shardPacking,
                   aliases: aliases, stopWords: stopWords) { files.append(($0, $1)) }
        return files
    }

    static func write(
        language: String, pages: SearchPages, shardLimit: Int, shardPacking: Int, aliases: String = "",
        stopWords: String = "", summaries entries: SearchSummaries = SearchSummaries(), to write: (String, [UInt8]) throws -> Void
    ) throws {
        let analyzer = SearchAnalyzer(language: language, aliasTable: aliases)
        let index = try SearchTermIndex(pages: pages, analyzer: analyzer, summaries: entries)
        let base = "search/\(language)/"
        let nodes = try SearchShardTree(index: index, display: entries, limit: shardLimit, packing: shardPacking).nodes
        let perFragment = fragmentSize(entries)
        try write(base + "meta.json", meta(language: language, analyzer: analyzer, stopWords: stopWords, nodes: nodes,
                                           pages: entries.count, perFragment: perFragment))
        for (number, node) in nodes.enumerated() {
            if let bytes = node.bytes { try write(base + "t/\(number).json", bytes) }
        }
        var start = 0
        while start < entries.count {
            let end = min(start + perFragment, entries.count)
            var out: [UInt8] = [UInt8(ascii: "[")]
            try entries.forEach(in: start..<end) { entry in
                if out.count > 1 { out.append(UInt8(ascii: ",")) }
                out += entry
            }
            out.append(UInt8(ascii: "]"))
            try write(base + "d/\(start / perFragment).json", out)
            start = end
        }
    }

    /// `meta.json`: the format, language, aliases, stop words, page count, fragment size and shard list.
    private static func meta(language: String, analyzer: SearchAnalyzer, stopWords: String, nodes: [SearchShardTree.Node],
                             pages: Int, perFragment: Int) -> [UInt8] {
        var meta: [UInt8] = Array("{\"version\":\(formatVersion),\"lang\":".utf8)
        SearchJSON.appendString(language, to: &meta)
        meta += Array(",\"aliases\":{".utf8)
        for (i, (from, to)) in analyzer.aliases.sorted(by: { $0.key < $1.key }).enumerated() {
            if i > 0 { meta.append(UInt8(ascii: ",")) }
            SearchJSON.appendString(from, to: &meta)
            meta.append(UInt8(ascii: ":"))
            SearchJSON.appendString(to, to: &meta)
        }
        meta += Array("},\"stop\":".utf8)
        SearchJSON.appendString(Set(SearchFolding.terms(stopWords)).sorted().joined(separator: " "), to: &meta)
        let list = SearchShardList.encode(nodes.map { ($0.key, $0.split) })
        meta += Array(",\"docs\":\(pages),\"fragment\":\(perFragment),\"letters\":".utf8)
        SearchJSON.appendString(list.letters, to: &meta)
        meta += Array(",\"shards\":".utf8)
        SearchJSON.appendString(list.shards, to: &meta)
        meta += Array("}".utf8)
        return meta
    }

    // MARK: - Fragments

    /// `[url, title, snippet]` of one page, as JSON.
    static func fragmentEntry(_ doc: SearchDocument) -> [UInt8] {
        doc.summary ?? summary(url: doc.url, shown: shown(doc))
    }

    /// `[url, title, snippet]` as JSON, of a page's address and what its result shows (``shown(_:)``).
    package static func summary(url: String, shown: (title: String, snippet: String)) -> [UInt8] {
        let (title, snippet) = shown
        var out: [UInt8] = [UInt8(ascii: "[")]
        SearchJSON.appendString(url, to: &out)
        out.append(UInt8(ascii: ","))
        SearchJSON.appendString(title, to: &out)
        out.append(UInt8(ascii: ","))
        SearchJSON.appendString(snippet, to: &out)
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// The title and snippet a search result shows for `doc`, as the index writes them.
    package static func shown(_ doc: SearchDocument) -> (title: String, snippet: String) {
        let title = collapseSpaces(doc.title[...])
        // A link needs a text; a page without a title is still reachable by its address.
        return (title.isEmpty ? doc.url : title, shorten(collapseSpaces(doc.snippet[...])))
    }

    /// Pages per fragment: the largest power of two up to 64 whose average fragment stays within
    /// ``fragmentTarget``.
    static func fragmentSize(_ entries: SearchSummaries) -> Int {
        guard entries.count > 0 else { return 1 }
        let average = max(1, (entries.byteCount + entries.count) / entries.count)
        var size = 1
        while size < 64, size * 2 * average <= fragmentTarget { size *= 2 }
        return size
    }

    /// Line breaks (U+2028 and U+2029 too), tabs and runs of spaces become one space, as a browser shows
    /// them, since results show one paragraph. Every other space stays as the page shows it: no-break spaces typography put
    /// there (inside «42 500», before «₸»), and thin or wide ones, which an app reading numbers does not
    /// read as a plain space (`4400 4301 2345 6789` with thin spaces is no card to Telegram; with plain
    /// ones it is).
    static func collapseSpaces(_ s: Substring) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for u in s.unicodeScalars {
            if u == " " || u == "\n" || u == "\t" || u == "\r" || u == "\u{0C}" || u == "\u{85}" || u == "\u{2028}" || u == "\u{2029}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(u)
            }
        }
        return String(out)
    }

    /// At most ``snippetLength`` characters, cut after a whole word where one ends near the limit, and
    /// never inside a number (``NumberSafeCut``).
    static func shorten(_ s: String) -> String {
        guard s.count > snippetLength else { return s }
        var cut = s.prefix(snippetLength)
        if let space = cut.lastIndex(of: " "), cut.distance(from: space, to: cut.endIndex) < 40 {
            cut = cut[..<space]
        }
        cut = NumberSafeCut.trim(cut, before: s[cut.endIndex...])
        while let last = cut.last, last.isWhitespace || ",;:-\u{2014}\u{2013}(«„".contains(last) {
            cut.removeLast()
        }
        return cut + "…"
    }
}

// MARK: - Terms and postings

/// Every folded term of one language with the pages that contain it.
struct SearchTermIndex {
    /// The terms as scalars, in the order of their UTF-16 code units.
    var terms: [[Unicode.Scalar]] = []
    /// For each term, the pages containing it (title, snippet or text).
    var pages: [SearchPostingList] = []
    /// For each term, the pages whose title contains it.
    var titlePages: [SearchPostingList] = []
    /// Number of pages.
    var count = 0

    init(documents: [SearchDocument], analyzer: SearchAnalyzer = SearchAnalyzer(language: "")) {
        // Pages in memory are read without fail.
        try! self.init(pages: SearchPages(documents), analyzer: analyzer, summaries: SearchSummaries())
    }

    /// The index of `pages`, with each page's `[url, title, snippet]` appended to `summaries`.
    init(pages source: SearchPages, analyzer: SearchAnalyzer, summaries: SearchSummaries) throws {
        var all = ByteStringTable()
        var allPages: [SearchPostingList] = []
        var allTitlePages: [SearchPostingList] = []
        var page: Int32 = 0
        // Runs of pages are read in parallel, each numbering its own terms; then the numbers are merged,
        // and the run's pages let go.
        try source.forEachRun({ documents in
            (SearchPageChunk(documents[...], analyzer: analyzer), documents.map(SearchIndexWriter.fragmentEntry))
        }) { part, entries in
            try summaries.append(entries)
            let global = (0..<part.terms.count).map { local -> Int in
                let (id, isNew) = part.terms.withTerm(local) { all.insert($0) }
                if isNew {
                    allPages.append(SearchPostingList())
                    allTitlePages.append(SearchPostingList())
                }
                return id
            }
            for p in part.pageStarts.indices.dropLast() {
                for t in part.termIDs[part.pageStarts[p]..<part.pageStarts[p + 1]] {
                    allPages[global[Int(t & 0x7FFF_FFFF)]].append(page)
                    if t < 0 { allTitlePages[global[Int(t & 0x7FFF_FFFF)]].append(page) }
                }
                page += 1
            }
        }
        count = Int(page)
        let scalars = (0..<all.count).map { id in all.withTerm(id) { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) } }
        let order = scalars.indices.sorted { a, b in
            scalars[a].lexicographicallyPrecedes(scalars[b]) { Self.utf16Order($0) < Self.utf16Order($1) }
        }
        terms = order.map { scalars[$0] }
        pages = order.map { allPages[$0] }
        titlePages = order.map { allTitlePages[$0] }
    }
}

extension SearchTermIndex {
    /// A key that orders scalars as their UTF-16 code units do, which is how JavaScript compares strings
    /// (`search.js` finds shards by comparing keys): supplementary scalars (surrogate pairs) sort before
    /// U+E000–U+FFFF.
    static func utf16Order(_ u: Unicode.Scalar) -> UInt32 {
        u.value >= 0xE000 && u.value <= 0xFFFF ? u.value + 0x10_0000 : u.value
    }
}

/// The distinct terms of a run of consecutive pages, numbered within the run.
private struct SearchPageChunk {
    var terms = ByteStringTable()
    /// Each page's distinct term numbers, one page after another; a number with the sign bit set
    /// (`id | 0x8000_0000`) is in the title too.
    var termIDs: [Int32] = []
    /// Where each page's terms start in `termIDs`, and the end.
    var pageStarts: [Int] = [0]
    /// Each page's terms, in the form of ``SearchDocument/analyzed`` (nil when they cannot be kept);
    /// empty unless asked for.
    var analyzed: [[UInt8]?] = []

    /// The chunk an index is made of: its pages' terms are not written out again.
    init(_ documents: ArraySlice<SearchDocument>, analyzer: SearchAnalyzer) {
        var stems = SearchStemTable()
        self.init(documents, analyzer: analyzer, stems: &stems, keepingTerms: false)
    }

    /// `stems`: folded word → stem, as `analyzer` gives them. Words repeat across pages: each distinct
    /// folded word is analysed once per chunk of pages. `keepingTerms`: each page's terms are written
    /// into ``analyzed`` too.
    init(_ documents: ArraySlice<SearchDocument>, analyzer: SearchAnalyzer, stems: inout SearchStemTable, keepingTerms: Bool) {
        var lastPage: [Int32] = []
        var inTitle: [Bool] = []
        var page: Int32 = 0
        for doc in documents {
            page += 1
            let start = termIDs.count
            func add(_ folded: UnsafeBufferPointer<UInt8>, title: Bool) {
                let (id, isNew) = stems.withStem(of: folded, analyzer: analyzer) { terms.insert($0) }
                if isNew {
                    lastPage.append(0)
                    inTitle.append(false)
                }
                if lastPage[id] != page {
                    lastPage[id] = page
                    inTitle[id] = title
                    termIDs.append(Int32(id))
                }
            }
            if let given = doc.analyzed {
                given.withUnsafeBufferPointer { all in
                    var from = 0
                    for end in all.indices where all[end] < 2 {
                        let (id, isNew) = terms.insert(UnsafeBufferPointer(rebasing: all[from..<end]))
                        if isNew {
                            lastPage.append(0)
                            inTitle.append(false)
                        }
                        if lastPage[id] != page {
                            lastPage[id] = page
                            inTitle[id] = all[end] == 1
                            termIDs.append(Int32(id))
                        }
                        from = end + 1
                    }
                }
            } else {
                SearchFolding.forEachTerm(in: doc.title) { add($0, title: true) }
                SearchFolding.forEachTerm(in: doc.snippet) { add($0, title: false) }
                SearchFolding.forEachTerm(in: doc.text) { add($0, title: false) }
            }
            var written: [UInt8]? = keepingTerms ? [] : nil
            for k in start..<termIDs.count {
                let id = Int(termIDs[k])
                // Stems are folded letters and digits; one with a byte 0 or 1 (which end them here)
                // cannot be kept, and the page is analysed again next time.
                if keepingTerms {
                    terms.withTerm(id) { term in
                        if term.contains(where: { $0 < 2 }) { written = nil } else { written?.append(contentsOf: term) }
                    }
                    written?.append(inTitle[id] ? 1 : 0)
                }
                if inTitle[id] { termIDs[k] |= Int32(bitPattern: 0x8000_0000) }
            }
            if keepingTerms { analyzed.append(written?.compacted) }
            pageStarts.append(termIDs.count)
        }
    }
}

/// Folded word → stem, as one language's analyzer gives them. Neighbouring pages share most of their
/// words, and each distinct word is analysed once; words and stems are bytes in shared buffers, looked up
/// without an Array per word or a Dictionary hashing one byte at a time.
package struct SearchStemTable {
    private var words = ByteStringTable()
    /// The stem of word `id` is `stems[stemStarts[id]..<stemStarts[id + 1]]`.
    private var stems: [UInt8] = []
    private var stemStarts: [Int] = [0]

    package init() {}

    /// Calls `body` with the stem of `folded`, found by `analyzer` the first time the word is seen.
    mutating func withStem<R>(of folded: UnsafeBufferPointer<UInt8>, analyzer: SearchAnalyzer,
                              _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let (id, isNew) = words.insert(folded)
        if isNew {
            stems.append(contentsOf: analyzer.analyze(String(decoding: folded, as: UTF8.self)).utf8)
            stemStarts.append(stems.count)
        }
        return stems.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[stemStarts[id]..<stemStarts[id + 1]])) }
    }
}

/// The page-number encoding described in ``SearchIndexWriter``.
enum SearchPostings {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The shortest of the gap, bitmap and absence encodings of ascending `ids` (ASCII, no JSON escaping
    /// needed).
    static func encode(_ ids: [Int32]) -> [UInt8] {
        guard let first = ids.first, let last = ids.last else { return [] }
        var gaps: [UInt8] = []
        appendVarint(Int(first), to: &gaps)
        for i in ids.indices.dropFirst() {
            appendVarint(Int(ids[i] - ids[i - 1] - 1), to: &gaps)
        }
        var best = gaps
        let span = Int(last - first) + 1
        // A word on most pages (a site's common words, the boilerplate of every page) is cheapest written
        // as the pages it is missing from: a few characters instead of one per six pages.
        if ids.count * 2 > span {
            var absent: [UInt8] = [UInt8(ascii: "~")]
            appendVarint(Int(first), to: &absent)
            appendVarint(Int(last - first), to: &absent)
            var previous = Int(first)
            for i in ids.indices.dropFirst() where ids[i] - ids[i - 1] > 1 {
                for missing in Int(ids[i - 1] + 1)..<Int(ids[i]) {
                    appendVarint(missing - previous - 1, to: &absent)
                    previous = missing
                }
            }
            if absent.count < best.count { best = absent }
        }
        let bitmapChars = (span + 5) / 6
        // Most terms are rare, and for them a bitmap is far longer: skip building it.
        guard bitmapChars + 8 < best.count else { return best }
        var bitmap: [UInt8] = [UInt8(ascii: "!")]
        appendVarint(Int(first), to: &bitmap)
        var bits = [UInt8](repeating: 0, count: bitmapChars)
        for id in ids {
            let offset = Int(id - first)
            bits[offset / 6] |= 1 << UInt8(offset % 6)
        }
        bitmap += bits.map { alphabet[Int($0)] }
        return bitmap.count < best.count ? bitmap : best
    }

    static func appendVarint(_ value: Int, to out: inout [UInt8]) {
        var v = value
        repeat {
            var c = v & 31
            v >>= 5
            if v > 0 { c |= 32 }
            out.append(alphabet[c])
        } while v > 0
    }

    /// The inverse of ``encode(_:)``, for tests.
    static func decode(_ s: [UInt8]) -> [Int32] {
        var value = [Int](repeating: -1, count: 128)
        for (i, c) in alphabet.enumerated() { value[Int(c)] = i }
        var i = 0
        func varint() -> Int {
            var v = 0
            var shift = 0
            while i < s.count {
                let c = value[Int(s[i])]
                i += 1
                v |= (c & 31) << shift
                shift += 5
                if c & 32 == 0 { break }
            }
            return v
        }
        var ids: [Int32] = []
        if s.first == UInt8(ascii: "!") {
            i = 1
            let first = varint()
            var offset = 0
            while i < s.count {
                let c = value[Int(s[i])]
                i += 1
                for bit in 0..<6 where c & (1 << bit) != 0 { ids.append(Int32(first + offset + bit)) }
                offset += 6
            }
        } else if s.first == UInt8(ascii: "~") {
            i = 1
            let first = varint()
            let last = first + varint()
            var next = first
            var missing = first
            while i < s.count {
                missing += varint() + 1
                while next < missing {
                    ids.append(Int32(next))
                    next += 1
                }
                next = missing + 1
            }
            while next <= last {
                ids.append(Int32(next))
                next += 1
            }
        } else {
            var previous = -1
            while i < s.count {
                previous += varint() + 1
                ids.append(Int32(previous))
            }
        }
        return ids
    }
}

// MARK: - Shards

/// The prefix tree of term shards, as the files and the list in `meta.json` (see ``SearchIndexWriter``).
private struct SearchShardTree {
    /// One entry of `meta.json`'s `shards`: a split prefix, or a shard of terms.
    struct Node {
        /// A split node's prefix; a shard's first prefix (the empty string for a single shard).
        var key: String
        var split: Bool
        /// The file `t/<i>.json`; nil for split nodes too short to be searched for.
        var bytes: [UInt8]?
    }

    private(set) var nodes: [Node] = []
    private let index: SearchTermIndex
    private let limit: Int
    private let packing: Int
    /// `"term":postings` of every term, as JSON.
    private let entries: [[UInt8]]

    /// `[url, title, snippet]` of every page, as JSON.
    private let display: SearchSummaries
    /// For each term, the pages a query for it alone shows first: pages with it in the title, then the
    /// others, in site order, up to ``SearchIndexWriter/resultsPerPage``.
    private let firstPages: [[Int32]]
    /// For each term, the bytes it adds to a shard at most: its entry and its first pages' summaries.
    private let costs: [Int]

    init(index: SearchTermIndex, display: SearchSummaries, limit: Int, packing: Int) throws {
        self.index = index
        self.display = display
        self.limit = limit
        self.packing = packing
        var entries: [[UInt8]] = []
        var firstPages: [[Int32]] = []
        // One term's pages at a time are numbers in memory.
        for t in index.terms.indices {
            let (all, title) = (index.pages[t].pages, index.titlePages[t].pages)
            var out: [UInt8] = []
            SearchJSON.appendString(String(scalars: index.terms[t]), to: &out)
            out.append(UInt8(ascii: ":"))
            Self.appendPostings(all, title, to: &out)
            entries.append(out)
            firstPages.append(Self.firstPage(all, title, SearchIndexWriter.resultsPerPage))
        }
        self.entries = entries
        self.firstPages = firstPages
        costs = index.terms.indices.map { t in
            firstPages[t].reduce(entries[t].count + 1) { $0 + display.length(Int($1)) + 10 }
        }
        let all = index.terms.startIndex..<index.terms.endIndex
        if !all.isEmpty, needsSplit(all, depth: 0) {
            try split(all, depth: 0)
        } else {
            try addShard(all, key: "")
        }
    }

    private static func appendPostings(_ all: [Int32], _ title: [Int32], to out: inout [UInt8]) {
        if title.isEmpty {
            out.append(UInt8(ascii: "\""))
            out += SearchPostings.encode(all)
            out.append(UInt8(ascii: "\""))
        } else {
            out += Array("[\"".utf8)
            out += SearchPostings.encode(all)
            out += Array("\",\"".utf8)
            out += SearchPostings.encode(title)
            out += Array("\"]".utf8)
        }
    }

    /// The first `count` pages of `all`: those in `title` first, then the others, each in site order.
    static func firstPage(_ all: [Int32], _ title: [Int32], _ count: Int) -> [Int32] {
        var out = Array(title.prefix(count))
        var t = 0
        for page in all where out.count < count {
            while t < title.count, title[t] < page { t += 1 }
            if t < title.count, title[t] == page { continue }
            out.append(page)
        }
        return out
    }

    /// At most the bytes of a shard holding the terms of `range` (summaries shared by terms count once
    /// in the file but here once per term).
    private func shardBytes(_ range: Range<Int>) -> Int { range.reduce(14) { $0 + costs[$1] } }

    /// `"d":{page:[url,title,snippet],…}` for `pages`, in ascending order.
    private func appendSummaries(_ pages: [Int32], to out: inout [UInt8]) throws {
        out += Array("\"d\":{".utf8)
        for (i, page) in Set(pages).sorted().enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out += Array("\"\(page)\":".utf8)
            out += try display.bytes(Int(page))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Whether the terms of `range`, sharing their first `depth` scalars, are too many for one shard and
    /// are not all one term.
    private func needsSplit(_ range: Range<Int>, depth: Int) -> Bool {
        let exact = index.terms[range.lowerBound].count == depth
        return range.count > (exact ? 1 : 0) && shardBytes(range) > limit
    }

    private mutating func addShard(_ range: Range<Int>, key: String) throws {
        var out: [UInt8] = Array("{\"t\":{".utf8)
        for t in range {
            if t > range.lowerBound { out.append(UInt8(ascii: ",")) }
            out += entries[t]
        }
        out += Array("},".utf8)
        try appendSummaries(range.flatMap { firstPages[$0] }, to: &out)
        out.append(UInt8(ascii: "}"))
        nodes.append(Node(key: key, split: false, bytes: out))
    }

    /// Splits the terms of `range`, which share their first `depth` scalars, by the next scalar. Children
    /// small enough are packed, in order, into shards of up to ``SearchIndexWriter/shardPacking`` bytes,
    /// each listed under its first prefix: a split of a bushy prefix would otherwise list (and make the
    /// reader download the names of) dozens of tiny files.
    private mutating func split(_ range: Range<Int>, depth: Int) throws {
        let terms = index.terms
        let prefix = String(scalars: terms[range.lowerBound].prefix(depth))
        // Sorted terms put the one equal to the prefix first.
        let exact: Int? = terms[range.lowerBound].count == depth ? range.lowerBound : nil
        var bytes: [UInt8]?
        if depth >= SearchFolding.minimumTermLength {
            var out: [UInt8] = Array("{\"t\":{".utf8)
            if let exact { out += entries[exact] }
            out += Array("},\"u\":\"".utf8)
            let longer = union(range, without: exact)
            out += SearchPostings.encode(longer)
            out += Array("\",".utf8)
            // One page of results: the exact term's first pages, then those of longer terms.
            try appendSummaries(Array(((exact.map { firstPages[$0] } ?? []) + longer.prefix(SearchIndexWriter.resultsPerPage))
                .prefix(SearchIndexWriter.resultsPerPage)), to: &out)
            out.append(UInt8(ascii: "}"))
            bytes = out
        }
        nodes.append(Node(key: prefix, split: true, bytes: bytes))

        var pack: Range<Int>?
        func flush(_ tree: inout SearchShardTree) throws {
            if let p = pack { try tree.addShard(p, key: String(scalars: terms[p.lowerBound].prefix(depth + 1))) }
            pack = nil
        }
        var start = exact.map { $0 + 1 } ?? range.lowerBound
        while start < range.upperBound {
            let next = terms[start][depth]
            var end = start + 1
            while end < range.upperBound, terms[end][depth] == next { end += 1 }
            if needsSplit(start..<end, depth: depth + 1) {
                try flush(&self)
                try split(start..<end, depth: depth + 1)
            } else if let p = pack, shardBytes(p.lowerBound..<end) <= packing {
                pack = p.lowerBound..<end
            } else {
                try flush(&self)
                pack = start..<end
            }
            start = end
        }
        try flush(&self)
    }

    /// The pages containing a term of `range` other than `exact`, and not `exact` itself: a prefix query
    /// reads both lists, and pages with the whole word need not be written twice.
    private func union(_ range: Range<Int>, without exact: Int?) -> [Int32] {
        var marks = [Bool](repeating: false, count: index.count)
        for t in range where t != exact {
            for page in index.pages[t] { marks[Int(page)] = true }
        }
        if let exact {
            for page in index.pages[exact] { marks[Int(page)] = false }
        }
        var all: [Int32] = []
        for (page, mark) in marks.enumerated() where mark { all.append(Int32(page)) }
        return all
    }
}

/// The little JSON writing the index needs.
enum SearchJSON {
    /// `s` as a JSON string literal in UTF-8, safe inside a JavaScript string.
    static func appendString(_ s: String, to out: inout [UInt8]) { JSONText.append(s, to: &out, forHTML: false) }
}
