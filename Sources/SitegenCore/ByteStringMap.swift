/// A value under each of distinct strings, the strings' bytes in one ``ByteStringTable`` and the values
/// in one list by the strings' numbers, where a dictionary of strings held a string and an entry for
/// each (for a big site, one a page until its build ended). A string is its bytes: `café` composed and
/// decomposed are two keys, as a file system or a web server holds them.
package struct ByteStringMap<Value: Sendable>: Sendable {
    private var table = ByteStringTable(expected: 1024)
    private var values: [Value] = []

    package init() {}

    /// How many keys there are.
    package var count: Int { values.count }

    /// The value under `key`, if it has one.
    package subscript(key: String) -> Value? {
        var key = key
        return key.withUTF8 { table.find($0) }.map { values[$0] }
    }

    /// Puts `value` under `key`, in place of any it had.
    package mutating func add(_ key: String, _ value: Value) {
        var key = key
        let (id, isNew) = key.withUTF8 { table.insert($0) }
        if isNew { values.append(value) } else { values[id] = value }
    }

    /// How many keys `holds` accepts, without making a string of every key.
    package func count(whereKey holds: (UnsafeBufferPointer<UInt8>) -> Bool) -> Int {
        var n = 0
        for i in 0..<count where table.withTerm(i, holds) { n += 1 }
        return n
    }

    /// Every key, in the order it was first given.
    package var keys: [String] { (0..<count).map { table.string($0) } }
}
