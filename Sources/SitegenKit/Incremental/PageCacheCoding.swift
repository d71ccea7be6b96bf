import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy
import SitegenSearch

// The byte form of the page cache (``PageCache``). Every field a build reads back is written; the
// order of fields is the format, so a change here changes ``PageCache/header``.

extension PageCache {
    /// Reads a cache of at most `size` bytes from `file`, a stretch of entries at a time, copying what
    /// building each page gave into `store`, if its outline has the digest its header line says (see
    /// ``Outline``). Each entry is framed by its length, so the entries of a stretch are found first
    /// and then hashed and read apart, on every core.
    init(reading file: inout FileStretches, store: BuiltStore) throws {
        guard try file.next({ Array(try $0.fixed(PageCache.header.count)) }) == PageCache.header else { throw ByteReader.Malformed() }
        let digest = try file.next { Array(try $0.fixed(64)) }
        guard try file.next({ try $0.fixed(1).first }) == UInt8(ascii: "\n") else { throw ByteReader.Malformed() }
        setup = try file.string()
        index = try file.string()
        let count = try file.next { try $0.int() }
        // Each entry takes two bytes at least: a count beyond that is not believed.
        guard count >= 0, count <= file.size / 2 else { throw ByteReader.Malformed() }
        var outline = Outline(setup: setup, index: index, count: count)
        // Room for every entry at once, as far as the file's size bears the count out: a real entry takes
        // more than 512 bytes of it (its files' digests alone), and a crafted count reserves no more.
        var pages = Pages(capacity: min(count, file.size / 512))
        var stretch: [(path: String, span: Range<Int>)] = []
        func readStretch() throws {
            let (bytes, base) = (file.bytes, file.base)
            let entries = Parallel.map(stretch) { path, span -> (Entry?, SHA256Digest.Bytes) in
                let digest = bytes.withUnsafeBytes { SHA256Digest.bytes(UnsafeRawBufferPointer(rebasing: $0[span])) }
                var r = ByteReader(bytes, in: span)
                guard var entry = try? Entry(reading: &r, path: path, store: store), r.isAtEnd else { return (nil, digest) }
                entry.place = Place(span: (base + span.lowerBound)..<(base + span.upperBound), digest: digest)
                return (entry, digest)
            }
            for ((path, span), (entry, digest)) in zip(stretch, entries) {
                outline.entry(path, length: span.count, digest: digest)
                guard let entry, !pages.contains(path) else { throw ByteReader.Malformed() }
                pages[path] = entry
            }
            stretch.removeAll(keepingCapacity: true)
            file.dropTaken()
        }
        for _ in 0..<count {
            stretch.append((try file.string(), try file.run()))
            if stretch[stretch.count - 1].span.upperBound - stretch[0].span.lowerBound >= FileStretches.stretch { try readStretch() }
        }
        try readStretch()
        parts = try file.next { try PageCache.readParts(&$0) }
        guard Set(parts.map(\.name)).count == parts.count else { throw ByteReader.Malformed() }
        outline.parts(parts)
        guard try file.isAtEnd(), outline.finish() == digest else { throw ByteReader.Malformed() }
        self.pages = pages
        self.store = store
    }

    /// What the digest after a cache's header is taken of: the setup, index and count, then each
    /// entry's path, length and the SHA-256 of its bytes. It stands for every byte of the file as a
    /// digest of the whole would, yet each entry is hashed once: on every core as the cache is read,
    /// and as the copy of one taken unchanged is checked (``OpenFile/copy(_:to:)``) when it is written.
    ///
    /// It is hashed as it is made, a stretch at a time: held whole, a big site's outline (a path and 40
    /// bytes a page) was the peak of its build, as the cache was written at the end.
    struct Outline {
        private var w = ByteWriter()
        private let stream = SHA256Stream()

        init(setup: String, index: String, count: Int) {
            w.string(setup)
            w.string(index)
            w.int(count)
        }

        mutating func entry(_ path: String, length: Int, digest: SHA256Digest.Bytes) {
            w.string(path)
            w.int(length)
            _ = w.append(count: 32) { room in
                withUnsafeBytes(of: digest) { room.copyMemory(from: $0) }
                return true
            }
            if w.bytes.count >= 1 << 16 { hashTaken() }
        }

