import SitegenContent
import SitegenMarkdown
import SitegenPolicy

/// A page as the bulletins see it: plain blocks and inline content, read from the checked Markdown
/// tree, with every link absolute and every fake marked for defanging. Each channel's writer turns
/// it into its own markup.
struct BulletinDocument: Sendable {
    var title: String
    var description: String?
    var blocks: [BulletinBlock]
    /// The published address of the page, for the footer.
    var pageURL: String
    var language: String
    var sourcePath: String
    /// The known fakes a warning of the page names (lowercased), each shown defanged.
    var namedFakes: Set<String> = []

    /// The first link to another site, in reading order (what an SMS points to).
    var firstExternalLink: String? {
        for case .link(_, let url) in allInlines where url.hasPrefix("https://") && !url.hasPrefix(siteRoot) { return url }
        return nil
    }

    /// UTF-16 units of text that every channel writes at least once: every text, code and named fake
    /// of the inlines, and every code block. A Telegram bulletin is never shorter.
    var textUnitsAtLeast: Int {
        var units = 0
        forEachInline { inline in
            switch inline {
            case .text(let s), .code(let s), .fakeName(let s): units += TelegramMeasure.utf16Length(s)
            default: break
            }
        }
        func code(_ blocks: [BulletinBlock]) {
            for block in blocks {
                switch block.kind {
                case .code(let text): units += TelegramMeasure.utf16Length(text)
                case .list(_, let items): for item in items { code(item.blocks) }
                case .quote(_, _, let b): code(b)
                default: break
                }
            }
        }
        code(blocks)
        return units
    }

    /// Every inline of every block in reading order, each container before what it holds.
    var allInlines: [BulletinInline] {
        var out: [BulletinInline] = []
        forEachInline { out.append($0) }
        return out
    }

    /// Visits every inline of every block in reading order, each container before what it holds,
    /// without building the list (a page may hold a hundred thousand links).
    func forEachInline(_ visit: (BulletinInline) -> Void) {
        func walk(_ inlines: [BulletinInline]) {
            for inline in inlines {
                visit(inline)
                switch inline {
                case .strong(let c), .emphasis(let c), .strike(let c), .link(let c, _): walk(c)
                default: break
                }
            }
        }
        func walk(_ blocks: [BulletinBlock]) {
            for block in blocks {
                switch block.kind {
                case .heading(_, let i), .paragraph(let i): walk(i)
                case .list(_, let items): for item in items { walk(item.blocks) }
                case .quote(_, _, let b): walk(b)
                case .table(let rows): for row in rows { for cell in row { walk(cell) } }
                case .code, .rule: break
                }
            }
        }
        walk(blocks)
    }

    /// The site's own address (scheme and host), which links to the site start with.
    var siteRoot: String {
        guard let scheme = pageURL.range(of: "://") else { return pageURL }
        let rest = pageURL[scheme.upperBound...]
        return String(pageURL[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]) + "/"
    }
}

/// Inline content of a bulletin.
indirect enum BulletinInline: Sendable, Equatable {
    case text(String)
    case strong([BulletinInline])
    case emphasis([BulletinInline])
    case strike([BulletinInline])
    /// A code span; a fake named inside it is already defanged.
    case code(String)
    /// A link with its text and its absolute, checked address.
    case link([BulletinInline], String)
    /// A known fake named in a warning: always shown defanged, never as a link.
    case fakeName(String)
    case lineBreak

    /// The text a reader sees, without markup (for measuring and for sentence boundaries).
    var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .strong(let c), .emphasis(let c), .strike(let c): return c.map(\.plainText).joined()
        case .link(let c, _): return c.map(\.plainText).joined()
        case .fakeName(let s): return FakeNameDisplay.messenger(s)
        case .lineBreak: return "\n"
        }
    }
}

/// One block of a bulletin, with the line of the source it starts on.
struct BulletinBlock: Sendable {
    package enum Kind: Sendable {
        case heading(level: Int, [BulletinInline])
        case paragraph([BulletinInline])
        case list(ListStyle, [BulletinItem])
        /// A code block; fakes named inside are already defanged.
        case code(String)
        /// A block quote; an alert when it has a kind, titled by its kind unless it names its own title.
        case quote(AlertKind?, title: String?, [BulletinBlock])
        case rule
        case table([[[BulletinInline]]])
    }

    /// How a list marks its items.
    enum ListStyle: Sendable, Equatable {
        case bullets
        case numbered
        /// Task items: ☐ or ☑.
        case checklist
    }

    var kind: Kind
    /// Where it starts in the source file (front matter included), for errors.
    var at: SourcePoint
}

/// A line and column in a source file.
struct SourcePoint: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// One item of a list: its number (numbered lists), whether it is ticked (checklists), its blocks.
struct BulletinItem: Sendable {
    var number: Int
    var checked: Bool
    var blocks: [BulletinBlock]
    var at: SourcePoint
}
