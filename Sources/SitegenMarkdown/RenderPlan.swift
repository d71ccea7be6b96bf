/// A piece of replacement content for a node: text (escaped when rendered) or HTML made by sitegen.
package enum InlinePiece: Sendable, Equatable {
    case text(String)
    case html(String)
    /// sitegen's markup for text a reader sees (a fake's name, a code span holding one): `html` where
    /// markup may stand, `text` in an image's description. Typography reads `text` (a quote after a
    /// name closes); a table of contents or a heading id says nothing of it, as of any HTML.
    case marked(html: String, text: String)
}

/// Where a page's HTML differs from cmark-gfm's rendering of its tree, node by node: typeset text,
/// defanged names, dropped raw HTML, alerts, checklists, heading ids, the guide's blocks and steps.
///
/// The tree itself is never changed: ``TreeHTML`` reads the plan where cmark-gfm would write its own
/// markup, so the checks, the bulletins and the HTML all read the one tree as it was parsed. Every
/// HTML string in a plan is sitegen's own; the editor's text only ever reaches it escaped.
package struct RenderPlan {
    /// Inline or leaf nodes shown as these pieces instead of themselves and what is below them.
    package var pieces: [CMarkNode: [InlinePiece]] = [:]
    /// Nodes left out, with everything below them.
    package var removed: Set<CMarkNode> = []
    /// Block nodes shown as this HTML instead (a guide block, a code block with defanged names).
    package var blocks: [CMarkNode: String] = [:]
    /// Blocks whose own markup is replaced by these tags, their children rendered between (an alert's
    /// `<aside>`, a checklist and its items). A paragraph in a list rendered so is never tight.
    package var wrapped: [CMarkNode: (enter: String, exit: String)] = [:]
    /// Blocks rendered as usual between these (a table inside its scrolling region).
    package var around: [CMarkNode: (before: String, after: String)] = [:]
    /// Attributes added to a block's opening tag: ` id="…"` after `<h2`, after `<li`.
    package var attributes: [CMarkNode: String] = [:]
    /// Lists whose opening and closing tags are these instead (the steps of a guide).
    package var listTags: [CMarkNode: (open: String, close: String)] = [:]
    /// Destinations of links and images, where they differ from the editor's.
    package var urls: [CMarkNode: String] = [:]

    package init() {}

    /// The text a reader sees in `node` and below it as this plan renders it: text and code, a space
    /// for a line break; HTML pieces and replaced blocks say nothing. `opaque` nodes count as
    /// replaced blocks too.
    package func plainText(of node: CMarkNode, opaque: (CMarkNode) -> Bool = { _ in false }) -> String {
        var out = ""
        func collect(_ n: CMarkNode) {
            if removed.contains(n) || blocks[n] != nil || opaque(n) { return }
            if let p = pieces[n] {
                for case .text(let s) in p { out += s }
                return
            }
            switch n.kind {
            case .text, .code: out += n.literal ?? ""
            case .softBreak, .lineBreak: out += " "
            default:
                var c = n.firstChild
                while let child = c { collect(child); c = child.next }
            }
        }
        collect(node)
        return out
    }
}
