import SitegenCore
import SitegenPolicy

/// The markup of one channel: how text is escaped and how emphasis, code, quotes and written-out
/// addresses are marked. `BulletinWriter` lays out the blocks the same way for every channel.
protocol BulletinMarkup: Sendable {
    /// Text as the reader should see it, escaped for the channel.
    func text(_ s: String) -> String
    func strong(_ inner: String) -> String
    func emphasis(_ inner: String) -> String
    func strike(_ inner: String) -> String
    /// A code span (raw text).
    func code(_ s: String) -> String
    /// A code block (raw text).
    func pre(_ s: String) -> String
    /// An address written out in full, pointing where it says.
    func address(_ url: String, shown: String) -> String
    /// A block quote around already rendered blocks.
    func quote(_ inner: String) -> String
    /// An alert (its icon and title already first) around its rendered blocks.
    func alert(_ inner: String) -> String
    /// Whether code may sit inside emphasis or strong text (Telegram's entities may not nest so).
    var codeNestsInEmphasis: Bool { get }
}

/// Plain UTF-8 text: no markup at all.
struct PlainMarkup: BulletinMarkup {
    func text(_ s: String) -> String { s }
    func strong(_ inner: String) -> String { inner }
    func emphasis(_ inner: String) -> String { inner }
    func strike(_ inner: String) -> String { inner }
    func code(_ s: String) -> String { s }
    func pre(_ s: String) -> String { s }
    func address(_ url: String, shown: String) -> String { shown }
    func quote(_ inner: String) -> String { inner.prefixingEachLine(with: "> ") }
    func alert(_ inner: String) -> String { inner }
    var codeNestsInEmphasis: Bool { true }
}

/// Telegram Bot API `parse_mode=HTML`: the tags it knows, and only `&lt; &gt; &amp; &quot;` and
/// numeric character references as entities.
struct TelegramMarkup: BulletinMarkup {
    /// The site's HTML escaping: `&quot;` and the numeric `&#39;` are entities Telegram knows.
    func text(_ s: String) -> String { HTMLText.escape(s) }
    func strong(_ inner: String) -> String { "<b>" + inner + "</b>" }
    func emphasis(_ inner: String) -> String { "<i>" + inner + "</i>" }
    func strike(_ inner: String) -> String { "<s>" + inner + "</s>" }
    func code(_ s: String) -> String { "<code>" + text(s) + "</code>" }
    func pre(_ s: String) -> String { "<pre>" + text(s) + "</pre>" }
    func address(_ url: String, shown: String) -> String {
        // Telegram's links take web and tg:// addresses; it finds e-mail addresses and phone numbers
        // written as text by itself.
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") || lower.hasPrefix("tg://") else { return text(shown) }
        // The rendered href has every quote and bracket percent-encoded; only `&` needs escaping.
        return "<a href=\"" + text(HrefEscaping.rendered(url)) + "\">" + text(shown) + "</a>"
    }
    func quote(_ inner: String) -> String { "<blockquote>" + inner + "</blockquote>" }
    func alert(_ inner: String) -> String { quote(inner) }
    var codeNestsInEmphasis: Bool { false }
}

/// WhatsApp: `*bold*`, `_italic_`, `~strike~` and ``` for code. Markers must touch the text they
/// mark, so spaces at either end move outside them.
struct WhatsAppMarkup: BulletinMarkup {
    func text(_ s: String) -> String { s }
    func strong(_ inner: String) -> String { wrap(inner, "*") }
    func emphasis(_ inner: String) -> String { wrap(inner, "_") }
    func strike(_ inner: String) -> String { wrap(inner, "~") }
    func code(_ s: String) -> String { wrap(s, "```") }
    func pre(_ s: String) -> String { "```\n" + s + "\n```" }
    func address(_ url: String, shown: String) -> String { shown }
    func quote(_ inner: String) -> String { inner.prefixingEachLine(with: "> ") }
    func alert(_ inner: String) -> String { inner }
    var codeNestsInEmphasis: Bool { true }

    private func wrap(_ inner: String, _ marker: String) -> String {
        let lead = inner.prefix { $0 == " " || $0 == "\u{A0}" }
        let rest = inner.dropFirst(lead.count)
        let trail = rest.reversed().prefix { $0 == " " || $0 == "\u{A0}" }
        let core = rest.dropLast(trail.count)
        guard !core.isEmpty else { return inner }
        return lead + marker + core + marker + String(trail)
    }
}
