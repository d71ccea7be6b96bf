// Percent-encode sets and the percent-encode / percent-decode operations of
// the URL Standard. Every set contains all non-ASCII code points, so encoding
// a UTF-8 byte on its own gives the same result as encoding the code point it
// belongs to: the parser can stay at the byte level.

/// One of the URL Standard's percent-encode sets: the code points that get
/// written as `%XX` when a component is serialised.
///
/// Every set includes the C0 controls and all code points above U+007E; the
/// sets differ only in which other ASCII characters they add.
package struct URLPercentEncodeSet: Sendable, Hashable {
    // Membership bits for 0x00–0x3F and 0x40–0x7F; bytes from 0x80 are
    // always members.
    private let low: UInt64
    private let high: UInt64

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// Whether `byte` (a UTF-8 code unit) is percent-encoded under this set.
    @inline(__always)
    package func contains(_ byte: UInt8) -> Bool {
        if byte < 0x40 { return low & (1 &<< UInt64(byte)) != 0 }
        if byte < 0x80 { return high & (1 &<< UInt64(byte &- 0x40)) != 0 }
        return true
    }

    // The sets are bit masks written out as constants (computed properties,
    // so the per-byte hot loops pay no lazy-global initialisation check).
    // Each comment names what the set adds to the one it builds on; the
    // tests rebuild every mask from those characters.

    /// The C0 control percent-encode set: U+0000–U+001F and every code point
    /// above U+007E. Used for opaque paths and opaque hosts.
    package static var c0Control: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0x0000_0000_FFFF_FFFF, high: 0x8000_0000_0000_0000)
    }

    /// The fragment percent-encode set: C0 control set plus space, `"`, `<`,
    /// `>` and `` ` ``.
    package static var fragment: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0x5000_0005_FFFF_FFFF, high: 0x8000_0001_0000_0000)
    }

    /// The query percent-encode set, used for the query of non-special URLs:
    /// C0 control set plus space, `"`, `#`, `<` and `>`.
    package static var query: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0x5000_000D_FFFF_FFFF, high: 0x8000_0000_0000_0000)
    }

    /// The special-query percent-encode set, used for the query of special
    /// URLs: the query set plus `'`.
    package static var specialQuery: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0x5000_008D_FFFF_FFFF, high: 0x8000_0000_0000_0000)
    }

    /// The path percent-encode set: the query set plus `?`, `^`, `` ` ``,
    /// `{` and `}`.
    package static var path: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0xD000_000D_FFFF_FFFF, high: 0xA800_0001_4000_0000)
    }

    /// The userinfo percent-encode set: the path set plus `/`, `:`, `;`, `=`,
    /// `@`, `[`, `\`, `]` and `|`.
    package static var userinfo: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0xFC00_800D_FFFF_FFFF, high: 0xB800_0001_7800_0001)
    }

    /// The component percent-encode set (what `encodeURIComponent` encodes):
    /// the userinfo set plus `$`, `%`, `&`, `+` and `,`.
    package static var component: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0xFC00_987D_FFFF_FFFF, high: 0xB800_0001_7800_0001)
    }

    /// The `application/x-www-form-urlencoded` percent-encode set: the
    /// component set plus `!`, `'`, `(`, `)` and `~`.
    package static var formURLEncoded: URLPercentEncodeSet {
        URLPercentEncodeSet(low: 0xFC00_9BFF_FFFF_FFFF, high: 0xF800_0001_7800_0001)
    }
}

/// Percent-encoding and percent-decoding as the URL Standard defines them.
package enum URLPercentEncoding {
    /// UTF-8 percent-encodes `string`: every UTF-8 byte in `set` becomes
    /// `%XX` with upper-case hex digits; the other bytes are kept.
    package static func utf8PercentEncode(_ string: String, using set: URLPercentEncodeSet) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            appendPercentEncoded(byte, using: set, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Percent-decodes the UTF-8 encoding of `string`: each `%` followed by
    /// two hex digits becomes that byte; any other `%` is kept as it is.
    ///
    /// The result is bytes, not text: decoding can produce invalid UTF-8.
    package static func percentDecode(_ string: String) -> [UInt8] {
        percentDecode(Array(string.utf8)[...])
    }

    /// Appends `byte`, percent-encoded when it is in `set`.
    @inline(__always)
    static func appendPercentEncoded(_ byte: UInt8, using set: URLPercentEncodeSet, to output: inout [UInt8]) {
        if set.contains(byte) {
            output.append(ASCII.percent)
            appendUpperHex(byte, to: &output)
        } else {
            output.append(byte)
        }
    }

    /// Byte-sequence percent-decode.
    static func percentDecode(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        let end = input.endIndex
        while index < end {
            let byte = input[index]
            if byte == ASCII.percent, index + 2 < end,
                let high = input[index + 1].asciiHexValue,
                let low = input[index + 2].asciiHexValue
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }
}
