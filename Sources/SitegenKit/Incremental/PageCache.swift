import CPosix
import Foundation
import SitegenContent
import SitegenCore
import SitegenPolicy

/// What the last published build made of each page, kept beside the output (`.site.pages` for
/// `site/`), so the next build does again only what changed (an incremental build).
///
/// For each content file: the digest of its bytes, what building it gave the site-wide step (its
/// diagnostics, facts, search entry and bulletins: ``PageBuilder/Built``) and every file it published
/// with its size and identity (time of modification, inode, mode). A page is taken from here, and its files linked into the new
/// site unchanged, only when all of this holds:
/// - everything but the pages is as it was (``InputDigest/setup``: `sitegen.yml`, templates, strings,
///   static files, options, the program itself);
/// - what pages show of each other is as it was (``indexDigest(_:)``: every page's front matter as the
///   site index reads it), since a page lists its translations, section and children;
/// - its own file has the same digest;
/// - each file it published is still there, a regular file of the recorded size and identity.
///
/// Anything else builds the page again. The cache is removed before a site is replaced and written
/// only after a build has published, so it never describes another folder than the one beside it.
struct PageCache {
    static let header = Array("sitegen page cache 10\n".utf8)

    /// ``InputDigest/setup`` of the build that wrote the cache.
    var setup: String
    /// ``indexDigest(_:)`` of that build.
    var index: String
    /// By source path (`content/kk/42500/apply.md`).
    var pages: Pages
    /// The files each site-wide part wrote (``SitePart``), as they were published, in the order of their names.
    var parts: [Part] = []

    /// What a site-wide part was made of (its ``SitePart`` key) and the files it published.
    struct Part: Equatable {
        var name: String
        var key: String
        var files: [BuildRecord.OutputFile]
    }
    /// The file the cache was read from, held open: an entry taken unchanged is copied from it into
    /// the next cache rather than written again (nil for a cache made in memory).
    var file: OpenFile?
    /// Where what building each page gave (``Entry/built``) was copied as the cache was read: a big
    /// site's cache is never whole in memory.
    var store: BuiltStore

    /// A file held open until the last value holding it is gone.
    final class OpenFile: @unchecked Sendable {
        let descriptor: Int32
        init(_ descriptor: Int32) { self.descriptor = descriptor }
        deinit { close(descriptor) }

        /// Appends the bytes of the entry at `place` to `w`, if they are still those that were read
        /// there: the file may have been written to since (only a rename cannot reach an open file),
        /// and bytes never checked must not pass into a cache with a good digest. False, with nothing
        /// appended, when they cannot be read whole or are not those.
        func copy(_ place: Place, to w: inout ByteWriter) -> Bool {
            w.append(count: place.span.count) { buffer in
                FileReader.read(descriptor: descriptor, into: buffer, at: place.span.lowerBound)
                    && SHA256Digest.bytes(UnsafeRawBufferPointer(buffer)) == place.digest
            }
        }
    }

    /// Where an entry's bytes lie in the file it was read from, and their digest as they were read.
    struct Place: Sendable {
        var span: Range<Int>
        var digest: SHA256Digest.Bytes
    }

    /// One page's entry. Only what every page's is read for stays in memory (its file's digest, what
    /// reading it reported, where what building it gave lies, where its own bytes lie); the page's
    /// summary and the files it published are read again, from the copy of the entry's bytes in the
    /// build's working file (which nothing else writes), for the pages that need them (``summary(at:)``,
    /// ``publishedFiles(at:)``): held for every page, they were most of what a big site's incremental
    /// build held (a kilobyte and a half a page).
    struct Entry {
        /// ``InputDigest/content`` of the file.
        var source: SourceDigest
        /// What reading the file reported.
        var loaded: [Diagnostic]
        /// What building the page gave, in `store` (the cache's ``PageCache/store``).
        var built: BuiltStore.Stored
        /// Where the entry's bytes lie in the cache's file it was read from (``PageCache/file``).
        var place: Place?
        let store: BuiltStore
        /// How many files the page published.
        private(set) var outputCount: Int
        /// Where the entry's bytes were copied in `store`, which the summary and files are read again from.
        private let kept: Range<Int>?
        /// The summary and files when they are given rather than read again (``hold(page:outputs:)``).
        private var held: Held?

