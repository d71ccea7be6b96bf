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
        var plan = Self.plan(for: edits, inventory: inventory, fakeMark: fakeMark)
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
            let (names, config, language) = (PageInspector.united(edits.claimNames), guide.config, guide.page.language)
            body.verdict = VerdictCard.html(review, names: names, language: language,
                                            config: config, strings: guide.strings, texts: guide.texts)
            // Search engines show the claim as text: the fakes it names are shown as the card shows them.
            let claim = NameSegments.of(review.claim, names: names).map { $0.isName ? FakeNameDisplay.messenger($0.text) : $0.text }.joined()
            body.structuredData.append(StructuredData.claimReview(
                review, claim: claim, url: config.absoluteURL(guide.page.url),
                publisherName: config.publisher?.name.text(language) ?? config.title(for: language),
                publisherURL: config.publisher?.url ?? config.baseURL, language: language))
        }
        body.html = TreeHTML.render(document, plan: plan)
        return body
    }

    /// What the page check's edits and the dropped raw HTML make of the tree: the part of a page's
    /// plan every reading of its text shares.
    static func plan(for edits: RenderEdits, inventory: MarkdownInventory, fakeMark: String) -> RenderPlan {
        var plan = RenderPlan()
        for (node, ranges) in edits.defanged { defang(node, ranges, fakeMark: fakeMark, into: &plan) }
        for (node, text) in edits.defangedLinks { plan.pieces[node] = [.html(Defang.html(text))] }
        for (node, url) in edits.urlRewrites where edits.defangedLinks[node] == nil { plan.urls[node] = url }
        droppingRawHTML(inventory, from: &plan)
        return plan
    }

    /// ``plan(for:inventory:fakeMark:)`` as far as the text it shows goes (``RenderPlan/plainText(of:opaque:)``),
    /// without the markup of the names: the headings' ids are worked out from it when the page is checked
    /// (``PageAnchors``), where making each name's HTML would be work for nothing.
    static func textPlan(for edits: RenderEdits, inventory: MarkdownInventory) -> RenderPlan {
        var plan = RenderPlan()
        for (node, ranges) in edits.defanged {
            switch node.kind {
            case .code: plan.pieces[node] = [.marked(html: "", text: "")]
            case .codeBlock: plan.blocks[node] = ""
            default:
                plan.pieces[node] = NameSegments.of(node.literal ?? "", names: ranges).map {
                    $0.isName ? .marked(html: "", text: "") : .text($0.text)
                }
            }
        }
        for node in edits.defangedLinks.keys { plan.pieces[node] = [.html("")] }
        droppingRawHTML(inventory, from: &plan)
        return plan
    }

    private static func droppingRawHTML(_ inventory: MarkdownInventory, from plan: inout RenderPlan) {
        // Dropped raw HTML leaves a space: the text on either side was checked apart and must not
        // join into a name (`evil<!---->.com`).
        for raw in inventory.rawHTML {
            if raw.node.kind == .htmlInline { plan.pieces[raw.node] = [.text(" ")] } else { plan.removed.insert(raw.node) }
        }
    }

    /// Shows the names in a text node, code span or code block as non-link defanged spans; code
    /// stays code.
    private static func defang(_ node: CMarkNode, _ ranges: [Range<Int>], fakeMark mark: String, into plan: inout RenderPlan) {
        let literal = node.literal ?? ""
        let segments = NameSegments.of(literal, names: ranges)
        // Each name is judged where it stands: shown as written only if nothing around it makes it a link.
        var shown: [Bool] = []
        var offset = 0
        for s in segments {
            shown.append(s.isName && FakeNameDisplay.isUnlinkable(at: offset..<(offset + s.text.utf8.count), in: literal))
            offset += s.text.utf8.count
        }
        // The text where no markup may stand (an image's description, its alt attribute): a name
        // defanged unless nothing around it makes it a link.
        let plain = zip(segments, shown).map { s, asWritten in s.isName && !asWritten ? Defang.text(s.text) : s.text }
        func html() -> String {
            zip(segments, shown).map { s, asWritten in
                s.isName ? FakeNameDisplay.html(s.text, mark: mark, shownAsWritten: asWritten) : HTMLText.escape(s.text)
            }.joined()
        }
        switch node.kind {
        case .code: plan.pieces[node] = [.marked(html: "<code>" + html() + "</code>", text: plain.joined())]
        case .codeBlock: plan.blocks[node] = "<pre>" + html() + "</pre>\n"
        default:
            plan.pieces[node] = zip(segments, zip(shown, plain)).map { s, shownAndPlain in
                s.isName ? .marked(html: FakeNameDisplay.html(s.text, mark: mark, shownAsWritten: shownAndPlain.0), text: shownAndPlain.1)
                    : .text(s.text)
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
