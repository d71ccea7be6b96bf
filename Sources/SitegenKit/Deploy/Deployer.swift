import Foundation
import SitegenContent
import SitegenCore

/// `sitegen deploy`: builds with every check, then publishes the release to a target of sitegen.yml
/// with rsync, switching the host's `current` link in one rename; or rolls back, lists, compares.
package struct Deployer {
    package var sourceDirectory: String
    /// `--target`; nil picks the only target there is.
    package var targetName: String?
    /// Warnings fail the build too.
    package var strict = false
    /// Where progress lines go (stdout in the command).
    package var say: (String) -> Void
    /// Where the build's diagnostics and summary go (stderr in the command).
    package var report: (BuildReport) -> Void
    /// The build's progress line, on a terminal.
    package var progress: ProgressLine?
    /// The language of what `say` receives.
    package var language: MessageLanguage = .en

    /// Says catalogue message `id` in the editors' language.
    private func tell(_ id: String, _ arguments: [String: String] = [:]) {
        say(MessageCatalog.text(id, arguments, in: language))
    }

    package init(sourceDirectory: String, targetName: String?, say: @escaping (String) -> Void,
                report: @escaping (BuildReport) -> Void) {
        self.sourceDirectory = sourceDirectory
        self.targetName = targetName
        self.say = say
        self.report = report
    }

    /// How a deploy ended.
    package enum Outcome: Equatable {
        /// Published, rolled back, listed, compared, or already current.
        case done
        /// The content has errors: nothing was uploaded (exit 1).
        case contentErrors
        /// sitegen.yml or the build's setup failed (exit 2); the diagnostics were reported.
        case setupFailed([Diagnostic])
    }

    /// The target named by `--target`, or the only one; a fault lists the known ones.
    func resolveTarget(_ config: SiteConfig) throws -> DeployTarget {
        let known = config.deployTargets.map(\.name)
        let listing = known.joined(separator: ", ")
        if let name = targetName {
            guard let target = config.deployTargets.first(where: { $0.name == name }) else {
                throw DeployFault.unknownTarget(known.isEmpty ? CatalogMessage("deploy.fault.unknown-target.none", ["name": name])
                                                : CatalogMessage("deploy.fault.unknown-target", ["name": name, "list": listing]))
            }
            return target
        }
        guard !known.isEmpty else {
            throw DeployFault.unknownTarget(CatalogMessage("deploy.fault.no-targets"))
        }
        guard known.count == 1 else {
            throw DeployFault.unknownTarget(CatalogMessage("deploy.fault.several-targets", ["list": listing]))
        }
        return config.deployTargets[0]
    }

    /// Where a deploy goes, or the diagnostics of a sitegen.yml that cannot be read.
    enum Access {
        case ready(HostAccess)
        case failure([Diagnostic])
    }

    /// Loads sitegen.yml and picks the target.
    func access() throws -> Access {
        let (config, diagnostics) = ConfigLoader.load(sourceDirectory: sourceDirectory)
        guard let config else { return .failure(diagnostics) }
        let access = HostAccess(target: try resolveTarget(config), sourceDirectory: sourceDirectory)
        if let refusal = Self.insideSource(access) { return .failure([refusal]) }
        return .ready(access)
    }

    /// A folder on this machine that the site's own build reads or replaces, as a deploy's target: the
    /// source folder itself or one holding it, its `site/` (a build replaces it whole, releases and log
    /// with it), or the folders it reads (`static/` would publish the releases as files of the site).
    /// Compared as the system resolves them (links followed, `..` after a link taken from its target),
    /// the refusal at the target's place in sitegen.yml.
    static func insideSource(_ access: HostAccess) -> Diagnostic? {
        guard access.target.host == nil else { return nil }
        let source = Folder.realPath(access.sourceDirectory)
        let target = Folder.realPath(access.folder)
        func refused(_ what: String) -> Diagnostic {
            .error("config.deploy", id: "config.deploy.inside-source", ["name": access.target.name, "folder": access.folder, "what": what],
                   file: "sitegen.yml", line: access.target.line, column: access.target.column)
        }
        // The sources inside the target: its releases' clean-up and pruning would reach them.
        if source == target || source.hasPrefix(target == "/" ? "/" : target + "/") { return refused("the source folder") }
        for (name, what) in [("site", "site/"), ("static", "static/"), ("content", "content/"), ("templates", "templates/"), ("i18n", "i18n/")] {
            // Each as the system reads it: a folder that is a link elsewhere is that place.
            let folder = Folder.realPath(source + "/" + name)
            if target == folder || target.hasPrefix(folder + "/") { return refused(what) }
        }
        return nil
    }

    // MARK: - Deploy

    /// Builds, then uploads and switches (or, with `dryRun`, lists what would change).
    package func deploy(dryRun: Bool = false) throws -> Outcome {
        let access: HostAccess
        switch try self.access() {
        case .failure(let d): return .setupFailed(d)
        case .ready(let a): access = a
        }
        // The build goes to a folder of its own: the editor's site/ is not this deploy's business. What
        // killed deploys left there goes first (a whole site each).
        ScratchFolder.removeLeftovers(.deploy)
        let held = try ScratchFolder.make(.deploy)
        let scratch = held.path
        // Locked to the end: another deploy's clean-up takes a folder no one holds.
        defer { held.remove() }
        var options = BuildOptions(sourceDirectory: sourceDirectory, outputDirectory: scratch + "/site")
        options.strict = strict
        var built = SiteBuilder(options: options, progress: progress).run()
        progress?.finish()
        // A placeholder address (example.kz, localhost) is only a warning for a build, which may be a
        // preview; a site published under it would send every reader of a bulletin there.
        built.diagnostics = built.diagnostics.map { d in
            var d = d
            if d.code == "config.baseURL-placeholder" { d.severity = .error }
            return d
        }
        report(built)
        if built.setupFailed { return .setupFailed([]) }
        guard built.published, !built.diagnostics.hasErrors else {
            tell("deploy.say.not-uploaded")
            return .contentErrors
        }
        let folder = scratch + "/site"
        let id = try ReleaseID.of(folder: folder)
        let line = DeployLogLine(time: DeployLogLine.now(), action: "deploy", release: id, pages: built.pageCount,
                                 bulletins: Self.bulletinCount(folder), who: DeployLogLine.currentUser())
        if dryRun { return try compare(folder, release: id, access: access) }
        // The release carries the list of its files: the host takes a release away only when it holds
        // nothing else (no file put into it by hand since).
        try Self.writeFileList(of: folder)

        let session = try HostSession(access: access, lock: true, who: line.who + " since " + line.time)
        defer { session.close() }
        let state = session.state
        for partial in state.cleaned {
            tell("deploy.say.cleaned", ["release": partial])
        }
        if state.current == id {
            tell("deploy.say.current", ["release": id, "target": access.target.name, "place": access.display])
            return .done
        }
        // A release already on the host is uploaded again against itself: a file lost or changed there (a
        // removal cut short, a hand's edit) is put back, and the rest is only compared and linked.
        let there = state.releases.contains(id)
        if there {
            tell("deploy.say.switching", ["release": id, "target": access.target.name])
        } else {
            tell("deploy.say.uploading", ["release": id, "target": access.target.name, "place": access.display])
        }
        let history = ReleaseHistory(state: state)
        let linkFrom = (there ? [id] : []) + ([state.current].compactMap { $0 } + history.newestFirst.filter { $0 != state.current }).filter { $0 != id }
        // The upload's folder is made and marked by the host first, so a leftover of it is provably sitegen's.
        try session.run("incoming", release: id)
        // Into the folder the host found, its links resolved (never through a link again).
        var resolved = access
        if let place = state.place { resolved.folder = place }
        do {
            try RsyncTransfer(access: resolved).upload(folder, release: id, linkFrom: linkFrom)
        } catch let fault as DeployFault {
            // Over ssh, rsync does not always pass on the receiver's "No space left on device";
            // the host is asked how much room is left.
            if case .host = fault, let free = session.freeSpace(release: id), free < Self.kibibytes(folder) {
                throw DeployFault.diskFull(CatalogMessage("deploy.fault.disk-measured", [
                    "place": access.display, "free": "\(free)", "id": id, "needed": "\(Self.kibibytes(folder))",
                    "target": access.target.name]))
            }
            throw fault
        }
        try session.run(there ? "replace" : "publish", release: id, extra: line.text)
        say(line.text)
        var after = state
        after.current = id
        if !after.releases.contains(id) { after.releases.append(id) }
        after.log.append(line)
        try prune(after, session: session, keep: access.target.keep)
        return .done
    }

    /// Removes releases beyond `keep`.
    private func prune(_ state: HostState, session: HostSession, keep: Int) throws {
        for old in ReleaseHistory(state: state).surplus(keep: keep, current: state.current) {
            switch try session.remove(release: old) {
            case nil: tell("deploy.say.removed", ["release": old, "keep": "\(keep)"])
            case .file(let file): tell("deploy.say.held", ["release": old, "keep": "\(keep)", "file": file])
            case .unlisted: tell("deploy.say.held-unlisted", ["release": old, "keep": "\(keep)"])
            case .unreadable: tell("deploy.say.held-unreadable", ["release": old, "keep": "\(keep)"])
            }
        }
    }

    /// `--dry-run`: what a deploy would add, change and remove against the current release.
    private func compare(_ folder: String, release id: String, access: HostAccess) throws -> Outcome {
        let state = try HostSession(access: access, lock: false, who: "").state
        guard let current = state.current else {
            let files = try Self.files(folder)
            tell("deploy.say.first", ["target": access.target.name, "place": access.display, "release": id])
            for f in files { tell("deploy.say.added", ["file": Self.shown(f)]) }
            tell("deploy.say.totals", ["added": "\(files.count)", "changed": "0", "removed": "0"])
            return .done
        }
        if current == id {
            tell("deploy.say.same", ["release": id, "target": access.target.name])
            return .done
        }
        let changes = try RsyncTransfer(access: access).changes(folder, current: current)
        tell("deploy.say.replace", ["target": access.target.name, "current": current, "release": id])
        for f in changes.added.sorted() { tell("deploy.say.added", ["file": Self.shown(f)]) }
        for f in changes.changed.sorted() { tell("deploy.say.changed", ["file": Self.shown(f)]) }
        for f in changes.removed.sorted() { tell("deploy.say.deleted", ["file": Self.shown(f)]) }
        tell("deploy.say.totals", ["added": "\(changes.added.count)", "changed": "\(changes.changed.count)",
                                   "removed": "\(changes.removed.count)"])
        return .done
    }

    // MARK: - Rollback and list

    /// `--rollback`: `current` goes back to the release deployed before it.
    package func rollback() throws -> Outcome {
        let access: HostAccess
        switch try self.access() {
        case .failure(let d): return .setupFailed(d)
        case .ready(let a): access = a
        }
        let session = try HostSession(access: access, lock: true, who: DeployLogLine.currentUser() + " since " + DeployLogLine.now())
        defer { session.close() }
        let history = ReleaseHistory(state: session.state)
        guard let current = session.state.current else {
            throw DeployFault.rollback(CatalogMessage("deploy.fault.rollback-none", ["target": access.target.name, "place": access.display]))
        }
        guard let previous = history.previous(of: current) else {
            throw DeployFault.rollback(CatalogMessage("deploy.fault.rollback-oldest", ["target": access.target.name, "current": current]))
        }
        let known = history.entries[previous]
        let line = DeployLogLine(time: DeployLogLine.now(), action: "rollback", release: previous, pages: known?.pages ?? 0,
                                 bulletins: known?.bulletins ?? 0, from: current, who: DeployLogLine.currentUser())
        try session.run("switch", release: previous, extra: line.text)
        tell("deploy.say.rolled-back", ["target": access.target.name, "current": current, "release": previous])
        say(line.text)
        return .done
    }

    /// `--list`: the releases on the host, newest first, the current one marked.
    package func list() throws -> Outcome {
        let access: HostAccess
        switch try self.access() {
        case .failure(let d): return .setupFailed(d)
        case .ready(let a): access = a
        }
        let state = try HostSession(access: access, lock: false, who: "").state
        let history = ReleaseHistory(state: state)
        tell("deploy.say.list", ["target": access.target.name, "place": access.display])
        if history.newestFirst.isEmpty { tell("deploy.say.none") }
        for id in history.newestFirst {
            let mark = id == state.current ? "*" : " "
            if let e = history.entries[id] {
                say("\(mark) \(id)  \(e.time)  pages=\(e.pages) bulletins=\(e.bulletins) who=\(e.who)")
            } else {
                tell("deploy.say.unlogged", ["mark": mark, "release": id])
            }
        }
        return .done
    }

    // MARK: - Helpers

    /// The entries of `bulletins/index.json`: one per page and channel.
    static func bulletinCount(_ folder: String) -> Int {
        guard let bytes = FileReader.read(folder + "/bulletins/index.json"),
              let manifest = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let list = manifest["bulletins"] as? [Any] else { return 0 }
        return list.count
    }

    /// The size of a built site in KiB (what a release takes on the host before hard links).
    static func kibibytes(_ folder: String) -> Int {
        var total = 0
        for path in (try? files(folder)) ?? [] {
            var info = stat()
            if lstat(folder + "/" + path, &info) == 0 { total += Int(info.st_size) }
        }
        return (total + 1023) / 1024
    }

    /// The name of the list of a release's files, uploaded with it.
    static let fileList = ".sitegen-files"

    /// Writes into `folder` the list of its files and folders (one path per line, sorted), which the
    /// host compares a release with before it takes it away.
    static func writeFileList(of folder: String) throws {
        let text = try files(folder, folders: true).filter { $0 != fileList }.map { $0 + "\n" }.joined()
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + fileList))
    }

    /// The paths of the files in `folder`, sorted, with those of its folders when `folders`.
    static func files(_ folder: String, folders: Bool = false) throws -> [String] {
        var out: [String] = []
        var stack = [""]
        while let relative = stack.popLast() {
            for name in Folder.entries(relative.isEmpty ? folder : folder + "/" + relative) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder + "/" + path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(path)
                    if folders { out.append(path) }
                } else {
                    out.append(path)
                }
            }
        }
        return out.sorted()
    }

    /// A page's index.html shown as its address, other files as their path.
    static func shown(_ path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }
}
