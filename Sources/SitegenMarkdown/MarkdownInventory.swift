import Foundation
import SitegenCore

/// Where something is in a Markdown body: line from 1 (of the body) and byte column from 1.
package struct BodyPosition: Sendable, Hashable {
    package var line: Int
    package var byteColumn: Int

    package init(line: Int, byteColumn: Int) {
        self.line = line
        self.byteColumn = byteColumn
    }
}

/// How a link came to be in the text.
package enum LinkOrigin: String, Sendable {
    /// `[text](dest)` or `[text][ref]`
    case inline
    /// `![alt](src)`
    case image
    /// `<https://…>` or `<a@b.kz>`
    case autolink
    /// A bare `www.…`, `https://…` or e-mail address linked by the autolink extension.
    case bareAutolink
    /// `[label]: dest` on its own line.
    case referenceDefinition
    /// An attribute of raw HTML (`href`, `src`, …).
    case rawHTML
}

/// A link found in the tree, as typed.
package struct FoundLink: Sendable {
    package var origin: LinkOrigin
    /// The destination as cmark-gfm parsed it (entities and escapes resolved).
    package var destination: String
    /// The visible text of the link, if it has any.
    package var text: String
    package var position: BodyPosition
    /// The alert the link sits in, if any.
    package var alert: AlertKind?
    /// The node, for rewriting; nil for links not in the tree (reference definitions, raw HTML).
    package var node: CMarkNode?
    /// The link's title (`[x](url "title")`), which readers see as a tooltip.
    package var title: String = ""
}

/// A run of visible text (a text node, or a code span or block), for token scanning.
package struct TextRun: Sendable {
    package var text: String
    package var position: BodyPosition
    package var alert: AlertKind?
    /// Whether the run is code (a span or a block), where typography never applies.
    package var isCode: Bool
    /// The kind of link the run is the visible text of, if it is one.
    package var link: LinkOrigin?
    package var node: CMarkNode
    /// Whether the reader sees this run right after the previous one, with only inline markup (emphasis,
    /// a link's or an image's edge) between them: `egov-kz.c**om**` reads as one name.
    package var joinsPrevious = false
    /// Whether raw HTML alone stands between this run and the previous one: the page shows a space for it
    /// (`<b>evil</b>.com` is `evil .com` to the reader).
    package var rawHTMLBefore = false
}

