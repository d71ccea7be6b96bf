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
    /// `content.symlink` warning for each link that leads outside the source or nowhere.
    /// `include` picks the file names to keep.
    package func files(under folder: String, include: (String) -> Bool = { _ in true }) -> ([File], [Diagnostic]) {
        var out: [File] = []
        var diagnostics: [Diagnostic] = []
        // Folders already walked, by resolved path: a link back up the tree is walked once.
        var visited: Set<String> = []
        var stack: [(path: String, relative: String)] = [(sourceDirectory + "/" + folder, "")]
        while let (dir, prefix) = stack.popLast() {
            guard visited.insert(Folder.realPath(dir)).inserted else { continue }
            for name in Folder.entries(dir).sorted() where !name.hasPrefix(".") {
                let full = dir + "/" + name
                let relative = prefix + name
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                var type = info.st_mode & S_IFMT
                if type == S_IFLNK {
                    let shown = folder + "/" + relative
                    var target = stat()
                    let resolved = Folder.realPath(full)
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
                }
                if type == S_IFDIR {
                    stack.append((full, relative + "/"))
                } else if type == S_IFREG, include(name) {
                    out.append(File(relative: relative, path: full))
                }
            }
        }
        out.sort { $0.relative < $1.relative }
        return (out, diagnostics)
    }
}
