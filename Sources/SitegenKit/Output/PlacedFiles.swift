import Foundation
import SitegenCore

/// Files of an output folder, each with its size and identity (time of modification, inode, mode): those a build placed in its
/// staging folder, or those a walk of a published folder found.
///
/// A big site has half a million files, and a path is a folder shared by a page's files
/// (`bulletins/kk/42500/apply`) and a name shared by every page (`telegram.html`): each folder and
/// each name is held once, and a file is two numbers and its stamp. (A dictionary of paths held
/// every path as a string of its own: a third of a 100,000-page build's memory.) The folders, two a
/// page, are bytes in one buffer (``ByteStringTable``): as strings in a dictionary, each cost a string,
/// an entry and a copy in a list, some 250 bytes a page.
struct PlacedFiles {
    /// A file's size and identity (``OutputTree/identity(_:)``).
    struct Stamp: Equatable {
        var size: Int
        var identity: Int
    }

    private var folders = ByteStringTable(expected: 1024)
    private var nameIDs: [Bytes: UInt32] = [:]
    private var names: [String] = []
    /// By folder number (high half) and name number (low half).
    private var stamps: [UInt64: Stamp] = [:]

    init() {}

    /// The files of a listing.
    init(_ files: [BuildRecord.OutputFile]) {
        stamps.reserveCapacity(files.count)
        for file in files { self[file.path] = Stamp(size: file.size, identity: file.identity) }
    }

    var count: Int { stamps.count }

    mutating func reserveCapacity(_ count: Int) { stamps.reserveCapacity(count) }

    /// The stamp of the file at `path` (relative to the output root); nil removes it.
    subscript(path: String) -> Stamp? {
        get {
            let (folder, name) = Self.split(path)
            guard let f = folderNumber(folder), let n = nameIDs[Bytes(name)] else { return nil }
            return stamps[Self.key(f, n)]
        }
        set {
            let (folder, name) = Self.split(path)
            guard let newValue else {
                if let f = folderNumber(folder), let n = nameIDs[Bytes(name)] { stamps[Self.key(f, n)] = nil }
                return
            }
            stamps[Self.key(folderNumber(interning: folder), Self.intern(name, &nameIDs, &names))] = newValue
        }
    }

    /// The number of the folder `folder` (its path below the root, "" for the root) when it has one: a
    /// file was placed in it, or it was given one (``folderNumber(interning:)``; a list read back gives
    /// numbers only to the folders of its files). What ``contains(_:in:)`` takes, so that the files of
    /// one folder are looked up by name alone.
    func folderNumber<S: StringProtocol>(_ folder: S) -> UInt32? {
        var folder = Substring(folder)
        return folder.withUTF8 { folders.find($0) }.map(UInt32.init)
    }

    /// The number of the folder `folder`, given it if it has none: with ``add(_:in:_:)``, the files of one
    /// folder are placed with one look-up of it (a list read back names a folder once for each file), and
    /// a folder made for the files to come is known by it. A folder without files is in no listing.
    mutating func folderNumber<S: StringProtocol>(interning folder: S) -> UInt32 {
        var folder = Substring(folder)
        return UInt32(folder.withUTF8 { folders.insert($0).0 })
    }

    /// The folder numbered `number` (``folderNumber(_:)``), its path below the root.
    private func folder(_ number: UInt32) -> String { folders.string(Int(number)) }

    /// Places the file `name` in the folder numbered `folder` (``folderNumber(interning:)``).
    mutating func add(_ name: String, in folder: UInt32, _ stamp: Stamp) {
        stamps[Self.key(folder, Self.intern(name, &nameIDs, &names))] = stamp
    }

    /// Whether the file `name` is in the folder numbered `folder` (``folderNumber(_:)``).
    func contains(_ name: String, in folder: UInt32) -> Bool {
        guard let n = nameIDs[Bytes(name)] else { return false }
        return stamps[Self.key(folder, n)] != nil
    }

