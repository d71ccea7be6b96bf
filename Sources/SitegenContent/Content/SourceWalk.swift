import Foundation
import SitegenCore

/// Lists the files below a folder of the source (`content/`, `static/`), following a symbolic link
/// only when it leads to a place inside the source folder. A link that leads outside is not followed
/// (nothing outside the source is ever published) and is reported, so a page never silently vanishes.
package struct SourceWalk {
    /// The source folder, resolved: links must stay below it.
    let sourceRoot: String
    /// The source folder as the editor named it, for the paths in diagnostics.
    let sourceDirectory: String

    package init(sourceDirectory: String) {
        self.sourceDirectory = sourceDirectory
        sourceRoot = Folder.realPath(sourceDirectory)
    }

    /// Whether `relative` names a regular file that is inside the source folder once every link on
    /// the way is followed: what a walk would list. Anything else is never read for a page or shown.
    package static func isInsideSource(_ relative: String, sourceDirectory: String) -> Bool {
        let root = Folder.realPath(sourceDirectory)
        let real = Folder.realPath(sourceDirectory + "/" + relative)
        var info = stat()
        return real.hasPrefix(root + "/") && stat(real, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// A file found: its path relative to the walked folder, and where to read it.
    package struct File {
        package var relative: String
        package var path: String
    }

    /// The regular files below `folder` (relative to the source), hidden names skipped, with a
    /// `content.symlink` warning for each link that leads outside the source, nowhere, or back to a
    /// folder above it, and a `content.symlink-twice` error for a folder reached under a second name.
    /// `include` picks the file names to keep.
    ///
    /// Each folder is read once, under the name it has without links: folders reached through links are
    /// walked only after every other, in order of their names, so which name a folder's pages take never
    /// depends on how the names sort. A folder reached again is reported, not silently dropped: a
    /// `content/ru` that links to `content/kk` would otherwise publish one of the two languages and lose
    /// the other without a word.
    package func files(under folder: String, include: (String) -> Bool = { _ in true }) -> ([File], [Diagnostic]) {
        var out: [File] = []
        var diagnostics: [Diagnostic] = []
        // Folders already walked, by resolved path, with the name each was read under.
        var visited: [String: String] = [:]
        var stack: [Entry] = [Entry(path: sourceDirectory + "/" + folder, relative: "", real: Folder.realPath(sourceDirectory + "/" + folder))]
        var linked: [Entry] = []
        while true {
            guard let next = stack.popLast() ?? takeFirst(&linked) else { break }
            let shown = folder + (next.relative.isEmpty ? "" : "/" + next.relative.dropLast())
            // A second name for a folder read already: its pages would be published under one of
            // the two and be missing from the other.
            if let first = visited[next.real] {
                diagnostics.append(.error("content.symlink-twice", id: "content.symlink-twice",
                                          ["path": shown, "other": first], file: shown))
                continue
            }
            visited[next.real] = shown
            // Listed by its resolved path: `entries` opens no link in the folder's own place, so a
            // folder reached through one would list as empty and its pages vanish without a word.
            for name in Folder.entries(next.real).sorted() where !name.hasPrefix(".") {
                let full = next.path + "/" + name
                let relative = next.relative + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                var type = info.st_mode & S_IFMT
                var resolved = next.real + "/" + name
                let isLink = type == S_IFLNK
                if isLink {
                    let shown = folder + "/" + relative
                    var target = stat()
                    resolved = Folder.realPath(full)
                    guard stat(full, &target) == 0 else {
                        diagnostics.append(.warning("content.symlink", id: "content.symlink.dangling",
                                                    ["path": shown, "target": resolved],
                                                    file: shown))
                        continue
                    }
                    guard resolved == sourceRoot || resolved.hasPrefix(sourceRoot + "/") else {
                        diagnostics.append(.warning("content.symlink", id: "content.symlink.outside",
                                                    ["path": shown, "target": resolved],
                                                    file: shown))
                        continue
                    }
                    type = target.st_mode & S_IFMT
                    // A link to the folder it stands in, or to one above it, leads back to itself.
                    if type == S_IFDIR, next.real == resolved || next.real.hasPrefix(resolved + "/") {
                        diagnostics.append(.warning("content.symlink", id: "content.symlink.loop",
                                                    ["path": shown, "target": resolved], file: shown))
                        continue
                    }
                }
                if type == S_IFDIR {
                    let entry = Entry(path: full, relative: relative + "/", real: resolved)
                    if isLink { linked.append(entry) } else { stack.append(entry) }
                } else if type == S_IFREG, include(name) {
                    out.append(File(relative: relative, path: full))
                }
            }
        }
        out.sort { $0.relative < $1.relative }
        return (out, diagnostics)
    }

    /// A folder to walk: where it is, its name below the walked folder (ending in `/`), its resolved path.
    private struct Entry {
        var path: String
        var relative: String
        var real: String
    }

    /// The linked folder whose name sorts first: links are walked in order of their names.
    private func takeFirst(_ linked: inout [Entry]) -> Entry? {
        guard let i = linked.indices.min(by: { linked[$0].relative < linked[$1].relative }) else { return nil }
        return linked.remove(at: i)
    }
}
