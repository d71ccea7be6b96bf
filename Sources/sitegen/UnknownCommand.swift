import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore
import SitegenKit

/// A first word that names no command (`sitegen serv`): answered with the nearest command and the
/// list of them, instead of the usage line of `build`, the command run when none is named.
enum UnknownCommand {
    /// Every command name and alias, from the root command's configuration, so a command added
    /// there is suggested too.
    static var names: [String] {
        Sitegen.configuration.subcommands.flatMap { [$0._commandName] + $0.configuration.aliases }
    }

    /// The answer to `arguments` (without the program's name) when their first word is not a
    /// command; nil when it is one, or an option (`--source`, `--version`), or `help`.
    static func reply(_ arguments: [String], environment: [String: String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"), word != "help", !names.contains(word) else { return nil }
        let language = MessageLanguage.choose(option: nil, config: configLanguage(arguments), environment: environment)
        let list = names.joined(separator: ", ")
        var text: String
        if let near = nearest(word) {
            text = MessageCatalog.text("cli.unknown-command.near", ["word": word, "near": near, "list": list], in: language)
        } else {
            text = MessageCatalog.text("cli.unknown-command", ["word": word, "list": list], in: language)
        }
        text += "\n"
        return text
    }

    /// The command a slip of the keyboard most likely meant: the edit-distance rule of every
    /// "did you mean", or a command the word begins (`dep` for `deploy`).
    static func nearest(_ word: String) -> String? {
        let lower = word.lowercased()
        if names.contains(lower) { return lower }
        if let near = EditDistance.nearest(to: lower, in: names) { return near }
        // Two neighbouring letters swapped (`buidl`).
        if let swapped = names.first(where: { isSwap(lower, $0) }) { return swapped }
        let starting = names.filter { $0.hasPrefix(lower) }
        if lower.count >= 2, starting.count == 1 { return starting[0] }
        // Short words: one edit away from exactly one command.
        let close = names.filter { EditDistance.distance(lower, $0) == 1 }
        return close.count == 1 ? close[0] : nil
    }

    /// Whether `a` is `b` with two neighbouring letters swapped.
    static func isSwap(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        guard x.count == y.count, x != y else { return false }
        let differ = x.indices.filter { x[$0] != y[$0] }
        return differ.count == 2 && differ[1] == differ[0] + 1 && x[differ[0]] == y[differ[1]] && x[differ[1]] == y[differ[0]]
    }

    /// `lang:` of the sitegen.yml in `--source` (or the current folder), if it reads.
    static func configLanguage(_ arguments: [String]) -> String? {
        var source = "."
        for (i, a) in arguments.enumerated() {
            if a == "--source", i + 1 < arguments.count { source = arguments[i + 1] }
            if a.hasPrefix("--source=") { source = String(a.dropFirst("--source=".count)) }
        }
        guard FileManager.default.fileExists(atPath: source + "/sitegen.yml") else { return nil }
        return ConfigLoader.load(sourceDirectory: source).0?.messageLanguage?.rawValue
    }
}
