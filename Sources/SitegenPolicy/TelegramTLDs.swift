import SitegenCore
import UnicodeSecurity

/// The top-level domains after which a Telegram client links a name written without a scheme.
///
/// The public suffix list holds nearly all of them; the clients also know a few it lacks as a
/// top-level rule of their own (`.ton`, and country codes such as `za` that the list only has
/// second-level rules for). A name Telegram links but the list does not know would otherwise reach
/// a reader unjudged. The table is data: every entry was checked with TDLib's `getTextEntities`
/// (`Tests/oracle/tdlib_entities.py`), and `TDLibTopLevelDomainTests` keeps it honest.
enum TelegramTLDs {
    /// Linked by Telegram, not a top-level rule of the public suffix list.
    static let beyondPublicSuffixList: Set<String> = ["ton", "wed", "za"]

    private static let known = SharedCache<ExactText, Bool>()

    /// Whether a client links `name.<tld>` written without a scheme. A label capitalised only in
    /// its first letter (`evil.Com`) is not linked; all capitals are (`evil.COM`).
    static func isKnown(_ tld: String) -> Bool {
        let lower = tld.lowercased()
        if lower != tld, lower.unicodeScalars.dropFirst().elementsEqual(tld.unicodeScalars.dropFirst()) { return false }
        return known.value(lower) {
            beyondPublicSuffixList.contains(lower) || PublicSuffixList.shared.hasKnownTLD("a." + lower)
        }
    }
}
