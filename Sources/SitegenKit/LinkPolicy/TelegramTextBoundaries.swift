import UnicodeSecurity

/// Something a Telegram app turns into a link by itself, found in plain text.
struct TelegramAutoLink: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `@handle`.
        case mention
        /// `/start@bot`: only commands naming a bot are kept (the bot is opened).
        case botCommand
        /// `$USD@bot`: only cashtags naming a bot are kept.
        case cashtag
        /// An address with or without a scheme (`evil.com`, `185.22.64.10/apply`, `tg://…`, `ton://…`).
        case url
        /// `name@domain.tld`.
        case email
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
enum TelegramTextBoundaries {
    static func find(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        out += mentions(s)
        out += botCommands(s, namingBot: true)
        out += cashtags(s, namingBot: true)
        out += schemeURLs(s)
        out += addresses(s)
        return out.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }

    /// How many entities Telegram may detect by itself in a message's text, for its limit of 100
    /// per message: every mention, address and e-mail address, every bot command, cashtag and
    /// hashtag (named bot or not) and every run of 13 or more digits (a card number). Overlaps
    /// are counted twice, so it never counts fewer than the app.
    static func entityBound(_ s: [Unicode.Scalar]) -> Int {
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

    private static func isHandleCharacter(_ u: Unicode.Scalar) -> Bool { isASCIIAlphanumeric(u) || u == "_" }

    private static func isSeparator(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// Characters an address may hold beyond ASCII: anything but separators and general
    /// punctuation (U+2000–U+206F), except the joiners and the dashes U+2010–U+2015.
    private static func isAddressUnicode(_ u: Unicode.Scalar) -> Bool {
        if (0x2000...0x206F).contains(u.value) {
            return u.value == 0x200C || u.value == 0x200D || (0x2010...0x2015).contains(u.value)
        }
        return !isSeparator(u)
    }

    private static func isPathCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "\n", "<", ">", "\"", "\u{AB}", "\u{BB}": return false
        default: return isAddressUnicode(u)
        }
    }

