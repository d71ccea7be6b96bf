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

    /// A unit too long for one message, and where it is.
    struct Unsplittable: Error, Equatable {
        var what: String
        var units: Int
        var entities: Int
        var at: SourcePoint
    }

    /// The parts, each valid Telegram HTML on its own.
    func split(title: BulletinBlock, blocks: [BulletinBlock], footer: BulletinBlock) -> Result<[String], Unsplittable> {
        let budget = TelegramMeasure(units: TelegramMeasure.maxUnits - Self.labelRoom,
                                     entities: TelegramMeasure.maxEntities)
        // Most bulletins are one message: rendered and measured once.
        let whole = layout.blocks([title] + blocks + [footer])
        if TelegramMeasure(html: whole).fits(units: TelegramMeasure.maxUnits) { return .success([whole]) }
        var parts: [[BulletinBlock]] = []
        var current: [BulletinBlock] = []
        var pending = [title] + blocks + [footer]
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
            index += 1
            let html = layout.block(block)
            // The layout leaves out blocks that render to nothing; so does the count.
            if html.isEmpty { continue }
            let m = TelegramMeasure(html: html)
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
            // Cut the block so that its front fits (beside the heading, if one waits).
            switch cut(block, fitting: { fits(current + $0) }) {
            case .success(let (head, tail)):
                append(head, measure(head))
                flush()
                index -= 1
                pending[index] = tail
            case .failure(let error):
                // Not even a front of it fits beside the heading: the heading goes alone.
                guard onlyHeading else { return .failure(error) }
                parts.append(current)
                current = []
                measured = []
                total = TelegramMeasure(units: 0, entities: 0)
                index -= 1
            }
        }
        if !current.isEmpty { parts.append(current) }
        let rendered = parts.map { layout.blocks($0) }
        guard rendered.count > 1 else { return .success(rendered) }
        // The room kept for the number holds `(999/999)`.
        guard rendered.count <= 999 else {
            return .failure(Unsplittable(what: "the bulletin", units: TelegramMeasure.utf16Length(whole), entities: 0,
                                         at: title.at))
        }
        return .success(rendered.enumerated().map { n, part in part + "\n\n(\(n + 1)/\(rendered.count))" })
    }

    private func isHeading(_ block: BulletinBlock) -> Bool {
        if case .heading = block.kind { return true }
        return false
    }

    /// The longest front of a block that fits, and the rest of it.
    private func cut(_ block: BulletinBlock, fitting fits: ([BulletinBlock]) -> Bool)
        -> Result<(BulletinBlock, BulletinBlock), Unsplittable>
    {
        // A longer front never fits where a shorter one does not: search for the longest.
        func largest(_ count: Int, _ make: (Int) -> BulletinBlock) -> Int {
            var low = 0, high = count
            while low < high {
                let mid = (low + high + 1) / 2
                if fits([make(mid)]) { low = mid } else { high = mid - 1 }
            }
            return low
        }
        func tooLong(_ what: String, _ content: BulletinBlock, at: SourcePoint) -> Unsplittable {
            let m = TelegramMeasure(html: layout.block(content))
            return Unsplittable(what: what, units: m.units, entities: m.entities, at: at)
        }
        var head = block, tail = block
        switch block.kind {
        case .list(let style, let items):
            let make = { (k: Int) in BulletinBlock(kind: .list(style, Array(items.prefix(k))), at: block.at) }
            let k = largest(items.count, make)
            guard k > 0 else {
                return .failure(tooLong("a list item", make(1), at: items[0].at))
            }
            head = make(k)
            tail.kind = .list(style, Array(items.dropFirst(k)))
            tail.at = items[k].at
        case .paragraph(let content):
            let sentences = Sentences.split(content, language: language)
            let make = { (k: Int) in BulletinBlock(kind: .paragraph(Sentences.joined(sentences.prefix(k))), at: block.at) }
            let k = largest(sentences.count, make)
            guard k > 0, k < sentences.count else {
                let one = BulletinBlock(kind: .paragraph(sentences.first ?? content), at: block.at)
                return .failure(tooLong(sentences.count > 1 ? "a sentence" : "a paragraph", one, at: block.at))
            }
            head = make(k)
            tail.kind = .paragraph(Sentences.joined(sentences.dropFirst(k)))
        case .quote(let kind, let title, let children):
            let make = { (k: Int) in BulletinBlock(kind: .quote(kind, title: title, Array(children.prefix(k))), at: block.at) }
            let k = largest(children.count, make)
            if k > 0 {
                head = make(k)
                tail.kind = .quote(kind, title: title, Array(children.dropFirst(k)))
                tail.at = children[k].at
            } else if let first = children.first {
                // The first quoted block alone is too long: cut it, and quote both halves.
                let result = cut(first, fitting: { fits([BulletinBlock(kind: .quote(kind, title: title, $0), at: block.at)]) })
                guard case .success(let (h, t)) = result else { return result }
                head.kind = .quote(kind, title: title, [h])
                tail.kind = .quote(kind, title: title, [t] + Array(children.dropFirst()))
                tail.at = t.at
            } else {
                return .failure(tooLong("a quote", block, at: block.at))
            }
        case .code(let text):
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let make = { (k: Int) in BulletinBlock(kind: .code(lines.prefix(k).joined(separator: "\n")), at: block.at) }
            let k = largest(lines.count, make)
            guard k > 0, k < lines.count else { return .failure(tooLong("a line of code", make(1), at: block.at)) }
            head = make(k)
            tail.kind = .code(lines.dropFirst(k).joined(separator: "\n"))
        case .table(let rows):
            // Each part of a table repeats its header row.
            let make = { (k: Int) in BulletinBlock(kind: .table(Array(rows.prefix(k))), at: block.at) }
            let k = largest(rows.count, make)
            guard k > 1, k < rows.count else { return .failure(tooLong("a table row", make(min(2, rows.count)), at: block.at)) }
            head = make(k)
            tail.kind = .table([rows[0]] + Array(rows.dropFirst(k)))
        case .heading:
            return .failure(tooLong("a heading", block, at: block.at))
        case .rule:
            return .failure(tooLong("a rule", block, at: block.at))
        }
        return .success((head, tail))
    }
}
