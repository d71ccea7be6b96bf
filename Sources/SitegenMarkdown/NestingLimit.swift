import CCmarkGFM

/// How deeply a Markdown body may nest, checked right after parsing and before anything else reads
/// the tree.
///
/// cmark-gfm parses any depth without recursing, but the stages after it (the inventory, the
/// bulletin model and its layout) walk the tree recursively, and a pasted `>>>>…` or `- - - …` tens
/// of thousands deep would overflow the stack. No real guide comes near these limits, so a deeper
/// page is refused (`markdown.depth`) at the line that crosses them and nothing later sees its tree.
package enum NestingLimit {
    /// Lists and block quotes, counted together (a quote in a list in a quote is three levels).
    package static let blocks = 64
    /// Emphasis, strong, strikethrough, links and images, counted together.
    package static let inlines = 64

    /// The first node that nests one level deeper than allowed.
    package struct Excess: Sendable, Equatable {
        package enum What: Sendable, Equatable { case blocks, inlines }
        package var what: What
        /// Where the node that crosses the limit starts.
        package var position: BodyPosition
    }

    /// Finds the first node, in document order, that crosses a limit. Uses cmark-gfm's iterator,
    /// which keeps no stack of its own, so it is safe at any depth.
    package static func firstExcess(in document: MarkdownDocument) -> Excess? {
        let iter = cmark_iter_new(document.rootPointer)
        defer { cmark_iter_free(iter) }
        var blockDepth = 0, inlineDepth = 0
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { return nil }
            guard let raw = cmark_iter_get_node(iter) else { continue }
            let node = CMarkNode(raw: raw)
            let step = event == CMARK_EVENT_ENTER ? 1 : event == CMARK_EVENT_EXIT ? -1 : 0
            switch node.kind {
            case .list, .blockQuote:
                blockDepth += step
                if blockDepth > blocks { return Excess(what: .blocks, position: position(of: node)) }
            case .emphasis, .strong, .strikethrough, .link, .image:
                inlineDepth += step
                if inlineDepth > inlines { return Excess(what: .inlines, position: position(of: node)) }
            default:
                break
            }
        }
    }

    /// The node's start, or its nearest positioned ancestor's (the autolink extension's links have
    /// no position of their own). Walks up iteratively: the tree may be deep.
    private static func position(of node: CMarkNode) -> BodyPosition {
        var at: CMarkNode? = node
        while let n = at {
            if n.start.line > 0 { return BodyPosition(line: n.start.line, byteColumn: max(1, n.start.byteColumn)) }
            at = n.parent
        }
        return BodyPosition(line: 1, byteColumn: 1)
    }

    /// What the editor is told: a `MessageCatalog` entry and its parameters.
    package static func message(_ excess: Excess) -> (id: String, arguments: [String: String]) {
        switch excess.what {
        case .blocks: return ("markdown.depth.blocks", ["levels": String(blocks)])
        case .inlines: return ("markdown.depth.inlines", ["levels": String(inlines)])
        }
    }
}
