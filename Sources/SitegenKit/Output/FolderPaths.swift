import SitegenCore

/// The folders of an output tree, numbered, each held as its parent's number and its own name: a big
/// site's two hundred thousand folders (`kk/s00/page-00042`, `bulletins/kk/s00/page-00042`) share their
/// parents, and a folder costs its last name and four bytes rather than its whole path. The root is
/// number 0, and a folder's parent always has a smaller number than it.
struct FolderPaths {
    /// Each folder's parent number (4 bytes, little-endian) then its name; the root's is empty.
    private var table = ByteStringTable(expected: 1024)

    init() {
        _ = table.insert(UnsafeBufferPointer(start: nil, count: 0))
    }

    /// How many folders are numbered, the root and every parent of a folder numbered included.
    var count: Int { table.count }

    /// The number of the folder at `path` (below the root, "" for the root), if it has one.
    func number(of path: UnsafeBufferPointer<UInt8>) -> UInt32? {
        Self.walk(path) { table.find($0) }
    }

    /// The number of the folder at `path`, and of each of its parents, given each one that has none.
    mutating func number(interning path: UnsafeBufferPointer<UInt8>) -> UInt32 {
        Self.walk(path) { table.insert($0).0 }!
    }

    /// The path of the folder numbered `number`, below the root ("" for the root).
    func path(_ number: UInt32) -> String {
        var names: [[UInt8]] = []
        var n = Int(number)
        while n != 0 {
            let (parent, name) = table.withTerm(n) { key in (Self.parent(key), Array(key[4...])) }
            names.append(name)
            n = parent
        }
        return String(decoding: Array(names.reversed().joined(separator: [UInt8(ascii: "/")])), as: UTF8.self)
    }

    /// Every folder's path, by number, in one buffer: folder `n`'s is `bytes[starts[n]..<starts[n + 1]]`.
    /// Made one from another, as a parent's comes first.
    func allPaths() -> (bytes: [UInt8], starts: [Int]) {
        var bytes: [UInt8] = []
        var starts = [0]
        starts.reserveCapacity(count + 1)
        for n in 0..<count {
            table.withTerm(n) { key in
                guard !key.isEmpty else { return }
                let parent = Self.parent(key)
                if parent != 0 {
                    let parentPath = Array(bytes[starts[parent]..<starts[parent + 1]])
                    bytes += parentPath
                    bytes.append(UInt8(ascii: "/"))
                }
                bytes += UnsafeBufferPointer(rebasing: key[4...])
            }
            starts.append(bytes.count)
        }
        return (bytes, starts)
    }

    private static func parent(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        Int(UInt32(key[0]) | UInt32(key[1]) << 8 | UInt32(key[2]) << 16 | UInt32(key[3]) << 24)
    }

    /// Steps from the root down `path` a name at a time, `step` taking each folder's key and giving its
    /// number (nil: none, and the walk stops).
    private static func walk(_ path: UnsafeBufferPointer<UInt8>, _ step: (UnsafeBufferPointer<UInt8>) -> Int?) -> UInt32? {
        guard var number = step(UnsafeBufferPointer(start: nil, count: 0)) else { return nil }
        if path.isEmpty { return UInt32(number) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: path.count + 4) { key -> UInt32? in
            var start = 0
            while start <= path.count {
                var end = start
                while end < path.count && path[end] != UInt8(ascii: "/") { end += 1 }
                for i in 0..<4 { key[i] = UInt8(truncatingIfNeeded: number >> (8 * i)) }
                for i in start..<end { key[4 + i - start] = path[i] }
                guard let next = step(UnsafeBufferPointer(rebasing: key[0..<(4 + end - start)])) else { return nil }
                number = next
                start = end + 1
            }
            return UInt32(number)
        }
    }
}
