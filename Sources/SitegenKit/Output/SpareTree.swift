import CPosix
import Foundation
import SitegenCore

/// The site a build swapped out, kept beside the output as `.site.spare` for the next build to write
/// into, rather than removed while the next build makes a new folder and links every unchanged file
/// into it. Most of its files are the published site's own (hard links to the same files), so the next
/// build leaves them where they are and replaces only what changed: on a large site, making those
/// links and removing them again was most of what a one-page edit cost.
///
/// Its record (`.site.spare.record`, ``WrittenFiles/spareHeader``) names the folder by its inode and
/// says when the look that found it holding only its build's files began (`since`: the published site
/// is walked once more just before it is swapped out), beside which list of the published site it was
/// kept (`live`, that file's identity), and which of its files are not the published site's (each
/// one's identity as written). Its whole list (`.site.spare.files`: the list it had while published) is
/// kept too, to remove it by when it is not taken.
///
/// It is kept only when each of its files is the new site's own or its own as written (``keep``): one
/// edited by hand is the editor's, and the folder is removed by its list instead, which sets that aside.
/// A build takes the spare only when it is exactly as kept (``take(for:live:as:)``): each of its folders
/// unchanged since the look (its time of change, which no program can set back, before `since`), each
/// file at its top and each file of its own as written. Anything else (a file saved into it, a folder
/// made in it, an edit) and it is removed as any folder swapped out is, by its list, each file while it
/// is as written, and what is left is set aside as `site.kept-N`; the build starts from a new folder.
/// What the build then writes into it is read again before the swap where it changed
/// (``OutputTree/commit(removingOnly:ownMode:lookedAt:)``): the spare can be reached by a shell whose
/// current folder was in the site it once was.
enum SpareTree {
    /// The spare folder: `.site.spare` beside `site/`.
    static func folder(for destination: String) -> String { OutputTree.besideOutput(destination, suffix: ".spare") }
    /// Its whole list: `.site.spare.files`.
    static func listPath(for destination: String) -> String { OutputTree.besideOutput(destination, suffix: ".spare.files") }
    /// Its record: `.site.spare.record`.
    static func recordPath(for destination: String) -> String { OutputTree.besideOutput(destination, suffix: ".spare.record") }

    /// Whether the spare's list names a folder beside the output under a staging name: one a build
    /// killed after it took the spare left, still to be removed by that list (``OutputTree/removeLeftovers(of:)``).
    /// Looked at only when the list is there (after a publish it is not).
    static func namesLeftover(_ destination: String) -> Bool {
        var info = stat()
        let list = listPath(for: destination)
        guard lstat(list, &info) == 0, let folder = WrittenFiles.read(list)?.folder else { return false }
        let (parent, prefix) = OutputTree.stagingPrefix(for: destination)
        return Folder.entries(parent).contains { $0.hasPrefix(prefix) && WrittenFiles.inode(of: parent + "/" + $0) == folder }
    }

    /// The spare's whole list when it names the folder whose inode is `folder`. A build killed between
    /// keeping the list and renaming the folder leaves the folder under its staging name, to be removed
    /// by this list (``OutputTree/removeLeftovers(of:)``).
    static func list(for destination: String, folder: UInt64) -> PlacedFiles? {
        guard let list = WrittenFiles.read(listPath(for: destination)), list.folder == folder, list.spare == nil,
              list.forcedSince == nil, list.files.identitiesKnown else { return nil }
        return list.files
    }

