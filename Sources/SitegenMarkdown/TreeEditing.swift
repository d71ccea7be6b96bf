import CCmarkGFM

/// The few tree edits the renderer needs, kept here so nothing else touches the C API.
extension MarkdownDocument {
    /// Replaces `node` with inline HTML made by sitegen (never by the editor).
    package func replace(_ node: CMarkNode, withInlineHTML html: String) {
        insert(html, before: node, type: CMARK_NODE_HTML_INLINE)
        remove(node)
    }

    /// Replaces a block node with a block of HTML made by sitegen.
    package func replace(_ node: CMarkNode, withBlockHTML html: String) {
        insert(html, before: node, type: CMARK_NODE_HTML_BLOCK)
        remove(node)
    }

    /// Replaces `node` by its children (used to drop the wrapper of an alert's marker paragraph).
    package func unwrapChildren(of node: CMarkNode, into enter: String, _ exit: String, inline: Bool) {
        let custom = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(custom, enter)
        cmark_node_set_on_exit(custom, exit)
        cmark_node_insert_before(node.raw, custom)
        while let child = cmark_node_first_child(node.raw) {
            cmark_node_unlink(child)
            cmark_node_append_child(custom, child)
        }
        remove(node)
    }

    /// Sets a text node's literal.
    package func setLiteral(_ node: CMarkNode, _ text: String) {
        cmark_node_set_literal(node.raw, text)
    }

    /// Unlinks and frees a node and everything below it.
    package func remove(_ node: CMarkNode) {
        cmark_node_unlink(node.raw)
        cmark_node_free(node.raw)
    }

    private func insert(_ literal: String, before node: CMarkNode, type: cmark_node_type) {
        let fresh = cmark_node_new(type)!
        cmark_node_set_literal(fresh, literal)
        cmark_node_insert_before(node.raw, fresh)
    }
}

/// A piece of replacement content for a text node: text (escaped when rendered) or HTML.
package enum InlinePiece: Sendable, Equatable {
    case text(String)
    case html(String)
}

extension MarkdownDocument {
    /// Replaces a node by a sequence of text and HTML pieces, in order.
    package func replace(_ node: CMarkNode, withPieces pieces: [InlinePiece]) {
        for piece in pieces {
            let fresh: OpaquePointer
            switch piece {
            case .text(let s):
                fresh = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(fresh, s)
            case .html(let s):
                fresh = cmark_node_new(CMARK_NODE_HTML_INLINE)!
                cmark_node_set_literal(fresh, s)
            }
            cmark_node_insert_before(node.raw, fresh)
        }
        remove(node)
    }

    /// Changes a link's destination (to put the base path before site-relative links).
    package func setURL(_ node: CMarkNode, _ url: String) {
        cmark_node_set_url(node.raw, url)
    }
}
