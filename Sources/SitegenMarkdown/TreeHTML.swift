import CCmarkGFM
import Foundation

/// The HTML of a parsed tree with a page's ``RenderPlan`` applied, written by reading the tree and
/// never changing it.
///
/// Without a plan the bytes are those of cmark-gfm 0.29's `cmark_render_html` with the options and
/// extensions sitegen parses with (a test compares the two on every construct), except two things a
/// published page must never hold: the editor's raw HTML, which is left out (the page check warns of
/// it and the plan puts a space where inline HTML stood), and table alignment, written as a class
/// (`align-left`) because the site's Content-Security-Policy refuses `style` attributes.
package enum TreeHTML {
    /// The HTML of a document's body.
    package static func render(_ document: MarkdownDocument, plan: RenderPlan = RenderPlan()) -> String {
        var w = Writer(plan: plan)
        withExtendedLifetime(document) { w.walk(document.rootPointer) }
        return String(decoding: w.out, as: UTF8.self)
    }

    /// One rendering: the bytes so far and the state cmark-gfm's renderer keeps between nodes.
    private struct Writer {
        let plan: RenderPlan
        var out: [UInt8] = []
        /// The image whose description is being written as its `alt` text, if any.
        var plainImage: OpaquePointer?
        /// The table extension's state: a `<tbody>` is open; the row being written is the header.
        var bodyOpen = false
        var inHeader = false
        /// Extension node types by number, learnt from their names as they are first met.
        var extensionKinds: [UInt32: CMarkNode.Kind] = [:]

        init(plan: RenderPlan) {
            self.plan = plan
            out.reserveCapacity(16_384)
        }

        mutating func walk(_ root: OpaquePointer) {
            let iter = cmark_iter_new(root)
            defer { cmark_iter_free(iter) }
            while true {
                let event = cmark_iter_next(iter)
                if event == CMARK_EVENT_DONE { break }
                guard let raw = cmark_iter_get_node(iter) else { break }
                let entering = event == CMARK_EVENT_ENTER
                if plainImage == raw { plainImage = nil }
                let node = CMarkNode(raw: raw)
                if entering && skipsBelow(node) {
                    // The node was written whole (or left out): go on after it.
                    cmark_iter_reset(iter, raw, CMARK_EVENT_EXIT)
                    continue
                }
                if plainImage != nil { plain(node); continue }
                if let wrap = plan.wrapped[node] {
                    cr()
                    put(entering ? wrap.enter : wrap.exit)
                    cr()
                    continue
                }
                if entering, let around = plan.around[node] { cr(); put(around.before) }
                element(node, entering: entering)
                if !entering || isLeaf(raw), let around = plan.around[node] { put(around.after); cr() }
            }
        }

        /// Writes what the plan puts in place of `node`, if anything; true when nothing below it is
        /// to be written.
        mutating func skipsBelow(_ node: CMarkNode) -> Bool {
            if plan.removed.contains(node) { return true }
            if let pieces = plan.pieces[node] {
                for piece in pieces {
                    switch piece {
                    case .text(let s): escapeHTML(s)
                    // An image's description is plain text: HTML in it is shown as text.
                    case .html(let s): if plainImage != nil { escapeHTML(s) } else { put(s) }
                    case .marked(let html, let text): if plainImage != nil { escapeHTML(text) } else { put(html) }
                    }
                }
                return true
            }
            if let block = plan.blocks[node] {
                cr()
                put(block)
                cr()
                return true
            }
            return false
        }

        /// Inside an image's description only text is written, escaped; breaks become spaces.
        mutating func plain(_ node: CMarkNode) {
            switch cmark_node_get_type(node.raw) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: escapeLiteral(node.raw)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out.append(0x20)
            default: break
            }
        }

        mutating func element(_ node: CMarkNode, entering: Bool) {
            let raw = node.raw
            switch cmark_node_get_type(raw) {
            case CMARK_NODE_DOCUMENT: break
            case CMARK_NODE_BLOCK_QUOTE:
                cr()
                put(entering ? "<blockquote>\n" : "</blockquote>\n")
            case CMARK_NODE_LIST:
                let bullet = cmark_node_get_list_type(raw) == CMARK_BULLET_LIST
                if let tags = plan.listTags[node] {
                    if entering { cr() }
                    put(entering ? tags.open : tags.close)
                } else if entering {
                    cr()
                    let start = cmark_node_get_list_start(raw)
                    put(bullet ? "<ul>\n" : start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n")
                } else {
                    put(bullet ? "</ul>\n" : "</ol>\n")
                }
            case CMARK_NODE_ITEM:
                if entering {
                    cr()
                    put("<li")
                    put(plan.attributes[node] ?? "")
                    out.append(UInt8(ascii: ">"))
                    if node.kind == .taskItem {
                        put(cmark_gfm_extensions_get_tasklist_item_checked(raw)
                            ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> ")
                    }
                } else {
                    put("</li>\n")
                }
            case CMARK_NODE_HEADING:
                let level = "\(cmark_node_get_heading_level(raw))"
                if entering {
                    cr()
                    put("<h" + level)
                    put(plan.attributes[node] ?? "")
                    out.append(UInt8(ascii: ">"))
                } else {
                    put("</h" + level + ">\n")
                }
            case CMARK_NODE_CODE_BLOCK:
                cr()
                let info = cmark_node_get_fence_info(raw).map { Array(UnsafeBufferPointer(start: $0, count: strlen($0))) } ?? []
                if info.isEmpty {
                    put("<pre><code>")
                } else {
                    // The first word of the info string names the language; cmark-gfm's spaces are these four.
                    let spaces: Set<CChar> = [0x20, 0x09, 0x0A, 0x0D]
                    let word = info.prefix { !spaces.contains($0) }
                    put("<pre><code class=\"language-")
                    word.withUnsafeBufferPointer { $0.withMemoryRebound(to: UInt8.self) { escapeHTML($0) } }
                    put("\">")
                }
                escapeLiteral(raw)
                put("</code></pre>\n")
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                // The editor's raw HTML is never published (see the type's notes); custom nodes are
                // never parsed.
                break
            case CMARK_NODE_THEMATIC_BREAK:
                cr()
                put("<hr />\n")
            case CMARK_NODE_PARAGRAPH:
                guard !isTight(node) else { break }
                if entering {
                    cr()
                    put("<p>")
                } else {
                    put("</p>\n")
                }
            case CMARK_NODE_TEXT: escapeLiteral(raw)
            case CMARK_NODE_LINEBREAK: put("<br />\n")
            case CMARK_NODE_SOFTBREAK: out.append(0x0A)
            case CMARK_NODE_CODE:
                put("<code>")
                escapeLiteral(raw)
                put("</code>")
            case CMARK_NODE_STRONG: put(entering ? "<strong>" : "</strong>")
            case CMARK_NODE_EMPH: put(entering ? "<em>" : "</em>")
            case CMARK_NODE_LINK:
                guard entering else { put("</a>"); break }
                put("<a href=\"")
                escapeHref(plan.urls[node] ?? node.url ?? "")
                if let title = node.title, !title.isEmpty {
                    put("\" title=\"")
                    escapeHTML(title)
                }
                put("\">")
            case CMARK_NODE_IMAGE:
                if entering {
                    put("<img src=\"")
                    escapeHref(plan.urls[node] ?? node.url ?? "")
                    put("\" alt=\"")
                    plainImage = raw
                } else {
                    if let title = node.title, !title.isEmpty {
                        put("\" title=\"")
                        escapeHTML(title)
                    }
                    put("\" />")
                }
            default:
                extensionElement(node, entering: entering)
            }
        }

        /// The tables and strikethrough of the GFM extensions.
        mutating func extensionElement(_ node: CMarkNode, entering: Bool) {
            let type = cmark_node_get_type(node.raw).rawValue
            let kind: CMarkNode.Kind
            if let known = extensionKinds[type] { kind = known } else {
                kind = node.kind
                extensionKinds[type] = kind
            }
            switch kind {
            case .table:
                if entering {
                    cr()
                    put("<table>")
                    bodyOpen = false
                } else {
                    if bodyOpen {
                        cr()
                        put("</tbody>")
                        cr()
                    }
                    bodyOpen = false
                    cr()
                    put("</table>")
                    cr()
                }
            case .tableRow:
                let header = cmark_gfm_extensions_get_table_row_is_header(node.raw) != 0
                if entering {
                    cr()
                    if header {
                        inHeader = true
                        put("<thead>")
                        cr()
                    } else if !bodyOpen {
                        put("<tbody>")
                        cr()
                        bodyOpen = true
                    }
                    put("<tr>")
                } else {
                    cr()
                    put("</tr>")
                    if header {
                        cr()
                        put("</thead>")
                        inHeader = false
                    }
                }
            case .tableCell:
                guard entering else { put(inHeader ? "</th>" : "</td>"); break }
                cr()
                put(inHeader ? "<th" : "<td")
                if let row = node.parent, let table = row.parent {
                    var index = 0
                    var c = row.firstChild
                    while let cell = c, cell != node { index += 1; c = cell.next }
                    let columns = Int(cmark_gfm_extensions_get_table_columns(table.raw))
                    if index < columns, let alignments = cmark_gfm_extensions_get_table_alignments(table.raw) {
                        switch alignments[index] {
                        case UInt8(ascii: "l"): put(" class=\"align-left\"")
                        case UInt8(ascii: "c"): put(" class=\"align-center\"")
                        case UInt8(ascii: "r"): put(" class=\"align-right\"")
                        default: break
                        }
                    }
                }
                out.append(UInt8(ascii: ">"))
            case .strikethrough:
                put(entering ? "<del>" : "</del>")
            default:
                break
            }
        }

        /// A paragraph in a tight list is written without `<p>`; a list the plan renders as other
        /// markup is no list.
        func isTight(_ node: CMarkNode) -> Bool {
            guard let list = node.parent?.parent, cmark_node_get_type(list.raw) == CMARK_NODE_LIST,
                  plan.wrapped[list] == nil else { return false }
            return cmark_node_get_list_tight(list.raw) != 0
        }

        func isLeaf(_ raw: OpaquePointer) -> Bool {
            switch cmark_node_get_type(raw) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT,
                 CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: return true
            default: return false
            }
        }

        // MARK: Bytes

        /// A line break unless the output is empty or already ends with one.
        mutating func cr() {
            if let last = out.last, last != 0x0A { out.append(0x0A) }
        }

        mutating func put(_ s: String) {
            var s = s
            s.withUTF8 { out.append(contentsOf: $0) }
        }

        /// cmark-gfm's escaping of text and attribute values: `&`, `<`, `>` and `"`.
        mutating func escapeHTML(_ s: String) {
            var s = s
            s.withUTF8 { escapeHTML($0) }
        }

        mutating func escapeHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
            var start = 0
            for (i, b) in bytes.enumerated() {
                let entity: StaticString
                switch b {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }

        /// A node's literal, escaped, read from the tree without making a String.
        mutating func escapeLiteral(_ raw: OpaquePointer) {
            guard let literal = cmark_node_get_literal(raw) else { return }
            literal.withMemoryRebound(to: UInt8.self, capacity: strlen(literal)) {
                escapeHTML(UnsafeBufferPointer(start: $0, count: strlen(literal)))
            }
        }

        /// cmark-gfm's escaping of a URL in `href` and `src`: URL characters as they are (`&` and `'`
        /// as entities), every other byte percent-encoded.
        mutating func escapeHref(_ s: String) {
            let hex = Array("0123456789ABCDEF".utf8)
            for b in s.utf8 {
                switch b {
                case UInt8(ascii: "&"): put("&amp;")
                case UInt8(ascii: "'"): put("&#x27;")
                case _ where Self.hrefSafe(b): out.append(b)
                default: out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                }
            }
        }

        /// Letters, digits and `-_.+!*(),%#@?=;:/$~`.
        static func hrefSafe(_ b: UInt8) -> Bool {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "!"), UInt8(ascii: "*"),
                 UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "#"), UInt8(ascii: "@"),
                 UInt8(ascii: "?"), UInt8(ascii: "="), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "$"),
                 UInt8(ascii: "~"):
                return true
            default:
                return false
            }
        }
    }
}
