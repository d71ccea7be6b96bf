/// Whether diagnostics are coloured: `--color auto|always|never`.
package enum ColorChoice: String, Sendable, CaseIterable {
    /// Colour only when stderr is a terminal, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
    case auto
    case always
    case never

    /// Whether to write colour escape codes. `always` and `never` are the user's last word; `auto`
    /// never colours a pipe or a file, so a log or an editor's parser never sees an escape code.
    package func enabled(environment: [String: String], isTerminal: Bool) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            // https://no-color.org: any non-empty value turns colour off.
            if let value = environment["NO_COLOR"], !value.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isTerminal
        }
    }
}

/// The escape codes of the few colours sitegen uses (SGR), and nothing when colour is off.
package struct TerminalColors: Sendable {
    package var enabled: Bool

    package init(enabled: Bool) { self.enabled = enabled }

    package func bold(_ s: String) -> String { wrap(s, "1") }
    package func red(_ s: String) -> String { wrap(s, "1;31") }
    package func yellow(_ s: String) -> String { wrap(s, "1;33") }
    func green(_ s: String) -> String { wrap(s, "1;32") }
    func dim(_ s: String) -> String { wrap(s, "2") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
