/// A set of small numbers (numbered things: folders, pages) as one bit each: for numbers given out one
/// after another from 0, a `Set<UInt32>` held some 10 bytes for each where this holds an eighth of one.
package struct BitSet: Sendable {
    private var words: [UInt64] = []

    package init() {}

    /// Adds `n`.
    package mutating func insert(_ n: UInt32) {
        let word = Int(n >> 6)
        if word >= words.count { words += repeatElement(0, count: word - words.count + 1) }
        words[word] |= 1 << UInt64(n & 63)
    }

    /// Whether `n` was added.
    package func contains(_ n: UInt32) -> Bool {
        let word = Int(n >> 6)
        return word < words.count && words[word] & (1 << UInt64(n & 63)) != 0
    }
}
