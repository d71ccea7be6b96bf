import Foundation
import SitegenCore

/// A folder a command builds the site in, among the system's temporary files, and what killed commands
/// left there: a deploy's (``Kind/deploy``) and a preview's (``Kind/preview``).
///
/// A command builds into a folder of its own (`sitegen-deploy-<process>-XXXXXX`,
/// `sitegen-serve-<process>-XXXXXX`), removed when it ends, and holds a lock on it (`flock`) while it
/// runs. One killed (a closed terminal, `kill -9`, a second Ctrl+C that does not wait, a power cut of a
/// laptop) leaves a whole site there, and each such command one more. The next command of the kind
/// removes those, and only those: a folder of exactly that name, of this user, not a link, whose process
/// is no longer running and whose lock no one holds (a process of another container sharing the
/// temporary folder has a number this one cannot see, but its lock is seen), holding the marker the
/// command writes into its folder first (``Kind/marker``) and nothing but what a build puts beside and
/// into its output (`site` and names starting `.site`); or nothing at all.
package enum ScratchFolder {
    /// What makes a command's scratch folders its own: the start of their names and their marker file.
    package struct Kind: Sendable {
        /// The start of a scratch folder's name.
        package let prefix: String
        /// The file the command writes into its scratch folder as soon as it has made it: a folder of
        /// such a name without it is someone else's.
        package let marker: String

        /// A deploy's.
        package static let deploy = Kind(prefix: "sitegen-deploy-", marker: ".sitegen-deploy")
        /// A preview's (`sitegen serve`).
        package static let preview = Kind(prefix: "sitegen-serve-", marker: ".sitegen-serve")
    }

    /// A scratch folder, locked for as long as this value lives.
    package final class Folder: @unchecked Sendable {
        package let path: String
        private let descriptor: Int32
        private let marker: String
        init(path: String, descriptor: Int32, marker: String) {
            self.path = path
            self.descriptor = descriptor
            self.marker = marker
        }
        deinit { close(descriptor) }

        /// Removes the folder, its marker last (``ScratchFolder/remove(_:markerLast:)``).
        package func remove() { ScratchFolder.remove(path, markerLast: marker) }
    }

    /// Makes a new scratch folder of `kind` in `parent` (the system's temporary folder), locked.
    package static func make(_ kind: Kind, in parent: String = NSTemporaryDirectory()) throws -> Folder {
        var template = Array((parent + "/" + kind.prefix + String(getpid()) + "-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw OutputError.io("cannot create a temporary folder: \(errnoText())") }
        let path = String(cString: made)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if fd >= 0 { close(fd) }
            rmdir(path)
            throw OutputError.io("cannot lock the temporary folder \(path): \(errnoText())")
        }
        let mark = open(path + "/" + kind.marker, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard mark >= 0 else {
            close(fd)
            rmdir(path)
            throw OutputError.io("cannot write into the temporary folder \(path): \(errnoText())")
        }
        close(mark)
        return Folder(path: path, descriptor: fd, marker: kind.marker)
    }

    /// Removes the scratch folders of `kind` that killed commands left (see the type); returns their paths.
    @discardableResult
    package static func removeLeftovers(_ kind: Kind, in parent: String = NSTemporaryDirectory()) -> [String] {
        var removed: [String] = []
        for name in SitegenCore.Folder.entries(parent).sorted() {
            guard let pid = process(of: name, kind), pid != getpid(), !(kill(pid, 0) == 0 || errno == EPERM) else { continue }
            let path = parent + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(),
                  let listing = SitegenCore.Folder.listing(path), listing.undecodable.isEmpty,
                  listing.names.allSatisfy({ $0 == "site" || $0.hasPrefix(".site") }) else { continue }
            // Marked by the command that made it (a plain file), or empty: anything else is someone's own.
            var markInfo = stat()
            let marked = lstat(path + "/" + kind.marker, &markInfo) == 0 && (markInfo.st_mode & S_IFMT) == S_IFREG
            guard marked || listing.names.isEmpty else { continue }
            // Held by a command still running (one of another container, whose number means nothing here).
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            remove(path, markerLast: kind.marker)
            removed.append(path)
        }
        return removed
    }

    /// Removes a scratch folder with its marker last: a removal cut short (a second Ctrl+C, a kill)
    /// leaves the marker with whatever is left, so the next command of the kind knows it as its own.
    static func remove(_ path: String, markerLast marker: String) {
        for name in SitegenCore.Folder.entries(path) where name != marker { TreeRemoval.remove(path + "/" + name) }
        // Something that would not go keeps the marker with it, for the next command to try again.
        guard let left = SitegenCore.Folder.listing(path),
              (left.names + left.undecodable.map(\.name)).allSatisfy({ $0 == marker }) else { return }
        unlink(path + "/" + marker)
        rmdir(path)
    }

    /// The process a scratch folder's name says made it: the kind's prefix, digits, `-` and the six
    /// letters or digits `mkdtemp` puts; nil for any other name.
    static func process(of name: String, _ kind: Kind) -> pid_t? {
        guard name.hasPrefix(kind.prefix) else { return nil }
        let parts = name.dropFirst(kind.prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, OutputTree.isNumber(parts[0]), parts[1].utf8.count == 6,
              parts[1].utf8.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }),
              let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
