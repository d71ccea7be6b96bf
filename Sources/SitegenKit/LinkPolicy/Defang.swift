import Foundation
/// Shows a dangerous name so that no client, browser or messenger turns it into a link.
enum Defang {
    /// `egov-kz.com` → `egov-kz[.]com`, `https://x.kz` → `hxxps://x[.]kz`.
    static func text(_ s: String) -> String {
        var out = ""
        // Every character a reader or a browser takes for a dot (`．`, `。`, `·` …) is bracketed, not only `.`.
        for u in s.unicodeScalars {
            if TextTokens.plain(u) == "." || FakeNameMatcher.isDotLike(u) { out += "[" + String(u) + "]" } else { out.unicodeScalars.append(u) }
        }
        for (scheme, safe) in [("https://", "hxxps://"), ("http://", "hxxp://")] where out.lowercased().hasPrefix(scheme) {
            out = safe + out.dropFirst(scheme.count)
        }
        return out
    }

    /// For messengers, which also turn `@name` into a link to an account: `@fake_bot` → `[@]fake_bot`,
    /// `info@egov-kz.com` → `info[@]egov-kz[.]com`.
    static func messenger(_ s: String) -> String {
        var out = ""
        for u in text(s).unicodeScalars {
            if TextTokens.plain(u) == "@" { out += "[" + String(u) + "]" } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// A non-link span holding a defanged name. The `@` is bracketed too: a reader who copies
    /// `@EgovKzBot2.0` from the page into a messenger would otherwise paste a mention of `@EgovKzBot2`.
    static func html(_ s: String) -> String {
        "<span class=\"defanged\" translate=\"no\">" + HTMLText.escape(messenger(s)) + "</span>"
    }
}
