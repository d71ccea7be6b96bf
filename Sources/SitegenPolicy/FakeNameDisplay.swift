import SitegenCore

/// How a known fake's name is shown: as written when no client would make it clickable, defanged
/// otherwise.
///
/// A reader looking for a fake bot types the exact name they saw into Telegram's search, so
/// `EgovKzBot2.0` is shown as it is written, marked as fake and never a link. A name is shown so only
/// when all of these hold (anything else stays defanged, `egov-kz[.]com`, `[@]fake_bot`): it is made of
/// ASCII letters, digits, `.`, `_` and `-` only; it does not contain `www`; and neither the strict
/// reading (a name with a real top-level domain, a URL, an e-mail address, a handle) nor Telegram's
/// (TDLib's entity rules, ``TelegramTextBoundaries``) finds anything in it, alone or between spaces,
/// brackets, quotes and a closing full stop, nor in the text around it where it stands. Bulletins are
/// read again when finished (`BulletinGuard`, in SitegenKit), so a name that reads otherwise there fails the build.
package enum FakeNameDisplay {
    /// The strict reading with no fakes registered: only what is linkable counts.
    private static let strict = TextTokens(fakeNames: [:])

    /// Whether no client would link `name` on its own.
    static func isUnlinkable(_ name: String) -> Bool {
        // ASCII by then, so its bytes are searched.
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isNameCharacter),
              !name.lowercased().containsBytes(of: "www") else { return false }
        for context in [name, " " + name + " ", "(" + name + ").", "«" + name + "», ", "\"" + name + "\"."] {
            // (A bot's name without `@` is read by a reader, linked by no client: ``TextToken/bare``.)
            if !TelegramTextBoundaries.find(Array(context.unicodeScalars)).isEmpty || !strict.scan(context).allSatisfy(\.bare) {
                return false
            }
        }
        return true
    }

    /// Whether the name at `range` (UTF-8 bytes) of `literal` may be shown as written there: unlinkable
    /// alone, and nothing a client links in `literal` touches it.
    package static func isUnlinkable(at range: Range<Int>, in literal: String) -> Bool {
        let bytes = Array(literal.utf8)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count,
              isUnlinkable(String(decoding: bytes[range], as: UTF8.self)) else { return false }
        for token in strict.scan(literal) where !token.bare && token.offset < range.upperBound && token.offset + token.length > range.lowerBound {
            return false
        }
        // Telegram's reading counts scalars: map the byte range to scalar indices.
        var scalarStart = 0, scalarEnd = 0, byte = 0
        for (i, u) in literal.unicodeScalars.enumerated() {
            if byte < range.lowerBound { scalarStart = i + 1 }
            if byte < range.upperBound { scalarEnd = i + 1 }
            byte += UTF8.width(u)
        }
        for link in TelegramTextBoundaries.find(Array(literal.unicodeScalars))
        where link.range.lowerBound < scalarEnd && link.range.upperBound > scalarStart {
            return false
        }
        return true
    }

    private static func isNameCharacter(_ u: Unicode.Scalar) -> Bool {
        (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") || u == "." || u == "_" || u == "-"
    }

    /// HTML for a name: as written in a marked, non-link span when unlinkable, else ``Defang/html(_:)``.
    /// `mark` ("fake" in the page's language) is read by screen readers before the name.
    package static func html(_ name: String, mark: String, shownAsWritten: Bool? = nil) -> String {
        guard shownAsWritten ?? isUnlinkable(name) else { return Defang.html(name) }
        let hidden = mark.isEmpty ? "" : "<span class=\"visually-hidden\">" + HTMLText.escape(mark) + ": </span>"
        return "<span class=\"fake-name\" translate=\"no\">" + hidden + HTMLText.escape(name) + "</span>"
    }

    /// Text for messengers: the name as written when unlinkable, else ``Defang/messenger(_:)``.
    package static func messenger(_ name: String) -> String {
        isUnlinkable(name) ? name : Defang.messenger(name)
    }
}
