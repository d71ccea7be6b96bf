/// One reason UTS #46 processing rejected a domain name.
///
/// The cases mirror ICU's `UIDNA_ERROR_*` bits, which ICU reports in
/// `UIDNAInfo.errors` while the call itself still "succeeds".
package enum IDNAError: Hashable, Sendable, CustomStringConvertible {
    /// A label is empty (only checked with `verifyDNSLength`).
    case emptyLabel
    /// A label is longer than 63 bytes in ASCII form (only with `verifyDNSLength`).
    case labelTooLong
    /// The name is longer than 253 bytes in ASCII form (only with `verifyDNSLength`).
    case domainNameTooLong
    /// A label starts with a hyphen (only with `checkHyphens`).
    case leadingHyphen
    /// A label ends with a hyphen (only with `checkHyphens`).
    case trailingHyphen
    /// A label has hyphens in both the third and fourth positions (only with `checkHyphens`).
    case hyphenInThirdAndFourthPosition
    /// A label starts with a combining mark.
    case leadingCombiningMark
    /// A label contains a code point that UTS #46 disallows.
    case disallowed
    /// A label starts with `xn--` but is not valid Punycode.
    case punycode
    /// A label contains a dot once decoded (for example a Punycode label
    /// that decodes to something with U+002E).
    case labelHasDot
    /// An `xn--` label decodes to something that would not encode back to
    /// the same label, or to a label that fails validation.
    case invalidACELabel
    /// The bidi rule of RFC 5893 is violated.
    case bidi
    /// ZERO WIDTH JOINER or NON-JOINER appears outside the contexts
    /// RFC 5892 allows.
    case contextJ
    /// A CONTEXTO punctuation character is out of context (ICU reports it
    /// only when asked for CONTEXTO checks, which UTS #46 does not use).
    case contextOPunctuation
    /// Mixed Arabic-Indic digit sets (CONTEXTO, as above).
    case contextODigits
    /// An error bit this version of the module does not know.
    case other(bit: UInt32)
    /// ICU could not process the name at all; `name` is ICU's error name.
    case icuFailure(code: Int32, name: String)

    /// A short English explanation, suitable for a diagnostic.
    package var description: String {
        switch self {
        case .emptyLabel: return "empty label"
        case .labelTooLong: return "label longer than 63 bytes"
        case .domainNameTooLong: return "domain name longer than 253 bytes"
        case .leadingHyphen: return "label starts with a hyphen"
        case .trailingHyphen: return "label ends with a hyphen"
        case .hyphenInThirdAndFourthPosition: return "label has hyphens in the third and fourth positions"
        case .leadingCombiningMark: return "label starts with a combining mark"
        case .disallowed: return "disallowed code point"
        case .punycode: return "invalid Punycode"
        case .labelHasDot: return "label contains a dot after decoding"
        case .invalidACELabel: return "invalid xn-- label"
        case .bidi: return "violates the bidi rule"
        case .contextJ: return "zero width joiner or non-joiner out of context"
        case .contextOPunctuation: return "punctuation out of context"
        case .contextODigits: return "mixed Arabic-Indic digits"
        case .other(let bit): return "IDNA error bit 0x\(String(bit, radix: 16))"
        case .icuFailure(_, let name): return "ICU failure \(name)"
        }
    }
}

/// The outcome of ``IDNA/toASCII(_:options:)`` or ``IDNA/toUnicode(_:options:)``.
package enum IDNAResult: Hashable, Sendable {
    /// The converted name.
    case success(String)
    /// The name is not valid under the chosen options; the errors are in a
    /// stable order (that of ICU's error bits) and never empty.
    case failure([IDNAError])

    /// The converted name, or `nil` when processing failed.
    package var value: String? {
        if case .success(let value) = self { return value }
        return nil
    }

    /// The errors, or an empty array on success.
    package var errors: [IDNAError] {
        if case .failure(let errors) = self { return errors }
        return []
    }

    /// Whether processing succeeded.
    package var isSuccess: Bool { value != nil }
}
