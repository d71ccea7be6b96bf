import SitegenCore
import SitegenMarkdown

extension PageInspector {
    /// A number a phone would dial that only the reader's app puts together, with where it starts.
    struct PhoneAcrossRuns {
        var finding: Finding
        /// The run it starts in, its byte offset there, and what is written of it in that run (up to
        /// the run's end or the first marker WhatsApp hides): the piece to look for in the source.
        var run: Int
        var offset: Int
        var piece: String
    }

    /// Numbers written in pieces that the bulletins and apps show whole: across formatting
    /// (`+7 **777** 123 45 67`, `+7701*1234567*`), across a line break the bulletins join into one line
    /// (`+7 701` / `123 45 67`), and, when `whatsApp`, around the `*`, `~` and `_` WhatsApp hides
    /// (`+7 \*777\* 123 45 67`). Each run's own numbers are judged with the run; these are the others.
    /// Bank card numbers so written (`4400 **4301** 2345 6789`, a card over a line break) are refused
    /// the same way: Telegram reads the bulletin's joined text.
    func phonesAcrossRuns(_ runs: [TextRun], whatsApp: Bool) -> [PhoneAcrossRuns] {
        var out: [PhoneAcrossRuns] = []
        var first = 0
        var nextBlock = runs.first.map { Self.block(of: $0.node) }
        while first < runs.count, let block = nextBlock {
            // The runs of one block: a paragraph, heading, table cell, or code block.
            var end = first + 1
            nextBlock = nil
            while end < runs.count {
                let b = Self.block(of: runs[end].node)
                guard b == block else { nextBlock = b; break }
                end += 1
            }
            defer { first = end }
            let group = first..<end
            guard group.count > 1 || (whatsApp && WhatsAppReading.mayHideMarkers(runs[first].text)) else { continue }
            // No digit, no number (a byte past U+0600's lead may start a digit of another script).
            guard runs[group].contains(where: { Self.mayHoldDigit($0.text) }) else { continue }
            // The block's text as the bulletins lay it out (see `separator(before:)`).
            // For WhatsApp, a `*` also stands where formatting starts or ends, as the layout writes one
            // there: a `_` beside it is hidden too (`8 701_**123 45 67**` shows `8 701123 45 67`).
            var joined = "", joinedForWhatsApp = ""
            var starts: [Int] = [], startsForWhatsApp: [Int] = []
            for i in group {
                if i > first {
                    let separator = Self.readingSeparator(before: runs[i].node)
                    joined += separator
                    joinedForWhatsApp += separator.isEmpty && Self.formattingChanges(runs[i - 1].node, runs[i].node) ? "*" : separator
                }
                starts.append(joined.utf8.count)
                startsForWhatsApp.append(joinedForWhatsApp.utf8.count)
                joined += runs[i].text
                joinedForWhatsApp += runs[i].text
            }
            guard PhoneNumbers.mayHold(joined) || WhatsAppReading.mayHideMarkers(joined) else { continue }
            let bytes = Array(joined.utf8)
            /// The run a byte of `joined` is in.
            func run(at byte: Int) -> Int { first + (starts.lastIndex { $0 <= byte } ?? 0) }
            var reported = Set<Range<Int>>()
            /// Each run's own numbers, found once.
            var ownNumbers: [Int: [PhoneNumbers.Found]] = [:]
            func add(_ finding: Finding, _ from: Int, _ to: Int, shownByWhatsApp: Bool) {
                let k = run(at: from)
                // A run's own numbers, as written, are judged with the run (`1415` alone is no number; after
                // `☎ ` in the run before, it is).
                if !shownByWhatsApp, k == run(at: max(from, to - 1)) {
                    if ownNumbers[k] == nil { ownNumbers[k] = PhoneNumbers.find(in: runs[k].text) }
                    if ownNumbers[k]!.contains(where: { $0.offset == from - starts[k - first] && $0.length == to - from }) { return }
                }
                guard reported.insert(from..<to).inserted else { return }
                let runEnd = starts[k - first] + runs[k].text.utf8.count
                let written = String(decoding: bytes[from..<min(to, runEnd)], as: UTF8.self)
                out.append(PhoneAcrossRuns(finding: shownByWhatsApp ? Self.asShownByWhatsApp(finding) : Self.asAcrossFormatting(finding),
                                           run: k, offset: from - starts[k - first],
                                           piece: shownByWhatsApp ? WhatsAppReading.lead(of: written) : written))
            }
            // A card written in one run was judged with the run's tokens.
            for card in TelegramTextBoundaries.bankCardNumbers(in: joined) where run(at: card.offset) != run(at: card.offset + card.length - 1) {
                add(Self.cardFinding(card.text), card.offset, card.offset + card.length, shownByWhatsApp: false)
            }
            let numbers = PhoneNumbers.find(in: joined)
            let written = Set(numbers.map { $0.offset..<($0.offset + $0.length) })
            for (finding, phone) in phoneFindings(numbers) {
                add(finding, phone.offset, phone.offset + phone.length, shownByWhatsApp: false)
            }
            if whatsApp, let (shown, offsets) = WhatsAppReading.reading(joinedForWhatsApp) {
                /// A byte of WhatsApp's joined text in `joined` (the `*` put in stand between runs, never in a number).
                func inJoined(_ b: Int) -> Int {
                    let k = startsForWhatsApp.lastIndex { $0 <= b } ?? 0
                    return starts[k] + b - startsForWhatsApp[k]
                }
                for (finding, phone) in phoneFindings(shown) {
                    let from = inJoined(offsets[phone.offset]), to = inJoined(offsets[phone.offset + phone.length - 1]) + 1
                    // The same number at the same place as written was judged above, or with its run.
                    // (One with nothing hidden inside may still be new: `_+7 701 123 45 67_` as written
                    // is no number, the `_` is attached.)
                    guard !written.contains(from..<to) else { continue }
                    add(finding, from, to, shownByWhatsApp: true)
                }
            }
        }
        return out
    }

