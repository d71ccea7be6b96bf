import Dispatch
import Foundation
import SitegenCore
import SitegenKit

/// Keeps a preview in step with its source: one full build at the start; then, for each save, the
/// saved page rebuilt at once and served from memory, and a full build after it (lists, search,
/// parity and the other site-wide checks), published only when it has no error, so the last good
/// pages stay served while the overlay lists what is wrong.
///
/// Builds run on queues of their own, never on the threads that answer requests.
final class PreviewSession: @unchecked Sendable {
    /// What a full build is asked (the output is the preview's own folder).
    let options: BuildOptions
    let files: ServedFiles
    let events: LiveEvents
    /// Where the session reports what it did, a line at a time.
    let log: @Sendable (String) -> Void
    /// Where the session shows diagnostics on the terminal.
    let show: @Sendable ([Diagnostic]) -> Void

    private let lock = NSLock()
    private var state: PreviewState?
    private var stateVersion = 0
    private var generation = 0
    /// See ``contentVersion``.
    private var servedVersion = 0
    private var fullDiagnostics: [Diagnostic] = []
    private var pageDiagnostics: [String: (generation: Int, diagnostics: [Diagnostic])] = [:]
    private var fullRequested = false
    private var fullRunning = false
    private var reloadAllAfterFull = false
    /// Set by `stop()`: no build starts after it.
    private var stopped = false
    /// Held while the first build runs (on the thread that started the preview, not on a queue).
    private let firstBuild = DispatchGroup()
    /// The change that last touched what every page is built with (`sitegen.yml`, templates, `i18n/`,
    /// `static/`), and whether the kept state was built after it: a page is rebuilt alone only then,
    /// never against an allow-list or templates that have since changed.
    private var lastSetupChange = 0
    private var stateIsCurrent = false
    private var shownVersion = 0
    private var lastShown: [Diagnostic] = []
    private var lastPrinted: [Diagnostic]?
    /// The path the site is served under, and its languages, from the last published build.
    var basePath: String { lock.withLock { state?.basePath } ?? "/" }
    var languages: [String] { lock.withLock { state?.languages } ?? [] }
    /// The language of the messages, once `sitegen.yml` has been read.
    private(set) var messageLanguage: MessageLanguage?
    /// `--lang`, which wins over `sitegen.yml` and the locale.
    let languageOption: MessageLanguage?

    /// The language the session's lines and the overlay are written in.
    var language: MessageLanguage {
        MessageLanguage.choose(option: languageOption?.rawValue, config: lock.withLock { messageLanguage }?.rawValue,
                               environment: ProcessInfo.processInfo.environment)
    }

    private let pageQueue = DispatchQueue(label: "sitegen.serve.page", qos: .userInteractive)
    private let fullQueue = DispatchQueue(label: "sitegen.serve.full", qos: .utility)

    init(options: BuildOptions, events: LiveEvents, language: MessageLanguage? = nil, log: @escaping @Sendable (String) -> Void,
         show: @escaping @Sendable ([Diagnostic]) -> Void) {
        languageOption = language
        var options = options
        // Every build gives the preview its state: none is skipped as up to date, and a build after
        // the first is incremental (only what changed is built again).
        options.keepsPreviewState = true
        self.options = options
        self.files = ServedFiles(root: options.resolvedOutput)
        self.events = events
        self.log = log
        self.show = show
    }

    /// Whether a full build has ever been published: until then there is nothing but the overlay.
    var hasSite: Bool { lock.withLock { state != nil } }

    /// The first full build, on the caller's thread. Saves made while it runs (the watcher is already
    /// on) wait for it and are built after it. Nil when the preview was stopped before it began.
    func start() -> BuildReport? {
        let go = lock.withLock { () -> Bool in
            // Entered under the lock that `stop()` sets `stopped` with: a stop either comes first and
            // no build starts, or waits for this one.
            guard !stopped else { return false }
            firstBuild.enter()
            fullRunning = true
            return true
        }
        guard go else { return nil }
        defer { firstBuild.leave() }
        let report = SiteBuilder(options: options).run()
        finishFull(report, startedAt: 0, reloadAll: false)
        let again = lock.withLock { () -> Bool in
            fullRunning = false
            return fullRequested
        }
        if again { requestFull(reloadAll: true) }
        return report
    }

    /// Files changed under the source folder (paths relative to it).
    func changed(_ paths: Set<String>) {
        let pages = paths.filter { $0.hasPrefix("content/") && $0.hasSuffix(".md") }
        let asked = lock.withLock { () -> (current: Int, fast: Bool)? in
            guard !stopped else { return nil }
            generation += 1
            if pages.count != paths.count {
                lastSetupChange = generation
                stateIsCurrent = false
            }
            return (generation, stateIsCurrent && state != nil)
        }
        // A save after the preview was stopped is no longer built.
        guard let (current, fast) = asked else { return }
        guard pages.count == paths.count, fast else {
            requestFull(reloadAll: true)
            return
        }
        pageQueue.async { [self] in
            var needsAll = false
            for path in pages.sorted() where !lock.withLock({ stopped }) {
                let started = DispatchTime.now().uptimeNanoseconds
                let (copy, version) = lock.withLock { (state, stateVersion) }
                guard var working = copy, let rebuilt = working.rebuild(sourcePath: path) else { needsAll = true; continue }
                lock.withLock {
                    if stateVersion == version { state = working }
                    pageDiagnostics[path] = (current, rebuilt.diagnostics)
                }
                files.hold(rebuilt.files, from: path, generation: current)
                if !rebuilt.files.isEmpty { servedChanged() }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
                let language = self.language
                if rebuilt.files.isEmpty {
                    let errors = BuildSummary.count(rebuilt.diagnostics.filter { $0.severity == .error }.count, .error, language)
                    log(MessageCatalog.text("serve.not-rebuilt", ["file": path, "errors": errors], in: language))
                } else {
                    log(MessageCatalog.text("serve.rebuilt", ["file": path, "ms": String(format: "%.0f", ms)], in: language))
                    events.send("reload", data: Self.reloadData(paths: rebuilt.url.map { [$0] } ?? []))
                }
                show(rebuilt.diagnostics)
                announceDiagnosticsIfChanged()
            }
            requestFull(reloadAll: needsAll)
        }
    }

