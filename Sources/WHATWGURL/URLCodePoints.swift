// The "URL code point" class. It only decides whether a validation error is
// reported, never how a URL parses, so it is kept apart from the hot paths.

enum URLCodePoints {
    /// Whether an ASCII byte is a URL code point: alphanumerics and
    /// `!$&'()*+,-./:;=?@_~`.
    @inline(__always)
    static func isURLCodePoint(ascii byte: UInt8) -> Bool {
        // Bit masks for 0x00–0x3F and 0x40–0x7F of exactly those characters.
        if byte < 0x40 { return 0xAFFF_FFD2_0000_0000 & (1 &<< UInt64(byte)) != 0 }
        return 0x47FF_FFFE_87FF_FFFF & (1 &<< UInt64(byte &- 0x40)) != 0
    }

    /// Whether a scalar value is a URL code point: the ASCII ones above, or
    /// U+00A0–U+10FFFD except surrogates and noncharacters.
    static func isURLCodePoint(scalar value: UInt32) -> Bool {
        if value < 0x80 { return isURLCodePoint(ascii: UInt8(value)) }
        if value < 0xA0 || value > 0x10FFFD { return false }
        if (0xD800...0xDFFF).contains(value) { return false }
        if (0xFDD0...0xFDEF).contains(value) { return false }
        if value & 0xFFFE == 0xFFFE { return false }
        return true
    }

    /// Decodes the scalar whose UTF-8 encoding starts at `index`. The bytes
    /// come from a Swift `String`, so they are well-formed; a truncated
    /// sequence (which cannot happen) decodes to U+FFFD.
    static func scalar(in bytes: [UInt8], at index: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return lead }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return 0xFFFD }
        var value = lead & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return value
    }

    /// Whether the code point whose encoding starts at `index` is a URL code
    /// point. Continuation bytes answer true: the check was made at the lead
    /// byte of their sequence.
    @inline(__always)
    static func isURLCodePoint(in bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return isURLCodePoint(ascii: byte) }
        if byte < 0xC0 { return true }
        return isURLCodePoint(scalar: scalar(in: bytes, at: index))
    }
}