    /// Keeps the folder at `old`, the published site just swapped out, as the spare. `listed`: its files
    /// as its own list names them (identities known); `outgoing`: that list's file; `placed`: the files
    /// of the site now published; `since`: when the look that found `old` holding nothing else began.
    /// False when it is not kept (a name beside the output is taken, a record cannot be written): the
    /// caller removes it as before.
    static func keep(_ old: String, outgoing: String, listed: PlacedFiles, placed: PlacedFiles, since: timespec,
                     of destination: String) -> Bool {
        let (folder, list, record) = (self.folder(for: destination), listPath(for: destination), recordPath(for: destination))
        var info = stat()
        guard lstat(folder, &info) != 0, errno == ENOENT, OutputFolder.isOwnRecord(list), OutputFolder.isOwnRecord(record),
              !namesLeftover(destination),
              let inode = WrittenFiles.inode(of: old),
              lstat(WrittenFiles.path(for: destination), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        let live = OutputTree.identity(info)
        // Each file is looked at as it is now: the published site's own (the same file as the site now
        // published has there), its own (changed by the build that swapped it out, or gone from the
        // site) as written, or neither. One edited by hand, or put in place of the build's file (`sed -i`,
        // `mv` over a page, even while the build ran), is the editor's: the folder is removed by its list
        // instead, which keeps that file and says so now.
        let fd = open(old, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        // A part of the files at a time, on every core: a big site's half a million looks were the end of its build.
        let part = 4096
        let looked = Parallel.map(Array(stride(from: 0, to: listed.count, by: part))) { start -> [(path: String, identity: Int)]? in
            var (own, last, info) = ([(path: String, identity: Int)](), nil as (folder: String, number: UInt32?)?, stat())
            var asWritten = true
            listed.forEachFileAsPlaced(in: start..<min(listed.count, start + part)) { folder, name, identity in
                guard asWritten else { return }
                if last?.folder != folder { last = (folder, placed.folderNumber(folder)) }
                let path = PlacedFiles.path(folder, name)
                guard fstatat(fd, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    // Gone: nothing of it to keep or to take.
                    asWritten = errno == ENOENT
                    return
                }
                let now = OutputTree.identity(info)
                if (info.st_mode & S_IFMT) == S_IFREG, now == last!.number.flatMap({ placed.identity(name, in: $0) }) { return }
                if now == identity { own.append((path, identity)) } else { asWritten = false }
            }
            return asWritten ? own : nil
        }
        var stale = PlacedFiles()
        for part in looked {
            guard let part else { return false }
            for file in part { stale.place(file.path, file.identity) }
        }
        guard WrittenFiles.write(stale, folder: inode, to: record, spare: (since, live)) else { return false }
        guard rename(outgoing, list) == 0 else {
            unlink(record)
            return false
        }
        if renameNoReplace(old, folder) { return true }
        _ = rename(list, outgoing)
        unlink(record)
        return false
    }

    /// What a build that took the spare knows of what it holds: the files it may hold that the build
    /// does not place are removed before the publish (``OutputTree``).
    struct Taken {
        /// The published site's files: the spare holds the same file at most of their paths.
        var live: PlacedFiles
        /// Its own files, not the published site's.
        var stale: PlacedFiles
        /// When its look began, by the file system's clock: a folder of it changed since may hold what
        /// the look did not see, and is read again before the publish (``OutputTree``).
        var lookedAt: timespec
        /// The inode of each of its folders as the take found it, by the folder's number in `live`'s
        /// table and in `stale`'s (0: not there): a folder moved into it whole while the build ran, its
        /// own folders unchanged since, is told from the spare's by its inode (``OutputTree``).
        var folders: (live: [UInt64], stale: [UInt64])

        /// The inode the folder at `path` had when the spare was taken; nil when it had none there.
        func folderInode(_ path: String) -> UInt64? {
            if let n = live.folderNumber(path), folders.live[Int(n)] != 0 { return folders.live[Int(n)] }
            if let n = stale.folderNumber(path), folders.stale[Int(n)] != 0 { return folders.stale[Int(n)] }
            return nil
        }

        /// Whether `identity` is that of the file the spare held at `path` when it was taken.
        func held(_ path: String, identity: Int) -> Bool {
            stale.identity(of: path).map { $0 == identity } ?? (live.identity(of: path) == identity)
        }
    }

    /// Takes the spare beside `destination` as the folder `staging` (a free name beside it) when it is as
    /// its record says; `live`: the published folder's list as the build read it. Nil when there is no
    /// spare or it is not as its record says: then it is removed by its list, and what is set aside in
    /// its place (files saved into it) is returned to be reported. A folder of that name with no list
    /// naming it is not sitegen's to remove: it is left alone, and no spare is kept while it is there.
    static func take(for destination: String, live: WrittenFiles.List?, as staging: String) -> (taken: Taken?, kept: OutputTree.Kept?) {
        let (folder, list, record) = (self.folder(for: destination), listPath(for: destination), recordPath(for: destination))
        var info = stat()
        guard lstat(folder, &info) == 0 else {
            // A record or a list without their folder (a build killed keeping it) describe nothing.
            // Unless the list names a folder a killed build left under its staging name, not yet removed
            // (its process's number taken again by a process now running): the list is all that says
            // what in it is the builds'.
            if errno == ENOENT, !namesLeftover(destination) {
                [list, record].forEach(removeRecord)
                PlacedJournal.remove(for: destination)
            }
            return (nil, nil)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == geteuid() else { return (nil, nil) }
        let inode = UInt64(info.st_ino)
        // A `since` later than the file system's time now (the clock set back since) proves nothing. A
        // change made after this time may be missed by the look: it is what the read before the publish takes.
        let now = OutputTree.fileSystemTime(in: folder)
        if let read = WrittenFiles.read(record), let mark = read.spare, read.folder == inode, let live,
           (mark.since.tv_sec, mark.since.tv_nsec) <= (now.tv_sec, now.tv_nsec),
           let folders = asKept(folder, live: live, stale: read.files, since: mark.since, listIdentity: mark.live, of: destination) {
            removeRecord(record)
            if renameNoReplace(folder, staging) {
                // The list stays, naming the folder by its inode: a build killed before it publishes or
                // discards the folder leaves it under its staging name, to be removed by this list, what
                // was saved into it or edited there set aside (``OutputTree/removeLeftovers(of:)``). The
                // site this build swaps out replaces it; a failed build removes it (``OutputTree/discard()``).
                return (Taken(live: live.files, stale: read.files, lookedAt: now, folders: folders), nil)
            }
        }
        removeRecord(record)
        guard let files = self.list(for: destination, folder: inode) else { return (nil, nil) }
        let kept = OutputTree.removeListed(folder, listed: sharedTaken(files, in: folder, site: destination), of: destination)
        removeRecord(list)
        return (nil, kept)
    }

    /// `files` with those the spare at `folder` shares with the published site (the same file at the same
    /// path) given the identity they have now: removing the spare's name for one loses nothing, as the
    /// site still holds it, and an edit made to it there is the site's to keep (said once, by the build
    /// that swaps the site out).
    private static func sharedTaken(_ files: PlacedFiles, in folder: String, site: String) -> PlacedFiles {
        var taken = files
        var (spare, published) = (stat(), stat())
        files.forEachFileAsPlaced { folderPath, name, _ in
            let path = PlacedFiles.path(folderPath, name)
            guard lstat(folder + "/" + path, &spare) == 0, (spare.st_mode & S_IFMT) == S_IFREG,
                  lstat(site + "/" + path, &published) == 0, spare.st_ino == published.st_ino, spare.st_dev == published.st_dev else { return }
            taken.place(path, OutputTree.identity(spare))
        }
        return taken
    }

    /// The inodes of the folders of the spare at `folder` (``Taken/folders``) when it is as it was kept:
    /// beside the published site's list it was kept beside (`live`, the file of identity `listIdentity`),
    /// each folder unchanged since `since`, and each file at its top and each of its own (`stale`) as
    /// written. Nil when it is not.
    private static func asKept(_ folder: String, live: WrittenFiles.List, stale: PlacedFiles, since: timespec,
                               listIdentity: Int, of destination: String) -> (live: [UInt64], stale: [UInt64])? {
        var info = stat()
        guard let site = WrittenFiles.inode(of: destination), live.folder == site, live.files.identitiesKnown,
              lstat(WrittenFiles.path(for: destination), &info) == 0, OutputTree.identity(info) == listIdentity else { return nil }
        let top = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return nil }
        defer { close(top) }
        // Its top was renamed into place, which moves its time of change: each entry is looked at.
        guard fstatat(top, OutputFolder.markerName, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var clean = true
        var probes: [String] = []
        let read = Folder.forEachEntry(in: top) { name, kind in
            guard let kind = Folder.kind(kind, of: name, in: top), let text = String(validatingCString: name) else {
                clean = false
                return false
            }
            if kind == DT_DIR, OutputTree.isClockProbe(text.utf8) {
                probes.append(text)
            } else if kind == DT_DIR {
                clean = live.files.folderNumber(text) != nil || stale.folderNumber(text) != nil
            } else if !WrittenFiles.isMarker(text, kind: kind, below: []) {
                var file = stat()
                clean = kind == DT_REG && fstatat(top, name, &file, AT_SYMLINK_NOFOLLOW) == 0
                    && [live.files.identity(of: text), stale.identity(of: text)].contains(OutputTree.identity(file))
            }
            return clean
        }
        // A build killed while it looked at the time here left its probe folder: it goes, if empty.
        guard read, clean, probes.allSatisfy({ unlinkat(top, $0, AT_REMOVEDIR) == 0 || errno == ENOENT }) else { return nil }
        // Below it, a file saved, removed or renamed moves its folder's time of change past `since`.
        let limit = (since.tv_sec, since.tv_nsec)
        // Each folder's inode, by its number in its table (``PlacedFiles/folderPaths`` starts at 1).
        func inodes(_ files: PlacedFiles) -> [UInt64]? {
            var found: [UInt64] = [0]
            for path in files.folderPaths {
                guard fstatat(top, path, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                    guard errno == ENOENT else { return nil }
                    found.append(0)
                    continue
                }
                // A folder's mode is the build's (a clean build makes each with it): one changed by hand
                // since (`chmod 700`) would come back with the spare.
                guard (info.st_mode & S_IFMT) == S_IFDIR, (info.st_ctim.tv_sec, info.st_ctim.tv_nsec) < limit,
                      let mode = OutputTree.folderMode, info.st_mode & 0o7777 == mode else { return nil }
                found.append(UInt64(info.st_ino))
            }
            return found
        }
        guard let liveFolders = inodes(live.files), let staleFolders = inodes(stale) else { return nil }
        // An edit made in place moves no folder's time: its own files are looked at one by one (the
        // published site's are looked at as the build takes each, ``OutputTree/adoptAll(_:)``).
        return isAsWritten(stale, in: top) ? (liveFolders, staleFolders) : nil
    }

    /// Whether each of `files` in the folder open at `fd` is as written (or gone), as ``ListedRemoval``
    /// judges a file before it removes it.
    private static func isAsWritten(_ files: PlacedFiles, in fd: Int32) -> Bool {
        var (clean, info) = (true, stat())
        files.forEachFileAsPlaced { folder, name, identity in
            guard clean else { return }
            let path = PlacedFiles.path(folder, name)
            clean = fstatat(fd, path, &info, AT_SYMLINK_NOFOLLOW) == 0 ? OutputTree.identity(info) == identity : errno == ENOENT
        }
        return clean
    }

    /// Renames `from` to `to` only when nothing is there (where the system cannot say so in the rename
    /// itself, after looking).
    static func renameNoReplace(_ from: String, _ to: String) -> Bool {
        renameNoReplace(at: AT_FDCWD, from, to)
    }

    /// ``renameNoReplace(_:_:)`` of two names relative to the folder `dir` held open.
    static func renameNoReplace(at dir: Int32, _ from: String, _ to: String) -> Bool {
        if sg_renameat_noreplace(dir, from, dir, to) == 0 { return true }
        guard errno == EINVAL || errno == ENOSYS else { return false }
        var info = stat()
        return fstatat(dir, to, &info, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT && renameat(dir, from, dir, to) == 0
    }

    /// Removes a record of the spare's: a regular file that begins as sitegen's records do, no other.
    private static func removeRecord(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, OutputFolder.isOwnRecord(path) else { return }
        unlink(path)
    }
}
