import CPosix
import Foundation
import SitegenContent
import SitegenCore

/// Digests of everything a build reads: `sitegen.yml`, every file under `content/`, `templates/`,
/// `i18n/` and `static/` (path and bytes), the options that change the output, the mode its files are
/// written with (the umask's), and which sitegen program runs.
///
/// Two builds with the same ``whole`` digest write the same site, so a build whose digest matches the
/// one recorded in the output has nothing to do. With the same ``setup`` digest (everything but the
/// pages), a page whose own file has the same digest is built as it was (see ``PageCache``).
struct InputDigest: Sendable {
    /// The folders of the source a build reads.
    static let folders = ["content", "templates", "i18n", "static"]
    /// The folders whose files are read as their loaders read them (`Templates`, `Strings`): each file
    /// directly in the folder, through a symbolic link in its place or theirs (a theme kept elsewhere
    /// and linked in). `content/` and `static/` are walked as the build walks them (`SourceWalk`).
    static let linkedFolders: Set<String> = ["templates", "i18n"]

    /// Of every input.
    var whole: String
    /// Of every input but the files under `content/`.
    var setup: String
    /// Of each file under `content/`, by its path in the source (`content/kk/42500/apply.md`).
    var content: ContentDigests
    /// What the system said of each file of the setup, and of the folders read by listing, as they were
    /// digested: a file changed and changed back while a build read it (a save and an undo, a stash and
    /// its pop) digests as before, but its time of change has moved (``changedSetup(_:)``).
    var setupStamps: [FileStamp] = []
    /// Each content file's stamp and digest as this build took them, when they differ from those it was
    /// given (``of(_:includingContent:stamps:)``): to be written beside the output for the next build.
    var contentStamps: SourceStamps?

    /// A file's place, size and times of modification and of change, which no program can set back.
    struct FileStamp: Equatable, Sendable {
        var path: String
        var stamp: SourceStamps.Stamp

        /// The file at `path` as it is now (links followed, as the loaders read it); nil when it is not there.
        init?(_ path: String) {
            guard let stamp = SourceStamps.Stamp(path) else { return nil }
            self.path = path
            self.stamp = stamp
        }
    }

    /// The digests of the inputs as they are now; without `content/` (an empty ``content`` and a
    /// ``whole`` of the rest) when `includingContent` is false, for a second look at the setup.
    /// A content file whose stamp is as `stamps` recorded it is not read: its digest is the one recorded
    /// (``SourceStamps``).
    /// With `recording` false and no `stamps` (a check, a `--force` build), no stamp is taken at all.
    static func of(_ options: BuildOptions, includingContent: Bool = true, stamps: SourceStamps? = nil,
                   recording: Bool = true) -> InputDigest {
        // Before any file is looked at: a stamp recorded now is believed later only if its file's time
        // of change was earlier than this by a margin.
        let takenAt = OutputTree.fileSystemNow().tv_sec
        let stream = SHA256Stream()
        let setupStream = SHA256Stream()
        let program = programIdentity()
        for s in [stream, setupStream] {
            s.update("sitegen inputs 1")
            s.update(program)
            s.update("drafts=\(options.includeDrafts) strict=\(options.strict) baseURL=\(options.baseURL ?? "-")")
            // The mode files are written with comes from the umask: a site built under `umask 077`
            // (sudo, a strict CI) is not up to date for a build that writes its files readable, and no
            // page of it is taken unchanged.
            s.update("mode=" + (OutputTree.writtenMode.map { String($0, radix: 8) } ?? "-"))
        }
        let source = options.sourceDirectory
        var files = [(path: source + "/sitegen.yml", name: "sitegen.yml")]
        let walk = SourceWalk(sourceDirectory: source)
        for folder in folders where includingContent || folder != "content" {
            // Sorted: the digest must not depend on the order the system lists a folder in.
            if linkedFolders.contains(folder) {
                guard let listing = Folder.listing(source + "/" + folder, followingLinks: true) else {
                    // There but not to be listed: its files are read by name, and an edit to one could
                    // not be seen here. Such inputs never match a record, nor the page cache (which is
                    // kept while the setup matches), so every build is a whole one.
                    if errno != ENOENT {
                        let nonce = "unlisted \(folder) \(UUID().uuidString)"
                        for s in [stream, setupStream] { s.update(nonce) }
                    }
                    continue
                }
                for name in listing.names.sorted() {
                    // Regular files only, as the loaders read (a FIFO is never opened: it would wait).
                    var info = stat()
                    let path = source + "/" + folder + "/" + name
                    if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { files.append((path, folder + "/" + name)) }
                }
                continue
            }
            let (found, notes) = walk.files(under: folder)
            for file in found.sorted(by: { $0.relative < $1.relative }) {
                files.append((file.path, folder + "/" + file.relative))
            }
            // What the walk left out and says why (a link leading outside the source, naming its
            // target): another target is another warning, so another input.
            for note in notes {
                let text = "walk \(note.file) \(note.code) \(note.message)"
                stream.update(text)
                if folder != "content" { setupStream.update(text) }
            }
        }
        // Stamped before they are read: a change after this is seen at the end, whatever it left.
        let setupStamps = (linkedFolders.map { source + "/" + $0 } + files.filter { !$0.name.hasPrefix("content/") }.map(\.path))
            .compactMap(FileStamp.init)
        // Each file is read and digested on its own, on every core; their digests, in order, make one.
        // A content file is looked at first: unchanged since its stamp was recorded, it is not read.
        let stamping = includingContent && (recording || stamps != nil)
        let firstContent = stamping ? files.firstIndex { $0.name.hasPrefix("content/") } ?? files.count : files.count
        let contentCount = files[firstContent...].prefix { $0.name.hasPrefix("content/") }.count
        let runs = stride(from: 0, to: files.count, by: 256).map { $0..<min(files.count, $0 + 256) }
        let listed = files
        // Left in runs (not made one array): a big site's stamps are held once, not copied.
        let digested = Parallel.map(runs) { run -> [(digest: SourceDigest, stamp: SourceStamps.Stamp?, read: Bool)] in
            var cursor: Int?
            return run.map { i in
                let file = listed[i]
                guard (firstContent..<(firstContent + contentCount)).contains(i) else { return (fileDigest(file.path), nil, true) }
                let stamp = SourceStamps.Stamp(file.path)
                if let stamp, let stamps, let digest = stamps.digest(of: file.name, stamp: stamp, at: &cursor) { return (digest, stamp, false) }
                return (fileDigest(file.path), stamp, true)
            }
        }
        // Recorded again only when a file was read or one came or went: a build with nothing to do
        // writes nothing, and holds no second list of the stamps.
        var (anyRead, stamped) = (false, 0)
        for results in digested {
            for result in results where result.stamp != nil {
                stamped += 1
                anyRead = anyRead || result.read
            }
        }
        let recordsAgain = stamping && recording && (anyRead || stamps?.entries.count != stamped)
        var content = ContentDigests()
        var entries: [SourceStamps.Entry] = []
        if recordsAgain { entries.reserveCapacity(stamped) }
        for (run, results) in zip(runs, digested) {
            for (i, (digest, stamp, _)) in zip(run, results) {
                let file = files[i]
                let text = digest.text
                stream.update(text)
                if file.name.hasPrefix("content/") { content.add(file.name, digest) } else { setupStream.update(text) }
                if recordsAgain, let stamp { entries.append(SourceStamps.Entry(name: file.name, stamp: stamp, digest: digest)) }
            }
        }
        let contentStamps = recordsAgain ? SourceStamps(takenAt: takenAt, entries: entries) : nil
        for file in files {
            stream.update(file.name)
            if !file.name.hasPrefix("content/") { setupStream.update(file.name) }
        }
        return InputDigest(whole: stream.hex(), setup: setupStream.hex(), content: content, setupStamps: setupStamps,
                           contentStamps: contentStamps)
    }

