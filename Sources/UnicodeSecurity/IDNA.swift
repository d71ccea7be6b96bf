@_implementationOnly import CICU

/// UTS #46 (IDNA compatibility processing) on whole domain names, backed by
/// ICU's `uidna_nameToASCII_UTF8` and `uidna_nameToUnicodeUTF8`.
///
/// All functions are safe to call from any thread at the same time.
package enum IDNA {
    /// Converts `domain` to its ASCII (Punycode) form, mapping it first
    /// (lowercasing, width folding, NFC and so on), as a browser does before
    /// a DNS lookup.
    ///
    /// With the default ``Options/whatwgURL`` this is the UTS #46 step of the
    /// WHATWG URL standard's "domain to ASCII"; that standard's further checks
    /// (an empty result, forbidden host code points) are the URL parser's job.
    ///
    /// - Returns: `.success` with the ASCII name, or `.failure` with every
    ///   error ICU found that the options do not waive.
    package static func toASCII(_ domain: String, options: Options = .whatwgURL) -> IDNAResult {
        process(domain, options: options, toASCII: true)
    }

    /// Converts `domain` to its Unicode form for display: `xn--` labels are
    /// decoded and the whole name is mapped (so the result is lowercase).
    ///
    /// A `.failure` means the name is not a valid IDN; show the ASCII form
    /// instead of a decoded label in that case.
    package static func toUnicode(_ domain: String, options: Options = .whatwgURL) -> IDNAResult {
        process(domain, options: options, toASCII: false)
    }

    private static func process(_ domain: String, options: Options, toASCII: Bool) -> IDNAResult {
        let handle = UTS46Handle.shared(for: options)
        var info = sg_uidna_info_make()
        let output = withICUUTF8(domain) { input, length in
            // Punycode of a non-Latin label is usually shorter than its UTF-8,
            // and mapping rarely triples the length, so this first guess
            // almost never needs the retry.
            icuUTF8Output(estimatedLength: Int(length) * 2 + 16) { dest, capacity, status in
                // A fresh UIDNAInfo per attempt, so a retried call does not
                // see bits left over from the overflowing one.
                info = sg_uidna_info_make()
                if toASCII {
                    return sg_uidna_nameToASCII_UTF8(
                        handle.pointer, input, length, dest, capacity, &info, &status)
                } else {
                    return sg_uidna_nameToUnicodeUTF8(
                        handle.pointer, input, length, dest, capacity, &info, &status)
                }
            }
        }
        switch output {
        case .failure(let failure):
            return .failure([.icuFailure(code: failure.code, name: failure.name)])
        case .success(let text):
            // ICU reports validation problems only here, never in the status
            // code, and it has no switches for CheckHyphens or VerifyDnsLength:
            // those checks always run and are waived by masking their bits.
            let bits = info.errors & ~waivedErrorBits(options)
            if bits == 0 {
                return .success(text)
            }
            return .failure(errors(fromBits: bits))
        }
    }

    private static func waivedErrorBits(_ options: Options) -> UInt32 {
        var waived: UInt32 = 0
        if !options.checkHyphens {
            waived |= UInt32(UIDNA_ERROR_LEADING_HYPHEN)
                | UInt32(UIDNA_ERROR_TRAILING_HYPHEN)
                | UInt32(UIDNA_ERROR_HYPHEN_3_4)
        }
        if !options.verifyDNSLength {
            waived |= UInt32(UIDNA_ERROR_EMPTY_LABEL)
                | UInt32(UIDNA_ERROR_LABEL_TOO_LONG)
                | UInt32(UIDNA_ERROR_DOMAIN_NAME_TOO_LONG)
        }
        return waived
    }

    private static func errors(fromBits bits: UInt32) -> [IDNAError] {
        let known: [(Int, IDNAError)] = [
            (UIDNA_ERROR_EMPTY_LABEL, .emptyLabel),
            (UIDNA_ERROR_LABEL_TOO_LONG, .labelTooLong),
            (UIDNA_ERROR_DOMAIN_NAME_TOO_LONG, .domainNameTooLong),
            (UIDNA_ERROR_LEADING_HYPHEN, .leadingHyphen),
            (UIDNA_ERROR_TRAILING_HYPHEN, .trailingHyphen),
            (UIDNA_ERROR_HYPHEN_3_4, .hyphenInThirdAndFourthPosition),
            (UIDNA_ERROR_LEADING_COMBINING_MARK, .leadingCombiningMark),
            (UIDNA_ERROR_DISALLOWED, .disallowed),
            (UIDNA_ERROR_PUNYCODE, .punycode),
            (UIDNA_ERROR_LABEL_HAS_DOT, .labelHasDot),
            (UIDNA_ERROR_INVALID_ACE_LABEL, .invalidACELabel),
            (UIDNA_ERROR_BIDI, .bidi),
            (UIDNA_ERROR_CONTEXTJ, .contextJ),
            (UIDNA_ERROR_CONTEXTO_PUNCTUATION, .contextOPunctuation),
            (UIDNA_ERROR_CONTEXTO_DIGITS, .contextODigits),
        ]
        var remaining = bits
        var result: [IDNAError] = []
        for (bit, error) in known where bits & UInt32(bit) != 0 {
            result.append(error)
            remaining &= ~UInt32(bit)
        }
        // Bits added by a later ICU are reported rather than dropped, so an
        // unknown failure never turns into a success.
        var bit: UInt32 = 1
        while remaining != 0 {
            if remaining & bit != 0 {
                result.append(.other(bit: bit))
                remaining &= ~bit
            }
            bit <<= 1
        }
        return result
    }
}

