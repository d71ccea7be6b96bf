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
    /// without its pair is text).
    private static func pairedBars(_ s: [Unicode.Scalar]) -> Set<Int> {
        var starts: [Int] = []
        var i = 0
        while i + 1 < s.count {
            if s[i] == "|" && s[i + 1] == "|" {
                starts.append(i)
                i += 2
            } else {
                i += 1
            }
        }
        return Set(starts.prefix(starts.count / 2 * 2).flatMap { [$0, $0 + 1] })
    }

    private static func read(_ text: String, offsets keepsOffsets: Bool) -> (shown: String, offsets: [Int])? {
        let s = ScalarArray.of(text)
        func isWord(_ j: Int) -> Bool { j >= 0 && j < s.count && (s[j].properties.isAlphabetic || ("0"..."9").contains(s[j])) }
        let bars = pairedBars(s)
        func hidden(_ i: Int) -> Bool {
            s[i] == "*" || s[i] == "~" || s[i] == "`" || (s[i] == "_" && !(isWord(i - 1) && isWord(i + 1))) || bars.contains(i)
        }
        // Most text with a marker byte has only a `_` inside a handle: nothing to build.
        guard s.indices.contains(where: hidden) else { return nil }
        var shown: [Unicode.Scalar] = []
        var offsets: [Int] = []
        shown.reserveCapacity(s.count)
        var at = 0
        for (i, u) in s.enumerated() {
            let width = UTF8.width(u)
            defer { at += width }
            if hidden(i) { continue }
            shown.append(u)
            if keepsOffsets { for k in 0..<width { offsets.append(at + k) } }
        }
        offsets.append(at)
        return (String(scalars: shown), offsets)
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
