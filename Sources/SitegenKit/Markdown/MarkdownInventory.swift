import Foundation

/// Where something is in a Markdown body: line from 1 (of the body) and byte column from 1.
public struct BodyPosition: Sendable, Hashable {
    public var line: Int
    public var byteColumn: Int
}

/// How a link came to be in the text.
public enum LinkOrigin: String, Sendable {
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
public struct FoundLink: Sendable {
    public var origin: LinkOrigin
    /// The destination as cmark-gfm parsed it (entities and escapes resolved).
    public var destination: String
    /// The visible text of the link, if it has any.
    public var text: String
    public var position: BodyPosition
    /// The alert the link sits in, if any.
    public var alert: AlertKind?
    /// The node, for rewriting; nil for links not in the tree (reference definitions, raw HTML).
    public var node: CMarkNode?
}

/// A run of visible text (a text node, or a code span or block), for token scanning.
public struct TextRun: Sendable {
    public var text: String
    public var position: BodyPosition
    public var alert: AlertKind?
    /// Whether the run is code (a span or a block), where typography never applies.
    public var isCode: Bool
    /// Whether the run is the visible text of a link (its tokens are judged with the link).
    public var inLink: Bool
    public var node: CMarkNode
}

/// Everything in a Markdown body that later stages judge: links, visible text, raw HTML, alerts.
public struct MarkdownInventory: Sendable {
    public var links: [FoundLink] = []
    public var textRuns: [TextRun] = []
    /// Raw HTML nodes (never rendered; reported as a warning).
    public var rawHTML: [(node: CMarkNode, position: BodyPosition)] = []
    /// Block quotes whose marker is not an alert GitHub knows.
    public var unknownAlerts: [(name: String, position: BodyPosition)] = []

    /// Walks the tree once and collects the inventory.
    public init(document: MarkdownDocument, body: [UInt8]) {
        walk(document.root, alert: nil, inLink: false)
        for def in ReferenceDefinitionScanner.scan(body, excluding: codeLines) {
            links.append(FoundLink(origin: .referenceDefinition, destination: def.destination, text: "",
                                   position: def.position, alert: nil, node: nil))
        }
    }

    /// Body lines inside code and HTML blocks, where `[x]: y` is not a reference definition.
    private var codeLines = IndexSet()

    private mutating func walk(_ node: CMarkNode, alert: AlertKind?, inLink: Bool) {
        let pos = BodyPosition(line: node.start.line, byteColumn: node.start.byteColumn)
        var alert = alert
        var inLink = inLink
        switch node.kind {
        case .blockQuote:
            switch node.alertMarker {
            case .alert(let kind): alert = kind
            case .unknown(let name): unknownAlerts.append((name, pos))
            case nil: break
            }
        case .link, .image:
            let dest = node.url ?? ""
            let text = node.plainText
            let origin = pos.line > 0 ? Self.origin(of: node, destination: dest, text: text) : .bareAutolink
            links.append(FoundLink(origin: origin, destination: dest, text: text,
                                   position: pos.line > 0 ? pos : Self.anchor(for: node), alert: alert, node: node))
            inLink = true
        case .text:
            if let t = node.literal {
                textRuns.append(TextRun(text: t, position: pos, alert: alert, isCode: false, inLink: inLink, node: node))
            }
        case .code:
            if let t = node.literal {
                // A code span's reported start is its opening backtick; the content starts after it.
                textRuns.append(TextRun(text: t, position: pos, alert: alert, isCode: true, inLink: inLink, node: node))
            }
        case .codeBlock:
            let end = node.end.line
            if pos.line <= end { codeLines.insert(integersIn: pos.line...end) }
            if let t = node.literal {
                // Content starts on the line after an opening fence; an indented block starts at once.
                let first = BodyPosition(line: node.isFenced ? pos.line + 1 : pos.line, byteColumn: 1)
                textRuns.append(TextRun(text: t, position: first, alert: alert, isCode: true, inLink: false, node: node))
            }
        case .htmlBlock, .htmlInline:
            if node.kind == .htmlBlock, pos.line <= node.end.line { codeLines.insert(integersIn: pos.line...node.end.line) }
            rawHTML.append((node, pos))
            for attr in RawHTMLScanner.urlAttributes(in: node.literal ?? "") {
                let line = pos.line + attr.lineOffset
                let column = attr.lineOffset == 0 ? pos.byteColumn + attr.byteOffset : attr.byteOffset + 1
                links.append(FoundLink(origin: .rawHTML, destination: attr.value, text: "",
                                       position: BodyPosition(line: line, byteColumn: column), alert: alert, node: nil))
            }
        default:
            break
        }
        var child = node.firstChild
        while let c = child {
            walk(c, alert: alert, inLink: inLink)
            child = c.next
        }
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

    /// Tells the link kinds apart: cmark-gfm reports all of them as link nodes.
    static func origin(of node: CMarkNode, destination: String, text: String) -> LinkOrigin {
        if node.kind == .image { return .image }
        guard text == destination || "mailto:" + text == destination || "http://" + text == destination else {
            return .inline
        }
        // `<…>` autolinks start with `<` in the source; the extension's bare links do not. The
        // column says which: cmark puts an autolink's start on the `<`.
        return node.isBracketedAutolink ? .autolink : .bareAutolink
    }
}

extension CMarkNode {
    /// Whether a link whose text equals its destination was written as `<…>`. cmark-gfm's autolink
    /// extension reports its own links one column short, and they never span to a `>`.
    var isBracketedAutolink: Bool {
        let width = end.byteColumn - start.byteColumn + 1
        return width == (plainText.utf8.count + 2) && start.line == end.line
    }
}
