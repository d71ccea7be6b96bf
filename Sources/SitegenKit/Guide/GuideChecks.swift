import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// Checks of the guide structure of a page: steps where a guide needs them, checklist items with
/// text, blocks whose data exists in the page's language.
struct GuideChecks: Sendable {
    let config: SiteConfig

    func check(_ page: Page, document: MarkdownDocument, inventory: MarkdownInventory) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func report(_ code: String, id: String, _ node: CMarkNode?, _ arguments: [String: String] = [:]) {
            let p = node.map { page.filePosition(of: $0) } ?? (line: 1, column: 1)
            out.append(Diagnostic(.error, code, id: id, arguments, file: page.sourcePath, line: p.line, column: p.column))
        }
        if page.frontMatter.kind == "guide", Steps.list(in: document) == nil {
            if let bullets = Steps.bulletList(in: document) {
                report("guide.steps", id: "guide.steps.bullets", bullets)
            } else {
                report("guide.steps", id: "guide.steps", nil)
            }
        }
        for item in inventory.taskItems {
            let text = item.firstChild.map(\.plainText) ?? ""
            if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                report("guide.checklist-empty", id: "guide.checklist-empty", item)
            }
        }
        // `- [ ]` with nothing after it is no task item to cmark-gfm: a bullet that shows "[ ]".
        for item in inventory.bareTaskMarkers {
            report("guide.checklist-empty", id: "guide.checklist-empty", item)
        }
        if let review = page.frontMatter.claimReview {
            let known = Set(config.official.flatMap(\.tags))
            for tag in review.official where !known.contains(tag) {
                let p = review.officialPosition ?? (1, 1)
                out.append(.error("guide.official-links", id: "guide.official-links.review-tag",
                                  ["tag": tag, "known": known.sorted().joined(separator: ", ")],
                                  file: page.sourcePath, line: p.line, column: p.column))
            }
        }
        for (node, info) in inventory.fencedBlocks {
            if let block = GuideBlock(info: info) {
                for problem in problems(of: block, language: page.language) {
                    report(problem.code, id: problem.id, node, problem.arguments)
                }
            } else if let meant = GuideBlock.nearMiss(info: info) {
                report("guide.block-name", id: "guide.block-name", node, ["info": info, "meant": meant])
            }
        }
        return out
    }

    /// What keeps a block from being shown in a language.
    func problems(of block: GuideBlock, language: String) -> [(code: String, id: String, arguments: [String: String])] {
        switch block {
        case .officialLinks(let tags):
            let entries = OfficialLinksBlock.entries(config.official, tags: tags)
            if entries.isEmpty {
                return [tags.isEmpty ? ("guide.official-links", "guide.official-links.none", [:])
                    : ("guide.official-links", "guide.official-links.tag", ["tags": tags.joined(separator: " | ")])]
            }
            return entries.filter { $0.title.text(language) == nil }.map {
                ("guide.official-links", "guide.official-links.title",
                 ["url": $0.url.value, "line": String($0.line), "language": language])
            }
        case .knownFakes:
            if config.links.fakes.isEmpty { return [("guide.known-fakes", "guide.known-fakes.none", [:])] }
            return config.links.fakes.filter { $0.description.text(language) == nil }.map {
                ("guide.known-fakes", "guide.known-fakes.description",
                 ["name": $0.name.value, "line": String($0.name.line), "language": language])
            }
        }
    }

    /// Every official entry must itself pass the link policy and have a title in every language.
    static func checkOfficialEntries(_ config: SiteConfig, judge: (String) -> [Finding]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for entry in config.official {
            for language in config.languages where entry.title.text(language) == nil {
                out.append(.error("config.official", id: "config.official.title", ["url": entry.url.value, "language": language],
                                  file: SiteConfig.fileName, line: entry.line, column: entry.column))
            }
            for f in judge(entry.url.value) {
                out.append(f.diagnostic(file: SiteConfig.fileName, line: entry.url.line, column: entry.url.column))
            }
        }
        return out
    }
}
