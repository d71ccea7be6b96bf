import Foundation
import SitegenContent
import SitegenCore

/// How a deploy target is reached: the programs and arguments for the host script and for rsync.
struct HostAccess: Sendable {
    var target: DeployTarget
    /// The target's folder: as written for a remote host (relative to the login's home), absolute
    /// for a local one (relative to the source folder).
    var folder: String
    /// `ssh -F` file, absolute.
    var sshConfig: String?
    /// The source folder, absolute.
    var sourceDirectory: String

    init(target: DeployTarget, sourceDirectory: String) {
        self.target = target
        let source = URL(fileURLWithPath: sourceDirectory).standardizedFileURL.path
        self.sourceDirectory = source
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : source + "/" + p }
        folder = target.host == nil ? absolute(target.path) : target.path
        sshConfig = target.sshConfig.map(absolute)
    }

    /// What a reader of messages calls the place: `publisher@example.kz:/var/www/guides`.
    var display: String { (target.host.map { $0 + ":" } ?? "") + folder }

    /// Options every ssh connection gets: never ask for a password or a host key on a terminal.
    var sshOptions: [String] {
        (sshConfig.map { ["-F", $0] } ?? []) + ["-o", "BatchMode=yes", "-o", "ConnectTimeout=10", "-o", "ServerAliveInterval=15"]
    }

    /// The program and arguments that run the host script.
    func scriptCommand() throws -> (String, [String]) {
        guard let host = target.host else { return ("/bin/sh", ["-c", HostScript.text]) }
        return (try Self.program("ssh", package: "openssh-client"), ["-T"] + sshOptions + ["--", host, HostScript.sshCommand])
    }

    /// rsync's `-e`: rsync splits it at spaces itself, and reads a word in single or double quotes as
    /// one, a quote doubled inside as the quote itself. Every word is quoted so: a path of the source
    /// folder with a quote and a space in it (`/srv/q' '-oProxyCommand=…' '/site`) cannot end its word
    /// and hand ssh an option of its own.
    var rsyncShell: String {
        (["ssh"] + sshOptions).map(Self.rsyncQuoted).joined(separator: " ")
    }

    /// One word of an rsync `-e` command as rsync splits it back: in single quotes, each quote doubled.
    static func rsyncQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// A folder on the host as an rsync destination. A relative one gets `./`, so a name starting
    /// with `-` is never an option, and with `--secluded-args` rsync sends it without any shell.
    func rsyncPath(_ relative: String) -> String {
        let base = folder.hasPrefix("/") ? folder : "./" + folder
        let path = (base.hasSuffix("/") ? base : base + "/") + relative
        return (target.host.map { $0 + ":" } ?? "") + path
    }

    static func program(_ name: String, package: String) throws -> String {
        guard let path = ChildProcess.find(name) else {
            throw DeployFault.missingProgram(CatalogMessage("deploy.fault.missing-program", ["name": name, "package": package]))
        }
        return path
    }
}

/// What the host holds, as the host script reported it.
struct HostState: Sendable {
    /// The release `current` points at, or nil.
    var current: String?
    var releases: [String] = []
    var log: [DeployLogLine] = []
    /// Unfinished uploads of interrupted deploys, removed on taking the lock.
    var cleaned: [String] = []
    /// The target's folder with its links resolved, as the host found it on taking the lock: where the
    /// upload goes (a link on the way as written might be pointed elsewhere by then).
    var place: String?
}

/// A running host script: with the lock held, the deploy's commands.
final class HostSession {
    private let child: ChildProcess
    let access: HostAccess
    private(set) var state = HostState()