    /// Whether the layout writes a formatting marker between two runs that meet: one is code, or they sit
    /// in different emphasis, strong or strike-through.
    private static func formattingChanges(_ a: CMarkNode, _ b: CMarkNode) -> Bool {
        func styles(_ node: CMarkNode) -> [CMarkNode] {
            var out: [CMarkNode] = node.kind == .code ? [node] : []
            var up = node.parent
            while let p = up, Self.isInlineContainer(p) {
                if p.kind != .link && p.kind != .image { out.append(p) }
                up = p.parent
            }
            return out
        }
        return styles(a) != styles(b)
    }

    /// What the layout puts between a run and the one before it in its block, as `BulletinReader` does:
    /// nothing across markup or an image's description, a space for a soft break, dropped raw HTML or an
    /// image without a description, a new line for a hard break.
    package static func separator(before node: CMarkNode) -> String {
        var n = node
        while n.previous == nil, let p = n.parent, isInlineContainer(p) { n = p }
        guard let previous = n.previous else { return "" }
        switch previous.kind {
        case .softBreak, .htmlInline: return " "
        case .image where previous.firstChild == nil: return " "
        case .lineBreak: return "\n"
        default: return ""
        }
    }

    /// ``separator(before:)`` for the number readers: a hard break as U+2028, a line's end they never read a
    /// number across (they read `\n` as the space HTML shows for a line break in text).
    package static func readingSeparator(before node: CMarkNode) -> String {
        let separator = separator(before: node)
        return separator == "\n" ? "\u{2028}" : separator
    }

    private static func mayHoldDigit(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            for b in bytes where (b >= 0x30 && b <= 0x39) || b >= 0xD8 { return true }
            return false
        }
    }

    /// The block a run of text is in: its nearest ancestor that is not inline markup (a code block is
    /// its own).
    package static func block(of node: CMarkNode) -> CMarkNode {
        if node.kind == .codeBlock { return node }
        var up = node.parent
        while let p = up, isInlineContainer(p) { up = p.parent }
        return up ?? node
    }

    /// Inline markup that holds text: emphasis, strong, strike-through, a link or an image's description.
    private static func isInlineContainer(_ node: CMarkNode) -> Bool {
        [.emphasis, .strong, .strikethrough, .link, .image].contains(node.kind)
    }
}