        init(source: SourceDigest, loaded: [Diagnostic], built: BuiltStore.Stored, outputCount: Int, kept: Range<Int>?, store: BuiltStore) {
            self.kept = kept
            self.source = source
            self.loaded = loaded
            self.built = built
            self.outputCount = outputCount
            self.store = store
        }

        /// The page as the site-wide parts see it (``summary(of:)``): an unchanged file is not read
        /// again. Nil when it cannot be read back (the page is then read or built from its file).
        func summary(at path: String) -> Page? { shown(at: path)?.page }

        /// The files the page published, as they were published; nil as for ``summary(at:)``.
        func publishedFiles(at path: String) -> [BuildRecord.OutputFile]? { shown(at: path)?.outputs }

        /// The summary and the files together, held or read again once; nil as for ``summary(at:)``.
        func shown(at path: String) -> (page: Page, outputs: [BuildRecord.OutputFile])? {
            held.map { ($0.page, $0.outputs) } ?? reread(path)
        }

        /// Gives the entry a summary and files of its own, which it is written with (``encoded(at:)``).
        mutating func hold(page: Page, outputs: [BuildRecord.OutputFile]) {
            held = Held(page: page, outputs: outputs)
            outputCount = outputs.count
        }

        /// The entry's fields read again from the copy of its bytes, checked as it was read.
        private func reread(_ path: String) -> (page: Page, outputs: [BuildRecord.OutputFile])? {
            guard let kept, let bytes = try? store.bytes(kept) else { return nil }
            var r = ByteReader(bytes)
            return try? PageCache.readShown(&r, path: path)
        }

        /// Never changed: a new value is a new box.
        private final class Held: Sendable {
            let page: Page
            let outputs: [BuildRecord.OutputFile]
            init(page: Page, outputs: [BuildRecord.OutputFile]) {
                self.page = page
                self.outputs = outputs
            }
        }
    }

    /// An entry as the next cache is written: made anew, or the bytes of one that the last cache holds
    /// (a page taken from it unchanged gives the same entry, byte for byte), made anew after all when
    /// those bytes are no longer what was read.
    enum Written {
        case encoded(Encoded)
        case kept(Place, in: OpenFile, else: () -> Encoded?)
    }

    /// An entry whose ``PageBuilder/Built`` is in its byte form, as the ``BuiltStore`` keeps it (with
    /// where its parts begin).
    struct Encoded {
        var source: SourceDigest
        var page: Page
        var loaded: [Diagnostic]
        var built: [UInt8]
        var marks: BuiltStore.Marks
        var outputs: [BuildRecord.OutputFile]
    }

    /// A page without its text: its place, address and what the site index, the address checks and
    /// the lists read of its front matter. It stands for an unchanged page that is not built again; a
    /// page that must be built is read from its file.
    static func summary(of page: Page) -> Page {
        var fm = FrontMatter()
        fm.title = page.frontMatter.title
        fm.description = page.frontMatter.description
        fm.date = page.frontMatter.date
        fm.lastmod = page.frontMatter.lastmod
        fm.weight = page.frontMatter.weight
        fm.translationKey = page.frontMatter.translationKey
        fm.slug = page.frontMatter.slug
        fm.slugPosition = page.frontMatter.slugPosition
        var summary = Page(sourcePath: page.sourcePath, language: page.language, contentPath: page.contentPath,
                           isSection: page.isSection, url: page.url, frontMatter: fm, text: emptyText, bodyOffset: 0,
                           bodyLineOffset: 0)
        summary.sourceDigest = page.sourceDigest
        return summary
    }

    static let emptyText = SourceText(bytes: [], lineStarts: [0])

