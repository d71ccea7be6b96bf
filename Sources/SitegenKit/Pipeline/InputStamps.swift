import CPosix
import Foundation
import SitegenCore

/// The digest of each input file as the last published build took it, with the file's stamp at that
/// moment (device, inode, size, mode, times of modification and of change), kept beside the output
/// (`.site.inputs` for `site/`): a file whose stamp is still the same is not read again for its digest
/// (``InputDigest``). A site's images and documents under `static/` are most of what a build reads,
/// and nearly always unchanged.
///
/// Any write to a file, a rename onto its name or a change of its mode moves its time of change, and no
/// program can set that time back. A stamp is kept only for a file last changed two seconds or more
/// before its digest was taken: a file written twice within one tick of a coarse clock (or of a file
/// system that keeps whole seconds) could show the same stamp for other bytes, never one changed that
/// long before. A file of stamps that is not whole or not of this form counts as none, and every input
/// is read; what it can make a build believe is only that a file is as it was (pages are still
/// checked whenever they are built).
struct InputStamps: Sendable, Equatable {
    static let header = Array("sitegen input stamps 1\n".utf8)
    /// How long before its digest is taken a file must have been changed for its stamp to be kept.
    static let settling: Int64 = 2_000_000_000

    /// What the system says of a file; the same stamp, the same bytes (see the type's note).
    struct Stamp: Equatable, Sendable {
        var device: Int
        var inode: Int
        var size: Int
        var mode: Int
        /// Times of modification and of change, in nanoseconds since 1970.
        var modified: Int64
        var changed: Int64

        init(_ info: stat) {
            device = Int(truncatingIfNeeded: info.st_dev)
            inode = Int(truncatingIfNeeded: info.st_ino)
            size = Int(info.st_size)
            mode = Int(info.st_mode)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        }

        init(device: Int, inode: Int, size: Int, mode: Int, modified: Int64, changed: Int64) {
            (self.device, self.inode, self.size, self.mode, self.modified, self.changed) = (device, inode, size, mode, modified, changed)
        }

        /// Whether the file was last changed (and modified) before `time` (nanoseconds since 1970).
        func isSettled(before time: Int64) -> Bool { changed < time && modified < time }
    }

    struct Entry: Equatable, Sendable {
        var stamp: Stamp
        /// ``InputDigest``'s digest of the file's bytes.
        var digest: String
    }

    /// By the input's path in the source (`sitegen.yml`, `content/kk/42500/apply.md`).
    var entries: [String: Entry] = [:]

    /// The file of stamps for an output folder: `.site.inputs` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".inputs")
    }

    /// The digest of the file at `path` (named `name` in the source), from `self` when its stamp is the
    /// one kept, else read; with the entry to keep of it (nil when it was read within ``settling`` of
    /// `now`, or is not a regular file). A file that cannot be read has the digest "unreadable".
    func digest(_ path: String, name: String, now: Int64) -> (digest: String, entry: Entry?) {
        var info = stat()
        if let known = entries[name], stat(path, &info) == 0, Stamp(info) == known.stamp { return (known.digest, known) }
        // Read through the descriptor the stamp is taken of: a file replaced meanwhile is not taken for
        // the bytes of the other.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return ("unreadable", nil) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, let bytes = FileReader.read(descriptor: fd, size: Int(info.st_size)) else { return ("unreadable", nil) }
        let digest = SHA256Digest.sized(bytes)
        let stamp = Stamp(info)
        let kept = (info.st_mode & S_IFMT) == S_IFREG && stamp.isSettled(before: now - Self.settling)
        return (digest, kept ? Entry(stamp: stamp, digest: digest) : nil)
    }

    /// The time now, in nanoseconds since 1970, as ``digest(_:name:now:)`` takes it.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    // MARK: The file

    /// The stamps beside `destination`; none when there is no such file, or it is not whole (the line
    /// after the header is the digest of the rest).
    static func read(for destination: String) -> InputStamps {
        guard let bytes = FileReader.read(path(for: destination), followingLinks: false, limit: 1 << 30),
              bytes.count >= header.count + 65, Array(bytes[..<header.count]) == header else { return InputStamps() }
        let body = (header.count + 65)..<bytes.count
        let digest = bytes.withUnsafeBytes { SHA256Digest.hex(SHA256Digest.bytes(UnsafeRawBufferPointer(rebasing: $0[body]))) }
        guard Array(digest.utf8) + [UInt8(ascii: "\n")] == Array(bytes[header.count..<body.lowerBound]) else { return InputStamps() }
        var r = ByteReader(bytes, in: body)
        var stamps = InputStamps()
        do {
            let count = try r.count()
            stamps.entries.reserveCapacity(count)
            for _ in 0..<count {
                let name = try r.string()
                let stamp = Stamp(device: try r.int(), inode: try r.int(), size: try r.int(), mode: try r.int(),
                                  modified: Int64(try r.int()), changed: Int64(try r.int()))
                stamps.entries[name] = Entry(stamp: stamp, digest: try r.string())
            }
            guard r.isAtEnd else { return InputStamps() }
        } catch {
            return InputStamps()
        }
        return stamps
    }

    /// Writes the stamps beside `destination` (through a temporary file and a rename), in the order of
    /// their names: the same stamps, the same file. On failure there is no file, which only costs reading.
    func write(for destination: String) {
        var w = ByteWriter()
        w.int(entries.count)
        for (name, entry) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            w.string(name)
            for value in [entry.stamp.device, entry.stamp.inode, entry.stamp.size, entry.stamp.mode,
                          Int(entry.stamp.modified), Int(entry.stamp.changed)] { w.int(value) }
            w.string(entry.digest)
        }
        let file = Self.header + Array((SHA256Digest.hex(w.bytes) + "\n").utf8) + w.bytes
        OutputTree.replaceFile(Self.path(for: destination)) { fd in file.withUnsafeBytes { OutputTree.writeAll(fd, $0) } }
    }

    /// Forgets the stamps beside `destination`.
    static func remove(for destination: String) { unlink(path(for: destination)) }
}
