import Foundation

/// The text of one source file, checked and indexed so byte offsets can be turned into the line and
/// column an editor shows.
///
/// A UTF-8 byte order mark is dropped (editors do not show it, so columns start after it); CRLF line
/// endings are kept and treated as one line break. Columns count Unicode scalars from 1.
package struct SourceText: Sendable {
    /// The file's bytes without a BOM.
    package let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    package let lineStarts: [Int]
    /// The same bytes as a String (valid UTF-8 is checked before one is made).
    package var string: String { String(decoding: bytes, as: UTF8.self) }
    /// Scalars before every `checkpointStride`-th byte, so a column on a very long line (a pasted
    /// megabyte of links) is counted from the nearest checkpoint, not from the line's start. Empty
    /// when no line is that long (nearly every page): a column is then counted within its line.
    private let checkpoints: [Int]
    static let checkpointStride = 1024

    package init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        // The longest line, from the line starts (without making a second array).
        var longest = 0, previous = 0
        for start in lineStarts.dropFirst() {
            longest = max(longest, start - previous)
            previous = start
        }
        longest = max(longest, bytes.count - previous)
        guard longest > Self.checkpointStride else {
            checkpoints = []
            return
        }
        var checkpoints = [0]
        checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 1)
        var from = 0
        while from + Self.checkpointStride <= bytes.count {
            checkpoints.append(checkpoints[checkpoints.count - 1] + Self.scalarCount(bytes, from, from + Self.checkpointStride))
            from += Self.checkpointStride
        }
        self.checkpoints = checkpoints
    }

    /// Scalars in `bytes[..<offset]`.
    private func scalars(before offset: Int) -> Int {
        let k = offset / Self.checkpointStride
        return checkpoints[k] + Self.scalarCount(bytes, k * Self.checkpointStride, offset)
    }

    /// Scalars in `bytes[from..<to]`, from the checkpoints.
    private func scalars(_ from: Int, _ to: Int) -> Int {
        to - from <= Self.checkpointStride || checkpoints.isEmpty
            ? Self.scalarCount(bytes, from, to) : scalars(before: to) - scalars(before: from)
    }

    /// Why a file cannot be read as text.
    package enum Problem: Error, Equatable {
        case empty
        case invalidUTF8(offset: Int)
        case nulByte(offset: Int)
    }

    /// Checks and indexes `raw`. On a problem, also returns the index so the problem can be located.
    package static func decode(_ raw: [UInt8]) -> Result<SourceText, LocatedProblem> {
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let starts = lineStarts(of: bytes)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure(LocatedProblem(problem: .empty, line: 1, column: 1))
        }
        if let nul = bytes.withUnsafeBufferPointer({ buf in
            memchr(buf.baseAddress!, 0, buf.count).map { buf.baseAddress!.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        }) {
            let p = position(ofByte: nul, in: bytes, lineStarts: starts)
            return .failure(LocatedProblem(problem: .nulByte(offset: nul), line: p.line, column: p.column))
        }
        // The standard library's validation is fast; the byte-by-byte search only runs to say where.
        if String(validating: bytes, as: UTF8.self) == nil, let bad = firstInvalidUTF8(bytes) {
            let p = position(ofByte: bad, in: bytes, lineStarts: starts)
            return .failure(LocatedProblem(problem: .invalidUTF8(offset: bad), line: p.line, column: p.column))
        }
        return .success(SourceText(bytes: bytes, lineStarts: starts))
    }

    /// A problem together with where it is.
    package struct LocatedProblem: Error, Equatable {
        package var problem: Problem
        package var line: Int
        package var column: Int
    }

    /// Line (from 1) and column (scalars, from 1) of a byte offset.
    package func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let line = Self.line(ofByte: offset, lineStarts: lineStarts)
        return (line, scalars(lineStarts[line - 1], max(lineStarts[line - 1], min(offset, bytes.count))) + 1)
    }

    /// The column (scalars, from 1) of a 1-based byte column on a 1-based line.
    package func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = min(bytes.count, start + max(0, byteColumn - 1))
        return scalars(start, max(start, end)) + 1
    }

    /// Byte offset of a 1-based line and byte column.
    package func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return min(bytes.count, lineStarts[line - 1] + max(0, byteColumn - 1))
    }

    /// The text of a line (from 1) without its line break.
    package func line(_ n: Int) -> String? {
        guard n >= 1, n <= lineStarts.count else { return nil }
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    package static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buf in
            // memchr (``ByteScan``) finds each line break with vector instructions.
            var i = ByteScan.next(0x0A, in: buf, from: 0)
            while i < buf.count {
                starts.append(i + 1)
                i = ByteScan.next(0x0A, in: buf, from: i + 1)
            }
        }
        // A lone CR also ends a line for CommonMark.
        if bytes.contains(0x0D) {
            starts = [0]
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
                    starts.append(i + 1)
                }
                i += 1
            }
        }
        return starts
    }

    static func position(ofByte offset: Int, in bytes: [UInt8], lineStarts: [Int]) -> (line: Int, column: Int) {
        let line = line(ofByte: offset, lineStarts: lineStarts)
        return (line, scalarCount(bytes, lineStarts[line - 1], min(offset, bytes.count)) + 1)
    }

    /// The line (from 1) holding a byte offset: a binary search for the last line start at or before it.
    static func line(ofByte offset: Int, lineStarts: [Int]) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// Scalars in bytes[from..<to]: every byte that is not a UTF-8 continuation byte starts one.
    static func scalarCount(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        guard from < to else { return 0 }
        return bytes.withUnsafeBufferPointer { buf in
            var n = 0
            // Branch-free, so the loop vectorises.
            for b in buf[from..<to] { n &+= b & 0xC0 != 0x80 ? 1 : 0 }
            return n
        }
    }

    /// Offset of the first byte that does not belong to a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; upper = 0x9F
            case 0xF0: need = 3; lower = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; upper = 0x8F
            default: return i
            }
            if i + need >= n { return i }
            for k in 1...need {
                let c = bytes[i + k]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if c < lo || c > hi { return i }
            }
            i += need + 1
        }
        return nil
    }
}

extension SourceText {
    /// Byte offset of the first occurrence of `needle` at or after `from`, looking no further than
    /// `withinLines` line breaks ahead, nor (when given) than `withinBytes` bytes past `from`.
    package func find(_ needle: String, from: Int, withinLines: Int, withinBytes: Int? = nil) -> Int? {
        let n = Array(needle.utf8)
        guard !n.isEmpty else { return nil }
        let start = max(0, from)
        let end = withinBytes.map { min(bytes.count, start + $0 + n.count) } ?? bytes.count
        let last = end - n.count
        return bytes.withUnsafeBufferPointer { buf -> Int? in
            guard let base = buf.baseAddress else { return nil }
            var breaks = 0
            var i = start
            // memchr jumps to each candidate; the line breaks skipped on the way are counted.
            while i <= last, let hit = memchr(base + i, Int32(n[0]), last - i + 1) {
                let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                for b in buf[i..<j] { breaks &+= b == 0x0A ? 1 : 0 }
                if breaks > withinLines { return nil }
                if n.withUnsafeBufferPointer({ memcmp(base + j, $0.baseAddress!, n.count) }) == 0 { return j }
                if buf[j] == 0x0A { breaks += 1 }
                i = j + 1
            }
            return nil
        }
    }
}