    /// Asks for a full build after the current one (builds never overlap; requests in between merge).
    private func requestFull(reloadAll: Bool) {
        let start = lock.withLock { () -> Bool in
            guard !stopped else { return false }
            fullRequested = true
            reloadAllAfterFull = reloadAllAfterFull || reloadAll
            if fullRunning { return false }
            fullRunning = true
            return true
        }
        guard start else { return }
        fullQueue.async { [self] in
            while true {
                // A moment for the rest of a burst of saves: one build instead of several.
                Thread.sleep(forTimeInterval: 0.2)
                let (go, startedAt, reloadAll) = lock.withLock { () -> (Bool, Int, Bool) in
                    guard fullRequested, !stopped else { fullRunning = false; return (false, 0, false) }
                    fullRequested = false
                    let all = reloadAllAfterFull
                    reloadAllAfterFull = false
                    return (true, generation, all)
                }
                guard go else { return }
                let report = SiteBuilder(options: options).run()
                finishFull(report, startedAt: startedAt, reloadAll: reloadAll)
            }
        }
    }

    /// Starts no more builds and waits for the one in progress, if any, to end: after it, nothing
    /// writes to the preview's folder and it can be removed. (A build cannot be stopped half-way
    /// without leaving its staging folder and lock behind; a preview's builds take moments.)
    func stop() {
        lock.withLock { stopped = true }
        firstBuild.wait()
        // A page rebuild may ask for a full build as it ends; that request is refused now, so once
        // the page queue is empty the full queue gets nothing new.
        pageQueue.sync {}
        fullQueue.sync {}
    }

    private func finishFull(_ report: BuildReport, startedAt: Int, reloadAll: Bool) {
        lock.withLock {
            if let preview = report.preview {
                state = preview
                stateVersion += 1
                stateIsCurrent = startedAt >= lastSetupChange
            }
            if let language = report.messageLanguage { messageLanguage = language }
            fullDiagnostics = report.diagnostics
            // What the full build read supersedes what the page rebuilds before it found.
            pageDiagnostics = pageDiagnostics.filter { $0.value.generation > startedAt }
        }
        if report.published {
            files.release(upTo: startedAt)
            servedChanged()
        } else if files.release(sources: Self.filesInErrors(report.diagnostics), upTo: startedAt) {
            // A page its own checks passed but the site-wide ones did not (a link to a missing page,
            // two pages at one address): its last good version is served again, as a build leaves it.
            servedChanged()
        }
        let language = self.language
        let summary = BuildSummary.line(report, verb: .built, language: language)
        if report.published {
            log(summary)
        } else {
            log(summary + "; " + MessageCatalog.text(hasSite ? "serve.kept-last-good" : "serve.nothing-yet", [:], in: language))
        }
        // The terminal gets a full build's findings when they differ from the last ones it showed.
        let fresh = lock.withLock { () -> Bool in
            defer { lastPrinted = report.diagnostics }
            return lastPrinted != report.diagnostics
        }
        if fresh { show(report.diagnostics) }
        if report.published && reloadAll { events.send("reload", data: Self.reloadData(paths: nil)) }
        announceDiagnosticsIfChanged()
    }

    /// What the overlay lists: the last full build's findings, with those of files rebuilt since
    /// replaced by their rebuild's.
    var diagnostics: [Diagnostic] {
        lock.withLock {
            let rebuilt = pageDiagnostics
            return (fullDiagnostics.filter { rebuilt[$0.file] == nil } + rebuilt.values.flatMap(\.diagnostics))
                .sorted(by: Diagnostic.ordered)
        }
    }

    /// A number that grows whenever what is served changes (a page rebuilt at once, a full build
    /// published or its pages let go): a page names the one it was served at, and a tab whose event
    /// stream opens after a change it was not told of (it connected late, or lost the connection)
    /// reloads.
    var contentVersion: Int { lock.withLock { servedVersion } }

    /// Counts a change of what is served, before the tabs are told of it.
    private func servedChanged() { lock.withLock { servedVersion += 1 } }

    /// A number that changes whenever the overlay's list does.
    var diagnosticsVersion: Int { lock.withLock { shownVersion } }

    private func announceDiagnosticsIfChanged() {
        let now = diagnostics
        let changed = lock.withLock { () -> Bool in
            guard now != lastShown else { return false }
            lastShown = now
            shownVersion += 1
            return true
        }
        if changed { events.send("diagnostics", data: String(diagnosticsVersion)) }
    }

    /// The content files an error is about: its own, and those it names (the other page of a
    /// parity difference, the page whose address another took).
    static func filesInErrors(_ diagnostics: [Diagnostic]) -> Set<String> {
        var files: Set<String> = []
        for d in diagnostics where d.severity == .error {
            files.insert(d.file)
            for value in d.arguments.values where value.hasPrefix("content/") && value.hasSuffix(".md") { files.insert(value) }
        }
        return files
    }

    static func reloadData(paths: [String]?) -> String {
        guard let paths else { return "{\"all\":true}" }
        return "{\"all\":false,\"paths\":[" + paths.map(JSONText.quote).joined(separator: ",") + "]}"
    }
}
