/// What `sitegen explain <code>` says about a diagnostic code: what it means, how to fix it, and a
/// wrong and a right example (Markdown for content codes, `sitegen.yml` or a command for the rest).
package struct Explanation: Sendable {
    /// What is in the example: the language of its code block.
    package enum ExampleKind: String, Sendable { case markdown, yaml, shell, text }

    package var code: String
    package var meaning: MessageCatalog.Entry
    package var fix: MessageCatalog.Entry
    package var kind: ExampleKind
    package var wrong: String
    package var right: String

    /// Every code sitegen reports, with its explanation.
    package static let all: [String: Explanation] = {
        var table: [String: Explanation] = [:]
        for e in PolicyExplanations.all + ContentExplanations.all + SiteExplanations.all {
            precondition(table[e.code] == nil, "two explanations of \(e.code)")
            table[e.code] = e
        }
        return table
    }()

    /// The text `sitegen explain` prints, in `language`.
    package func render(_ language: MessageLanguage) -> String {
        let labels: (String, String, String) = switch language {
        case .en: ("Wrong", "Right", "How to fix it")
        case .kk: ("Қате", "Дұрыс", "Қалай түзету керек")
        case .ru: ("Неправильно", "Правильно", "Как исправить")
        }
        let fence = "```"
        return """
            \(code)

            \(meaning.text(language))

            \(labels.0):

            \(fence)\(kind.rawValue)
            \(wrong)
            \(fence)

            \(labels.1):

            \(fence)\(kind.rawValue)
            \(right)
            \(fence)

            \(labels.2): \(fix.text(language))

            """
    }
}

/// A shorter way to write a table row: meaning and fix in English, Kazakh and Russian.
func explain(
    _ code: String, _ kind: Explanation.ExampleKind = .markdown,
    en: String, kk: String, ru: String, fixEn: String, fixKk: String, fixRu: String, wrong: String, right: String
) -> Explanation {
    Explanation(code: code, meaning: MessageCatalog.Entry(en: en, kk: kk, ru: ru),
                fix: MessageCatalog.Entry(en: fixEn, kk: fixKk, ru: fixRu), kind: kind, wrong: wrong, right: right)
}
