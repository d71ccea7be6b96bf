/// The language diagnostics are written in. Codes never change with it; only the words do.
package enum MessageLanguage: String, Sendable, CaseIterable, Codable {
    case kk, ru, en

    /// The language asked for, in order of precedence: the `--lang` option, `lang:` in `sitegen.yml`,
    /// then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, as POSIX orders them). English when none of
    /// them names Kazakh or Russian (`C`, `POSIX`, `en_US.UTF-8`, unset).
    package static func choose(option: String?, config: String?, environment: [String: String]) -> MessageLanguage {
        if let option, let l = parse(option) { return l }
        if let config, let l = parse(config) { return l }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return parse(value) ?? .en }
        }
        return .en
    }

    /// `kk`, `kk_KZ.UTF-8`, `ru-RU`, `en_GB`: the language part of a locale name, if it is one of ours.
    package static func parse(_ value: String) -> MessageLanguage? {
        let code = value.lowercased().prefix { $0.isLetter }
        return MessageLanguage(rawValue: String(code))
    }
}
