import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A build after an edit copies the page cache's entries of the pages it did not build again from the
/// file the last build wrote, rather than writing them anew: the copy is exactly what writing them
/// would give, comes from the file as it was read (not from whatever is at its path later), and a cache
/// whose entries are framed wrongly is not read.
final class PageCacheKeptEntryTests: XCTestCase {
    /// Every entry of a cache written again from its values, as a build writes an entry it made.
    private func rewritten(_ cache: PageCache) throws -> [UInt8] {
        let other = try Fixture()
        PageCache.write(cache, for: other.siteDirectory)
        return try XCTUnwrap(FileReader.read(PageCache.path(for: other.siteDirectory)))
    }

    func testAnEditBuildCopiesTheOtherEntriesAsTheyWouldBeWritten() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let first = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        let edited = "content/kk/42500/apply.md"
        try f.append(edited, "\nТағы бір сөйлем.\n")
        let report = f.build()
        XCTAssertTrue(report.published)
        XCTAssertFalse(report.upToDate)
        let second = try XCTUnwrap(PageCache.read(for: f.siteDirectory), "the edit build's cache is read back")
        XCTAssertEqual(Set(second.pages.keys), Set(first.pages.keys))
        XCTAssertNotEqual(second.pages[edited]?.source, first.pages[edited]?.source, "the edited page's entry is new")
        for (path, entry) in first.pages where path != edited {
            XCTAssertEqual(second.pages[path]?.source, entry.source, path)
            XCTAssertEqual(second.pages[path]?.publishedFiles(at: path), entry.publishedFiles(at: path), "\(path): its files were linked, not written")
        }
        // The file as written (kept entries copied, the edited one made) is the file every entry made anew gives.
        let written = try XCTUnwrap(FileReader.read(PageCache.path(for: f.siteDirectory)))
        XCTAssertEqual(written, try rewritten(second))
    }

    /// The repository's guides built, and the cache the build left, read (with the file held open).
    private func builtCache() throws -> (f: Fixture, path: String, read: PageCache, file: PageCache.OpenFile) {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let read = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        return (f, PageCache.path(for: f.siteDirectory), read, try XCTUnwrap(read.file))
    }

    func testKeptEntriesComeFromTheFileAsItWasRead() throws {
        let (f, path, read, file) = try builtCache()
        // Another file takes the cache's name after it was read (a copy from elsewhere, a later build).
        unlink(path)
        try Data(repeating: 0x5A, count: 1 << 16).write(to: URL(fileURLWithPath: path))
        let sorted = read.pages.sorted { $0.key < $1.key }
        PageCache.write(setup: read.setup, index: read.index, count: sorted.count,
                        entries: sorted.map { kept($0.key, $0.value, in: file) }, parts: read.parts, for: f.siteDirectory)
        let copied = try XCTUnwrap(PageCache.read(for: f.siteDirectory), "a cache of copied entries is read")
        XCTAssertEqual(try rewritten(copied), try rewritten(read), "the entries copied are those that were read")
    }

    /// An entry to be copied from `file`, made anew (from `anew`, what was read) if its bytes there changed.
    private func kept(_ path: String, _ entry: PageCache.Entry, in file: PageCache.OpenFile,
                      anew: PageCache.Encoded? = nil) -> (path: String, entry: PageCache.Written?) {
        let made = anew ?? entry.encoded(at: path)
        return (path, .kept(entry.place!, in: file, else: { made }))
    }

    func testBytesChangedInTheReadFileAreNotCopied() throws {
        let (f, path, read, file) = try builtCache()
        // The same file written into after it was read and checked (through another descriptor): an
        // entry's title overwritten in place, its length kept.
        let (victim, entry) = try XCTUnwrap(read.pages.min { $0.key < $1.key })
        let bytes = try XCTUnwrap(FileReader.read(path))
        // What was read of each entry, held before the file is written into (as a build has it in its
        // table of pages and its working file).
        var held = read
        for (path, entry) in read.pages {
            held.pages[path]?.hold(page: try XCTUnwrap(entry.summary(at: path)), outputs: try XCTUnwrap(entry.publishedFiles(at: path)))
        }
        let sorted = read.pages.sorted { $0.key < $1.key }
        let anew = try sorted.map { try XCTUnwrap(held.pages[$0.key]?.encoded(at: $0.key)) }
        let readTitle = try XCTUnwrap(entry.summary(at: victim)).frontMatter.title
        let title = Array(readTitle.utf8)
        let place = try XCTUnwrap(entry.place)
        let at = try XCTUnwrap((place.span.lowerBound..<(place.span.upperBound - title.count)).first { Array(bytes[$0..<($0 + title.count)]) == title },
                               "the title of \(victim) is in its entry")
        let fd = open(path, O_WRONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        let forged = [UInt8](repeating: UInt8(ascii: "X"), count: title.count)
        XCTAssertEqual(forged.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(at)) }, title.count)
        close(fd)
        XCTAssertEqual(entry.summary(at: victim)?.frontMatter.title, readTitle, "an entry read is what was read, not what was written in since")
        PageCache.write(setup: read.setup, index: read.index, count: sorted.count,
                        entries: zip(sorted, anew).map { kept($0.0.key, $0.0.value, in: file, anew: $0.1) }, parts: read.parts, for: f.siteDirectory)
        let written = try XCTUnwrap(FileReader.read(path))
        XCTAssertNil(written.indices.dropLast(title.count).first { Array(written[$0..<($0 + title.count)]) == forged },
                     "the bytes written in after the check are not in the new cache")
        let copied = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        XCTAssertEqual(copied.pages[victim]?.summary(at: victim)?.frontMatter.title, readTitle)
        XCTAssertEqual(try rewritten(copied), try rewritten(held), "the changed entry is written anew from what was read")
    }

    func testAFIFOInPlaceOfTheCacheIsNotWaitedFor() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let path = PageCache.path(for: f.siteDirectory)
        unlink(path)
        XCTAssertEqual(mkfifo(path, 0o644), 0)
        try f.append("content/kk/42500/apply.md", "\nТағы бір сөйлем.\n")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) let fixture = f
        DispatchQueue.global().async {
            XCTAssertNil(PageCache.read(for: fixture.siteDirectory))
            XCTAssertTrue(fixture.build().published)
            done.signal()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success, "a build beside a FIFO in place of the cache does not wait for it")
        var info = stat()
        XCTAssertEqual(lstat(path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFREG, "the build wrote its cache in the FIFO's place")
    }

    func testACacheWhoseEntryRunsPastItsFrameIsNotRead() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        let (path, entry) = try XCTUnwrap(cache.pages.min { $0.key < $1.key })
        // Made before the cache's file is written over below (its entry is read again from there).
        let encoded = try XCTUnwrap(entry.encoded(at: path))
        // One entry's frame says one byte less or more than its fields take (the cache's digest is right);
        // the same cache with the frame right is read.
        for delta in [-1, 1, 0] {
            var w = ByteWriter()
            w.string(cache.setup)
            w.string(cache.index)
            w.int(1)
            w.string(path)
            var body = ByteWriter()
            encoded.write(to: &body)
            w.int(body.bytes.count + delta)
            let framed = body.bytes + (delta > 0 ? [0] : [])
            XCTAssertTrue(w.append(count: framed.count) { $0.copyBytes(from: framed); return true })
            PageCache.writeParts([], to: &w)
            var outline = PageCache.Outline(setup: cache.setup, index: cache.index, count: 1)
            let spanned = Array(framed.prefix(body.bytes.count + delta))
            outline.entry(path, length: spanned.count, digest: SHA256Digest.bytes(spanned))
            outline.parts([])
            let file = PageCache.header + outline.finish() + [UInt8(ascii: "\n")] + w.bytes
            try f.writeBytes(".site.pages", file)
            if delta == 0 {
                XCTAssertEqual(PageCache.read(for: f.siteDirectory)?.pages.count, 1, "a frame that is right is read")
            } else {
                XCTAssertNil(PageCache.read(for: f.siteDirectory), "a frame \(delta) byte off is refused")
            }
        }
    }
    func testTheSummariesOfACacheLetGoAreNotPublished() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let page = "content/kk/42500/apply.md"
        // A cache whose digest is good but whose summary of a page is not what the page says (written
        // by something else than the build): what pages show of each other no longer matches it.
        var cache = try XCTUnwrap(PageCache.read(for: f.siteDirectory))
        var forged = try XCTUnwrap(cache.pages[page]?.summary(at: page))
        let title = forged.frontMatter.title
        forged.frontMatter.title = "FORGED TITLE"
        let files = try XCTUnwrap(cache.pages[page]?.publishedFiles(at: page))
        cache.pages[page]?.hold(page: forged, outputs: files)
        cache.file = nil
        PageCache.write(cache, for: f.siteDirectory)
        XCTAssertEqual(PageCache.read(for: f.siteDirectory)?.pages[page]?.summary(at: page)?.frontMatter.title, "FORGED TITLE")
        try f.append("content/ru/42500/documents.md", "\nЕщё одно предложение.\n")
        XCTAssertTrue(f.build().published)
        for (path, bytes) in f.snapshot() {
            XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains("FORGED"), "\(path) shows the cache's title")
        }
        XCTAssertEqual(PageCache.read(for: f.siteDirectory)?.pages[page]?.summary(at: page)?.frontMatter.title, title,
                       "the next cache has the page's own title")
    }
}
