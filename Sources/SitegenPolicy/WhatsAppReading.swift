import SitegenCore

/// Text as WhatsApp shows it. WhatsApp takes `*`, `~`, `_` and backticks for bold, strike-through,
/// italic and monospace markers and hides them, even where a page wrote them as plain characters: `\*evil\*.com` in
/// Markdown is the text `*evil*.com`, which WhatsApp shows as evil.com and then links. What it shows
/// is judged as well as what was written.
///
/// A Telegram app does the same to a text pasted into it and sent (its `**`, `__`, `~~`, backticks
/// and `||` for a spoiler): `@||EvilBot||` is sent as the mention `@EvilBot`. So each pair of `||` is
/// hidden too (a single `|`, or a last `||` without its pair, the app keeps).
///
/// The reading hides more than WhatsApp does (every `*`, `~` and backtick, not only paired ones), so it never
/// shows less than a reader could see. A `_` between two letters or digits is kept: it is part of a
/// word or a handle (`Kenes1414_Bot`), and WhatsApp does not format inside a word.
package enum WhatsAppReading {
    /// Whether `text` holds a character WhatsApp may hide: the quick answer for most text. (It reads
    /// the bytes in place: `utf8.contains(where:)` walked an index a byte, a fiftieth of `check`.)
    package static func mayHideMarkers(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            for b in bytes where b == 0x2A || b == 0x7E || b == 0x5F || b == 0x60 || b == 0x7C { return true }
            return false
        }
    }

    /// What of `piece` is written before its first marker: the part of a shown token or number to look for
    /// in the source (all of `piece` when it starts with one).
    static func lead(of piece: String) -> String {
        guard let cut = piece.firstIndex(where: { "*~_`|".contains($0) }), cut > piece.startIndex else { return piece }
        return String(piece[..<cut])
    }

    /// `text` as WhatsApp shows it.
    package static func shown(_ text: String) -> String {
        guard mayHideMarkers(text) else { return text }
        return read(text, offsets: false)?.shown ?? text
    }

    /// `text` as WhatsApp shows it, with the UTF-8 offset in `text` of each UTF-8 offset of the shown
    /// text (and of its end); nil when WhatsApp hides nothing in it.
    package static func reading(_ text: String) -> (shown: String, offsets: [Int])? {
        read(text, offsets: true)
    }

    /// Where the bars of each pair of `||` are, as Telegram pairs them (left to right; a last one
    /// without its pair is text): the byte offset of each pair's first bar.
    private static func pairedBars(_ b: UnsafeBufferPointer<UInt8>) -> Set<Int> {
        var starts: [Int] = []
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x7C && b[i + 1] == 0x7C {
                starts.append(i)
                i += 2
            } else {
                i += 1
            }
        }
        return Set(starts.prefix(starts.count / 2 * 2))
    }

    /// Whether the character whose UTF-8 encoding starts at byte `j` (or, `before`, ends just before it)
    /// is a letter or a digit: what keeps a `_` between two of them.
    private static func isWord(_ b: UnsafeBufferPointer<UInt8>, at j: Int, before: Bool) -> Bool {
        var start = j
        if before {
            guard j > 0 else { return false }
            start = j - 1
            while start > 0, b[start] & 0xC0 == 0x80, j - start < 4 { start -= 1 }
        }
        guard start >= 0, start < b.count else { return false }
        let lead = b[start]
        if lead < 0x80 { return (0x30...0x39).contains(lead) || (0x41...0x5A).contains(lead) || (0x61...0x7A).contains(lead) }
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard start + width <= b.count else { return false }
        var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for k in 1..<width { value = value << 6 | (UInt32(b[start + k]) & 0x3F) }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    // Read in the bytes: every marker is ASCII, and every bulletin's whole text is read this way.
    private static func read(_ text: String, offsets keepsOffsets: Bool) -> (shown: String, offsets: [Int])? {
        var copy = text
        return copy.withUTF8 { b -> (shown: String, offsets: [Int])? in
            let bars = b.contains(0x7C) ? pairedBars(b) : []
            func hidden(_ i: Int) -> Bool {
                switch b[i] {
                case 0x2A, 0x7E, 0x60: return true
                case 0x5F: return !(isWord(b, at: i, before: true) && isWord(b, at: i + 1, before: false))
                case 0x7C: return bars.contains(i) || bars.contains(i - 1)
                default: return false
                }
            }
            // Most text with a marker byte has only a `_` inside a handle: nothing to build.
            guard let first = b.indices.first(where: hidden) else { return nil }
            var shown: [UInt8] = []
            var offsets: [Int] = []
            shown.reserveCapacity(b.count)
            shown.append(contentsOf: b[..<first])
            if keepsOffsets {
                offsets.reserveCapacity(b.count + 1)
                offsets.append(contentsOf: 0..<first)
            }
            for i in first..<b.count where !hidden(i) {
                shown.append(b[i])
                if keepsOffsets { offsets.append(i) }
            }
            offsets.append(b.count)
            return (String(decoding: shown, as: UTF8.self), offsets)
        }
    }
}

