import SitegenContent
import SitegenCore

/// What `sitegen check` asks of a page's bulletins without writing them, at a fraction of the cost.
///
/// The limits are what can fail: an SMS over its segments and a Telegram unit too long for a message.
/// Upper bounds read from the source and the tree (every character of the body, every address the
/// bulletin writes out again, every block sitegen expands, every node that can become a formatting
/// entity) show when neither can be reached; only the channels that might are made and measured.
/// Addresses joined by the layout, and those WhatsApp shows by hiding `*`, `~` and `_` written as text,
/// are found by the page check itself.
struct BulletinPreflight {
    let maker: BulletinMaker
    /// Per language: the units sitegen adds around the content (title of an alert, expanded blocks).
    let added: [String: Added]

    /// What sitegen writes into a language's bulletins besides the page's own text, at most.
    struct Added {
        var alert = 0
        var officialLinks = 0
        var officialEntities = 0
        var knownFakes = 0
        var footerLabel = 0
        var longestOfficial = 0
    }

    init(maker: BulletinMaker) {
        self.maker = maker
        let config = maker.config, strings = maker.strings
        var added: [String: Added] = [:]
        for language in config.languages {
            var a = Added()
            a.alert = (strings.alertTitles(language).values.map(\.utf16.count).max() ?? 0) + 4
            for e in config.official {
                a.officialLinks += e.url.value.utf16.count * 2 + 8 + (e.title.text(language)?.utf16.count ?? 0)
                    + (e.description.text(language)?.utf16.count ?? 0)
                a.longestOfficial = max(a.longestOfficial, e.url.value.utf16.count)
            }
            // Each official link, and any @handle its title or description names.
            a.officialEntities = config.official.count + config.official.reduce(0) { n, e in
                n + ((e.title.text(language) ?? "") + (e.description.text(language) ?? "")).utf8.filter { $0 == 0x40 }.count
            }
            a.knownFakes = strings.text("knownFakes", language).utf16.count + a.alert + 8
            for f in config.links.fakes {
                a.knownFakes += f.name.value.utf16.count * 3 + 64 + (f.description.text(language)?.utf16.count ?? 0)
            }
            a.footerLabel = strings.text("bulletinMore", language).utf16.count + 4
            added[language] = a
        }
        self.added = added
    }

    func check(_ page: Page, checked: CheckedPage) -> [Diagnostic] {
        guard page.frontMatter.bulletin, let added = added[page.language] else { return [] }
        let bounds = Bounds(page: page, checked: checked, added: added, baseURL: maker.config.baseURL)
        var channels: [BulletinChannel] = []
        if bounds.telegramUnits > TelegramMeasure.maxUnits - TelegramParts.labelRoom
            || bounds.telegramEntities > TelegramMeasure.maxEntities {
            channels.append(.telegram)
        }
        if page.frontMatter.sms != nil || bounds.smsUnits > Self.ucs2Room(segments: maker.config.bulletins.smsMaxSegments) {
            channels.append(.sms)
        }
        guard !channels.isEmpty else { return [] }
        // Names joined by formatting are the page check's; only the limits are measured here.
        return maker.make(page, document: checked.document, edits: checked.edits, channels: channels, guarded: false).1
    }

    /// UTF-16 units that surely fit this many UCS-2 segments: a surrogate pair moved whole to the next
    /// segment wastes at most one unit of each. GSM-7 always carries at least as much.
    static func ucs2Room(segments: Int) -> Int { segments == 1 ? 70 : 66 * segments }

    /// Upper bounds of a page's bulletins.
    struct Bounds {
        var telegramUnits = 0
        var telegramEntities = 0
        var smsUnits = 0

