import CPosix
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
        // Name by name, as the system walks it: each name that exists is resolved (a link to its
        // target), and `..` is the parent of what came before as resolved (`link/../x` is the `x` beside
        // the link's target, not beside the link); below the first name that does not exist, no link
        // can stand, and the rest is taken as written.
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var resolved = "/"
        var exists = true
        for name in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            if name == "." { continue }
            if name == ".." {
                resolved = resolved == "/" ? "/" : String(resolved[..<(resolved.lastIndex(of: "/") ?? resolved.startIndex)])
                if resolved.isEmpty { resolved = "/" }
                continue
            }
            let next = (resolved == "/" ? "" : resolved) + "/" + name
            if exists, let real = realpath(next, nil) {
                resolved = String(cString: real)
                free(real)
            } else {
                exists = false
                resolved = next
            }
        }
        return resolved
    }

    /// The names in a folder, opened without following a link in its place (one that is not UTF-8 with
    /// U+FFFD for its bad bytes: it still counts, for a folder that holds only that is not empty); none
    /// when it cannot be read.
    package static func entries(_ dir: String) -> [String] { listing(dir).map { $0.names + $0.undecodable.map(\.name) } ?? [] }

    /// What a folder holds by name: the names that are UTF-8, and the others, with each byte that is
    /// not made U+FFFD (only to be named in a message: no file is found by such a name), each with
    /// whether it may be a folder (it is, it is a link that may lead to one, or the file system does not
    /// say).
    package struct Listing {
        package var names: [String] = []
        package var undecodable: [(name: String, mayBeFolder: Bool)] = []

        package init() {}
    }

    /// The names in a folder, opened without following a link in its place (unless `followingLinks`);
    /// nil (with `errno`) when it cannot be opened or read to its end, so that a caller whose files are
    /// inputs can say so rather than take the folder for empty.
    package static func listing(_ dir: String, followingLinks: Bool = false) -> Listing? {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0, let handle = fdopendir(fd) else {
            let error = errno
            if fd >= 0 { close(fd) }
            errno = error
            return nil
        }
        defer { closedir(handle) }
        var listing = Listing()
        while true {
            // readdir says "the end" and "an error" alike, but for errno.
            errno = 0
            guard let entry = readdir(handle) else { break }
            withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let name = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                if let text = String(validatingCString: name) {
                    if text != "." && text != ".." { listing.names.append(text) }
                } else {
                    let kind = Int32(entry.pointee.d_type)
                    listing.undecodable.append((String(cString: name), kind == DT_DIR || kind == DT_UNKNOWN || kind == DT_LNK))
                }
            }
        }
        return errno == 0 ? listing : nil
    }

    /// Opens the folder named by the bytes `name` (one name, or a path of several) in the folder open at
    /// `parent`, following no link anywhere on the way; -1 (with `errno`) when it is not a folder or
    /// cannot be opened. By bytes: a name that is not UTF-8 is opened as it is.
    ///
    /// A path is opened a name at a time, each from the folder before it: a folder of the path replaced
    /// by a link while a walk reads it (`site/kk/42500` made a link to a copy) is not entered, where
    /// `O_NOFOLLOW` on the whole path guards only its last name. A walk holds two descriptors however
    /// deep it goes, at the cost of one `openat` per name.
    package static func openFolder(_ name: [UInt8], in parent: Int32) -> Int32 {
        func open(_ name: some Collection<UInt8>, in fd: Int32) -> Int32 {
            withCString(Array(name)) { sg_open_folder_here(fd, $0) }
        }
        guard name.contains(UInt8(ascii: "/")) else { return open(name, in: parent) }
        var fd = parent
        for part in name.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            let next = open(part, in: fd)
            let failure = errno
            if fd != parent { close(fd) }
            guard next >= 0 else {
                errno = failure
                return -1
            }
            fd = next
        }
        return fd
    }

    /// Calls `body` with the bytes `name` as a NUL-ended C string.
    package static func withCString<T>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (name + [0]).withUnsafeBufferPointer { bytes in bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }

    /// The names in the folder open at `fd` (which stays open, and is the caller's to close), each with
    /// whether it is a folder itself (not a link to one): the kind `readdir` gives, or `lstat`'s where
    /// the file system does not say.
    package static func entryKinds(in fd: Int32) -> [(name: String, isFolder: Bool)] {
        // Read from the start, whoever read the descriptor before.
        lseek(fd, 0, SEEK_SET)
        var found: [(name: String, isFolder: Bool)] = []
        _ = forEachEntry(in: fd) { name, kind in
            found.append((String(cString: name), Self.kind(kind, of: name, in: fd) == Int32(DT_DIR)))
            return true
        }
        return found
    }

    /// The kind of the entry `name` of the folder open at `fd`, as `readdir` gave it (`kind`), or, where
    /// the file system does not say (`DT_UNKNOWN`), as `lstat` tells it: `DT_DIR`, `DT_REG`, else
    /// `DT_LNK` for anything else. Nil when it cannot be told.
    package static func kind(_ kind: Int32, of name: UnsafePointer<CChar>, in fd: Int32) -> Int32? {
        guard kind == DT_UNKNOWN else { return kind }
        var info = stat()
        guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return Int32(DT_DIR)
        case S_IFREG: return Int32(DT_REG)
        default: return Int32(DT_LNK)
        }
    }

    /// Calls `body` with the name (NUL-ended) and kind (`DT_DIR`, `DT_REG`, … or `DT_UNKNOWN` where the
    /// file system does not say) of each entry of the folder open at `fd`, from where the descriptor
    /// stands, "." and ".." left out, until `body` returns false. False when the folder could not be
    /// read to its end or `body` stopped. On Linux the entries are read straight from the descriptor
    /// (a directory stream costs a second descriptor and checks of it: for a folder of one page's
    /// files, most of what reading it costs); elsewhere through a stream on a duplicate.
    package static func forEachEntry(in fd: Int32, _ body: (UnsafePointer<CChar>, Int32) -> Bool) -> Bool {
        let read: Bool? = withUnsafeTemporaryAllocation(byteCount: 32 << 10, alignment: 8) { buffer in
            while true {
                let n = sg_read_folder(fd, buffer.baseAddress, UInt(buffer.count))
                if n < 0 && errno == EINTR { continue }
                if n < 0 && errno == ENOSYS { return nil }
                guard n > 0 else { return n == 0 }
                var offset = 0
                while offset < n {
                    // A record: inode (8 bytes), offset (8), its length (2), kind (1), the name.
                    let record = buffer.baseAddress! + offset
                    let length = Int(record.loadUnaligned(fromByteOffset: 16, as: UInt16.self))
                    let kind = Int32(record.load(fromByteOffset: 18, as: UInt8.self))
                    let name = (record + 19).assumingMemoryBound(to: CChar.self)
                    guard length > 0 else { return false }
                    offset += length
                    if isDotOrDotDot(name) { continue }
                    guard body(name, kind) else { return false }
                }
            }
        }
        if let read { return read }
        let own = dup(fd)
        guard own >= 0, let handle = fdopendir(own) else {
            if own >= 0 { close(own) }
            return false
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let stop = withUnsafeBytes(of: entry.pointee.d_name) { raw -> Bool in
                let name = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                return !isDotOrDotDot(name) && !body(name, Int32(entry.pointee.d_type))
            }
            if stop { return false }
        }
        return true
    }

    private static func isDotOrDotDot(_ name: UnsafePointer<CChar>) -> Bool {
        name[0] == 0x2E && (name[1] == 0 || (name[1] == 0x2E && name[2] == 0))
    }

    /// The name of an entry `readdir` returned.
    package static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafeBytes(of: entry.pointee.d_name) { raw in
            String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
        }
    }
}

/// The system's words for the last failed call (`errno`), for a diagnostic.
package func errnoText() -> String {
    errno == FileReader.notRegularFile ? FileReader.notRegularFileText : String(cString: strerror(errno))
}
