import Foundation
import SitegenContent
import SitegenCore
import SitegenKit

/// `/_sitegen/diagnostics.json`: what the overlay lists, in the editors' language, each finding with
/// the line of source it points at, and the version of the served files (`content`), which a tab
/// compares with its own when its event stream opens.
enum DiagnosticsJSON {
    static func render(_ diagnostics: [Diagnostic], version: Int, content: Int, language: MessageLanguage, source: String) -> String {
        var lines: [String: SourceText] = [:]
        // Only files inside the source are shown: a diagnostic about a link to /etc/passwd must not
        // put its first line on every open tab.
        for file in Set(diagnostics.map(\.file)) where SourceWalk.isInsideSource(file, sourceDirectory: source) {
            if let bytes = FileReader.read(source + "/" + file), case .success(let text) = SourceText.decode(bytes) {
                lines[file] = text
            }
        }
        let q = JSONText.quote
        let words = Self.words[language.rawValue] ?? Self.words["en"]!
        var out = "{\"version\":\(version),\"content\":\(content),\"language\":\(q(language.rawValue)),\"title\":\(q(words[0])),\"close\":\(q(words[1])),\"warningsTitle\":\(q(words[4])),"
        out += "\"diagnostics\":["
        out += diagnostics.map { d in
            let line = d.line > 0 ? lines[d.file]?.line(d.line) : nil
            return "{\"file\":\(q(d.file)),\"line\":\(d.line),\"column\":\(d.column),"
                + "\"severity\":\(q(d.severity.rawValue)),\"severityText\":\(q(d.severity == .error ? words[2] : words[3])),"
                + "\"code\":\(q(d.code)),\"message\":\(q(d.message(in: language))),"
                + "\"source\":\(line.map(q) ?? "null")}"
        }.joined(separator: ",")
        return out + "]}\n"
    }

    /// Title, close, error, warning, and the folded line of warnings alone.
    static let words: [String: [String]] = [
        "en": ["The build found errors", "Close", "error", "warning", "Warnings"],
        "kk": ["Құрастыру қателер тапты", "Жабу", "қате", "ескерту", "Ескертулер"],
        "ru": ["Сборка нашла ошибки", "Закрыть", "ошибка", "предупреждение", "Предупреждения"],
    ]
}
