import CPosix
import Foundation
import SitegenCore

/// One build at a time into one output: an exclusive `flock` on a file beside the output, held from
/// before the leftovers are cleaned until the new site is in place. The system releases it when the
/// process ends however it ends, so a killed build never leaves the output locked.
///
/// The lock file is never written to: whatever stands at its name (a second name of another file, a
/// file mounted there) keeps its bytes. Which process holds the lock is asked of the system.
final class OutputLock {
    private let fd: Int32

    /// The lock file for an output folder: `.site.lock` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".lock")
    }

    /// Takes the lock, or throws at once naming the process that holds it.
    init(destination: String) throws {
        let path = Self.path(for: destination)
        let refused = Refusal.notAFile(lock: path)
        var opened: Int32 = -1
        // Twice at most: the file may be made (by a build starting at the same moment) or removed between
        // the look at its name and the open.
        for _ in 0..<2 where opened < 0 {
            var info = stat()
            if lstat(path, &info) != 0 {
                // Nothing there: a new file, and nothing else (`O_EXCL`), is made.
                opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0o644)
                if opened < 0 && errno == EEXIST { continue }
            } else {
                guard (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else { throw refused }
                opened = Self.openChecked(path)
                if opened == -2 { throw refused }
                if opened < 0 && errno == ENOENT { continue }
            }
            break
        }
        fd = opened
        guard fd >= 0 else { throw OutputError.io("cannot open the lock file \(path): \(errnoText())") }
        // What was opened is a regular file with one name (checked again: the name may have changed hands).
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else {
            close(fd)
            throw refused
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.holder(of: info)
            close(fd)
            throw Refusal.held(output: destination, process: holder)
        }
    }

    /// Why the output could not be locked, told in the editors' language (``SiteBuilder``).
    enum Refusal: Error {
        /// Another build holds the lock: the process the system lists for it, if any.
        case held(output: String, process: Int32?)
        /// What stands at the lock's name is not a regular file of its own; it is kept.
        case notAFile(lock: String)
    }

    /// Opens the existing lock file for reading and writing only once what its name stands for is known
    /// to be a regular file, so that nothing else (a device swapped in meanwhile) is ever opened: on
    /// Linux, through a descriptor that only names the file (``sg_open_name(_:)``, which opens nothing),
    /// checked, then opened again as the same file (`/proc/self/fd`). -2 when it is not a regular file of
    /// one name.
    private static func openChecked(_ path: String) -> Int32 {
        let flags = O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOCTTY
        let named = sg_open_name(path)
        // Where a name alone cannot be opened, the name is opened as it is, and what was opened checked
        // by the caller.
        guard named >= 0 || errno != ENOSYS else { return open(path, flags | O_NOFOLLOW) }
        guard named >= 0 else { return -1 }
        defer { close(named) }
        var info = stat()
        guard fstat(named, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_nlink == 1 else { return -2 }
        let reopened = open("/proc/self/fd/\(named)", flags)
        // Without /proc, likewise.
        if reopened < 0 && errno == ENOENT { return open(path, flags | O_NOFOLLOW) }
        return reopened
    }

    /// The process that holds the `flock` on the file of `info`, as the system lists the locks it holds
    /// (`/proc/locks`: `1: FLOCK  ADVISORY  WRITE 1234 fe:00:16220629 0 EOF`); nil where there is no
    /// such list or it names none.
    static func holder(of info: stat) -> Int32? {
        guard let bytes = FileReader.read("/proc/locks", limit: 4 << 20) else { return nil }
        let dev = UInt64(info.st_dev)
        let major = ((dev >> 8) & 0xFFF) | ((dev >> 32) & ~UInt64(0xFFF))
        let minor = (dev & 0xFF) | ((dev >> 12) & ~UInt64(0xFF))
        let file = String(format: "%02llx:%02llx:%llu", major, minor, UInt64(info.st_ino))
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            // A lock waited for is listed after `->`; a build never waits for one.
            guard fields.count >= 6, fields[1] == "FLOCK", fields[5] == file, let pid = Int32(fields[4]), pid > 0 else { continue }
            return pid
        }
        return nil
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
