// The IPv4 parser, the "ends in a number" checker and the IPv4 serializer.
// Browsers accept the inet_aton forms: 1 to 4 parts, each decimal, octal
// (leading 0) or hex (leading 0x), with the last part filling the remaining
// bytes. So `0x7f.1` and `2130706433` are both 127.0.0.1.

enum IPv4 {
    /// Anything above this is out of range for every part position, so part
    /// values saturate here instead of overflowing on long digit strings.
    private static let saturation: UInt64 = 1 << 33

    /// IPv4 number parser: the value of one dot-separated part, and whether
    /// it was written in a non-decimal form. Nil means failure.
    static func parseNumber(_ input: ArraySlice<UInt8>) -> (value: UInt64, nonDecimal: Bool)? {
        if input.isEmpty { return nil }
        var digits = input
        var radix: UInt64 = 10
        var nonDecimal = false
        if digits.count >= 2, digits.first == ASCII.zero,
            digits[digits.startIndex + 1] | 0x20 == ASCII.lowercaseX
        {
            nonDecimal = true
            digits = digits.dropFirst(2)
            radix = 16
        } else if digits.count >= 2, digits.first == ASCII.zero {
            nonDecimal = true
            digits = digits.dropFirst(1)
            radix = 8
        }
        if digits.isEmpty { return (0, true) }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch radix {
            case 10:
                guard byte.isASCIIDigit else { return nil }
                digit = UInt64(byte &- 0x30)
            case 8:
                guard byte &- 0x30 < 8 else { return nil }
                digit = UInt64(byte &- 0x30)
            default:
                guard let hex = byte.asciiHexValue else { return nil }
                digit = UInt64(hex)
            }
            value = min(value * radix + digit, saturation)
        }
        return (value, nonDecimal)
    }

    /// The "ends in a number" checker: whether the last label (ignoring one
    /// trailing empty label) is all digits or parses as an IPv4 number. A
    /// host for which this holds must be a valid IPv4 address or the URL
    /// fails to parse.
    static func endsInANumber(_ input: [UInt8]) -> Bool {
        if input.isEmpty { return false }
        var end = input.count
        if input[end - 1] == ASCII.period { end -= 1 }
        var start = end
        while start > 0, input[start - 1] != ASCII.period { start -= 1 }
        let last = input[start..<end]
        if !last.isEmpty, last.allSatisfy(\.isASCIIDigit) { return true }
        return parseNumber(last) != nil
    }

    /// IPv4 parser. Nil means failure (the cause is appended to `errors`).
    static func parse(_ input: [UInt8], errors: inout [URLValidationError]) -> UInt32? {
        var parts = input.split(separator: ASCII.period, omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true {
            errors.append(.ipv4EmptyPart)
            if parts.count > 1 { parts.removeLast() }
        }
        if parts.count > 4 {
            errors.append(.ipv4TooManyParts)
            return nil
        }
        var numbers: [UInt64] = []
        numbers.reserveCapacity(4)
        for part in parts {
            guard let result = parseNumber(part) else {
                errors.append(.ipv4NonNumericPart)
                return nil
            }
            if result.nonDecimal { errors.append(.ipv4NonDecimalPart) }
            numbers.append(result.value)
        }
        if numbers.contains(where: { $0 > 255 }) { errors.append(.ipv4OutOfRangePart) }
        if numbers.dropLast().contains(where: { $0 > 255 }) { return nil }
        let last = numbers[numbers.count - 1]
        if last >= UInt64(1) << (8 * UInt64(5 - numbers.count)) { return nil }
        var address = last
        for (counter, number) in numbers.dropLast().enumerated() {
            address += number << (8 * UInt64(3 - counter))
        }
        return UInt32(address)
    }

    /// IPv4 serializer: dotted decimal.
    static func serialize(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }
}
