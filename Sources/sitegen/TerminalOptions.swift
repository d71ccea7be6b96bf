import ArgumentParser
import Foundation
import SitegenCore
import SitegenKit

/// `--color` and `--quiet`, on every command that prints diagnostics.
struct TerminalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Colour the diagnostics: auto (only on a terminal, and not when NO_COLOR is set), always or never.", valueName: "when"))
    var color: ColorChoice = .auto

    @Flag(name: .long, help: "Print only errors: no warnings, progress line or summary.")
    var quiet = false

    /// What these options decide for this run.
    var settings: TerminalSettings { TerminalSettings(color: color, quiet: quiet) }
}

extension ColorChoice: ExpressibleByArgument {}

/// How a command writes to the terminal: colour or not, everything or only errors.
struct TerminalSettings {
    /// Whether stderr, where diagnostics, progress and the summary go, is a terminal.
    var isTerminal: Bool
    var color: Bool
    var quiet: Bool

    init(color: ColorChoice = .auto, quiet: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        isTerminal = isatty(2) == 1
        self.color = color.enabled(environment: environment, isTerminal: isTerminal)
        self.quiet = quiet
    }

    /// A progress line for a build on a terminal, or nil when piped or quiet. It is drawn once the
    /// work has taken `SITEGEN_PROGRESS_AFTER` seconds (1 unless set).
    func progress(_ language: @autoclosure () -> MessageLanguage) -> ProgressLine? {
        guard isTerminal, !quiet else { return nil }
        let language = language()
        let delay = ProcessInfo.processInfo.environment["SITEGEN_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        return ProgressLine(delay: delay,
                            label: { done, total in
                                MessageCatalog.text("progress.pages", ["done": "\(done)", "total": "\(total)"], in: language)
                            },
                            write: { StandardStreams.error($0) })
    }

    /// Writes a line to stderr unless the run is quiet.
    func say(_ line: String) {
        if !quiet { StandardStreams.error((line + "\n")) }
    }

    /// Writes an error line (`error: …`) to stderr, coloured like a diagnostic's.
    func error(_ message: String) {
        let colors = TerminalColors(enabled: color)
        StandardStreams.error((colors.red("error:") + " " + SourceLineDisplay.printable(message) + "\n"))
    }
}
