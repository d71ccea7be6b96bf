import SitegenMarkdown
import SitegenPolicy

/// Lays out a bulletin's blocks as text for one channel: a blank line between blocks, list items
/// on their own lines with `•`, `1.` or `☐`, alerts opened by their icon and title, and every link
/// followed by its address written out in full.
struct BulletinLayout<Markup: BulletinMarkup>: Sendable {
    let markup: Markup
    /// Title of each alert kind in the bulletin's language.
    let alertTitles: [AlertKind: String]

    /// Blocks separated by blank lines.
    func blocks(_ blocks: [BulletinBlock], inQuote: Bool = false) -> String {
        blocks.map { block($0, inQuote: inQuote) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    func block(_ block: BulletinBlock, inQuote: Bool = false) -> String {
        switch block.kind {
        case .heading(_, let content):
            return markup.strong(inlines(content, within: .strong))
        case .paragraph(let content):
            return inlines(content)
        case .list(let style, let items):
            return items.map { item(style, $0, inQuote: inQuote) }.joined(separator: "\n")
        case .code(let text):
            return markup.pre(text)
        case .quote(let kind, let title, let children):
            var inner = self.blocks(children, inQuote: true)
            if let kind {
                let shown = title ?? alertTitles[kind] ?? kind.rawValue.capitalized
                let head = Self.icon(kind) + " " + markup.strong(markup.text(shown))
                inner = inner.isEmpty ? head : head + "\n" + inner
                // Telegram's block quotes do not nest: a quote inside a quote is shown as its text.
                return inQuote ? inner : markup.alert(inner)
            }
            return inQuote ? inner : markup.quote(inner)
        case .rule:
            return "———"
        case .table(let rows):
            // The first row is the header, shown strong (so its cells are laid out as emphasis is).
            return rows.enumerated().map { n, cells in
                let row = cells.map { inlines($0, within: n == 0 ? .strong : []) }.joined(separator: markup.text(" | "))
                return n == 0 ? markup.strong(row) : row
            }.joined(separator: "\n")
        }
    }

    /// One list item: its marker, its first block, then its other blocks indented under it.
    private func item(_ style: BulletinBlock.ListStyle, _ item: BulletinItem, inQuote: Bool) -> String {
        let marker: String
        switch style {
        case .bullets: marker = "• "
        case .numbered: marker = "\(item.number). "
        case .checklist: marker = item.checked ? "☑ " : "☐ "
        }
        let indent = String(repeating: " ", count: marker.count + 1)
        let parts = item.blocks.map { block($0, inQuote: inQuote) }.filter { !$0.isEmpty }
        guard let first = parts.first else { return markup.text(marker) }
        var out = markup.text(marker) + first
        for part in parts.dropFirst() { out += "\n" + part.prefixingEachLine(with: indent) }
        return out
    }

    func inlines(_ content: [BulletinInline], within: InlineContext = []) -> String {
        var out = ""
        func styled(_ c: [BulletinInline], _ style: InlineContext, _ mark: (String) -> String) -> String {
            within.contains(style) ? inlines(c, within: within) : mark(inlines(c, within: within.union(style)))
        }
        /// Whether an address was just written out, here or at the end of formatted text: what follows
        /// it must not read as more of it.
        var afterAddress = false
        for (index, inline) in content.enumerated() {
            if afterAddress, !Self.endsAddress(content[index...]) { out += markup.text(" ") }
            afterAddress = Self.endsWithAddress(inline)
            switch inline {
            case .text(let s): out += markup.text(s)
            case .strong(let c): out += styled(c, .strong, markup.strong)
            case .emphasis(let c): out += styled(c, .emphasis, markup.emphasis)
            case .strike(let c): out += styled(c, .strike, markup.strike)
            case .code(let s): out += !within.isEmpty && !markup.codeNestsInEmphasis ? markup.text(s) : markup.code(s)
            case .fakeName(let s): out += markup.text(FakeNameDisplay.messenger(s))
            case .lineBreak: out += "\n"
            case .link(let c, let url):
                let shown = Self.shown(url)
                let text = c.count == 1 ? c[0].plainText : c.map(\.plainText).joined()
                if text == url || text == shown || (url.hasPrefix("https://") && url.utf8.dropFirst(8).elementsEqual(text.utf8)) {
                    out += markup.address(url, shown: shown)
                } else {
                    // The reader sees where a link goes before following it: `egov.kz — https://egov.kz/…`.
                    out += inlines(c, within: within.union(.linkText)) + markup.text(" — ") + markup.address(url, shown: shown)
                }
            }
        }
        return out
    }

    /// Whether what follows an address (`rest`, up to its first space) leaves it as it is: nothing, a
    /// space or a line break, or closing punctuation with a space or the end after it
    /// (`https://egov.kz/.`). Anything else (`-ға`, a letter, `/x`, `?start=x`, `…`, a quote, `.` and
    /// then formatted text) would be read by apps as more of the address
    /// (`https://t.me/Kenes1414Bot-ға`), so a space is put between. A space is what Telegram ends an
    /// address at (a separator, ``TelegramTextBoundaries/isSeparator(_:)``): a tab it reads on through.
    static func endsAddress(_ rest: ArraySlice<BulletinInline>) -> Bool {
        var tail = ""
        for inline in rest {
            tail += inline.plainText
            if tail.unicodeScalars.contains(where: \.properties.isWhitespace) || tail.utf8.count > 32 { break }
        }
        let closing: Set<Unicode.Scalar> = [".", ",", ";", ":", "!", "?", ")", "»"]
        guard let first = tail.unicodeScalars.drop(while: { closing.contains($0) }).first else { return true }
        return first == "\n" || TelegramTextBoundaries.isSeparator(first)
    }

    /// Whether an inline ends with a written-out address: a link, or formatted text ending with one.
    static func endsWithAddress(_ inline: BulletinInline) -> Bool {
        switch inline {
        case .link: return true
        case .strong(let c), .emphasis(let c), .strike(let c): return c.last.map(endsWithAddress) ?? false
        default: return false
        }
    }

    /// An address as a reader writes it: e-mail and phone without their scheme, and a mail link without
    /// its `?subject=`, which no messenger carries (`info@egov.kz?subject=…` would read as more of the
    /// address, or as none).
    static func shown(_ url: String) -> String {
        // Compared on the first bytes only: a page may hold a hundred thousand links.
        let head = url.utf8.prefix(7).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if head.starts(with: "mailto:".utf8) {
            let address = url.dropFirst(7)
            return String(address.prefix { $0 != "?" })
        }
        if head.starts(with: "tel:".utf8) { return String(url.dropFirst(4)) }
        return url
    }

    static func icon(_ kind: AlertKind) -> String {
        switch kind {
        case .warning, .caution: return "⚠️"
        case .important: return "❗"
        case .tip: return "💡"
        case .note: return "ℹ️"
        }
    }
}

/// The markup an inline sits inside. A style is never opened inside itself (`<b>` in `<b>`, `*` in
/// `*`), which messengers read badly; code inside any of them is written as text where the channel
/// cannot nest it.
struct InlineContext: OptionSet, Sendable {
    let rawValue: Int
    static let strong = InlineContext(rawValue: 1)
    static let emphasis = InlineContext(rawValue: 2)
    static let strike = InlineContext(rawValue: 4)
    static let linkText = InlineContext(rawValue: 8)
}

extension String {
    /// Every line prefixed (a quote's `> `, a list item's indent); empty lines get the prefix without
    /// its trailing space.
    func prefixingEachLine(with prefix: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? prefix.trimmingSuffix(" ") : prefix + $0 }.joined(separator: "\n")
    }
}
