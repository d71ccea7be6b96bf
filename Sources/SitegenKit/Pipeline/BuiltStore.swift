import CPosix
import Foundation
import SitegenCore
import SitegenSearch

/// What building each page gave the site-wide step (``PageBuilder/Built``: facts, search entry,
/// bulletins), kept in a file of no name beside the output rather than in memory, so that a build's
/// memory does not grow with every page it has built. Each site-wide part reads back only its part
/// of each page (the facts, the search entries of one language, the bulletins) when it runs, and
/// lets it go after.
///
/// The file has no name (it is gone when the build ends, however it ends) and is written in the
/// byte form of the page cache, so the next cache takes a page's bytes from here as they are.
final class BuiltStore: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var end = 0
    /// Why a write failed, if one did.
    private(set) var failure: String?

    /// Where each part of a page's bytes begins among them (``PageBuilder/Built/write(marking:)``).
    struct Marks: Sendable {
        var facts: Int
        /// The facts' address, anchors and links (``PageFacts/readLinks(_:)``), which end them.
        var links: Int
        var search: Int
        var files: Int
    }

    /// Where one page's bytes lie, and where its parts begin among them.
    struct Place: Sendable {
        var start: Int
        /// Offsets from `start`: the facts, their links, the search entry, the bulletins, the end.
        var facts: UInt32
        var links: UInt32
        var search: UInt32
        var files: UInt32
        var end: UInt32

        var whole: Range<Int> { start..<(start + Int(end)) }
        var factsPart: Range<Int> { (start + Int(facts))..<(start + Int(search)) }
        var linksPart: Range<Int> { (start + Int(links))..<(start + Int(search)) }
        var searchPart: Range<Int> { (start + Int(search))..<(start + Int(files)) }
        var filesPart: Range<Int> { (start + Int(files))..<(start + Int(end)) }
        var marks: Marks { Marks(facts: Int(facts), links: Int(links), search: Int(search), files: Int(files)) }
    }

    /// What the site-wide step keeps in memory of one page it built; the rest is in the store. One is
    /// kept for every page of the site until the build ends: its fields are in an order that leaves no
    /// holes, what most pages have none of (diagnostics, a place in the last cache) is boxed, and the
    /// digest of the page's file is the one the site's table of pages holds (48 bytes where it was 160).
    struct Stored: Sendable {
        /// Where the rest is; nil when the store could not take it (``failure`` says why; the build fails).
        /// Its 29 bytes are followed by the two flags, then the count of bulletins, in 36 bytes.
        var place: Place?
        /// ``PageBuilder/Built/unread``.
        var unread: Bool
        /// Whether every file the page wrote is in the output: only then is it kept in the page cache.
        var cacheable = false
        private var bulletinCount: UInt32
        private var rare: Rare?

        /// How many bulletins the page made.
        var bulletins: Int { Int(bulletinCount) }

        /// What was found wrong with the page.
        var diagnostics: [Diagnostic] { rare?.diagnostics ?? [] }

        /// ``PageBuilder/Built/cachedAt``.
        var cachedAt: PageCache.Place? {
            get { rare?.place }
            set { rare = Rare.unlessEmpty(diagnostics: diagnostics, place: newValue) }
        }

        init(diagnostics: [Diagnostic], cachedAt: PageCache.Place?, unread: Bool, bulletins: Int, place: Place?) {
            self.unread = unread
            self.place = place
            // A page's bulletins are its channels' messages, a few each: far below four billion.
            bulletinCount = UInt32(clamping: bulletins)
            rare = Rare.unlessEmpty(diagnostics: diagnostics, place: cachedAt)
        }

        /// Never changed: a new value is a new box.
        private final class Rare: Sendable {
            let diagnostics: [Diagnostic]
            let place: PageCache.Place?
            private init(_ diagnostics: [Diagnostic], _ place: PageCache.Place?) {
                self.diagnostics = diagnostics
                self.place = place
            }

            static func unlessEmpty(diagnostics: [Diagnostic], place: PageCache.Place?) -> Rare? {
                diagnostics.isEmpty && place == nil ? nil : Rare(diagnostics, place)
            }
        }
    }

    /// A store in `folder` (the output's parent: a place the build may write to anyway).
    init(folder: String) throws {
        descriptor = try Self.unnamedFile(in: folder)
        self.folder = folder
    }

    /// The folder the store's file is in.
    let folder: String

    /// Opens another file of no name beside the store's (for a stage's own spill, ``SearchSummaries``):
    /// the caller closes it.
    func anotherFile() throws -> Int32 { try Self.unnamedFile(in: folder) }

    private static func unnamedFile(in folder: String) throws -> Int32 {
        let descriptor = sg_open_unnamed(folder)
        guard descriptor >= 0 else { throw OutputError.io("cannot create a working file in \(folder): \(errnoText())") }
        return descriptor
    }

    deinit { close(descriptor) }

    /// Writes what building a page gave and returns what stays in memory of it.
    func add(_ built: PageBuilder.Built) -> Stored {
        var w = ByteWriter()
        let marks = built.write(marking: &w)
        var stored = Stored(diagnostics: built.diagnostics, cachedAt: built.cachedAt, unread: built.unread,
                            bulletins: built.bulletins.count, place: nil)
        stored.place = w.bytes.withUnsafeBytes { add($0, marks: marks) }
        return stored
    }

    /// Writes a page's facts alone (all a check keeps of a page: it builds nothing) and returns where
    /// they lie, for ``facts(_:)`` and ``links(_:of:)`` to read back.
    func add(facts: PageFacts) -> Place? {
        var w = ByteWriter()
        let links = facts.write(marking: &w)
        let end = w.bytes.count
        return w.bytes.withUnsafeBytes { add($0, marks: Marks(facts: 0, links: links, search: end, files: end)) }
    }

    /// Keeps `bytes` (an entry of the last build's page cache, read again from here) and returns where
    /// they lie; nil when they could not be written, which fails nothing.
    func keep(_ bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        write(bytes, failing: false).map { $0..<($0 + bytes.count) }
    }

    /// Writes a page's results already in byte form (``PageBuilder/Built/write(marking:)``, whose
    /// marks these are) and returns where they lie, or nil (and a ``failure`` of the build) when they
    /// could not be written.
    func add(_ bytes: UnsafeRawBufferPointer, marks: Marks) -> Place? {
        guard Self.fit(marks, count: bytes.count) else {
            fail("a page's results are too large to keep")
            return nil
        }
        guard let start = write(bytes, failing: true) else { return nil }
        return place(of: start..<(start + bytes.count), marks: marks)
    }

    /// Where a page's results lie that were written already, as part of what ``keep(_:)`` kept: nil
    /// when `marks` do not fit in `span`.
    func place(of span: Range<Int>, marks: Marks) -> Place? {
        guard Self.fit(marks, count: span.count) else { return nil }
        return Place(start: span.lowerBound, facts: UInt32(marks.facts), links: UInt32(marks.links), search: UInt32(marks.search),
                     files: UInt32(marks.files), end: UInt32(span.count))
    }

    /// Whether `marks` part `count` bytes in order, and a place can hold them.
    private static func fit(_ marks: Marks, count: Int) -> Bool {
        count < Int(UInt32.max) && 0 <= marks.facts && marks.facts <= marks.links && marks.links <= marks.search
            && marks.search <= marks.files && marks.files <= count
    }

    /// Writes `bytes` after what was written and returns where they start, or nil when they could not be
    /// written (a ``failure`` when `failing`).
    private func write(_ bytes: UnsafeRawBufferPointer, failing: Bool) -> Int? {
        lock.lock()
        let start = end
        end += bytes.count
        lock.unlock()
        // Each write has its own stretch of the file: the writes of every core need no lock.
        if let failed = FileWriter.writeAll(descriptor, bytes, at: start) {
            if failing { fail(String(cString: strerror(failed))) }
            return nil
        }
        return start
    }

    func fail(_ reason: String) {
        lock.lock()
        failure = failure ?? reason
        lock.unlock()
    }

    /// The bytes of `span`, read back.
    func bytes(_ span: Range<Int>) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: span.count) { buffer, count in
            guard FileReader.read(descriptor: descriptor, into: UnsafeMutableRawBufferPointer(buffer), at: span.lowerBound) else {
                throw OutputError.io("cannot read the build's working file: \(errno == 0 ? "cut short" : errnoText())")
            }
            count = span.count
        }
    }

    /// Reads `span` with `read`, which must read all of it.
    private func read<T>(_ span: Range<Int>, _ read: (inout ByteReader) throws -> T) throws -> T {
        let bytes = try bytes(span)
        var r = ByteReader(bytes)
        let value = try read(&r)
        guard r.isAtEnd else { throw OutputError.io("the build's working file does not hold what was written to it") }
        return value
    }

    /// `place`, which a page has unless the store failed it (and the build with it).
    static func kept(_ place: Place?) throws -> Place {
        guard let place else { throw OutputError.io("a page's results could not be kept in the build's working file") }
        return place
    }

    /// A page's facts.
    func facts(_ place: Place) throws -> PageFacts { try read(place.factsPart) { try PageFacts(reading: &$0) } }

    /// The address, anchors and links (``PageFacts/readLinks(_:)``) of the page at `place`, named
    /// `page`, in facts that hold nothing else: all the check of internal links reads.
    func links(_ place: Place?, of page: ParityCheck.Named) throws -> PageFacts {
        var facts = PageFacts(sourcePath: page.sourcePath, language: page.language, translationKey: page.translationKey, lastmod: nil)
        try read(Self.kept(place).linksPart) { try facts.readLinks(&$0) }
        return facts
    }

    /// A page's search entry.
    func search(_ place: Place) throws -> SearchDocument? { try read(place.searchPart, PageBuilder.Built.readSearch) }

    /// A page's bulletins and its own file.
    func files(_ place: Place) throws -> (bulletins: [BulletinManifest.Entry], pageFile: String?) {
        try read(place.filesPart, PageBuilder.Built.readFiles)
    }
}

/// The build's working file keeps the texts of the site's pages too (``SitePages``).
extension BuiltStore: PageSpill {
    func append(_ bytes: UnsafeRawBufferPointer) -> Int? { write(bytes, failing: true) }

    func read(_ span: Range<Int>) -> [UInt8]? {
        do { return try bytes(span) } catch {
            fail("\(error)")
            return nil
        }
    }
}
