/// The UTS #39 section 5.2 restriction levels, from most to least restrictive.
///
/// `Comparable` follows that order, so `level > .highlyRestrictive` means the
/// string mixes scripts in a way highly restrictive identifiers may not.
package enum RestrictionLevel: Int, Comparable, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Only ASCII characters.
    case ascii = 1
    /// All characters come from a single script (Common and Inherited
    /// characters, such as digits and hyphens, go with any script).
    case singleScript
    /// Latin together with Han and Hiragana/Katakana, Han and Bopomofo, or
    /// Han and Hangul: the mixtures usual in Japanese, Chinese and Korean.
    case highlyRestrictive
    /// Latin together with one other script that is not Cyrillic, Greek or
    /// Cherokee.
    case moderatelyRestrictive
    /// Any other mix of scripts, for example Latin with Cyrillic.
    case minimallyRestrictive
    /// Characters outside the checker's allowed set. ICU's checker here
    /// allows all code points, so this level is not normally reported.
    case unrestricted

    /// Orders levels from most restrictive (`ascii`) to least (`unrestricted`).
    package static func < (lhs: RestrictionLevel, rhs: RestrictionLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// The UTS #39 name of the level, such as "Highly Restrictive".
    package var description: String {
        switch self {
        case .ascii: return "ASCII-Only"
        case .singleScript: return "Single Script"
        case .highlyRestrictive: return "Highly Restrictive"
        case .moderatelyRestrictive: return "Moderately Restrictive"
        case .minimallyRestrictive: return "Minimally Restrictive"
        case .unrestricted: return "Unrestricted"
        }
    }
}
