// Byte-level character classes. The parser works on UTF-8 bytes: every
// character the URL Standard dispatches on is ASCII, and no byte of a
// multi-byte UTF-8 sequence is below 0x80, so comparing bytes is the same as
// comparing code points.

/// Byte values of the ASCII characters the URL Standard gives a meaning to.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let numberSign: UInt8 = 0x23  // #
    static let percent: UInt8 = 0x25  // %
    static let hyphenMinus: UInt8 = 0x2D  // -
    static let period: UInt8 = 0x2E  // .
    static let slash: UInt8 = 0x2F  // /
    static let zero: UInt8 = 0x30  // 0
    static let colon: UInt8 = 0x3A  // :
    static let question: UInt8 = 0x3F  // ?
    static let at: UInt8 = 0x40  // @
    static let leftBracket: UInt8 = 0x5B  // [
    static let backslash: UInt8 = 0x5C  // \
    static let rightBracket: UInt8 = 0x5D  // ]
    static let pipe: UInt8 = 0x7C  // |
    static let delete: UInt8 = 0x7F
    static let lowercaseX: UInt8 = 0x78  // x
}

extension UInt8 {
    /// A–Z or a–z.
    @inline(__always) var isASCIIAlpha: Bool { (self | 0x20) &- 0x61 < 26 }

    /// 0–9.
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }

    /// 0–9, A–Z or a–z.
    @inline(__always) var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIIAlpha }

    /// 0–9, A–F or a–f.
    @inline(__always) var isASCIIHexDigit: Bool { isASCIIDigit || (self | 0x20) &- 0x61 < 6 }

    /// The byte with A–Z mapped to a–z; every other byte unchanged.
    @inline(__always) var asciiLowercased: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }

    /// The value of a hex digit, or nil when the byte is not one.
    @inline(__always) var asciiHexValue: UInt8? {
        if isASCIIDigit { return self &- 0x30 }
        let folded = self | 0x20
        if folded &- 0x61 < 6 { return folded &- 0x61 &+ 10 }
        return nil
    }

    /// A C0 control (U+0000–U+001F) or U+0020 SPACE: what the parser trims
    /// from both ends of its input.
    @inline(__always) var isC0ControlOrSpace: Bool { self <= 0x20 }

    /// U+0009, U+000A or U+000D: removed from anywhere in the input.
    @inline(__always) var isASCIITabOrNewline: Bool {
        self == ASCII.tab || self == ASCII.lineFeed || self == ASCII.carriageReturn
    }

    /// A forbidden host code point: opaque hosts may not contain these.
    var isForbiddenHostCodePoint: Bool {
        switch self {
        case 0x00, 0x09, 0x0A, 0x0D, 0x20, 0x23, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x40,
            0x5B, 0x5C, 0x5D, 0x5E, 0x7C:
            return true
        default:
            return false
        }
    }

    /// A forbidden domain code point: a forbidden host code point, a C0
    /// control, U+0025 (%) or U+007F DELETE. Domains may not contain these.
    var isForbiddenDomainCodePoint: Bool {
        self <= 0x1F || self == ASCII.percent || self == ASCII.delete || isForbiddenHostCodePoint
    }
}

/// Appends the two upper-case hex digits of `byte` to `output`.
@inline(__always)
func appendUpperHex(_ byte: UInt8, to output: inout [UInt8]) {
    let high = byte >> 4
    let low = byte & 0x0F
    output.append(high < 10 ? 0x30 + high : 0x37 + high)
    output.append(low < 10 ? 0x30 + low : 0x37 + low)
}
