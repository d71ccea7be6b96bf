import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// A page's text as its readers see it, with the language's typography set once for every rendering:
/// the HTML page (``GuideRenderer``) and each bulletin (``BulletinReader``) read their text from here, so
/// a page and its Telegram post never differ in a quote or a dash, and typography runs once per page.
///
/// Typography reads a run of text whole: the text nodes of one inline level, the soft breaks, dropped
/// inline HTML and images without a description between them (a space to the reader of a bulletin) and
/// the stretches of a text around a fake's name. A run ends at markup (emphasis, a link, a code span, a line break, a name), whose
/// visible text the next run still follows (a quote after it closes). Quotes nest across the runs of
/// one paragraph, heading or table cell.
struct TypesetText: Sendable {
    /// The page title and description, typeset.
    let title: String
    let description: String?
    /// Text nodes, soft breaks and dropped inline HTML whose typeset text differs from the tree's
    /// (a soft break's is otherwise a space).
    private var changed: [CMarkNode: String] = [:]
    /// The typeset stretches between the names of each text node the checks cut around names, in order.
    private var stretches: [CMarkNode: [String]] = [:]

    init(_ page: Page, document: MarkdownDocument, edits: RenderEdits) {
        let language = page.language
        title = Typography.apply(page.frontMatter.title, language: language)
        description = page.frontMatter.description.map { Typography.apply($0, language: language) }
        var walk = Walk(edits: edits, language: language)
        document.forEachNode { node in
            switch node.kind {
            case .paragraph, .heading, .tableCell: walk.block(node)
            default: break
            }
        }
        changed = walk.changed
        stretches = walk.stretches
    }

    /// What a text node, soft break or piece of dropped inline HTML shows, typeset; nil where that is
    /// what the tree holds (a soft break's own is a space).
    func text(of node: CMarkNode) -> String? { changed[node] }

    /// The typeset stretches of text between the names of a node cut around names, in order.
    func stretches(of node: CMarkNode) -> [String]? { stretches[node] }

    /// The stretches of `literal` and its names, the names as written and the rest typeset.
    func segments(of node: CMarkNode, names: [Range<Int>]) -> [(text: String, isName: Bool)] {
        var typeset = (stretches[node] ?? [])[...]
        return NameSegments.of(node.literal ?? "", names: names).map { s in
            s.isName ? s : (typeset.popFirst() ?? s.text, false)
        }
    }

    /// One page's walk: the runs of each block, typeset as they close.
    private struct Walk {
        let edits: RenderEdits
        let language: String
        var changed: [CMarkNode: String] = [:]
        var stretches: [CMarkNode: [String]] = [:]
        private var state = QuoteState()
        /// The run being gathered: each piece's node and what it reads as.
        private var run: [(node: CMarkNode, text: String)] = []

        init(edits: RenderEdits, language: String) {
            self.edits = edits
            self.language = language
        }

        mutating func block(_ node: CMarkNode) {
            state = QuoteState()
            var first = node.firstChild
            // An alert's marker line (`[!WARNING]` and the break after it) is the alert's, not the reader's.
            if node.kind == .paragraph, let quote = node.parent, node.previous == nil, case .alert? = quote.alertMarker {
                first = first?.next?.next
            }
            inlines(from: first)
            close()
        }

        private mutating func inlines(from first: CMarkNode?) {
            var next = first
            while let node = next {
                next = node.next
                switch node.kind {
                case .text:
                    guard let names = edits.defanged[node] else {
                        run.append((node, node.literal ?? ""))
                        continue
                    }
                    for segment in NameSegments.of(node.literal ?? "", names: names) {
                        if segment.isName {
                            close()
                            state.skip(segment.text)
                        } else {
                            run.append((node, segment.text))
                        }
                    }
                    // A node cut around names keeps every stretch, typeset or not, to be read back in order.
                    if stretches[node] == nil { stretches[node] = [] }
                case .softBreak, .htmlInline:
                    run.append((node, " "))
                case .image where node.firstChild == nil:
                    // An image without a description separates the words around it: a space in the
                    // bulletins, part of the run (the page shows the image, not its share).
                    run.append((node, " "))
                case .lineBreak:
                    close()
                    state.skip("\n")
                case .code:
                    close()
                    state.skip(node.literal ?? "")
                case .link where edits.defangedLinks[node] != nil:
                    close()
                    state.skip(edits.defangedLinks[node]!)
                default:
                    // Emphasis, a link, an image's description: a run of their own, in the same quotes.
                    close()
                    inlines(from: node.firstChild)
                    close()
                }
            }
        }

        /// Typesets the gathered run and notes each piece's share.
        private mutating func close() {
            guard !run.isEmpty else { return }
            defer { run.removeAll(keepingCapacity: true) }
            let typeset = Typography.apply(pieces: run.map(\.text), language: language, state: &state)
            for (piece, text) in zip(run, typeset) {
                if edits.defanged[piece.node] != nil {
                    stretches[piece.node, default: []].append(text)
                } else if text != piece.text {
                    changed[piece.node] = text
                }
            }
        }
    }
}