    /// The cache's file for an output folder: `.site.pages` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".pages")
    }

    /// Whether there is a file where the cache beside `destination` would be.
    static func exists(for destination: String) -> Bool {
        var info = stat()
        return lstat(path(for: destination), &info) == 0
    }

    /// One digest of what the pages show of each other: every entry of the site index, in order.
    /// The entries are digested as they are written, 64 KiB at a time: written whole, a big site's were
    /// the largest thing its build held (19 MB of 64 for 30,000 pages).
    static func indexDigest(_ index: SiteIndex) -> String {
        let stream = SHA256Stream()
        var w = ByteWriter()
        for e in index.entries {
            for s in [e.language, e.url, e.title, e.translationKey, e.sectionPath, e.contentPath] { w.string(s) }
            for s in [e.description, e.date, e.lastmod] { w.optional(s) { $0.string($1) } }
            w.int(e.weight)
            w.bool(e.isSection)
            if w.bytes.count >= 1 << 16 {
                stream.update(w.bytes)
                w.removeAll()
            }
        }
        stream.update(w.bytes)
        return stream.hex()
    }

    /// The cache beside `destination` (what building each page gave copied into `store`, else into a
    /// store of its own beside the output), or nil when there is none, it cannot be read whole, or its
    /// bytes are not those it was written with: the line after the header is the digest of the rest
    /// (of its ``Outline``, which stands for every byte of it), so a damaged cache (a disk error, a cut
    /// copy) is never taken for the last build's results.
    /// The file is held open (``file``) for the entries copied from it later, each checked against
    /// the digest of its bytes as read here. Opened without waiting: a FIFO in its place is not read.
    static func read(for destination: String, store: BuiltStore? = nil) -> PageCache? {
        let fd = open(path(for: destination), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        let file = OpenFile(fd)
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let store = store ?? (try? BuiltStore(folder: OutputTree.stagingPrefix(for: destination).parent)) else { return nil }
        var stretches = FileStretches(descriptor: fd, size: Int(info.st_size))
        guard var cache = try? PageCache(reading: &stretches, store: store) else { return nil }
        cache.file = file
        return cache
    }

    /// Writes the cache through a new temporary file and a rename; on any failure there is no cache,
    /// and the next build does all the work, which is always safe.
    static func write(_ cache: PageCache, for destination: String) {
        // Sorted: the same build gives the same file.
        write(setup: cache.setup, index: cache.index, count: cache.pages.count,
              entries: cache.pages.sorted { $0.key < $1.key }.map { (path: $0.key, entry: $0.value.encoded(at: $0.key).map(Written.encoded)) },
              parts: cache.parts, for: destination)
    }

    /// Writes a cache of `count` entries in the order of their source paths, then the site-wide parts'
    /// files. The body is written as it is made; its digest (``Outline``), known at the end, goes into
    /// the line left for it. An entry that could not be made (nil) leaves no cache.
    static func write(setup: String, index: String, count: Int, entries: some Sequence<(path: String, entry: Written?)>,
                      parts: [Part], for destination: String) {
        OutputTree.replaceFile(path(for: destination)) { fd in
            let blank = header + Array(repeating: UInt8(ascii: "0"), count: 64) + [UInt8(ascii: "\n")]
            guard blank.withUnsafeBytes({ OutputTree.writeAll(fd, $0) }) else { return false }
            var written = true
            func flush(_ w: inout ByteWriter) {
                written = written && w.bytes.withUnsafeBytes { OutputTree.writeAll(fd, $0) }
                w.removeAll()
            }
            var w = ByteWriter()
            guard let digest = Self.write(setup: setup, index: index, count: count, entries: entries, parts: parts,
                                           to: &w, flush: flush) else { return false }
            flush(&w)
            return written && digest.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(header.count)) == $0.count }
        }
    }

    /// Forgets the cache (before the output is replaced).
    static func remove(for destination: String) { unlink(path(for: destination)) }
}
