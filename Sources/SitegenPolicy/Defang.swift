import Foundation
import SitegenCore

/// Shows a dangerous name so that no client, browser or messenger turns it into a link.
package enum Defang {
    /// `egov-kz.com` → `egov-kz[.]com`, `https://x.kz` → `hxxps://x[.]kz`.
    package static func text(_ s: String) -> String {
        var out = ""
        // Every character a reader or a browser takes for a dot (`．`, `。`, `·` …) is bracketed, not only
        // `.`, and so is any other punctuation or symbol between the name's letters (`EgovKzBot2˙0`,
        // `EgovKzBot2,0`): a reader may read it as the dot of the name.
        for u in s.unicodeScalars {
            if TextTokens.plain(u) == "." || FakeNameMatcher.isDotLike(u) || Self.mayReadAsDot(u) {
                out += "[" + String(u) + "]"
            } else {
                out.unicodeScalars.append(u)
            }
        }
        return defangingSchemes(out)
    }

    /// Every scheme in a name made harmless, not only the first (`https://egov-kz.com/?u=https://x.kz`
    /// holds two, and Telegram links the second's `https://x` however its dots are bracketed):
    /// `http(s)://` becomes `hxxp(s)://`, and any other `scheme://` has its colon bracketed (`ftp[:]//`).
    static func defangingSchemes(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(s.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i] == ":", i + 2 < scalars.count, scalars[i + 1] == "/", scalars[i + 2] == "/" else {
                out.append(scalars[i])
                i += 1
                continue
            }
            // The scheme: the ASCII letters, digits, `+`, `-` and `.` just before the colon.
            var start = out.endIndex
            while start > out.startIndex {
                let c = out[out.index(before: start)]
                guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || "+-.".unicodeScalars.contains(c) else { break }
                start = out.index(before: start)
            }
            let scheme = String(String.UnicodeScalarView(out[start...])).lowercased()
            if scheme.hasSuffix("https") || scheme.hasSuffix("http") {
                let kept = scheme.hasSuffix("https") ? "https" : "http"
                out.removeSubrange(out.index(out.endIndex, offsetBy: -kept.count)..<out.endIndex)
                out.append(contentsOf: (kept == "https" ? "hxxps://" : "hxxp://").unicodeScalars)
            } else {
                out.append(contentsOf: "[:]//".unicodeScalars)
            }
            i += 3
        }
        return String(out)
    }

    /// Punctuation and symbols other than the ones names are written with (`-`, `_`, `@`, `:`, `/`).
    private static func mayReadAsDot(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return u == "," || u == ";" || u == "'" || u == "`" }
        switch u.properties.generalCategory {
        case .otherPunctuation, .modifierSymbol, .mathSymbol, .otherSymbol, .connectorPunctuation, .dashPunctuation:
            return true
        default:
            return false
        }
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
    package static func html(_ s: String) -> String {
        "<span class=\"defanged\" translate=\"no\">" + HTMLText.escape(messenger(s)) + "</span>"
    }
}
