import Foundation
import SitegenCore

/// The folder a deploy builds the site in, among the system's temporary files, and what killed deploys
/// left there.
///
/// A deploy builds into a folder of its own (`sitegen-deploy-<process>-XXXXXX`), removed when it ends,
/// and holds a lock on it (`flock`) while it runs. One killed (a closed terminal, `kill -9`, a power cut
/// of a laptop) leaves a whole site there, and each such deploy one more. The next deploy removes
/// those, and only those: a folder of exactly that name, of this user, not a link, whose process is no
/// longer running and whose lock no one holds (a process of another container sharing the temporary
/// folder has a number this one cannot see, but its lock is seen), holding the marker a deploy writes
/// into its folder first (``marker``) and nothing but what a build puts beside and into its output (`site`
/// and names starting `.site`); or nothing at all.
enum DeployScratch {
    /// The start of a scratch folder's name.
    static let prefix = "sitegen-deploy-"
    /// The file a deploy writes into its scratch folder as soon as it has made it: a folder of such a
    /// name without it is someone else's.
    static let marker = ".sitegen-deploy"

    /// A scratch folder, locked for as long as this value lives.
    final class Folder: @unchecked Sendable {
        let path: String
        private let descriptor: Int32
        init(path: String, descriptor: Int32) {
            self.path = path
            self.descriptor = descriptor
        }
        deinit { close(descriptor) }
    }

    /// Makes a new scratch folder in `parent` (the system's temporary folder), locked.
    static func make(in parent: String = NSTemporaryDirectory()) throws -> Folder {
        var template = Array((parent + "/" + prefix + String(getpid()) + "-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw OutputError.io("cannot create a temporary folder: \(errnoText())") }
        let path = String(cString: made)
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if fd >= 0 { close(fd) }
            rmdir(path)
            throw OutputError.io("cannot lock the temporary folder \(path): \(errnoText())")
        }
        let mark = open(path + "/" + marker, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard mark >= 0 else {
            close(fd)
            rmdir(path)
            throw OutputError.io("cannot write into the temporary folder \(path): \(errnoText())")
        }
        close(mark)
        return Folder(path: path, descriptor: fd)
    }

    /// Removes the scratch folders of deploys that were killed (see the type); returns their paths.
    @discardableResult
    static func removeLeftovers(in parent: String = NSTemporaryDirectory()) -> [String] {
        var removed: [String] = []
        for name in SitegenCore.Folder.entries(parent).sorted() {
            guard let pid = process(of: name), pid != getpid(), !(kill(pid, 0) == 0 || errno == EPERM) else { continue }
            let path = parent + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(),
                  let listing = SitegenCore.Folder.listing(path), listing.undecodable.isEmpty,
                  listing.names.allSatisfy({ $0 == "site" || $0.hasPrefix(".site") }) else { continue }
            // Marked by the deploy that made it (a plain file), or empty: anything else is someone's own.
            var markInfo = stat()
            let marked = lstat(path + "/" + marker, &markInfo) == 0 && (markInfo.st_mode & S_IFMT) == S_IFREG
            guard marked || listing.names.isEmpty else { continue }
            // Held by a deploy still running (one of another container, whose number means nothing here).
            let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
            TreeRemoval.remove(path)
            removed.append(path)
        }
        return removed
    }

    /// The process a scratch folder's name says made it: `sitegen-deploy-`, digits, `-` and the six
    /// letters or digits `mkdtemp` puts; nil for any other name.
    static func process(of name: String) -> pid_t? {
        guard name.hasPrefix(prefix) else { return nil }
        let parts = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, OutputTree.isNumber(parts[0]), parts[1].utf8.count == 6,
              parts[1].utf8.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 || $0 &- 0x30 < 10 }),
              let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
