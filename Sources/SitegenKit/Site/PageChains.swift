/// Pages found by a key (their translation key, their section), in little memory for a big site: each
/// key's hash leads to the last page added under it, and each page to the one added before it under
/// the same hash. The pages of a key are those of its hash whose own key is equal to it (`==`, as a
/// dictionary keyed by the strings would find them; two keys may share a hash).
///
/// A dictionary of strings to lists of pages held each key as a string, and each list as an array of
/// its own: some 110 bytes a page for the site index's three look-ups. A dictionary of hashes to the
/// last page still cost some 30 bytes a key; the hashes now lead to their chains through a table of as
/// many 4-byte heads as there are pages (rounded up to a power of two), so that one chain may hold the
/// pages of several hashes, and a page costs 8 bytes.
struct PageChains: Sendable {
    /// The last page added under each bucket of hashes (`hash & (heads.count - 1)`), or -1.
    private var heads: [Int32]
    /// Per page, the page added before it in the same bucket, or -1.
    private var before: [Int32]

    /// The chains of pages `0..<count`, each under the hash `hash` gives it (nil: under none).
    init(count: Int, hash: (Int) -> Int?) {
        precondition(count < Int(Int32.max), "too many pages for a site index")
        var size = 16
        while size < count { size *= 2 }
        heads = [Int32](repeating: -1, count: size)
        before = [Int32](repeating: -1, count: count)
        for page in 0..<count {
            guard let h = hash(page) else { continue }
            let bucket = h & (size - 1)
            before[page] = heads[bucket]
            heads[bucket] = Int32(page)
        }
    }

    /// The pages under `hash` that `matches` accepts (those whose key is the one looked for), in the
    /// order they were added.
    func pages(hash: Int, where matches: (Int) -> Bool) -> [Int] {
        var found: [Int] = []
        var page = heads[hash & (heads.count - 1)]
        while page >= 0 {
            if matches(Int(page)) { found.append(Int(page)) }
            page = before[Int(page)]
        }
        return found.reversed()
    }

    /// The hash of a key made of `parts` (a language and a path): the same as for any parts equal to them.
    static func hash(_ parts: String...) -> Int {
        var hasher = Hasher()
        for part in parts { hasher.combine(part) }
        return hasher.finalize()
    }
}
