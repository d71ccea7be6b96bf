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
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw OutputError.io("cannot create the lock file \(path): \(errnoText())") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = FileReader.read(path).map { String(decoding: $0, as: UTF8.self) }?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
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
