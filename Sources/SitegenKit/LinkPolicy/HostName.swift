import UnicodeSecurity

/// Host names in the one form the policy compares: UTS #46 ASCII, lowercase, no trailing dot.
enum HostName {
    /// The ASCII form of a host name, or nil when IDNA processing reports an error.
    static func ascii(_ host: String) -> String? {
        asciiForms.value(host) {
            var h = host
            if h.hasSuffix(".") { h.removeLast() }
            guard !h.isEmpty, let a = IDNA.toASCII(h).value else { return nil }
            return a.lowercased()
        }
    }

    private static let asciiForms = SharedCache<String, String?>()
    private static let knownTLDs = SharedCache<String, Bool>()
    private static let registrables = SharedCache<String, String>()

    /// Whether the last label of an ASCII host is a real top-level domain (memoised per label).
    static func hasKnownTLD(_ ascii: String) -> Bool {
        let tld = String(ascii.split(separator: ".").last ?? Substring(ascii))
        return knownTLDs.value(tld) { PublicSuffixList.shared.hasKnownTLD(ascii) }
    }

    /// The Unicode form, for display and for confusable checks.
    static func unicode(_ ascii: String) -> String {
        IDNA.toUnicode(ascii).value ?? ascii
    }

    /// A syntactically valid domain: 2+ labels of letters, digits and inner hyphens, 1–63 bytes each.
    static func isValidDomain(_ ascii: String) -> Bool {
        let labels = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 1, ascii.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
    }

    /// Registrable domain (eTLD+1) of an ASCII host, or the host itself when it has none.
    static func registrable(_ ascii: String) -> String {
        registrables.value(ascii) { PublicSuffixList.shared.registrableDomain(ascii) ?? ascii }
    }
}

/// Telegram username rules.
enum TelegramHandle {
    /// Telegram usernames: 5–32 characters of Latin letters, digits and `_`, starting with a letter.
    static func isValidUsername(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 5, u.count <= 32, isLetter(u[0]) else { return false }
        return u.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// Names of fakes may be display names found by search (`EgovKzBot2.0`), so dots and hyphens
    /// are allowed too; spaces and other characters are not, so a name can be found in text.
    static func isValidFakeName(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 3, u.count <= 64, isLetter(u[0]) || u[0] == 0x5F || (u[0] >= 0x30 && u[0] <= 0x39) else { return false }
        return u.allSatisfy { isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E || $0 == 0x2D }
    }

    static func isLetter(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) }
}
