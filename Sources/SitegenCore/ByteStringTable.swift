import Glibc

/// Distinct byte strings, numbered in order of arrival, held in one shared buffer. A set of words or
/// lines of text is looked up from their bytes: no String, Array or Dictionary entry is made for each,
/// and no hasher seeded and finalised for each (a Set of them cost more than the reading it saved).
package struct ByteStringTable: Sendable {
    /// One buffer, not ``ByteStrings``' blocks: a term is looked up in the hottest loops of a build (the
    /// search index's words, each page's phrases), where a block's extra step cost 3% of a whole build.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]
    /// Open addressing with linear probing: term number, or -1.
    private var slots: [Int32]

    /// `expected`: about how many strings will be held (the table grows past it).
    package init(expected: Int = 512) {
        var size = 16
        while size < expected * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
    }

    /// Number of distinct strings.
    package var count: Int { starts.count - 1 }

    /// Calls `body` with the bytes of string `id`.
    package func withTerm<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]])) }
    }

    /// The number of `term`, if it is held.
    package func find(_ term: UnsafeBufferPointer<UInt8>) -> Int? {
        let (_, id) = probe(term)
        return id
    }

    /// Where `term` is or would go: its slot, and its number when it is held.
    private func probe(_ term: UnsafeBufferPointer<UInt8>) -> (slot: Int, id: Int?) {
        let mask = slots.count - 1
        var slot = Self.hash(term) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return (slot, nil) }
            let same = withTerm(Int(id)) { known in
                known.count == term.count && (term.isEmpty || memcmp(known.baseAddress!, term.baseAddress!, term.count) == 0)
            }
            if same { return (slot, Int(id)) }
            slot = (slot + 1) & mask
        }
    }

    /// The string numbered `id`, made from its bytes.
    package func string(_ id: Int) -> String { withTerm(id) { String(decoding: $0, as: UTF8.self) } }

    /// Adds `term`, and tells whether it was new.
    package mutating func add(_ term: UnsafeBufferPointer<UInt8>) -> Bool { insert(term).1 }

    /// The number of `term`, and whether it was new.
    package mutating func insert(_ term: UnsafeBufferPointer<UInt8>) -> (Int, Bool) {
        let (slot, held) = probe(term)
        if let held { return (held, false) }
        let id = count
        bytes.append(contentsOf: term)
        starts.append(bytes.count)
        slots[slot] = Int32(id)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    private mutating func grow() {
        var grown = [Int32](repeating: -1, count: slots.count * 2)
        let mask = grown.count - 1
        for id in 0..<count {
            var slot = withTerm(id) { Self.hash($0) } & mask
            while grown[slot] >= 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(id)
        }
        slots = grown
    }

    /// Eight bytes at a time, each word multiplied in and mixed: fixed, so the table behaves the same
    /// on every run. (The texts are the site's own, and a collision costs a comparison, never a wrong
    /// answer.) Lines of text are hashed too, where a byte at a time was most of the table's cost.
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: term.count)
        var i = 0
        // An empty term hashes the same with or without an address (a buffer of none has none; an
        // empty slice of one has one): else it is not found where it was put once the table grows.
        if let base = UnsafeRawPointer(term.baseAddress) {
            while i + 8 <= term.count {
                h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
        }
        var tail: UInt64 = 0
        while i < term.count {
            tail = tail << 8 | UInt64(term[i])
            i += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
