/// What the inspection of a page asks every rendering of it (the HTML page and the bulletins) to
/// change: fakes named in warnings are shown defanged and never as links.
public struct RenderEdits: Sendable {
    /// Byte ranges of names to show defanged, in the literal of a text node, code span or code block.
    public var defanged: [CMarkNode: [Range<Int>]] = [:]
    /// Links (made by the autolink extension inside a warning) to show as defanged text, by their text.
    public var defangedLinks: [CMarkNode: String] = [:]
    /// Links whose destination is published differently from how it was typed (`www.x.kz` → https).
    public var urlRewrites: [CMarkNode: String] = [:]
    /// Tokens found in text runs outside links, by run index, so the facts of the page are read
    /// from the same scan.
    var runTokens: [Int: [TextToken]] = [:]
    /// Byte ranges of the known fakes the claim of a fact check names (front matter `claimReview.claim`),
    /// for the verdict card.
    public var claimNames: [Range<Int>] = []

    public init() {}

    /// A literal cut into plain text and the names to defang, in order.
    static func segments(of literal: String, defanging ranges: [Range<Int>]) -> [(text: String, isName: Bool)] {
        let bytes = Array(literal.utf8)
        var out: [(String, Bool)] = []
        var cursor = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound })
        where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            if range.lowerBound > cursor {
                out.append((String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self), false))
            }
            out.append((String(decoding: bytes[range], as: UTF8.self), true))
            cursor = range.upperBound
        }
        if cursor < bytes.count { out.append((String(decoding: bytes[cursor...], as: UTF8.self), false)) }
        return out
    }
}