extension PageInspector {
    /// Tokens WhatsApp's reading of `text` shows that the text as written does not hold: those
    /// across a hidden marker (`*evil*.com`). Each comes with its byte range in `text`, and `lead`,
    /// its text up to the first hidden marker: the piece to look for in the source. `written`: the
    /// tokens of `text` when the caller has them already.
    package func whatsAppTokens(_ text: String, written: [TextToken]? = nil) -> [(token: TextToken, written: Range<Int>, lead: String)] {
        guard WhatsAppReading.mayHideMarkers(text), let (shown, offsets) = WhatsAppReading.reading(text) else { return [] }
        let bytes = Array(shown.utf8)
        // By offset: a long text's tokens are many, and each shown token asks.
        let asWritten = Dictionary(grouping: written ?? tokens.scan(text), by: \.offset)
        return tokens.scan(shown).compactMap { token in
            let first = token.offset, end = token.offset + token.length
            let from = offsets[first], to = offsets[end - 1] + 1
            // The same token at the same place was judged as written. (One with nothing hidden inside
            // it may still be new: `_egov-kz.com_` as written is not the name `egov-kz.com`.)
            guard !(asWritten[from] ?? []).contains(where: { $0.length == to - from && $0.kind == token.kind }) else { return nil }
            var k = first + 1
            while k < end, offsets[k] == from + (k - first) { k += 1 }
            return (token, from..<to, String(decoding: bytes[first..<k], as: UTF8.self))
        }
    }

    /// Phone numbers WhatsApp's reading of `text` shows that the text as written does not hold
    /// (`+7 701 *123* 45 67`), each said so, with its text up to the first hidden marker.
    package func whatsAppPhones(_ text: String) -> [(finding: Finding, lead: String)] {
        guard WhatsAppReading.mayHideMarkers(text), let (shown, offsets) = WhatsAppReading.reading(text) else { return [] }
        let written = Set(PhoneNumbers.find(in: text).map { $0.offset..<($0.offset + $0.length) })
        let bytes = Array(text.utf8)
        return phoneFindings(shown).compactMap { finding, phone in
            let from = offsets[phone.offset], to = offsets[phone.offset + phone.length - 1] + 1
            guard !written.contains(from..<to) else { return nil }
            return (Self.asShownByWhatsApp(finding), WhatsAppReading.lead(of: String(decoding: bytes[from..<to], as: UTF8.self)))
        }
    }

    /// A finding about what WhatsApp shows, said so.
    static func asShownByWhatsApp(_ f: Finding) -> Finding { f.said(as: "text.whatsapp-markers") }

    /// A finding about a name or number written across formatting, said so.
    static func asAcrossFormatting(_ f: Finding) -> Finding { f.said(as: "text.across-formatting") }
}
