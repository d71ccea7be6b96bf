/// The ascending numbers of the pages that hold one term, as the index gathers them: each number's
/// gap from the one before (the first: the number itself) as a little-endian base-128 varint. A term
/// on most pages costs about a byte a page instead of four, and a big site's index holds every page's
/// distinct terms until its files are written (a third of what the search stage held).
struct SearchPostingList: Sequence {
    private var gaps: [UInt8] = []
    /// How many pages are listed.
    private(set) var count = 0
    private var last: Int32 = -1

    init() {}

    /// A list of `pages`, ascending.
    init<S: Sequence>(_ pages: S) where S.Element == Int32 {
        for page in pages { append(page) }
    }

    var isEmpty: Bool { count == 0 }

    /// Lists `page`, which comes after every page listed.
    mutating func append(_ page: Int32) {
        precondition(page > last, "pages are listed in ascending order")
        var gap = UInt32(page - last - 1)
        while gap >= 0x80 {
            gaps.append(UInt8(truncatingIfNeeded: gap) | 0x80)
            gap >>= 7
        }
        gaps.append(UInt8(gap))
        last = page
        count += 1
    }

    /// The pages, in memory as numbers (for one term at a time).
    var pages: [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(count)
        for page in self { out.append(page) }
        return out
    }

    func makeIterator() -> Iterator { Iterator(gaps: gaps) }

    /// Reads the gaps back into page numbers.
    struct Iterator: IteratorProtocol {
        fileprivate let gaps: [UInt8]
        private var at = 0
        private var last: Int32 = -1

        fileprivate init(gaps: [UInt8]) { self.gaps = gaps }

        mutating func next() -> Int32? {
            guard at < gaps.count else { return nil }
            var gap: UInt32 = 0
            var shift: UInt32 = 0
            while true {
                let byte = gaps[at]
                at += 1
                gap |= UInt32(byte & 0x7F) << shift
                if byte < 0x80 { break }
                shift += 7
            }
            last += Int32(gap) + 1
            return last
        }
    }
}
