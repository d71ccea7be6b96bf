import Foundation

/// Reads whole files with plain POSIX calls into byte arrays: thousands of small files per build,
/// where going through `Data` costs an extra copy each.
package enum FileReader {
    /// The file's bytes, nil when it cannot be read (errno says why). Only a regular file is read: a
    /// FIFO, socket or device at the path reads as nothing, with errno `notRegularFile` (`EISDIR` for
    /// a folder), and is never waited for, since it is opened without blocking; a FIFO put where an
    /// input belongs would otherwise hang the build, and a device such as /dev/zero never ends. Without
    /// `followingLinks`, a symbolic link at the end of the path reads as nothing too; so does a file of
    /// more than `limit` bytes (errno `EFBIG`).
    package static func read(_ path: String, followingLinks: Bool = true, limit: Int = FileReader.limit) -> [UInt8]? {
        // Looked at before it is opened: opening a device may itself do something, and a socket is not
        // opened at all (ENXIO, which would say nothing of why). Looked at again once open, since the
        // path may name another file by then.
        var before = stat()
        if (followingLinks ? stat(path, &before) : lstat(path, &before)) == 0, !isRegular(before) { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        guard isRegular(info) else { return nil }
        guard Int(info.st_size) <= limit else {
            errno = EFBIG
            return nil
        }
        return read(descriptor: fd, size: Int(info.st_size), limit: limit)
    }

    /// The most a whole-file read takes unless told otherwise: a file is read into memory whole, and a
    /// larger one (a 20 GB file in `static/`) would end the build with a failed allocation and no word
    /// of which file it was.
    package static let limit = 1 << 30

    /// The errno a read sets for something that is there but is no regular file (a FIFO, socket or
    /// device). Linux has none of its own for this; `errnoText` names it.
    package static let notRegularFile: Int32 = 0x5347
    /// What `errnoText` says for `notRegularFile`.
    package static let notRegularFileText = "not a regular file (a pipe, socket or device), which is never read"

    /// What a file of this type (`st_mode & S_IFMT`), neither regular nor a folder, is, in a message:
    /// "a FIFO", "a socket", "a device".
    package static func kindName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }

    /// Whether nothing is at `path`: true only when looking at it says so (ENOENT). A path that cannot
    /// be looked at (a folder on the way that may not be entered) is no proof of absence, so a read that
    /// failed there is reported as a failure, not as a missing file.
    package static func isAbsent(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }

    /// Whether `info` is a regular file; when not, errno is set to say so (see `notRegularFile`).
    package static func isRegular(_ info: stat) -> Bool {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return true
        case S_IFDIR: errno = EISDIR
        default: errno = notRegularFile
        }
        return false
    }

    /// The file's bytes, nil when it cannot be read or is no longer the file `identity` names (device
    /// and inode, as a walk saw it): what is read is what was judged, even if a link on the way was
    /// swapped in between.
    package static func read(_ path: String, identity: FileIdentity, limit: Int = FileReader.limit) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, isRegular(info) else { return nil }
        guard FileIdentity(info) == identity else {
            errno = ESTALE
            return nil
        }
        guard Int(info.st_size) <= limit else {
            errno = EFBIG
            return nil
        }
        return read(descriptor: fd, size: Int(info.st_size), limit: limit)
    }

    /// Fills `buffer` with the bytes of an open file from `offset` on (`pread`, so the file's own
    /// position is untouched and several threads may read it at once). False when they cannot all be
    /// read: a read error (errno says which), or the file ends first (errno 0).
    package static func read(descriptor fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Bool {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                if n == 0 { errno = 0 }
                return false
            }
            done += n
        }
        return true
    }

    /// The bytes of an open file from where it stands to its end, `size` (what `fstat` gave) the room
    /// made first; nil on a read error, or once more than `limit` bytes came (a file still growing).
    /// The caller keeps and closes the descriptor.
    package static func read(descriptor fd: Int32, size: Int, limit: Int = .max) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(0, size))
        var filled = 0
        // The size stat gave is read into an array of that size; a file that grew since is read on in
        // small steps, so that the usual case never grows (and copies) the array.
        var probe: [UInt8] = []
        while true {
            let n: Int
            if filled < bytes.count {
                n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            } else {
                if probe.isEmpty { probe = [UInt8](repeating: 0, count: 4096) }
                n = probe.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
                if n > 0 { bytes.append(contentsOf: probe[..<n]) }
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
            if filled > limit {
                errno = EFBIG
                return nil
            }
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

/// A file as the system knows it, whatever its names: device and inode. Two paths with the same
/// identity are one file (a hard link, or a symbolic link's target).
package struct FileIdentity: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64

    package init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
