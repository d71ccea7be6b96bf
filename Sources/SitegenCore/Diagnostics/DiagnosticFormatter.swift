import Foundation

/// The ways diagnostics can be written out.
package enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [code]`, as compilers print them.
    case text
    /// One JSON array of objects, for tools.
    case json
    /// GitHub Actions workflow commands, so findings show up on the pull request.
    case github
}

/// Turns diagnostics into text for a terminal, a tool or a CI log.
package struct DiagnosticFormatter: Sendable {
    package var format: DiagnosticFormat
    /// Source lines by file, used to print the offending line and a caret under the column.
    package var sourceLines: @Sendable (String, Int) -> String?
    /// The language messages are written in; codes, severities and positions never change with it.
    package var language: MessageLanguage
    /// Whether each finding ends with the command that explains its code (on a terminal).
    package var explainHint: Bool
    /// Colour escape codes in the text format (on a terminal, or `--color always`).
    package var colors: TerminalColors

    package init(format: DiagnosticFormat, language: MessageLanguage = .en, explainHint: Bool = false, color: Bool = false,
                sourceLines: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        self.format = format
        self.language = language
        self.explainHint = explainHint
        self.colors = TerminalColors(enabled: color)
        self.sourceLines = sourceLines
    }

    /// One line in compiler style; the position parts are left out when the finding is about a whole file.
    /// `severity` and `[code]` stay in English in every language, so the line parses the same way.
    package static func line(_ d: Diagnostic) -> String { line(d, language: .en, explainHint: false) }

    package static func line(_ d: Diagnostic, language: MessageLanguage, explainHint: Bool = false,
                            colors: TerminalColors = TerminalColors(enabled: false), printable: Bool = false) -> String {
        var place = printable ? SourceLineDisplay.printable(d.file) : d.file
        if d.line > 0 {
            place += ":\(d.line)"
            if d.column > 0 { place += ":\(d.column)" }
        }
        let hint = explainHint ? " (sitegen explain \(d.code))" : ""
        let severity = d.severity == .error ? colors.red(d.severity.rawValue + ":") : colors.yellow(d.severity.rawValue + ":")
        // A message quotes what the editor typed: on a terminal it is shown, never acted on.
        let message = printable ? SourceLineDisplay.printable(d.message(in: language)) : d.message(in: language)
        return "\(colors.bold(place + ":")) \(severity) \(message) [\(d.code)]" + hint
    }

    /// Renders a whole list in the chosen format.
    package func render(_ diagnostics: [Diagnostic], withSnippets: Bool = false) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.ordered)
        switch format {
        case .text:
            var out = ""
            // The scalars of the last line shown: diagnostics come sorted, so those of one line follow each other.
            var shown: (file: String, line: Int, scalars: [Unicode.Scalar])?
            for d in sorted {
                out += Self.line(d, language: language, explainHint: explainHint, colors: colors, printable: true) + "\n"
                guard withSnippets, d.line > 0 else { continue }
                if shown?.file != d.file || shown?.line != d.line {
                    shown = sourceLines(d.file, d.line).map { (d.file, d.line, Array($0.unicodeScalars)) }
                }
                if let line = shown?.scalars {
                    let (source, column) = SourceLineDisplay.window(line, column: max(1, d.column))
                    out += "    " + SourceLineDisplay.printable(source) + "\n"
                    if d.column > 0 {
                        // The caret lines up under the scalar the column counts, in terminal cells, tabs kept as tabs.
                        out += "    " + SourceLineDisplay.caretLead(source, column: column) + colors.green("^") + "\n"
                    }
                }
            }
            return out
        case .json:
            return Self.json(sorted, language: language)
        case .github:
            return sorted.map { Self.githubCommand($0, language: language) }.joined()
        }
    }

    static func json(_ list: [Diagnostic], language: MessageLanguage = .en) -> String {
        var out = "["
        for (i, d) in list.enumerated() {
            out += i == 0 ? "\n  {" : ",\n  {"
            var fields = [
                "\"file\":\(JSONText.quote(d.file))",
                "\"line\":\(d.line)",
                "\"column\":\(d.column)",
                "\"severity\":\(JSONText.quote(d.severity.rawValue))",
                "\"code\":\(JSONText.quote(d.code))",
                "\"message\":\(JSONText.quote(d.message(in: language)))",
            ]
            if let url = d.url { fields.append("\"url\":\(JSONText.quote(url))") }
            out += fields.joined(separator: ",") + "}"
        }
        return out + (list.isEmpty ? "]\n" : "\n]\n")
    }

    /// `::error file=…,line=…,col=…::message`, with the escaping GitHub's runner expects, and each
    /// other control or invisible character made U+FFFD, as on a terminal: a CI log is one too, and a
    /// file name with an escape in it must not colour or rewrite it.
    static func githubCommand(_ d: Diagnostic, language: MessageLanguage = .en) -> String {
        func escapeData(_ s: String) -> String {
            let marked = s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            return SourceLineDisplay.printable(marked)
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var props = ["file=\(escapeProperty(d.file))"]
        if d.line > 0 { props.append("line=\(d.line)") }
        if d.column > 0 { props.append("col=\(d.column)") }
        props.append("title=\(escapeProperty(d.code))")
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escapeData(d.message(in: language)))\n"
    }
}
