import Foundation

/// Writes values as bytes for a file only sitegen reads back (``PageCache``): integers as LEB128
/// varints, strings as their length and UTF-8. Fast to read in bulk, unlike JSON with `Codable`.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        // Zigzag, so a negative number (never expected, but never refused) stays short.
        var v = UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Forgets what was written, keeping the memory for what comes next.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func bytes(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    /// Appends `count` bytes that `fill` puts in place, or nothing when it says it failed.
    mutating func append(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Bool) -> Bool {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        let filled = bytes.withUnsafeMutableBytes { fill(UnsafeMutableRawBufferPointer(rebasing: $0[start...])) }
        if !filled { bytes.removeLast(count) }
        return filled
    }

    mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func array<T>(_ values: [T], _ write: (inout ByteWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what ``ByteWriter`` wrote; any value out of place (a file cut short or not ours) throws.
struct ByteReader {
    struct Malformed: Error {}

    private let data: [UInt8]
    /// Where the next value begins.
    private(set) var offset = 0
    /// Where the bytes to read end: the whole array, or one part of it (``init(_:in:)``).
    private let end: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.init(bytes, in: offset..<bytes.count)
    }

    /// Reads only `range` of `bytes` (one entry of many, read apart from the others).
    init(_ bytes: [UInt8], in range: Range<Int>) {
        self.data = bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { offset == end }

    mutating func int() throws -> Int {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let b = data[offset]
            offset += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1))
    }

    /// A count of things still to read: never more than the bytes left, so a damaged file cannot ask
    /// for a huge allocation.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= end - offset else { throw Malformed() }
        return n
    }

    mutating func bool() throws -> Bool {
        guard offset < end, data[offset] <= 1 else { throw Malformed() }
        offset += 1
        return data[offset - 1] == 1
    }

    mutating func string() throws -> String {
        let n = try count()
        defer { offset += n }
        return String(decoding: data[offset..<(offset + n)], as: UTF8.self)
    }

    mutating func byteRun() throws -> ArraySlice<UInt8> {
        let n = try count()
        defer { offset += n }
        return data[offset..<(offset + n)]
    }

    /// Where a run of bytes lies, skipping it (to read it apart later, with ``init(_:in:)``).
    mutating func span() throws -> Range<Int> {
        let n = try count()
        defer { offset += n }
        return offset..<(offset + n)
    }

    /// A reader of the next run of bytes (framed by its length, as ``ByteWriter/bytes(_:)`` writes
    /// it), which this one skips: the run's fields are read apart, or only some of them.
    mutating func framed() throws -> ByteReader {
        let run = try span()
        return ByteReader(data, in: run)
    }

    /// The next `count` bytes, as they are.
    mutating func fixed(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= end - offset else { throw Malformed() }
        defer { offset += count }
        return data[offset..<(offset + count)]
    }

    /// `body` given the bytes of `range` (offsets in what this reader reads).
    func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try data.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    mutating func optional<T>(_ read: (inout ByteReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    mutating func array<T>(_ read: (inout ByteReader) throws -> T) throws -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
}

/// A file read a stretch at a time, for values that may lie across two reads (``PageCache``, whose
/// entries are read a few megabytes at a time rather than the whole file at once).
struct FileStretches {
    /// How much is read at a time, at least.
    static let stretch = 8 << 20

    let descriptor: Int32
    /// The file's size: no run of bytes is longer than what is left of it.
    let size: Int
    /// What was read and not yet let go; `start` is where the next value begins in it.
    private(set) var bytes: [UInt8] = []
    private(set) var start = 0
    /// The offset in the file of `bytes[0]`.
    private(set) var base = 0
    private var atEnd = false

    init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    /// The next value of a few bytes (a number, a fixed field), read by `read` from what is left,
    /// more of the file read until it is whole. Throws when the file ends first.
    mutating func next<T>(_ read: (inout ByteReader) throws -> T) throws -> T {
        while true {
            if let value = attempt(read) { return value }
            guard !atEnd else { throw ByteReader.Malformed() }
            try readMore(Self.stretch)
        }
    }

    /// `read` over what is left, or nil when it is not enough. Its reader is gone when it returns, so
    /// reading more appends to `bytes` without copying them.
    private mutating func attempt<T>(_ read: (inout ByteReader) throws -> T) -> T? {
        var r = ByteReader(bytes, in: start..<bytes.count)
        guard let value = try? read(&r) else { return nil }
        start = r.offset
        return value
    }

    /// The next run of bytes framed by its length (``ByteWriter/bytes(_:)``): where it lies in
    /// ``bytes``. A length beyond what is left of the file is refused before anything more is read.
    mutating func run() throws -> Range<Int> {
        let count = try next { try $0.int() }
        guard count >= 0, count <= size - (base + start) else { throw ByteReader.Malformed() }
        while bytes.count - start < count {
            guard !atEnd else { throw ByteReader.Malformed() }
            try readMore(max(Self.stretch, count - (bytes.count - start)))
        }
        defer { start += count }
        return start..<(start + count)
    }

    /// The next string (``ByteWriter/string(_:)``).
    mutating func string() throws -> String { String(decoding: bytes[try run()], as: UTF8.self) }

    /// Whether every byte of the file was taken.
    mutating func isAtEnd() throws -> Bool {
        while start == bytes.count && !atEnd { try readMore(Self.stretch) }
        return start == bytes.count
    }

    /// Lets go of what was taken (the values read so far): offsets into ``bytes`` change.
    mutating func dropTaken() {
        bytes.removeFirst(start)
        base += start
        start = 0
    }

    private mutating func readMore(_ wanted: Int) throws {
        let old = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: wanted))
        var n = -1
        while n < 0 {
            n = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + old, wanted) }
            guard n >= 0 || errno == EINTR else { throw ByteReader.Malformed() }
        }
        bytes.removeLast(wanted - n)
        atEnd = n == 0
    }
}
