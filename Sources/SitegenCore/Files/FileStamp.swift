import Foundation

/// What the system says of a file's bytes without reading them: which file it is (device, inode),
/// its size and its times of change (of the bytes, and of the file itself, which no program can put
/// back). A file whose stamp is the same as when it was read holds the bytes read then, provided it
/// was not written again within the granularity of its times (see ``isSettled(at:margin:)``).
package struct FileStamp: Hashable, Sendable {
    package var device: UInt64
    package var inode: UInt64
    package var size: Int64
    /// Nanoseconds since 1970 of the last change of the bytes (`st_mtim`) and of the file (`st_ctim`).
    package var modified: Int64
    package var changed: Int64

    package init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    package init(device: UInt64, inode: UInt64, size: Int64, modified: Int64, changed: Int64) {
        (self.device, self.inode, self.size, self.modified, self.changed) = (device, inode, size, modified, changed)
    }

    /// Whether both times lie at least `margin` nanoseconds before `now`: a file written again after it
    /// was stamped then gets a later time of change than this one (file systems keep times in steps of
    /// up to two seconds, and a write in the same step as the stamp would leave it as it was).
    package func isSettled(at now: Int64, margin: Int64 = 3_000_000_000) -> Bool {
        max(modified, changed) < now - margin
    }

    /// The time now, in nanoseconds since 1970, as file times are kept.
    package static func now() -> Int64 {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}
