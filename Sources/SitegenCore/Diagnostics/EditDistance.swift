/// Levenshtein distance over Unicode scalars, for "did you mean …?" suggestions.
package enum EditDistance {
    /// The number of one-scalar insertions, deletions and substitutions that turn `a` into `b`.
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The candidate nearest to `word`, when it is close enough to be a slip of the keyboard: at most
    /// one edit for short words, two for words of 6 or more scalars, three from 12; none for words
    /// under 4, where one edit makes any word another. Ties go to the first candidate in the order
    /// given; an exact match is not a suggestion.
    package static func nearest(to word: String, in candidates: [String]) -> String? {
        let length = word.unicodeScalars.count
        if length < 4 { return nil }
        let limit = length >= 12 ? 3 : length >= 6 ? 2 : 1
        var best: (String, Int)?
        for c in candidates where c != word {
            let d = distance(word, c)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }
}