        /// The site-wide parts' files, which end the cache, as they are written.
        mutating func parts(_ parts: [PageCache.Part]) {
            PageCache.writeParts(parts, to: &w)
        }

        /// The digest as the file carries it, lowercase hex: the outline ends with it.
        consuming func finish() -> [UInt8] {
            hashTaken()
            return Array(stream.hex().utf8)
        }

        private mutating func hashTaken() {
            stream.update(w.bytes)
            w.removeAll()
        }
    }

    /// Writes a cache into `w`: `count` entries by source path, in order, handing what is written to
    /// `flush` every megabyte or so (which may empty `w`). Returns the digest of its ``Outline``, or nil
    /// when an entry could not be made.
    static func write(setup: String, index: String, count: Int, entries: some Sequence<(path: String, entry: Written?)>,
                      parts: [Part], to w: inout ByteWriter, flush: (inout ByteWriter) -> Void) -> [UInt8]? {
        w.string(setup)
        w.string(index)
        w.int(count)
        var outline = Outline(setup: setup, index: index, count: count)
        var written = 0
        var made = ByteWriter()
        for (path, entry) in entries {
            w.string(path)
            made.removeAll()
            var digest: SHA256Digest.Bytes?
            guard let entry else { return nil }
            switch entry {
            case .encoded(let entry):
                entry.write(to: &made)
            case .kept(let place, let file, let anew):
                // Copied bytes are checked against the digest they had when read: it is theirs.
                if file.copy(place, to: &made) {
                    digest = place.digest
                } else {
                    guard let anew = anew() else { return nil }
                    anew.write(to: &made)
                }
            }
            outline.entry(path, length: made.bytes.count, digest: digest ?? SHA256Digest.bytes(made.bytes))
            w.bytes(made.bytes)
            written += 1
            if w.bytes.count >= 1 << 20 { flush(&w) }
        }
        precondition(written == count, "the page cache lists as many entries as it says")
        writeParts(parts, to: &w)
        outline.parts(parts)
        return outline.finish()
    }

    /// The site-wide parts (``parts``): each part's name and key, then its files with their sizes and
    /// times of change.
    static func writeParts(_ parts: [Part], to w: inout ByteWriter) {
        w.array(parts) { w, part in
            w.string(part.name)
            w.string(part.key)
            writeFiles(part.files, to: &w)
        }
    }

    static func readParts(_ r: inout ByteReader) throws -> [Part] {
        try r.array { r in Part(name: try r.string(), key: try r.string(), files: try readFiles(&r)) }
    }

    /// Published files with their identities (size, time of change, inode, mode), as a page's entry and a part list them.
    static func writeFiles(_ files: [BuildRecord.OutputFile], to w: inout ByteWriter) {
        w.array(files) { w, f in
            w.string(f.path)
            w.int(f.identity)
        }
    }

    static func readFiles(_ r: inout ByteReader) throws -> [BuildRecord.OutputFile] {
        try r.array { r in BuildRecord.OutputFile(path: try r.string(), identity: try r.int()) }
    }
}

