import Foundation
import SitegenCore

/// The real rsync, over ssh for a remote target: uploads a release, or compares the build with the
/// host's current release without touching anything.
struct RsyncTransfer {
    var access: HostAccess

    /// Options of every transfer: recursive, links kept as links, files compared by content (a fresh
    /// build has fresh times), the same permissions for every release (so unchanged files can be
    /// hard-linked), arguments sent over the protocol rather than through the host's shell.
    private var common: [String] {
        var args = ["--recursive", "--links", "--perms", "--checksum", "--chmod=D755,F644", "--delete",
                    "--secluded-args", "--timeout=120"]
        if access.target.host != nil { args += ["-e", access.rsyncShell] }
        if let limit = access.target.bandwidthLimit { args.append("--bwlimit=\(limit)") }
        return args
    }

    /// Uploads `folder` into `releases/.incoming-<id>/`, hard-linking files unchanged since the
    /// releases in `linkFrom` so only changes travel. `started` is told rsync's process id.
    func upload(_ folder: String, release id: String, linkFrom: [String], started: (Int32) -> Void = { _ in }) throws {
        let rsync = try HostAccess.program("rsync", package: "rsync")
        let links = linkFrom.prefix(20).map { "--link-dest=../\($0)" }
        let child = try ChildProcess(executable: rsync, arguments: common + links + [folder + "/", access.rsyncPath("releases/.incoming-\(id)/")])
        started(child.pid)
        let ending = child.finish()
        guard ending.succeeded else {
            throw DeployFault.classify(ending, during: CatalogMessage("deploy.during.upload", ["release": id]), access: access)
        }
    }

    /// What a deploy of `folder` would change against the release `current` on the host.
    func changes(_ folder: String, current: String) throws -> Changes {
        let rsync = try HostAccess.program("rsync", package: "rsync")
        let ending = try ChildProcess.run(rsync, common + ["--dry-run", "--itemize-changes", "--out-format=%i %n",
                                                           folder + "/", access.rsyncPath("releases/\(current)/")])
        guard ending.succeeded else { throw DeployFault.classify(ending, during: CatalogMessage("deploy.during.compare", ["release": current]), access: access) }
        var changes = Changes()
        for line in ending.output {
            // The release's list of its files follows them, and is none of the site's.
            if line.hasSuffix(" " + Deployer.fileList) { continue }
            if line.hasPrefix("*deleting ") {
                let path = line.dropFirst("*deleting ".count).trimmingCharacters(in: .whitespaces)
                if !path.hasSuffix("/") { changes.removed.append(path) }
                continue
            }
            guard let space = line.firstIndex(of: " ") else { continue }
            let flags = line[..<space], path = String(line[line.index(after: space)...])
            guard flags.count >= 2, flags.dropFirst().first == "f" else { continue }
            let marks = Array(flags)
            if flags.contains("+") {
                changes.added.append(path)
            } else if marks.count > 3 && (marks[2] == "c" || marks[3] == "s") {
                changes.changed.append(path)
            }
        }
        return changes
    }

    /// Files added, changed and removed, as paths in the site.
    struct Changes {
        var added: [String] = []
        var changed: [String] = []
        var removed: [String] = []
    }
}
