import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore
import SitegenKit
import SitegenMarkdown
import SitegenPolicy

/// `sitegen new <section>/<slug>`
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new page in every language of the site.",
        discussion: """
            Writes content/<language>/<section>/<slug>.md for each language of sitegen.yml, with front matter \
            (a title to replace, today's date, a translationKey shared by the translations, the kind) and a \
            skeleton of its kind that builds without an error. An existing file is never replaced.
            """)

    @Argument(help: ArgumentHelp("The page's place under each language, such as 42500/apply.", valueName: "section/slug"))
    var path: String

    @Option(name: .long, help: ArgumentHelp("The title of every translation (default: a title to replace, in each language).", valueName: "title"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("guide (numbered steps), checklist (tick boxes), links (the official links) or warning (a warning block).", valueName: "kind"))
    var kind: NewPage.Kind = .guide

    @Option(name: .long, help: ArgumentHelp("The site folder.", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("The language of the messages: kk, ru or en (default: lang: in sitegen.yml, else LANG).", valueName: "language"))
    var lang: MessageLanguage?

    @OptionGroup var terminalOptions: TerminalOptions

    func run() throws {
        let terminal = terminalOptions.settings
        let (config, diagnostics) = ConfigLoader.load(sourceDirectory: source)
        let language = MessageLanguage.choose(option: lang?.rawValue, config: config?.messageLanguage?.rawValue,
                                              environment: ProcessInfo.processInfo.environment)
        guard let config else {
            Self.printDiagnostics(diagnostics, source: source, language: language, terminal: terminal)
            throw ExitCode(2)
        }
        switch NewPage.create(path: path, kind: kind, title: title, sourceDirectory: source, languages: config.languages,
                                  hasOfficialLinks: !config.official.isEmpty) {
        case .written(let files):
            guard !terminal.quiet else { return }
            for file in files { StandardStreams.output(MessageCatalog.text("new.wrote", ["file": file], in: language) + "\n") }
            StandardStreams.output(MessageCatalog.text("new.next", [:], in: language) + "\n")
        case .refused(let why):
            terminal.error(why.text(language))
            throw ExitCode(2)
        }
    }
}

extension NewPage.Kind: ExpressibleByArgument {}
