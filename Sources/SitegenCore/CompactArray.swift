extension Array {
    /// The same elements in storage of their own size. An array grown by appending keeps up to as much
    /// room again as it holds; what every page keeps until the site-wide parts (its facts, search terms
    /// and bulletins) is copied into this, so a big site does not hold that room for each of its pages.
    package var compacted: [Element] {
        guard capacity > count else { return self }
        return withUnsafeBufferPointer { Array($0) }
    }
}