extension PageCache.Entry {
    /// One entry's fields, after its source path and length. What building the page gave is read
    /// whole (a cache whose digest is right but whose fields are not is refused as a whole) and copied
    /// into `store`, where the build reads it back; the summary and files are checked and let go, and
    /// the entry's bytes copied there too, to be read again when asked for (``summary(at:)``).
    init(reading r: inout ByteReader, path: String, store: BuiltStore) throws {
        let begin = r.offset
        guard let source = SourceDigest(text: try r.string()) else { throw ByteReader.Malformed() }
        let page = try PageCache.readPage(&r, path: path)
        let loaded = try PageCache.readDiagnostics(&r)
        let marks = BuiltStore.Marks(facts: try r.int(), links: try r.int(), search: try r.int(), files: try r.int())
        var b = try r.framed()
        let start = b.offset
        let diagnostics = try PageCache.readDiagnostics(&b)
        guard b.offset - start == marks.facts else { throw ByteReader.Malformed() }
        var facts = try PageFacts.readHead(&b)
        guard b.offset - start == marks.links else { throw ByteReader.Malformed() }
        try facts.readLinks(&b)
        guard b.offset - start == marks.search else { throw ByteReader.Malformed() }
        _ = try PageBuilder.Built.readSearch(&b)
        guard b.offset - start == marks.files else { throw ByteReader.Malformed() }
        let files = try PageBuilder.Built.readFiles(&b)
        guard b.isAtEnd else { throw ByteReader.Malformed() }
        let built = start..<b.offset
        let outputs = try PageCache.readFiles(&r)
        // Exactly the files the page's results say it wrote, and only those its address may write.
        guard outputs.map(\.path) == PageBuilder.Built.outputs(files.bulletins, pageFile: files.pageFile),
              outputs.allSatisfy({ PageCache.isOutput($0.path, of: page) }) else { throw ByteReader.Malformed() }
        // The whole entry is copied into the store once; what building the page gave is read from
        // there, where it lies inside the copy. Not kept when the store cannot take it: the cache is
        // then not used, and the build goes on.
        guard let kept = r.withBytes(begin..<r.offset, { store.keep($0) }),
              let place = store.place(of: (kept.lowerBound + built.lowerBound - begin)..<(kept.lowerBound + built.upperBound - begin),
                                      marks: marks) else { throw ByteReader.Malformed() }
        self.init(source: source, loaded: loaded,
                  built: BuiltStore.Stored(diagnostics: diagnostics, cachedAt: nil, unread: false, bulletins: files.bulletins.count, place: place),
                  outputCount: outputs.count, kept: kept, store: store)
    }

    /// The entry with what building the page gave read back from the store, to be written; nil when
    /// it cannot be read back.
    func encoded(at path: String) -> PageCache.Encoded? {
        guard let place = built.place, let bytes = try? store.bytes(place.whole), let shown = shown(at: path) else { return nil }
        return PageCache.Encoded(source: source, page: shown.page, loaded: loaded, built: bytes, marks: place.marks, outputs: shown.outputs)
    }
}

extension PageCache {
    /// The summary and the files of an entry read whole before (``PageCache/Entry/init(reading:path:store:)``
    /// checked them), read again from its bytes: what building the page gave is skipped.
    static func readShown(_ r: inout ByteReader, path: String) throws -> (page: Page, outputs: [BuildRecord.OutputFile]) {
        _ = try r.string()
        let page = try readPage(&r, path: path)
        _ = try readDiagnostics(&r)
        for _ in 0..<4 { _ = try r.int() }
        _ = try r.framed()
        let outputs = try readFiles(&r)
        guard r.isAtEnd else { throw ByteReader.Malformed() }
        return (page, outputs)
    }
}

extension PageCache.Encoded {
    /// One entry's fields, after its source path and length.
    func write(to w: inout ByteWriter) {
        w.string(source.text)
        PageCache.writePage(page, to: &w)
        PageCache.writeDiagnostics(loaded, to: &w)
        for mark in [marks.facts, marks.links, marks.search, marks.files] { w.int(mark) }
        w.bytes(built)
        PageCache.writeFiles(outputs, to: &w)
    }
}

extension PageCache {
    /// The fields of ``summary(of:)``. The page's place and address are not read but made again from
    /// its path and slug, as reading the file makes them; a slug that file could not have is refused.
    static func readPage(_ r: inout ByteReader, path: String) throws -> Page {
        var fm = FrontMatter()
        try readSummaryFields(&r, into: &fm)
        fm.weight = try r.int()
        fm.translationKey = try r.optional { try $0.string() }
        let (language, contentPath, isSection) = Page.place(of: path)
        let slug = isSection ? nil : fm.slug
        guard path.hasPrefix("content/"), path.hasSuffix(".md"), !language.isEmpty,
              PageAddressRule.problem(contentPath: contentPath, slug: slug) == nil else { throw ByteReader.Malformed() }
        return Page(sourcePath: path, language: language, contentPath: contentPath, isSection: isSection,
                    url: Page.url(language: language, contentPath: contentPath, slug: slug), frontMatter: fm, text: emptyText,
                    bodyOffset: 0, bodyLineOffset: 0)
    }

    static func writePage(_ page: Page, to w: inout ByteWriter) {
        let fm = page.frontMatter
        writeSummaryFields(fm, to: &w)
        w.int(fm.weight)
        w.optional(fm.translationKey) { $0.string($1) }
    }

