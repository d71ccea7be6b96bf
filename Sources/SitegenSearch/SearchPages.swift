import SitegenCore

/// The pages of one language's search index, read a run at a time while the index is made rather
/// than all held at once: on a big site, every page's terms and summary in memory together were the
/// largest thing a build held (140 MB of 100,000 pages' 540 MB).
package struct SearchPages: Sendable {
    /// How many sources there are; each gives a page or nothing (a page left out of the index).
    package let sources: Int
    /// The documents of sources `range`, in order, with nothing for a source that has none.
    package let read: @Sendable (Range<Int>) throws -> [SearchDocument]

    /// Sources read by `read`.
    package init(sources: Int, read: @escaping @Sendable (Range<Int>) throws -> [SearchDocument]) {
        self.sources = sources
        self.read = read
    }

    /// Pages already in memory.
    package init(_ documents: [SearchDocument]) {
        self.init(sources: documents.count) { Array(documents[$0]) }
    }

    /// Sources read in runs of `size` (for the first page of the index, then the next), runs read
    /// and made into `transform`'s results on every core, `batch` runs at a time: at most that many
    /// runs' documents are in memory at once. `body` takes the results in the order of the pages.
    func forEachRun<R>(size: Int = 256, batch: Int = 16, _ transform: @Sendable ([SearchDocument]) -> R,
                       _ body: (R) throws -> Void) throws {
        let runs = stride(from: 0, to: sources, by: size).map { $0..<min($0 + size, sources) }
        var next = 0
        while next < runs.count {
            let taken = Array(runs[next..<min(next + batch, runs.count)])
            next += taken.count
            let made = Parallel.map(taken) { [read] range in Result { transform(try read(range)) } }
            for result in made { try body(result.get()) }
        }
    }
}
