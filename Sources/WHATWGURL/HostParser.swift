// The host parser, domain to ASCII and the opaque-host parser. The order of
// steps decides what a browser connects to, so it follows the standard:
// percent-decode, domain to ASCII, reject forbidden domain code points, and
// only then look for an IPv4 address (so `0x7f.1` and `127.0.0.1.` are both
// IPv4, and `foo.09` fails).

struct HostParser: Sendable {
    /// UTS #46 ToASCII, injected by the caller.
    let domainToASCII: URLParser.DomainToASCII

    /// The host parser. `input` is the host text as written in the URL
    /// (still percent-encoded); `isOpaque` is true for non-special URLs.
    /// Nil means failure (the cause is appended to `errors`).
    func parse(_ input: ArraySlice<UInt8>, isOpaque: Bool, errors: inout [URLValidationError]) -> URLHost? {
        if input.first == ASCII.leftBracket {
            guard input.count >= 2, input.last == ASCII.rightBracket else {
                errors.append(.ipv6Unclosed)
                return nil
            }
            return IPv6.parse(input.dropFirst().dropLast(), errors: &errors).map(URLHost.ipv6)
        }
        if isOpaque {
            return parseOpaqueHost(input, errors: &errors)
        }
        let domain = URLPercentEncoding.percentDecode(input)
        guard let asciiDomain = toASCII(domain, errors: &errors) else { return nil }
        if IPv4.endsInANumber(asciiDomain) {
            return IPv4.parse(asciiDomain, errors: &errors).map(URLHost.ipv4)
        }
        return .domain(String(decoding: asciiDomain, as: UTF8.self))
    }

    /// Domain to ASCII with beStrict false, on the percent-decoded bytes.
    /// Nil means failure.
    func toASCII(_ domain: [UInt8], errors: inout [URLValidationError]) -> [UInt8]? {
        var result: [UInt8]
        if Self.isPlainASCII(domain) {
            // For ASCII input without "xn--" labels, UTS #46 ToASCII with these
            // options only lower-cases; skipping the call keeps ICU off the
            // path for nearly every link.
            result = domain
            for index in result.indices { result[index] = result[index].asciiLowercased }
        } else {
            // UTF-8 decode without BOM: invalid sequences become U+FFFD,
            // which UTS #46 then rejects.
            guard let mapped = domainToASCII(String(decoding: domain, as: UTF8.self)) else {
                errors.append(.domainToASCII)
                return nil
            }
            result = Array(mapped.utf8)
            // ToASCII only ever returns ASCII; an injected function that does
            // not is treated as failing rather than trusted.
            guard result.allSatisfy({ $0 < 0x80 }) else {
                errors.append(.domainToASCII)
                return nil
            }
        }
        if result.isEmpty {
            errors.append(.domainToASCII)
            return nil
        }
        if result.contains(where: \.isForbiddenDomainCodePoint) {
            errors.append(.domainInvalidCodePoint)
            return nil
        }
        return result
    }

    /// Whether `domain` is ASCII and has no label starting with `xn--`
    /// (in any case): the input for which ToASCII is plain lower-casing.
    static func isPlainASCII(_ domain: [UInt8]) -> Bool {
        var labelStart = 0
        let count = domain.count
        for index in 0..<count {
            let byte = domain[index]
            if byte >= 0x80 { return false }
            if byte == ASCII.period {
                labelStart = index + 1
            } else if index == labelStart + 3, byte == ASCII.hyphenMinus,
                domain[labelStart] | 0x20 == 0x78, domain[labelStart + 1] | 0x20 == 0x6E,
                domain[labelStart + 2] == ASCII.hyphenMinus
            {
                return false
            }
        }
        return true
    }

    /// The opaque-host parser: rejects forbidden host code points and
    /// percent-encodes C0 controls and non-ASCII. Nil means failure.
    func parseOpaqueHost(_ input: ArraySlice<UInt8>, errors: inout [URLValidationError]) -> URLHost? {
        if input.contains(where: \.isForbiddenHostCodePoint) {
            errors.append(.hostInvalidCodePoint)
            return nil
        }
        let bytes = Array(input)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var reportedInvalidUnit = false
        for (index, byte) in bytes.enumerated() {
            if !reportedInvalidUnit {
                let invalid: Bool
                if byte == ASCII.percent {
                    invalid = !(index + 2 < bytes.count && bytes[index + 1].isASCIIHexDigit
                        && bytes[index + 2].isASCIIHexDigit)
                } else {
                    invalid = !URLCodePoints.isURLCodePoint(in: bytes, at: index)
                }
                if invalid {
                    errors.append(.invalidURLUnit)
                    reportedInvalidUnit = true
                }
            }
            URLPercentEncoding.appendPercentEncoded(byte, using: .c0Control, to: &output)
        }
        if output.isEmpty { return .empty }
        return .opaque(String(decoding: output, as: UTF8.self))
    }
}
