import SitegenCore

/// One thing the link policy objects to, before it is placed in a file.
package struct Finding: Sendable, Equatable {
    package var code: String
    var message: String
    var url: String?
    /// The `MessageCatalog` entry the message was made from, and its parameters.
    package var messageID: String
    package var arguments: [String: String] = [:]
    /// The character the editor must fix (a Cyrillic `к` in a Latin name), when it is not the first
    /// of what was written: the diagnostic points at it.
    var culprit: Unicode.Scalar?

    /// A finding whose message is catalogue entry `id`: there is no other kind, so every objection
    /// can be written in the editor's language.
    package init(code: String, id: String, _ arguments: [String: String], url: String?, culprit: Unicode.Scalar? = nil) {
        self.code = code
        self.message = MessageCatalog.text(id, arguments, in: .en)
        self.url = url
        messageID = id
        self.arguments = arguments
        self.culprit = culprit
    }

    /// What the objection says, whatever code it is reported under: two readings of one text that find
    /// the same address say it once.
    package var saying: String { messageID + " \(arguments.sorted { $0.key < $1.key })" }

    /// The same objection under another code (a link's finding reported for text).
    func recoded(_ newCode: String) -> Finding {
        var copy = self
        copy.code = newCode
        return copy
    }

    /// The finding with its whole message put inside message `id`, which says why the text was read so
    /// (`text.across-formatting`, `text.whatsapp-markers`).
    func said(as id: String) -> Finding {
        Finding(code: code, id: id, MessageCatalog.detail(messageID, arguments), url: url, culprit: culprit)
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
    package func diagnostic(file: String, line: Int, column: Int) -> Diagnostic {
        Diagnostic(.error, code, id: messageID, arguments, file: file, line: line, column: column, url: url)
    }
}
