import Foundation

/// The last line of a build or check, in the editors' language: `built 9 pages (kk 5, ru 4) in
/// 0.12 s, 1 warning`, `failed: 2 errors, 0 warnings`.
public enum BuildSummary {
    public enum Verb: Sendable { case built, checked }

    public static func line(_ report: BuildReport, verb: Verb, language: MessageLanguage) -> String {
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        if errors > 0 {
            let failed = ["en": "failed", "kk": "сәтсіз аяқталды", "ru": "завершено с ошибками"][language.rawValue]!
            return "\(failed): \(count(errors, .error, language)), \(count(warnings, .warning, language))"
        }
        let perLanguage = report.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
        let time = String(format: "%.2f", report.seconds)
        var line: String
        switch (language, verb) {
        case (.en, _): line = "\(verb == .built ? "built" : "checked") \(count(report.pageCount, .page, .en)) (\(perLanguage)) in \(time) s"
        case (.kk, _): line = "\(count(report.pageCount, .page, .kk)) (\(perLanguage)) \(verb == .built ? "жиналды" : "тексерілді"), \(time) с"
        case (.ru, _): line = "\(verb == .built ? "собрано" : "проверено") \(count(report.pageCount, .page, .ru)) (\(perLanguage)) за \(time) с"
        }
        if report.upToDate {
            let pages = count(report.pageCount, .page, language)
            switch language {
            case .en: line = "up to date: \(pages) (\(perLanguage)) as last built, nothing written (\(time) s)"
            case .kk: line = "өзгеріс жоқ: \(pages) (\(perLanguage)) соңғы құрастырудағыдай, ештеңе жазылмады (\(time) с)"
            case .ru: line = "без изменений: \(pages) (\(perLanguage)) как в прошлой сборке, ничего не записано (\(time) с)"
            }
        }
        if warnings > 0 { line += ", " + count(warnings, .warning, language) }
        return line
    }

    enum Noun { case error, warning, page }

    /// `2 errors`, `2 қате`, `2 ошибки`: Kazakh nouns stay singular after a number; Russian ones
    /// take one of three forms.
    static func count(_ n: Int, _ noun: Noun, _ language: MessageLanguage) -> String {
        switch language {
        case .en:
            let word = ["error", "warning", "page"][[Noun.error, .warning, .page].firstIndex(of: noun)!]
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        case .kk:
            return "\(n) " + ["қате", "ескерту", "бет"][[Noun.error, .warning, .page].firstIndex(of: noun)!]
        case .ru:
            let forms: [String]
            switch noun {
            case .error: forms = ["ошибка", "ошибки", "ошибок"]
            case .warning: forms = ["предупреждение", "предупреждения", "предупреждений"]
            case .page: forms = ["страница", "страницы", "страниц"]
            }
            let tens = n % 100, ones = n % 10
            let form = (11...14).contains(tens) ? 2 : ones == 1 ? 0 : (2...4).contains(ones) ? 1 : 2
            return "\(n) \(forms[form])"
        }
    }
}
