import Foundation
import SitegenCore
import SitegenMarkdown
import UnicodeSecurity

/// A token in visible text that the link policy must judge.
package struct TextToken: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// `https://…` or `http://…` written out.
        case url
        /// A name with a real top-level domain: `egov.kz`, `www.egov-kz.com`, `егов.қаз`.
        case domain(ascii: String)
        /// `name@domain`: the domain is judged.
        case email(ascii: String)
        /// `@handle`.
        case handle(String)
        /// A known fake name from the policy, written without `@`.
        case fakeName(String)
        /// `t.me/handle` written without a scheme.
        case telegramPath(String)
        /// What is named after a Telegram host and a mark an address is written with (`t.me:/handle`,
        /// `t.me\handle`, `t.me./handle`, ``TextTokens/telegramNamed(after:_:)``), without a leading `@`: the
        /// app links only the host, but a reader goes to the name.
        case telegramNamed(String)
        /// An address a messenger links without a scheme that is more than a name (`evil.com:8080/x`,
        /// `help@egov.kz/…`): judged as the `https://` link the app opens.
        case address(String)
        /// An IPv4 or IPv6 address, with or without more after it (`185.22.64.10/apply`).
        case ipAddress(String)
        /// A bank card number as Telegram reads one (``TelegramTextBoundaries/bankCards(_:)``).
        case cardNumber
        /// The address of `[text](address)` written as text: a Telegram app makes the text a link to it,
        /// whatever it is (`tg:resolve?domain=…`, a bare name), when the text is pasted into it and sent
        /// (``TextTokens/pastedLinkAddresses(_:)``).
        case pastedLink(String)
    }

    package var kind: Kind
    /// UTF-8 offset and length in the run.
    package var offset: Int
    var length: Int
    package var text: String
    /// Found only as a reader reads the text, with dot-likes as dots and without the marks drawn on
    /// characters (`evil·com`, `evil.́com`): no app links it as it is written.
    package var readAsLooks = false
    /// Found only with its defanged marks read as what they stand for (`evil[.]com`, `t[.]me/EvilBot`,
    /// ``ReaderReading/defangedMarks(_:)``): what an editor wrote is judged so, but sitegen writes known
    /// fakes so itself, in its warnings, and what it wrote is no address to its guards.
    package var defanged = false
    /// A bot's user name written without `@` (`EvilKzBot`, a ``Kind/handle(_:)``): no app links it, but a
    /// reader searches Telegram for it (``TextTokens/bareBotNames(_:)``).
    package var bare = false
    /// What a reader reads, for a token found only so (`https://evil.com` for `hxxps://evil[.]com`); `text`
    /// is what is written.
    package var read: String?
}

