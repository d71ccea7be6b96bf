/// Text given per language (`{kk: "…", ru: "…"}`), or once for every language.
package struct LocalizedText: Sendable {
    package var byLanguage: [String: String] = [:]
    /// Text given as a plain string, used for every language.
    package var shared: String?
    /// Where each text is written in its file, by language (`""` for the shared text), so the link
    /// policy can point at it.
    package var located: [String: Located<String>] = [:]

    package init() {}

    /// The text for a language, if there is one.
    package func text(_ language: String) -> String? { byLanguage[language] ?? shared }
}

/// One entry of the `official:` list: a link with a title and a short description per language.
package struct OfficialLinkEntry: Sendable {
    package var url: Located<String>
    package var title: LocalizedText
    package var description: LocalizedText
    /// Words a block can filter on (`official-links telegram`).
    package var tags: [String]
    package var line: Int
    package var column: Int
}

/// A known fake from the registry (`links.telegram.fake`, `links.fake_domains`), with what readers
/// are told about it.
package struct FakeEntry: Sendable {
    package enum Kind: String, Sendable { case bot, site }
    package var kind: Kind
    package var name: Located<String>
    package var description: LocalizedText
    /// When it was reported (`2020-04-14`).
    package var reported: String?
    /// Byte ranges of the known fakes each language's description names, shown defanged (set
    /// once the policy is compiled).
    package var namedInDescription: [String: [Range<Int>]] = [:]

    /// The description in a language, cut into text and the names to show defanged.
    package func descriptionSegments(_ language: String) -> [(text: String, isName: Bool)]? {
        guard let d = description.text(language) else { return nil }
        let key = description.byLanguage[language] != nil ? language : ""
        return NameSegments.of(d, names: namedInDescription[key] ?? [])
    }
}

/// Who publishes the site, named in ClaimReview markup.
package struct Publisher: Sendable {
    package var name: LocalizedText
    /// Defaults to the site's base URL.
    package var url: String?
    /// Where `url` is written.
    package var urlLocation: Located<String>?
}

extension YAMLReader {
    /// A string, or a mapping of language codes to strings.
    mutating func localized(_ node: Node, what: String) -> LocalizedText {
        var out = LocalizedText()
        if node.scalar != nil {
            let s = string(node, what: what)
            out.shared = s?.value
            out.located[""] = s
        } else if let pairs = mapping(node, what: what) {
            for (lang, _, value) in pairs {
                let s = string(value, what: "\(what).\(lang)")
                out.byLanguage[lang] = s?.value
                out.located[lang] = s
            }
        }
        return out
    }

    /// A registry entry: a name alone, or `{name, description, reported}`.
    mutating func fake(_ node: Node, kind: FakeEntry.Kind, what: String) -> FakeEntry? {
        if node.scalar != nil {
            guard let name = string(node, what: what) else { return nil }
            return FakeEntry(kind: kind, name: name, description: LocalizedText(), reported: nil)
        }
        guard let pairs = mapping(node, what: what) else { return nil }
        var name: Located<String>?
        var entry = FakeEntry(kind: kind, name: Located("", line: 0, column: 0), description: LocalizedText(), reported: nil)
        for (key, keyNode, value) in pairs {
            switch key {
            case "name": name = string(value, what: "\(what).name")
            case "description": entry.description = localized(value, what: "\(what).description")
            case "reported":
                if let d = string(value, what: "\(what).reported") {
                    if Dates.isValid(d.value) { entry.reported = String(d.value.prefix(10)) }
                    else { error("policy.invalid", id: "policy.fake-reported", ["value": d.value], at: value) }
                }
            default:
                error("policy.invalid", id: "config.unknown-key", ["key": key, "where": what, "known": "name, description, reported"], at: keyNode)
            }
        }
        guard let name else {
            error("policy.invalid", id: "policy.fake-no-name", ["what": what], at: node)
            return nil
        }
        entry.name = name
        return entry
    }
}

import SitegenCore
import Yams
