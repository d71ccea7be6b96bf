import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// A page after its checks (``PageChecker``), the stage every command shares: the judged document and
/// what the checks found and decided. Read-only: the page's HTML (``BodyRenderer``, ``TreeHTML``), its
/// bulletins (``BulletinMaker``), its search entry and `check`'s bounds all read it and change nothing,
/// so any of them may run first, or alone.
struct CheckedPage {
    /// The parsed tree, as cmark-gfm gave it.
    let document: MarkdownDocument
    /// What the tree holds that the checks and renderers read: links, text runs, alerts, raw HTML.
    let inventory: MarkdownInventory
    /// What the checks said, in the order they said it.
    let diagnostics: [Diagnostic]
    /// What the checks ask of every rendering: names to defang, links to publish over https.
    let edits: RenderEdits
    /// What its translations must repeat, its anchors and the links it makes to other pages.
    let facts: PageFacts
}
