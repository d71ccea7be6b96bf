import Foundation

/// What a build knows of one source file's bytes: their count and SHA-256, or that they could not be
/// read. It tells a changed page from an unchanged one.
///
/// Held as a value of 40 bytes, not as its text: a big site keeps one for every page in the inputs'
/// digests and one in every page, and as strings they were a tenth of a 100,000-page build's memory.
package struct SourceDigest: Hashable, Sendable {
    /// The number of bytes; -1 for a file that could not be read.
    package let size: Int
    /// The SHA-256, as four words: held as `SHA256Digest.Bytes` (aligned to 16 bytes) it made this 48.
    private let words: (UInt64, UInt64, UInt64, UInt64)
    private var sha256: SHA256Digest.Bytes { unsafeBitCast(words, to: SHA256Digest.Bytes.self) }

    /// The digest of `bytes`.
    package init(of bytes: [UInt8]) {
        self.init(size: bytes.count, sha256: SHA256Digest.bytes(bytes))
    }

    private init(size: Int, sha256: SHA256Digest.Bytes) {
        self.size = size
        words = unsafeBitCast(sha256, to: (UInt64, UInt64, UInt64, UInt64).self)
    }

    package static func == (a: SourceDigest, b: SourceDigest) -> Bool {
        a.size == b.size && a.words == b.words
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    /// The digest of the regular file at `path` (links followed), nil when ``FileReader/read(_:followingLinks:limit:)``
    /// would not read it (errno says why). A file of more than a megabyte is read a megabyte at a time:
    /// a video kept in `static/` is never whole in memory just to be digested.
    package static func ofFile(_ path: String) -> SourceDigest? {
        // Looked at before it is opened and again once open, as ``FileReader`` does, and opened once.
        var info = stat()
        if stat(path, &info) == 0, !FileReader.isRegular(info) { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, FileReader.isRegular(info) else { return nil }
        guard Int(info.st_size) <= FileReader.limit else {
            errno = EFBIG
            return nil
        }
        if Int(info.st_size) <= Self.piece {
            return FileReader.read(descriptor: fd, size: Int(info.st_size), limit: FileReader.limit).map(SourceDigest.init(of:))
        }
        let stream = SHA256Stream()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.piece, alignment: 16)
        defer { buffer.deallocate() }
        var size = 0
        while true {
            let n = read(fd, buffer.baseAddress, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { break }
            size += n
            // A file that grows past the limit while read is refused as one that was that big.
            guard size <= FileReader.limit else {
                errno = EFBIG
                return nil
            }
            stream.update(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
        return SourceDigest(size: size, sha256: stream.digest())
    }

    /// How much of a big file ``ofFile(_:)`` reads at a time.
    private static let piece = 1 << 20

    /// A file that could not be read: not the same input as any that can.
    package static let unreadable = SourceDigest(size: -1, sha256: SHA256Digest.Bytes())

    /// The digest as it is written down: `1234 ab…` (the size, a space and the lowercase hex), or
    /// `unreadable`.
    package var text: String {
        size < 0 ? "unreadable" : "\(size) " + SHA256Digest.hex(sha256)
    }

    /// A digest from its ``text``; nil for any other text (hex in capitals included).
    package init?(text: String) {
        if text == "unreadable" {
            self = .unreadable
            return
        }
        let utf8 = Array(text.utf8)
        guard let space = utf8.firstIndex(of: UInt8(ascii: " ")), space > 0, space <= 18,
              utf8[..<space].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              !(utf8[0] == UInt8(ascii: "0") && space > 1),
              let size = Int(String(decoding: utf8[..<space], as: UTF8.self)),
              utf8.count - space - 1 == 64 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(32)
        var i = space + 1
        while i < utf8.count {
            guard let high = Self.nibble(utf8[i]), let low = Self.nibble(utf8[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
            i += 2
        }
        self.init(size: size, sha256: SHA256Digest.digest(bytes)!)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}