    /// The fields of ``summary(of:)`` that only a page's own entry shows (``SitePages`` keeps them out
    /// of memory): title, description, dates and slug.
    static func writeSummaryFields(_ fm: FrontMatter, to w: inout ByteWriter) {
        w.string(fm.title)
        for s in [fm.description, fm.date, fm.lastmod, fm.slug] { w.optional(s) { $0.string($1) } }
        w.optional(fm.slugPosition) { w, p in
            w.int(p.line)
            w.int(p.column)
        }
    }

    static func readSummaryFields(_ r: inout ByteReader, into fm: inout FrontMatter) throws {
        fm.title = try r.string()
        fm.description = try r.optional { try $0.string() }
        fm.date = try r.optional { try $0.string() }
        fm.lastmod = try r.optional { try $0.string() }
        fm.slug = try r.optional { try $0.string() }
        fm.slugPosition = try r.optional { r in (try r.int(), try r.int()) }
    }

    /// Whether `path` is a file a page of this address writes: its page, or a file directly in its
    /// bulletins' folder. Anything else in a cache (a path out of the site, another page's file) is
    /// refused, so linking a cached page's files never reaches outside its own places.
    static func isOutput(_ path: String, of page: Page) -> Bool {
        if path == page.outputPath { return true }
        let folder = BulletinManifest.folder(of: page)
        guard path.hasPrefix(folder) else { return false }
        let name = path.dropFirst(folder.count)
        return !name.isEmpty && name != "." && name != ".." && !name.utf8.contains { $0 == UInt8(ascii: "/") || $0 == 0 }
    }

    /// Diagnostics, each as its JSON (few pages have any).
    static func readDiagnostics(_ r: inout ByteReader) throws -> [Diagnostic] {
        let count = try r.count()
        guard count > 0 else { return [] }
        let decoder = JSONDecoder()
        return try (0..<count).map { _ in try decoder.decode(Diagnostic.self, from: Data(try r.string().utf8)) }
    }

    static func writeDiagnostics(_ diagnostics: [Diagnostic], to w: inout ByteWriter) {
        // Most pages have none: no encoder is made for them.
        guard !diagnostics.isEmpty else { return w.int(0) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        w.array(diagnostics) { w, d in w.string(String(decoding: (try? encoder.encode(d)) ?? Data(), as: UTF8.self)) }
    }
}

extension PageBuilder.Built {
    package init(reading r: inout ByteReader) throws {
        let diagnostics = try PageCache.readDiagnostics(&r)
        let facts = try PageFacts(reading: &r)
        self.init(diagnostics: diagnostics, facts: facts, search: try Self.readSearch(&r))
        (bulletins, pageFile) = try Self.readFiles(&r)
    }

    /// The search entry, after the facts.
    static func readSearch(_ r: inout ByteReader) throws -> SearchDocument? {
        try r.optional { r in
            var doc = SearchDocument(url: try r.string(), title: try r.string(), snippet: try r.string(), text: try r.string())
            doc.analyzed = try r.optional { r in Array(try r.byteRun()) }
            doc.summary = try r.optional { r in Array(try r.byteRun()) }
            return doc
        }
    }

    /// The bulletins and the page's own file, after the search entry.
    static func readFiles(_ r: inout ByteReader) throws -> (bulletins: [BulletinManifest.Entry], pageFile: String?) {
        (try r.array { try BulletinManifest.Entry(reading: &$0) }, try r.optional { try $0.string() })
    }

    func write(to w: inout ByteWriter) { _ = write(marking: &w) }

    /// Writes the fields in order (diagnostics, facts, search entry, bulletins and page file) and
    /// returns where the facts, their links (``PageFacts/readLinks(_:)``), the search entry and the
    /// bulletins begin, so that each can be read alone.
    func write(marking w: inout ByteWriter) -> BuiltStore.Marks {
        PageCache.writeDiagnostics(diagnostics, to: &w)
        let factsStart = w.bytes.count
        let linksStart = facts.write(marking: &w)
        let searchStart = w.bytes.count
        w.optional(search) { w, s in
            for text in [s.url, s.title, s.snippet, s.text] { w.string(text) }
            w.optional(s.analyzed) { $0.bytes($1) }
            w.optional(s.summary) { $0.bytes($1) }
        }
        let filesStart = w.bytes.count
        w.array(bulletins) { w, e in e.write(to: &w) }
        w.optional(pageFile) { $0.string($1) }
        return BuiltStore.Marks(facts: factsStart, links: linksStart, search: searchStart, files: filesStart)
    }
}

extension PageFacts {
    init(reading r: inout ByteReader) throws {
        self = try Self.readHead(&r)
        try readLinks(&r)
    }

