/// A message of `MessageCatalog` with its parameters, written out in whichever language the editor
/// reads: what a command says outside a diagnostic (a refused `sitegen new`, a deploy fault).
public struct CatalogMessage: Sendable, Equatable, CustomStringConvertible {
    public var id: String
    public var arguments: [String: String]

    public init(_ id: String, _ arguments: [String: String] = [:]) {
        self.id = id
        self.arguments = arguments
    }

    public func text(_ language: MessageLanguage) -> String { MessageCatalog.text(id, arguments, in: language) }

    /// The English text.
    public var description: String { text(.en) }
}
