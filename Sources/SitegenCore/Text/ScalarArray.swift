/// The Unicode scalars of a string as an array, decoded straight from its UTF-8 bytes.
///
/// `Array(text.unicodeScalars)` walks the string twice (once to count, once to copy) through the
/// generic scalar iterator; on a long page that was a tenth of the link checks' time. A Swift
/// string's bytes are always valid UTF-8, so the decoding needs no error handling.
package enum ScalarArray {
    package static func of(_ text: String) -> [Unicode.Scalar] {
        var copy = text
        return copy.withUTF8(of)
    }

    package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        let n = bytes.count
        return [Unicode.Scalar](unsafeUninitializedCapacity: n) { out, count in
            var i = 0, k = 0
            while i < n {
                let b = UInt32(bytes[i])
                var v: UInt32
                if b < 0x80 {
                    v = b
                    i += 1
                } else if b < 0xE0 {
                    v = (b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b < 0xF0 {
                    v = (b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    v = (b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                out.initializeElement(at: k, to: Unicode.Scalar(decoded: v))
                k += 1
            }
            count = k
        }
    }
}

extension Unicode.Scalar {
    /// A scalar from a value known to be one (decoded from valid UTF-8).
    @inlinable @inline(__always) package init(decoded v: UInt32) {
        self = Unicode.Scalar(v) ?? "\u{FFFD}"
    }
}

extension String {
    /// A string of these scalars, encoded in one pass. (`String(String.UnicodeScalarView(slice))`
    /// appends one scalar at a time; the link checks make many small strings from scalar arrays.)
    package init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        if let made = scalars.withContiguousStorageIfAvailable(String.encoding) {
            self = made
        } else {
            self = String(String.UnicodeScalarView(scalars))
        }
    }

    private static func encoding(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { out in
            var k = 0
            for u in scalars {
                let v = u.value
                if v < 0x80 {
                    out[k] = UInt8(v)
                    k += 1
                } else if v < 0x800 {
                    out[k] = UInt8(0xC0 | v >> 6)
                    out[k + 1] = UInt8(0x80 | v & 0x3F)
                    k += 2
                } else if v < 0x10000 {
                    out[k] = UInt8(0xE0 | v >> 12)
                    out[k + 1] = UInt8(0x80 | (v >> 6) & 0x3F)
                    out[k + 2] = UInt8(0x80 | v & 0x3F)
                    k += 3
                } else {
                    out[k] = UInt8(0xF0 | v >> 18)
                    out[k + 1] = UInt8(0x80 | (v >> 12) & 0x3F)
                    out[k + 2] = UInt8(0x80 | (v >> 6) & 0x3F)
                    out[k + 3] = UInt8(0x80 | v & 0x3F)
                    k += 4
                }
            }
            return k
        }
    }
}

extension ScalarArray {
    /// The UTF-8 offset of each of `scalars`, and one more entry: their length in UTF-8. What a scan
    /// over scalars reports in the bytes a diagnostic's column and a quote are taken from.
    package static func utf8Offsets(_ scalars: [Unicode.Scalar]) -> [Int] {
        var offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (i, u) in scalars.enumerated() { offsets[i + 1] = offsets[i] + UTF8.width(u) }
        return offsets
    }

    /// The scalars that the UTF-8 range `utf8` spans, given their ``utf8Offsets(_:)``.
    package static func scalars(_ utf8: Range<Int>, in offsets: [Int]) -> Range<Int> {
        func index(_ offset: Int) -> Int {
            var lo = 0, hi = offsets.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if offsets[mid] < offset { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        return index(utf8.lowerBound)..<index(utf8.upperBound)
    }
}
