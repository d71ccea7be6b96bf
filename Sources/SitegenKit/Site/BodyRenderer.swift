import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// Turns a page's Markdown tree into the HTML of its body.
///
/// The editor's raw HTML is dropped (a warning says so); alerts become `<aside>` elements; links to
/// pages of the site get the base path in front; the inspection's edits are applied. Everything
/// else is cmark-gfm's own rendering, which escapes text and attributes.
struct BodyRenderer: Sendable {
    /// The base URL's path, `/` or `/prefix/`.
    package var basePath: String
    /// Title of each alert kind in the page's language.
    package var alertTitles: [AlertKind: String]
    /// The word screen readers say before a fake's name shown as written ("fake" in the page's language).
    var fakeMark: String

    package init(basePath: String, alertTitles: [AlertKind: String], fakeMark: String = "") {
        self.basePath = basePath
        self.alertTitles = alertTitles
        self.fakeMark = fakeMark
    }

    func render(_ document: MarkdownDocument, inventory: MarkdownInventory, edits: RenderEdits,
                guide: GuideRenderer?) -> RenderedBody {
        var plan = RenderPlan()
        for (node, ranges) in edits.defanged { defang(node, ranges, into: &plan) }
        for (node, text) in edits.defangedLinks { plan.pieces[node] = [.html(Defang.html(text))] }
        for (node, url) in edits.urlRewrites where edits.defangedLinks[node] == nil { plan.urls[node] = url }
        // Dropped raw HTML leaves a space: the text on either side was checked apart and must not
        // join into a name (`evil<!---->.com`).
        for raw in inventory.rawHTML {
            if raw.node.kind == .htmlInline { plan.pieces[raw.node] = [.text(" ")] } else { plan.removed.insert(raw.node) }
        }
        for link in inventory.links where link.node != nil && link.origin != .bareAutolink
            && edits.defangedLinks[link.node!] == nil {
            let dest = link.destination
            if dest.hasPrefix("/") && !dest.hasPrefix("//") && basePath != "/" {
                plan.urls[link.node!] = String(basePath.dropLast()) + dest
            }
        }
        document.forEachNode { node in
            if node.kind == .blockQuote, case .alert(let kind)? = node.alertMarker { renderAlert(node, kind, into: &plan) }
        }
        var body = guide?.apply(to: document, plan: &plan) ?? RenderedBody(html: "")
        if let guide, let review = guide.page.frontMatter.claimReview {
            body.verdict = VerdictCard.html(review, names: PageInspector.united(edits.claimNames), language: guide.page.language,
                                            config: guide.config, strings: guide.strings)
        }
        body.html = TreeHTML.render(document, plan: plan)
        return body
    }

    /// Shows the names in a text node, code span or code block as non-link defanged spans; code
    /// stays code.
    private func defang(_ node: CMarkNode, _ ranges: [Range<Int>], into plan: inout RenderPlan) {
        let literal = node.literal ?? ""
        let segments = NameSegments.of(literal, names: ranges)
        // Each name is judged where it stands: shown as written only if nothing around it makes it a link.
        var shown: [Bool] = []
        var offset = 0
        for s in segments {
            shown.append(s.isName && FakeNameDisplay.isUnlinkable(at: offset..<(offset + s.text.utf8.count), in: literal))
            offset += s.text.utf8.count
        }
        let mark = fakeMark
        switch node.kind {
        case .code, .codeBlock:
            let inner = zip(segments, shown).map { s, asWritten in
                s.isName ? FakeNameDisplay.html(s.text, mark: mark, shownAsWritten: asWritten) : HTMLText.escape(s.text)
            }.joined()
            if node.kind == .code {
                plan.pieces[node] = [.html("<code>" + inner + "</code>")]
            } else {
                plan.blocks[node] = "<pre>" + inner + "</pre>\n"
            }
        default:
            // An image's description becomes its alt attribute: plain text, defanged.
            var up = node.parent
            while let p = up, p.kind != .image { up = p.parent }
            let inImage = up != nil
            plan.pieces[node] = zip(segments, shown).map { s, asWritten in
                s.isName ? (inImage ? .text(asWritten ? s.text : Defang.text(s.text))
                            : .html(FakeNameDisplay.html(s.text, mark: mark, shownAsWritten: asWritten))) : .text(s.text)
            }
        }
    }

    /// `> [!WARNING]` … becomes `<aside class="alert alert-warning" role="note">` with a title; the
    /// marker's line is left out.
    private func renderAlert(_ quote: CMarkNode, _ kind: AlertKind, into plan: inout RenderPlan) {
        guard let para = quote.firstChild, let marker = para.firstChild else { return }
        plan.removed.insert(marker)
        if let br = marker.next { plan.removed.insert(br) }
        if marker.next?.next == nil { plan.removed.insert(para) }
        let title = HTMLText.escape(alertTitles[kind] ?? kind.rawValue.capitalized)
        plan.wrapped[quote] = ("<aside class=\"alert alert-\(kind.rawValue)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>\n",
                               "</aside>\n")
    }
}
