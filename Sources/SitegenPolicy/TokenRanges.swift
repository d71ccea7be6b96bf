/// The tokens of a run, sorted by offset, asked left to right which one first covers a range: the
/// tokens that can still cover a later range are kept, so a run of many tokens is read in one pass.
struct CoveringTokens {
    private let tokens: [TextToken]
    private var next = 0
    /// Indices of tokens already passed whose end may still cover a later range, in order.
    private var open: [Int] = []

    init(_ sorted: [TextToken]) { tokens = sorted }

    /// The index of the first token (by offset, then length) with `offset <= from` and end `>= to`;
    /// `from` must not decrease between calls.
    mutating func first(covering from: Int, to: Int) -> Int? {
        while next < tokens.count, tokens[next].offset <= from {
            open.append(next)
            next += 1
        }
        open.removeAll { tokens[$0].offset + tokens[$0].length < from }
        return open.first { tokens[$0].offset + tokens[$0].length >= to }
    }
}

/// The ranges of a set of tokens, asked in any order whether one of them covers or meets a range, each
/// question in logarithmic time: a paragraph of thousands of tokens is judged without comparing every
/// token with every other (8,000 defanged addresses in one paragraph took 23 s so).
struct TokenRanges {
    /// The ranges' starts, ascending.
    private let starts: [Int]
    /// The furthest end among the ranges up to each start.
    private let furthestEnds: [Int]

    init<S: Sequence>(_ tokens: S) where S.Element == TextToken {
        let ranges = tokens.map { ($0.offset, $0.offset + $0.length) }.sorted { $0 < $1 }
        starts = ranges.map(\.0)
        var furthest = Int.min
        furthestEnds = ranges.map { furthest = max(furthest, $0.1); return furthest }
    }

    /// Whether a range starts at or before `from` and ends at or after `to`.
    func cover(_ from: Int, _ to: Int) -> Bool {
        // The number of ranges that start at or before `from`.
        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] <= from { low = mid + 1 } else { high = mid }
        }
        return low > 0 && furthestEnds[low - 1] >= to
    }

    /// Whether a range covers `from..<to` and is longer.
    func coverStrictly(_ from: Int, _ to: Int) -> Bool {
        cover(from - 1, to) || cover(from, to + 1)
    }

    /// Whether a range shares a character with `from..<to` (not empty).
    func overlap(_ from: Int, _ to: Int) -> Bool {
        cover(to - 1, from + 1)
    }
}
