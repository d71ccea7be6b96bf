import Foundation
import SitegenContent
import SitegenCore
import SitegenPolicy

/// Defence in depth: every address, handle, phone and card number in a finished bulletin is read again from its final
/// text and judged by the link policy, so no channel can carry what the site check would refuse,
/// whatever the layout did. Defanged names (`egov-kz[.]com`, as sitegen names known fakes in its warnings)
/// are not addresses here and pass: the page check judged each as the editor wrote it.
struct BulletinGuard {
    let inspector: PageInspector
    /// The site's base URL: its own pages are official by definition.
    let baseURL: String
    /// Its host, which a bulletin may name bare.
    private let ownHost: String?

    init(inspector: PageInspector, baseURL: String) {
        self.inspector = inspector
        self.baseURL = baseURL
        ownHost = SiteAddress(checked: baseURL).host
    }

    /// Objections to bulletin texts (for Telegram, the visible text and the `href` values), each
    /// with the address or name it is about, each once.
    ///
    /// No address, handle or name holds a space, so the texts are read word by word; the channels of
    /// one page share most of their words, and each distinct word is read once (short ones are
    /// remembered across pages too).
    /// A known fake's bare name (without a dot or an @ that defanging would bracket) passes only when
    /// `namedFakes` holds it: the page names it in a warning, where the page check allowed it.
    /// `phoneTexts`: the texts read whole for phone numbers (the channels differ in markup, not in
    /// where digits and spaces meet: the plain text and what WhatsApp shows are enough); all of `texts`
    /// when not given.
    func findings(texts: [String], hrefs: [String] = [], namedFakes: Set<String> = [], phoneTexts: [String]? = nil)
        -> [(what: String, finding: Finding)]
    {
        var out: [(String, Finding)] = []
        for href in Set(hrefs).sorted() { out += judge(href).map { (href, $0) } }
        // A character Telegram deletes before it reads a text (a carriage return) joins what the words
        // below read apart (`@Kenes1414Bot\r_support`): none is sent, whatever put it there. (The page
        // check refused every other invisible character in what the texts are made of.)
        for text in texts {
            if let deleted = Self.firstDeletedBeforeSending(text), let (f, _) = PageInspector.invisibleFinding(String(deleted)) {
                out.append((String(deleted), f))
            }
        }
        // The address of a `[text](address)` a Telegram app makes a link of runs to its `)`, over spaces and
        // line breaks: read in each whole text.
        for text in texts { out += inspector.pastedLinkFindings(text).map { ($0.address, $0.finding) } }
        // Numbers hold spaces: a text is read whole for them (a number the layout put together from
        // pieces, `+7 **777** 123 45 67`, is dialled whole).
        // No number goes over a line break: a line without two digits in a row is passed at a glance,
        // and a line read already (the plain text and WhatsApp's share most of theirs) is not read again.
        var readLines = ByteStringTable(expected: 128)
        for text in phoneTexts ?? texts {
            // Lines are found in the bytes, and only one that may hold a number is made a String.
            Self.forEachNewLine(of: text, in: &readLines, where: PhoneNumbers.mayHold(utf8:)) { line in
                let text = String(decoding: line, as: UTF8.self)
                // A card number holds spaces too, and Telegram reads it whole however the layout put it
                // together (`4400 **4301** 2345 6789`, dropped markup between its groups).
                out += inspector.numberFindings(text).map { ($0.text, $0.finding) }
                // A list's number and its item's first digits are one number to a phone's reader
                // (`87011. 234567`), where prose reads `. ` as the end of a sentence: read joined too.
                if let joined = Self.listNumberJoined(text) {
                    out += inspector.phoneFindings(joined).map { ($0.1.text, $0.0) }
                }
            }
        }
        // No word goes over a line break either, and the channels share most of their lines: a line
        // read already is passed whole, and only the words of new lines are looked up one by one.
        var seen = ByteStringTable(expected: 512)
        var readWordLines = ByteStringTable(expected: 256)
        for text in texts {
            Self.forEachNewLine(of: text, in: &readWordLines, where: { !$0.isEmpty }) { line in
                var start = 0
                for end in 0...line.count where end == line.count || PageInspector.isSpace(line[end]) {
                    defer { start = end + 1 }
                    guard end > start else { continue }
                    let word = UnsafeBufferPointer(rebasing: line[start..<end])
                    if seen.add(word) {
                        out += findings(inText: String(decoding: word, as: UTF8.self), namedFakes: namedFakes)
                    }
                }
            }
        }
        // The same address in several lines or channels is one finding.
        var reported = Set<String>()
        return out.filter { reported.insert($0.0 + "\u{0}" + $0.1.code).inserted }
    }

