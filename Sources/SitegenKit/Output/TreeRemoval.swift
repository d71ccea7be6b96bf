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

    /// Removes `path` (a file, a link or a folder). The work below the first two levels is shared out
    /// over every core: a large site is tens of thousands of unlink calls.
    static func remove(_ path: String) {
        let root = openFolder(AT_FDCWD, path)
        guard root >= 0 else {
            unlink(path)
            return
        }
        var parts: [Part] = []
        var tops: [(fd: Int32, name: String)] = []
        for top in Folder.entryKinds(in: root) where top.name != OutputFolder.markerName {
            let sub = top.isFolder ? openFolder(root, top.name) : -1
            guard sub >= 0 else {
                // A file or link, or a folder that could not be opened here: removed on its own.
                parts.append(Part(folder: root, name: top.name, isFolder: top.isFolder))
                continue
            }
            tops.append((sub, top.name))
            parts += Folder.entryKinds(in: sub).map { Part(folder: sub, name: $0.name, isFolder: $0.isFolder) }
        }
        _ = Parallel.map(parts) { part in removeSerially(part.name, in: part.folder, isFolder: part.isFolder) }
        for (fd, name) in tops {
            close(fd)
            unlinkat(root, name, AT_REMOVEDIR)
        }
        // The marker goes last: a removal cut short leaves a folder that still says it is sitegen's,
        // which the next build removes as a leftover.
        unlinkat(root, OutputFolder.markerName, 0)
        close(root)
        rmdir(path)
    }

    /// Removes `name` in the folder open at `folder`, and everything below it, on this thread, deepest
    /// folders first. Each folder's descriptor is held while the folders in it are removed: a tree
    /// deeper than this process may open files is left in part, for the next build to remove.
    static func removeSerially(_ name: String, in folder: Int32, isFolder: Bool) {
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
                if entry.isFolder { folders.append(entry.name) } else { unlinkat(fd, entry.name, 0) }
            }
            return Frame(fd: fd, name: name, folders: folders)
        }
        // Not a folder, or no longer one (a link put in its place is removed as a link).
        guard isFolder, let first = enter(name, in: folder) else {
            unlinkat(folder, name, 0)
            return
        }
        var stack = [first]
        while var frame = stack.popLast() {
            if let next = frame.folders.popLast() {
                let fd = frame.fd
                stack.append(frame)
                if let child = enter(next, in: fd) { stack.append(child) } else { unlinkat(fd, next, 0) }
                continue
            }
            close(frame.fd)
            unlinkat(stack.last?.fd ?? folder, frame.name, AT_REMOVEDIR)
        }
    }

    /// Opens the folder `name` in the folder open at `parent` (or a path, with `AT_FDCWD`), following
    /// no link in its place; -1 when it is not a folder or cannot be opened.
    private static func openFolder(_ parent: Int32, _ name: String) -> Int32 {
        openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }
}
