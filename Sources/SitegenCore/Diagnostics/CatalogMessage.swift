/// A message of `MessageCatalog` with its parameters, written out in whichever language the editor
/// reads: what a command says outside a diagnostic (a refused `sitegen new`, a deploy fault).
package struct CatalogMessage: Sendable, Equatable, CustomStringConvertible {
    package var id: String
    package var arguments: [String: String]

    package init(_ id: String, _ arguments: [String: String] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    package func text(_ language: MessageLanguage) -> String { MessageCatalog.text(id, arguments, in: language) }

    /// The English text.
    package var description: String { text(.en) }
}
