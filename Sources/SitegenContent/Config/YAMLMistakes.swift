import SitegenCore
import Yams

/// The YAML mistakes editors make in front matter, said in plain words with the line to write,
/// at the line where the mistake is (the parser often notices it a line later).
enum YAMLMistakes {
    struct Explained {
        var id: String
        var arguments: [String: String]
        var line: Int
        var column: Int
    }

    static func explain(_ error: YamlError, in yaml: String) -> Explained? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func text(_ line: Int) -> String? { line >= 1 && line <= lines.count ? lines[line - 1] : nil }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            // `title: Өтінім: қалай беру`: the second ": " starts a mapping inside the value.
            if problem.hasPrefix("mapping values are not allowed"), let line = text(mark.line),
               let (key, value) = keyAndValue(line), !value.hasPrefix("\""), !value.hasPrefix("'") {
                return Explained(id: "yaml.syntax.colon",
                                 arguments: ["key": key, "fixed": "\(key): \"\(escaped(value))\""],
                                 line: mark.line, column: mark.column)
            }
            // `date 2020-04-14`: a key without its colon, seen only on the next line.
            if problem.hasPrefix("could not find expected ':'"), let context, let line = text(context.mark.line) {
                let trimmed = line.drop { $0 == " " }
                let indent = String(line.prefix(line.count - trimmed.count))
                let fixed = trimmed.firstIndex(of: " ").map { indent + trimmed[..<$0] + ": " + trimmed[trimmed.index(after: $0)...] }
                    ?? indent + trimmed + ":"
                return Explained(id: "yaml.syntax.no-colon", arguments: ["line": line.trimmingCharacters(in: .whitespaces), "fixed": fixed],
                                 line: context.mark.line, column: context.mark.column)
            }
            // `title: "Өтінім` with no closing quote: YAML reads on into the next lines and fails later,
            // so the line to fix is the first one with an odd number of double quotes.
            for n in 1...max(1, min(mark.line, lines.count)) {
                guard let line = text(n) else { break }
                var quotes: [Int] = []
                var escaped = false
                for (i, c) in line.unicodeScalars.enumerated() {
                    if c == "\\" { escaped.toggle(); continue }
                    if c == "\"" && !escaped { quotes.append(i + 1) }
                    escaped = false
                }
                if quotes.count % 2 == 1, let open = quotes.last {
                    return Explained(id: "yaml.syntax.quote", arguments: [:], line: n, column: open)
                }
            }
            // `title: "Өтінім" беру`: text after the closing quote, which YAML cannot place.
            for n in 1...max(1, min(mark.line, lines.count)) {
                guard let line = text(n), let column = textAfterQuote(line) else { continue }
                return Explained(id: "yaml.syntax.problem", arguments: MessageCatalog.detail("yaml.problem.after-quote", [:]),
                                 line: n, column: column)
            }
            // A tab where YAML wants spaces.
            if problem.contains("cannot start any token"), let line = text(mark.line),
               line.unicodeScalars.dropFirst(max(0, mark.column - 1)).first == "\t" {
                return Explained(id: "yaml.syntax.tab", arguments: [:], line: mark.line, column: mark.column)
            }
            return nil
        default:
            return nil
        }
    }

    /// The column (in scalars) of the text that follows a quoted value on `key: "value" text`, if any.
    static func textAfterQuote(_ line: String) -> Int? {
        guard let (_, value) = keyAndValue(line), let quote = value.unicodeScalars.first, quote == "\"" || quote == "'" else { return nil }
        let scalars = Array(value.unicodeScalars)
        var i = 1
        while i < scalars.count {
            if quote == "\"" && scalars[i] == "\\" { i += 2; continue }
            if scalars[i] == quote {
                // '' inside single quotes is a quote.
                if quote == "'" && i + 1 < scalars.count && scalars[i + 1] == "'" { i += 2; continue }
                break
            }
            i += 1
        }
        guard i < scalars.count else { return nil }
        let rest = scalars[(i + 1)...]
        guard let first = rest.firstIndex(where: { $0 != " " && $0 != "\t" }), rest[first] != "#" else { return nil }
        // Where the value starts in the line, plus the offset of the stray text inside it.
        let lineScalars = Array(line.unicodeScalars)
        let valueStart = (lineScalars.firstIndex(of: ":") ?? 0) + 1 + lineScalars[((lineScalars.firstIndex(of: ":") ?? 0) + 1)...].prefix { $0 == " " }.count
        return valueStart + first + 1
    }

    /// `key: value` of a line whose key is a plain word.
    static func keyAndValue(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (key, value)
    }

    static func escaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
