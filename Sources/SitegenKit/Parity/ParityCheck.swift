/// Compares each page with its translations: every fact on one side must be on the other, and
/// guides must have as many steps and checklist items. Also warns about pages without a
/// translation and translations older than their counterpart.
enum ParityCheck {
    static func check(_ pages: [PageFacts], languages: [String], defaultLanguage: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let groups = Dictionary(grouping: pages, by: \.translationKey)
        for key in groups.keys.sorted() {
            let group = groups[key]!.sorted { (languages.firstIndex(of: $0.language) ?? 99) < (languages.firstIndex(of: $1.language) ?? 99) }
            let present = Set(group.map(\.language))
            for page in group where present.count < languages.count {
                let missing = languages.filter { !present.contains($0) }
                out.append(.warning("translation.missing",
                                    "\(page.sourcePath) has no translation in \(missing.joined(separator: ", ")) (translationKey \(key))",
                                    file: page.sourcePath, line: 1, column: 1))
            }
            guard let reference = group.first(where: { $0.language == defaultLanguage }) ?? group.first else { continue }
            for other in group where other.sourcePath != reference.sourcePath {
                out += compare(other, with: reference) + compare(reference, with: other)
                out += counts(other, reference)
                if let a = other.lastmod, let b = reference.lastmod, b.prefix(10) > a.prefix(10) {
                    out.append(.warning("translation.outdated",
                                        "\(reference.sourcePath) was updated on \(b.prefix(10)), after this translation (\(a.prefix(10)))",
                                        file: other.sourcePath, line: 1, column: 1))
                } else if let a = other.lastmod, let b = reference.lastmod, a.prefix(10) > b.prefix(10) {
                    out.append(.warning("translation.outdated",
                                        "\(other.sourcePath) was updated on \(a.prefix(10)), after this translation (\(b.prefix(10)))",
                                        file: reference.sourcePath, line: 1, column: 1))
                }
            }
        }
        return out
    }

    /// Facts of `page` that `counterpart` lacks, reported on `page`.
    static func compare(_ page: PageFacts, with counterpart: PageFacts) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for kind in PageFacts.Kind.allCases {
            let theirs = counterpart.facts[kind] ?? []
            let keys = Set(theirs.map(\.key))
            for fact in page.facts[kind] ?? [] where !keys.contains(fact.key) {
                let says = theirs.isEmpty ? "which has none" : "which says " + theirs.map(\.shown).joined(separator: ", ")
                out.append(.error(kind.code,
                                  "\(kind.noun) \(fact.shown) has no counterpart in \(counterpart.sourcePath) (\(says))",
                                  file: page.sourcePath, line: fact.line, column: fact.column))
            }
        }
        return out
    }

    /// Step and checklist counts, reported on the translation.
    static func counts(_ page: PageFacts, _ reference: PageFacts) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let pairs: [(String, String, (count: Int, line: Int, column: Int)?, (count: Int, line: Int, column: Int)?)] = [
            ("parity.steps", "steps", page.steps, reference.steps),
            ("parity.checklist", "checklist items", page.checklistItems, reference.checklistItems),
        ]
        for (code, noun, mine, theirs) in pairs where (mine?.count ?? 0) != (theirs?.count ?? 0) {
            out.append(.error(code, "\(mine?.count ?? 0) \(noun) here, \(theirs?.count ?? 0) in \(reference.sourcePath)",
                              file: page.sourcePath, line: mine?.line ?? 1, column: mine?.column ?? 1))
        }
        return out
    }
}
