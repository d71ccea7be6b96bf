/// How serious a diagnostic is: an error fails the build, a warning does not.
package enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    package static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// One finding about the input, pointing at what the editor typed.
///
/// `line` and `column` count from 1; `column` counts Unicode scalars (characters as an editor shows
/// them for Kazakh and Russian text), so a position is right in files with Cyrillic letters, a BOM or
/// CRLF line endings. A position of 0 means the finding is about the whole file.
package struct Diagnostic: Sendable, Hashable, Codable {
    /// Path relative to the source folder, with `/` separators.
    package var file: String
    package var line: Int
    package var column: Int
    package var severity: Severity
    /// A stable machine-readable code such as `link.lookalike`, documented in the README: one of
    /// `DiagnosticCode`.
    package var code: String
    /// `code` as the enumeration.
    package var kind: DiagnosticCode? { DiagnosticCode(rawValue: code) }
    package var message: String
    /// The link involved, when there is one.
    package var url: String?
    /// The entry of `MessageCatalog` the message was made from, and its parameters, so it can be
    /// written in the reader's language; nil for a message that exists only in English.
    package var messageID: String?
    package var arguments: [String: String] = [:]

    package init(
        file: String, line: Int, column: Int, severity: Severity, code: String, message: String,
        url: String? = nil
    ) {
        assert(DiagnosticCode(rawValue: code) != nil, "\(code) is not a DiagnosticCode: add it there, to sitegen explain and to the README")
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = message
        self.url = url
    }

    /// A diagnostic whose message comes from `MessageCatalog` entry `id`, filled with `arguments`;
    /// `message` holds its English text.
    package init(
        _ severity: Severity, _ code: String, id: String, _ arguments: [String: String] = [:],
        file: String, line: Int = 0, column: Int = 0, url: String? = nil
    ) {
        self.init(file: file, line: line, column: column, severity: severity, code: code,
                  message: MessageCatalog.text(id, arguments, in: .en), url: url)
        messageID = id
        self.arguments = arguments
    }

    /// The message in `language`: from the catalogue when it was made from it. A message that
    /// exists only in English is led, in Kazakh or Russian, by the first sentence of its code's
    /// explanation, so the editor reads what is wrong in their language and the details after it.
    package func message(in language: MessageLanguage) -> String {
        if let id = messageID { return MessageCatalog.text(id, arguments, in: language) }
        guard language != .en, let meaning = Explanation.all[code]?.meaning.text(language) else { return message }
        let first = meaning.range(of: ". ").map { String(meaning[..<$0.lowerBound]) } ?? String(meaning.dropLast(meaning.hasSuffix(".") ? 1 : 0))
        return first + " — " + message
    }

    /// An error whose message is `MessageCatalog` entry `id`. There is no constructor taking an
    /// English sentence: every message sitegen writes exists in each editor's language.
    package static func error(
        _ code: String, id: String, _ arguments: [String: String] = [:], file: String, line: Int = 0, column: Int = 0,
        url: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, id: id, arguments, file: file, line: line, column: column, url: url)
    }

    /// A warning whose message is `MessageCatalog` entry `id`.
    package static func warning(
        _ code: String, id: String, _ arguments: [String: String] = [:], file: String, line: Int = 0, column: Int = 0,
        url: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, id: id, arguments, file: file, line: line, column: column, url: url)
    }
}

extension Diagnostic {
    /// Sorting by file, then position, then code keeps output stable whatever order threads finished in.
    package static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics fails the build.
    package var hasErrors: Bool { contains { $0.severity == .error } }
    package var errorCount: Int { filter { $0.severity == .error }.count }
    package var warningCount: Int { filter { $0.severity == .warning }.count }
}

extension Diagnostic: Error {}