/// Everything in a Markdown body that later stages judge: links, visible text, raw HTML, alerts.
package struct MarkdownInventory: Sendable {
    package var links: [FoundLink] = []
    package var textRuns: [TextRun] = []
    /// Raw HTML nodes (never rendered; reported as a warning).
    package var rawHTML: [(node: CMarkNode, position: BodyPosition)] = []
    /// Block quotes whose marker is not an alert GitHub knows.
    package var unknownAlerts: [(name: String, position: BodyPosition)] = []
    /// Block quotes whose known marker has text after it on the same line.
    package var sameLineAlerts: [(kind: AlertKind, position: BodyPosition)] = []
    /// Task list items (checklist entries).
    package var taskItems: [CMarkNode] = []
    /// List items that are only a task marker (`- [ ]` with no text after it), which cmark-gfm reads
    /// as a bullet showing "[ ]" rather than as a checklist entry.
    package var bareTaskMarkers: [CMarkNode] = []
    /// Fenced code blocks with an info string (where guide blocks are asked for).
    package var fencedBlocks: [(node: CMarkNode, info: String)] = []
    /// Headings, emphasis, strong, strikethrough, code spans and code blocks: what a messenger
    /// shows as formatting (the bulletins' limits count them).
    package var formattedNodes = 0
    /// Block quotes, alerts included.
    package var blockQuotes = 0
    /// Tables (a messenger shows each header row strong).
    package var tables = 0
    /// List items, and how deeply lists nest (1 for a list in no other).
    package var listItems = 0
    package var listDepth = 0
    /// Whether some list item holds more than one block (the later ones are indented under it).
    package var hasLooseItems = false

    /// Walks the tree once and collects the inventory.
    /// `lineStarts` are the body's line starts when the caller already has them (a page's text is
    /// indexed when it is read); otherwise they are found here.
    package init(document: MarkdownDocument, body: [UInt8], lineStarts: [Int]? = nil) {
        self.body = body
        bodyLineStarts = lineStarts ?? SourceText.lineStarts(of: body)
        walk(document.root, alert: nil, link: nil)
        for def in ReferenceDefinitionScanner.scan(body, excluding: codeLines) {
            links.append(FoundLink(origin: .referenceDefinition, destination: def.destination, text: "",
                                   position: def.position, alert: nil, node: nil))
        }
    }

    /// Body lines inside code and HTML blocks, where `[x]: y` is not a reference definition.
    private var codeLines = IndexSet()
    private let body: [UInt8]
    private let bodyLineStarts: [Int]

    /// The body byte at a 1-based line and byte column, if there is one.
    private func byte(_ line: Int, _ column: Int) -> UInt8? {
        guard line >= 1, line <= bodyLineStarts.count, column >= 1 else { return nil }
        let i = bodyLineStarts[line - 1] + column - 1
        return i < body.count ? body[i] : nil
    }

    /// Whether nothing but inline markup has come since the last text run (see `TextRun.joinsPrevious`).
    private var adjacent = false
    /// Whether raw HTML has come since the last text run, with nothing else but inline markup.
    private var rawHTMLSince = false

    private mutating func walk(_ node: CMarkNode, alert: AlertKind?, link: LinkOrigin?) {
        let pos = BodyPosition(line: node.start.line, byteColumn: node.start.byteColumn)
        var alert = alert
        var link = link
        let runs = textRuns.count
        let joins = adjacent
        switch node.kind {
        // An image is inline too: a message carries its description in its place (one without a
        // description leaves a space, as raw HTML does).
        case .emphasis, .strong, .strikethrough, .link, .text, .code: break
        case .image where node.firstChild != nil: break
        case .htmlInline: rawHTMLSince = true
        default: adjacent = false
        }
        switch node.kind {
        case .table:
            tables += 1
        case .list:
            var depth = 1
            var up = node.parent
            while let p = up { if p.kind == .list { depth += 1 }; up = p.parent }
            listDepth = max(listDepth, depth)
        case .item:
            countItem(node)
            if let para = node.firstChild, para.kind == .paragraph, para.next == nil,
               ["[ ]", "[x]", "[X]"].contains(para.plainText.trimmingSpaces()) {
                bareTaskMarkers.append(node)
            }
        case .heading, .emphasis, .strong, .strikethrough:
            formattedNodes += 1
        case .blockQuote:
            blockQuotes += 1
            switch node.alertMarker {
            case .alert(let kind): alert = kind
            case .unknown(let name): unknownAlerts.append((name, Self.markerPosition(node) ?? pos))
            case .sameLine(let kind): sameLineAlerts.append((kind, Self.markerPosition(node) ?? pos))
            case nil: break
            }
        case .link, .image:
            let dest = node.url ?? ""
            let (origin, start) = classify(node, reported: pos)
            links.append(FoundLink(origin: origin, destination: dest, text: node.plainText, position: start,
                                   alert: alert, node: node, title: node.title ?? ""))
            link = origin
        case .text:
            if let t = node.literal {
                textRuns.append(TextRun(text: t, position: pos, alert: alert, isCode: false, link: link, node: node))
            }
        case .code:
            formattedNodes += 1
            if let t = node.literal {
                // A code span's reported start is its opening backtick; the content starts after it.
                textRuns.append(TextRun(text: t, position: pos, alert: alert, isCode: true, link: link, node: node))
            }
        case .taskItem:
            countItem(node)
            taskItems.append(node)
        case .codeBlock:
            formattedNodes += 1
            if node.isFenced, let info = node.fenceInfo, !info.isEmpty { fencedBlocks.append((node, info)) }
            let end = node.end.line
            if pos.line <= end { codeLines.insert(integersIn: pos.line...end) }
            if let t = node.literal {
                // Content starts on the line after an opening fence; an indented block starts at once.
                let first = BodyPosition(line: node.isFenced ? pos.line + 1 : pos.line, byteColumn: 1)
                textRuns.append(TextRun(text: t, position: first, alert: alert, isCode: true, link: nil, node: node))
            }
        case .htmlBlock, .htmlInline:
            if node.kind == .htmlBlock, pos.line <= node.end.line { codeLines.insert(integersIn: pos.line...node.end.line) }
            rawHTML.append((node, pos))
            for attr in RawHTMLScanner.urlAttributes(in: node.literal ?? "") {
                let line = pos.line + attr.lineOffset
                let column = attr.lineOffset == 0 ? pos.byteColumn + attr.byteOffset : attr.byteOffset + 1
                // `srcset` lists several candidates: "a.png 1x, https://… 2x".
                let urls = attr.name == "srcset"
                    ? attr.value.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
                    : [attr.value]
                for url in urls {
                    links.append(FoundLink(origin: .rawHTML, destination: url, text: "",
                                           position: BodyPosition(line: line, byteColumn: column), alert: alert, node: nil))
                }
            }
        default:
            break
        }
        if textRuns.count > runs, node.kind == .text || node.kind == .code {
            textRuns[runs].joinsPrevious = joins && !rawHTMLSince
            textRuns[runs].rawHTMLBefore = joins && rawHTMLSince
            adjacent = true
            rawHTMLSince = false
        }
        var child = node.firstChild
        while let c = child {
            walk(c, alert: alert, link: link)
            child = c.next
        }
    }

    /// Where a block quote's `[!…]` marker starts: the editor fixes the name, not the `>`.
    private static func markerPosition(_ quote: CMarkNode) -> BodyPosition? {
        guard let text = quote.firstChild?.firstChild, text.start.line > 0 else { return nil }
        return BodyPosition(line: text.start.line, byteColumn: text.start.byteColumn)
    }

    private mutating func countItem(_ node: CMarkNode) {
        listItems += 1
        if let first = node.firstChild, first.next != nil { hasLooseItems = true }
    }

    /// cmark-gfm's autolink extension gives its `https://…` links no position. The nearest
    /// positioned neighbour on the same line, or the enclosing block, is where the search for the
    /// link's text starts.
    static func anchor(for node: CMarkNode) -> BodyPosition {
        if let prev = node.previous, prev.start.line > 0, prev.kind != .softBreak, prev.kind != .lineBreak {
            return BodyPosition(line: prev.start.line, byteColumn: prev.start.byteColumn)
        }
        if let next = node.next, next.start.line > 0, next.kind != .softBreak, next.kind != .lineBreak {
            return BodyPosition(line: next.start.line, byteColumn: 1)
        }
        var up = node.parent
        while let p = up, p.start.line == 0 { up = p.parent }
        return BodyPosition(line: max(1, up?.start.line ?? 1), byteColumn: 1)
    }

    /// Tells the link kinds apart and finds where each starts. cmark-gfm reports every kind as a
    /// link node, and its positions for `<…>` autolinks are off inside containers; the first text
    /// child's position is right, and the byte before it says which syntax was used: `[` for an
    /// inline link, `<` for an autolink, neither for the extension's bare links.
    private func classify(_ node: CMarkNode, reported: BodyPosition) -> (LinkOrigin, BodyPosition) {
        if node.kind == .image { return (.image, reported) }
        if let text = node.firstChild, text.kind == .text || text.kind == .code, text.start.line > 0 {
            let line = text.start.line, column = text.start.byteColumn - 1
            switch byte(line, column) {
            case UInt8(ascii: "<"): return (.autolink, BodyPosition(line: line, byteColumn: column))
            case UInt8(ascii: "["): return (.inline, BodyPosition(line: line, byteColumn: column))
            default: break
            }
        }
        if reported.line > 0, byte(reported.line, reported.byteColumn) == UInt8(ascii: "[") {
            return (.inline, reported)
        }
        return (.bareAutolink, reported.line > 0 ? reported : Self.anchor(for: node))
    }
}
