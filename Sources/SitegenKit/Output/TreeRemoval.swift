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
        var parts: [String] = []
        for top in Folder.entries(path) where top != OutputFolder.markerName {
            let sub = path + "/" + top
            guard isDirectory(sub) else {
                parts.append(sub)
                continue
            }
            let children = Folder.entries(sub)
            parts += children.isEmpty ? [sub] : children.map { sub + "/" + $0 }
        }
        _ = Parallel.map(parts) { removeSerially($0) }
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
            for name in Folder.entries(dir) {
                let full = dir + "/" + name
                if isDirectory(full) { folders.append(full) } else { unlink(full) }
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
