/// Telegram username rules.
package enum TelegramHandle {
    /// Telegram usernames: 5–32 characters of Latin letters, digits and `_`, starting with a letter.
    package static func isValidUsername(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 5, u.count <= 32, isLetter(u[0]) else { return false }
        return u.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// Names of fakes may be display names found by search (`EgovKzBot2.0`), so dots and hyphens
    /// are allowed too; spaces and other characters are not, so a name can be found in text.
    package static func isValidFakeName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 3, u.count <= 64, isLetter(u[0]) || u[0] == 0x5F || (u[0] >= 0x30 && u[0] <= 0x39) else { return false }
        return u.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E || $0 == 0x2D }
    }

    package static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}
