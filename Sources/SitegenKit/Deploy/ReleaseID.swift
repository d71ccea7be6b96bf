import Foundation
import SitegenCore

/// A release is named by what it holds: a digest over the sorted list of its files and their
/// digests, so the same build deploys once and a release id says exactly which site it is.
enum ReleaseID {
    /// Hex digits kept: 64 bits.
    static let length = 16

    /// The id of the built site in `folder`, with the number of files it holds.
    package static func of(folder: String) throws -> String {
        var entries: [(path: String, digest: String)] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let dir = relative.isEmpty ? folder : folder + "/" + relative
            for name in Folder.entries(dir) {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder + "/" + path, &info) == 0 else { throw OutputError.io("cannot read \(path): \(errnoText())") }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: stack.append(path)
                case S_IFREG:
                    guard let bytes = FileReader.read(folder + "/" + path) else { throw OutputError.io("cannot read \(path): \(errnoText())") }
                    entries.append((path, SHA256Digest.hex(bytes)))
                default:
                    throw OutputError.io("\(path) in the built site is neither a file nor a folder")
                }
            }
        }
        // Sorted by bytes, not by locale: the id must not depend on the machine.
        entries.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        var listing: [UInt8] = []
        for e in entries {
            listing += Array(e.path.utf8) + [0] + Array(e.digest.utf8) + [10]
        }
        return String(SHA256Digest.hex(listing).prefix(length))
    }

    /// Whether a name is a release id (and so safe in a path on the host).
    static func isValid(_ s: String) -> Bool {
        s.utf8.count == length && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
