import ArgumentParser
import Foundation
import SitegenKit

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

    func run() throws {
        let (config, diagnostics) = ConfigLoader.load(sourceDirectory: source)
        guard let config else {
            Self.printDiagnostics(diagnostics, source: source, language: Self.messageLanguage(nil, nil))
            throw ExitCode(2)
        }
        switch NewPage.create(path: path, kind: kind, title: title, sourceDirectory: source, languages: config.languages,
                                  hasOfficialLinks: !config.official.isEmpty) {
        case .written(let files):
            for file in files { print("wrote \(file)") }
            print("replace the title, description and text in each language, then build: sitegen build")
        case .refused(let why):
            FileHandle.standardError.write(Data(("error: \(why)\n").utf8))
            throw ExitCode(2)
        }
    }
}

extension NewPage.Kind: ExpressibleByArgument {}
