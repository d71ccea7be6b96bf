import SitegenMarkdown

/// What the inspection of a page asks every rendering of it (the HTML page and the bulletins) to
/// change: fakes named in warnings are shown defanged and never as links.
package struct RenderEdits: Sendable {
    /// Byte ranges of names to show defanged, in the literal of a text node, code span or code block.
    package var defanged: [CMarkNode: [Range<Int>]] = [:]
    /// Links (made by the autolink extension inside a warning) to show as defanged text, by their text.
    package var defangedLinks: [CMarkNode: String] = [:]
    /// Links whose destination is published differently from how it was typed (`www.x.kz` → https).
    package var urlRewrites: [CMarkNode: String] = [:]
    /// Tokens found in text runs outside links, by run index, so the facts of the page are read
    /// from the same scan.
    package var runTokens: [Int: [TextToken]] = [:]
    /// Byte ranges of the known fakes the claim of a fact check names (front matter `claimReview.claim`),
    /// for the verdict card.
    package var claimNames: [Range<Int>] = []

    package init() {}
}
