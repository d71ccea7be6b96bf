/// An IPv4 address as people and the apps write it: four decimal numbers of at most 255 joined by
/// dots, without leading zeros (`185.22.64.10`).
///
/// Read as bytes, not characters: a digit with a combining mark (`0\u{301}`) is one character that
/// Swift's ordering of characters puts between `0` and `9`, yet it is no digit and no number.
package enum DottedQuad {
    package static func matches<S: StringProtocol>(_ text: S) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0 &- 0x30 < 10 }),
                  !(part.count > 1 && part.first == UInt8(ascii: "0")) else { return false }
            return part.reduce(0) { $0 * 10 + Int($1 &- 0x30) } <= 255
        }
    }
}
