import Foundation
import SitegenCore

/// What the system said of each content file when its digest was last taken, with the digest
/// (`.site.sources` beside `site/`), so that the next build takes the digest of a file the system says
/// is unchanged without reading it: a big site's content is most of what a build with little to do reads.
///
/// A file is unchanged when its device, inode, size and times of modification and of change are as
/// they were. The time of change is the one no program can set: any write, rename onto the name,
/// `chmod` or `touch` moves it to the clock's time then. That clock ticks coarsely (a few milliseconds,
/// a second or two on some file systems), so a change in the same tick as the last would keep the time
/// a stamp recorded; and a write through a memory map moves it only when it dirties a clean page, so
/// a second write to a page not yet written back (by default within 30 s) moves nothing. A stamp whose
/// time of change was not at least ``settled`` seconds before its digest was taken (``takenAt``, read
/// before any file was looked at) is not believed, and the file is read again (as git treats a "racily
/// clean" entry). What is left (a program that keeps a file of tmpfs mapped and writes through it; a
/// clock set back; a network file system whose clock is behind this machine's) can leave a page as it
/// was published, judged, until the file is saved again: `build --force` reads every file, and
/// `sitegen check`, whose verdict is on the bytes there now, never takes a stamp.
struct SourceStamps: Sendable {
    static let header = Array("sitegen source stamps 1\n".utf8)
    /// How long before the digests were taken a file's time of change must be for its stamp to be
    /// believed: past the coarsest clock tick, and the kernel's default time to write a dirty page back.
    static let settled = 60

    /// A content file as the system describes it.
    struct Stamp: Equatable, Sendable {
        var device: Int
        var inode: Int
        var size: Int
        var modified: (Int, Int)
        var changed: (Int, Int)

        /// The file at `path` now (links followed, as the file is read); nil when it is not there.
        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = Int(truncatingIfNeeded: info.st_dev)
            inode = Int(truncatingIfNeeded: info.st_ino)
            size = Int(info.st_size)
            modified = (info.st_mtim.tv_sec, info.st_mtim.tv_nsec)
            changed = (info.st_ctim.tv_sec, info.st_ctim.tv_nsec)
        }

        fileprivate init(reading r: inout ByteReader) throws {
            device = try r.int()
            inode = try r.int()
            size = try r.int()
            modified = (try r.int(), try r.int())
            changed = (try r.int(), try r.int())
        }

        fileprivate func write(to w: inout ByteWriter) {
            for value in [device, inode, size, modified.0, modified.1, changed.0, changed.1] { w.int(value) }
        }

        static func == (a: Stamp, b: Stamp) -> Bool {
            a.device == b.device && a.inode == b.inode && a.size == b.size && a.modified == b.modified && a.changed == b.changed
        }
    }

    /// One content file: its path in the source (`content/kk/42500/apply.md`), stamp and digest.
    struct Entry: Sendable {
        var name: String
        var stamp: Stamp
        var digest: SourceDigest
    }

    /// The seconds of the clock's time as the digests began to be taken.
    var takenAt: Int
    /// In the order of their names.
    var entries: [Entry]

    /// The digest recorded for `name`, when the file's stamp now is the one recorded and had settled then.
    /// `index` is where the last name asked for was looked up (nil before the first): names are asked
    /// for in their order, as recorded, so each is looked for from there on.
    func digest(of name: String, stamp: Stamp, at index: inout Int?) -> SourceDigest? {
        var i: Int
        if let index { i = index } else {
            // The first name asked for: found by halves.
            var (low, high) = (0, entries.count)
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].name < name { low = middle + 1 } else { high = middle }
            }
            i = low
        }
        while i < entries.count && entries[i].name < name { i += 1 }
        index = i
        guard i < entries.count, entries[i].name == name else { return nil }
        let entry = entries[i]
        guard entry.stamp == stamp, entry.stamp.changed.0 < takenAt - Self.settled else { return nil }
        return entry.digest
    }

    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".sources")
    }

    /// The largest stamps file read (about half a million content files): a bigger file under the name
    /// is not read into memory on every build, and every content file is read instead.
    static let limit = 64 << 20

    /// The stamps beside `destination`; nil when there are none, or they are not whole (the last line
    /// is the digest of the rest): the files are all read, which is always right.
    static func read(for destination: String) -> SourceStamps? {
        guard let bytes = FileReader.read(path(for: destination), followingLinks: false, limit: limit),
              bytes.count > header.count + 65, bytes.starts(with: header) else { return nil }
        let end = bytes.count - 65
        let seal = bytes.withUnsafeBytes { SHA256Digest.hex(SHA256Digest.bytes(UnsafeRawBufferPointer(rebasing: $0[..<end]))) }
        guard bytes[end...].elementsEqual(Array((seal + "\n").utf8)) else { return nil }
        var r = ByteReader(bytes, in: header.count..<end)
        do {
            let takenAt = try r.int()
            var last = ""
            let entries = try r.array { r -> Entry in
                let name = try r.string()
                let stamp = try Stamp(reading: &r)
                guard let digest = SourceDigest(text: try r.string()), name > last else { throw ByteReader.Malformed() }
                last = name
                return Entry(name: name, stamp: stamp, digest: digest)
            }
            guard r.isAtEnd else { return nil }
            return SourceStamps(takenAt: takenAt, entries: entries)
        } catch {
            return nil
        }
    }

    /// Writes the stamps beside `destination`, through a temporary file and a rename.
    func write(for destination: String) {
        var w = ByteWriter()
        w.int(takenAt)
        w.array(entries) { w, entry in
            w.string(entry.name)
            entry.stamp.write(to: &w)
            w.string(entry.digest.text)
        }
        let bytes = Self.header + w.bytes
        let sealed = bytes + Array((SHA256Digest.hex(bytes) + "\n").utf8)
        OutputTree.replaceFile(Self.path(for: destination)) { fd in
            sealed.withUnsafeBytes { OutputTree.writeAll(fd, $0) }
        }
    }
}
