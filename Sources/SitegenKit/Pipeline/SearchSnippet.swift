import SitegenCore
import SitegenMarkdown
import SitegenPolicy
import SitegenSearch

/// The snippet a search result shows under a page's title: the page's description, else the start of
/// its text. It is shown to readers, so it holds no number that the page does not: cut short, the start
/// of a longer number (`4400 4301 2345 6789` of twenty digits, `8 701 123 45 67` of a number with a
/// count after it) is a card or a phone number to a reader's app, and blocks run together on one line
/// would join a heading's digits to a paragraph's.
enum SearchSnippet {
    /// What a snippet may hold at most, with the `…` of a cut: the index writes it as it is
    /// (``SearchIndexWriter/snippetLength``).
    static let limit = SearchIndexWriter.snippetLength

    /// The page's text outside alerts as one line: the runs of a block joined as the page shows them
    /// (nothing where only inline markup parts them, a space otherwise), blocks and hard line breaks
    /// parted by ` · `, which no app reads inside a number.
    static func bodyText(_ runs: [TextRun]) -> String {
        var out = ""
        var block: CMarkNode?
        for run in runs where run.alert == nil {
            let own = PageInspector.block(of: run.node)
            if let block {
                // A hard line break parts lines as a block does: on one line, its two sides would join.
                out += own != block || PageInspector.separator(before: run.node) == "\n" ? " · " : run.joinsPrevious ? "" : " "
            }
            out += run.text
            block = own
            // Enough for any snippet: the rest is never shown.
            if out.utf8.count > 8 * limit { break }
        }
        return out
    }

    /// `text` cut to at most ``limit`` characters where a word ends, with `…` after; never inside a number
    /// (``NumberSafeCut``), and never so that what is kept holds a phone or card number that the whole
    /// does not hold at the same place: such a number goes with everything after its start.
    static func cut(_ text: String) -> String {
        guard text.count > limit else { return text }
        let start = text.prefix(limit - 1)
        var kept = text[start.endIndex].isWhitespace ? start : start[..<(start.lastIndex(where: \.isWhitespace) ?? start.startIndex)]
        kept = NumberSafeCut.trim(kept, before: text[kept.endIndex...])
        let whole = Set(numbers(in: text))
        // What is shown is judged, the `…` after it: a mark dropped from the end may have kept a number
        // apart from what followed it (`6789- ға` is no card to Telegram, `6789…` is).
        while true {
            while let last = kept.last, last.isWhitespace || ",;:-\u{2014}\u{2013}(«„·".contains(last) { kept.removeLast() }
            let shown = String(kept) + "…"
            guard let made = numbers(in: shown).first(where: { !whole.contains($0) }) else { return shown }
            // Everything from the number's start goes (a number made with the `…` itself, its last letter).
            kept = made.lowerBound < kept.utf8.count ? kept[..<kept.utf8.index(kept.startIndex, offsetBy: made.lowerBound)] : kept.dropLast()
        }
    }

    /// Where a reader's apps read a number in `text`: a phone's dialler, Telegram's cards (UTF-8 bytes).
    private static func numbers(in text: String) -> [Range<Int>] {
        PhoneNumbers.find(in: text).map { $0.range } + TelegramTextBoundaries.bankCardNumbers(in: text).map { $0.offset..<($0.offset + $0.length) }
    }
}
