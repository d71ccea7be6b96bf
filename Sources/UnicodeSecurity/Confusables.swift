@_implementationOnly import CICU

/// UTS #39 confusable detection ("skeletons"), backed by ICU's spoof checker.
///
/// Skeletons are case-sensitive: the skeleton of "ЕGOV" (Cyrillic Е) is
/// "EGOV", not "egov". Map a host with ``IDNA/toUnicode(_:options:)`` (or
/// ``IDNA/toASCII(_:options:)`` followed by `toUnicode`) before taking its
/// skeleton, exactly as a browser maps it before resolving it.
///
/// All functions are safe to call from any thread at the same time.
package enum Confusables {
    /// The UTS #39 skeleton of `s`: two strings are confusable exactly when
    /// their skeletons are equal. A skeleton is for comparison only; it is
    /// not meant to be shown (for example "m" may become "rn").
    package static func skeleton(_ s: String) -> String {
        let checker = SharedSpoofChecker.instance
        let result = withICUUTF8(s) { input, length in
            // Most characters map to one of similar length; NFD can expand a
            // little, and the retry covers the rest.
            icuUTF8Output(estimatedLength: Int(length) * 2 + 16) { dest, capacity, status in
                sg_uspoof_getSkeletonUTF8(checker.pointer, input, length, dest, capacity, &status)
            }
        }
        switch result {
        case .success(let skeleton):
            return skeleton
        case .failure(let failure):
            // Valid UTF-8 (all a Swift String can hold) only fails on
            // exhausted memory or an input beyond 2 GiB; returning the input
            // would let a lookalike slip through silently.
            fatalError("uspoof_getSkeletonUTF8 failed: \(failure.name)")
        }
    }

    /// Whether `a` and `b` look alike per UTS #39, i.e. have the same
    /// skeleton. Identical strings are confusable with each other.
    package static func areConfusable(_ a: String, _ b: String) -> Bool {
        let checker = SharedSpoofChecker.instance
        let result = withICUUTF8(a) { first, firstLength in
            withICUUTF8(b) { second, secondLength -> Result<Int32, ICUFailure> in
                var status = U_ZERO_ERROR
                let bits = sg_uspoof_areConfusableUTF8(
                    checker.pointer, first, firstLength, second, secondLength, &status)
                return sg_u_success(status) ? .success(bits) : .failure(ICUFailure(status))
            }
        }
        switch result {
        case .success(let bits):
            return bits != 0
        case .failure:
            // Same reasoning as in `skeleton`: fall back to comparing
            // skeletons, which traps rather than answering "not confusable".
            return skeleton(a) == skeleton(b)
        }
    }
}
