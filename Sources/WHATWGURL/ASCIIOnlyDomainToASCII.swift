// The built-in domain to ASCII for callers without UTS #46. It is exact for
// ASCII domains and refuses everything else, so a URL with an
// internationalised host fails to parse instead of being given a wrong host.

extension URLParser {
    /// A domain to ASCII that needs no Unicode data: it lower-cases ASCII
    /// input and returns nil (failure) for any non-ASCII input.
    ///
    /// A label starting with `xn--` must be well-formed Punycode whose
    /// decoded form contains a non-ASCII code point and does not itself start
    /// with `xn--`, as UTS #46 requires. Beyond that the decoded label is
    /// only screened for code points that are never valid in a domain (C1
    /// controls, U+FFFD, noncharacters) and for the joiners U+200C/U+200D,
    /// whose context rules need Unicode data and which are therefore always
    /// refused; there are no NFC, mapping or bidi checks. Real callers inject
    /// UTS #46 ToASCII (ICU's `uidna_nameToASCII` with the URL Standard's
    /// options) instead.
    package static let asciiOnlyDomainToASCII: DomainToASCII = { domain in
        var bytes: [UInt8] = []
        bytes.reserveCapacity(domain.utf8.count)
        for byte in domain.utf8 {
            guard byte < 0x80 else { return nil }
            bytes.append(byte.asciiLowercased)
        }
        for label in bytes.split(separator: ASCII.period, omittingEmptySubsequences: false)
        where label.starts(with: "xn--".utf8) {
            guard isAcceptableACELabel(label.dropFirst(4)) else { return nil }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the Punycode part of an `xn--` label passes the checks above.
    private static func isAcceptableACELabel(_ punycode: ArraySlice<UInt8>) -> Bool {
        guard let decoded = Punycode.decode(punycode), decoded.contains(where: { $0 >= 0x80 }) else {
            return false
        }
        let startsWithACEPrefix = decoded.count >= 4 && decoded[0] | 0x20 == 0x78 && decoded[1] | 0x20 == 0x6E
            && decoded[2] == 0x2D && decoded[3] == 0x2D
        if startsWithACEPrefix { return false }
        for scalar in decoded {
            switch scalar {
            case 0x2E, 0x41...0x5A: return false  // a dot, or a letter that UTS #46 maps
            case 0x80...0x9F, 0x200C, 0x200D, 0xFFFD, 0xFDD0...0xFDEF: return false
            default: if scalar & 0xFFFE == 0xFFFE { return false }
            }
        }
        return true
    }
}