    /// The first input that changed while a build read it, or nil when the pages were built from the
    /// bytes these digests are of: a content file whose bytes were read under another digest, a page
    /// added or removed since (`files`, the pages the build found), or a change of the setup (seen by
    /// digesting it again; it is small). A build that finds one records nothing: its site may mix two
    /// states of the sources, and the next build must not take it for up to date.
    ///
    /// The files the build found are its pages (but the homes it made, `generated`) and those that gave
    /// no page (`unread`), looked at one at a time: a big site's paths are not made into a list or a set
    /// again (only when a file went, to name it).
    func changedWhileBuilding(_ options: BuildOptions, pages: SitePages, generated: (String) -> Bool, unread: [String]) -> String? {
        changedContent(pages: pages, generated: generated, unread: unread) ?? changedSetup(options)
    }

    /// The first content file that changed between its digest and its reading, or was added or removed
    /// since its folder was digested (``changedWhileBuilding(_:pages:generated:unread:)``): known once
    /// every page is read, so that a build lets the content's digests go then rather than hold them to
    /// its end.
    func changedContent(pages: SitePages, generated: (String) -> Bool, unread: [String]) -> String? {
        // The first file, in the order of paths, that was not digested: one added since.
        var added: String?
        var found = unread.count
        func look(_ path: String) {
            if content[path] == nil, added.map({ path < $0 }) ?? true { added = path }
        }
        for i in pages.indices {
            let path = pages.sourcePath(i)
            if generated(path) { continue }
            if let read = pages.texts(i).sourceDigest, read != content[path] { return path }
            found += 1
            look(path)
        }
        unread.forEach(look)
        if let added { return added }
        if content.count(whereKey: { $0.suffix(3).elementsEqual(".md".utf8) }) != found {
            let files = Set(pages.indices.map(pages.sourcePath)).union(unread)
            return content.keys.filter { $0.hasSuffix(".md") && !files.contains($0) }.sorted().first ?? "content"
        }
        return nil
    }

    /// ``setupName`` when the setup changed since it was digested: a file or a listed folder whose
    /// stamp moved (a change undone since digests as before, yet the build may have read it changed),
    /// or a digest of it taken again (it is small) that differs.
    func changedSetup(_ options: BuildOptions) -> String? {
        if setupStamps.contains(where: { FileStamp($0.path) != $0 }) { return Self.setupName }
        return Self.of(options, includingContent: false).setup == setup ? nil : Self.setupName
    }

    /// How a change of the setup is named: the configuration names the rest.
    static let setupName = "sitegen.yml"

    /// A file's size and SHA-256; a file that cannot be read is not the same input as any that can.
    private static func fileDigest(_ path: String) -> SourceDigest {
        SourceDigest.ofFile(path) ?? .unreadable
    }

    /// The running program's file, size, inode and times of modification and of change: a rebuilt
    /// sitegen may write a different site from the same sources. A program put in the place of another
    /// with the same size and time of modification (`install -p`, `cp -p`, an image that sets every
    /// time alike) is still another file, or the same one written: the time of change, which no program
    /// can set back, moves with either.
    static func programIdentity() -> String {
        var info = stat()
        guard let path = programPath(), stat(path, &info) == 0 else { return "unknown program" }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) "
            + "\(info.st_ino) \(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec)"
    }

    /// The running program's file, every link resolved; nil where the system does not say.
    static func programPath() -> String? {
        guard let path = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(path) }
        return String(cString: path)
    }
}