    /// The fields before the links (``readLinks(_:)``): the page, its facts and counts.
    static func readHead(_ r: inout ByteReader) throws -> PageFacts {
        var page = PageFacts(sourcePath: try r.string(), language: try r.string(), translationKey: try r.string(),
                             lastmod: try r.optional { try $0.string() })
        for _ in 0..<(try r.count()) {
            guard let kind = Kind(rawValue: try r.string()) else { throw ByteReader.Malformed() }
            page.facts[kind] = try r.array { r in
                Fact(key: try r.string(), shown: try r.string(), line: try r.int(), column: try r.int())
            }
        }
        func place(_ r: inout ByteReader) throws -> (count: Int, line: Int, column: Int) {
            (try r.int(), try r.int(), try r.int())
        }
        page.steps = try r.optional(place)
        page.checklistItems = try r.optional(place)
        return page
    }

    /// The page's address, anchors and links to other pages of the site, which end its fields: what
    /// the check of internal links reads, without the facts before them.
    mutating func readLinks(_ r: inout ByteReader) throws {
        url = try r.string()
        // Sorted and each once whatever the file says: membership is found by halving.
        anchors = Array(Set(try r.array { try $0.string() })).sorted()
        internalLinks = try r.array { r in
            InternalLink(written: try r.string(), path: try r.string(), fragment: try r.optional { try $0.string() },
                         line: try r.int(), column: try r.int())
        }
    }

    func write(to w: inout ByteWriter) { _ = write(marking: &w) }

    /// Writes the fields and returns where the address, anchors and links (``readLinks(_:)``) begin.
    func write(marking w: inout ByteWriter) -> Int {
        w.string(sourcePath)
        w.string(language)
        w.string(translationKey)
        w.optional(lastmod) { $0.string($1) }
        let kinds = Kind.allCases.filter { facts[$0] != nil }
        w.int(kinds.count)
        for kind in kinds {
            w.string(kind.rawValue)
            w.array(facts[kind]!) { w, f in
                w.string(f.key)
                w.string(f.shown)
                w.int(f.line)
                w.int(f.column)
            }
        }
        func place(_ w: inout ByteWriter, _ p: (count: Int, line: Int, column: Int)) {
            w.int(p.count)
            w.int(p.line)
            w.int(p.column)
        }
        w.optional(steps, place)
        w.optional(checklistItems, place)
        let links = w.bytes.count
        w.string(url)
        w.array(anchors) { $0.string($1) }
        w.array(internalLinks) { w, l in
            w.string(l.written)
            w.string(l.path)
            w.optional(l.fragment) { $0.string($1) }
            w.int(l.line)
            w.int(l.column)
        }
        return links
    }
}

extension BulletinManifest.Entry {
    package init(reading r: inout ByteReader) throws {
        let translationKey = try r.string()
        let language = try r.string()
        guard let channel = BulletinChannel(rawValue: try r.string()) else { throw ByteReader.Malformed() }
        let (source, url, folder) = (try r.string(), try r.string(), try r.string())
        let sms = try r.optional { r in SMSCount(segments: try r.int(), encoding: try r.string()) }
        let files = try r.array { r in
            let (name, length) = (try r.string(), try r.int())
            guard let sha256 = SHA256Digest.digest(try r.byteRun()) else { throw ByteReader.Malformed() }
            return File(name: name, length: length, sha256: sha256)
        }
        self.init(translationKey: translationKey, language: language, channel: channel, source: source, url: url,
                  folder: folder, sms: sms, files: files)
    }

    func write(to w: inout ByteWriter) {
        for s in [translationKey, language, channel.rawValue, source, url, folder] { w.string(s) }
        w.optional(sms) { w, sms in
            w.int(sms.segments)
            w.string(sms.encoding)
        }
        w.array(files) { w, f in
            w.string(f.name)
            w.int(f.length)
            w.bytes(SHA256Digest.array(f.sha256))
        }
    }
}
