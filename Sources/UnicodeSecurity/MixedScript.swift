@_implementationOnly import CICU

/// UTS #39 mixed-script detection on single identifiers such as one label of
/// a host name.
///
/// Dots, digits and hyphens are Common script and are ignored, so a whole
/// host can be passed as well; checking each label separately tells which
/// label is at fault. Case does not matter for these checks.
///
/// All functions are safe to call from any thread at the same time.
package enum MixedScript {
    /// The UTS #39 restriction level of `identifier`, from ICU's
    /// `uspoof_check2` with the restriction-level check enabled.
    package static func restrictionLevel(of identifier: String) -> RestrictionLevel {
        let checker = SharedSpoofChecker.instance
        let result = withICUUTF8(identifier) { input, length -> Result<Int32, ICUFailure> in
            var status = U_ZERO_ERROR
            // The result object is per call: check2 writes into it, so it
            // must not be shared between threads.
            let opened = sg_uspoof_openCheckResult(&status)
            defer { if let opened { sg_uspoof_closeCheckResult(opened) } }
            guard sg_u_success(status), let checkResult = opened else {
                return .failure(ICUFailure(status))
            }
            _ = sg_uspoof_check2UTF8(checker.pointer, input, length, checkResult, &status)
            let level = sg_uspoof_getCheckResultRestrictionLevel(checkResult, &status)
            return sg_u_success(status) ? .success(level.rawValue) : .failure(ICUFailure(status))
        }
        switch result {
        case .success(let raw):
            // ICU encodes the levels as 0x10000000 (ASCII) to 0x60000000
            // (unrestrictive) in steps of 0x10000000.
            return RestrictionLevel(rawValue: Int(raw >> 28)) ?? .unrestricted
        case .failure:
            // Failing closed: an identifier that cannot be analysed is
            // treated as the least restricted kind.
            return .unrestricted
        }
    }

    /// Whether `label` mixes scripts beyond what the UTS #39 "Highly
    /// Restrictive" level allows.
    ///
    /// "еgov" with a Cyrillic е is mixed (Latin with Cyrillic); the
    /// all-Cyrillic "егов" is not, nor is "42500enbek" (digits are Common),
    /// nor Japanese that mixes Han, Hiragana, Katakana and Latin.
    package static func isMixedScript(_ label: String) -> Bool {
        restrictionLevel(of: label) > .highlyRestrictive
    }

    /// The ISO 15924 codes (such as "Latn", "Cyrl") of the scripts used in
    /// `s`, in order of first appearance, leaving out Common ("Zyyy"),
    /// Inherited ("Zinh") and Unknown ("Zzzz"). Meant for diagnostics such as
    /// "label mixes Latn and Cyrl".
    ///
    /// This uses each code point's Script property only; characters shared
    /// by several scripts (Script_Extensions) are reported under their main one.
    package static func scripts(in s: String) -> [String] {
        var seen: [String] = []
        for scalar in s.unicodeScalars {
            var status = U_ZERO_ERROR
            let script = sg_uscript_getScript(Int32(bitPattern: scalar.value), &status)
            guard sg_u_success(status),
                  script != USCRIPT_COMMON, script != USCRIPT_INHERITED, script != USCRIPT_UNKNOWN,
                  let name = sg_uscript_getShortName(script)
            else { continue }
            let code = String(cString: name)
            if !seen.contains(code) { seen.append(code) }
        }
        return seen
    }
}
