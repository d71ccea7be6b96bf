import CCmarkConcurrency
import CCmarkGFM
import Foundation

/// A Markdown body parsed by cmark-gfm with the GitHub extensions, owning its tree.
///
/// The tree can be read (`root`, node views) and rewritten in place by the renderer before it is
/// turned into HTML; the C memory is freed when the document goes away.
package final class MarkdownDocument: @unchecked Sendable {
    let rootPointer: OpaquePointer

    /// The extensions every document is parsed with: tables, ~~strike~~, autolinks, task lists and
    /// GitHub's filter of dangerous raw tags.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers the extensions once per process and keeps the list the HTML renderer needs.
    /// Both are read-only after this initialiser runs, so sharing them across threads is safe.
    nonisolated(unsafe) static let extensions: [OpaquePointer] = {
        cmark_gfm_core_extensions_ensure_registered()
        return extensionNames.map { name in
            guard let ext = cmark_find_syntax_extension(name) else {
                fatalError("cmark-gfm was built without the \(name) extension")
            }
            return ext
        }
    }()

    nonisolated(unsafe) static let extensionList: UnsafeMutablePointer<cmark_llist>? = {
        var list: UnsafeMutablePointer<cmark_llist>? = nil
        for ext in extensions {
            list = cmark_llist_append(cmark_get_default_mem_allocator(), list, UnsafeMutableRawPointer(ext))
        }
        return list
    }()

    /// Whether documents must be parsed one at a time: only where the fix for cmark-gfm's shared
    /// table of inline characters (CCmarkConcurrency) did not take. Found by parsing once, alone.
    static let parsesOneAtATime: Bool = {
        cmark_node_free(parse(Array("x".utf8)))
        return sg_cmark_concurrency_fix_installed() == 0
    }()
    private static let parseLock = NSLock()

    /// Parses UTF-8 Markdown. Source positions are always recorded.
    package init(markdown bytes: [UInt8]) {
        if Self.parsesOneAtATime {
            Self.parseLock.lock()
            defer { Self.parseLock.unlock() }
            rootPointer = Self.parse(bytes)
        } else {
            rootPointer = Self.parse(bytes)
        }
    }

    private static func parse(_ bytes: [UInt8]) -> OpaquePointer {
        // UTF-8 is validated when the file is read (with a position for the error), not again here.
        let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS)
        defer { cmark_parser_free(parser) }
        for ext in extensions { cmark_parser_attach_syntax_extension(parser, ext) }
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                cmark_parser_feed(parser, $0, buf.count)
            }
        }
        return cmark_parser_finish(parser)
    }

    deinit { cmark_node_free(rootPointer) }

    /// The document node.
    package var root: CMarkNode { CMarkNode(raw: rootPointer) }

    /// Every node in document order (pre-order), `root` included.
    package func forEachNode(_ body: (CMarkNode) -> Void) {
        let iter = cmark_iter_new(rootPointer)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) { body(CMarkNode(raw: node)) }
        }
    }

    /// cmark-gfm's own HTML for the tree, raw HTML passed through: the reference ``TreeHTML`` is
    /// tested against. Pages are rendered by ``TreeHTML``, which never publishes raw HTML.
    package func renderHTML() -> String {
        renderHTML(of: root)
    }

    /// HTML for one node and what is below it, rendered in its place (a list item stays tight or
    /// loose as its list is), so a block can be given attributes cmark-gfm does not write.
    package func renderHTML(of node: CMarkNode) -> String {
        // Table alignment: the `align` attribute is obsolete in HTML and a `style` attribute is refused
        // by the site's Content-Security-Policy (style-src 'self'), so cmark-gfm's style is made a class.
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        guard let out = cmark_render_html(node.raw, options, Self.extensionList) else { return "" }
        defer { free(out) }
        let html = String(cString: out)
        // Text and attribute values are escaped (`"` is `&quot;`), so only the table renderer writes this.
        // Looked for in the C string: Foundation's substring search converts the text to UTF-16 first.
        guard strstr(out, " style=\"text-align: ") != nil else { return html }
        return html.replacingOccurrences(of: " style=\"text-align: left\"", with: " class=\"align-left\"")
            .replacingOccurrences(of: " style=\"text-align: center\"", with: " class=\"align-center\"")
            .replacingOccurrences(of: " style=\"text-align: right\"", with: " class=\"align-right\"")
    }
}
