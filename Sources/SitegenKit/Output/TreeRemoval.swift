import Foundation
import SitegenCore

/// Removes a folder and everything below it without ever following a symbolic link: a link inside
/// an old site is removed as a link, and whatever it points to is left alone. Iterative, so no depth
/// of folders can exhaust the stack.
enum TreeRemoval {
    /// Removes `path` (a file, a link or a folder). The work below the first two levels is shared out
    /// over every core: a large site is tens of thousands of unlink calls.
    static func remove(_ path: String) {
        guard isDirectory(path) else {
            unlink(path)
            return
        }
        var parts: [(path: String, isFolder: Bool)] = []
        for top in Folder.entryKinds(path) where top.name != OutputFolder.markerName {
            let sub = path + "/" + top.name
            guard top.isFolder else {
                parts.append((sub, false))
                continue
            }
            let children = Folder.entryKinds(sub)
            parts += children.isEmpty ? [(sub, true)] : children.map { (sub + "/" + $0.name, $0.isFolder) }
        }
        _ = Parallel.map(parts) { part in
            if part.isFolder { removeSerially(part.path) } else { unlink(part.path) }
        }
        // The marker goes last: a removal cut short leaves a folder that still says it is sitegen's,
        // which the next build removes as a leftover.
        unlink(path + "/" + OutputFolder.markerName)
        removeSerially(path)
    }

    /// Removes one tree on this thread, deepest folders first.
    static func removeSerially(_ root: String) {
        guard isDirectory(root) else {
            unlink(root)
            return
        }
        // Folders in the order found; removed in reverse once their files are gone.
        var folders: [String] = [root]
        var index = 0
        while index < folders.count {
            let dir = folders[index]
            index += 1
            // The kind readdir gives: no status is asked of each file.
            for entry in Folder.entryKinds(dir) {
                let full = dir + "/" + entry.name
                if entry.isFolder { folders.append(full) } else { unlink(full) }
            }
        }
        for dir in folders.reversed() { rmdir(dir) }
    }

    /// Whether `path` is a folder itself, not a link to one.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
