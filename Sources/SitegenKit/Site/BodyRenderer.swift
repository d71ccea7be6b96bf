/// What the inspection of a page asks the renderer to change: fakes named in warnings are shown
/// defanged and never as links.
public struct RenderEdits: Sendable {
    /// Text nodes to split into pieces (defanged names become non-link spans).
    public var textPieces: [CMarkNode: [InlinePiece]] = [:]
    /// Links (made by the autolink extension inside a warning) to show as defanged text instead.
    public var linksAsHTML: [CMarkNode: String] = [:]
    /// Links whose destination is published differently from how it was typed (`www.x.kz` → https).
    public var urlRewrites: [CMarkNode: String] = [:]
    /// Blocks (code blocks naming fakes inside a warning) to replace by HTML made by sitegen.
    public var blocksAsHTML: [CMarkNode: String] = [:]
    /// Tokens found in text runs outside links, by run index, so the facts of the page are read
    /// from the same scan.
    var runTokens: [Int: [TextToken]] = [:]

    public init() {}
}

/// Turns a page's Markdown tree into the HTML of its body.
///
/// The editor's raw HTML is dropped (a warning says so); alerts become `<aside>` elements; links to
/// pages of the site get the base path in front; the inspection's edits are applied. Everything
/// else is cmark-gfm's own rendering, which escapes text and attributes.
public struct BodyRenderer: Sendable {
    /// The base URL's path, `/` or `/prefix/`.
    public var basePath: String
    /// Title of each alert kind in the page's language.
    public var alertTitles: [AlertKind: String]

    public init(basePath: String, alertTitles: [AlertKind: String]) {
        self.basePath = basePath
        self.alertTitles = alertTitles
    }

    func render(_ document: MarkdownDocument, inventory: MarkdownInventory, edits: RenderEdits,
                guide: GuideRenderer?) -> RenderedBody {
        for (node, pieces) in edits.textPieces { document.replace(node, withPieces: pieces) }
        for (node, html) in edits.linksAsHTML { document.replace(node, withInlineHTML: html) }
        for (node, html) in edits.blocksAsHTML { document.replace(node, withBlockHTML: html) }
        for (node, url) in edits.urlRewrites where edits.linksAsHTML[node] == nil { document.setURL(node, url) }
        // Dropped raw HTML leaves a space: the text on either side was checked apart and must not
        // join into a name (`evil<!---->.com`).
        for raw in inventory.rawHTML {
            document.replace(raw.node, withPieces: raw.node.kind == .htmlInline ? [.text(" ")] : [])
        }
        for link in inventory.links where link.node != nil && link.origin != .bareAutolink
            && edits.linksAsHTML[link.node!] == nil {
            let dest = link.destination
            if dest.hasPrefix("/") && !dest.hasPrefix("//") && basePath != "/" {
                document.setURL(link.node!, String(basePath.dropLast()) + dest)
            }
        }
        var alerts: [(CMarkNode, AlertKind)] = []
        document.forEachNode { node in
            if node.kind == .blockQuote, case .alert(let kind)? = node.alertMarker { alerts.append((node, kind)) }
        }
        for (quote, kind) in alerts { renderAlert(quote, kind, in: document) }
        var body = guide?.apply(to: document) ?? RenderedBody(html: "")
        body.html = document.renderHTML()
        return body
    }

    /// `> [!WARNING]` … becomes `<aside class="alert alert-warning" role="note">` with a title.
    private func renderAlert(_ quote: CMarkNode, _ kind: AlertKind, in document: MarkdownDocument) {
        guard let para = quote.firstChild, let marker = para.firstChild else { return }
        if let br = marker.next { document.remove(br) }
        document.remove(marker)
        if para.firstChild == nil { document.remove(para) }
        let title = HTMLText.escape(alertTitles[kind] ?? kind.rawValue.capitalized)
        document.unwrapChildren(
            of: quote,
            into: "<aside class=\"alert alert-\(kind.rawValue)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>\n",
            "</aside>\n", inline: false)
    }
}
