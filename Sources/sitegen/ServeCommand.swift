import ArgumentParser
import Dispatch
import Foundation
import SitegenCore
import SitegenKit
import SitegenServe

/// `sitegen serve`
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while you edit: rebuilds on every save and reloads the browser.",
        discussion: """
            Builds the site into a private folder (site/ is not touched), serves it at \
            http://127.0.0.1:1313/ and watches content/, templates/, static/, i18n/ and sitegen.yml. \
            A saved page is rebuilt at once; the rest of the site follows. When the content has errors, \
            every page shows them over the last good version. Each page's bulletins are at \
            /_bulletins/<lang>/<path>/. Stop with Ctrl+C.
            """)

    @OptionGroup var sourceOptions: SourceOptions

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: UInt16 = 1313

    @Option(name: .long, help: ArgumentHelp("The address to listen on. Other than 127.0.0.1 the preview is open to the network.", valueName: "address"))
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Option(name: .long, help: ArgumentHelp("The language of the messages: kk, ru or en (default: lang: in sitegen.yml, else LANG).", valueName: "language"))
    var lang: MessageLanguage?

    @OptionGroup var terminalOptions: TerminalOptions

    /// The address is an IP address the system can listen on, known before anything is built.
    func validate() throws {
        var v4 = in_addr(), v6 = in6_addr()
        guard inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1 else {
            throw ValidationError("--host \(host) is no IP address: give one such as 127.0.0.1 (this machine), 0.0.0.0 (every network) or ::1")
        }
    }

    /// The signals that stop the preview: Ctrl+C, a stop, a closed terminal.
    static let stops = [SIGINT, SIGTERM, SIGHUP]

    func run() throws {
        // Stops are held back from here on, in this thread and every thread it starts, until the handlers
        // below take them: a Ctrl+C that comes while they are made waits for them, where it was lost in
        // the moment they were installed (ignored, then handed to no one) and the preview kept running.
        // (Ignored first: on Linux a held signal stays pending whatever its action, and one not held by a
        // thread is dropped rather than ending the process half made.)
        var held = sigset_t()
        sigemptyset(&held)
        for sig in Self.stops {
            signal(sig, SIG_IGN)
            sigaddset(&held, sig)
        }
        pthread_sigmask(SIG_BLOCK, &held, nil)
        let terminal = terminalOptions.settings
        var options = PreviewService.Options(source: sourceOptions.source)
        options.host = host
        options.port = port
        options.drafts = sourceOptions.drafts
        options.strict = sourceOptions.strict
        options.language = lang
        let source = sourceOptions.source
        let chosen = lang
        let languageBox = LanguageBox()
        let service = try PreviewService(options, log: { line in
            StandardStreams.error((line + "\n"))
        }, show: { diagnostics in
            Self.printDiagnostics(diagnostics, source: source, language: languageBox.language(chosen), terminal: terminal)
        })
        languageBox.service = service
        // Ctrl+C, a stop or a closed terminal: the preview's folder goes with the process, once a build
        // in progress has ended; a second signal does not wait for it. Taken before anything is built:
        // a signal during the first build, or as the address is shown, would otherwise end the process
        // by default (leaving the folder) or, in the moment the handlers were installed, be lost.
        let stopping = StopRequests()
        let signals = DispatchQueue(label: "sitegen.serve.signals")
        var sources: [DispatchSourceSignal] = []
        for sig in Self.stops {
            let s = DispatchSource.makeSignalSource(signal: sig, queue: signals)
            s.setEventHandler {
                // `_exit`, not `exit`: the build may still be running on other threads, and `exit` runs
                // the process's clean-up handlers under their feet (a second signal once ended in a
                // segmentation fault rather than its status). Every line is written unbuffered, so
                // nothing waits in a buffer.
                guard stopping.first() else { _exit(128 + sig) }
                Task {
                    await service.stop()
                    _exit(0)
                }
            }
            s.resume()
            sources.append(s)
        }
        let started = DispatchSemaphore(value: 0)
        let result = ResultBox()
        Task {
            do { result.value = .success(try await service.start().port) } catch { result.value = .failure(error) }
            started.signal()
        }
        started.wait()
        let bound: UInt16
        switch result.value! {
        case .success(let p): bound = p
        case .failure(let error) where error is PreviewService.Stopped:
            // A signal came during the first build: its handler removes the folder and ends the process.
            withExtendedLifetime(sources) { dispatchMain() }
        case .failure(let error):
            terminal.error(MessageCatalog.text("serve.cannot-listen", ["host": host, "port": "\(port)", "reason": "\(error)"],
                                               in: languageBox.language(chosen)))
            // The preview's folder goes before the process does.
            let stopped = DispatchSemaphore(value: 0)
            Task { await service.stop(); stopped.signal() }
            stopped.wait()
            throw ExitCode(2)
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(shownHost):\(bound)/"
        let language = languageBox.language(chosen)
        terminal.say(MessageCatalog.text("serve.serving", ["url": url], in: language))
        if !PreviewService.isLoopback(host) {
            // A warning the quiet run still shows: the preview, drafts included, is open to the network.
            StandardStreams.error(TerminalColors(enabled: terminal.color).yellow("warning:") + " "
                + MessageCatalog.text("serve.open-network", ["host": host], in: language) + "\n")
        }
        if open { Self.openBrowser(url) }
        withExtendedLifetime(sources) { dispatchMain() }
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}

/// Whether a stop was asked before: signals are handled on one serial queue, one at a time.
private final class StopRequests: @unchecked Sendable {
    private var asked = false
    /// True the first time only.
    func first() -> Bool {
        defer { asked = true }
        return !asked
    }
}

/// The messages' language, known once the first build has read sitegen.yml.
private final class LanguageBox: @unchecked Sendable {
    var service: PreviewService?
    func language(_ option: MessageLanguage?) -> MessageLanguage {
        MessageLanguage.choose(option: option?.rawValue, config: service?.messageLanguage?.rawValue,
                               environment: ProcessInfo.processInfo.environment)
    }
}

private final class ResultBox: @unchecked Sendable {
    var value: Result<UInt16, any Error>?
}
