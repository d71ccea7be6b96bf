import Foundation
import SitegenCore

/// Lists the files below a folder of the source (`content/`, `static/`), following a symbolic link
/// only when it leads to a place inside the source folder that the walk may read: not outside it, not
/// into a hidden folder (`.git`), and not into another of the build's inputs (`static/c` linked to
/// `content/` would publish every page's Markdown, drafts included). A link not followed is reported,
/// so a page never silently vanishes.
package struct SourceWalk {
    /// The source folder, resolved: links must stay below it.
    let sourceRoot: String
    /// The source folder as the editor named it, for the paths in diagnostics.
    let sourceDirectory: String

    /// The folders (and the file) of the source the build reads as inputs of their own: none is read
    /// through another.
    package static let inputs = ["content", "static", "templates", "i18n", "sitegen.yml"]
    /// Each input by its name, resolved: a link is held to where they are, not to their names.
    let resolvedInputs: [(name: String, real: String)]

    package init(sourceDirectory: String) {
        self.sourceDirectory = sourceDirectory
        sourceRoot = Folder.realPath(sourceDirectory)
        resolvedInputs = Self.inputs.map { ($0, Folder.realPath(sourceDirectory + "/" + $0)) }
    }

    /// Whether `relative` names a regular file that a walk of its folder would list, once every link
    /// on the way is followed: anything else is never read for a page or shown.
    package static func isInsideSource(_ relative: String, sourceDirectory: String) -> Bool {
        let walk = SourceWalk(sourceDirectory: sourceDirectory)
        let folder = String(relative.prefix { $0 != "/" })
        let real = Folder.realPath(sourceDirectory + "/" + relative)
        var info = stat()
        return walk.refusal(of: real, walking: folder) == nil && stat(real, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Why a resolved path may not be read by the walk of `folder`: the id of the `content.symlink`
    /// warning, or nil when it may. Another input is compared where it resolves to, both ways: a
    /// place inside it, and a place holding it (the site folder itself, linked as `static/`).
    package func refusal(of resolved: String, walking folder: String) -> String? {
        guard resolved == sourceRoot || resolved.hasPrefix(sourceRoot + "/") else { return "content.symlink.outside" }
        let below = resolved.dropFirst(sourceRoot.count).split(separator: "/")
        if below.contains(where: { $0.hasPrefix(".") }) { return "content.symlink.hidden" }
        for input in resolvedInputs where input.name != folder {
            if resolved == input.real || resolved.hasPrefix(input.real + "/") || input.real.hasPrefix(resolved + "/") {
                return "content.symlink.input"
            }
        }
        return nil
    }

    /// A file found: its path relative to the walked folder, where to read it, and which file it is
    /// (the same through any link, a hard link too).
    package struct File {
        package var relative: String
        package var path: String
        package var identity: FileIdentity? = nil
    }

    /// The regular files below `folder` (relative to the source), hidden names skipped, with a
    /// `content.symlink` warning for each link that is not followed (see ``refusal(of:walking:)``; a
    /// link back to a folder the walk is in is a loop) and a `content.symlink-twice` error for a folder
    /// reached under a second name where it holds files the walk keeps. `include` picks the file names
    /// to keep.
    ///
    /// Each folder is read once, under the name it has without links: folders reached through links are
    /// walked only after every other, in order of their names, so which name a folder's files take never
    /// depends on how the names sort. A folder reached again is reported, not silently dropped: a
    /// `content/ru` that links to `content/kk` would otherwise publish one of the two languages and lose
    /// the other without a word.
    package func files(under folder: String, include: (String) -> Bool = { _ in true }) -> ([File], [Diagnostic]) {
        var out: [File] = []
        var diagnostics: [Diagnostic] = []
        // The walked folder itself may be a link: it is held to the same rules as any other, and not
        // reading it is an error: a site published without its pages or its styles would replace the last.
        let rootReal = Folder.realPath(sourceDirectory + "/" + folder)
        if let id = refusal(of: rootReal, walking: folder) {
            return ([], [.error("content.symlink", id: id, ["path": folder, "target": rootReal], file: folder)])
        }
        // Folders already walked, by resolved path, with the name each was read under.
        var visited: [String: String] = [:]
        // Second names of folders already walked: an error only where the first name holds kept files.
        var again: [(shown: String, first: String)] = []
        var stack: [Entry] = [Entry(path: sourceDirectory + "/" + folder, relative: "", real: rootReal, chain: [rootReal])]
        var linked: [Entry] = []
        while true {
            if stack.isEmpty {
                // The links found so far, in order of their names (the first on top of the stack).
                stack = linked.sorted { $0.relative > $1.relative }
                linked = []
            }
            guard let next = stack.popLast() else { break }
            let shown = folder + (next.relative.isEmpty ? "" : "/" + next.relative.dropLast())
            if let first = visited[next.real] {
                again.append((shown, first))
                continue
            }
            visited[next.real] = shown
            // Listed by its resolved path: `entries` opens no link in the folder's own place, so a
            // folder reached through one would list as empty and its files vanish without a word.
            guard let listing = Folder.listing(next.real) else {
                // A folder that cannot be read may hold pages or files: taking it for empty would publish
                // the site without them and say nothing.
                diagnostics.append(.error("content.io", id: "content.io.folder", ["reason": errnoText()], file: shown))
                continue
            }
            // A name that is not UTF-8 can be neither opened by its String nor put in an address: it
            // would be left out without a word. Said, for a folder or a file the walk would keep.
            for name in listing.undecodable.filter({ $0.mayBeFolder || include($0.name) }).map(\.name).sorted() where !name.hasPrefix(".") {
                let path = folder + "/" + next.relative + name
                diagnostics.append(.error("content.filename", id: "content.filename.bytes", ["path": path], file: path))
            }
            for name in listing.names.sorted() where !name.hasPrefix(".") {
                let full = next.path + "/" + name
                let relative = next.relative + name
                var info = stat()
                guard lstat(full, &info) == 0 else {
                    // Gone since the folder was listed: nothing to read. Anything else (a path too long
                    // to name, a folder on the way swapped out) would leave the file out without a word.
                    if errno != ENOENT {
                        diagnostics.append(.error("content.io", id: "content.io", ["reason": errnoText()],
                                                  file: folder + "/" + relative))
                    }
                    continue
                }
                var type = info.st_mode & S_IFMT
                var identity = FileIdentity(info)
                var resolved = next.real + "/" + name
                let isLink = type == S_IFLNK
                if isLink {
                    let linkShown = folder + "/" + relative
                    var target = stat()
                    resolved = Folder.realPath(full)
                    guard stat(full, &target) == 0 else {
                        // What the link says, as written: the place that is not there (or a loop of links).
                        let written = (try? FileManager.default.destinationOfSymbolicLink(atPath: full)) ?? resolved
                        diagnostics.append(.warning("content.symlink", id: "content.symlink.dangling",
                                                    ["path": linkShown, "target": written], file: linkShown))
                        continue
                    }
                    type = target.st_mode & S_IFMT
                    identity = FileIdentity(target)
                    // A link to a folder the walk is in, or to one holding it, leads back to itself
                    // (also through other links: the chain is of resolved folders).
                    if type == S_IFDIR, next.chain.contains(where: { $0 == resolved || $0.hasPrefix(resolved + "/") }) {
                        diagnostics.append(.warning("content.symlink", id: "content.symlink.loop",
                                                    ["path": linkShown, "target": resolved], file: linkShown))
                        continue
                    }
                    if let id = refusal(of: resolved, walking: folder) {
                        diagnostics.append(.warning("content.symlink", id: id, ["path": linkShown, "target": resolved], file: linkShown))
                        continue
                    }
                }
                if type == S_IFDIR {
                    let entry = Entry(path: full, relative: relative + "/", real: resolved, chain: next.chain + [resolved])
                    if isLink { linked.append(entry) } else { stack.append(entry) }
                } else if type == S_IFREG, include(name) {
                    out.append(File(relative: relative, path: full, identity: identity))
                } else if include(name) {
                    // A FIFO, socket or device is never read (a FIFO would hang the build): the page or
                    // file it stands for would be missing from the site, so it is an error, not a gap.
                    diagnostics.append(.error("content.io", id: "content.io.not-regular", ["reason": FileReader.kindName(type)],
                                              file: folder + "/" + relative))
                }
            }
        }
        // A second name is an error where the first holds files: they would be published under one
        // of the two and be missing from the other. A folder of images shared by two languages' pages
        // holds nothing the walk of content/ keeps, and loses nothing.
        let firsts = Set(again.map(\.first))
        var holding: Set<String> = []
        for file in out {
            let path = folder + "/" + file.relative
            for i in path.indices where path[i] == "/" && firsts.contains(String(path[..<i])) { holding.insert(String(path[..<i])) }
        }
        for (shown, first) in again where holding.contains(first) {
            diagnostics.append(.error("content.symlink-twice", id: "content.symlink-twice", ["path": shown, "other": first], file: shown))
        }
        out.sort { $0.relative < $1.relative }
        return (out, diagnostics)
    }

    /// A folder to walk: where it is, its name below the walked folder (ending in `/`), its resolved
    /// path, and the resolved folders from the walked one down to it.
    private struct Entry {
        var path: String
        var relative: String
        var real: String
        var chain: [String]
    }
}
