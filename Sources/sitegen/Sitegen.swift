import ArgumentParser
import CPosix
import Foundation
import SitegenContent
import SitegenCore
import SitegenKit

/// Runs the command and maps every outcome to sitegen's exit statuses: usage errors are 2, like
/// configuration errors, rather than ArgumentParser's 64.
@main
enum Main {
    static func main() {
        // Over a file-size limit a write fails with EFBIG and is reported, instead of the process
        // being killed with the site half-written.
        signal(SIGXFSZ, SIG_IGN)
        // A closed pipe is a failed write too (EPIPE), reported by the exit status, not a silent death.
        signal(SIGPIPE, SIG_IGN)
        // A standard stream started closed (`sitegen build >&-`) is given /dev/null: else the first file
        // the build opens takes its number, and what would be printed would be written into that file.
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", O_RDWR)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
        }
        // Large blocks (a page's buffers, the site-wide tables) are mapped and given back when freed.
        // glibc otherwise raises this threshold after the first large free, and a build's freed
        // buffers stay in its heap until it exits: 7% of the peak memory of a 10,000-page build.
        sg_map_large_blocks(128 * 1024)
        if let reply = UnknownCommand.reply(Array(CommandLine.arguments.dropFirst()),
                                            environment: ProcessInfo.processInfo.environment) {
            StandardStreams.error(reply)
            exit(2)
        }
        do {
            var command = try Sitegen.parseAsRoot()
            try command.run()
            finish(0)
        } catch let code as ExitCode {
            finish(code.rawValue)
        } catch {
            let code = Sitegen.exitCode(for: error)
            let message = Sitegen.fullMessage(for: error)
            if code == .success {
                StandardStreams.output(message + "\n")
                finish(0)
            }
            StandardStreams.error((message + "\n"))
            finish(2)
        }
    }

    /// Ends with `status`, or with 2 when something the command had to say could not be written (an I/O
    /// error, whatever else happened): said on the standard error, if that can still be written.
    static func finish(_ status: Int32) -> Never {
        if let failure = StandardStreams.failure {
            StandardStreams.error("error: " + MessageCatalog.text("cli.write-failed", ["reason": String(cString: strerror(failure))],
                                                                 in: MessageLanguage.choose(option: nil, config: nil,
                                                                                            environment: ProcessInfo.processInfo.environment)) + "\n")
            exit(2)
        }
        exit(status)
    }
}

/// The command-line interface: parses arguments and wires the stages; the work is in the targets below
/// (the pipeline in SitegenKit).
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build bilingual guide sites whose every link is proven official.",
        discussion: """
            sitegen turns Markdown guides under content/<language>/ into an HTML site under site/. \
            Every link, Telegram handle and domain name in the content is checked against the \
            allow-list in sitegen.yml; a link that is not official fails the build and nothing is published.

            Exit status: 0 success (warnings allowed), 1 the content has errors, 2 usage, \
            configuration, template or I/O errors.
            """,
        version: SitegenVersion.current,
        subcommands: [Build.self, Check.self, Serve.self, New.self, BulletinCommand.self, Deploy.self, Explain.self],
        defaultSubcommand: Build.self
    )
}

/// Options shared by the commands that read a site.
struct SourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder: sitegen.yml, content/, templates/, static/, i18n/.", valueName: "dir"))
    var source: String = "."

    @Flag(name: .long, help: "Include pages whose front matter says draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Treat warnings (a missing translation, raw HTML, …) as errors; also 'strict: true' in sitegen.yml.")
    var strict = false

    /// What these options ask of a run over the site.
    var buildOptions: BuildOptions {
        var options = BuildOptions(sourceDirectory: source)
        options.includeDrafts = drafts
        options.strict = strict
        return options
    }
}

extension ParsableCommand {
    /// Prints diagnostics in compiler style: in text, to stderr, each followed by its source line and
    /// a caret under the column, coloured when `terminal` says so and ending with the command that
    /// explains the code on a terminal; only the errors when quiet. JSON and GitHub commands go to
    /// stdout, whole.
    static func printDiagnostics(_ diagnostics: [Diagnostic], source: String, format: DiagnosticFormat = .text,
                                 language: MessageLanguage = .en, terminal: TerminalSettings = TerminalSettings()) {
        let snippets = format == .text
        let diagnostics = terminal.quiet && format == .text ? diagnostics.filter { $0.severity == .error } : diagnostics
        // Each file with findings is read once, and only when its lines will be shown.
        var texts: [String: SourceText] = [:]
        if snippets {
            // Only files inside the source: a link to a file elsewhere (reported as content.symlink)
            // must not print that file's lines into a CI log.
            for file in Set(diagnostics.map(\.file)) where SourceWalk.isInsideSource(file, sourceDirectory: source) {
                if let data = FileReader.read(source + "/" + file),
                   case .success(let text) = SourceText.decode(data) { texts[file] = text }
            }
        }
        let sources = texts
        let formatter = DiagnosticFormatter(format: format, language: language, explainHint: snippets && terminal.isTerminal,
                                            color: terminal.color && format == .text, sourceLines: { file, line in sources[file]?.line(line) })
        let out = formatter.render(diagnostics, withSnippets: snippets)
        if format == .text {
            StandardStreams.error(out)
        } else {
            StandardStreams.output(out)
        }
    }

