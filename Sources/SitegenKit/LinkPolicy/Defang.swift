import Foundation
/// Shows a dangerous name so that no client, browser or messenger turns it into a link.
enum Defang {
    /// `egov-kz.com` → `egov-kz[.]com`, `https://x.kz` → `hxxps://x[.]kz`.
    static func text(_ s: String) -> String {
        var out = s.replacingOccurrences(of: ".", with: "[.]")
        for (scheme, safe) in [("https://", "hxxps://"), ("http://", "hxxp://")] where out.lowercased().hasPrefix(scheme) {
            out = safe + out.dropFirst(scheme.count)
        }
        return out
    }

    /// A non-link span holding a defanged name.
    static func html(_ s: String) -> String {
        "<span class=\"defanged\" translate=\"no\">" + HTMLText.escape(text(s)) + "</span>"
    }
}
