import CPosix
import Foundation
import SitegenContent
import SitegenCore

/// Writes a build into a fresh folder beside the output and swaps it in only when the build
/// succeeded, so a failed or killed build never touches the last good site.
///
/// Files are written with plain POSIX calls: many small files is the common case, and
/// Foundation's convenience writers cost several times more per file.
final class OutputTree: @unchecked Sendable {
    /// The folder the build is published to.
    package let destination: String
    /// The temporary folder the build writes into.
    let staging: String
    private let lock = NSLock()
    /// The folders made in the staging folder, by their numbers in ``placed``, which holds each folder's
    /// path once (a set of the paths was a second copy of every page's folders), a bit each.
    private var createdDirectories = BitSet()
    /// In a staging folder taken from the spare, the inode of each folder this build made, by its
    /// number in ``placed``: a folder in the spare is the spare's or the build's, and another one moved
    /// in whole while the build ran is told by its inode (``foreignInSpare()``).
    private var madeFolders: [UInt32: UInt64] = [:]
    /// Every file the build put in the staging folder, with its size and identity (``identity(_:)``): the listing
    /// the build record is made of, without walking the folder again.
    private var placed = PlacedFiles()

    /// Whether a file whose bytes are those already published is linked rather than written again
    /// (every build but `--force`): it keeps its time of modification, so a deploy sends only what changed.
    let reusesPublishedFiles: Bool

    /// Prefix of staging folders; leftovers from killed builds are recognised by it.
    static func stagingPrefix(for destination: String) -> (parent: String, prefix: String) {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        return (url.deletingLastPathComponent().path, "." + url.lastPathComponent + ".tmp-")
    }

    /// A file kept beside the output, named after it: `.site.lock`, `.site.build` for `site/`.
    static func besideOutput(_ destination: String, suffix: String) -> String {
        let (parent, prefix) = stagingPrefix(for: destination)
        return parent + "/" + String(prefix.dropLast(".tmp-".count)) + suffix
    }

    /// The mode the staging folder was made with (0755 under the umask): the build's own mode for the
    /// output folder, recorded so the next build can tell it from one someone gave (``BuildRecord/folderMode``).
    let madeMode: mode_t

    /// When the build took the output over (when it started, `startedAt`, or else the staging folder's
    /// time of change): what `--force` removes of the previous site is what was there before
    /// (``commit(removingOnly:ownMode:)``).
    private let takenOver: timespec

    /// Holds the output for this build alone until the tree is committed or discarded.
    private var outputLock: OutputLock?

    /// What the staging folder held when the build began, when it is the site the last build swapped
    /// out (``SpareTree``): what the build does not place of it is removed before the publish.
    private let spare: SpareTree.Taken?
    /// The journal of the files this build wrote into the spare it took (``PlacedJournal``); -1 when none.
    private var journal: Int32 = -1
    /// Whether the staging folder is the spare, taken (``SpareTree``).
    var tookSpare: Bool { spare != nil }

    /// Takes the output's lock, removes what killed builds left beside it, and creates the staging
    /// folder with the marker that says sitegen wrote it.
    /// With `reusing`, files whose bytes are already published are linked (``reusesPublishedFiles``), and
    /// the site the last build swapped out, kept beside the output, is the staging folder when it is as
    /// kept (``SpareTree``); `live`: the published folder's list as the build read it.
    /// `startedAt`: when the build started, by ``fileSystemNow()``.
    package init(destination: String, reusing: Bool = false, startedAt: timespec? = nil, live: WrittenFiles.List? = nil) throws {
        reusesPublishedFiles = reusing
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        let (parent, prefix) = Self.stagingPrefix(for: destination)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        outputLock = try OutputLock(destination: self.destination)
        var leftovers = Self.removeLeftovers(of: self.destination)
        // A folder of this process's name that is not a leftover of ours (no marker, not empty: kept
        // above) may be there from a build of an earlier process of the same number: another name.
        var named = parent + "/" + prefix + String(getpid())
        var attempt = 0
        var made = stat()
        while lstat(named, &made) == 0 || errno != ENOENT {
            guard attempt < 100 else { throw OutputError.io("cannot create \(named): \(errnoText())") }
            attempt += 1
            named = parent + "/" + prefix + String(getpid()) + "-" + String(attempt)
        }
        var taken: SpareTree.Taken?
        if reusing {
            let (spare, set) = SpareTree.take(for: self.destination, live: live, as: named)
            taken = spare
            if let set { leftovers.append(set) }
            // Given the mode a new folder would have: the build's own (``madeMode``).
            if spare != nil, let mode = Self.folderMode { chmod(named, mode) }
        }
        spare = taken
        kept = leftovers
        while taken == nil && mkdir(named, 0o755) != 0 {
            guard errno == EEXIST, attempt < 100 else { throw OutputError.io("cannot create \(named): \(errnoText())") }
            attempt += 1
            named = parent + "/" + prefix + String(getpid()) + "-" + String(attempt)
        }
        staging = named
        madeMode = stat(named, &made) == 0 ? made.st_mode & 0o7777 : 0o755
        if taken != nil { journal = PlacedJournal.open(for: self.destination, folder: UInt64(made.st_ino)) }
        // The file system's own time (a clock that runs behind the system's by up to a tick), so that a
        // file saved into the output from now on has this time of change or a later one; or the build's
        // start, earlier, by the same clock: a file saved while the build read its sources is kept too.
        let staged = made.st_ctim
        takenOver = startedAt.map { ($0.tv_sec, $0.tv_nsec) < (staged.tv_sec, staged.tv_nsec) ? $0 : staged } ?? staged
        createdDirectories.insert(placed.folderNumber(interning: ""))
        try write(OutputFolder.markerName, OutputFolder.markerText)
    }

