import UnicodeSecurity

/// Host names in the one form the policy compares: UTS #46 ASCII, lowercase, no trailing dot.
package enum HostName {
    /// The ASCII form of a host name, or nil when IDNA processing reports an error.
    package static func ascii(_ host: String) -> String? {
        asciiForms.value(host) {
            var h = host
            if h.hasSuffix(".") { h.removeLast() }
            guard !h.isEmpty, let a = IDNA.toASCII(h).value else { return nil }
            return a.lowercased()
        }
    }

    private static let asciiForms = SharedCache<ExactText, String?>()
    private static let knownTLDs = SharedCache<ExactText, Bool>()
    private static let registrables = SharedCache<ExactText, String>()

    /// Whether the last label of an ASCII host is a real top-level domain (memoised per label).
    package static func hasKnownTLD(_ ascii: String) -> Bool {
        let tld = String(ascii.split(separator: ".").last ?? Substring(ascii))
        return knownTLDs.value(tld) { PublicSuffixList.shared.hasKnownTLD(ascii) }
    }

    /// The Unicode form, for display and for confusable checks.
    package static func unicode(_ ascii: String) -> String {
        IDNA.toUnicode(ascii).value ?? ascii
    }

    /// A syntactically valid domain: 2+ labels of letters, digits and inner hyphens, 1–63 bytes each.
    package static func isValidDomain(_ ascii: String) -> Bool {
        let labels = ascii.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 1, ascii.utf8.count <= 253 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && label.first != "-" && label.last != "-"
                && label.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
    }

    /// Registrable domain (eTLD+1) of an ASCII host, or the host itself when it has none.
    package static func registrable(_ ascii: String) -> String {
        registrables.value(ascii) { PublicSuffixList.shared.registrableDomain(ascii) ?? ascii }
    }
}
