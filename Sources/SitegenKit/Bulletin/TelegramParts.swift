/// Splits a Telegram bulletin into messages Telegram accepts: each part at most 4,096 UTF-16 units
/// after entity parsing and at most 100 formatting entities, numbered `(1/3)` when there are several.
///
/// Parts break between blocks. A block too long for a message of its own is cut between its list
/// items, quoted blocks, table rows or code lines, and a paragraph between its sentences; never
/// inside a list item, a link or a tag. What cannot be cut so is an error at its line.
struct TelegramParts {
    let layout: BulletinLayout<TelegramMarkup>
    let language: String

    /// Room kept in every part for its number: `\n\n(999/999)`.
    static let labelRoom = 11
    /// The most parts that room can number.
    static let maxParts = 999

    /// A unit too long for one message, and where it is.
    struct Unsplittable: Error, Equatable {
        /// What the unit is: `heading`, `sentence`, `list-item`…, the end of a `bulletin.piece.` message id.
        var what: String
        var units: Int
        var entities: Int
        var at: SourcePoint
    }

    /// The parts, each valid Telegram HTML on its own.
    func split(title: BulletinBlock, blocks: [BulletinBlock], footer: BulletinBlock) -> Result<[String], Unsplittable> {
        let budget = TelegramMeasure(units: TelegramMeasure.maxUnits - Self.labelRoom,
                                     entities: TelegramMeasure.maxEntities)
        // Most bulletins are one message: rendered and measured once. Each block's rendering is kept
        // for the split below (it is what `layout.blocks` joins).
        var pending = [title] + blocks + [footer]
        var renderings: [String?] = pending.map { layout.block($0) }
        let whole = renderings.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        if TelegramMeasure(html: whole, detectingUpTo: TelegramMeasure.maxUnits).fits(units: TelegramMeasure.maxUnits) {
            return .success([whole])
        }
        var parts: [[BulletinBlock]] = []
        var current: [BulletinBlock] = []
        // Blocks are joined by a blank line, so a part measures the sum of its blocks: each block is
        // rendered and measured once, not once per candidate part.
        var measured: [TelegramMeasure] = []
        var total = TelegramMeasure(units: 0, entities: 0)
        func measure(_ block: BulletinBlock) -> TelegramMeasure { TelegramMeasure(html: layout.block(block)) }
        func fits(adding m: TelegramMeasure) -> Bool {
            let units = total.units + m.units + (measured.isEmpty ? 0 : 2)
            return units <= budget.units && total.entities + m.entities <= budget.entities
        }
        func fits(_ candidate: [BulletinBlock]) -> Bool {
            let m = TelegramMeasure(html: layout.blocks(candidate))
            return m.units <= budget.units && m.entities <= budget.entities
        }
        func append(_ block: BulletinBlock, _ m: TelegramMeasure) {
            total.units += m.units + (measured.isEmpty ? 0 : 2)
            total.entities += m.entities
            current.append(block)
            measured.append(m)
        }
        func flush() {
            // A heading belongs with what follows it: it moves to the next part.
            var carried: (BulletinBlock, TelegramMeasure)?
            if current.count > 1, let last = current.last, case .heading = last.kind {
                carried = (current.removeLast(), measured.removeLast())
            }
            parts.append(current)
            current = []
            measured = []
            total = TelegramMeasure(units: 0, entities: 0)
            if let (block, m) = carried { append(block, m) }
        }
        var index = 0
        while index < pending.count {
            let block = pending[index]
            let html = renderings[index] ?? layout.block(block)
            index += 1
            // The layout leaves out blocks that render to nothing; so does the count.
            if html.isEmpty { continue }
            // Past the budget the entities do not matter: the block cannot fit whatever it holds.
            let m = TelegramMeasure(html: html, detectingUpTo: budget.units)
            if fits(adding: m) {
                append(block, m)
                continue
            }
            // A heading alone in the part waits for what follows it; anything else ends the part.
            let onlyHeading = current.count == 1 && isHeading(current[0])
            if !current.isEmpty && !onlyHeading {
                flush()
                index -= 1
                continue
            }
            // Cut the block: a front that fits (beside the heading, if one waits), then each next
            // front alone, until the rest fits alone. The rest is neither laid out nor measured
            // whole before then, so a block of many parts costs about what its text does.
            var failure: Unsplittable?
            if let pieces = Pieces(block, language: language) {
                var from = 0
                while true {
                    // One piece is the whole block, which did not fit: only a quote may still be cut inside.
                    let single: Bool
                    if case .quote = block.kind { single = false } else { single = pieces.count == 1 }
                    let k = single ? 0 : front(pieces, from: from, fitting: { fits(current + [$0]) })
                    if from > 0 && k == pieces.count - from {
                        // The rest fits alone: it is laid out as any block and may share its part.
                        index -= 1
                        pending[index] = pieces.make(from..<pieces.count)
                        renderings[index] = nil
                        break
                    }
                    if k == 0, case .quote = block.kind, from < pieces.count {
                        // The first quoted block alone is too long: cut it, and quote both halves.
                        switch cut(pieces.make(from..<pieces.count), fitting: { fits(current + $0) }) {
                        case .success(let (head, tail)):
                            append(head, measure(head))
                            flush()
                            index -= 1
                            pending[index] = tail
                            renderings[index] = nil
                        case .failure(let error):
                            failure = error
                        }
                        break
                    }
                    if k == 0 || k == pieces.count {
                        // A block of one piece is that piece, measured above: not laid out again.
                        failure = single && from == 0
                            ? Unsplittable(what: pieces.what, units: m.units, entities: m.entities, at: pieces.one(0).1)
                            : pieces.tooLong(from: from, layout: layout)
                        break
                    }
                    let head = pieces.make(from..<(from + k))
                    append(head, measure(head))
                    flush()
                    from += k
                }
            } else {
                failure = Unsplittable(block, what: isHeading(block) ? "heading" : "rule", layout: layout)
            }
            if let failure {
                // Not even a front of it fits beside the heading: the heading goes alone.
                guard onlyHeading else { return .failure(failure) }
                parts.append(current)
                current = []
                measured = []
                total = TelegramMeasure(units: 0, entities: 0)
                index -= 1
            }
        }
        if !current.isEmpty { parts.append(current) }
        // The room kept for the number holds `(999/999)`. (Checked only at the end: a block that
        // cannot be cut, further on, is the more useful error.)
        guard parts.count <= Self.maxParts else {
            return .failure(Unsplittable(what: "whole", units: TelegramMeasure.utf16Length(whole), entities: 0,
                                         at: title.at))
        }
        let rendered = parts.map { layout.blocks($0) }
        guard rendered.count > 1 else { return .success(rendered) }
        return .success(rendered.enumerated().map { n, part in part + "\n\n(\(n + 1)/\(rendered.count))" })
    }

