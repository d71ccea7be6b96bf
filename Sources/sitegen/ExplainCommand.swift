import ArgumentParser
import Foundation
import SitegenCore
import SitegenKit

/// `sitegen explain <code>`: what a diagnostic means, a wrong and a right example, how to fix it.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a diagnostic code: what it means, a wrong and a right example, how to fix it.",
        discussion: "Every diagnostic ends with its code in brackets, such as [link.lookalike]. Without a code, lists them all.")

    @Argument(help: ArgumentHelp("A diagnostic code, such as link.lookalike.", valueName: "code"))
    var code: String?

    @Option(name: .long, help: ArgumentHelp("kk, ru or en (default: LANG).", valueName: "language"))
    var lang: MessageLanguage?

    func run() throws {
        let language = MessageLanguage.choose(option: lang?.rawValue, config: nil,
                                              environment: ProcessInfo.processInfo.environment)
        guard let code else {
            let list = Explanation.all.keys.sorted().map { "\($0)  \(Explanation.all[$0]!.meaning.text(language))" }
            StandardStreams.output(list.joined(separator: "\n") + "\n")
            return
        }
        // `[link.lookalike]` copied with its brackets is the same code.
        let wanted = code.trimmingCharacters(in: CharacterSet(charactersIn: "[]() "))
        guard let entry = Explanation.all[wanted] else {
            let near = EditDistance.nearest(to: wanted, in: Explanation.all.keys.sorted())
            TerminalSettings().error(near.map { MessageCatalog.text("explain.unknown.near", ["code": wanted, "near": $0], in: language) }
                                     ?? MessageCatalog.text("explain.unknown", ["code": wanted], in: language))
            throw ExitCode(2)
        }
        StandardStreams.output(entry.render(language))
    }
}
