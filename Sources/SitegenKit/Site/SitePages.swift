import SitegenContent
import SitegenCore

/// Every page of the site as the site-wide parts see it (``PageCache/summary(of:)``: its place, address
/// and what lists read of its front matter), held for the whole build in little memory a page. What
/// finds and orders pages (language, path, address, translation key, weight) stays in memory, each
/// page's strings end to end in one ``ByteStrings``; what only a page's own entry shows (title,
/// description, dates, slug, the digest of its file) waits in a ``PageSpill`` (the build's working
/// file) and is read back when the page's summary or entry is made. As an array of summaries, each
/// page held some 800 bytes (its `Page`, its front matter's box and strings), the largest part of a big
/// build's memory; here it is about 100.
///
/// Pages are appended while the site is read, before the table is shared; after that it is only read.
final class SitePages: RandomAccessCollection, @unchecked Sendable {
    /// The languages of the pages, each held once.
    private var languages: [String] = []
    /// Per page: its address, its path below the language folder, the translation key its front
    /// matter gives (if any) and its source path when it is not the usual one (`content/<language>/<path>.md`).
    private var strings = ByteStrings()
    private var records: [Record] = []
    private let spill: PageSpill

    private struct Record {
        /// Where the page's texts (``PageCache/writeSummaryFields(_:to:)``) lie in the spill.
        var text: Int
        var weight: Int
        var textLength: UInt32
        var urlLength: UInt32
        var contentPathLength: UInt32
        var keyLength: UInt32
        var language: UInt16
        var flags: UInt8

        static let isSection: UInt8 = 1
        static let hasKey: UInt8 = 2
        static let ownSourcePath: UInt8 = 4
        static let hasDigest: UInt8 = 8
    }

    /// An empty table whose texts go to `spill`.
    init(spill: PageSpill) { self.spill = spill }

    /// The summaries of `pages`, their texts kept in memory (a preview's pages, tests).
    convenience init(_ pages: [Page]) {
        self.init(spill: MemorySpill())
        reserveCapacity(pages.count)
        for page in pages { append(page) }
    }

    func reserveCapacity(_ count: Int) { records.reserveCapacity(count) }

    /// Adds `page`'s summary as the next page. False when its texts could not be kept (the spill says
    /// why, and the build fails).
    @discardableResult
    func append(_ page: Page) -> Bool {
        let fm = page.frontMatter
        var w = ByteWriter()
        PageCache.writeSummaryFields(fm, to: &w)
        w.optional(page.sourceDigest) { $0.string($1.text) }
        guard let start = w.bytes.withUnsafeBytes({ spill.append($0) }) else { return false }
        let language: Int
        if let known = languages.firstIndex(of: page.language) { language = known } else {
            language = languages.count
            languages.append(page.language)
        }
        let key = fm.translationKey
        let ownSourcePath = page.sourcePath != Self.usualSourcePath(language: page.language, contentPath: page.contentPath)
        var flags: UInt8 = page.isSection ? Record.isSection : 0
        if key != nil { flags |= Record.hasKey }
        if ownSourcePath { flags |= Record.ownSourcePath }
        if page.sourceDigest != nil { flags |= Record.hasDigest }
        var bytes = Array(page.url.utf8)
        bytes += page.contentPath.utf8
        if let key { bytes += key.utf8 }
        if ownSourcePath { bytes += page.sourcePath.utf8 }
        strings.append(bytes)
        records.append(Record(text: start, weight: fm.weight, textLength: UInt32(w.bytes.count), urlLength: UInt32(page.url.utf8.count),
                              contentPathLength: UInt32(page.contentPath.utf8.count), keyLength: UInt32(key?.utf8.count ?? 0),
                              language: UInt16(language), flags: flags))
        return true
    }

    static func usualSourcePath(language: String, contentPath: String) -> String {
        "content/" + language + "/" + contentPath + ".md"
    }

    var startIndex: Int { 0 }
    var endIndex: Int { records.count }
    subscript(i: Int) -> SitePage { SitePage(pages: self, index: i) }

    // MARK: What stays in memory

    func language(_ i: Int) -> String { languages[Int(records[i].language)] }
    func isSection(_ i: Int) -> Bool { records[i].flags & Record.isSection != 0 }
    func weight(_ i: Int) -> Int { records[i].weight }
    func url(_ i: Int) -> String { string(i, from: 0, count: Int(records[i].urlLength)) }

