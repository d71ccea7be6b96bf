import Foundation
import SitegenCore

/// The digest of each input file as the last published build took it, with the file's stamp then
/// (``FileStamp``), kept beside the output (`.site.inputs` for `site/`): the next build takes the
/// digest of a file whose stamp is still the same from here instead of reading it, so a build after
/// one edit reads one file of `content/`, not every one.
///
/// Only stamps older than the build by more than the steps file times are kept in go here (see
/// ``FileStamp/isSettled(at:margin:)``): a file written again in the step it was read in keeps its
/// stamp, and is read again by every build until its stamp is old enough to tell a change. `--force`
/// reads every file whatever this says. A table that is damaged, cut short or not written by this
/// version is no table: every file is read, which is always safe.
struct InputStamps: Sendable {
    static let header = Array("sitegen input stamps 1\n".utf8)

    /// A digest (``InputDigest``'s form for one file) and the stamp of the file it was taken of.
    struct Known: Equatable, Sendable {
        var stamp: FileStamp
        var digest: String
    }

    /// By the file's name in the source (`content/kk/42500/apply.md`, `sitegen.yml`).
    var files: [String: Known] = [:]

    /// The digest of the file `name` if its stamp is still `stamp`.
    func digest(of name: String, stamp: FileStamp?) -> String? {
        guard let stamp, let known = files[name], known.stamp == stamp else { return nil }
        return known.digest
    }

    /// The table's file for an output folder: `.site.inputs` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".inputs")
    }

    /// The table beside `destination`, or nil when there is none or it is not whole: the line after
    /// the header is the SHA-256 of the rest. Only a regular file is read (a FIFO put in its place
    /// would hang the build).
    static func read(for destination: String) -> InputStamps? {
        guard let bytes = FileReader.read(path(for: destination), followingLinks: false, limit: 256 << 20),
              bytes.count > header.count + 65, bytes.starts(with: header) else { return nil }
        let body = Array(bytes[(header.count + 65)...])
        guard bytes[header.count + 64] == UInt8(ascii: "\n"),
              Array(SHA256Digest.hex(body).utf8) == Array(bytes[header.count..<(header.count + 64)]) else { return nil }
        var r = ByteReader(body)
        var table = InputStamps()
        do {
            let count = try r.count()
            table.files.reserveCapacity(min(count, body.count / 48))
            for _ in 0..<count {
                let name = try r.string()
                let stamp = FileStamp(device: UInt64(bitPattern: Int64(try r.int())), inode: UInt64(bitPattern: Int64(try r.int())),
                                      size: Int64(try r.int()), modified: Int64(try r.int()), changed: Int64(try r.int()))
                table.files[name] = Known(stamp: stamp, digest: try r.string())
            }
        } catch { return nil }
        return r.isAtEnd ? table : nil
    }

    /// Writes the table through a temporary file and a rename, its entries in the order of their names
    /// (the same inputs give the same file); on any failure there is none.
    static func write(_ table: InputStamps, for destination: String) {
        var w = ByteWriter()
        w.int(table.files.count)
        for (name, known) in table.files.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            for n in [Int64(bitPattern: known.stamp.device), Int64(bitPattern: known.stamp.inode), known.stamp.size,
                      known.stamp.modified, known.stamp.changed] { w.int(Int(n)) }
            w.string(known.digest)
        }
        let file = header + Array(SHA256Digest.hex(w.bytes).utf8) + [UInt8(ascii: "\n")] + w.bytes
        OutputTree.replaceFile(path(for: destination)) { fd in file.withUnsafeBytes { OutputTree.writeAll(fd, $0) } }
    }

    /// Forgets the table (with the record it is written beside).
    static func remove(for destination: String) { unlink(path(for: destination)) }
}
