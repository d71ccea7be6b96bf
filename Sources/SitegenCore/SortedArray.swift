extension Array where Element: Comparable {
    /// Whether a sorted array holds `value`, found by halving: a sorted array stands in for a set
    /// where many small sets are kept (one per page), at half the room.
    package func sortedContains(_ value: Element) -> Bool {
        var (low, high) = (0, count)
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
