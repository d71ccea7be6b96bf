extension TextTokens {
    /// Words that end in "bot" and name no Telegram bot: a reader searches Telegram for none of them. Web
    /// crawlers' names stand in `robots.txt` lines and scripts (`TelegramBot` fetches link previews).
    private static let botLikeWords: Set<String> = [
        "robot", "chatbot", "nanobot", "microbot", "abbot", "talbot", "cabot", "sabot", "turbot",
        "googlebot", "bingbot", "yandexbot", "applebot", "duckduckbot", "petalbot", "ahrefsbot", "semrushbot",
        "twitterbot", "telegrambot", "discordbot", "slackbot", "linkedinbot", "facebot", "gptbot", "claudebot",
        "ccbot", "amazonbot", "mj12bot", "dotbot", "seznambot", "exabot", "pinterestbot", "redditbot",
        // Makers' and tools' names, English words and surnames, transliterated words (`rabot`, `hisobot`).
        "irobot", "deebot", "jetbot", "ozobot", "dependabot", "renovatebot", "hubot", "errbot", "probot", "telebot",
        "cobot", "jabot", "kilobot", "xenobot", "minibot", "voicebot", "callbot", "mailbot", "talkbot",
        "helpbot", "chabot", "ribot", "marbot", "rabot", "zabot", "subbot", "hisobot", "echobot",
        // Malware named in warnings about it.
        "trickbot", "qakbot", "saintbot", "robobot",
    ]

    /// Telegram bots' user names written without an `@` (`EvilKzBot`, `egov_help_bot`): no app links
    /// one, but the reader searches Telegram for it, and whoever holds the name answers. A name is what
    /// Telegram allows a bot (five to thirty-two ASCII letters, digits and underscores, starting with a
    /// letter and ending in "bot"), standing as a word of its own: not after `@`, `\\`, `#` or `$` (a handle,
    /// a path, a hashtag), nor after a dot or a slash that joins it to a Latin name or a path; followed by no
    /// letter but a Kazakh or Russian ending (`EvilKzBotқа`), nor by a dot and a Latin word (a name's part).
    /// Each range is over `scalars`, which are read as addresses read them.
    static func bareBotNames(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = 0
        let n = scalars.count
        while i < n {
            guard TelegramTextBoundaries.isHandleCharacter(scalars[i]) else { i += 1; continue }
            let start = i
            var end = i
            while end < n, TelegramTextBoundaries.isHandleCharacter(scalars[end]) { end += 1 }
            i = end
            if start > 0 {
                let before = scalars[start - 1]
                // (A footnote's mark or a circled number is no part of a name: `①EvilKzBot`.)
                guard !isWord(before) || isNumberMark(before), !"@\\#$".unicodeScalars.contains(before) else { continue }
                // After a character reference (`&#64;EvilBot` in a template's text), read with what it stands for,
                // where the browser's reading of the text finds it.
                if before == ";" {
                    var k = start - 2
                    while k >= 0, start - k <= 12, TelegramTextBoundaries.isASCIIAlphanumeric(scalars[k]) || scalars[k] == "#" { k -= 1 }
                    if k >= 0, scalars[k] == "&" { continue }
                }
                // After a dot, a name unless a Latin letter goes before the dot (`file.EvilBot`): a list's number or a
                // sentence before it leaves it one (`1.EvilKzBot`, `Жазбаңыз.EvilKzBot`); after a slash, a
                // name only between two words (`Kenes1414Bot/EvilKzBot`), not in a path or a command (`/usr/runbot`,
                // `egov.kz/runbot`, `/startbot`).
                if before == "." {
                    guard start < 2 || !isASCIILetter(scalars[start - 2]) else { continue }
                } else if before == "/" {
                    var k = start - 1
                    while k > 0, isWord(scalars[k - 1]) { k -= 1 }
                    guard k < start - 1, k == 0 || !"./:~\\".unicodeScalars.contains(scalars[k - 1]) else { continue }
                }
            }
            guard isBotName(scalars[start..<end]) else { continue }
            if end < n {
                let after = scalars[end]
                // A dot before a Latin word (`EvilBot.exe`) or an @ makes it a part of a longer name; a bracket, a
                // function's name in code (`start_bot()`).
                // (Before an @ and a name with no domain, a name of its own: `EvilKzBot@EvilOneBot`.)
                if (after == "@" && ReaderReading.nameGoesOnToDomain(scalars, from: end + 1))
                    || (after == "." && end + 1 < n && TelegramTextBoundaries.isASCIIAlphanumeric(scalars[end + 1])) { continue }
                // A call in code (`start_bot()`, `run_bot(x)`), not a name before a bracketed word (`EvilKzBot(жалған)`).
                if after == "(", end + 1 < n, scalars[end + 1] == ")" || scalars[end + 1] == "\"" || TelegramTextBoundaries.isASCIIAlphanumeric(scalars[end + 1]) { continue }
                // (An apostrophe drawn as a letter may go before an ending: `EvilKzBotʼқа`; a footnote's mark after it.)
                guard !isWord(after) || isKazakhOrRussian(after) || isNumberMark(after)
                        || "\u{2BC}\u{2B9}\u{2BB}".unicodeScalars.contains(after) else { continue }
            }
            out.append(start..<end)
        }
        return out
    }

    /// Whether `name` (handle characters alone) is shaped as only a user name is, not a word: 5 to 32 of them,
    /// starting with a letter, with an underscore among them (`evil_support`, `kz_help2020`) or ending in
    /// "bot" (`EvilOneBot`, not `chatbot`). `Zoom` and `Telegram` after an @ are prose, and so are a model's
    /// or a flight's name with a digit (`Акция @ iPhone15`, `Рейс @ KC851`).
    static func isUserNameShaped(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (5...32).contains(name.count), let first = name.first, isASCIILetter(first) else { return false }
        return name.contains("_") || isBotName(name)
    }

    /// Whether `name` (handle characters alone) is what Telegram allows a bot: 5 to 32 of them, starting with a
    /// letter and ending in "bot" in any case, and no word that ends so (``botLikeWords``).
    static func isBotName(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard (5...32).contains(name.count), let first = name.first, isASCIILetter(first) else { return false }
        let k = name.endIndex
        return name[k - 3].value | 0x20 == 0x62 && name[k - 2].value | 0x20 == 0x6F && name[k - 1].value | 0x20 == 0x74
            && !botLikeWords.contains(String(String.UnicodeScalarView(name)).lowercased())
    }

    /// The text with each letter drawn in a style read as the ASCII letter it draws, as the handle reader reads
    /// it (``FakeNameMatcher/fold(_:)``): mathematical `𝐄`, script `ℰ`, circled `Ⓔ`, squared `🄴` and `🅴`, small
    /// capitals `ᴇ`, modifier letters `ᴱ`, letters with marks `é`. A digit so drawn reads as a digit between
    /// letters or digits (`Evil①②Bot`, `Evil²Bot`), not beside a name (`①EvilKzBot`, `EvilKzBot¹` hold a
    /// footnote's mark). Nil when the text holds no such letter (nearly every text).
    static func styledAsLatin(_ s: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard s.contains(where: isStyledLatin) else { return nil }
        var out = s
        for k in s.indices where isStyledLatin(s[k]) {
            // (A digit by its value: the confusables draw `①` as `l`.)
            if let value = s[k].properties.numericValue {
                guard value >= 0, value <= 9, value == value.rounded(), k > 0, TelegramTextBoundaries.isASCIIAlphanumeric(out[k - 1]),
                      k + 1 < s.count, TelegramTextBoundaries.isASCIIAlphanumeric(s[k + 1]) || isStyledLatin(s[k + 1]),
                      let digit = Unicode.Scalar(0x30 + UInt32(value)) else { continue }
                out[k] = digit
                continue
            }
            let fold = FakeNameMatcher.fold(s[k])
            guard fold.count == 1, TelegramTextBoundaries.isASCIIAlphanumeric(fold[0]) else { continue }
            out[k] = fold[0]
        }
        return out
    }

    /// Whether `u` is in a block of letters drawn in a style (``styledAsLatin(_:)``): superscript digits (`²`, `³`,
    /// `¹`), Latin with marks, IPA and modifier letters (U+00C0–U+02FF, but `×` and `÷`), phonetic extensions
    /// (U+1D00–U+1DBF), Latin Extended Additional (U+1E00–U+1EFF), super- and subscripts (U+2070–U+209F),
    /// letterlike symbols (U+2100–U+214F), enclosed letters and numbers (U+2460–U+24FF), Latin Extended-C and -D
    /// (U+2C60–U+2C7F, U+A720–U+A7FF), mathematical letters (U+1D400–U+1D7FF), enclosed supplements (U+1F100–U+1F1FF).
    static func isStyledLatin(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        guard v >= 0xB2 else { return false }
        if v < 0xC0 { return v == 0xB2 || v == 0xB3 || v == 0xB9 }
        if v <= 0x2FF { return v != 0xD7 && v != 0xF7 }
        return (v >= 0x1D00 && v <= 0x1DBF) || (v >= 0x1E00 && v <= 0x1EFF) || (v >= 0x2070 && v <= 0x209F)
            || (v >= 0x2100 && v <= 0x214F) || (v >= 0x2460 && v <= 0x24FF) || (v >= 0x2C60 && v <= 0x2C7F)
            || (v >= 0xA720 && v <= 0xA7FF) || (v >= 0x1D400 && v <= 0x1D7FF) || (v >= 0x1F100 && v <= 0x1F1FF)
    }

    /// A number that is no ASCII digit (`¹`, `①`): a footnote's mark or a list's, no part of a name.
    private static func isNumberMark(_ u: Unicode.Scalar) -> Bool {
        !u.isASCII && u.properties.numericType != nil
    }

    private static func isASCIILetter(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 0x61 && u.value <= 0x7A) || (u.value >= 0x41 && u.value <= 0x5A)
    }

    /// Whether the ASCII word that ends before byte `end` (`length` bytes long) may be a bot's name:
    /// five or more bytes, the last three "bot" in any case. For ``mayHoldTokens(_:)``.
    @inline(__always) static func mayEndBotName(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int, length: Int) -> Bool {
        length >= 5 && bytes[end - 3] | 0x20 == 0x62 && bytes[end - 2] | 0x20 == 0x6F && bytes[end - 1] | 0x20 == 0x74
    }

    /// Whether a word that mixes Latin letters with Cyrillic or Greek ones (`ЕvilKzВоt`, found so by
    /// ``mayHoldTokens(_:)``) holds a `t` or a letter drawn as one (`т`, `Т`, `τ`): a bot's name in lookalike
    /// letters, which the reader's reading finds (``ReaderReading``). Asked only of such words, which are rare.
    static func mixedWordHoldsT(_ bytes: UnsafeBufferPointer<UInt8>, _ word: Range<Int>) -> Bool {
        for k in word {
            let b = bytes[k]
            if b | 0x20 == 0x74 { return true }
            guard k + 1 < word.upperBound else { break }
            let next = bytes[k + 1]
            if (b == 0xD1 && next == 0x82) || (b == 0xD0 && next == 0xA2) || (b == 0xCF && next == 0x84) { return true }
        }
        return false
    }
}
