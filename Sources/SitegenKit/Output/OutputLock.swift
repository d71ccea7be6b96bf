import Foundation
import SitegenCore

/// One build at a time into one output: an exclusive `flock` on a file beside the output, held from
/// before the leftovers are cleaned until the new site is in place. The system releases it when the
/// process ends however it ends, so a killed build never leaves the output locked.
final class OutputLock {
    private let fd: Int32

    /// The lock file for an output folder: `.site.lock` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".lock")
    }

    /// Takes the lock, or throws at once naming the process that holds it.
    init(destination: String) throws {
        let path = Self.path(for: destination)
        let refused = OutputError.io("the lock file \(path) is not a regular file of its own (a FIFO, a device, a link, "
                                     + "or a second name of another file); remove it and build again")
        // Only a regular file with no other name is a lock: the build writes its number into it, and
        // must never write into a file it did not make. It is looked at before it is opened (opening a
        // device can do something), and opened without waiting or becoming a terminal's reader.
        let flags = O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY
        var before = stat()
        var existed = false
        var opened: Int32 = -1
        // Twice at most: the file may be made (by a build starting at the same moment) or removed between
        // the look and the open.
        for _ in 0..<2 where opened < 0 {
            existed = lstat(path, &before) == 0
            if existed {
                guard (before.st_mode & S_IFMT) == S_IFREG, before.st_nlink == 1 else { throw refused }
                opened = open(path, flags)
                if opened < 0 && errno == ENOENT { continue }
            } else {
                opened = open(path, flags | O_CREAT | O_EXCL, 0o644)
                if opened < 0 && errno == EEXIST { continue }
            }
            break
        }
        fd = opened
        guard fd >= 0 else { throw OutputError.io("cannot open the lock file \(path): \(errnoText())") }
        // What was opened is what was looked at (or what this build made), and still has one name.
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1,
              !existed || (info.st_ino == before.st_ino && info.st_dev == before.st_dev) else {
            close(fd)
            throw refused
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            // The holder's number, read from the file already open: a few bytes at most.
            var bytes = [UInt8](repeating: 0, count: 32)
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            let holder = String(decoding: bytes.prefix(max(0, n)).prefix { (0x30...0x39).contains($0) }, as: UTF8.self)
            close(fd)
            throw OutputError.io("another sitegen build is writing to \(destination)"
                                 + (holder.isEmpty ? "" : " (process \(holder))")
                                 + "; wait until it has finished and build again")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