    private func isHeading(_ block: BulletinBlock) -> Bool {
        if case .heading = block.kind { return true }
        return false
    }

    /// The most pieces from `from` on whose block fits: 1, 2, 4, … pieces until one does not fit,
    /// then a binary search between. A longer front never fits where a shorter one does not, so this
    /// finds the longest, and costs about the size of what fits rather than of the whole block.
    private func front(_ pieces: Pieces, from: Int, fitting fits: (BulletinBlock) -> Bool) -> Int {
        let available = pieces.count - from
        var low = 0, high = 1
        while high <= available && fits(pieces.make(from..<(from + high))) {
            low = high
            high *= 2
        }
        high = min(high - 1, available)
        while low < high {
            let mid = (low + high + 1) / 2
            if fits(pieces.make(from..<(from + mid))) { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The longest front of a block that fits, and the rest of it.
    private func cut(_ block: BulletinBlock, fitting fits: ([BulletinBlock]) -> Bool)
        -> Result<(BulletinBlock, BulletinBlock), Unsplittable>
    {
        guard let pieces = Pieces(block, language: language) else {
            return .failure(Unsplittable(block, what: isHeading(block) ? "heading" : "rule", layout: layout))
        }
        let k = front(pieces, from: 0, fitting: { fits([$0]) })
        if k == 0, case .quote(let kind, let title, let children) = block.kind, let first = children.first {
            // The first quoted block alone is too long: cut it, and quote both halves.
            let result = cut(first, fitting: { fits([BulletinBlock(kind: .quote(kind, title: title, $0), at: block.at)]) })
            guard case .success(let (h, t)) = result else { return result }
            var head = block, tail = block
            head.kind = .quote(kind, title: title, [h])
            tail.kind = .quote(kind, title: title, [t] + children.dropFirst())
            tail.at = t.at
            return .success((head, tail))
        }
        guard k > 0, k < pieces.count else { return .failure(pieces.tooLong(from: 0, layout: layout)) }
        return .success((pieces.make(0..<k), pieces.make(k..<pieces.count)))
    }
}

extension TelegramParts.Unsplittable {
    /// A block too long for a message, measured.
    init<M: BulletinMarkup>(_ content: BulletinBlock, what: String, at: SourcePoint? = nil, layout: BulletinLayout<M>) {
        let m = TelegramMeasure(html: layout.block(content), detectingUpTo: TelegramMeasure.maxUnits - TelegramParts.labelRoom)
        self.init(what: what, units: m.units, entities: m.entities, at: at ?? content.at)
    }
}

/// A block seen as the pieces it may be cut between: a list's items, a quote's blocks, a code
/// block's lines, a table's rows (each part repeating the header row), a paragraph's sentences.
/// Headings and rules have none.
private struct Pieces {
    let count: Int
    /// The block made of the pieces in `range`.
    let make: (Range<Int>) -> BulletinBlock
    /// The piece named in an error, and the smallest block that shows it.
    let what: String
    let one: (Int) -> (BulletinBlock, SourcePoint)

    init?(_ block: BulletinBlock, language: String) {
        let at = block.at
        switch block.kind {
        case .list(let style, let items):
            count = items.count
            make = { r in BulletinBlock(kind: .list(style, Array(items[r])), at: r.lowerBound == 0 ? at : items[r.lowerBound].at) }
            what = "list-item"
            one = { i in (BulletinBlock(kind: .list(style, i < items.count ? [items[i]] : []), at: at), i < items.count ? items[i].at : at) }
        case .paragraph(let content):
            let sentences = Sentences.split(content, language: language)
            count = sentences.count
            make = { r in BulletinBlock(kind: .paragraph(Sentences.joined(sentences[r])), at: at) }
            what = sentences.count > 1 ? "sentence" : "paragraph"
            one = { i in (BulletinBlock(kind: .paragraph(i < sentences.count ? sentences[i] : content), at: at), at) }
        case .quote(let kind, let title, let children):
            count = children.count
            make = { r in
                BulletinBlock(kind: .quote(kind, title: title, Array(children[r])), at: r.lowerBound == 0 ? at : children[r.lowerBound].at)
            }
            what = "quote"
            one = { _ in (block, at) }
        case .code(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            count = lines.count
            make = { r in BulletinBlock(kind: .code(lines[r].joined(separator: "\n")), at: at) }
            what = "code"
            one = { i in (BulletinBlock(kind: .code(i < lines.count ? String(lines[i]) : ""), at: at), at) }
        case .table(let rows):
            // The pieces are the rows under the header, which every part repeats.
            guard let header = rows.first else { return nil }
            count = rows.count - 1
            make = { r in BulletinBlock(kind: .table([header] + rows[(r.lowerBound + 1)..<(r.upperBound + 1)]), at: at) }
            what = "table-row"
            one = { i in (BulletinBlock(kind: .table([header] + (i + 1 < rows.count ? [rows[i + 1]] : [])), at: at), at) }
        case .heading, .rule:
            return nil
        }
    }

    /// The error when not even one piece from `from` on fits.
    func tooLong<M: BulletinMarkup>(from: Int, layout: BulletinLayout<M>) -> TelegramParts.Unsplittable {
        let (block, at) = one(from)
        return TelegramParts.Unsplittable(block, what: what, at: at, layout: layout)
    }
}
