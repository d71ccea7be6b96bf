import SitegenCore

/// The digest of each file under `content/`, by its path in the source (`content/kk/42500/apply.md`):
/// the paths are bytes in one table and the digests one list, where a dictionary of strings held a
/// string, an entry and room to grow for every page of a big site until its build ended.
struct ContentDigests: Sendable {
    private var names = ByteStringTable(expected: 1024)
    private var digests: [SourceDigest] = []

    init() {}

    /// How many files there are.
    var count: Int { digests.count }

    /// The digest of the file at `path`, when it was digested.
    subscript(path: String) -> SourceDigest? {
        var path = path
        return path.withUTF8 { names.find($0) }.map { digests[$0] }
    }

    /// Records the digest of the file at `path` (a path given again keeps its last digest).
    mutating func add(_ path: String, _ digest: SourceDigest) {
        var path = path
        let (id, isNew) = path.withUTF8 { names.insert($0) }
        if isNew { digests.append(digest) } else { digests[id] = digest }
    }

    /// How many paths `holds` accepts, without making a string of every path.
    func count(where holds: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int {
        var n = 0
        for i in 0..<count where names.withTerm(i, holds) { n += 1 }
        return n
    }

    /// Every path, in the order it was first given.
    var paths: [String] { (0..<count).map { names.string($0) } }
}
