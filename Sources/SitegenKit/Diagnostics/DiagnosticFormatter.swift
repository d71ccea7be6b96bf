import Foundation

/// The ways diagnostics can be written out.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: severity: message [code]`, as compilers print them.
    case text
    /// One JSON array of objects, for tools.
    case json
    /// GitHub Actions workflow commands, so findings show up on the pull request.
    case github
}

/// Turns diagnostics into text for a terminal, a tool or a CI log.
public struct DiagnosticFormatter: Sendable {
    public var format: DiagnosticFormat
    /// Source lines by file, used to print the offending line and a caret under the column.
    public var sourceLines: @Sendable (String, Int) -> String?

    public init(format: DiagnosticFormat, sourceLines: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }) {
        self.format = format
        self.sourceLines = sourceLines
    }

    /// One line in compiler style; the position parts are left out when the finding is about a whole file.
    public static func line(_ d: Diagnostic) -> String {
        var place = d.file
        if d.line > 0 {
            place += ":\(d.line)"
            if d.column > 0 { place += ":\(d.column)" }
        }
        return "\(place): \(d.severity.rawValue): \(d.message) [\(d.code)]"
    }

    /// Renders a whole list in the chosen format.
    public func render(_ diagnostics: [Diagnostic], withSnippets: Bool = false) -> String {
        let sorted = diagnostics.sorted(by: Diagnostic.ordered)
        switch format {
        case .text:
            var out = ""
            for d in sorted {
                out += Self.line(d) + "\n"
                if withSnippets, d.line > 0, let source = sourceLines(d.file, d.line) {
                    out += "    " + source + "\n"
                    if d.column > 0 {
                        // The caret lines up under the scalar the column counts, tabs kept as tabs.
                        let lead = source.unicodeScalars.prefix(d.column - 1).map { $0 == "\t" ? "\t" : " " }
                        out += "    " + lead.joined() + "^\n"
                    }
                }
            }
            return out
        case .json:
            return Self.json(sorted)
        case .github:
            return sorted.map(Self.githubCommand).joined()
        }
    }

    static func json(_ list: [Diagnostic]) -> String {
        var out = "["
        for (i, d) in list.enumerated() {
            out += i == 0 ? "\n  {" : ",\n  {"
            var fields = [
                "\"file\":\(JSONText.quote(d.file))",
                "\"line\":\(d.line)",
                "\"column\":\(d.column)",
                "\"severity\":\(JSONText.quote(d.severity.rawValue))",
                "\"code\":\(JSONText.quote(d.code))",
                "\"message\":\(JSONText.quote(d.message))",
            ]
            if let url = d.url { fields.append("\"url\":\(JSONText.quote(url))") }
            out += fields.joined(separator: ",") + "}"
        }
        return out + (list.isEmpty ? "]\n" : "\n]\n")
    }

    /// `::error file=…,line=…,col=…::message`, with the escaping GitHub's runner expects.
    static func githubCommand(_ d: Diagnostic) -> String {
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        var props = ["file=\(escapeProperty(d.file))"]
        if d.line > 0 { props.append("line=\(d.line)") }
        if d.column > 0 { props.append("col=\(d.column)") }
        props.append("title=\(escapeProperty(d.code))")
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escapeData(d.message))\n"
    }
}
