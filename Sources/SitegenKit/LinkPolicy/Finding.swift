/// One thing the link policy objects to, before it is placed in a file.
struct Finding: Sendable, Equatable {
    var code: String
    var message: String
    var url: String?
    /// The `MessageCatalog` entry the message was made from, and its parameters; nil for a message
    /// that exists only in English.
    var messageID: String?
    var arguments: [String: String] = [:]
    /// The character the editor must fix (a Cyrillic `к` in a Latin name), when it is not the first
    /// of what was written: the diagnostic points at it.
    var culprit: Unicode.Scalar?

    init(code: String, message: String, url: String?) {
        self.code = code
        self.message = message
        self.url = url
    }

    /// A finding whose message is catalogue entry `id`.
    init(code: String, id: String, _ arguments: [String: String], url: String?, culprit: Unicode.Scalar? = nil) {
        self.init(code: code, message: MessageCatalog.text(id, arguments, in: .en), url: url)
        messageID = id
        self.arguments = arguments
        self.culprit = culprit
    }

    /// The same objection under another code (a link's finding reported for text).
    func recoded(_ newCode: String) -> Finding {
        var copy = self
        copy.code = newCode
        return copy
    }

    /// The same objection with another message entry.
    func reworded(_ id: String, _ extra: [String: String] = [:]) -> Finding {
        var copy = self
        copy.arguments.merge(extra) { _, new in new }
        copy.messageID = id
        copy.message = MessageCatalog.text(id, copy.arguments, in: .en)
        return copy
    }

    /// The finding placed in a file.
    func diagnostic(file: String, line: Int, column: Int) -> Diagnostic {
        var d = Diagnostic(file: file, line: line, column: column, severity: .error, code: code, message: message, url: url)
        d.messageID = messageID
        d.arguments = arguments
        return d
    }
}
