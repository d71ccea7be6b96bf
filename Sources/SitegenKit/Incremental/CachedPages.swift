extension PageCache {
    /// A cache's entries by source path: the entries in one array and where each is. An entry is large
    /// (its page's summary, what building it gave, its files: about 720 bytes before what it points
    /// at), and a dictionary of them keeps room for a third more, twice that while it grows; here each
    /// is held once, in an array made the size the cache's header says.
    struct Pages: Sequence {
        typealias Element = (key: String, value: Entry)

        /// The entries, in the order they were added.
        private(set) var values: [Entry] = []
        private var paths: [String] = []
        private var positions: [String: Int] = [:]

        init(capacity: Int = 0) {
            values.reserveCapacity(capacity)
            paths.reserveCapacity(capacity)
            positions.reserveCapacity(capacity)
        }

        var count: Int { values.count }
        var keys: some Collection<String> { paths }

        func contains(_ path: String) -> Bool { positions[path] != nil }

        /// The entry of a source path; setting nil takes it out.
        subscript(path: String) -> Entry? {
            get { positions[path].map { values[$0] } }
            set {
                if let entry = newValue {
                    if let i = positions[path] {
                        values[i] = entry
                    } else {
                        positions[path] = values.count
                        values.append(entry)
                        paths.append(path)
                    }
                } else if let i = positions.removeValue(forKey: path) {
                    // The last entry takes the place of the one taken out.
                    let last = values.count - 1
                    if i != last {
                        values.swapAt(i, last)
                        paths.swapAt(i, last)
                        positions[paths[i]] = i
                    }
                    values.removeLast()
                    paths.removeLast()
                }
            }
        }

        func makeIterator() -> some IteratorProtocol<Element> {
            zip(paths, values).lazy.map { (key: $0.0, value: $0.1) }.makeIterator()
        }
    }
}
