import CPosix
import Foundation
import SitegenCore

/// Removes a folder and everything below it without ever following a symbolic link: a link inside
/// an old site is removed as a link, and whatever it points to is left alone. Every folder is opened
/// from the descriptor of the folder holding it and every name removed relative to one, so a folder
/// swapped for a link while the removal runs cannot lead it outside the tree (a path looked up again
/// would follow the link). Iterative, so no depth of folders can exhaust the stack.
enum TreeRemoval {
    /// One name to remove, in a folder held open.
    private struct Part: Sendable {
        var folder: Int32
        var name: String
        var isFolder: Bool
    }

    /// Removes `path` (a file, a link or a folder). The folders at its top are taken one after the
    /// other (one descriptor each, whatever their number), the work inside each shared out over every
    /// core: a large site is tens of thousands of unlink calls.
    ///
    /// With `changedBefore`, a file or link whose time of change is not before it is kept, with the
    /// folders that hold it: one saved into a folder after the moment a build took it over (`--force`
    /// replaces what was there, not what was saved while it built). No program can set that time back.
    /// So is a folder below the top whose time of change is not before it, whole: one moved in (`mv
    /// ~/album site/`) keeps the times of what it holds, and only its own says when it came.
    static func remove(_ path: String, changedBefore limit: timespec? = nil) {
        let root = openFolder(AT_FDCWD, path)
        guard root >= 0 else {
            unlink(path)
            return
        }
        for top in Folder.entryKinds(in: root) where top.name != OutputFolder.markerName {
            if top.isFolder && changed(top.name, in: root, since: limit) == true { continue }
            let sub = top.isFolder ? openFolder(root, top.name) : -1
            guard sub >= 0 else {
                // A file or link, or a folder that could not be opened here: removed on its own.
                removeSerially(top.name, in: root, isFolder: top.isFolder, changedBefore: limit)
                continue
            }
            let parts = Folder.entryKinds(in: sub).filter { !($0.isFolder && changed($0.name, in: sub, since: limit) == true) }
                .map { Part(folder: sub, name: $0.name, isFolder: $0.isFolder) }
            _ = Parallel.map(parts) { part in removeSerially(part.name, in: part.folder, isFolder: part.isFolder, changedBefore: limit) }
            close(sub)
            unlinkat(root, top.name, AT_REMOVEDIR)
        }
        // The marker goes last, and only once everything else is gone: a removal cut short, or one that
        // could not remove everything, leaves a folder that still says it is sitegen's, which the next
        // build removes as a leftover.
        let left = Folder.entryKinds(in: root).contains { $0.name != OutputFolder.markerName }
        if !left { unlinkat(root, OutputFolder.markerName, 0) }
        close(root)
        if !left { rmdir(path) }
    }

    /// Whether `name` in the folder open at `folder` changed at `limit` or later (no limit: never); nil
    /// when it cannot be asked (gone).
    private static func changed(_ name: String, in folder: Int32, since limit: timespec?) -> Bool? {
        guard let limit else { return false }
        var info = stat()
        guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return (info.st_ctim.tv_sec, info.st_ctim.tv_nsec) >= (limit.tv_sec, limit.tv_nsec)
    }

    /// How many folders deep one removal holds open before it moves what lies deeper up beside the
    /// folder it started in: no depth of folders needs more descriptors than this per core (a site is
    /// five folders deep, and 64 cores stay within the usual limit of 1,024 open files).
    static let heldFolders = 16

    /// Removes `name` in the folder open at `folder`, and everything below it, on this thread, deepest
    /// folders first. A folder deeper than ``heldFolders`` below `folder` is first moved into `folder`
    /// (under a new name, folder descriptor to folder descriptor) and removed from there afterwards.
    static func removeSerially(_ name: String, in folder: Int32, isFolder: Bool, changedBefore limit: timespec? = nil) {
        /// Removes the file or link `name` in the folder open at `fd`, unless it changed at `limit` or later.
        func removeFile(_ name: String, in fd: Int32) {
            guard changed(name, in: fd, since: limit) == false else { return }
            unlinkat(fd, name, 0)
        }
        /// A folder being emptied: its descriptor, its name, and the folders in it still to remove.
        struct Frame {
            let fd: Int32
            let name: String
            var folders: [String]
        }
        /// Opens a folder and removes everything in it but its folders, which it lists.
        func enter(_ name: String, in parent: Int32) -> Frame? {
            let fd = openFolder(parent, name)
            guard fd >= 0 else { return nil }
            var folders: [String] = []
            for entry in Folder.entryKinds(in: fd) {
                if !entry.isFolder { removeFile(entry.name, in: fd) } else if changed(entry.name, in: fd, since: limit) != true { folders.append(entry.name) }
            }
            return Frame(fd: fd, name: name, folders: folders)
        }
        guard isFolder else {
            removeFile(name, in: folder)
            return
        }
        // The folder, then those moved up beside it.
        var pending = [name]
        var moved = 0
        while let next = pending.popLast() {
            // No longer a folder (a link put in its place is removed as a link).
            guard let first = enter(next, in: folder) else {
                removeFile(next, in: folder)
                continue
            }
            var stack = [first]
            while var frame = stack.popLast() {
                if let child = frame.folders.popLast() {
                    let fd = frame.fd
                    stack.append(frame)
                    if stack.count >= heldFolders, let hoisted = hoist(child, from: fd, into: folder, counter: &moved) {
                        pending.append(hoisted)
                    } else if let opened = enter(child, in: fd) {
                        stack.append(opened)
                    } else {
                        removeFile(child, in: fd)
                    }
                    continue
                }
                close(frame.fd)
                unlinkat(stack.last?.fd ?? folder, frame.name, AT_REMOVEDIR)
            }
        }
    }

    /// Moves the folder `name` out of the folder open at `from` into the one open at `into`, under a
    /// name no entry there has; the new name, or nil when it could not be moved.
    private static func hoist(_ name: String, from: Int32, into: Int32, counter: inout Int) -> String? {
        for _ in 0..<16 {
            counter += 1
            // Named by thread too: removals running side by side move folders into the same one.
            let target = ".sitegen-removing-\(getpid())-\(UInt(bitPattern: Int(bitPattern: pthread_self())))-\(counter)"
            var info = stat()
            guard fstatat(into, target, &info, AT_SYMLINK_NOFOLLOW) != 0 else { continue }
            if renameat(from, name, into, target) == 0 { return target }
        }
        return nil
    }

    /// Opens the folder `name` in the folder open at `parent` (or a path, with `AT_FDCWD`), following
    /// no link in its place and, below the top, crossing into no other mount (``sg_open_folder_here``):
    /// a folder mounted inside is left, with what it holds; -1 when it is not a folder or cannot be opened.
    private static func openFolder(_ parent: Int32, _ name: String) -> Int32 {
        parent == AT_FDCWD ? openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : sg_open_folder_here(parent, name)
    }
}