    /// Runs the host script. `lock` takes the deploy lock (held until `close`); `peek` only reads.
    init(access: HostAccess, lock: Bool, who: String) throws {
        self.access = access
        let (program, arguments) = try access.scriptCommand()
        child = try ChildProcess(executable: program, arguments: arguments)
        child.send((lock ? "lock" : "peek") + "\n" + access.folder + "\n")
        if lock {
            // Sent before the lock is known to be held: the script reads it only once it is.
            child.send(who + "\n")
        }
        while let line = child.readLine() {
            let (word, rest) = Self.split(line)
            switch word {
            case "end": return
            case "current": state.current = rest.isEmpty ? nil : rest
            case "release": if ReleaseID.isValid(rest) { state.releases.append(rest) }
            case "log": if let entry = DeployLogLine(rest) { state.log.append(entry) }
            case "cleaned": state.cleaned.append(rest)
            case "place": if rest.hasPrefix("/") { state.place = rest }
            case "busy":
                _ = child.finish()
                var arguments = ["target": access.target.name]
                arguments.merge(rest.isEmpty ? MessageCatalog.nest("who", "deploy.fault.busy.unknown") : ["who": rest]) { a, _ in a }
                throw DeployFault.busy(CatalogMessage("deploy.fault.busy", arguments))
            default: break
            }
        }
        let ending = child.finish()
        throw DeployFault.classify(ending, during: CatalogMessage("deploy.during.prepare"), access: access)
    }

    /// Runs one command under the lock; throws when the host refused it or the connection is gone.
    /// `accept` takes an answer other than `ok` that the command may give, returning whether it did.
    func run(_ command: String, release id: String, extra: String? = nil, accept: (String) -> Bool = { _ in false }) throws {
        var text = command + "\n" + id + "\n"
        if let extra { text += extra + "\n" }
        if child.send(text), let answer = child.readLine() {
            if answer == "ok" || accept(answer) { return }
            var arguments = MessageCatalog.nest("during", Self.describe(command), ["release": id])
            // The script says why on the same line: what a command wrote to standard error may not be
            // collected yet when the answer is read.
            let said = answer.hasPrefix("fail ") ? String(answer.dropFirst(5)) : ""
            arguments["detail"] = (said.isEmpty ? child.errorText : said).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DeployFault.host(CatalogMessage("deploy.fault.host-refused", arguments))
        }
        throw DeployFault.classify(child.finish(), during: CatalogMessage(Self.describe(command), ["release": id]), access: access)
    }

    /// Asks the host to remove release `id`: nil when it is gone, else why it stays (``Held``).
    func remove(release id: String) throws -> Held? {
        var held: Held?
        try run("remove", release: id) { answer in
            guard answer.hasPrefix("held ") else { return false }
            let what = answer.dropFirst("held ".count)
            switch what {
            case "unlisted": held = .unlisted
            case "unreadable": held = .unreadable
            default: held = .file(String(what.dropFirst("file ".count)))
            }
            return true
        }
        return held
    }

    /// Why the host keeps a release a deploy asked it to remove.
    enum Held: Equatable {
        /// It holds this file, which was never uploaded (put there by hand).
        case file(String)
        /// It was uploaded with no list of its files (by an older sitegen): what else is in it cannot be told.
        case unlisted
        /// It cannot be read whole: what else is in it cannot be told.
        case unreadable
    }

    /// KiB free on the file system of the target's folder, or nil when the host does not say.
    func freeSpace(release id: String) -> Int? {
        guard child.send("space\n" + id + "\n") else { return nil }
        var free: Int?
        while let line = child.readLine(), line != "ok" {
            guard line.hasPrefix("df ") else { return nil }
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if fields.count >= 5, let n = Int(fields[4]) { free = n }
        }
        return free
    }

    /// Ends the script, which releases the lock.
    func close() {
        _ = child.finish()
    }

    /// The `deploy.during.*` message of a command of the host script.
    private static func describe(_ command: String) -> String {
        switch command {
        case "publish", "switch", "remove": return "deploy.during." + command
        case "incoming": return "deploy.during.upload"
        // A release replaced by its upload goes live as a published one does.
        case "replace": return "deploy.during.publish"
        default: return "deploy.during.log"
        }
    }

    private static func split(_ line: String) -> (String, String) {
        guard let space = line.firstIndex(of: " ") else { return (line, "") }
        return (String(line[..<space]), String(line[line.index(after: space)...]))
    }
}