    /// Removes the staging folders and the records' temporary files killed builds left beside the output.
    /// Only folders that carry the marker file are leftovers of ours (a build killed while writing it
    /// leaves it empty), and only regular files of the records' temporary names; anything else of those
    /// names is kept. Call with the output's lock held.
    ///
    /// A build killed in its swap leaves the site it replaced under a staging name, and the lists of
    /// both folders under the names they had then (``WrittenFiles``): each folder finds its list by its
    /// inode. The published folder's list is put back as `.site.files`, and of a leftover that has a
    /// list (it was published) only the files on it are removed: what else it holds is set aside whole
    /// (``setAside(_:of:)``) and returned, to be reported.
    @discardableResult
    static func removeLeftovers(of destination: String) -> [Kept] {
        let (parent, prefix) = stagingPrefix(for: destination)
        let records = recordTemporaryPrefixes(of: destination)
        let swapLists = WrittenFiles.swapListPrefixes(of: destination)
        // With no list of a swap beside it, no folder has a list to be found with (the published
        // folder's own is not read: the look reads it, and on a large site that is tens of milliseconds).
        let lists = WrittenFiles.swapLists(of: destination).isEmpty ? [] : Self.restoreList(of: destination)
        var kept: [Kept] = []
        for leftover in Folder.entries(parent) {
            let path = parent + "/" + leftover
            var info = stat()
            // A record's temporary file (``replaceFile(_:_:)``) left by a build killed while writing it: named
            // as the build names one, with a process's number (`.site.build.tmp-1234`; a user's
            // `.site.build.tmp-notes` is kept).
            if Self.isTemporaryRecord(leftover, records: records, swapLists: swapLists) {
                if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(path) }
                continue
            }
            // Only a folder of that name can be a leftover: a file, link or anything else is kept, and so is
            // a folder named otherwise than a build names its own (`.site.tmp-1234`, `-2`, `.old`), such
            // as a user's copy of the site (`.site.tmp-backup-2026`).
            guard Self.isStagingName(leftover, prefix: prefix), lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            // The folder of a build whose process still runs is not a leftover, though that build no
            // longer holds the lock (someone removed the lock file under it): it would lose what it wrote.
            if let pid = Self.stagingProcess(leftover, prefix: prefix), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            let marked = lstat(path + "/" + OutputFolder.markerName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            // The published site set aside by a swap that did not finish (a rename without an exchange, as
            // on NFS, interrupted between its two steps), with nothing in its place: put back, not removed.
            if marked, leftover.hasSuffix(".old"), lstat(destination, &info) != 0, errno == ENOENT, rename(path, destination) == 0 {
                Self.restoreList(of: destination)
                continue
            }
            let inode = WrittenFiles.inode(of: path)
            if let inode, let list = lists.first(where: { $0.list.folder == inode }) {
                if let since = list.list.forcedSince {
                    // Swapped out by `--force`: whole, but for what was saved into it since that build started.
                    if let set = Self.removeWhole(path, changedBefore: since, of: destination) { kept.append(set) }
                } else if list.list.files.identitiesKnown {
                    // Published once: only what its list names goes, each file while it is as written.
                    if let set = Self.removeListed(path, listed: list.list.files, of: destination) { kept.append(set) }
                } else {
                    // Listed by an older sitegen, paths alone: an edit made there cannot be told from a file
                    // as the build wrote it, so nothing of it is removed.
                    kept.append((Self.setAsideUnmarked(path, of: destination), Self.others(in: path)))
                }
            } else if let inode, let unread = WrittenFiles.swapLists(of: destination, folder: inode).first {
                // Published once, but its list cannot be read (damaged, or not a build's): what the build
                // wrote cannot be told from what was saved into it, so nothing of it is removed.
                kept.append((Self.setAsideUnmarked(path, of: destination), Self.others(in: path)))
                if lstat(unread, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(unread) }
            } else if let inode, var files = SpareTree.list(for: destination, folder: inode) {
                // Swapped out and being kept as the spare, or taken from it, when the build was killed:
                // removed by its list, with what the killed build wrote into it (its journal) and the
                // published site's own files linked in (the same files, so nothing is lost with them).
                let published = WrittenFiles.read(WrittenFiles.path(for: destination)).flatMap { $0.files.identitiesKnown ? $0.files : nil }
                for more in [PlacedJournal.read(for: destination, folder: inode), published].compactMap({ $0 }) {
                    more.forEachFileAsPlaced { folder, name, identity in
                        let file = PlacedFiles.path(folder, name)
                        guard let listed = files.identity(of: file) else { return files.place(file, identity) }
                        // Two lists name the path: the file there is as written if it is either one's.
                        if listed != identity, lstat(path + "/" + file, &info) == 0, Self.identity(info) == identity {
                            files.place(file, identity)
                        }
                    }
                }
                if let set = Self.removeListed(path, listed: files, of: destination) { kept.append(set) }
                unlink(SpareTree.listPath(for: destination))
                PlacedJournal.remove(for: destination)
            } else if marked || Folder.entries(path).isEmpty {
                // Never published (a publish writes the list of the folder it swaps out first): all the build's.
                TreeRemoval.remove(path)
            } else {
                // Neither marked nor listed, and not empty: someone's (or what a removal cut short kept),
                // left where it is and reported at every build until it is taken away.
                var left = WrittenFiles.Others()
                left.add(leftover)
                kept.append((path, left))
            }
        }
        // A list whose folder is gone describes nothing, nor does a second list of the published folder.
        let site = WrittenFiles.inode(of: destination)
        let ownFolder = lists.first { $0.file == WrittenFiles.path(for: destination) }?.list.folder
        let folders = Set(([destination] + Folder.entries(parent).filter { $0.hasPrefix(prefix) }.map { parent + "/" + $0 })
            .compactMap(WrittenFiles.inode(of:)))
        for (file, list) in lists where file != WrittenFiles.path(for: destination) {
            guard let folder = list.folder else { continue }
            if !folders.contains(folder) || (folder == site && ownFolder == site) { unlink(file) }
        }
        return kept
    }

    /// Puts the published folder's list back as `.site.files` when a build killed in its swap left it
    /// under another name; the lists beside the output, as they then are.
    @discardableResult
    private static func restoreList(of destination: String) -> [(file: String, list: WrittenFiles.List)] {
        let own = WrittenFiles.path(for: destination)
        var lists = ([own] + WrittenFiles.swapLists(of: destination))
            .compactMap { file in WrittenFiles.read(file).map { (file: file, list: $0) } }
        guard let site = WrittenFiles.inode(of: destination),
              lists.first(where: { $0.file == own })?.list.folder != site,
              let found = lists.firstIndex(where: { $0.list.folder == site && $0.list.forcedSince == nil }),
              rename(lists[found].file, own) == 0 else { return lists }
        var restored = lists.remove(at: found)
        restored.file = own
        lists.removeAll { $0.file == own }
        lists.append(restored)
        return lists
    }

    /// A folder set aside instead of removed, and what was left in it.
    typealias Kept = (path: String, left: WrittenFiles.Others)

    /// Removes of the folder at `path` the files `written` names (``ListedRemoval``); when anything
    /// else is left, the folder, no longer marked as sitegen's, is set aside and returned.
    static func removeListed(_ path: String, listed written: PlacedFiles, of destination: String) -> Kept? {
        let left = ListedRemoval.remove(path, listed: written)
        guard left.count > 0 else { return nil }
        return (setAsideUnmarked(path, of: destination), left)
    }

    /// Removes the folder at `path` whole (`--force`) but for what changed at `limit` or later (saved into
    /// it while the build ran): when anything is left, the folder, no longer marked as sitegen's, is set
    /// aside and returned with what is left.
    private static func removeWhole(_ path: String, changedBefore limit: timespec, of destination: String) -> Kept? {
        TreeRemoval.remove(path, changedBefore: limit)
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        let left = others(in: path)
        guard left.count > 0 else { return nil }
        return (setAsideUnmarked(path, of: destination), left)
    }

    /// What a folder holds besides its marker, as a warning names it.
    private static func others(in path: String) -> WrittenFiles.Others {
        var left = WrittenFiles.Others()
        for entry in Folder.entries(path) where entry != OutputFolder.markerName { left.add(entry) }
        left.trim()
        return left
    }

