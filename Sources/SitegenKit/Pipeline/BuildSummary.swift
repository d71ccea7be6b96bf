import Foundation
import SitegenCore

/// The closing lines of a build or check, in the editors' language: one per language of the site
/// (`kk: 5 pages, 5 bulletins, 0 errors, 1 warning`), one for the findings in no language's content
/// (sitegen.yml, templates, static files) when there are any, then the total and the time
/// (`built 9 pages (kk 5, ru 4) in 0.12 s, 1 warning`, `failed: 2 errors, 0 warnings`).
package enum BuildSummary {
    package enum Verb: Sendable { case built, checked }

    /// Every closing line, the total last.
    package static func lines(_ report: BuildReport, verb: Verb, language: MessageLanguage) -> [String] {
        var out: [String] = []
        var counted = 0
        for (code, pages) in report.pagesPerLanguage {
            let prefix = "content/\(code)/"
            let own = report.diagnostics.filter { $0.file.hasPrefix(prefix) }
            counted += own.count
            var parts = [count(pages, .page, language)]
            if let bulletins = report.bulletinsPerLanguage { parts.append(count(bulletins[code] ?? 0, .bulletin, language)) }
            parts += [count(own.errorCount, .error, language), count(own.warningCount, .warning, language)]
            out.append("\(code): " + parts.joined(separator: ", "))
        }
        if !out.isEmpty, counted < report.diagnostics.count {
            let codes = Set(report.pagesPerLanguage.map { "content/\($0.language)/" })
            let rest = report.diagnostics.filter { d in !codes.contains { d.file.hasPrefix($0) } }
            let other = ["en": "other files", "kk": "басқа файлдар", "ru": "прочие файлы"][language.rawValue]!
            out.append("\(other): \(count(rest.errorCount, .error, language)), \(count(rest.warningCount, .warning, language))")
        }
        return out + [line(report, verb: verb, language: language)]
    }

    package static func line(_ report: BuildReport, verb: Verb, language: MessageLanguage) -> String {
        let errors = report.diagnostics.errorCount, warnings = report.diagnostics.warningCount
        if errors > 0 {
            let failed = ["en": "failed", "kk": "сәтсіз аяқталды", "ru": "завершено с ошибками"][language.rawValue]!
            return "\(failed): \(count(errors, .error, language)), \(count(warnings, .warning, language))" + taken(report, language)
        }
        let perLanguage = report.pagesPerLanguage.map { "\($0.language) \($0.count)" }.joined(separator: ", ")
        let time = String(format: "%.2f", report.seconds)
        var line: String
        switch (language, verb) {
        case (.en, _): line = "\(verb == .built ? "built" : "checked") \(count(report.pageCount, .page, .en)) (\(perLanguage)) in \(time) s"
        case (.kk, _): line = "\(count(report.pageCount, .page, .kk)) (\(perLanguage)) \(verb == .built ? "құрастырылды" : "тексерілді"), \(time) с"
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
        line += taken(report, language)
        if warnings > 0 { line += ", " + count(warnings, .warning, language) }
        return line
    }

    /// How many pages a check took as the last build found them, when any: said, so that an editor who
    /// doubts it knows `check --force` checks every page again.
    private static func taken(_ report: BuildReport, _ language: MessageLanguage) -> String {
        let n = report.checkedBefore
        guard n > 0 else { return "" }
        switch language {
        case .en: return " (\(n) unchanged since the last build)"
        case .kk: return " (\(n) бет соңғы құрастырудан бері өзгермеген)"
        case .ru: return " (\(n) без изменений с прошлой сборки)"
        }
    }

    package enum Noun: CaseIterable, Sendable { case error, warning, page, bulletin }

    /// `2 errors`, `2 қате`, `2 ошибки`: Kazakh nouns stay singular after a number; Russian ones
    /// take one of three forms.
    package static func count(_ n: Int, _ noun: Noun, _ language: MessageLanguage) -> String {
        switch language {
        case .en:
            let word = ["error", "warning", "page", "bulletin"][Noun.allCases.firstIndex(of: noun)!]
            return "\(n) \(word)\(n == 1 ? "" : "s")"
        case .kk:
            return "\(n) " + ["қате", "ескерту", "бет", "бюллетень"][Noun.allCases.firstIndex(of: noun)!]
        case .ru:
            let forms: [String]
            switch noun {
            case .error: forms = ["ошибка", "ошибки", "ошибок"]
            case .warning: forms = ["предупреждение", "предупреждения", "предупреждений"]
            case .page: forms = ["страница", "страницы", "страниц"]
            case .bulletin: forms = ["бюллетень", "бюллетеня", "бюллетеней"]
            }
            let tens = n % 100, ones = n % 10
            let form = (11...14).contains(tens) ? 2 : ones == 1 ? 0 : (2...4).contains(ones) ? 1 : 2
            return "\(n) \(forms[form])"
        }
    }
}
