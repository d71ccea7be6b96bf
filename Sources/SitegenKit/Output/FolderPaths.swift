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

    /// The number of the folder `name` in the folder numbered `parent`, if it has one: one look-up,
    /// where ``number(of:)`` takes one per folder of a path.
    func number(ofChild name: UnsafeBufferPointer<UInt8>, in parent: UInt32) -> UInt32? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 4) { key -> UInt32? in
            for i in 0..<4 { key[i] = UInt8(truncatingIfNeeded: parent >> (8 * i)) }
            for i in 0..<name.count { key[4 + i] = name[i] }
            return table.find(UnsafeBufferPointer(rebasing: key[0..<(4 + name.count)])).map(UInt32.init)
        }
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

    /// Each folder's place, by number, in the order of the tree: a folder comes before what it holds,
    /// and the folders of one parent come in the order of their names' bytes, each followed by all it
    /// holds (paths compared name by name). Found from the names as they are held: a big site's two
    /// hundred thousand paths, made whole to be sorted, were the peak of its build at the publish.
    func treeRanks() -> [UInt32] {
        let count = table.count
        // The folders each parent holds, in one list cut by parent (numbers are given parent first).
        var firstChild = [UInt32](repeating: 0, count: count + 1)
        for n in 1..<count { firstChild[table.withTerm(n, Self.parent) + 1] += 1 }
        for n in 0..<count { firstChild[n + 1] += firstChild[n] }
        var children = [UInt32](repeating: 0, count: count - 1)
        var filled = firstChild
        for n in 1..<count {
            let parent = table.withTerm(n, Self.parent)
            children[Int(filled[parent])] = UInt32(n)
            filled[parent] += 1
        }
        filled = []
        for parent in 0..<count where firstChild[parent + 1] - firstChild[parent] > 1 {
            children[Int(firstChild[parent])..<Int(firstChild[parent + 1])].sort { a, b in
                table.withTerm(Int(a)) { x in
                    table.withTerm(Int(b)) { y in UnsafeBufferPointer(rebasing: x[4...]).precedesInByteOrder(UnsafeBufferPointer(rebasing: y[4...])) }
                }
            }
        }
        // Depth first from the root, each parent's folders pushed last to first.
        var rank = [UInt32](repeating: 0, count: count)
        var next: UInt32 = 0
        var stack: [UInt32] = [0]
        while let n = stack.popLast() {
            rank[Int(n)] = next
            next += 1
            stack += children[Int(firstChild[Int(n)])..<Int(firstChild[Int(n) + 1])].reversed()
        }
        return rank
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