    /// Calls `body` with each line of `text` (its bytes, without the line break) that passes `wanted`
    /// and is not in `read` yet, adding it there: a line read in one text is passed in the next.
    private static func forEachNewLine(of text: String, in read: inout ByteStringTable,
                                       where wanted: (UnsafeBufferPointer<UInt8>) -> Bool,
                                       _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A {
                defer { start = end + 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if wanted(line), read.add(line) { body(line) }
            }
        }
    }

    /// `line` with the `. ` after the number that begins it (a list item's `87011. `) made one space,
    /// when a digit follows; nil for any other line.
    static func listNumberJoined(_ line: String) -> String? {
        let b = Array(line.utf8)
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == 0x3E { i += 1 }  // indentation and quote markers
        let digits = i
        while i < b.count, (0x30...0x39).contains(b[i]) { i += 1 }
        guard i > digits, i + 2 < b.count, b[i] == 0x2E, b[i + 1] == 0x20, (0x30...0x39).contains(b[i + 2]) else { return nil }
        return String(decoding: b[..<i] + [0x20] + b[(i + 2)...], as: UTF8.self)
    }

    /// The first character of `text` Telegram deletes before it reads it
    /// (``InvisibleCharacters/isRemovedBeforeSending(_:)``: U+000D, U+2028, U+2029, U+030A, U+0333,
    /// U+033F), found in its bytes: every bulletin is read, and nearly none holds one.
    static func firstDeletedBeforeSending(_ text: String) -> Unicode.Scalar? {
        var copy = text
        return copy.withUTF8 { b -> Unicode.Scalar? in
            // Only the bytes these begin with are looked at, each found with memchr: a bulletin has few.
            let leads: [UInt8] = [0x0D, 0xE2, 0xCC]
            var next = leads.map { ByteScan.next($0, in: b, from: 0) }
            while let i = next.min(), i < b.count {
                switch b[i] {
                case 0x0D:
                    return "\r"
                case 0xE2 where i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9):
                    return Unicode.Scalar(0x2028 + UInt32(b[i + 2] - 0xA8))
                case 0xCC where i + 1 < b.count && (b[i + 1] == 0x8A || b[i + 1] == 0xB3 || b[i + 1] == 0xBF):
                    return Unicode.Scalar(0x300 + UInt32(b[i + 1] - 0x80))
                default:
                    let k = leads.firstIndex(of: b[i])!
                    next[k] = ByteScan.next(b[i], in: b, from: i + 1)
                }
            }
            return nil
        }
    }

    /// Objections to one text.
    func findings(text: String, hrefs: [String] = [], namedFakes: Set<String> = []) -> [(what: String, finding: Finding)] {
        findings(texts: [text], hrefs: hrefs, namedFakes: namedFakes)
    }


    /// Objections to the addresses, handles and names in `text` (a word of a bulletin, a piece of a finished
    /// page's text): a bare fake's name passes only when `namedFakes` holds it.
    func findings(inText text: String, namedFakes: Set<String>) -> [(String, Finding)] {
        var out: [(String, Finding)] = []
        // A name written defanged is sitegen's own way of naming a known fake in a warning (the page check
        // judged what the editor wrote): no address.
        for token in inspector.tokens.scan(text) where !token.defanged {
            switch token.kind {
            case .url:
                out += judge(token.read ?? token.text).map { (token.text, $0) }
            case .fakeName(let name) where namedFakes.contains(name.lowercased()) || namedFakes.contains(token.text.lowercased()):
                // A bare name leads nowhere in any messenger, and this one is named in a warning
                // (as the registry spells it, or as the page wrote it: `Кenes1414_Bot`).
                continue
            default:
                if case .domain(let ascii) = token.kind, ownHost == ascii { continue }
                out += inspector.judgeToken(token, inWarning: false).map { (token.text, $0) }
            }
        }
        return out
    }

    private func judge(_ url: String) -> [Finding] { SiteAddressJudge(inspector: inspector, baseURL: baseURL).judge(url) }

    /// The `href` values and the visible text of Telegram HTML that sitegen wrote.
    static func telegramParts(_ html: String) -> (text: String, hrefs: [String]) {
        let bytes = Array(html.utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count)
        var hrefs: [String] = []
        let open = Array("<a href=\"".utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x26, let (decoded, next) = TelegramEntities.entity(bytes, at: i) {
                text += decoded
                i = next
                continue
            }
            guard bytes[i] == 0x3C else {
                text.append(bytes[i])
                i += 1
                continue
            }
            var end = i
            while end < bytes.count, bytes[end] != 0x3E { end += 1 }
            if bytes[i...].starts(with: open) {
                var q = i + open.count
                while q < end, bytes[q] != 0x22 { q += 1 }
                hrefs.append(TelegramEntities.decoding(bytes[(i + open.count)..<q]))
            }
            i = end + 1
        }
        return (String(decoding: text, as: UTF8.self), hrefs)
    }
}