        init(page: Page, checked: CheckedPage, added: Added, baseURL: String) {
            let base = baseURL.utf16.count
            let fm = page.frontMatter
            // The body as written holds every character of the text; typography adds at most a
            // no-break space after a №, defanging two characters at each dot or @ of a name.
            var units = 0, mentions = 0, bodyLines = 0
            page.text.bytes.withUnsafeBufferPointer { all in
                // Branch-free (a few comparisons a byte): a unit per lead byte, two for a 4-byte
                // sequence, one more for the last byte of № (and any other 0x96, which only errs high).
                var n = 0, at = 0, lines = 0, digits = 0
                var previous: UInt8 = 0x0A
                for b in all[page.bodyOffset...] {
                    n &+= TelegramMeasure.utf16Units(byte: b) &+ (b == 0x96 ? 1 : 0)
                    // Everything the app detects by itself holds one of these at its own place: an
                    // @ (also written `&#64;`), `#`, `$`, or a `.`, `/` or `:` followed by more
                    // than a space (a name's last dot, a command, `tg://`); a card number 13 digits.
                    at &+= b == 0x40 || b == 0x26 || b == 0x23 || b == 0x24 ? 1 : 0
                    at &+= (previous == 0x2E || previous == 0x2F || previous == 0x3A) && b != 0x20 && b != 0x0A ? 1 : 0
                    digits &+= b >= 0x30 && b <= 0x39 ? 1 : 0
                    lines &+= b == 0x0A ? 1 : 0
                    previous = b
                }
                units = n
                mentions = at + digits / 13
                bodyLines = lines + 1
            }
            func dots<S: Sequence<UInt8>>(_ s: S) -> Int { s.reduce(0) { $0 + ($1 == 0x2E || $1 == 0x40 ? 2 : 0) } }
            for (node, ranges) in checked.edits.defanged {
                let bytes = Array((node.literal ?? "").utf8)
                for r in ranges where r.upperBound <= bytes.count { units += dots(bytes[r]) }
            }
            for text in checked.edits.defangedLinks.values { units += dots(text.utf8) }

            // `text — https://…` is no longer than `[text](https://…)` or `<https://…>`, but a page's
            // address gains the site's, a bare `www.` name is written again with its scheme, and a
            // reference definition's address is written at every use.
            let reused = checked.inventory.links.contains { $0.origin == .referenceDefinition }
            var entities = 2 + mentions  // the title, the footer's link, what the app detects by itself
            var longestLink = 0
            for link in checked.inventory.links {
                guard let node = link.node else { continue }
                let url = link.destination
                // What the bulletin writes: the address as rewritten (`www.x.kz` with its scheme), and a
                // relative one resolved against the page's own (`#step-1`, `documents/`, `?next=https://…`),
                // as the reader does; never less than written, one more for an `http://` made https.
                let written = BulletinReader.absolute(checked.edits.urlRewrites[node] ?? url, pageURL: page.url, baseURL: baseURL)
                let address = max(written.utf16.count, url.utf16.count + (url.hasPrefix("http://") ? 1 : 0))
                let extra = address - url.utf16.count
                longestLink = max(longestLink, address)
                entities += 1
                units += extra + (reused || link.origin == .bareAutolink ? address + 3 : 0)
            }
            // Layout: a blank line may follow any line that starts a block, list numbers may grow
            // (`1.` written for every item), and blocks under an item are indented under it.
            let inventory = checked.inventory
            let levels = max(0, inventory.listDepth - 1) + (inventory.hasLooseItems ? 1 : 0)
            units += bodyLines + 3 * inventory.listItems + 4 * levels * (2 * bodyLines + 2)
            entities += inventory.tables
            entities += checked.inventory.formattedNodes + 2 * checked.inventory.blockQuotes
            units += added.alert * checked.inventory.blockQuotes
            for (_, info) in checked.inventory.fencedBlocks {
                switch GuideBlock(info: info) {
                case .officialLinks?:
                    units += added.officialLinks
                    entities += added.officialEntities
                case .knownFakes?:
                    units += added.knownFakes
                    entities += 2
                case nil: break
                }
            }
            let title = fm.title.utf16.count + fm.title.unicodeScalars.filter { $0 == "№" }.count
            let pageURL = base + page.url.utf16.count
            telegramUnits = units + title + added.footerLabel + pageURL + 4
            telegramEntities = entities
            // The derived SMS can fail only when even its shortest form, the title and the longest
            // address it could take, does not fit: the description is left out before that.
            smsUnits = title + max(pageURL, added.longestOfficial, longestLink) + 1
        }
    }
}