/// Finds URLs, domain names, e-mail addresses, handles and known fake names in text.
///
/// A domain is recognised by its top-level domain being real (the public suffix list), so Kazakh and
/// Russian abbreviations (`т.б.`, `2020 ж.`), amounts (`42 500`), step labels (`1-қадам`) and
/// decimals are not mistaken for one. A Kazakh suffix joined by a hyphen (`egov.kz-ке`) is not part
/// of the name.
///
/// A class: every check of every page reads it, and a copy of a struct of its tables cost a retain
/// and release of each one, more than the scan of a short text.
package final class TextTokens: Sendable {
    /// Known fake names, ASCII-lowercased → as written in the policy.
    let fakeNames: [String: String]
    /// Whether a fake name has this many characters (fake names are ASCII, at most 64 long), to
    /// skip words that cannot be one without hashing.
    let fakeNameLengths: FakeNameLengths

    /// The registry as a reader sees it: inflected, confusable, with dot-likes.
    let fakeMatcher: FakeNameMatcher

    init(fakeNames: [String: String], fakeDomains: [String] = [], officialHandles: [String] = []) {
        self.fakeNames = fakeNames
        fakeNameLengths = FakeNameLengths(fakeNames.keys.map { $0.utf8.count })
        fakeMatcher = FakeNameMatcher(bots: Array(fakeNames.values), sites: fakeDomains, officials: officialHandles)
    }

    /// A small table of lengths: `contains` is an array read.
    struct FakeNameLengths: Sendable {
        private var table = [Bool](repeating: false, count: 129)
        init(_ lengths: [Int]) { for n in lengths where n < table.count { table[n] = true } }
        func contains(_ n: Int) -> Bool { n > 0 && n < table.count && table[n] }
    }

    /// Short texts (link texts, names) repeat across pages: their tokens are found once.
    private let shortTexts = SharedCache<ExactText, [TextToken]>()

    package func scan(_ text: String) -> [TextToken] {
        guard mayHoldTokens(text) || fakeMatcher.mayHoldName(text) else { return [] }
        if text.utf8.count <= 64 { return shortTexts.value(text) { scanUncached(text) } }
        return scanUncached(text)
    }

    /// Characters a reader (or a browser's IDNA) takes for a dot or an at sign.
    static func plain(_ u: Unicode.Scalar) -> Unicode.Scalar {
        switch u.value {
        case 0x3002, 0xFF0E, 0xFF61, 0x2024, 0xFE52: return "."
        case 0xFF20, 0xFE6B: return "@"
        default: return u
        }
    }

    /// A character as an address reads it: `plain`, and fullwidth ASCII (`ｅｇｏｖ－ｋｚ`) as ASCII, as a
    /// browser's IDNA maps it, so a fullwidth name is judged as the name it opens.
    static func addressForm(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if u.value >= 0xFF01, u.value <= 0xFF5E, u.value != 0xFF0E, u.value != 0xFF20 {
            return Unicode.Scalar(u.value - 0xFEE0) ?? u
        }
        return plain(u)
    }

    private func scanUncached(_ text: String) -> [TextToken] {
        let original = ScalarArray.of(text)
        let found = tokens(of: original, reading: original.map(Self.addressForm))
        // No app links `egov-kz·com`, `infoꓸegov＠mailꓸru`, `t·me/EvilBot`, `185·22·64·10`, `evil.́com`,
        // `t.mé/EvilBot` or `4400 43О1 2345 6789`, but a reader reads each as the address or number it looks
        // like and types it: read with every dot-like as a dot, and past marks and lookalike digits
        // (``ReaderReading``), each token that holds such a character is judged too, quoted as written,
        // unless a token of the first reading already covers it (a known fake's name, `EgovKzBot2·0`, is
        // judged as that fake).
        // (A dot-like joins words as a dot does: `рау·сом` is read past it too.)
        let looksLikeDot = original.contains(where: Self.onlyLooksLikeDot)
        let asRead = looksLikeDot || ReaderReading.mayDiffer(text) ? ReaderReading(original) : nil
        guard asRead != nil || looksLikeDot else { return found }
        let seen = asRead?.scalars ?? original
        // Which characters read otherwise than written.
        var changed = asRead?.changed ?? [Bool](repeating: false, count: seen.count)
        let read = seen.indices.map { k -> Unicode.Scalar in
            guard Self.onlyLooksLikeDot(seen[k]) else { return Self.addressForm(seen[k]) }
            changed[k] = true
            return "."
        }
        let writtenOffsets = ScalarArray.utf8Offsets(original)
        let seenOffsets = asRead == nil ? writtenOffsets : []
        let bytes = Array(text.utf8)
        let first = TokenRanges(found)
        let more = tokens(of: seen, reading: read).compactMap { token -> TextToken? in
            let at = token.offset..<(token.offset + token.length)
            let kept = asRead?.characters(at) ?? ScalarArray.scalars(at, in: seenOffsets)
            let span = asRead?.written(kept, writtenOffsets: writtenOffsets) ?? at
            // (Marks after its last character are no part of what the first reading must cover: `185.22.64.10́`.)
            let bare = asRead?.written(kept, writtenOffsets: writtenOffsets, marksAfter: false) ?? at
            guard changed[kept].contains(true), !first.cover(bare.lowerBound, bare.upperBound) else { return nil }
            var written = token
            written.read = token.text
            written.offset = span.lowerBound
            written.length = span.count
            written.text = String(decoding: bytes[span], as: UTF8.self)
            written.readAsLooks = true
            written.defanged = asRead?.defanged[kept].contains(true) ?? false
            return written
        }
        guard !more.isEmpty else { return found }
        // What a reader reads is the longest reading: `info@egov.kz·evil·com` is one address to them,
        // not also `evil·com`. A known fake's name is judged wherever it is (`EgovKzBot@egov·kz`).
        let moreRanges = TokenRanges(more)
        let longest = more.filter { t in
            if case .fakeName = t.kind { return true }
            return !moreRanges.coverStrictly(t.offset, t.offset + t.length)
        }
        // A bot's name the first reading found bare is part of what the reader reads around it (`@ EvilBot`
        // is the handle), and is said so; so are a known fake's name, a handle too short for Telegram to link
        // and one no app links inside a handle the reader reads (`@ Kenes1414_Bot`, `@e\u{301}vil_support`,
        // `пишите@evil_suppоrt` with a Cyrillic `о`). (A handle written defanged leaves the fake's name: the
        // guards pass what is defanged, as sitegen names known fakes so.)
        let longestRanges = TokenRanges(longest)
        let handleRanges = TokenRanges(longest.filter { if case .handle = $0.kind { !$0.defanged } else { false } })
        let kept = found.filter { t in
            switch t.kind {
            case _ where t.bare: !longestRanges.cover(t.offset, t.offset + t.length)
            case .fakeName: !handleRanges.coverStrictly(t.offset, t.offset + t.length)
            case .handle(let name) where name.unicodeScalars.count < 4 || t.readAsLooks: !handleRanges.coverStrictly(t.offset, t.offset + t.length)
            default: true
            }
        }
        return (kept + longest).sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
    }

    /// A character a reader takes for a dot though neither a browser nor a messenger does
    /// (`·`, `ꓸ`, `۔`): ``FakeNameMatcher/isDotLike(_:)`` but not what ``addressForm(_:)`` makes a dot.
    package static func onlyLooksLikeDot(_ u: Unicode.Scalar) -> Bool {
        u != "." && FakeNameMatcher.isDotLike(u) && addressForm(u) != "."
    }

    /// The tokens of `original` (the text as written), found in `scalars` (the same text as an address
    /// reads it, character for character).
    private func tokens(of original: [Unicode.Scalar], reading scalars: [Unicode.Scalar]) -> [TextToken] {
        let offsets = ScalarArray.utf8Offsets(original)
        var tokens: [TextToken] = []
        func token(_ kind: TextToken.Kind, _ from: Int, _ to: Int) {
            tokens.append(TextToken(kind: kind, offset: offsets[from], length: offsets[to] - offsets[from],
                                    text: String(scalars: scalars[from..<to])))
        }
        var i = 0
        while i < scalars.count {
            let u = scalars[i]
            // A letter drawn as a colon is no part of a word: what follows it starts one (`ːevil.com`
            // links `evil.com` with it), and a run never starts at it (it would end there, empty).
            let prevIsWord = i > 0 && Self.isWord(scalars[i - 1]) && !Self.isMarkLike(scalars[i - 1])
            // Written-out URLs.
            if !prevIsWord, u == "h" || u == "H", let end = urlEnd(scalars, i) {
                token(.url, i, end)
                i = end
                continue
            }
            // A Telegram address with spaces around the host's dot (`t. me/EvilBot`, `t .me/EvilBot`): no app
            // links it, but a reader reads the address.
            if !prevIsWord, u == "t" || u == "T" || u == "т" || u == "Т", let path = Self.telegramPathAsRead(scalars, from: i) {
                token(.telegramPath(String(scalars: scalars[path])), i, path.upperBound)
                tokens[tokens.count - 1].readAsLooks = true
                i = path.upperBound
                continue
            }
            // A handle in lookalike letters (`@ЕvilВоt`, `@𝙀𝙫𝙞𝙡𝘽𝙤𝙩`): no app links it, but a reader searches
            // Telegram for the name it looks like.
            if u == "@", !prevIsWord, i + 1 < scalars.count, !Self.isHandleChar(scalars[i + 1]),
               let (end, name) = Self.lookalikeHandle(scalars, from: i + 1) {
                token(.handle(name), i, end)
                tokens[tokens.count - 1].readAsLooks = true
                i = end
                continue
            }
            // @handles (not e-mail addresses: those have a word character before the @).
            if u == "@", !prevIsWord, i + 1 < scalars.count, Self.isHandleChar(scalars[i + 1]) {
                var end = i + 1
                while end < scalars.count, Self.isHandleChar(scalars[end]) { end += 1 }
                // A fake display name may go on with dots (`@EgovKzBot2.0`): it is that fake.
                if let fake = fakeMatcher.match(scalars, at: i + 1, offset: i + 1), fake.to >= end {
                    token(.handle(fake.name), i, fake.to)
                    i = fake.to
                    continue
                }
                token(.handle(String(scalars: scalars[(i + 1)..<end])), i, end)
                // A tail in lookalike letters glued on (`@Kenes1414Botкz`): the app links the handle before
                // it, but a reader searches the whole name. (A Kazakh or Russian ending is an ending: `@Kenes1414Botқа`.)
                if end < scalars.count, Self.isWord(scalars[end]), !Self.isMarkLike(scalars[end]),
                   let (whole, name) = Self.lookalikeHandle(scalars, from: i + 1), whole > end,
                   scalars[end..<whole].contains(where: { !Self.isKazakhOrRussian($0) }) {
                    token(.handle(name), i, whole)
                    tokens[tokens.count - 1].readAsLooks = true
                    i = whole
                    continue
                }
                i = end
                continue
            }
            // Runs of letters, digits, dots, hyphens, underscores and @: domains, e-mails, fake names.
            if Self.isWord(u), !Self.isMarkLike(u), !prevIsWord {
                var end = i
                // (A letter drawn as a colon ends the run: `t.meːEvilBot` is the host and a name.)
                while end < scalars.count, (Self.isWord(scalars[end]) && !Self.isMarkLike(scalars[end])) || scalars[end] == "."
                    || scalars[end] == "-" || scalars[end] == "@" { end += 1 }
                // Most words are plain words: only runs with a dot or an @ inside, or starting with
                // an ASCII part as long as a fake name, can be tokens.
                // Fake names are ASCII: only an ASCII start as long as one can be one.
                let asciiLength = scalars[i..<end].prefix { $0.isASCII && $0 != "-" && $0 != "." }.count
                let asciiRun = asciiLength == end - i
                if scalars[i..<max(i, end - 1)].indices.contains(where: { (scalars[$0] == "." || scalars[$0] == "@")
                    && Self.isWord(scalars[$0 + 1]) })
                    || (asciiRun && fakeNameLengths.contains(end - i))
                    || (asciiLength > 0 && fakeNameLengths.contains(asciiLength)) {
                    classify(scalars, i, end, token)
                }
                // A handle glued to the word before it (`пишите@evil_support`, `EvilKzBot@EvilOneBot`): no app links
                // it, and with no domain after it no address is written, but a reader searches Telegram for the name.
                if let at = scalars[i..<end].lastIndex(of: "@"), at > i, let name = Self.gluedHandle(scalars, at: at),
                   tokens.last.map({ $0.offset + $0.length <= offsets[at] }) ?? true {
                    token(.handle(String(scalars: scalars[name])), at, name.upperBound)
                    tokens[tokens.count - 1].readAsLooks = true
                }
                // A Telegram path written without scheme: `t.me/handle`.
                if let last = tokens.last, last.offset == offsets[i], case .domain(let host) = last.kind,
                   LinkPolicy.telegramHosts.contains(host) {
                    let hostEnd = i + last.text.unicodeScalars.count
                    if hostEnd < scalars.count, scalars[hostEnd] == "/" {
                        var e = hostEnd + 1
                        // `+` starts an invite code, which is judged (and refused) as such.
                        while e < scalars.count, Self.isHandleChar(scalars[e]) || scalars[e] == "+" { e += 1 }
                        // A channel's web preview, `t.me/s/handle`, names the handle after `s/`.
                        if e == hostEnd + 2, scalars[hostEnd + 1] == "s", e + 1 < scalars.count, scalars[e] == "/",
                           Self.isHandleChar(scalars[e + 1]) {
                            e += 1
                            while e < scalars.count, Self.isHandleChar(scalars[e]) { e += 1 }
                        }
                        if e > hostEnd + 1 {
                            tokens.removeLast()
                            token(.telegramPath(String(scalars: scalars[(hostEnd + 1)..<e])), i, e)
                            i = e
                            continue
                        }
                    }
                    // `t.me:/handle`, `t.me\handle`, `t.me./handle` and their kin: Telegram links only the host (and
                    // `/handle` as a bot command), but a reader goes to what follows (``telegramNamed(after:_:)``).
                    if let (start, end) = Self.telegramNamed(after: hostEnd, scalars) {
                        tokens.removeLast()
                        token(.telegramNamed(String(scalars: scalars[start..<end])), i, end)
                        i = end
                        continue
                    }
                }
                i = end
                continue
            }
            i += 1
        }
        tokens += clientTokens(original, offsets, tokens)
        tokens += unreadSchemes(scalars, offsets, tokens)
        tokens += Self.pastedLinkAddresses(original).map { range in
            let text = String(scalars: original[range])
            return TextToken(kind: .pastedLink(text), offset: offsets[range.lowerBound],
                             length: offsets[range.upperBound] - offsets[range.lowerBound], text: text)
        }
        tokens.sort { ($0.offset, $0.length) < ($1.offset, $1.length) }
        // IP literals come left to right: a sweep over the tokens keeps this linear.
        var covering = CoveringTokens(tokens)
        tokens += IPLiteralScanner.find(scalars).compactMap { range in
            let text = String(scalars: original[range])
            let token = TextToken(kind: .ipAddress(text), offset: offsets[range.lowerBound],
                                  length: offsets[range.upperBound] - offsets[range.lowerBound], text: text)
            return covering.first(covering: token.offset, to: token.offset + token.length) == nil ? token : nil
        }
        let named = withFakeNames(tokens.sorted { ($0.offset, $0.length) < ($1.offset, $1.length) },
                                  fakeMatcher.matches(in: scalars), offsets, original)
        return withBareBotNames(named, scalars, offsets, original)
    }

    /// Adds the bots' names written without `@` (``bareBotNames(_:)``) that no token found covers or
    /// overlaps: a known fake's name is that fake, `t.me/EvilBot` a path, `EvilBot.com` a name.
    /// (The name is read as an address reads it, `ＥｖｉｌＢｏｔ` as `EvilBot`; the token's text is what is written.)
    private func withBareBotNames(_ found: [TextToken], _ scalars: [Unicode.Scalar], _ offsets: [Int],
                                  _ written: [Unicode.Scalar]) -> [TextToken] {
        // (Letters in a style read as the Latin ones they draw: `𝐄𝐯𝐢𝐥𝐊𝐳𝐁𝐨𝐭`, `ⒺⓥⓘⓛⓀⓩⒷⓞⓣ`, `EvilKzBót`.)
        let letters = Self.styledAsLatin(scalars) ?? scalars
        let bare = Self.bareBotNames(letters)
        guard !bare.isEmpty else { return found }
        var tokens = found
        let foundRanges = TokenRanges(found)
        for range in bare {
            let from = offsets[range.lowerBound], to = offsets[range.upperBound]
            guard !foundRanges.overlap(from, to) else { continue }
            var token = TextToken(kind: .handle(String(scalars: letters[range])), offset: from, length: to - from,
                                  text: String(scalars: written[range]))
            token.bare = true
            tokens.append(token)
        }
        return tokens.sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
    }

    /// Adds the known fakes the matcher found. A fake inside a longer address, handle or URL leaves
    /// that token to be judged as what it is (`egov-kz.com.kz` is a domain), except a bot name that
    /// only looks like a domain; inside an e-mail address or across tokens, both are judged. A fake's
    /// text is taken from `written`, so a message quotes it as the editor wrote it (`２．０`, not `２.０`).
    private func withFakeNames(_ found: [TextToken], _ fakes: [FakeNameMatcher.Match], _ offsets: [Int],
                               _ written: [Unicode.Scalar]) -> [TextToken] {
        guard !fakes.isEmpty else { return found }
        var tokens = found
        // Fakes come left to right and are judged against the tokens found before them: a sweep.
        var covering = CoveringTokens(found)
        for m in fakes {
            let fake = TextToken(kind: .fakeName(m.name), offset: offsets[m.from], length: offsets[m.to] - offsets[m.from],
                                 text: String(scalars: written[m.from..<m.to]))
            let end = fake.offset + fake.length
            if let k = covering.first(covering: fake.offset, to: end) {
                switch tokens[k].kind {
                case .domain where tokens[k].offset == fake.offset && tokens[k].length == fake.length && !m.isSite:
                    tokens[k] = fake
                case .email:
                    tokens.append(fake)
                default:
                    continue
                }
            } else {
                tokens.append(fake)
            }
        }
        return tokens.sorted { ($0.offset, $0.length) < ($1.offset, $1.length) }
    }

    /// What a Telegram client links that the reading above did not find as the same thing at the
    /// same place.
    private func clientTokens(_ s: [Unicode.Scalar], _ offsets: [Int], _ found: [TextToken]) -> [TextToken] {
        var out: [TextToken] = []
        let byOffset = Dictionary(grouping: found, by: \.offset)
        for link in TelegramTextBoundaries.find(s) {
            let text = String(scalars: s[link.range])
            let offset = offsets[link.range.lowerBound]
            let here = byOffset[offset] ?? []
            func add(_ kind: TextToken.Kind) {
                out.append(TextToken(kind: kind, offset: offset, length: offsets[link.range.upperBound] - offset, text: text))
            }
            switch link.kind {
            case .bankCard:
                add(.cardNumber)
            case .mention, .botCommand, .cashtag, .hashtag:
                let name = String(text[text.index(after: text.firstIndex(of: "@")!)...])
                // The first reading may have read on to a fake's display name (`@EgovKzBot2.0`).
                if link.kind == .mention, here.contains(where: {
                    if case .handle(let h) = $0.kind { return h.lowercased().hasPrefix(name.lowercased()) }
                    return false
                }) { continue }
                add(.handle(name))
            case .email:
                let domain = String(text[text.index(after: text.firstIndex(of: "@")!)...])
                let ascii = HostName.ascii(domain) ?? domain.lowercased()
                if here.contains(where: { $0.kind == .email(ascii: ascii) }) { continue }
                add(.email(ascii: ascii))
            case .url:
                if Self.hasScheme(text) {
                    let host = PageInspector.host(ofBare: text)
                    // A longer reading on the same site leads to the same site, except on Telegram's,
                    // where the path is the destination (`https://t.me/Kenes1414Bot\t/../EvilBot`, read
                    // by the app through the tab, is another bot to a browser): there it is judged,
                    // unless what it adds cannot lead elsewhere.
                    if here.contains(where: { token in
                        guard token.kind == .url else { return false }
                        if token.text == text { return true }
                        guard let host, PageInspector.host(ofBare: token.text) == host else { return false }
                        guard let ascii = HostName.ascii(host), LinkPolicy.telegramHosts.contains(ascii) else { return true }
                        return text.hasPrefix(token.text) && Self.leadsNowhereElse(text.dropFirst(token.text.count))
                    }) {
                        continue
                    }
                    add(.url)
                    continue
                }
                let hostEnd = text.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? text.endIndex
                let authority = text[..<hostEnd]
                if IPLiteralScanner.isIPv4(String(authority.split(separator: "@").last ?? "").prefix { $0 != ":" }) {
                    add(.ipAddress(text))
                    continue
                }
                let bareHost = !authority.contains("@") && !authority.contains(":")
                let ascii = HostName.ascii(String(authority))
                // Telegram's bare host where the first reading took the handle written after it
                // (`t.me:/handle`): that address is judged.
                if bareHost, hostEnd == text.endIndex, let ascii, LinkPolicy.telegramHosts.contains(ascii), here.contains(where: {
                    if case .telegramNamed = $0.kind { return $0.text.hasPrefix(text) }
                    return false
                }) { continue }
                if bareHost, let ascii, !LinkPolicy.telegramHosts.contains(ascii) {
                    // The name is what leads somewhere: the first reading judged it already.
                    if here.contains(where: { $0.kind == .domain(ascii: ascii) }) { continue }
                    if hostEnd == text.endIndex {
                        add(.domain(ascii: ascii))
                        continue
                    }
                }
                // `t.me/handle` read as the same handle, with nothing after it that could lead
                // elsewhere (`/../`, `%2e`, another address).
                if bareHost, here.contains(where: { token in
                    guard case .telegramPath = token.kind, text.hasPrefix(token.text) else { return false }
                    return Self.leadsNowhereElse(text.dropFirst(token.text.count))
                }) { continue }
                // Telegram links an address the first reading took for an e-mail address
                // (`²@egov.kz`): the app opens it as a link with a user name.
                if here.contains(where: { token in
                    if case .email = token.kind { return false }
                    return token.text == text
                }) { continue }
                add(.address(text))
            }
        }
        /// A card over `range` of the text's scalars, unless a token already starts where it does.
        func addCard(_ range: Range<Int>, readAsLooks: Bool) {
            let offset = offsets[range.lowerBound]
            guard !out.contains(where: { $0.offset == offset }) else { return }
            var token = TextToken(kind: .cardNumber, offset: offset, length: offsets[range.upperBound] - offset,
                                  text: String(scalars: s[range]))
            token.readAsLooks = readAsLooks
            out.append(token)
        }
        // A tab, a line break or a form feed shows as a space on the page and in its search result: a card so spaced is
        // one to whoever copies it into Telegram (what is written is said as it is written).
        if s.contains(where: PhoneNumbers.isShownAsSpace) {
            for card in TelegramTextBoundaries.bankCards(PhoneNumbers.shownAsSpaces(s)) {
                addCard(card.range, readAsLooks: false)
            }
        }
        // Groups parted by what a reader takes for a space or a hyphen (`4400 4302 1234 5679` with no-break spaces,
        // pasted from a bank's page): no app links the card, but a reader pays to it.
        for card in TelegramTextBoundaries.readerCards(s) { addCard(card, readAsLooks: true) }
        return out
    }

    /// Whether what a client reads on after a Telegram address the first reading found can only add to
    /// the same destination (`?start=apply`, a trailing `/`, tabs at the end): ASCII letters, digits and
    /// `_-/?=&`. A dot (`/../`), a `%` escape, a tab before more, or another address could lead elsewhere.
    static func leadsNowhereElse(_ rest: Substring) -> Bool {
        // Tabs at its end only: the app opens the address without them (a browser drops every tab).
        let added = rest.reversed().drop { $0 == "\t" }
        return added.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-/?=&".contains($0)) }
    }

    /// Where the address of each `](address)` in `s` is. A Telegram app reads `[text](address)` in a
    /// text pasted into it as a link, the address running to the first `)`, spaces and line breaks
    /// included, and opens whatever it names (TDLib's `parseMarkdown`: `tg:resolve?domain=EvilBot` as
    /// `tg://…`, `evil.com` as `http://evil.com/`). Read more widely than the app: any `](` closed by a
    /// `)`, whether or not a `[` opened it, a space after the `(` or not (the app takes a thin or a
    /// no-break space there into the address). (An address over formatting or a
    /// link is read in its block's whole text: ``PageInspector/pastedLinksAcrossRuns(_:)``.)
    package static func pastedLinkAddresses(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i + 2 < s.count {
            guard s[i] == "]", s[i + 1] == "(", s[i + 2] != ")" else {
                i += 1
                continue
            }
            let start = i + 2
            guard let end = s[start...].firstIndex(of: ")") else { break }
            found.append(start..<end)
            i = end
        }
        return found
    }

    /// Whether a Telegram app leaves `[text](address)` as text for what its address holds before its
    /// path (after a `scheme://`): an ASCII space, a tab, a line break or a square bracket, which no host
    /// or user name may hold to TDLib (`с. 45`, `egov-kz[.]com/pay`, `2020 ж. 14 сәуір`). Any other
    /// space it takes in (`\u{2009}x@…` is linked).
    static func appLeavesPastedLinkAsText(_ address: String) -> Bool {
        var rest = Substring(address)
        if hasScheme(address), let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return rest.unicodeScalars.prefix { !"/?#".unicodeScalars.contains($0) }
            .contains { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "[" || $0 == "]" }
    }

    /// Whether an address starts with a scheme (`https://`, `tg://`, `ton://`).
    static func hasScheme(_ text: String) -> Bool {
        // Read from the bytes: the scheme is ASCII, and this is asked of every address found.
        var copy = text
        return copy.withUTF8 { b in
            var i = 0
            while i + 2 < b.count, b[i] != 0x3A {
                let c = b[i]
                guard (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                        || c == 0x2B || c == 0x2D || c == 0x2E else { return false }
                i += 1
            }
            return i + 2 < b.count && b[i] == 0x3A && b[i + 1] == 0x2F && b[i + 2] == 0x2F
        }
    }

    /// A quick look at the bytes: without a dot inside a word, an @ or `://`, text can hold a token
    /// only as an ASCII word as long as a fake name. Most runs of prose are ruled out here.
    func mayHoldTokens(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8(mayHoldTokens)
    }

    private func mayHoldTokens(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Length of the ASCII word being read; negative once it holds a non-ASCII letter.
        var wordLength = 0
        var previous: UInt8 = 0
        // The last ASCII byte but a space (`[ . ]`), for the end of a defanged mark.
        var lastSeen: UInt8 = 0
        // ASCII digits in the run of digits, spaces (tabs, line breaks and form feeds shown as spaces) and hyphens being
        // read: thirteen may be a card number.
        var cardDigits = 0
        // The letters of the word being read: 1 Latin, 2 Cyrillic or Greek; where it started. A word with
        // both may be a bot's name in lookalike letters (`ЕvilKzВоt`, ``mixedWordHoldsT(_:_:)``).
        var scripts: UInt8 = 0
        var wordStart = 0
        // Whether the word holds a Latin letter with a mark or in a style (``isStyledLetter(_:at:)``).
        var styled = false
        for (i, b) in bytes.enumerated() {
            // A letter drawn as a digit inside a number (`O`, `l`, `I`, the Cyrillic `О`, `о`, `З`, `з`, `б`, `І`) and a digit of
            // another form (superscript, subscript, circled: C2 B2/B3/B9, E2 81/82/91–93/9D/9E) count as its digits to a
            // reader (``ReaderReading``); a mark drawn on a digit (U+0300–U+036F, U+20D0–U+20FF) leaves it whole.
            if b >= 0x30 && b <= 0x39
                || (cardDigits > 0 && (ReaderReading.isDigitLikeASCII(b)
                                       || (b == 0xD0 && i + 1 < bytes.count && ReaderReading.isDigitLikeCyrillic(afterD0: bytes[i + 1]))))
                || (b == 0xC2 && i + 1 < bytes.count && ReaderReading.isSuperscriptDigit(afterC2: bytes[i + 1]))
                || (b == 0xE2 && i + 1 < bytes.count && Self.mayLeadStyledDigit(second: bytes[i + 1]))
                || (b >= 0xD9 && Self.isOtherDigit(bytes, at: i)) {
                cardDigits += 1
                if cardDigits >= 13 { return true }
            } else if cardDigits > 0 && b != 0x20 && b != 0x2D && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x2E
                        // (Nor what a reader takes for a space or a hyphen between groups: U+00A0, U+2000–U+2013,
                        // U+202F, U+2212: ``TelegramTextBoundaries/withReaderSeparators(_:)``.)
                        && !(b == 0xCC || b == 0xCD || b == 0xC2 || b == 0xE2 || (b >= 0x80 && b < 0xC0)
                             || (b == 0xE2 && i + 1 < bytes.count && bytes[i + 1] == 0x83)) {
                cardDigits = 0
            }
            // Lead bytes of ．｡＠﹒ (U+FF0E, U+FF61, U+FF20, U+FE52) and 。 (U+3002): scan fully; so too the
            // one dot leader ․ (U+2024, E2 80 A4), though not the dashes and quotes that share its lead byte.
            if b == 0xEF || b == 0xE3 { return true }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA4 { return true }
            // A character a reader takes for a dot (`·`, `ꓸ`, ``onlyLooksLikeDot(_:)``), after a letter or digit.
            if b >= 0xC2, Self.mayLeadDotLike(b), previous >= 0x80 || previous == 0x20 || previous == 0x5B || previous == 0x28
                || previous == 0x7B || Self.isASCIIWord(previous),
               Self.onlyLooksLikeDot(Self.scalar(in: bytes, at: i)) { return true }
            if b >= 0x80 {
                // Kazakh and Russian letters, the common case: a dot just before one is inside a word.
                if previous == 0x2E { return true }
                // (At a character's first byte: what follows it leaves the word as that byte left it.)
                if b >= 0xC0 {
                    // A bot's name with an ending glued on (`EvilKzBotқа`).
                    if Self.mayEndBotName(bytes, before: i, length: wordLength) { return true }
                    // A letter of another alphabet goes on the word, which is no ASCII name then (Kazakh and Russian
                    // first); a mark drawn on a letter leaves it as it is; punctuation, spaces and symbols (`«`, a
                    // no-break space, `—`, `№`, an emoji, U+0080–U+00BF and U+0530 on) end it, and a name may start
                    // after them (`«EvilKzBot»`).
                    if b == 0xD0 || b == 0xD1 {
                        wordLength = -1_000_000
                        scripts |= 2
                    } else if b == 0xCC || b == 0xCD || Self.isOtherMark(bytes, at: i) {
                        // A mark inside a Latin word may sit on a bot's name (`EvilKzBó̱t`), which the reader's
                        // reading reads past it.
                        if wordLength >= 4 { return true }
                    } else {
                        // (Latin letters: U+00C0–U+027F, but × and ÷; Greek and Cyrillic: U+0370–U+052F. A mathematical
                        // letter, F0 9D, sends the text to the full reading, which reads it as the letter it draws;
                        // so do enclosed and squared ones, E2 92 B6 to E2 93 BF and F0 9F 84 to 87.)
                        if b == 0xF0, i + 2 < bytes.count, bytes[i + 1] == 0x9D || (bytes[i + 1] == 0x9F && bytes[i + 2] >= 0x84 && bytes[i + 2] <= 0x87) { return true }
                        if b == 0xE2, i + 2 < bytes.count, (bytes[i + 1] == 0x92 && bytes[i + 2] >= 0xB6) || bytes[i + 1] == 0x93 { return true }
                        if (b >= 0xC3 && b <= 0xCB && !(b == 0xC3 && i + 1 < bytes.count && (bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7)))
                            || Self.isStyledLetter(bytes, at: i) {
                            // A Latin letter with a mark or in a style (`ó`, `ᴇ`, `ℰ`, `ᵉ`) goes on an ASCII word, which a
                            // reader reads as the letters it draws: a bot's name among them (`EvilKzBót`) is found there.
                            if wordLength >= 0 { wordLength += 1 }
                            styled = true
                        } else if b >= 0xCE && b <= 0xD4 {
                            wordLength = -1_000_000
                            scripts |= 2
                        } else {
                            if fakeNameLengths.contains(wordLength) || (styled && wordLength >= 5) { return true }
                            if scripts == 3, Self.mixedWordHoldsT(bytes, wordStart..<i) { return true }
                            (wordLength, scripts, wordStart, styled) = (0, 0, i, false)
                        }
                    }
                }
                previous = b
                continue
            }
            // A Telegram host with spaces around its dot (``telegramPathAsRead(_:from:)``): `t. me`, `t .me`; a
            // name with spaces before its dot (``ReaderReading``): `evil . com`.
            if b == 0x2E, Self.maySpaceDot(bytes, at: i) { return true }
            // `](`: what a Telegram app reads as a link's address in pasted text (``pastedLinkAddresses(_:)``).
            if b == 0x28 && previous == 0x5D { return true }
            // The end of a defanged mark (`[.]`, `(@)`, `[:]`, `(dot)`, `[at]`, `[ . ]`, `[[.]]`, `<.>`):
            // ``ReaderReading/defangedMarks(_:)``.
            if b | 0x20 == 0x7D || b == 0x29 || b == 0x3E,
               lastSeen == 0x2E || lastSeen == 0x40 || lastSeen == 0x3A || lastSeen | 0x20 == 0x74 || lastSeen == 0x5D || lastSeen == 0x29
                || ReaderReading.mayEndCyrillicMark(bytes, before: i) {
                return true
            }
            if b != 0x20 { lastSeen = b }
            // A dot inside a word (not ending a sentence), an @, or the slash of `://`.
            // `::` of an IPv6 address.
            if b == 0x40 || (previous == 0x3A && (b == 0x2F || b == 0x3A || b == 0x5C)) { return true }
            // The colon of a scheme written with no slash (`https:host`): http, https, ftp, ws and wss end so.
            if b == 0x3A, [0x73, 0x70].contains(previous | 0x20), wordLength > 1 { return true }
            let isWordByte = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
            if previous == 0x2E && isWordByte { return true }
            previous = b
            if isWordByte {
                wordLength += 1
                if b >= 0x41 { scripts |= 1 }
            } else {
                if fakeNameLengths.contains(wordLength) || Self.mayEndBotName(bytes, before: i, length: wordLength)
                    || (styled && wordLength >= 5) { return true }
                if scripts == 3, Self.mixedWordHoldsT(bytes, wordStart..<i) { return true }
                (scripts, wordStart, styled) = (0, i, false)
                // A fake name may end at a hyphen (a suffix follows) or go on past it; a bot's name ends there.
                wordLength = b == 0x2D ? wordLength + 1 : 0
            }
        }
        return fakeNameLengths.contains(wordLength) || Self.mayEndBotName(bytes, before: bytes.count, length: wordLength)
            || (scripts == 3 && Self.mixedWordHoldsT(bytes, wordStart..<bytes.count)) || (styled && wordLength >= 5)
    }

    /// Whether the character at `i` (a lead byte) is a letter in a style of the phonetic extensions, the Latin
    /// extensions, super- and subscripts or letterlike symbols (E1 B4–B6, E1 B8–BB, E2 B1 A0 on, EA 9C A0 to EA 9F,
    /// E2 81 B0 to E2 82 9F, E2 84–85 but `№`), or a digit so (`²`; E2 91 A0 on, E2 92: `Evil①②Bot`):
    /// ``isStyledLatin(_:)``.
    private static func isStyledLetter(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let lead = bytes[i]
        // (Superscript digits `²`, `³`, `¹`: C2 B2, B3, B9.)
        if lead == 0xC2 { return i + 1 < bytes.count && ReaderReading.isSuperscriptDigit(afterC2: bytes[i + 1]) }
        guard lead == 0xE1 || lead == 0xE2 || lead == 0xEA, i + 2 < bytes.count else { return false }
        let second = bytes[i + 1], third = bytes[i + 2]
        // (Latin Extended Additional, U+1E00–U+1EFF, E1 B8–BB: Vietnamese letters; Latin Extended-D, EA 9C A0 on.)
        if lead == 0xE1 { return (second >= 0xB4 && second <= 0xB6) || (second >= 0xB8 && second <= 0xBB) }
        if lead == 0xEA { return (second == 0x9C && third >= 0xA0) || second == 0x9D || second == 0x9E || second == 0x9F }
        // (Latin Extended-C, U+2C60–U+2C7F: E2 B1 A0 on.)
        return (second == 0x81 && third >= 0xB0) || (second == 0x82 && third <= 0x9F) || second == 0x85 || (second == 0x84 && third != 0x96)
            || (second == 0x91 && third >= 0xA0) || second == 0x92 || (second == 0xB1 && third >= 0xA0)
    }

    /// Whether the character at `i` (a lead byte) is a combining mark beyond U+0300–U+036F: U+1AB0–U+1AFF,
    /// U+1DC0–U+1DFF, U+20D0–U+20FF (E1 AA B0 to E1 AB BF, E1 B7, E2 83 90 on).
    private static func isOtherMark(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 2 < bytes.count else { return false }
        let lead = bytes[i], second = bytes[i + 1], third = bytes[i + 2]
        if lead == 0xE1 { return (second == 0xAA && third >= 0xB0) || second == 0xAB || second == 0xB7 }
        return lead == 0xE2 && second == 0x83 && third >= 0x90
    }

    /// Whether `b` is the first byte of a character ``onlyLooksLikeDot(_:)`` holds (`E3` and `EF` are
    /// scanned fully anyway). A switch: this is asked of every byte of every text.
    static func mayLeadDotLike(_ b: UInt8) -> Bool {
        switch b {
        case 0xC2, 0xCB, 0xCE, 0xD7, 0xDB, 0xDC, 0xE1, 0xE2, 0xEA, 0xF0: return true
        default: return false
        }
    }

    /// Whether the dot at `i` may be a Telegram host's with spaces around it (a space, of any width, before
    /// or after it, and a `t`, `T`, `m` (`telegram`), `т` or `Т` before those spaces), or join two words of a
    /// name with spaces before it (a letter or digit before them).
    private static func maySpaceDot(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        // A space, a no-break space (C2 A0) or one of U+2000–U+200A, U+202F (E2 80 xx): its first byte, or nil.
        func spaceStart(endingAt j: Int) -> Int? {
            if j >= 0, bytes[j] == 0x09 { return j }
            for k in stride(from: j, through: max(0, j - 2), by: -1) where ReaderReading.spaceWidth(bytes, at: k) == j - k + 1 { return k }
            return nil
        }
        var j = i - 1
        while let k = spaceStart(endingAt: j) { j = k - 1 }
        let spacedBefore = j < i - 1
        let spacedAfter = i + 1 < bytes.count && (bytes[i + 1] == 0x20 || bytes[i + 1] == 0x09 || bytes[i + 1] == 0xC2 || bytes[i + 1] == 0xE2)
        guard spacedBefore || spacedAfter, j >= 0 else { return false }
        let b = bytes[j] | 0x20
        if spacedBefore, (b >= 0x61 && b <= 0x7A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] >= 0x80 { return true }
        return b == 0x74 || b == 0x6D || (j >= 1 && (bytes[j - 1] == 0xD1 && bytes[j] == 0x82 || bytes[j - 1] == 0xD0 && bytes[j] == 0xA2))
    }

    /// Whether the character at `i` is a digit of another script or form a reader reads a card's digits in:
    /// mathematical (`𝟒`, U+1D7CE–U+1D7FF), segmented (U+1FBF0–U+1FBF9), Arabic-Indic (U+0660–U+0669,
    /// U+06F0–U+06F9), Devanagari (U+0966–U+096F). (Fullwidth digits send a text to the full reading anyway.)
    private static func isOtherDigit(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let b = bytes[i]
        guard b == 0xF0 || b == 0xD9 || b == 0xDB || b == 0xE0, i + 1 < bytes.count else { return false }
        let c = bytes[i + 1]
        switch b {
        case 0xD9: return c >= 0xA0 && c <= 0xA9
        case 0xDB: return c >= 0xB0 && c <= 0xB9
        case 0xE0: return c == 0xA5 && i + 2 < bytes.count && bytes[i + 2] >= 0xA6 && bytes[i + 2] <= 0xAF
        default: return i + 2 < bytes.count && ((c == 0x9D && bytes[i + 2] == 0x9F) || (c == 0x9F && bytes[i + 2] == 0xAF))
        }
    }

    /// Whether `E2 b` may begin a digit of another form: superscripts and subscripts (U+2070–U+209F),
    /// circled and parenthesised digits (U+2460–U+24FF), dingbat digits (U+2776–U+2793).
    private static func mayLeadStyledDigit(second b: UInt8) -> Bool {
        switch b {
        case 0x81, 0x82, 0x91, 0x92, 0x93, 0x9D, 0x9E: return true
        default: return false
        }
    }

    private static func isASCIIWord(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    /// The character whose UTF-8 starts at `i`.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Unicode.Scalar {
        var rest = bytes[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let u) = decoder.decode(&rest) { return u }
        return "\u{FFFD}"
    }

    /// Sorts one word-ish run into a token, if it is one.
    private func classify(_ s: [Unicode.Scalar], _ from: Int, _ to: Int, _ token: (TextToken.Kind, Int, Int) -> Void) {
        var end = to
        while end > from, s[end - 1] == "." || s[end - 1] == "-" || s[end - 1] == "@" { end -= 1 }
        guard end > from else { return }
        // Known fake names are found by the fake-name matcher (see `withFakeNames`).
        if let at = s[from..<end].firstIndex(of: "@") {
            // `t.me@EvilBot`: Telegram's host and a name, which a reader takes for the handle's address.
            if at + 1 < end, LinkPolicy.telegramHosts.contains(String(scalars: s[from..<at]).lowercased()) {
                token(.telegramNamed(String(scalars: s[(at + 1)..<end])), from, end)
                return
            }
            let domainStart = at + 1
            if domainStart < end, let (ascii, domainEnd) = domain(s, domainStart, end) {
                token(.email(ascii: ascii), from, domainEnd)
            }
            return
        }
        if let (ascii, domainEnd) = domain(s, from, end) {
            token(.domain(ascii: ascii), from, domainEnd)
            return
        }
    }

    /// The ASCII form and end of a domain name starting at `from`, if the run is one.
    private func domain(_ s: [Unicode.Scalar], _ from: Int, _ to: Int) -> (String, Int)? {
        guard s[from..<to].contains(".") else { return nil }
        var end = to
        // Drop a hyphenated Kazakh or Russian suffix after the top-level domain: `kz-ке`.
        if let lastDot = s[from..<end].lastIndex(of: "."), let hyphen = s[(lastDot + 1)..<end].firstIndex(of: "-"),
           s[(hyphen + 1)..<end].contains(where: { !$0.isASCII }) {
            end = hyphen
        }
        let name = String(scalars: s[from..<end])
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
              labels.last!.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
              let ascii = HostName.ascii(name), HostName.hasKnownTLD(ascii)
        else { return nil }
        return (ascii, end)
    }

    /// The schemes apps read from the end of a word (TDLib's `ends_with(protocol, "https")`), and the
    /// web sockets a browser's parser reads a host after (`ws://3105243146`).
    static let appSchemes = ["http", "https", "ftp", "tonsite", "ton", "tg", "rtsp", "ws", "wss"]

    /// The schemes a browser's URL parser reads a host after whatever slashes follow the colon.
    static let specialSchemes: Set<String> = ["http", "https", "ftp", "ws", "wss"]

    /// Fail closed on `://`: one that no reading above took as part of an address may still be one to
    /// an app (TDLib reads `ruhttps://…` from its `https`, and a host that begins with a combining
    /// mark): the whole run it stands in, from white space to white space, is judged as the address
    /// it may be. No word of prose holds `://`. So too a browser's special scheme written as a word of
    /// its own with other slashes or none (`https:/3105243146`).

    private func unreadSchemes(_ s: [Unicode.Scalar], _ offsets: [Int], _ found: [TextToken]) -> [TextToken] {
        var out: [TextToken] = []
        var i = 0
        while i + 2 < s.count {
            defer { i += 1 }
            guard s[i] == ":" else { continue }
            var letters = i
            while letters > 0, s[letters - 1].isASCII, s[letters - 1].properties.isAlphabetic { letters -= 1 }
            let scheme = String(scalars: s[letters..<i]).lowercased()
            if s[i + 1] == "/", s[i + 2] == "/" {
                // Only a scheme an app opens, however much is glued before it: a defanged `hxxps://` opens nothing.
                guard Self.appSchemes.contains(where: { scheme.hasSuffix($0) }) else { continue }
            } else {
                // A browser reads a special scheme's slashes as it likes (`https:/3105243146`, `https:\\host`,
                // `https:host` all lead to a host), and a JSON viewer links the string: the word itself must
                // be the scheme, with something after its colon.
                guard Self.specialSchemes.contains(scheme), letters == 0 || !Self.isWord(s[letters - 1]),
                      !s[i + 1].properties.isWhitespace else { continue }
            }
            let at = offsets[i]
            let read = found.contains { token in
                switch token.kind {
                case .url, .address, .ipAddress, .telegramPath, .telegramNamed: return token.offset <= at && at < token.offset + token.length
                default: return false
                }
            }
            guard !read else { continue }
            var start = i, end = i + 3
            while start > 0, !s[start - 1].properties.isWhitespace { start -= 1 }
            while end < s.count, !s[end].properties.isWhitespace { end += 1 }
            // Nothing that names a place after it: a scheme alone, which no app links.
            guard s[(i + 3)..<end].contains(where: { Self.isWord($0) || $0.properties.generalCategory == .nonspacingMark
                || $0.properties.generalCategory == .spacingMark }) else { continue }
            out.append(TextToken(kind: .url, offset: offsets[start], length: offsets[end] - offsets[start],
                                 text: String(scalars: s[start..<end])))
            i = end
        }
        return out
    }

    /// End of a written-out `http(s)://` URL, without trailing punctuation.
    private func urlEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        let head = String(scalars: s[i..<min(s.count, i + 8)]).lowercased()
        guard head.hasPrefix("https://") || head.hasPrefix("http://") else { return nil }
        var end = i
        while end < s.count, !s[end].properties.isWhitespace, !"<>\"«»“”".unicodeScalars.contains(s[end]) { end += 1 }
        while end > i, ".,;:!?)'".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        // A scheme alone (`«https://» деп басталады`) names no place: no app links it.
        let slashes = i + (head.hasPrefix("https") ? 8 : 7)
        guard s[min(slashes, end)..<end].contains(where: { $0.properties.isAlphabetic || Self.isWord($0) }) else { return nil }
        return end
    }

    static func isWord(_ u: Unicode.Scalar) -> Bool {
        // Fast answers for ASCII and the Cyrillic letters of Kazakh and Russian text.
        let v = u.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        if (v >= 0x400 && v <= 0x481) || (v >= 0x48A && v <= 0x4FF) { return true }
        return u.properties.isAlphabetic || u.properties.numericType != nil || u == "_" || u.properties.generalCategory == .nonspacingMark
    }

    /// The path after a Telegram host written from `start` with spaces around its dot or in Cyrillic letters,
    /// and a slash after it (`t. me/EvilBot`, `telegram .dog/+AbCd`, `т.ме/EvilBot`): the handle or invite a
    /// reader goes to.
    static func telegramPathAsRead(_ s: [Unicode.Scalar], from start: Int) -> Range<Int>? {
        // A letter as a reader reads it: `т` as `t`, `м` as `m`.
        func word(_ w: String, at k: Int) -> Int? {
            var k = k
            for c in w.unicodeScalars {
                guard k < s.count, s[k].properties.lowercaseMapping == String(c) || FakeNameMatcher.fold(s[k]) == [c]
                    || (c == "t" && (s[k] == "т" || s[k] == "Т")) || (c == "m" && (s[k] == "м" || s[k] == "М"))
                    || (c == "e" && (s[k] == "е" || s[k] == "Е")) else { return nil }
                k += 1
            }
            return k
        }
        func spaces(_ k: Int) -> Int {
            var k = k
            while k < s.count, s[k].properties.isWhitespace, s[k] != "\n", s[k] != "\r" { k += 1 }
            return k
        }
        for (name, zone) in [("t", "me"), ("telegram", "me"), ("telegram", "dog")] {
            guard let nameEnd = word(name, at: start) else { continue }
            let dot = spaces(nameEnd)
            // Spaced, or written in Cyrillic letters (`t.ме/EvilBot`, `т.me/EvilBot`): the plain form is the first reading's.
            guard dot < s.count, s[dot] == ".", let zoneEnd = word(zone, at: spaces(dot + 1)),
                  dot > nameEnd || zoneEnd - zone.count > dot + 1 || !s[start..<zoneEnd].allSatisfy(\.isASCII),
                  zoneEnd < s.count, s[zoneEnd] == "/" || isSlashLike(s[zoneEnd]) else { continue }
            // (Spaces after the slash too: `t. me/ EvilBot`.)
            let pathStart = spaces(zoneEnd + 1)
            var end = pathStart
            while end < s.count, isHandleChar(s[end]) || s[end] == "+" { end += 1 }
            if end > pathStart { return pathStart..<end }
        }
        return nil
    }

    /// The handle a word of lookalike letters from `start` reads as (`ЕvilВоt` as `evilbot`), and where
    /// it ends: when each of its letters looks like an ASCII letter, digit or `_`, one of them is a letter, and
    /// there are four at least.
    static func lookalikeHandle(_ s: [Unicode.Scalar], from start: Int) -> (end: Int, name: String)? {
        var end = start
        var name = ""
        while end < s.count, isWord(s[end]) || s[end] == "_", !isMarkLike(s[end]) {
            if isHandleChar(s[end]) {
                name.unicodeScalars.append(s[end])
            } else {
                let fold = FakeNameMatcher.fold(s[end])
                guard fold.count == 1, isHandleChar(fold[0]) else { return nil }
                name.unicodeScalars.append(fold[0])
            }
            end += 1
        }
        // (Telegram names are four characters long at least.)
        // A word of Kazakh and Russian letters is a word (`@Асан`, `@Серік_2020`), not a name drawn in them.
        guard name.unicodeScalars.count >= 4, name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }),
              s[start..<end].contains(where: { !isKazakhOrRussian($0) && !isHandleChar($0) }) || s[start..<end].contains(where: { $0.isASCII && $0.properties.isAlphabetic })
        else { return nil }
        return (end, name)
    }

    /// A letter of the Kazakh or Russian alphabet.
    static func isKazakhOrRussian(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x410...0x44F, 0x401, 0x451, 0x4D8, 0x4D9, 0x492, 0x493, 0x49A, 0x49B, 0x4A2, 0x4A3, 0x4E8, 0x4E9, 0x4B0, 0x4B1,
             0x4AE, 0x4AF, 0x4BA, 0x4BB, 0x406, 0x456: return true
        default: return false
        }
    }

    /// The name after the `@` at `at` when it is a handle a reader reads though a word goes before it: shaped as
    /// only a user name is (``isUserNameShaped(_:)``), after a Kazakh or Russian word (`пишите@evil_support`) or a
    /// bot's name (`EvilKzBot@EvilOneBot`), with no domain after it, written defanged too (`info@evil.com`,
    /// `info@kaspibot[.]kz` are addresses), nor a colon that goes on (`user@host1:/path`, `image@sha256:…`). A
    /// Latin word before it is a user at a host or a package at a version (`admin@db_server`, `lodash@latest_beta`).
    static func gluedHandle(_ s: [Unicode.Scalar], at: Int) -> Range<Int>? {
        var end = at + 1
        while end < s.count, isHandleChar(s[end]) { end += 1 }
        guard isUserNameShaped(s[(at + 1)..<end]),
              end + 1 >= s.count || s[end] != ":" || isSpaceOrEnd(s[end + 1]),
              !ReaderReading.nameGoesOnToDomain(s, from: at + 1, bracketsToo: true) else { return nil }
        var start = at
        while start > 0, isHandleChar(s[start - 1]) { start -= 1 }
        guard (at > 0 && isKazakhOrRussian(s[at - 1])) || isBotName(s[start..<at]) else { return nil }
        return (at + 1)..<end
    }

    private static func isSpaceOrEnd(_ u: Unicode.Scalar) -> Bool {
        u == " " || u == "\n" || u == "\t" || u == "\u{A0}"
    }

    static func isHandleChar(_ u: Unicode.Scalar) -> Bool {
        (u.isASCII && (u.properties.isAlphabetic || ("0"..."9").contains(u))) || u == "_"
    }
}
