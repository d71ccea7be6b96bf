import CCmarkGFM
import Foundation

/// A borrowed view of one cmark-gfm node. Valid only while the `MarkdownDocument` that owns the
/// tree is alive; this folder is the only code that touches the C API.
package struct CMarkNode: Hashable, @unchecked Sendable {
    let raw: OpaquePointer

    /// What kind of node this is, extension nodes included.
    package enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case footnoteReference
        case table, tableRow, tableCell, strikethrough, taskItem
        case other(String)
    }

    package var kind: Kind {
        switch cmark_node_get_type(raw) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return typeIs("tasklist") ? .taskItem : .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            switch typeString {
            case "table": return .table
            case "table_header", "table_row": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            case "tasklist": return .taskItem
            case let s: return .other(s)
            }
        }
    }

    var typeString: String { String(cString: cmark_node_get_type_string(raw)) }

    /// Compares the type name without making a String (this runs for every list item).
    private func typeIs(_ name: StaticString) -> Bool {
        strcmp(cmark_node_get_type_string(raw), UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }
    package var literal: String? { cmark_node_get_literal(raw).map { String(cString: $0) } }
    package var url: String? { cmark_node_get_url(raw).map { String(cString: $0) } }
    package var title: String? { cmark_node_get_title(raw).map { String(cString: $0) } }
    package var fenceInfo: String? { cmark_node_get_fence_info(raw).map { String(cString: $0) } }
    /// Whether a code block was written with a fence (``` or ~~~) rather than indented.
    package var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var char: CChar = 0
        return cmark_node_get_fenced(raw, &length, &offset, &char) != 0
    }
    package var headingLevel: Int { Int(cmark_node_get_heading_level(raw)) }
    package var isOrderedList: Bool { cmark_node_get_list_type(raw) == CMARK_ORDERED_LIST }
    /// The number an ordered list starts from.
    package var listStart: Int { Int(cmark_node_get_list_start(raw)) }
    package var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(raw) }

    /// Start of the node in the parsed text: line from 1, column in bytes from 1.
    package var start: (line: Int, byteColumn: Int) {
        (Int(cmark_node_get_start_line(raw)), Int(cmark_node_get_start_column(raw)))
    }
    package var end: (line: Int, byteColumn: Int) {
        (Int(cmark_node_get_end_line(raw)), Int(cmark_node_get_end_column(raw)))
    }

    package var parent: CMarkNode? { cmark_node_parent(raw).map(CMarkNode.init(raw:)) }
    package var firstChild: CMarkNode? { cmark_node_first_child(raw).map(CMarkNode.init(raw:)) }
    package var next: CMarkNode? { cmark_node_next(raw).map(CMarkNode.init(raw:)) }
    package var previous: CMarkNode? { cmark_node_previous(raw).map(CMarkNode.init(raw:)) }

    /// The direct children, in order.
    package var children: [CMarkNode] {
        var out: [CMarkNode] = []
        var c = firstChild
        while let n = c { out.append(n); c = n.next }
        return out
    }

    /// The text a reader sees in this node and below it (link text, heading text), as the tree has it.
    package var plainText: String { RenderPlan().plainText(of: self) }
}