    /// Every file, in the order of ``digest()``.
    var files: [BuildRecord.OutputFile] {
        orderedKeys().map { key in
            let stamp = stamps[key]!
            return BuildRecord.OutputFile(path: path(key), size: stamp.size, identity: stamp.identity)
        }
    }

    /// The files in the order of ``digest()``, found once for the list of a build's files and the digest
    /// of their listing both (a sort of half a million files, at a big site's publish).
    struct Order {
        fileprivate let keys: [UInt64]
        /// How many files were ordered.
        var count: Int { keys.count }
    }

    /// The order of the files as they are now (``forEachFile(in:_:)``, ``digest(in:)``).
    func order() -> Order { Order(keys: orderedKeys()) }

    /// Each file's folder ("" at the root) and name, in the order of ``digest()``: the paths of half a
    /// million files without a string made for each. `order`, when given, is this table's as it is.
    func forEachFile(in order: Order? = nil, _ body: (_ folder: String, _ name: String) -> Void) {
        // The files of a folder come together: its path is made once for them.
        var last: (number: UInt64, path: String)?
        for key in order?.keys ?? orderedKeys() {
            if last?.number != key >> 32 { last = (key >> 32, folder(UInt32(key >> 32))) }
            body(last!.path, names[Int(key & 0xFFFF_FFFF)])
        }
    }

    /// The SHA-256 of the listing: each file as `size identity path` and a NUL, by folder, then by name
    /// within a folder, each in the order of its bytes (an order found without making every path).
    /// The same files give the same digest, whoever placed or listed them, in whatever order. `order`,
    /// when given, is this table's as it is.
    func digest(in order: Order? = nil) -> String {
        let stream = SHA256Stream()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16 + 4096)
        for key in order?.keys ?? orderedKeys() {
            let stamp = stamps[key]!
            let name = names[Int(key & 0xFFFF_FFFF)]
            buffer += String(stamp.size).utf8
            buffer.append(UInt8(ascii: " "))
            buffer += String(stamp.identity).utf8
            buffer.append(UInt8(ascii: " "))
            folders.withTerm(Int(key >> 32)) { folder in
                if !folder.isEmpty {
                    buffer += folder
                    buffer.append(UInt8(ascii: "/"))
                }
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

    /// The files' keys by folder, then by name.
    private func orderedKeys() -> [UInt64] {
        let folderRank = Self.ranks(count: folders.count) { body in for i in 0..<folders.count { folders.withTerm(i, body) } }
        let nameRank = Self.ranks(count: names.count) { body in for name in names { Array(name.utf8).withUnsafeBufferPointer(body) } }
        func order(_ key: UInt64) -> UInt64 { UInt64(folderRank[Int(key >> 32)]) << 32 | UInt64(nameRank[Int(key & 0xFFFF_FFFF)]) }
        return stamps.keys.sorted { order($0) < order($1) }
    }

    private func path(_ key: UInt64) -> String {
        let (folder, name) = (folder(UInt32(key >> 32)), names[Int(key & 0xFFFF_FFFF)])
        return folder.isEmpty ? name : folder + "/" + name
    }

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

    /// Each string's place among all of them in the order of their bytes, compared with `memcmp` over
    /// one buffer (sorting strings one by one is several times slower).
    private static func ranks(count: Int, _ each: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void) -> [UInt32] {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        starts.reserveCapacity(count + 1)
        each { s in
            starts.append(bytes.count)
            bytes += s
        }
        starts.append(bytes.count)
        let order = bytes.withUnsafeBufferPointer { all in
            starts.withUnsafeBufferPointer { starts in
                (0..<count).sorted { a, b in
                    let (aCount, bCount) = (starts[a + 1] - starts[a], starts[b + 1] - starts[b])
                    let common = memcmp(all.baseAddress! + starts[a], all.baseAddress! + starts[b], min(aCount, bCount))
                    return common != 0 ? common < 0 : aCount < bCount
                }
            }
        }
        var rank = [UInt32](repeating: 0, count: count)
        for (place, i) in order.enumerated() { rank[i] = UInt32(place) }
        return rank
    }
}
