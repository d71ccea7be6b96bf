import Foundation
import SitegenCore

/// Files of an output folder, each with its identity (size, time of modification, inode, mode: ``OutputTree/identity(_:)``):
/// those a build placed in its staging folder, or those a walk of a published folder found.
///
/// A big site has half a million files, and a path is a folder shared by a page's files
/// (`bulletins/kk/42500/apply`) and a name shared by every page (`telegram.html`): each folder and
/// each name is held once, and a file is two numbers and its identity, 16 bytes in two arrays, found
/// through a table of 4-byte slots. (A dictionary of paths held every path as a string of its own: a
/// third of a 100,000-page build's memory; a dictionary of numbers to sizes and identities, 24 bytes a
/// bucket at half its buckets used, was still a quarter of it.) The folders, two a page, are each their
/// parent's number and their own name (``FolderPaths``): as strings in a dictionary, each cost a string,
/// an entry and a copy in a list, some 250 bytes a page; as whole paths in one buffer, 22 bytes and the
/// room the buffer grew by.
struct PlacedFiles {
    private var folders = FolderPaths()
    private var nameIDs: [Bytes: UInt32] = [:]
    private var names: [String] = []
    /// Each file's folder number (high half) and name number (low half), in the order placed.
    private var keys: [UInt64] = []
    /// Each file's identity, by its number.
    private var identities: [Int] = []
    /// Open addressing with linear probing over ``keys``: a file's number plus one, or 0.
    private var slots = [UInt32](repeating: 0, count: 16)
    /// Whether each file's identity is known: false for a list read back from a form that kept only
    /// paths (``WrittenFiles/secondHeader``), whose files are placed with none.
    var identitiesKnown = true

    init() {}

    /// The files of a listing.
    init(_ files: [BuildRecord.OutputFile]) {
        reserveCapacity(files.count)
        for file in files { place(file.path, file.identity) }
    }

    var count: Int { keys.count }

    mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        identities.reserveCapacity(count)
        var size = slots.count
        while size * 3 < count * 4 + 4 { size *= 2 }
        if size > slots.count { rehash(size) }
    }

    /// The identity of the file at `path` (relative to the output root), nil when none was placed there.
    func identity(of path: String) -> Int? {
        let (folder, name) = Self.split(path)
        return folderNumber(folder).flatMap { identity(String(name), in: $0) }
    }

    /// Places the file at `path` (relative to the output root) with its identity; a file placed there
    /// before is given the new one.
    mutating func place(_ path: String, _ identity: Int) {
        let (folder, name) = Self.split(path)
        add(name, in: folderNumber(interning: folder), identity)
    }

    /// The number of the folder `folder` (its path below the root, "" for the root) when it has one: a
    /// file was placed in it, or it was given one (``folderNumber(interning:)``; a list read back gives
    /// numbers only to the folders of its files). What ``contains(_:in:)`` takes, so that the files of
    /// one folder are looked up by name alone.
    func folderNumber<S: StringProtocol>(_ folder: S) -> UInt32? {
        var folder = Substring(folder)
        return folder.withUTF8 { folders.number(of: $0) }
    }

    /// The number of the folder `name` (its bytes) in the folder numbered `parent`, when it has one.
    func folderNumber(ofChild name: [UInt8], in parent: UInt32) -> UInt32? {
        name.withUnsafeBufferPointer { folders.number(ofChild: $0, in: parent) }
    }

    /// The number of the folder `folder`, given it if it has none: with ``add(_:in:_:)``, the files of one
    /// folder are placed with one look-up of it (a list read back names a folder once for each file), and
    /// a folder made for the files to come is known by it. A folder without files is in no listing.
    mutating func folderNumber<S: StringProtocol>(interning folder: S) -> UInt32 {
        var folder = Substring(folder)
        return folder.withUTF8 { folders.number(interning: $0) }
    }

    /// The folder numbered `number` (``folderNumber(_:)``), its path below the root.
    private func folder(_ number: UInt32) -> String { folders.path(number) }

    /// Places the file `name` in the folder numbered `folder` (``folderNumber(interning:)``).
    mutating func add(_ name: String, in folder: UInt32, _ identity: Int) {
        let key = Self.key(folder, Self.intern(name, &nameIDs, &names))
        let (slot, file) = find(key)
        if let file {
            identities[file] = identity
            return
        }
        keys.append(key)
        identities.append(identity)
        slots[slot] = UInt32(keys.count)
        if keys.count * 4 > slots.count * 3 { rehash(slots.count * 2) }
    }

    /// Whether the file `name` is in the folder numbered `folder` (``folderNumber(_:)``).
    func contains(_ name: String, in folder: UInt32) -> Bool {
        identity(name, in: folder) != nil
    }

    /// The identity of the file `name` in the folder numbered `folder`, nil when none was placed there.
    func identity(_ name: String, in folder: UInt32) -> Int? {
        guard let n = nameIDs[Bytes(name)], let i = find(Self.key(folder, n)).file else { return nil }
        return identities[i]
    }

    /// Every file, in the order of ``digest()``.
    var files: [BuildRecord.OutputFile] {
        orderedFiles().map { BuildRecord.OutputFile(path: path(Int($0)), identity: identities[Int($0)]) }
    }

    /// Where `key` is in ``slots``, or the empty slot where it would go, and its file's number if placed.
    private func find(_ key: UInt64) -> (slot: Int, file: Int?) {
        let mask = slots.count - 1
        var slot = Self.hash(key) & mask
        while true {
            let held = slots[slot]
            if held == 0 { return (slot, nil) }
            if keys[Int(held) - 1] == key { return (slot, Int(held) - 1) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rehash(_ size: Int) {
        var grown = [UInt32](repeating: 0, count: size)
        let mask = size - 1
        for (i, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = UInt32(i + 1)
        }
        slots = grown
    }

    /// Folder and name numbers are small and close; a probe sequence wants them spread over the whole table.
    private static func hash(_ key: UInt64) -> Int { Int(truncatingIfNeeded: SplitMix.mix(0, key)) }

    /// The files in the order of ``digest()``, found once for the list of a build's files and the digest
    /// of their listing both (a sort of half a million files, at a big site's publish).
    struct Order {
        fileprivate let files: [UInt32]
        /// How many files were ordered.
        var count: Int { files.count }
    }

    /// The order of the files as they are now (``forEachFile(in:_:)``, ``digest(in:)``).
    func order() -> Order { Order(files: orderedFiles()) }

    /// Each file's folder ("" at the root), name and identity, in the order of ``digest()``: the paths
    /// of half a million files without a string made for each. `order`, when given, is this table's as it is.
    func forEachFile(in order: Order? = nil, _ body: (_ folder: String, _ name: String, _ identity: Int) -> Void) {
        // The files of a folder come together: its path is made once for them.
        var last: (number: UInt64, path: String)?
        for file in order?.files ?? orderedFiles() {
            let key = keys[Int(file)]
            if last?.number != key >> 32 { last = (key >> 32, folder(UInt32(key >> 32))) }
            body(last!.path, names[Int(key & 0xFFFF_FFFF)], identities[Int(file)])
        }
    }

    /// Each file's folder ("" at the root), name and identity, in the order they were placed: for a
    /// look-up of each, where no order is needed and a sort of half a million files would be.
    func forEachFileAsPlaced(_ body: (_ folder: String, _ name: String, _ identity: Int) -> Void) {
        forEachFileAsPlaced(in: 0..<count, body)
    }

    /// ``forEachFileAsPlaced(_:)`` of the files placed `range`th (a part of them, for a look on every core).
    func forEachFileAsPlaced(in range: Range<Int>, _ body: (_ folder: String, _ name: String, _ identity: Int) -> Void) {
        var last: (number: UInt64, path: String)?
        for i in range {
            let key = keys[i]
            if last?.number != key >> 32 { last = (key >> 32, folder(UInt32(key >> 32))) }
            body(last!.path, names[Int(key & 0xFFFF_FFFF)], identities[i])
        }
    }

    /// Each folder numbered but the root, by its path below the root: a folder after its parent
    /// (``FolderPaths``), so that in reverse a folder comes before the one holding it.
    var folderPaths: [String] { (1..<max(1, folders.count)).map { folder(UInt32($0)) } }

    /// The SHA-256 of the listing: each file as `identity path` and a NUL, by folder in the order of
    /// the tree (paths compared name by name, ``FolderPaths/treeRanks()``), then by name within a
    /// folder, names in the order of their bytes (an order found without making every path).
    /// The same files give the same digest, whoever placed or listed them, in whatever order. `order`,
    /// when given, is this table's as it is.
    func digest(in order: Order? = nil) -> String {
        let stream = SHA256Stream()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 4096)
        forEachFile(in: order) { folder, name, identity in
            buffer += String(identity).utf8
            buffer.append(UInt8(ascii: " "))
            if !folder.isEmpty {
                buffer += folder.utf8
                buffer.append(UInt8(ascii: "/"))
            }
            buffer += name.utf8
            buffer.append(0)
            if buffer.count >= 1 << 16 {
                stream.update(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        stream.update(buffer)
        return stream.hex()
    }

    /// The files' numbers by folder, then by name.
    private func orderedFiles() -> [UInt32] {
        let folderRank = folders.treeRanks()
        let nameRank = Self.ranks(names.reduce(into: (bytes: [UInt8](), starts: [0])) { all, name in
            all.bytes += name.utf8
            all.starts.append(all.bytes.count)
        })
        func order(_ file: UInt32) -> UInt64 {
            let key = keys[Int(file)]
            return UInt64(folderRank[Int(key >> 32)]) << 32 | UInt64(nameRank[Int(key & 0xFFFF_FFFF)])
        }
        return (0..<UInt32(keys.count)).sorted { order($0) < order($1) }
    }

    private func path(_ file: Int) -> String {
        let key = keys[file]
        return Self.path(folder(UInt32(key >> 32)), names[Int(key & 0xFFFF_FFFF)])
    }

    /// The path below the root of the file `name` in `folder` ("" at the root), as the iterations give them.
    static func path(_ folder: String, _ name: String) -> String { folder.isEmpty ? name : folder + "/" + name }

    private static func key(_ folder: UInt32, _ name: UInt32) -> UInt64 { UInt64(folder) << 32 | UInt64(name) }

    /// The folder (empty at the root) and the name of a relative path.
    private static func split(_ path: String) -> (folder: Substring, name: String) {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return ("", path) }
        return (path[..<slash], String(path[path.utf8.index(after: slash)...]))
    }

    private static func intern(_ s: String, _ ids: inout [Bytes: UInt32], _ list: inout [String]) -> UInt32 {
        if let id = ids[Bytes(s)] { return id }
        let id = UInt32(list.count)
        ids[Bytes(s)] = id
        list.append(s)
        return id
    }

    /// A name as its bytes: Swift's `==` on strings holds `café` composed and decomposed (or `K` and the
    /// Kelvin sign's canonical twin) as one, where a folder holds two files.
    private struct Bytes: Hashable {
        let text: String
        init(_ text: String) { self.text = text }
        static func == (a: Bytes, b: Bytes) -> Bool {
            var (x, y) = (a.text, b.text)
            guard x.utf8.count == y.utf8.count else { return false }
            return x.withUTF8 { x in y.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
        }
        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    /// Each string's place among all of them in the order of their bytes (string `n` is
    /// `bytes[starts[n]..<starts[n + 1]]`), compared with `memcmp` over one buffer (sorting strings one by
    /// one is several times slower).
    private static func ranks(_ strings: (bytes: [UInt8], starts: [Int])) -> [UInt32] {
        let (bytes, starts) = strings
        let count = starts.count - 1
        let order = bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                (0..<count).sorted { a, b in
                    UnsafeBufferPointer(rebasing: all[starts[a]..<starts[a + 1]])
                        .precedesInByteOrder(UnsafeBufferPointer(rebasing: all[starts[b]..<starts[b + 1]]))
                }
            }
        }
        var rank = [UInt32](repeating: 0, count: count)
        for (place, i) in order.enumerated() { rank[i] = UInt32(place) }
        return rank
    }
}
