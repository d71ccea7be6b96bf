import Foundation
import SitegenCore
import SitegenKit

/// `sitegen serve` as a whole: a private output folder, the first build, the watcher and the server.
package final class PreviewService: @unchecked Sendable {
    /// What `sitegen serve` is asked.
    package struct Options: Sendable {
        package var source: String
        package var host = "127.0.0.1"
        package var port: UInt16 = 1313
        package var drafts = false
        package var strict = false
        /// The language of messages (`--lang`); else `lang:` in sitegen.yml, else the locale.
        package var language: MessageLanguage?

        package init(source: String) { self.source = source }
    }

    package let options: Options
    /// The folder full builds publish to, locked while the preview runs; removed by `stop()`, else by
    /// the next preview (``ScratchFolder``).
    var workFolder: String { held.path }
    private let held: ScratchFolder.Folder
    let events = LiveEvents()
    let session: PreviewSession
    private(set) var server: PreviewServer?
    private var watcher: SourceWatcher?

    /// Prepares the preview; `log` gets a line per event, `show` the diagnostics of each build.
    package init(_ options: Options, log: @escaping @Sendable (String) -> Void,
                show: @escaping @Sendable ([Diagnostic]) -> Void) throws {
        self.options = options
        // What a preview that was killed, or stopped twice without waiting, left behind goes first.
        ScratchFolder.removeLeftovers(.preview)
        held = try ScratchFolder.make(.preview)
        var build = BuildOptions(sourceDirectory: options.source, outputDirectory: held.path + "/site")
        build.includeDrafts = options.drafts
        build.strict = options.strict
        session = PreviewSession(options: build, events: events, language: options.language, log: log, show: show)
    }

    /// Builds the site once, starts watching and listening; returns the first build's report and the
    /// port the server got (useful with port 0).
    package func start() async throws -> (report: BuildReport, port: UInt16) {
        Self.raiseFileLimit()
        // Watching first: a save during the first build is built after it, not lost.
        let session = self.session
        let watcher = try SourceWatcher(source: options.source) { session.changed($0) }
        self.watcher = watcher
        let thread = Thread { watcher.run() }
        thread.name = "sitegen.serve.watch"
        thread.start()
        guard let report = session.start() else { throw Stopped() }
        let host = options.host == "localhost" ? "127.0.0.1" : options.host
        let server = PreviewServer(session: session, events: events, host: host, port: options.port)
        self.server = server
        let port = try await server.start(host: host, port: options.port)
        return (report, port)
    }

    /// `start()` found the preview stopped already (a Ctrl+C during its start): nothing was built.
    package struct Stopped: Error {}

    /// The language the session's messages are in, once `sitegen.yml` was read.
    package var messageLanguage: MessageLanguage? { session.messageLanguage }

    /// Open files up to the hard limit: connections are files, and the guard's bounds should be
    /// what limits them, long before the process runs out.
    static func raiseFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = min(limit.rlim_max, 65536)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// Whether `host` is reachable only from this machine.
    package static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// Stops the server and the builds, then removes the preview's folder.
    package func stop() async {
        await server?.stop()
        // A build still running would go on writing into the folder as it is removed (its lock file
        // and staging folder outlived the removal): the session's builds end first.
        let session = self.session
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                session.stop()
                done.resume()
            }
        }
        // The folder holds only what the preview's own builds wrote; its marker goes last.
        held.remove()
    }
}

