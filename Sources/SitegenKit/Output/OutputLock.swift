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
        // Opened without waiting and without becoming a terminal's reader: only a regular file is a lock
        // (a FIFO or a device in its place is refused, not written to or read from).
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o644)
        guard fd >= 0 else { throw OutputError.io("cannot create the lock file \(path): \(errnoText())") }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw OutputError.io("the lock file \(path) is not a regular file; remove it and build again")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            // The holder's number, read from the file already open: a few bytes at most.
            var bytes = [UInt8](repeating: 0, count: 32)
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
            let holder = String(decoding: bytes.prefix(max(0, n)).filter { (0x30...0x39).contains($0) }, as: UTF8.self)
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
