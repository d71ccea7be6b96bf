
/// Something a Telegram app turns into a link by itself, found in plain text.
struct TelegramAutoLink: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// `@handle`.
        case mention
        /// `/start@bot`: only commands naming a bot are kept (the bot is opened).
        case botCommand
        /// `$USD@bot`: only cashtags naming a bot are kept.
        case cashtag
        /// `#tag@bot`: only hashtags naming a bot are kept (the app searches the tag in that bot).
        case hashtag
        /// An address with or without a scheme (`evil.com`, `185.22.64.10/apply`, `tg://…`, `ton://…`).
        case url
        /// `name@domain.tld`.
        case email
        /// A bank card number (`4400 4301 2345 6789`), which opens the app's card menu.
        case bankCard
    }

    var kind: Kind
    /// Scalar indices into the text.
    var range: Range<Int>
}

/// Finds what a Telegram client makes clickable in text, with the client's own word boundaries, so
/// the link policy judges what a reader of a bulletin can tap, not what a stricter reading sees.
///
/// The rules follow the clients' entity parser (TDLib): a mention may follow a mark or a symbol
/// (`Ⓐ@evilbot`, a combining accent) because only letters, digits and `_` join words; a domain may
/// be followed by any non-letter (`evil.com¹`); an address ends at a space, at most general
/// punctuation (`…’•‹`) and at `<>"«»`, so `https://egov.kz/…evil.com` is two links; a scheme-less
/// domain needs a top-level domain Telegram knows (``TelegramTLDs``) or an `xn--` one; four numbers
/// of at most 255 are an IPv4 address. What the clients ignore (a bare `/start`, `$USD`) is ignored.
package enum TelegramTextBoundaries {
    static func find(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        out += mentions(s)
        out += botCommands(s, namingBot: true)
        out += cashtags(s, namingBot: true)
        out += hashtagsNamingBots(s)
        out += schemeURLs(s)
        out += addresses(s)
        out += bankCards(s)
        return out.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// How many entities Telegram may detect by itself in a message's text, for its limit of 100
    /// per message: every mention, address and e-mail address, every bot command, cashtag and
    /// hashtag (named bot or not) and every run of 13 or more digits (a card number). Overlaps
    /// are counted twice, so it never counts fewer than the app.
    package static func entityBound(_ s: [Unicode.Scalar]) -> Int {
        var n = mentions(s).count + botCommands(s, namingBot: false).count + cashtags(s, namingBot: false).count
            + schemeURLs(s).count + addresses(s).count
        var digits = 0
        for (i, u) in s.enumerated() {
            if u == "#", i + 1 < s.count, isHashtagLetter(s[i + 1]), i == 0 || !isHashtagLetter(s[i - 1]) { n += 1 }
            if ("0"..."9").contains(u) {
                digits += 1
            } else if u != " " && u != "-" {
                if digits >= 13 { n += 1 }
                digits = 0
            }
        }
        return n + (digits >= 13 ? 1 : 0)
    }

    // MARK: Character classes

    /// Letters and numbers of any script, and `_`: what joins a word for Telegram. Marks and
    /// symbols do not.
    static func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return isASCIIAlphanumeric(u) || u == "_" }
        // Kazakh and Russian letters without a property lookup (a test holds this to the tables).
        if isCyrillicLetter(u) { return true }
        return isWordCharacterByCategory(u)
    }

    /// The definition `isWordCharacter` answers quickly.
    static func isWordCharacterByCategory(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return isASCIIAlphanumeric(u) || u == "_" }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func isASCIIAlphanumeric(_ u: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(u) || ("A"..."Z").contains(u) || ("0"..."9").contains(u)
    }

    static func isHandleCharacter(_ u: Unicode.Scalar) -> Bool { isASCIIAlphanumeric(u) || u == "_" }

    /// The letters of the Cyrillic block (U+0400–U+04FF without the sign and the combining marks
    /// U+0482–U+0489): every letter of Kazakh and Russian.
    @inline(__always) static func isCyrillicLetter(_ u: Unicode.Scalar) -> Bool {
        (0x400...0x481).contains(u.value) || (0x48A...0x4FF).contains(u.value)
    }

    /// Space, line and paragraph separators (Zs, Zl, Zp): a short fixed list, read without a
    /// property lookup since nearly every character of a page is asked (a test holds it to the tables).
    package static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// The definition `isSeparator` lists.
    static func isSeparatorByCategory(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Characters an address may hold beyond ASCII: anything but separators and general
    /// punctuation (U+2000–U+206F), except the joiners and the dashes U+2010–U+2015.
    static func isAddressUnicode(_ u: Unicode.Scalar) -> Bool {
        if (0x2000...0x206F).contains(u.value) {
            return u.value == 0x200C || u.value == 0x200D || (0x2010...0x2015).contains(u.value)
        }
        return !isSeparator(u)
    }

    static func isPathCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "\n", "<", ">", "\"", "\u{AB}", "\u{BB}": return false
        default: return isAddressUnicode(u)
        }
    }

    static func isUserInfoCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "\n", "/", "[", "]", "{", "}", "(", ")", "'", "`", "<", ">", "\"", "@", "\u{AB}", "\u{BB}": return false
        default: return isAddressUnicode(u)
        }
    }

    static func isDomainCharacter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0xC0 { return u == "." || u == "-" || u == "~" || isHandleCharacter(u) }
        return isAddressUnicode(u)
    }

    static func isSchemeCharacter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return isASCIIAlphanumeric(u) || u == "+" || u == "-" }
        return !isSeparator(u)
    }

    /// Characters that end a sentence rather than an address.
    static let trailing: Set<Unicode.Scalar> = [".", ":", ";", ",", "(", "'", "?", "!", "`"]

    static func isHashtagLetter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return isASCIIAlphanumeric(u) || u == "_" }
        if isCyrillicLetter(u) { return true }
        return isHashtagLetterByCategory(u)
    }

    /// The definition `isHashtagLetter` answers quickly.
    static func isHashtagLetterByCategory(_ u: Unicode.Scalar) -> Bool {
        if u == "_" || u.value == 0x200C || u.value == 0xB7 || (0xD80...0xDFF).contains(u.value) { return true }
        switch u.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    // MARK: Mentions, commands, cashtags

    private static func mentions(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        for i in s.indices where s[i] == "@" {
            if i > 0, isWordCharacter(s[i - 1]) { continue }
            var end = i + 1
            while end < s.count, isHandleCharacter(s[end]) { end += 1 }
            let size = end - i - 1
            guard size >= 2, size <= 32 else { continue }
            if end < s.count, isWordCharacter(s[end]) { continue }
            // Three letters or fewer are no username, except the inline bots the apps know.
            if size < 4, !["gif", "vid", "pic"].contains(String(scalars: s[(i + 1)..<end]).lowercased()) {
                continue
            }
            out.append(TelegramAutoLink(kind: .mention, range: i..<end))
        }
        return out
    }

    /// `/command@bot`; with `namingBot` false, a bare `/command` too.
    private static func botCommands(_ s: [Unicode.Scalar], namingBot: Bool) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        for i in s.indices where s[i] == "/" {
            if i > 0, isWordCharacter(s[i - 1]) || ["/", "<", ">"].contains(s[i - 1]) { continue }
            var end = i + 1
            while end < s.count, isHandleCharacter(s[end]) { end += 1 }
            guard (1...64).contains(end - i - 1) else { continue }
            guard end < s.count, s[end] == "@" else {
                if !namingBot, end == s.count || !(isWordCharacter(s[end]) || ["/", "<", ">"].contains(s[end])) {
                    out.append(TelegramAutoLink(kind: .botCommand, range: i..<end))
                }
                continue
            }
            var botEnd = end + 1
            while botEnd < s.count, isHandleCharacter(s[botEnd]) { botEnd += 1 }
            guard (3...32).contains(botEnd - end - 1) else { continue }
            if botEnd < s.count, isWordCharacter(s[botEnd]) || ["/", "<", ">"].contains(s[botEnd]) { continue }
            out.append(TelegramAutoLink(kind: .botCommand, range: i..<botEnd))
        }
        return out
    }

    /// `#tag@bot`. Read more widely than the apps do (any run of hashtag letters, any handle of three
    /// or more characters after the @), so that every bot a hashtag could name is judged.
    private static func hashtagsNamingBots(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        for i in s.indices where s[i] == "#" {
            if i > 0, isHashtagLetter(s[i - 1]) { continue }
            var end = i + 1
            while end < s.count, isHashtagLetter(s[end]) { end += 1 }
            guard end > i + 1, end < s.count, s[end] == "@" else { continue }
            var botEnd = end + 1
            while botEnd < s.count, isHandleCharacter(s[botEnd]) { botEnd += 1 }
            if botEnd - end - 1 >= 3 { out.append(TelegramAutoLink(kind: .hashtag, range: i..<botEnd)) }
        }
        return out
    }

    /// `$USD@bot`; with `namingBot` false, a bare `$USD` too.
    private static func cashtags(_ s: [Unicode.Scalar], namingBot: Bool) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        for i in s.indices where s[i] == "$" {
            if i > 0, isHashtagLetter(s[i - 1]) || s[i - 1] == "$" { continue }
            var end = i + 1
            if s[end...].starts(with: "1INCH".unicodeScalars) {
                end += 5
            } else {
                while end < s.count, ("A"..."Z").contains(s[end]) { end += 1 }
            }
            guard (1...8).contains(end - i - 1) else { continue }
            var botEnd = end + 1
            while botEnd < s.count, s[end] == "@", isHandleCharacter(s[botEnd]) { botEnd += 1 }
            // Fewer than three characters after the @ name no bot: the cashtag ends before it.
            guard end < s.count, s[end] == "@", botEnd - end - 1 >= 3 else {
                if !namingBot, end == s.count || !(isHashtagLetter(s[end]) || s[end] == "$") {
                    out.append(TelegramAutoLink(kind: .cashtag, range: i..<end))
                }
                continue
            }
            if botEnd < s.count, isHashtagLetter(s[botEnd]) || s[botEnd] == "$" { continue }
            out.append(TelegramAutoLink(kind: .cashtag, range: i..<botEnd))
        }
        return out
    }
}
