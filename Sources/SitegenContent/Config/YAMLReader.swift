import SitegenCore
import Yams

/// Reads a YAML document into typed values, reporting every problem as a diagnostic at the line and
/// column of the offending node, in the numbering of the file the YAML sits in.
struct YAMLReader {
    let file: String
    /// Lines before the YAML text in its file (front matter starts after the opening `---`).
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, lineOffset: Int = 0) {
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Parses `yaml`; on a syntax error records it and returns nil.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            // Values are read as strings and checked here, so tags need no resolving; the encoding
            // is given because finding the default reads the process environment every time.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            if let plain = YAMLMistakes.explain(error, in: yaml) {
                diagnostics.append(Diagnostic(.error, "yaml.syntax", id: plain.id, plain.arguments, file: file,
                                              line: plain.line + lineOffset, column: plain.column))
                return nil
            }
            let (line, column, id, arguments) = Self.describe(error)
            diagnostics.append(.error("yaml.syntax", id: id, arguments, file: file, line: line + lineOffset, column: column))
        } catch {
            diagnostics.append(.error("yaml.syntax", id: "yaml.syntax.detail", ["detail": "\(error)"], file: file,
                                      line: 1 + lineOffset, column: 1))
        }
        return nil
    }

    /// Where a syntax error is and its message: the parser's complaint in plain words
    /// (`ParserMessages`), or, for one not listed there, its own English words as the detail.
    static func describe(_ error: YamlError) -> (Int, Int, String, [String: String]) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            if let id = ParserMessages.yamlProblem(detail) {
                return (mark.line, mark.column, "yaml.syntax.problem", MessageCatalog.detail(id, [:]))
            }
            return (mark.line, mark.column, "yaml.syntax.detail", ["detail": detail])
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "yaml.syntax.duplicate",
                    ["key": duplicates.joined(separator: ", ")])
        case let .reader(problem, _, _, _):
            if let id = ParserMessages.yamlProblem(problem) {
                return (1, 1, "yaml.syntax.problem", MessageCatalog.detail(id, [:]))
            }
            return (1, 1, "yaml.syntax.detail", ["detail": problem])
        default:
            return (1, 1, "yaml.syntax.detail", ["detail": "\(error)"])
        }
    }

    func position(_ node: Node) -> (line: Int, column: Int) {
        guard let mark = node.mark else { return (1 + lineOffset, 1) }
        return (mark.line + lineOffset, mark.column)
    }

    /// An error whose message is `MessageCatalog` entry `id`.
    mutating func error(_ code: String, id: String, _ arguments: [String: String] = [:], at node: Node) {
        let p = position(node)
        diagnostics.append(Diagnostic(.error, code, id: id, arguments, file: file, line: p.line, column: p.column))
    }

    mutating func warning(_ code: String, id: String, _ arguments: [String: String] = [:], at node: Node) {
        let p = position(node)
        diagnostics.append(Diagnostic(.warning, code, id: id, arguments, file: file, line: p.line, column: p.column))
    }


    /// The key/value pairs of a mapping, keys as strings, in document order.
    mutating func mapping(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let map = node.mapping else {
            error("yaml.type", id: "yaml.type.mapping", ["what": what], at: node)
            return nil
        }
        var out: [(String, Node, Node)] = []
        for (k, v) in map {
            guard let key = k.scalar?.string else {
                error("yaml.type", id: "yaml.type.key", ["what": what], at: k)
                continue
            }
            out.append((key, k, v))
        }
        return out
    }

    /// A scalar as a string; a mapping or list is an error.
    mutating func string(_ node: Node, what: String) -> Located<String>? {
        guard let s = node.scalar?.string else {
            error("yaml.type", id: "yaml.type.string", ["what": what], at: node)
            return nil
        }
        let p = position(node)
        return Located(s, line: p.line, column: p.column)
    }

    /// A list of strings (a single string is accepted as a list of one).
    mutating func strings(_ node: Node, what: String) -> [Located<String>]? {
        if node.scalar != nil { return string(node, what: what).map { [$0] } }
        guard let seq = node.sequence else {
            error("yaml.type", id: "yaml.type.list", ["what": what], at: node)
            return nil
        }
        return seq.compactMap { string($0, what: "an entry of \(what)") }
    }

    mutating func bool(_ node: Node, what: String) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else {
            error("yaml.type", id: "yaml.type.bool", ["what": what, "value": node.scalar?.string ?? ""], at: node)
            return nil
        }
        switch scalar.string {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            error("yaml.type", id: "yaml.type.bool-value", ["what": what, "value": scalar.string], at: node)
            return nil
        }
    }

    mutating func int(_ node: Node, what: String) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain, let n = Int(scalar.string) else {
            error("yaml.type", id: "yaml.type.int", ["what": what], at: node)
            return nil
        }
        return n
    }
}