    /// The closing summary of a build or check on stderr, unless quiet.
    static func printSummary(_ report: BuildReport, verb: BuildSummary.Verb, language: MessageLanguage,
                             terminal: TerminalSettings) {
        for line in BuildSummary.lines(report, verb: verb, language: language) { terminal.say(line) }
    }

    /// The language of the messages before a build has read sitegen.yml: `--lang`, else `lang:`
    /// in the sitegen.yml of `source`, else the locale.
    static func messageLanguage(_ option: MessageLanguage?, source: String) -> MessageLanguage {
        let config = option == nil ? ConfigLoader.load(sourceDirectory: source).0?.messageLanguage : nil
        return MessageLanguage.choose(option: option?.rawValue, config: config?.rawValue,
                                      environment: ProcessInfo.processInfo.environment)
    }

    /// The language of the messages: `--lang`, else `lang:` in sitegen.yml, else the locale.
    static func messageLanguage(_ option: MessageLanguage?, _ report: BuildReport?) -> MessageLanguage {
        MessageLanguage.choose(option: option?.rawValue, config: report?.messageLanguage?.rawValue,
                               environment: ProcessInfo.processInfo.environment)
    }
}

/// `sitegen build`
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and build the site.",
        discussion: """
            Runs every check first. The site is written into a temporary folder beside the output and \
            swapped in only when no error was found, so a failed build leaves the previous site as it was.
            """)

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: <source>/site).", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Publish under this address instead of sitegen.yml's baseURL.", valueName: "url"))
    var baseURL: String?

    @Flag(name: .long, help: "Build even when nothing changed since the last build of this output.")
    var force = false

    @Option(name: .long, help: ArgumentHelp("The language of the messages: kk, ru or en (default: lang: in sitegen.yml, else LANG).", valueName: "language"))
    var lang: MessageLanguage?

    @OptionGroup var terminalOptions: TerminalOptions

    func run() throws {
        var options = sourceOptions.buildOptions
        options.outputDirectory = output
        options.baseURL = baseURL
        options.force = force
        let terminal = terminalOptions.settings
        let progress = terminal.progress(Self.messageLanguage(lang, source: sourceOptions.source))
        let report = SiteBuilder(options: options, progress: progress).run()
        progress?.finish()
        let language = Self.messageLanguage(lang, report)
        Self.printDiagnostics(report.diagnostics, source: sourceOptions.source, language: language, terminal: terminal)
        Self.printSummary(report, verb: .built, language: language, terminal: terminal)
        if report.setupFailed { throw ExitCode(2) }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

/// `sitegen check`
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every check of a build and write nothing.",
        discussion: "Exits 1 when any error is found. --format json prints one JSON array on stdout; --format github prints workflow commands for GitHub Actions.")

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: ArgumentHelp("How to print findings: text, json or github.", valueName: "format"))
    var format: DiagnosticFormat = .text

    @Option(name: .long, help: ArgumentHelp("The language of the messages: kk, ru or en (default: lang: in sitegen.yml, else LANG).", valueName: "language"))
    var lang: MessageLanguage?

    @Flag(name: .long, help: "Check every page again, taking none as the last build found it.")
    var force = false

    @OptionGroup var terminalOptions: TerminalOptions

    func run() throws {
        var options = sourceOptions.buildOptions
        options.checkOnly = true
        options.force = force
        let terminal = terminalOptions.settings
        let progress = format == .text ? terminal.progress(Self.messageLanguage(lang, source: sourceOptions.source)) : nil
        let report = SiteBuilder(options: options, progress: progress).run()
        progress?.finish()
        let language = Self.messageLanguage(lang, report)
        Self.printDiagnostics(report.diagnostics, source: sourceOptions.source, format: format, language: language,
                              terminal: terminal)
        if format == .text {
            Self.printSummary(report, verb: .checked, language: language, terminal: terminal)
        }
        if report.setupFailed { throw ExitCode(2) }
        if report.diagnostics.hasErrors { throw ExitCode(1) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension MessageLanguage: ExpressibleByArgument {}

/// `sitegen bulletin`
struct BulletinCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: "Print one page's bulletin for a channel, for copy-paste or piping.",
        discussion: """
            The page is named by its content file or its translationKey. A Telegram bulletin too long for \
            one message is printed as its parts, separated by a line '---'. The page is checked first; \
            nothing is printed when it has errors. --lang chooses the page's language; the messages are \
            written in the language of lang: in sitegen.yml, else of the locale (LANG), as for build and check.
            """)

    @OptionGroup var sourceOptions: SourceOptions

    @Argument(help: ArgumentHelp("A content file (content/kk/42500/apply.md) or a translationKey.", valueName: "file-or-translationKey"))
    var target: String

    @Option(name: .long, help: ArgumentHelp("The language of the page (default: the file's, or the site's default language).", valueName: "language"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("text, telegram, whatsapp or sms.", valueName: "channel"))
    var channel: BulletinChannel = .text

    @OptionGroup var terminalOptions: TerminalOptions

    func run() throws {
        let terminal = terminalOptions.settings
        let lookup = BulletinLookup(options: sourceOptions.buildOptions, target: target, language: lang, channel: channel)
        // --lang names the page, so the messages follow lang: in sitegen.yml, then the locale.
        let configLanguage = ConfigLoader.load(sourceDirectory: sourceOptions.buildOptions.sourceDirectory).0?.messageLanguage
        let messages = MessageLanguage.choose(option: nil, config: configLanguage?.rawValue,
                                              environment: ProcessInfo.processInfo.environment)
        switch lookup.run() {
        case .found(let parts, let diagnostics):
            Self.printDiagnostics(diagnostics, source: sourceOptions.source, language: messages, terminal: terminal)
            StandardStreams.output((parts.joined(separator: "\n---\n") + "\n"))
        case .unknown(let message):
            terminal.error(message.text(messages))
            throw ExitCode(2)
        case .failed(let diagnostics, let setup):
            Self.printDiagnostics(diagnostics, source: sourceOptions.source, language: messages, terminal: terminal)
            throw ExitCode(setup ? 2 : 1)
        }
    }
}

extension BulletinChannel: ExpressibleByArgument {}

/// `sitegen deploy`
struct Deploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build with every check and publish the site to a target of sitegen.yml.",
        discussion: """
            The release is uploaded with rsync (over ssh for login@host:/path) into releases/<id>/ on the \
            host, hard-linking files unchanged since the current release, and the 'current' link is then \
            switched in one rename: readers see the old site or the new one, never a mix. The release id \
            comes from the built content, so the same content deploys once. Nothing is uploaded when the \
            build has an error. One deploy at a time per target (a lock on the host).

            Exit status: 0 done (or already deployed), 1 the content has errors, 2 configuration, \
            connection or host errors (unknown target, unreachable host, refused key, permission, full \
            disk, interrupted upload, another deploy running).
            """)

    @Option(name: .long, help: ArgumentHelp("The site folder: sitegen.yml, content/, templates/, static/, i18n/.", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("A target under deploy: in sitegen.yml (default: the only one).", valueName: "name"))
    var target: String?

    @Flag(name: .customLong("dry-run"), help: "List the files a deploy would add, change and remove; touch nothing.")
    var dryRun = false

    @Flag(name: .long, help: "Point 'current' back at the release deployed before it.")
    var rollback = false

    @Flag(name: .long, help: "List the releases on the host (id, time, pages, bulletins, who).")
    var list = false

    @Flag(name: .long, help: "Treat warnings as errors; also 'strict: true' in sitegen.yml.")
    var strict = false

    @OptionGroup var terminalOptions: TerminalOptions

    func validate() throws {
        if [dryRun, rollback, list].filter({ $0 }).count > 1 {
            throw ValidationError("--dry-run, --rollback and --list are separate actions; give one")
        }
    }

    func run() throws {
        // A host that hangs up must be a reported fault, not a signal that ends sitegen mid-deploy.
        signal(SIGPIPE, SIG_IGN)
        let source = self.source
        let terminal = terminalOptions.settings
        // The messages follow lang: in sitegen.yml, then the locale, as for build.
        let language = MessageLanguage.choose(option: nil, config: ConfigLoader.load(sourceDirectory: source).0?.messageLanguage?.rawValue,
                                              environment: ProcessInfo.processInfo.environment)
        var deployer = Deployer(
            sourceDirectory: source, targetName: target,
            say: { line in if !terminal.quiet { StandardStreams.output((line + "\n")) } },
            report: { report in
                let language = Self.messageLanguage(nil, report)
                Self.printDiagnostics(report.diagnostics, source: source, language: language, terminal: terminal)
                Self.printSummary(report, verb: .built, language: language, terminal: terminal)
            })
        deployer.strict = strict
        deployer.progress = terminal.progress(language)
        deployer.language = language
        let outcome: Deployer.Outcome
        do {
            outcome = rollback ? try deployer.rollback() : list ? try deployer.list() : try deployer.deploy(dryRun: dryRun)
        } catch let fault as DeployFault {
            terminal.error(fault.message(in: language))
            throw ExitCode(2)
        } catch {
            terminal.error(CatalogMessage("deploy.fault.other", ["reason": "\(error)"]).text(language))
            throw ExitCode(2)
        }
        switch outcome {
        case .done: return
        case .contentErrors: throw ExitCode(1)
        case .setupFailed(let diagnostics):
            Self.printDiagnostics(diagnostics, source: source, language: language, terminal: terminal)
            throw ExitCode(2)
        }
    }
}
