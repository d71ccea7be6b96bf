import Foundation

/// Folders as the build reads them: real paths, and the names a folder holds, listed without following
/// a link in its place.
package enum Folder {
    /// The absolute path with every symbolic link resolved; for a path that does not exist yet, its
    /// nearest existing ancestor is resolved and the rest appended.
    package static func realPath(_ path: String) -> String {
        // An existing path is resolved as the system reads it: `link/..` is the parent of the link's
        // target, which taking `..` away as text first would not give.
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A relative path in a folder that was deleted (a build run from inside the `site/` it swapped
        // out) has no absolute form: it is answered as it is, not looked for up an endless `../..`.
        if !path.hasPrefix("/") {
            guard let cwd = getcwd(nil, 0) else { return path }
            free(cwd)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var rest: [String] = []
        while true {
            if let resolved = realpath(existing, nil) {
                defer { free(resolved) }
                var base = String(cString: resolved)
                for part in rest.reversed() { base += (base.hasSuffix("/") ? "" : "/") + part }
                return base
            }
            let url = URL(fileURLWithPath: existing)
            if existing == "/" || existing.isEmpty { return absolute }
            rest.append(url.lastPathComponent)
            existing = url.deletingLastPathComponent().path
        }
    }

    /// The names in a folder, opened without following a link in its place.
    package static func entries(_ dir: String) -> [String] {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, let handle = fdopendir(fd) else {
            if fd >= 0 { close(fd) }
            return []
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = Self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The names in the folder open at `fd` (which stays open, and is the caller's to close), each with
    /// whether it is a folder itself (not a link to one): the kind `readdir` gives, or `lstat`'s where
    /// the file system does not say.
    package static func entryKinds(in fd: Int32) -> [(name: String, isFolder: Bool)] {
        let own = dup(fd)
        guard own >= 0, let handle = fdopendir(own) else {
            if own >= 0 { close(own) }
            return []
        }
        defer { closedir(handle) }
        // A duplicate shares its position with `fd`: read from the start, whoever read it before.
        rewinddir(handle)
        var found: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(handle) {
            let name = Self.name(of: entry)
            if name == "." || name == ".." { continue }
            switch Int(entry.pointee.d_type) {
            case Int(DT_DIR): found.append((name, true))
            case Int(DT_UNKNOWN):
                var info = stat()
                found.append((name, fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR))
            default: found.append((name, false))
            }
        }
        return found
    }

    /// The name of an entry `readdir` returned.
    package static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
    }

    /// The name of a folder entry, nil when it is not UTF-8 (``name(of:)`` would stand in U+FFFD for
    /// what is not, and two such names would read as one).
    package static func validName(of entry: UnsafeMutablePointer<dirent>) -> String? {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(validatingCString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
    }
}

/// The system's words for the last failed call (`errno`), for a diagnostic.
package func errnoText() -> String { String(cString: strerror(errno)) }
