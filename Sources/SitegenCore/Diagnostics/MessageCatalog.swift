/// Every diagnostic message sitegen can write in more than one language, keyed by message id (a
/// code, or a code with a suffix when the code has several messages). A template names its
/// parameters in braces: `{name}`. Policy stays data: the templates hold no domain or handle, only
/// what the diagnostic passes in.
package enum MessageCatalog {
    /// One message in each language.
    package struct Entry: Sendable {
        package var en: String
        package var kk: String
        package var ru: String

        package func text(_ language: MessageLanguage) -> String {
            switch language {
            case .en: return en
            case .kk: return kk
            case .ru: return ru
            }
        }
    }

    /// The message `id` in `language` with its parameters filled in; an unknown id gives the id
    /// itself, which a test forbids.
    package static func text(_ id: String, _ arguments: [String: String], in language: MessageLanguage) -> String {
        guard let entry = entries[id] else { return id }
        return fill(entry.text(language), nested(arguments, in: language))
    }

    /// A message may hold others: an argument `name.id` names the entry that becomes the `{name}`
    /// parameter, in the same language, filled with the `name.`-prefixed arguments (which may nest
    /// further). An empty `name.id` makes `{name}` empty.
    static func nested(_ arguments: [String: String], in language: MessageLanguage) -> [String: String] {
        let inner = arguments.keys.filter { $0.hasSuffix(".id") && $0.dropLast(3).firstIndex(of: ".") == nil }
        guard !inner.isEmpty else { return arguments }
        var own = arguments.filter { !$0.key.contains(".") }
        for key in inner {
            let name = String(key.dropLast(3))
            let prefix = name + "."
            var innerArguments: [String: String] = [:]
            for (k, v) in arguments where k.hasPrefix(prefix) && k != key { innerArguments[String(k.dropFirst(prefix.count))] = v }
            let id = arguments[key] ?? ""
            own[name] = id.isEmpty ? "" : text(id, innerArguments, in: language)
        }
        return own
    }

    /// The arguments that put message `id` with `arguments` into another message's `{name}`.
    package static func nest(_ name: String, _ id: String, _ arguments: [String: String] = [:]) -> [String: String] {
        var out = [name + ".id": id]
        for (key, value) in arguments { out[name + "." + key] = value }
        return out
    }

    /// The arguments that put message `id` with `arguments` into another message's `{detail}`.
    package static func detail(_ id: String, _ arguments: [String: String]) -> [String: String] {
        nest("detail", id, arguments)
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
    package static let entries: [String: Entry] = {
        var all: [String: Entry] = [:]
        for table in [ContentMessages.entries, PolicyMessages.entries, SiteMessages.entries, ConfigMessages.entries,
                      BuildMessages.entries, LinkFormMessages.entries, CommandMessages.entries, ParserMessages.entries] {
            all.merge(table) { first, _ in first }
        }
        return all
    }()
}