    /// Sets a folder aside (``setAside(_:of:)``) and takes its marker away; where it now is.
    /// Renamed first: killed before the marker goes, it is under a name no build removes. Whatever
    /// name it ends under, it no longer says it is sitegen's.
    private static func setAsideUnmarked(_ path: String, of destination: String) -> String {
        let kept = setAside(path, of: destination) ?? path
        // Through the folder itself, opened without following a link: a link put in its place meanwhile
        // leads to someone else's folder, whose marker is not this one's to take.
        let folder = open(kept, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder >= 0 {
            unlinkat(folder, OutputFolder.markerName, 0)
            close(folder)
        }
        return kept
    }

    /// Whether `name` is a staging folder's as a build names one: `.site.tmp-1234`, `.site.tmp-1234-2`,
    /// or either with `.old` (the site swapped out).
    static func isStagingName(_ name: String, prefix: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        var rest = name.dropFirst(prefix.count)
        if rest.hasSuffix(".old") { rest = rest.dropLast(4) }
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy(isNumber)
    }

    /// Whether `name` is a record's temporary file as ``replaceFile(_:_:)`` names one: a record's name or a
    /// swap's list's (`.site.files.new-` and a folder's number), then `.tmp-` and a process's number.
    static func isTemporaryRecord(_ name: String, records: [String], swapLists: [String]) -> Bool {
        if records.contains(where: { name.hasPrefix($0) && isNumber(name.dropFirst($0.count)) }) { return true }
        return swapLists.contains { list in
            guard name.hasPrefix(list) else { return false }
            let parts = name.dropFirst(list.count).components(separatedBy: ".tmp-")
            return parts.count == 2 && parts.allSatisfy { isNumber($0[...]) }
        }
    }

    /// Whether `s` is a number as the build writes one into a name: ASCII digits, not too many.
    static func isNumber(_ s: Substring) -> Bool {
        !s.isEmpty && s.utf8.count <= 20 && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The process a staging folder's name says made it (`.site.tmp-1234`, `.site.tmp-1234-2`,
    /// `.site.tmp-1234.old`), if it names one.
    static func stagingProcess(_ name: String, prefix: String) -> pid_t? {
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        return pid_t(digits).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The names the records beside the output (``BuildRecord``, ``PageCache``) are written under first.
    static func recordTemporaryPrefixes(of destination: String) -> [String] {
        [BuildRecord.path(for: destination), PageCache.path(for: destination), WrittenFiles.path(for: destination),
         SourceStamps.path(for: destination)]
            .map { Self.name(of: $0) + ".tmp-" }
    }

    /// Removes leftovers of killed builds when there are any, taking the lock only then (a build
    /// with nothing to do writes nothing, not even the lock); skipped while another build runs.
    static func removeLeftoversIfAny(of destination: String) -> [Kept] {
        let (parent, prefix) = stagingPrefix(for: destination)
        let prefixes = [prefix] + recordTemporaryPrefixes(of: destination)
            + WrittenFiles.swapListPrefixes(of: destination)
        guard Folder.entries(parent).contains(where: { name in prefixes.contains(where: name.hasPrefix) }),
              let lock = try? OutputLock(destination: destination) else { return [] }
        return withExtendedLifetime(lock) { removeLeftovers(of: destination) }
    }

    /// Writes `bytes` at a path relative to the output root, creating folders as needed.
    /// With `exclusive`, a file the build already wrote there is an error rather than replaced.
    package func write(_ relativePath: String, _ bytes: some Collection<UInt8>, exclusive: Bool = false) throws {
        try ensureDirectory(Self.folder(of: relativePath))
        let full = staging + "/" + relativePath
        if exclusive && reusesPublishedFiles && placedFile(relativePath) != nil { throw Self.clash(relativePath) }
        if reusesPublishedFiles,
           bytes.withContiguousStorageIfAvailable({ linkPublished(relativePath, holding: UnsafeRawBufferPointer($0)) }) == true {
            return
        }
        if spare != nil {
            // In a folder taken from the spare, someone may stand: the file is written under a name of the
            // build's own and put in place only where nothing is (``placeBeside(_:_:)``).
            try placeBeside(relativePath) { fd in
                bytes.withContiguousStorageIfAvailable { Self.writeAll(fd, UnsafeRawBufferPointer($0)) }
                    ?? Array(bytes).withUnsafeBytes { Self.writeAll(fd, $0) }
            }
            return
        }
        // A name linked to the published site is never written through: that would change the live site.
        if reusesPublishedFiles && !exclusive { try makeRoom(relativePath) }
        let fd = open(full, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
        if fd < 0 && exclusive && errno == EEXIST { throw Self.clash(relativePath) }
        guard fd >= 0 else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
        defer { close(fd) }
        let ok = bytes.withContiguousStorageIfAvailable { buf -> Bool in
            Self.writeAll(fd, UnsafeRawBufferPointer(buf))
        } ?? Array(bytes).withUnsafeBytes { Self.writeAll(fd, $0) }
        var info = stat()
        guard ok, fstat(fd, &info) == 0 else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
        remember(relativePath, info)
    }

    /// Writes a file made a piece at a time (`produce` hands each piece to the function it is given),
    /// so that a big generated file is never whole in memory. A published file holding the same bytes
    /// is linked in its place, as ``write(_:_:exclusive:)`` does.
    func write(_ relativePath: String, streaming produce: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        try ensureDirectory(Self.folder(of: relativePath))
        if spare != nil {
            var failure: Error?
            try placeBeside(relativePath) { fd in
                do {
                    try produce { piece in
                        guard Self.writeAll(fd, piece) else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
                    }
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return
        }
        let full = staging + "/" + relativePath
        if reusesPublishedFiles { try makeRoom(relativePath) }
        let fd = open(full, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
        defer { close(fd) }
        try produce { piece in
            guard Self.writeAll(fd, piece) else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
        let size = Int(info.st_size)
        if reusesPublishedFiles, linkPublished(relativePath, replacingStaged: true, if: { old, published in
            published.st_mode == info.st_mode && Int(published.st_size) == size && Self.sameBytes(fd, old, count: size)
        }) { return }
        remember(relativePath, info)
    }

    /// Whether the open files `a` and `b` begin with the same `count` bytes, compared a megabyte at a time.
    private static func sameBytes(_ a: Int32, _ b: Int32, count: Int) -> Bool {
        let chunk = 1 << 20
        let (x, y) = (UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1),
                      UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1))
        defer { x.deallocate(); y.deallocate() }
        var offset = 0
        while offset < count {
            let n = min(chunk, count - offset)
            guard pread(a, x.baseAddress, n, off_t(offset)) == n, pread(b, y.baseAddress, n, off_t(offset)) == n,
                  memcmp(x.baseAddress!, y.baseAddress!, n) == 0 else { return false }
            offset += n
        }
        return true
    }

    /// A static file at a path the build already wrote.
    private static func clash(_ relativePath: String) -> OutputError {
        .io("static/\(relativePath) would replace \(relativePath), which the build writes; rename or remove it")
    }

    /// Opens `folder` (relative) in the published site or the new one, one name at a time, following no
    /// symbolic link on the way; -1 when it is not there or not a folder all the way down. The caller
    /// closes it.
    func openFolder(_ folder: String, published: Bool) -> Int32 {
        guard !folder.isEmpty else {
            return open(published ? destination : staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        let parent = parentFolder(Self.folder(of: folder), published: published)
        guard parent.fd >= 0 else { return -1 }
        defer { if !parent.kept { close(parent.fd) } }
        return openat(parent.fd, Self.name(of: folder), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// A folder that holds pages' folders (a section), opened once for all of them: `kept` when the
    /// descriptor stays open for the next page (up to ``keptFolders`` of them), else the caller closes it.
    private func parentFolder(_ folder: String, published: Bool) -> (fd: Int32, kept: Bool) {
        lock.lock()
        let known = published ? publishedFolders[folder] : stagingFolders[folder]
        lock.unlock()
        if let known { return (known, true) }
        let fd = openFolder(folder, published: published)
        guard fd >= 0 else { return (fd, false) }
        lock.lock()
        defer { lock.unlock() }
        let other = published ? publishedFolders[folder] : stagingFolders[folder]
        if let other {
            close(fd)
            return (other, true)
        }
        guard publishedFolders.count + stagingFolders.count < Self.keptFolders else { return (fd, false) }
        if published { publishedFolders[folder] = fd } else { stagingFolders[folder] = fd }
        return (fd, true)
    }

    /// Folders kept open at most: 256, or a quarter of the open files this process may have when that
    /// is less (macOS allows 256 by default).
    private static let keptFolders: Int = {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        return Int(min(256, limit.rlim_cur / 4))
    }()
    /// The open folders of the published site and of the new one, by relative path.
    private var publishedFolders: [String: Int32] = [:]
    private var stagingFolders: [String: Int32] = [:]

    /// Closes the folders kept open.
    private func closeFolders() {
        lock.lock()
        for fd in publishedFolders.values { close(fd) }
        for fd in stagingFolders.values { close(fd) }
        publishedFolders = [:]
        stagingFolders = [:]
        lock.unlock()
    }

    deinit { closeFolders() }

    /// The folder part of a relative path (`kk/42500` of `kk/42500/index.html`, "" for a name alone).
    static func folder(of relativePath: String) -> String {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(relativePath[..<slash])
    }

    /// The last name of a relative path (`index.html` of `kk/42500/index.html`).
    static func name(of relativePath: String) -> String {
        guard let slash = relativePath.utf8.lastIndex(of: UInt8(ascii: "/")) else { return relativePath }
        return String(relativePath[relativePath.utf8.index(after: slash)...])
    }

    /// Puts the files of a page of the published site into the new one unchanged (hard links: no byte
    /// is copied, and each file keeps its time of modification), if each is still a regular file of the size
    /// and identity (time of modification, inode, mode) the last build recorded; all of them or none, and false when not, so the
    /// page is built again. Files are linked folder by folder through directory descriptors: a page's
    /// files share one or two folders, and a path walk per file is most of what linking costs.
    func adoptAll(_ files: [BuildRecord.OutputFile]) -> Bool {
        // What was linked is put in the table of placed files at once, under one turn of the lock:
        // taken per file, the lock was what the threads linking pages waited on.
        var adopted: [(path: String, identity: Int)] = []
        adopted.reserveCapacity(files.count)
        var made: [(folder: String, inode: UInt64)] = []
        var start = 0
        while start < files.count {
            let folder = Self.folder(of: files[start].path)
            var end = start + 1
            while end < files.count && Self.folder(of: files[end].path) == folder { end += 1 }
            guard adopt(files[start..<end], in: folder, adopted: &adopted, made: &made) else { break }
            start = end
        }
        let linkedAll = start == files.count
        if !linkedAll { for file in adopted { unlink(staging + "/" + file.path) } }
        lock.lock()
        if linkedAll { for file in adopted { placed.place(file.path, file.identity) } }
        for (folder, inode) in made { noteMade(folder, inode: inode) }
        lock.unlock()
        return linkedAll
    }

    /// Links the files of one folder of the published site into the same folder of the new one.
    private func adopt(_ files: ArraySlice<BuildRecord.OutputFile>, in folder: String,
                       adopted: inout [(path: String, identity: Int)], made: inout [(folder: String, inode: UInt64)]) -> Bool {
        if spare != nil && adoptHeld(files, in: folder, adopted: &adopted) { return true }
        let (from, to) = folder.isEmpty ? (openFolder("", published: true), openFolder("", published: false))
            : openBothFolders(folder, made: &made)
        defer {
            if from >= 0 { close(from) }
            if to >= 0 { close(to) }
        }
        guard from >= 0, to >= 0 else { return false }
        for file in files {
            let name = Self.name(of: file.path)
            if spare != nil {
                // The spare holds the published file itself at most paths: looked at, it stays as it is
                // (the look ``adopt`` gives a file it links); another file there gives way to the link.
                var held = stat()
                if fstatat(to, name, &held, AT_SYMLINK_NOFOLLOW) == 0 {
                    if (held.st_mode & S_IFMT) == S_IFREG && Self.identity(held) == file.identity {
                        adopted.append((file.path, file.identity))
                        continue
                    }
                    guard (held.st_mode & S_IFMT) != S_IFDIR, giveWay(to, name, at: file.path) else { return false }
                }
            }
            guard linkat(from, name, to, name, 0) == 0 else { return false }
            // The new name is checked, not the old one: it is what will be published (`linkat` links a
            // symbolic link itself, which is refused here like any other change).
            var info = stat()
            let linked = fstatat(to, name, &info, AT_SYMLINK_NOFOLLOW) == 0
            adopted.append((file.path, Self.identity(info)))
            guard linked, (info.st_mode & S_IFMT) == S_IFREG, Self.identity(info) == file.identity else { return false }
        }
        return true
    }

    /// Adopts the files of one folder where the spare holds each as published (``adopt``), all of them or
    /// none: looked at in the new folder alone, the published one is not opened (most pages of an edit).
    private func adoptHeld(_ files: ArraySlice<BuildRecord.OutputFile>, in folder: String,
                           adopted: inout [(path: String, identity: Int)]) -> Bool {
        let to = openFolder(folder, published: false)
        guard to >= 0 else { return false }
        defer { close(to) }
        var info = stat()
        for file in files {
            guard fstatat(to, Self.name(of: file.path), &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG,
                  Self.identity(info) == file.identity else { return false }
        }
        adopted += files.map { (path: $0.path, identity: $0.identity) }
        return true
    }

    /// Opens `folder` (relative, not the top) in the published site, and makes and opens it in the new
    /// one; -1 for a side that cannot be. A folder made is added to `made`.
    /// The published one is opened a name at a time from its parent held open: a folder of the site
    /// replaced by a link (to files made to look published) is never followed. The new one is made in
    /// its parent held open (a page's folder is new in every build): no path is looked up for either.
    private func openBothFolders(_ folder: String, made: inout [(folder: String, inode: UInt64)]) -> (published: Int32, staging: Int32) {
        let above = Self.folder(of: folder)
        let name = Self.name(of: folder)
        // Both parents, at one turn of the lock when they are open already (for every page of a
        // section but its first): the threads linking pages took it six times a page.
        lock.lock()
        var parents: (published: (fd: Int32, kept: Bool), staging: (fd: Int32, kept: Bool))?
        if isCreated(above), let p = publishedFolders[above], let s = stagingFolders[above] {
            parents = ((p, true), (s, true))
        }
        lock.unlock()
        if parents == nil {
            guard (try? ensureDirectory(above)) != nil else { return (-1, -1) }
            parents = (parentFolder(above, published: true), parentFolder(above, published: false))
        }
        guard let (published, staging) = parents else { return (-1, -1) }
        defer {
            if !published.kept && published.fd >= 0 { close(published.fd) }
            if !staging.kept && staging.fd >= 0 { close(staging.fd) }
        }
        guard published.fd >= 0, staging.fd >= 0 else { return (-1, -1) }
        let from = openat(published.fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard from >= 0 else { return (-1, -1) }
        let isNew = mkdirat(staging.fd, name, 0o755) == 0
        if !isNew && errno != EEXIST { return (from, -1) }
        let opened = openat(staging.fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if isNew {
            var info = stat()
            made.append((folder, opened >= 0 && fstat(opened, &info) == 0 ? UInt64(info.st_ino) : 0))
        }
        return (from, opened)
    }

    /// Makes room for `count` placed files at once (the files of the last build): the table of them
    /// is not grown, and copied, a doubling at a time.
    func expect(files count: Int) {
        lock.lock()
        placed.reserveCapacity(count)
        lock.unlock()
    }

    /// Links the published file at `relativePath` into the staging folder, if it is a regular file
    /// holding exactly `bytes`, and remembers it.
    private func linkPublished(_ relativePath: String, holding bytes: UnsafeRawBufferPointer) -> Bool {
        linkPublished(relativePath) { Self.holds($0, $1, bytes) }
    }

    /// Links the published file at `relativePath` into the staging folder if `same` says so of it (its
    /// open descriptor and status), and remembers it. The folder is opened a name at a time (no link is
    /// followed), and the name linked must still be the file that was compared. With `replacingStaged`,
    /// a file the build wrote there is replaced only once the link is known good: the link is made
    /// beside it and renamed over it.
    private func linkPublished(_ relativePath: String, replacingStaged: Bool = false,
                               if same: (_ fd: Int32, _ info: stat) -> Bool) -> Bool {
        let name = Self.name(of: relativePath)
        let dir = openFolder(Self.folder(of: relativePath), published: true)
        guard dir >= 0 else { return false }
        defer { close(dir) }
        let fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        var compared = stat()
        let matches = fstat(fd, &compared) == 0 && same(fd, compared)
        close(fd)
        let target = staging + "/" + relativePath
        let linked = replacingStaged ? target + ".published" : target
        guard matches else { return false }
        if spare != nil && !replacingStaged {
            // The spare may hold the published file there already, or another that gives way to it.
            var held = stat()
            if lstat(target, &held) == 0, (held.st_mode & S_IFMT) == S_IFREG, held.st_ino == compared.st_ino, held.st_dev == compared.st_dev {
                remember(relativePath, held)
                return true
            }
            guard (try? makeRoom(relativePath)) != nil else { return false }
        }
        guard linkat(dir, name, AT_FDCWD, linked, 0) == 0 else { return false }
        var info = stat()
        // In a folder taken from the spare, what is at the path was made room for: anything there now
        // was put there meanwhile, and is not replaced.
        guard lstat(linked, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_ino == compared.st_ino,
              info.st_dev == compared.st_dev,
              !replacingStaged || (spare != nil ? SpareTree.renameNoReplace(linked, target) : rename(linked, target) == 0) else {
            unlink(linked)
            return false
        }
        remember(relativePath, info)
        return true
    }

    /// Whether the open file `fd` (of status `info`) is a regular file of the mode the build writes
    /// (``writtenMode``) holding exactly `bytes`.
    private static func holds(_ fd: Int32, _ info: stat, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard info.st_mode == writtenMode, Int(info.st_size) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let old = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { old.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let n = read(fd, old.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }

    private func remember(_ relativePath: String, _ info: stat) {
        let identity = Self.identity(info)
        if journal >= 0 { PlacedJournal.append(journal, path: relativePath, identity: identity) }
        lock.lock()
        placed.place(relativePath, identity)
        lock.unlock()
    }

    /// Closes and removes the journal: the folder it is of is published, or removed.
    private func endJournal() {
        guard journal >= 0 else { return }
        close(journal)
        journal = -1
        PlacedJournal.remove(for: destination)
    }

    /// What the build record keeps of a file, as one number: its size, its time of modification (in
    /// nanoseconds), its inode and its mode, mixed (``SplitMix``), so that a table of half a million files
    /// keeps 8 bytes of each. A file edited in place changes its size or time; two files of one size
    /// swapped within one tick of the clock (each keeps its time) differ in their inodes; a file whose
    /// permissions were changed, in its mode. Only ever compared for equality: two different files agree
    /// by chance once in 2^64. (Wrapping: a time set past the year 2262 by hand is still a time, not a crash.)
    static func identity(_ info: stat) -> Int {
        let nanoseconds = Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec)
        var h = SplitMix.mix(0, UInt64(bitPattern: Int64(nanoseconds)))
        h = SplitMix.mix(SplitMix.mix(h, UInt64(info.st_ino)), UInt64(info.st_mode))
        return Int(bitPattern: UInt(SplitMix.mix(h, UInt64(bitPattern: Int64(info.st_size)))))
    }

    /// The mode of a file the build writes (`0644` less the process's umask): a published file is
    /// linked into the new site only with it, so one whose permissions were changed by hand is written
    /// again. Nil when the umask cannot be read (then every file is written).
    static let writtenMode: mode_t? = umask.map { S_IFREG | (0o644 & ~$0) }

    /// The mode of a folder the build makes (`0755` less the umask), nil when the umask cannot be read.
    static let folderMode: mode_t? = umask.map { 0o755 & ~$0 }

    /// The process's umask, read from the system: `umask` itself cannot be read without setting it,
    /// which other threads would see.
    private static let umask: mode_t? = {
        guard let status = FileReader.read("/proc/self/status") else { return nil }
        for line in String(decoding: status, as: UTF8.self).split(separator: "\n") where line.hasPrefix("Umask:") {
            return mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
        }
        return nil
    }()

    /// What the build put at `relativePath`, if anything.
    func placedFile(_ relativePath: String) -> BuildRecord.OutputFile? {
        lock.lock()
        defer { lock.unlock() }
        return placed.identity(of: relativePath).map { BuildRecord.OutputFile(path: relativePath, identity: $0) }
    }

    /// Every file placed, in the order of the listing.
    var placedFiles: PlacedFiles {
        lock.lock()
        defer { lock.unlock() }
        return placed
    }

    /// How many files the build put in the folder, and the digest of their listing (``PlacedFiles/digest()``):
    /// what a walk of the folder would give.
    var listing: (count: Int, digest: String) {
        lock.lock()
        defer { lock.unlock() }
        // Files are only ever added: as many as were ordered are the same files.
        return (placed.count, placed.digest(in: publishedOrder.flatMap { $0.count == placed.count ? $0 : nil }))
    }

    /// The order of the files placed, found as their list was written for the swap (nothing is placed
    /// after it): the listing's digest takes it rather than sorting them again.
    private var publishedOrder: PlacedFiles.Order?

    /// Writes a string as UTF-8.
    package func write(_ relativePath: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(relativePath, $0) }
    }

    /// Replaces the file at `path` with what `write` writes, through a temporary file beside it and a
    /// rename, so a reader never sees half a file. The temporary name is created anew (`O_EXCL`, after
    /// removing whatever had that name): a file linked there by someone else is never written through.
    /// On any failure `path` is removed, which for the records beside the output means "do all the work".
    @discardableResult
    static func replaceFile(_ path: String, _ write: (Int32) -> Bool) -> Bool {
        let temporary = path + ".tmp-" + String(getpid())
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            unlink(path)
            return false
        }
        let written = write(fd)
        close(fd)
        if !written || rename(temporary, path) != 0 {
            unlink(temporary)
            unlink(path)
            return false
        }
        return true
    }

    /// Writes every byte, going on after a short write or an interrupted call (``FileWriter``).
    static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool { FileWriter.writeAll(fd, buf) == nil }

    private func ensureDirectory(_ dir: String) throws {
        if dir.isEmpty { return }
        lock.lock()
        let known = isCreated(dir)
        lock.unlock()
        if known { return }
        try ensureDirectory(Self.folder(of: dir))
        var made = mkdir(staging + "/" + dir, 0o755) == 0
        if !made && errno == EEXIST && spare != nil {
            // A file of the spare where this build makes a folder gives way to it, as to a file
            // (moved aside, then looked at: ``makeRoom(_:)``).
            var held = stat()
            if lstat(staging + "/" + dir, &held) == 0, (held.st_mode & S_IFMT) != S_IFDIR, placedFile(dir) == nil {
                try makeRoom(dir)
                made = mkdir(staging + "/" + dir, 0o755) == 0
            } else {
                errno = EEXIST
            }
        }
        if !made && errno != EEXIST {
            throw OutputError.io("cannot create folder \(dir): \(errnoText())")
        }
        var info = stat()
        let inode = made && spare != nil && lstat(staging + "/" + dir, &info) == 0 ? UInt64(info.st_ino) : 0
        lock.lock()
        noteMade(dir, inode: inode)
        lock.unlock()
    }

    /// Notes the folder `dir` as there in the staging folder, and `inode` (non-zero) as the one this
    /// build made there; called with the lock held.
    private func noteMade(_ dir: String, inode: UInt64) {
        let number = placed.folderNumber(interning: dir)
        createdDirectories.insert(number)
        if inode != 0 && spare != nil { madeFolders[number] = inode }
    }

    /// The inode the folder at `path` must have in a staging folder taken from the spare: the one this
    /// build made there, else the spare's as taken; nil when neither had one there.
    private func expectedFolderInode(_ path: String, number: UInt32) -> UInt64? {
        lock.withLock { madeFolders[number] } ?? spare?.folderInode(path)
    }

    /// Removes what is at `relativePath` in the staging folder before a file is written there: a file
    /// (never written through: it may be the published one, linked). In a folder taken from the spare,
    /// only what the spare held there as it was taken, or what this build placed: anything else was put
    /// there while the build ran, and stops it (``discard()`` then sets it aside). A folder of the spare's
    /// that this build placed nothing in goes by the spare's lists, what else it holds set aside.
    private func makeRoom(_ relativePath: String) throws {
        let full = staging + "/" + relativePath
        guard let spare else {
            unlink(full)
            return
        }
        var info = stat()
        guard lstat(full, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if lock.withLock({ placed.folderNumber(relativePath) != nil }) { return }
            var listed = PlacedFiles()
            let prefix = relativePath + "/"
            for files in [spare.live, spare.stale] {
                files.forEachFileAsPlaced { folder, name, identity in
                    let path = PlacedFiles.path(folder, name)
                    if path.hasPrefix(prefix) { listed.place(String(path.dropFirst(prefix.count)), identity) }
                }
            }
            if let set = Self.removeListed(full, listed: listed, of: destination) { lock.withLock { kept.append(set) } }
            return
        }
        guard giveWay(AT_FDCWD, full, at: relativePath) else { throw OutputError.foreign(path: relativePath, removed: false) }
    }

    /// The suffix of the name a file of the spare is moved to while it is looked at (``giveWay``).
    private static let asideSuffix = ".sitegen-old-" + String(getpid())

    /// Removes the file `name` of the folder `dir` held open (at `relativePath` in a staging folder taken
    /// from the spare) if it may be (``isReplaceable(_:_:)``); false when it may not, or when the name to
    /// look at it under is taken. It is moved out of the way before it is looked at: an edit made before
    /// the move is seen, one made after it changes the file under its other name, not the build's. One
    /// that may not go is put back, to be set aside with the folder (unless something took its place:
    /// then it stays under the other name, and is set aside the same). Nothing there is room made.
    private func giveWay(_ dir: Int32, _ name: String, at relativePath: String) -> Bool {
        let aside = name + Self.asideSuffix
        guard SpareTree.renameNoReplace(at: dir, name, aside) else { return errno == ENOENT }
        var info = stat()
        guard fstatat(dir, aside, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return true }
        guard isReplaceable(relativePath, info) else {
            _ = SpareTree.renameNoReplace(at: dir, aside, name)
            return false
        }
        unlinkat(dir, aside, 0)
        return true
    }

    /// Writes the file at `relativePath` in a staging folder taken from the spare: `write` writes it
    /// under a name of the build's own beside it (made anew: a file someone put at that name stops the
    /// build), then what is at the path gives way (``makeRoom(_:)``) and the file, or the published one
    /// when it holds the same bytes, is renamed into place only where nothing is. A file saved at the
    /// path in between, or into the file once it is there, is someone else's: the build stops, or the
    /// read before the swap finds it changed.
    private func placeBeside(_ relativePath: String, _ write: (Int32) -> Bool) throws {
        let full = staging + "/" + relativePath
        let suffix = ".sitegen-new-" + String(getpid())
        let written = full + suffix
        let fd = open(written, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            if errno == EEXIST { throw OutputError.foreign(path: relativePath + suffix, removed: false) }
            throw OutputError.io("cannot write \(relativePath): \(errnoText())")
        }
        defer { close(fd) }
        var info = stat()
        guard write(fd), fstat(fd, &info) == 0 else {
            unlink(written)
            throw OutputError.io("cannot write \(relativePath): \(errnoText())")
        }
        do { try makeRoom(relativePath) } catch {
            unlink(written)
            throw error
        }
        let size = Int(info.st_size)
        if reusesPublishedFiles, linkPublished(relativePath, replacingStaged: true, if: { old, published in
            published.st_mode == info.st_mode && Int(published.st_size) == size && Self.sameBytes(fd, old, count: size)
        }) {
            unlink(written)
            return
        }
        guard SpareTree.renameNoReplace(written, full) else {
            unlink(written)
            throw OutputError.foreign(path: relativePath, removed: false)
        }
        remember(relativePath, info)
    }

    /// Whether the file of status `info` at `relativePath` in the staging folder may be removed to make
    /// room: one this build placed, one the spare held there as it was taken, or the published file at
    /// that path itself (shared with the spare, and edited there by hand: the published site keeps it,
    /// and it is set aside with that site). Anything else was put into the folder while the build ran.
    private func isReplaceable(_ relativePath: String, _ info: stat) -> Bool {
        guard let spare else { return true }
        let identity = Self.identity(info)
        if lock.withLock({ placed.identity(of: relativePath) }) == identity || spare.held(relativePath, identity: identity) { return true }
        var published = stat()
        return lstat(destination + "/" + relativePath, &published) == 0 && published.st_ino == info.st_ino && published.st_dev == info.st_dev
    }

    /// Removes what the spare held that this build did not place: files of the published site and of the
    /// spare's own at paths the build left empty, then folders it put nothing in, the deepest first. Each
    /// file goes only while it is what the spare held there (or the published file itself,
    /// ``isReplaceable(_:_:)``): one edited or replaced while the build ran (`sed -i` from a shell in the
    /// spare) stops the publish, to be set aside with the folder. A folder that does not come empty holds
    /// what neither list names: the publish stops.
    private func clearSpare() throws {
        guard let spare else { return }
        let files = placedFiles
        let root = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { throw OutputError.io("cannot publish: \(staging): \(errnoText())") }
        defer { close(root) }
        var changed: String?
        for held in [spare.live, spare.stale] {
            var last: (folder: String, number: UInt32?)?
            var info = stat()
            held.forEachFileAsPlaced { folder, name, _ in
                guard changed == nil else { return }
                if last?.folder != folder { last = (folder, files.folderNumber(folder)) }
                if last!.number.map({ files.contains(name, in: $0) }) == true { return }
                let path = PlacedFiles.path(folder, name)
                guard fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return }
                // A folder this build made where the spare had a file (a page where it had one).
                if (info.st_mode & S_IFMT) == S_IFDIR, files.folderNumber(path) != nil { return }
                guard (info.st_mode & S_IFMT) == S_IFREG, giveWay(root, path, at: path) else {
                    changed = path
                    return
                }
            }
        }
        if let changed { throw OutputError.foreign(path: changed, removed: false) }
        let folders = (spare.live.folderPaths + spare.stale.folderPaths).filter { files.folderNumber($0) == nil }
        for folder in folders.sorted(by: { $0.utf8.count > $1.utf8.count }) where unlinkat(root, folder, AT_REMOVEDIR) != 0 {
            // Gone, or a file of this build's in its place (a page where the spare had a folder).
            if errno == ENOENT || errno == ENOTDIR { continue }
            // Not empty: something neither list names was saved into it while the build ran.
            if errno == ENOTEMPTY || errno == EEXIST { throw OutputError.foreign(path: folder, removed: false) }
            throw OutputError.io("cannot publish: \(staging)/\(folder): \(errnoText())")
        }
    }

    /// Whether the folder `dir` was made in the staging folder; called with the lock held.
    private func isCreated(_ dir: String) -> Bool {
        placed.folderNumber(dir).map(createdDirectories.contains) ?? false
    }

    /// Copies files found by a `SourceWalk` (for `static/`) into the output.
    /// Stylesheets and scripts are written under their content-hashed names.
    func copy(_ files: [SourceWalk.File], into prefix: String = "", names: AssetNames = AssetNames()) throws {
        for file in files {
            // The file the walk judged, or nothing: a link swapped since then is not followed to another.
            let read = file.identity.map { FileReader.read(file.path, identity: $0) } ?? FileReader.read(file.path)
            guard let bytes = read else {
                throw OutputError.io("cannot read \(file.path): \(errno == ESTALE ? "it changed while the site was built; build again" : errnoText())")
            }
            // Static files come last: one that would replace a checked page or bulletin is refused.
            try write(prefix + names.outputPath(file.relative), bytes, exclusive: true)
        }
    }

    /// Swaps the staging folder in place of the destination, atomically where the system allows, with
    /// the list of what the build wrote (every file it placed, ``WrittenFiles``) taking the place of the
    /// previous one. The previous site is removed in the background (following no link inside it) while the
    /// build writes its records; ``finish()`` waits for that and lets the next build in. On failure the
    /// tree is discarded and the output and its list are left as they were.
    ///
    /// With `listed` (the files the previous build wrote, as its list names them), only those are
    /// removed of the previous site (``ListedRemoval``), each while it is as written (a list of
    /// another folder, a copied project's, by its path alone): a file saved into it at any moment, even
    /// after the swap from a shell whose current folder is inside it, is not lost; the folder with
    /// what is left is set aside (``setAside(_:of:)``). Without it (`--force`) it is removed whole.
    /// The lists name their folders, so a build killed at any step leaves each folder to be found with
    /// its own (``removeLeftovers(of:)``).
    ///
    /// `ownMode`: the mode the build that published the output made it with (``BuildRecord/folderMode``).
    ///
    /// `lookedAt`: when the look that gave `listed` began (it found the folder holding nothing else).
    /// With it, the previous site is kept beside the output for the next build (``SpareTree``) rather
    /// than removed, when its list is its own.
    func commit(removingOnly listed: WrittenFiles.List?, ownMode: mode_t? = nil, lookedAt: timespec? = nil) throws {
        closeFolders()
        do { try clearSpare() } catch {
            discard()
            throw error
        }
        let own = WrittenFiles.path(for: destination)
        guard let folder = WrittenFiles.inode(of: staging) else {
            discard()
            throw OutputError.io("cannot publish: \(staging) is no longer a folder")
        }
        // Both lists are written before the swap: a list that cannot be written (a full disk) stops the
        // publish, rather than leave a folder without one (refused by every later build).
        let incoming = WrittenFiles.incomingPath(for: destination, folder: folder)
        var outgoing: String?
        func abandoned(_ error: OutputError) -> OutputError {
            unlink(incoming)
            if let outgoing { unlink(outgoing) }
            discard()
            return error
        }
        func failed(_ reason: String) -> OutputError { abandoned(.io("cannot publish: " + reason)) }
        let files = placedFiles
        let order = files.order()
        lock.withLock { publishedOrder = order }
        guard WrittenFiles.write(files, folder: folder, to: incoming, in: order) else {
            throw failed("cannot write \(incoming): \(errnoText())")
        }
        var info = stat()
        if lstat(destination, &info) != 0 {
            guard rename(staging, destination) == 0 else { throw failed(errnoText()) }
            _ = rename(incoming, own)
            return
        }
        // Checked again here: the folder could have been replaced by a link while the build ran.
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw failed("\(destination) is no longer a folder") }
        // The list of the folder swapped out names it as it is now (a copied project's list names the
        // folder it was copied from), under a name of its own, until what it names is removed.
        var removed = listed?.files
        let out = WrittenFiles.outgoingPath(for: destination, folder: UInt64(info.st_ino))
        if let listed, var files = removed {
            // A list of another folder (a copied project's, a site restored from a backup) gives the
            // identities of that folder's files, which tell nothing of these: its files go by their paths.
            if listed.folder != UInt64(info.st_ino) { files.identitiesKnown = false }
            removed = files
            outgoing = out
            guard WrittenFiles.write(files, folder: UInt64(info.st_ino), to: out) else {
                throw failed("cannot write \(out): \(errnoText())")
            }
        } else {
            // `--force`: when the build started is said beside the folder it swaps out, so that a build
            // killed before the folder is removed leaves what was saved into it since to the next one.
            outgoing = out
            guard WrittenFiles.writeForced(folder: UInt64(info.st_ino), since: takenOver, to: out) else {
                throw failed("cannot write \(out): \(errnoText())")
            }
        }
        // The new folder takes the place of the published one with the mode and group it was given
        // (`chmod 2750 site`, `chgrp www site`), once nothing more is written into it. A group the
        // process may not give is left as it is; a change of group clears the setgid bit, so the mode
        // is set after it. A mode that is the one the last build made the folder with is no one's
        // choice: the folder keeps the mode this build made it with (a build under `umask 077` left
        // 0700, which the next build under 022 puts right).
        _ = chown(staging, uid_t.max, info.st_gid)
        if ownMode != info.st_mode & 0o7777 { chmod(staging, info.st_mode & 0o7777) }
        // What was saved into a staging folder taken from the spare is never published.
        if let foreign = foreignInSpare() {
            throw abandoned(.foreign(path: foreign.path, removed: foreign.removed))
        }
        // After an exchange the staging path holds the previous site.
        var old = staging
        if sg_exchange_paths(staging, destination) != 0 {
            old = staging + ".old"
            guard rename(destination, old) == 0 else { throw failed(errnoText()) }
            guard rename(staging, destination) == 0 else {
                _ = rename(old, destination)
                throw failed(errnoText())
            }
        }
        _ = rename(incoming, own)
        // Published, the folder taken from the spare is no leftover of a killed build: its list goes (the
        // site swapped out may be kept as the spare, with a list of its own).
        if spare != nil {
            unlink(SpareTree.listPath(for: destination))
            endJournal()
        }
        let (previous, gone, removing) = (old, outgoing, removed)
        let spareSince = removed?.identitiesKnown == true ? lookedAt : nil
        DispatchQueue.global().async(group: removal) { [self] in
            if let removed = removing, let since = spareSince, let gone,
               SpareTree.keep(previous, outgoing: gone, listed: removed, placed: files, since: since, of: destination) {
                return
            }
            if let removed = removing {
                if let set = Self.removeListed(previous, listed: removed, of: destination) { lock.withLock { kept.append(set) } }
            } else if let set = Self.removeWhole(previous, changedBefore: takenOver, of: destination) {
                lock.withLock { kept.append(set) }
            }
            if let gone { unlink(gone) }
        }
    }

    /// The removal of the previous site, which ``finish()`` waits for.
    private let removal = DispatchGroup()
    /// Folders set aside instead of removed: leftovers of killed builds, the previous site.
    private var kept: [Kept] = []

    /// Waits until the previous site is removed, then releases the output for the next build. Says
    /// which folders were set aside instead of removed, with what was found in them.
    @discardableResult
    package func finish() -> [Kept] {
        closeFolders()
        removal.wait()
        outputLock = nil
        return lock.withLock { kept }
    }

    /// Renames the previous site at `path` beside the output as `site.kept-1` (the first number free),
    /// a name no build removes; the new path, or nil when no name could be taken.
    private static func setAside(_ path: String, of destination: String) -> String? {
        for attempt in 1...1000 {
            let target = destination + ".kept-" + String(attempt)
            var info = stat()
            guard lstat(target, &info) != 0, errno == ENOENT else { continue }
            if rename(path, target) == 0 { return target }
            if errno != EEXIST && errno != ENOTEMPTY { return nil }
        }
        return nil
    }

    /// The time by the clock the file system stamps a change with (the system's, read at the coarse
    /// tick: a file changed from now on has this time of change or a later one).
    package static func fileSystemNow() -> timespec {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        return now
    }

    /// Removes the staging folder; the destination is left as it was. One taken from the spare holds the
    /// files of the spare and those this build placed: those go, each while as written, and anything else
    /// (saved into it while the build ran, from a shell whose current folder was in the spare) is set
    /// aside. Returns the folders set aside by this build (``finish()``), to be reported.
    @discardableResult
    func discard() -> [Kept] {
        closeFolders()
        if let spare {
            var listed = spare.live
            for files in [spare.stale, placedFiles] {
                files.forEachFileAsPlaced { folder, name, identity in listed.place(PlacedFiles.path(folder, name), identity) }
            }
            if let set = Self.removeListed(staging, listed: listed, of: destination) { lock.withLock { kept.append(set) } }
            // The spare's list named the folder taken, for a build killed before this (``SpareTree/take``).
            unlink(SpareTree.listPath(for: destination))
            endJournal()
        } else {
            TreeRemoval.remove(staging)
        }
        outputLock = nil
        return lock.withLock { kept }
    }

    /// The file system's own time now, as it stamps a change in `folder`: the time of change of a probe
    /// folder made and removed there, or the system's clock (``fileSystemNow()``) when that is earlier or
    /// no probe can be made. A clock set back, or a file server whose clock runs behind, then makes a time
    /// too early, never too late: what is compared with it is looked at again, not taken unseen.
    static func fileSystemTime(in folder: String) -> timespec {
        let clock = fileSystemNow()
        let probe = folder + "/" + clockProbePrefix + String(getpid())
        rmdir(probe)
        guard mkdir(probe, 0o700) == 0 else { return clock }
        defer { rmdir(probe) }
        var info = stat()
        guard lstat(probe, &info) == 0 else { return clock }
        return (info.st_ctim.tv_sec, info.st_ctim.tv_nsec) < (clock.tv_sec, clock.tv_nsec) ? info.st_ctim : clock
    }

    /// The name of a probe folder (``fileSystemTime(in:)``) before the number of the process making it.
    static let clockProbePrefix = ".sitegen-clock-"

    /// Whether `name` is a probe folder's (``clockProbePrefix`` and digits): one is there only while a
    /// build looks at the time, or after a build killed while it looked. Empty, it may go with its folder.
    static func isClockProbe(_ name: some Collection<UInt8>) -> Bool {
        let prefix = clockProbePrefix.utf8
        guard name.count > prefix.count, name.starts(with: prefix) else { return false }
        return name.dropFirst(prefix.count).allSatisfy { (0x30...0x39).contains($0) }
    }

    /// ``fileSystemTime(in:)`` of the staging folder.
    func stagingTime() -> timespec { Self.fileSystemTime(in: staging) }

    /// What the staging folder taken from the spare holds that the build did not place, as a path; nil
    /// when nothing. A folder changed since the spare was taken (by the build, or by anyone: a shell whose
    /// current folder was in the spare reaches all of it) is read, and each entry must be a file the
    /// build placed, as placed, or a folder of one. Any other folder is as the spare was when taken, less
    /// what the build removed from it (a change itself).
    private func foreignInSpare() -> (path: String, removed: Bool)? {
        guard let since = spare?.lookedAt else { return nil }
        let files = placedFiles
        let root = open(staging, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return (".", errno == ENOENT) }
        defer { close(root) }
        let limit = (since.tv_sec, since.tv_nsec)
        var top = stat()
        guard fstat(root, &top) == 0 else { return (".", false) }
        let device = top.st_dev
        let found = Parallel.map([""] + files.folderPaths) { path -> (path: String, removed: Bool)? in
            var info = stat()
            if !path.isEmpty {
                // A folder of the build's gone is told as removed; something else in its place, as put there.
                guard fstatat(root, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return (path, errno == ENOENT) }
                // The very folder the spare had there or the build made: a folder mounted over it (`mount
                // --bind`) moves no time of change, and is another folder.
                guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_dev == device, let number = files.folderNumber(path),
                      UInt64(info.st_ino) == expectedFolderInode(path, number: number) else { return (path, false) }
                if (info.st_ctim.tv_sec, info.st_ctim.tv_nsec) < limit { return nil }
                // Changed: still the build's own, with the mode it gives its folders (a `chmod 777` or a
                // `chown` made while it ran would be published).
                guard info.st_uid == geteuid(), let mode = Self.folderMode, info.st_mode & 0o7777 == mode else { return (path, false) }
            }
            let fd = path.isEmpty ? dup(root) : openat(root, path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { return (path, errno == ENOENT) }
            defer { close(fd) }
            let number = files.folderNumber(path)
            var foreign: String?
            let read = Folder.forEachEntry(in: fd) { name, kind in
                let text = String(validatingCString: name)
                var file = stat()
                if let text, let kind = Folder.kind(kind, of: name, in: fd) {
                    if kind == DT_DIR {
                        // A folder of the build's, and the very one the spare had there or the build made:
                        // one moved in whole, prepared elsewhere, holds folders no look has read.
                        let child = path.isEmpty ? text : path + "/" + text
                        if let childNumber = number.flatMap({ files.folderNumber(ofChild: Array(text.utf8), in: $0) }),
                           fstatat(fd, name, &file, AT_SYMLINK_NOFOLLOW) == 0, file.st_dev == device,
                           UInt64(file.st_ino) == expectedFolderInode(child, number: childNumber) {
                            return true
                        }
                    } else if kind == DT_REG, let number, let identity = files.identity(text, in: number),
                              fstatat(fd, name, &file, AT_SYMLINK_NOFOLLOW) == 0, Self.identity(file) == identity {
                        return true
                    }
                }
                // Named as the warning that sets it aside names it, whatever bytes its name holds.
                foreign = WrittenFiles.display(Array((path.isEmpty ? "" : path + "/").utf8) + Array(UnsafeRawBufferPointer(start: name, count: strlen(name))))
                return false
            }
            return foreign.map { ($0, false) } ?? (read ? nil : (path, false))
        }
        return found.lazy.compactMap { $0 }.first
    }
}

/// A failure to read or write files.
package enum OutputError: Error, CustomStringConvertible {
    case io(String)
    /// `path` (relative to the site) was put into a staging folder taken from the spare, changed there,
    /// or (`removed`) removed from it while the build wrote into it, by something other than the build.
    case foreign(path: String, removed: Bool)
    package var description: String {
        switch self {
        case .io(let s): return s
        case .foreign(let path, let removed):
            return "\(path) was \(removed ? "removed from" : "put into, or changed in,") the new site while it was built, by something other than the build"
        }
    }
}

extension Diagnostic {
    /// A failure to write the site (`output.io`) as the editor reads it: a file put into the new site
    /// while it was built is no matter of disk space or permissions, and is told as what it is.
    static func outputFailure(_ error: Error, file: String) -> Diagnostic {
        if case OutputError.foreign(let path, let removed) = error {
            return .error("output.io", id: removed ? "output.io.removed" : "output.io.foreign", ["path": path], file: file)
        }
        return .error("output.io", id: "output.io", ["reason": "\(error)"], file: file)
    }
}