    private static func isUserInfoCharacter(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "\n", "/", "[", "]", "{", "}", "(", ")", "'", "`", "<", ">", "\"", "@", "\u{AB}", "\u{BB}": return false
        default: return isAddressUnicode(u)
        }
    }

    private static func isDomainCharacter(_ u: Unicode.Scalar) -> Bool {
        if u.value < 0xC0 { return u == "." || u == "-" || u == "~" || isHandleCharacter(u) }
        return isAddressUnicode(u)
    }

    private static func isSchemeCharacter(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return isASCIIAlphanumeric(u) || u == "+" || u == "-" }
        return !isSeparator(u)
    }

    /// Characters that end a sentence rather than an address.
    private static let trailing: Set<Unicode.Scalar> = [".", ":", ";", ",", "(", "'", "?", "!", "`"]

    private static func isHashtagLetter(_ u: Unicode.Scalar) -> Bool {
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
            if size < 4, !["gif", "vid", "pic"].contains(String(String.UnicodeScalarView(s[(i + 1)..<end])).lowercased()) {
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

    // MARK: Addresses

    /// `tg://…` and `ton://…`, wherever they start (even inside a word).
    private static func schemeURLs(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        var i = 0
        while i + 2 < s.count {
            defer { i += 1 }
            guard s[i] == ":", s[i + 1] == "/", s[i + 2] == "/" else { continue }
            let before = String(String.UnicodeScalarView(s[max(0, i - 7)..<i])).lowercased()
            let begin: Int
            // For `tonsite://` the clients link from the `ite` on (as TDLib reports it): that
            // piece, an unknown scheme, is what is judged.
            if before.hasSuffix("ton") || before.hasSuffix("tonsite") {
                begin = i - 3
            } else if before.hasSuffix("tg") {
                begin = i - 2
            } else {
                continue
            }
            var end = i + 3
            while end < s.count, end - (i + 3) < 253, isHandleCharacter(s[end]) || s[end] == "-" { end += 1 }
            guard end > i + 3 else { continue }
            if end < s.count, ["/", "?", "#"].contains(s[end]) {
                var pathEnd = end + 1
                while pathEnd < s.count, isPathCharacter(s[pathEnd]) { pathEnd += 1 }
                while pathEnd > end + 1, trailing.contains(s[pathEnd - 1]) { pathEnd -= 1 }
                if s[end] == "/" || pathEnd > end + 1 { end = pathEnd }
            }
            out.append(TelegramAutoLink(kind: .url, range: begin..<end))
        }
        return out
    }

    /// Addresses found around each dot: `name.tld`, `user@host`, `https://…`, `1.2.3.4:80/x`.
    private static func addresses(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        var start = 0
        while true {
            guard let dot = s[start...].firstIndex(of: "."), dot + 1 < s.count else { break }
            if s[dot + 1] == " " {
                start = dot + 2
                continue
            }
            var domainBegin = dot
            while domainBegin > start, isDomainCharacter(s[domainBegin - 1]) { domainBegin -= 1 }
            var lastAt: Int?
            var domainEnd = dot
            while domainEnd < s.count {
                if s[domainEnd] == "@" { lastAt = domainEnd } else if !isDomainCharacter(s[domainEnd]) { break }
                domainEnd += 1
            }
            if lastAt != nil {
                while domainBegin > start, isUserInfoCharacter(s[domainBegin - 1]) { domainBegin -= 1 }
            }
            var urlEnd = domainEnd
            if urlEnd < s.count, s[urlEnd] == ":" {
                var portEnd = urlEnd + 1
                while portEnd < s.count, ("0"..."9").contains(s[portEnd]) { portEnd += 1 }
                let digits = String(String.UnicodeScalarView(s[(urlEnd + 1)..<portEnd])).drop { $0 == "0" }
                if !digits.isEmpty, digits.count <= 5, let port = Int(digits), port <= 65535 { urlEnd = portEnd }
            }
            if urlEnd < s.count, ["/", "?", "#"].contains(s[urlEnd]) {
                var pathEnd = urlEnd + 1
                while pathEnd < s.count, isPathCharacter(s[pathEnd]) { pathEnd += 1 }
                while pathEnd > urlEnd + 1, trailing.contains(s[pathEnd - 1]) { pathEnd -= 1 }
                if s[urlEnd] == "/" || pathEnd > urlEnd + 1 { urlEnd = pathEnd }
            }
            while urlEnd > dot + 1, s[urlEnd - 1] == "." { urlEnd -= 1 }

            var bad = false
            var urlBegin = domainBegin
            if urlBegin > start, s[urlBegin - 1] == "@" {
                if lastAt != nil { bad = true }
                var user = urlBegin - 1
                while user > start, isUserInfoCharacter(s[user - 1]) { user -= 1 }
                if user == urlBegin - 1 { bad = true }
                urlBegin = user
            }
            if urlBegin > start {
                let prefix = s[start..<urlBegin]
                if prefix.reduce(0, { $0 + UTF8.width($1) }) >= 6, prefix.suffix(3).elementsEqual("://".unicodeScalars) {
                    var schemeBegin = urlBegin - 3
                    while schemeBegin > start, isSchemeCharacter(s[schemeBegin - 1]) { schemeBegin -= 1 }
                    let scheme = String(String.UnicodeScalarView(s[schemeBegin..<(urlBegin - 3)])).lowercased()
                    if scheme.hasSuffix("http") && scheme != "shttp" {
                        urlBegin -= 7
                    } else if scheme.hasSuffix("https") {
                        urlBegin -= 8
                    } else if scheme.hasSuffix("ftp") && scheme != "tftp" && scheme != "sftp" {
                        urlBegin -= 6
                    } else if scheme.hasSuffix("tonsite") {
                        urlBegin -= 10
                    } else {
                        bad = true
                    }
                } else {
                    let c = s[urlBegin - 1]
                    if isWordCharacter(c) || c == "/" || c == "#" || c == "@" { bad = true }
                }
            }
            if !bad {
                if urlEnd > dot + 1, let found = classify(s, urlBegin..<urlEnd) { out.append(found) }
                while urlEnd < s.count, s[urlEnd] == "." { urlEnd += 1 }
            } else {
                while urlEnd > dot + 1, s[urlEnd - 1] != "." { urlEnd -= 1 }
            }
            start = max(urlEnd, dot + 1)
        }
        return out
    }

    /// An e-mail address, an address, or nothing (a name without a known top-level domain).
    private static func classify(_ s: [Unicode.Scalar], _ range: Range<Int>) -> TelegramAutoLink? {
        let text = String(String.UnicodeScalarView(s[range]))
        if isEmailAddress(text) { return TelegramAutoLink(kind: .email, range: range) }
        if text.hasPrefix("mailto:"), isEmailAddress(String(text.dropFirst(7))) {
            return TelegramAutoLink(kind: .email, range: (range.lowerBound + 7)..<range.upperBound)
        }
        guard let length = addressLength(Array(text.unicodeScalars)) else { return nil }
        return TelegramAutoLink(kind: .url, range: range.lowerBound..<(range.lowerBound + length))
    }

    /// `[a-z0-9_-]` parts joined by `.` or `+` before the @, 2–7 labels after it and a Latin
    /// top-level domain of 2–8 letters.
    static func isEmailAddress(_ text: String) -> Bool {
        let u = Array(text.unicodeScalars)
        guard let at = u.firstIndex(of: "@") else { return false }
        let user = u[..<at], domain = u[(at + 1)...]
        guard !domain.isEmpty else { return false }
        var partStart = user.startIndex
        var parts = 0
        for i in user.indices {
            if user[i] == "." || user[i] == "+" {
                if i - partStart >= 27 { return false }
                parts += 1
                partStart = i + 1
            } else if !(isHandleCharacter(user[i]) || user[i] == "-") {
                return false
            }
        }
        parts += 1
        let last = user.endIndex - partStart
        guard parts < 12, last > 0, last < 36 else { return false }
        let labels = domain.split(separator: "@", omittingEmptySubsequences: false).count == 1
            ? Array(domain).split(separator: ".", omittingEmptySubsequences: false) : []
        guard labels.count >= 2, labels.count <= 7, let tld = labels.last, tld.count >= 2, tld.count <= 8,
              tld.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
        return labels.dropLast().allSatisfy { label in
            !label.isEmpty && label.count < 31 && label.allSatisfy { isHandleCharacter($0) || $0 == "-" }
                && isASCIIAlphanumeric(label.first!) && isASCIIAlphanumeric(label.last!)
        }
    }

    /// How much of a candidate address a client links (unbalanced brackets and sentence
    /// punctuation cut the path), or nil when its host is no name a client links.
    private static func addressLength(_ u: [Unicode.Scalar]) -> Int? {
        var rest = u[...]
        var hasScheme = false
        let head = String(String.UnicodeScalarView(u.prefix(10))).lowercased()
        for scheme in ["http://", "https://", "ftp://", "tonsite://"] where head.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            hasScheme = true
            break
        }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[rest.startIndex..<hostEnd]
        if let at = host.firstIndex(of: "@") { host = host[(at + 1)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        if String(String.UnicodeScalarView(host)).lowercased() == "teiegram.org" { return nil }

        var balance = [0, 0, 0]
        var pathEnd = hostEnd
        while pathEnd < u.count {
            switch u[pathEnd] {
            case "(": balance[0] += 1
            case "[": balance[1] += 1
            case "{": balance[2] += 1
            case ")": balance[0] -= 1
            case "]": balance[1] -= 1
            case "}": balance[2] -= 1
            default: break
            }
            if balance.contains(where: { $0 < 0 }) { break }
            pathEnd += 1
        }
        while pathEnd > hostEnd, trailing.contains(u[pathEnd - 1]) { pathEnd -= 1 }

        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            let bytes = label.reduce(0) { $0 + UTF8.width($1) }
            if label.isEmpty || bytes >= 64 || label.last == "-" { return nil }
        }
        if labels.count == 4, labels.allSatisfy(isIPv4Part) { return pathEnd }
        guard host.contains(where: { $0 != "." && !("0"..."9").contains($0) }) else { return nil }
        let tld = labels.last!
        guard tld.count > 1 else { return nil }
        let tldText = String(String.UnicodeScalarView(tld))
        if tldText.hasPrefix("xn--") {
            guard tld.count > 5, tld.dropFirst(4).allSatisfy(isASCIIAlphanumeric) else { return nil }
        } else {
            if tld.contains("_") || tld.contains("-") { return nil }
            if !hasScheme, !TelegramTLDs.isKnown(tldText) { return nil }
        }
        if labels.count >= 2, labels[labels.count - 2].contains("_") { return nil }
        return pathEnd
    }

    /// A number of at most three digits, at most 255, without a leading zero.
    private static func isIPv4Part(_ label: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !label.isEmpty, label.count <= 3, label.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        if label.count > 1 && label.first == "0" { return false }
        return Int(String(String.UnicodeScalarView(label)))! <= 255
    }
}
