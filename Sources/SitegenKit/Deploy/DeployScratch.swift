import Foundation
import SitegenCore

/// The folder a deploy builds the site in, among the system's temporary files, and what killed deploys
/// left there.
///
/// A deploy builds into a folder of its own (`sitegen-deploy-<process>-XXXXXX`), removed when it ends.
/// One killed (a closed terminal, `kill -9`, a power cut of a laptop) leaves a whole site there, and
/// each such deploy one more. The next deploy removes those, and only those: a folder of exactly that
/// name, of this user, not a link, whose process is no longer running, holding nothing but what a
/// build puts beside and into its output (`site` and names starting `.site`).
enum DeployScratch {
    /// The start of a scratch folder's name.
    static let prefix = "sitegen-deploy-"

    /// Makes a new scratch folder in `parent` (the system's temporary folder) and returns its path.
    static func make(in parent: String = NSTemporaryDirectory()) throws -> String {
        var template = Array((parent + "/" + prefix + String(getpid()) + "-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw OutputError.io("cannot create a temporary folder: \(errnoText())") }
        return String(cString: made)
    }

    /// Removes the scratch folders of deploys that were killed (see the type); returns their paths.
    @discardableResult
    static func removeLeftovers(in parent: String = NSTemporaryDirectory()) -> [String] {
        var removed: [String] = []
        for name in Folder.entries(parent).sorted() {
            guard let pid = process(of: name), pid != getpid(), !(kill(pid, 0) == 0 || errno == EPERM) else { continue }
            let path = parent + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_uid == getuid(),
                  let listing = Folder.listing(path), listing.undecodable.isEmpty,
                  listing.names.allSatisfy({ $0 == "site" || $0.hasPrefix(".site") }) else { continue }
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