    func contentPath(_ i: Int) -> String {
        string(i, from: Int(records[i].urlLength), count: Int(records[i].contentPathLength))
    }

    /// The key its front matter gives, if any.
    func givenKey(_ i: Int) -> String? {
        let r = records[i]
        guard r.flags & Record.hasKey != 0 else { return nil }
        return string(i, from: Int(r.urlLength + r.contentPathLength), count: Int(r.keyLength))
    }

    func sourcePath(_ i: Int) -> String {
        let r = records[i]
        guard r.flags & Record.ownSourcePath != 0 else { return Self.usualSourcePath(language: language(i), contentPath: contentPath(i)) }
        let start = Int(r.urlLength + r.contentPathLength + r.keyLength)
        return strings.withBytes(i) { String(decoding: UnsafeBufferPointer(rebasing: $0[start...]), as: UTF8.self) }
    }

    /// ``Page/translationKey``.
    func translationKey(_ i: Int) -> String {
        if let key = givenKey(i), !key.isEmpty { return key }
        return Page.defaultTranslationKey(contentPath(i))
    }

    /// Page `i` as the checks across pages name it.
    func named(_ i: Int) -> ParityCheck.Named {
        ParityCheck.Named(sourcePath: sourcePath(i), language: language(i), translationKey: translationKey(i))
    }

    private func string(_ i: Int, from start: Int, count: Int) -> String {
        strings.withBytes(i) { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<(start + count)]), as: UTF8.self) }
    }

    // MARK: What is read back

    /// The front matter of page `i` as its summary holds it, and the digest of its file. A spill that
    /// cannot be read gives an empty one: the spill keeps the failure, and the build fails on it before
    /// anything is published.
    func texts(_ i: Int) -> (frontMatter: FrontMatter, sourceDigest: SourceDigest?) {
        let r = records[i]
        var fm = FrontMatter()
        fm.weight = r.weight
        fm.translationKey = givenKey(i)
        guard let bytes = spill.read(r.text..<(r.text + Int(r.textLength))) else { return (fm, nil) }
        var reader = ByteReader(bytes)
        do {
            try PageCache.readSummaryFields(&reader, into: &fm)
            let digest = try reader.optional { r -> SourceDigest in
                guard let digest = SourceDigest(text: try r.string()) else { throw ByteReader.Malformed() }
                return digest
            }
            guard reader.isAtEnd else { throw ByteReader.Malformed() }
            return (fm, digest)
        } catch {
            spill.fail("the build's working file does not hold what was written to it")
            return (fm, nil)
        }
    }

    /// Page `i`'s summary, as it was appended.
    func summary(_ i: Int) -> Page {
        let (fm, digest) = texts(i)
        var page = Page(sourcePath: sourcePath(i), language: language(i), contentPath: contentPath(i), isSection: isSection(i),
                        url: url(i), frontMatter: fm, text: PageCache.emptyText, bodyOffset: 0, bodyLineOffset: 0)
        page.sourceDigest = digest
        return page
    }
}

/// One page of ``SitePages``: what finds and orders it, read from memory (``SitePages/summary(_:)`` reads the rest).
struct SitePage {
    fileprivate let pages: SitePages
    let index: Int

    var language: String { pages.language(index) }
    var url: String { pages.url(index) }
    var contentPath: String { pages.contentPath(index) }
    var sourcePath: String { pages.sourcePath(index) }
    var isSection: Bool { pages.isSection(index) }
    var translationKey: String { pages.translationKey(index) }
}

/// Where ``SitePages`` keeps its pages' texts: bytes appended and read back by their place.
protocol PageSpill: AnyObject, Sendable {
    /// Keeps `bytes` and returns where they start; nil when they could not be kept (``fail(_:)`` was told why).
    func append(_ bytes: UnsafeRawBufferPointer) -> Int?
    /// The bytes of `span`, nil when they could not be read (``fail(_:)`` was told why).
    func read(_ span: Range<Int>) -> [UInt8]?
    /// Records why the spill failed: the build fails with it before it publishes.
    func fail(_ reason: String)
}

/// A spill in memory, for a few pages (a preview's, tests').
final class MemorySpill: PageSpill, @unchecked Sendable {
    private var bytes: [UInt8] = []

    func append(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let start = self.bytes.count
        self.bytes += bytes
        return start
    }

    func read(_ span: Range<Int>) -> [UInt8]? { Array(bytes[span]) }
    func fail(_ reason: String) {}
}
