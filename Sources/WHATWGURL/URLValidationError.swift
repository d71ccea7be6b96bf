/// A validation error from the URL Standard: input that a browser accepts
/// (or rejects) but that is not valid URL syntax. The raw value is the
/// spec's name for it.
///
/// Validation errors never change how a URL parses. Some accompany a parse
/// failure; the others describe input that browsers repair silently, which a
/// checker may still want to reject (for example ``invalidCredentials``).
package enum URLValidationError: String, Sendable, Hashable, CaseIterable {
    // MARK: Host parsing

    /// Domain to ASCII (UTS #46) failed or returned the empty string.
    case domainToASCII = "domain-to-ASCII"
    /// The ASCII form of a domain contains a forbidden domain code point.
    case domainInvalidCodePoint = "domain-invalid-code-point"
    /// An opaque host contains a forbidden host code point.
    case hostInvalidCodePoint = "host-invalid-code-point"
    /// An IPv4 address ends in a dot.
    case ipv4EmptyPart = "IPv4-empty-part"
    /// An IPv4 address has more than four parts (failure).
    case ipv4TooManyParts = "IPv4-too-many-parts"
    /// An IPv4 address part is not a number (failure).
    case ipv4NonNumericPart = "IPv4-non-numeric-part"
    /// An IPv4 address part is written in octal or hex.
    case ipv4NonDecimalPart = "IPv4-non-decimal-part"
    /// An IPv4 address part exceeds 255.
    case ipv4OutOfRangePart = "IPv4-out-of-range-part"
    /// A host starts with `[` but does not end with `]` (failure).
    case ipv6Unclosed = "IPv6-unclosed"
    /// An IPv6 address starts with a single `:` (failure).
    case ipv6InvalidCompression = "IPv6-invalid-compression"
    /// An IPv6 address has more than eight pieces (failure).
    case ipv6TooManyPieces = "IPv6-too-many-pieces"
    /// An IPv6 address uses `::` more than once (failure).
    case ipv6MultipleCompression = "IPv6-multiple-compression"
    /// An IPv6 address contains an unexpected code point (failure).
    case ipv6InvalidCodePoint = "IPv6-invalid-code-point"
    /// An uncompressed IPv6 address has fewer than eight pieces (failure).
    case ipv6TooFewPieces = "IPv6-too-few-pieces"
    /// An embedded IPv4 address leaves too few IPv6 pieces (failure).
    case ipv4InIPv6TooManyPieces = "IPv4-in-IPv6-too-many-pieces"
    /// An embedded IPv4 address has a bad code point or leading zero (failure).
    case ipv4InIPv6InvalidCodePoint = "IPv4-in-IPv6-invalid-code-point"
    /// An embedded IPv4 address part exceeds 255 (failure).
    case ipv4InIPv6OutOfRangePart = "IPv4-in-IPv6-out-of-range-part"
    /// An embedded IPv4 address has fewer than four parts (failure).
    case ipv4InIPv6TooFewParts = "IPv4-in-IPv6-too-few-parts"

    // MARK: URL parsing

    /// A code point that is not a URL code point, a `%` not followed by two
    /// hex digits, leading or trailing C0 control or space, or a tab or
    /// newline anywhere in the input.
    case invalidURLUnit = "invalid-URL-unit"
    /// A special URL's scheme is not followed by `//`.
    case specialSchemeMissingFollowingSolidus = "special-scheme-missing-following-solidus"
    /// Input without a scheme and no usable base URL (failure).
    case missingSchemeNonRelativeURL = "missing-scheme-non-relative-URL"
    /// A special URL uses `\` where `/` is meant.
    case invalidReverseSolidus = "invalid-reverse-solidus"
    /// The URL has a username or password (userinfo followed by `@`).
    case invalidCredentials = "invalid-credentials"
    /// A special URL (or a port, or credentials) without a host (failure).
    case hostMissing = "host-missing"
    /// A port above 65535 (failure).
    case portOutOfRange = "port-out-of-range"
    /// A port containing something other than digits (failure).
    case portInvalid = "port-invalid"
    /// A relative file URL starts with a Windows drive letter.
    case fileInvalidWindowsDriveLetter = "file-invalid-Windows-drive-letter"
    /// A file URL's host is a Windows drive letter.
    case fileInvalidWindowsDriveLetterHost = "file-invalid-Windows-drive-letter-host"
}
