import SitegenCore

/// Compares each page with its translations: every fact on one side must be on the other, and
/// guides must have as many steps and checklist items. Also warns about pages without a
/// translation and translations older than their counterpart.
enum ParityCheck {
    /// `unreadable`: the files that could not be read (their front matter did not parse), by language
    /// and the translationKey they seem to carry: a page whose translation is among them is not told
    /// it has none, since the error about that file says what to fix. `refused`: positions
    /// (`file:line:column`) already reported as errors, whose facts are not compared again.
    static func check(_ pages: [PageFacts], languages: [String], defaultLanguage: String,
                      unreadable: [(language: String, key: String)] = [], refused: Set<String> = []) -> [Diagnostic] {
        try! check(count: pages.count, named: { Named(sourcePath: pages[$0].sourcePath, language: pages[$0].language,
                                                      translationKey: pages[$0].translationKey) },
                   facts: { pages[$0] }, languages: languages, defaultLanguage: defaultLanguage, unreadable: unreadable, refused: refused)
    }

    /// A page as the search for its translations sees it.
    struct Named: Sendable {
        var sourcePath: String
        var language: String
        var translationKey: String
    }

    /// ``check(_:languages:defaultLanguage:unreadable:refused:)`` of pages `0..<count`, which `named`
    /// names and whose facts `facts` reads, a group of translations at a time, on every core: the facts
    /// of every page are never in memory at once, nor their names (a big site's were a string or three
    /// each, and a dictionary of lists: the peak of its build's memory).
    static func check(count: Int, named: @Sendable (Int) -> Named, facts: @Sendable (Int) throws -> PageFacts, languages: [String],
                      defaultLanguage: String, unreadable: [(language: String, key: String)] = [],
                      refused: Set<String> = []) throws -> [Diagnostic] {
        let groups = Groups(count: count, key: { named($0).translationKey })
        // Each page's language, as short strings: what the search for a misspelt key reads of every page.
        let languageOf = (0..<count).map { named($0).language }
        let broken = Set(unreadable.map { "\($0.language)\u{0}\($0.key)" })
        let rank = Dictionary(languages.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let found = Parallel.map(Array(groups.keys.indices)) { g -> Result<[Diagnostic], any Error> in
            Result {
                let key = groups.keys[g]
                var out: [Diagnostic] = []
                let group = groups.pages(g).sorted { (rank[languageOf[$0]] ?? 99) < (rank[languageOf[$1]] ?? 99) }
                let present = Set(group.map { languageOf[$0] })
                // One page per language: a second of one language is no translation of the others.
                var firstOf: [String: Named] = [:]
                for page in group.map({ named($0) }).sorted(by: { $0.sourcePath < $1.sourcePath }) {
                    guard let first = firstOf[page.language] else { firstOf[page.language] = page; continue }
                    out.append(Diagnostic(.error, "translation.duplicate", id: "translation.duplicate",
                                          ["path": page.sourcePath, "other": first.sourcePath, "language": page.language, "key": key],
                                          file: page.sourcePath, line: 1, column: 1))
                }
                for page in group.map({ named($0) }) where present.count < languages.count {
                    let missing = languages.filter { !present.contains($0) && !broken.contains("\($0)\u{0}\(key)") }
                    if missing.isEmpty { continue }
                    // A translation with a misspelt key: the unpaired keys of the other languages.
                    let others = groups.keys.indices.filter { h in
                        h != g && !groups.members(h).contains { languageOf[Int($0)] == page.language }
                    }.flatMap(groups.pages).filter { missing.contains(languageOf[$0]) }.map(named)
                    if let meant = EditDistance.nearest(to: key, in: others.map(\.translationKey).sorted()),
                       let file = others.first(where: { $0.translationKey == meant })?.sourcePath {
                        out.append(Diagnostic(.warning, "translation.missing", id: "translation.missing.near",
                                              ["file": page.sourcePath, "key": key, "meant": meant, "other": file],
                                              file: page.sourcePath, line: 1, column: 1))
                        continue
                    }
                    out.append(Diagnostic(.warning, "translation.missing", id: "translation.missing",
                                          ["file": page.sourcePath, "languages": missing.joined(separator: ", "), "key": key],
                                          file: page.sourcePath, line: 1, column: 1))
                }
                guard group.count > 1 else { return out }
                let pages = try group.map { try without(refused, facts($0)) }
                guard let reference = pages.first(where: { $0.language == defaultLanguage }) ?? pages.first else { return out }
                for other in pages where other.sourcePath != reference.sourcePath {
                    out += differences(other, reference)
                    out += counts(other, reference)
                    if let a = other.lastmod, let b = reference.lastmod, b.prefix(10) > a.prefix(10) {
                        out.append(Diagnostic(.warning, "translation.outdated", id: "translation.outdated",
                                              ["other": reference.sourcePath, "newer": String(b.prefix(10)), "older": String(a.prefix(10))],
                                              file: other.sourcePath, line: 1, column: 1))
                    } else if let a = other.lastmod, let b = reference.lastmod, a.prefix(10) > b.prefix(10) {
                        out.append(Diagnostic(.warning, "translation.outdated", id: "translation.outdated",
                                              ["other": other.sourcePath, "newer": String(a.prefix(10)), "older": String(b.prefix(10))],
                                              file: reference.sourcePath, line: 1, column: 1))
                    }
                }
                return out
            }
        }
        return try found.flatMap { try $0.get() }
    }

    /// Pages grouped by their translation key: the keys in order, and each group's pages in theirs.
    struct Groups {
        /// Every key, once, in order.
        let keys: [String]
        /// The pages, by key and then in their order; group `g` is `order[starts[g]..<starts[g + 1]]`.
        private let order: [Int32]
        private let starts: [Int32]

        init(count: Int, key: (Int) -> String) {
            precondition(count < Int(Int32.max), "too many pages to compare")
            let all = (0..<count).map(key)
            order = (0..<Int32(count)).sorted { a, b in
                let (x, y) = (all[Int(a)], all[Int(b)])
                return x == y ? a < b : x < y
            }
            var keys: [String] = []
            var starts: [Int32] = []
            for (place, page) in order.enumerated() where keys.last.map({ $0 != all[Int(page)] }) ?? true {
                keys.append(all[Int(page)])
                starts.append(Int32(place))
            }
            starts.append(Int32(order.count))
            self.keys = keys
            self.starts = starts
        }

        /// The pages of group `g` (``keys``), in their order.
        func pages(_ g: Int) -> [Int] { members(g).map(Int.init) }

        /// ``pages(_:)`` as they are held.
        func members(_ g: Int) -> ArraySlice<Int32> { order[Int(starts[g])..<Int(starts[g + 1])] }
    }

    /// The page without the facts refused where they stand (`file:line:column`), which are not compared again.
    static func without(_ refused: Set<String>, _ page: PageFacts) -> PageFacts {
        func isRefused(_ fact: PageFacts.Fact) -> Bool { refused.contains("\(page.sourcePath):\(fact.line):\(fact.column)") }
        guard !refused.isEmpty, page.facts.values.contains(where: { $0.contains(where: isRefused) }) else { return page }
        var copy = page
        for (kind, facts) in page.facts { copy.facts[kind] = facts.filter { !isRefused($0) } }
        return copy
    }

    /// Facts of one page that the other lacks, in both directions, with a fact changed on one side
    /// said once: the n-th unmatched fact of a kind on the translation and the n-th on the reference
    /// are one difference, reported on the translation and naming both.
    static func differences(_ page: PageFacts, _ reference: PageFacts) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in PageFacts.Kind.allCases {
            let mine = page.facts[kind] ?? [], theirs = reference.facts[kind] ?? []
            let myKeys = Set(mine.map(\.key)), theirKeys = Set(theirs.map(\.key))
            let onlyMine = mine.filter { !theirKeys.contains($0.key) }
            let onlyTheirs = theirs.filter { !myKeys.contains($0.key) }
            for (i, fact) in onlyMine.enumerated() {
                if i < onlyTheirs.count {
                    let other = onlyTheirs[i]
                    out.append(Diagnostic(.error, kind.code, id: "parity.changed",
                                          ["here": fact.shown, "there": other.shown, "other": reference.sourcePath, "line": String(other.line)],
                                          file: page.sourcePath, line: fact.line, column: fact.column))
                } else {
                    out.append(Diagnostic(.error, kind.code, id: "parity.extra",
                                          ["here": fact.shown, "other": reference.sourcePath],
                                          file: page.sourcePath, line: fact.line, column: fact.column))
                }
            }
            for fact in onlyTheirs.dropFirst(onlyMine.count) {
                out.append(Diagnostic(.error, kind.code, id: "parity.extra",
                                      ["here": fact.shown, "other": page.sourcePath],
                                      file: reference.sourcePath, line: fact.line, column: fact.column))
            }
        }
        return out
    }

    /// Step and checklist counts, reported on the translation.
    static func counts(_ page: PageFacts, _ reference: PageFacts) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pairs: [(String, (count: Int, line: Int, column: Int)?, (count: Int, line: Int, column: Int)?)] = [
            ("parity.steps", page.steps, reference.steps),
            ("parity.checklist", page.checklistItems, reference.checklistItems),
        ]
        for (code, mine, theirs) in pairs where (mine?.count ?? 0) != (theirs?.count ?? 0) {
            out.append(Diagnostic(.error, code, id: code,
                                  ["here": String(mine?.count ?? 0), "there": String(theirs?.count ?? 0), "other": reference.sourcePath],
                                  file: page.sourcePath, line: mine?.line ?? 1, column: mine?.column ?? 1))
        }
        return out
    }
}