/// One ICU `UIDNA` object, opened once and then shared by all threads.
final class UTS46Handle: @unchecked Sendable {
    // @unchecked is sound: ICU documents a UTS46 instance as thread-safe for
    // concurrent use, every call made after `init` takes `const UIDNA *`, and
    // the pointer is immutable.
    let pointer: OpaquePointer

    private init(icuOptions: UInt32) {
        var status = U_ZERO_ERROR
        let opened = sg_uidna_openUTS46(icuOptions, &status)
        guard sg_u_success(status), let opened else {
            // The UTS #46 data is part of libicudata; failing here means the
            // ICU installation itself is broken, which no caller can recover from.
            fatalError("uidna_openUTS46 failed: \(String(cString: sg_u_errorName(status)))")
        }
        pointer = opened
    }

    deinit { sg_uidna_close(pointer) }

    /// The four option bits ICU itself understands give 16 handles, all opened
    /// together on first use; a global `let` is initialised exactly once even
    /// under contention, so no lock is needed.
    private static let all: [UTS46Handle] = (0..<16).map { index in
        var icu = UInt32(UIDNA_DEFAULT)
        if index & 1 != 0 { icu |= UInt32(UIDNA_CHECK_BIDI) }
        if index & 2 != 0 { icu |= UInt32(UIDNA_CHECK_CONTEXTJ) }
        if index & 4 != 0 { icu |= UInt32(UIDNA_USE_STD3_RULES) }
        if index & 8 != 0 {
            icu |= UInt32(UIDNA_NONTRANSITIONAL_TO_ASCII) | UInt32(UIDNA_NONTRANSITIONAL_TO_UNICODE)
        }
        return UTS46Handle(icuOptions: icu)
    }

    /// The shared handle for the ICU-level flags of `options`.
    static func shared(for options: IDNA.Options) -> UTS46Handle {
        var index = 0
        if options.checkBidi { index |= 1 }
        if options.checkJoiners { index |= 2 }
        if options.useSTD3ASCIIRules { index |= 4 }
        if !options.transitionalProcessing { index |= 8 }
        return all[index]
    }
}
