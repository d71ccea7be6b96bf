import Foundation
import SitegenCore
import SitegenMarkdown
import Yams

/// The interface strings of each language, from `i18n/<lang>.yml`: flat `key: text` pairs.
/// Every language must have every key, so no page shows a missing word.
package struct Strings: Sendable {
    package var byLanguage: [String: [String: String]]
    /// Where each string is written (`i18n/<lang>.yml`), by language and key: they reach every page
    /// and bulletin, so the link policy judges them there.
    package var located: [String: [String: Located<String>]] = [:]

    package init(byLanguage: [String: [String: String]]) { self.byLanguage = byLanguage }

    package func text(_ key: String, _ language: String) -> String { byLanguage[language]?[key] ?? key }

    package func table(_ language: String) -> [String: String] { byLanguage[language] ?? [:] }

    /// The title of each alert kind (`alert.warning` …) in a language.
    package func alertTitles(_ language: String) -> [AlertKind: String] {
        Dictionary(uniqueKeysWithValues: AlertKind.allCases.map { ($0, text("alert.\($0.rawValue)", language)) })
    }

    /// Loads `i18n/<lang>.yml` for each language and checks that they have the same keys.
    package static func load(sourceDirectory: String, languages: [String]) -> (Strings, [Diagnostic]) {
        var tables: [String: [String: String]] = [:]
        var positions: [String: [String: (Int, Int)]] = [:]
        var located: [String: [String: Located<String>]] = [:]
        var diagnostics: [Diagnostic] = []
        for lang in languages {
            let file = "i18n/\(lang).yml"
            guard let data = FileReader.read(sourceDirectory + "/" + file) else {
                // There but not readable (a FIFO, a folder, no permission) is said as such, not as missing.
                let reason = errnoText()
                if FileReader.isAbsent(sourceDirectory + "/" + file) {
                    diagnostics.append(.error("i18n.missing", id: "i18n.missing", ["lang": lang], file: file))
                } else {
                    diagnostics.append(.error("content.io", id: "content.io", ["reason": reason], file: file))
                }
                continue
            }
            if case .failure(let p) = SourceText.decode(data), p.problem != .empty {
                diagnostics.append(ContentLoader.undecodable(p, file: file))
                continue
            }
            var reader = YAMLReader(file: file)
            guard let root = reader.compose(String(decoding: data, as: UTF8.self)),
                  let pairs = reader.mapping(root, what: file)
            else {
                diagnostics += reader.diagnostics
                continue
            }
            var table: [String: String] = [:]
            var pos: [String: (Int, Int)] = [:]
            for (key, keyNode, value) in pairs {
                if let s = reader.string(value, what: key) {
                    table[key] = s.value
                    located[lang, default: [:]][key] = s
                }
                let p = reader.position(keyNode)
                pos[key] = (p.line, p.column)
            }
            diagnostics += reader.diagnostics
            tables[lang] = table
            positions[lang] = pos
        }
        // A key in one language but not another is an error at the key that has no partner.
        for lang in languages {
            guard let table = tables[lang] else { continue }
            for other in languages where other != lang {
                guard let otherTable = tables[other] else { continue }
                for key in table.keys.sorted() where otherTable[key] == nil {
                    let p = positions[lang]?[key] ?? (1, 1)
                    diagnostics.append(.error("i18n.key", id: "i18n.key", ["key": key, "other": other],
                                              file: "i18n/\(lang).yml", line: p.0, column: p.1))
                }
            }
        }
        diagnostics += placeholderProblems(located, languages: languages)
        var strings = Strings(byLanguage: tables)
        strings.located = located
        return (strings, diagnostics)
    }

    /// Placeholders the search script fills in: a string without its own shows the reader nothing in
    /// its place (no count, no words left out).
    static let requiredPlaceholders = ["searchFound": "{n}", "searchSkipped": "{words}"]

    /// Each string's placeholders (`{name}`) are those the key needs and those its translations have: a
    /// translation that loses or renames one is an error at its value.
    static func placeholderProblems(_ located: [String: [String: Located<String>]], languages: [String]) -> [Diagnostic] {
        func placeholders(_ s: String) -> Set<String> {
            var found: Set<String> = []
            var rest = s[...]
            while let open = rest.firstIndex(of: "{") {
                let after = rest[rest.index(after: open)...]
                guard let close = after.firstIndex(of: "}") else { break }
                let name = after[..<close]
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && $0.isLetter }) { found.insert("{\(name)}") }
                rest = after[close...].dropFirst()
            }
            return found
        }
        var problems: [Diagnostic] = []
        for lang in languages {
            for (key, value) in (located[lang] ?? [:]).sorted(by: { $0.key < $1.key }) {
                let own = placeholders(value.value)
                var wanted = Set(requiredPlaceholders[key].map { [$0] } ?? [])
                for other in languages where other != lang {
                    if let theirs = located[other]?[key] { wanted.formUnion(placeholders(theirs.value)) }
                }
                for missing in wanted.subtracting(own).sorted() {
                    problems.append(.error("i18n.placeholder", id: "i18n.placeholder", ["key": key, "placeholder": missing],
                                           file: "i18n/\(lang).yml", line: value.line, column: value.column))
                }
            }
        }
        return problems
    }
}
