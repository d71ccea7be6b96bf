/// Every diagnostic message sitegen can write in more than one language, keyed by message id (a
/// code, or a code with a suffix when the code has several messages). A template names its
/// parameters in braces: `{name}`. Policy stays data: the templates hold no domain or handle, only
/// what the diagnostic passes in.
public enum MessageCatalog {
    /// One message in each language.
    public struct Entry: Sendable {
        public var en: String
        public var kk: String
        public var ru: String

        public func text(_ language: MessageLanguage) -> String {
            switch language {
            case .en: return en
            case .kk: return kk
            case .ru: return ru
            }
        }
    }

    /// The message `id` in `language` with its parameters filled in; an unknown id gives the id
    /// itself, which a test forbids.
    public static func text(_ id: String, _ arguments: [String: String], in language: MessageLanguage) -> String {
        guard let entry = entries[id] else { return id }
        return fill(entry.text(language), arguments)
    }

    /// Replaces each `{name}` with its argument; a brace without an argument stays as written.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        if arguments.isEmpty { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = arguments[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// All entries, by id.
    public static let entries: [String: Entry] = {
        var all: [String: Entry] = [:]
        for table in [ContentMessages.entries, PolicyMessages.entries, SiteMessages.entries] {
            all.merge(table) { first, _ in first }
        }
        return all
    }()
}
