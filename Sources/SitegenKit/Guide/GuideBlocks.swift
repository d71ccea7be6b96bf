import SitegenMarkdown
import SitegenPolicy

/// The data-driven blocks an editor inserts with a fenced code block's info string, so the page
/// still reads as Markdown on GitHub: ```` ```official-links telegram ```` or ```` ```known-fakes ````.
enum GuideBlock: Equatable, Sendable {
    /// The `official:` list of `sitegen.yml`, optionally only the entries with one of these tags.
    case officialLinks(tags: [String])
    /// The registry of known fakes.
    case knownFakes

    package static let names = ["official-links", "known-fakes"]

    /// The block an info string asks for; nil for ordinary code (a language name or nothing).
    package init?(info: String) {
        let words = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        switch words.first {
        case "official-links": self = .officialLinks(tags: Array(words.dropFirst()))
        case "known-fakes": self = .knownFakes
        default: return nil
        }
    }

    /// The block name an info string probably meant (`official-link`, `knownfakes`), if it looks
    /// like a misspelt block rather than a programming language.
    static func nearMiss(info: String) -> String? {
        guard let word = info.split(separator: " ").first.map({ String($0).lowercased() }), GuideBlock(info: info) == nil
        else { return nil }
        if word.contains("official") || word.contains("fake") { return names.first { word.contains($0.prefix(4)) } ?? names[0] }
        return names.first { Lookalikes.editDistance(word, $0, limit: 3) <= 3 }
    }
}

/// Where a guide's steps are: the first ordered list at the top level of a `kind: guide` page.
enum Steps {
    static func list(in document: MarkdownDocument) -> CMarkNode? {
        document.root.children.first { $0.kind == .list && $0.isOrderedList }
    }

    /// The first top-level bullet list, for a hint when a guide has no ordered list.
    static func bulletList(in document: MarkdownDocument) -> CMarkNode? {
        document.root.children.first { $0.kind == .list && !$0.isOrderedList }
    }
}
