import SitegenMarkdown

/// The ids a page's HTML gives its places, worked out from the Markdown the way `GuideRenderer`
/// hands them out (`main`, `step-N`, `check-L-I`, then heading ids in document order), so a link
/// to `#step-9` or `#qazhetti-quzhattar` can be checked before anything is rendered. A test holds
/// this to the ids of the rendered pages.
enum PageAnchors {
    /// Ids every page has or keeps free whatever its text, which no heading takes: the main content,
    /// the verdict card's place (kept on pages without one too) and the header's search field
    /// (`templates/header.mustache`), kept free even when a site's templates do not write them.
    /// `GuideRenderer` reserves the same, and the ids the page's own template writes.
    static let reserved = ["main", "verdict", "q"]

    /// `plan` is what the page check's edits make of the text (``BodyRenderer/textPlan(for:inventory:)``):
    /// a heading's id is made from the text its page shows, without a fake's name or dropped raw HTML.
    /// `hasVerdict`: the page shows a verdict card (front matter `claimReview`), at `#verdict`.
    /// `templateIDs`: the ids the templates may write (``Templates/pageIDs``): no heading takes one.
    static func ids(kind: String?, document: MarkdownDocument, plan: RenderPlan = RenderPlan(),
                    hasVerdict: Bool = false, templateIDs: TemplateIDs = TemplateIDs()) -> Set<String> {
        var ids = HeadingIDs()
        var all: Set<String> = hasVerdict ? ["main", "verdict"] : ["main"]
        for id in reserved + templateIDs.reserved { ids.reserve(id) }
        let stepCount = kind == "guide" ? (Steps.list(in: document)?.children.count ?? 0) : 0
        for n in 0..<stepCount {
            ids.reserve("step-\(n + 1)")
            all.insert("step-\(n + 1)")
        }
        var checklist = 0
        // One walk: headings are named after it, once every checklist's ids are reserved.
        var headings: [CMarkNode] = []
        document.forEachNode { node in
            switch node.kind {
            case .heading: headings.append(node)
            case .list where !node.children.isEmpty && node.children.allSatisfy({ $0.kind == .taskItem }):
                checklist += 1
                for i in node.children.indices {
                    ids.reserve("check-\(checklist)-\(i + 1)")
                    all.insert("check-\(checklist)-\(i + 1)")
                }
            default: break
            }
        }
        for heading in headings { all.insert(ids.id(for: plan.plainText(of: heading))) }
        return all
    }
}
