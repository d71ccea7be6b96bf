import Glibc
import SitegenCore

/// Every page's `[url, title, snippet]` (as JSON) of one language's search index, in page order: what
/// the shards show of each term's first pages and the fragments list of every page. Kept in memory
/// for a few pages (tests), or in a file the caller opens (the build's: a file of no name beside the
/// output), where only where each one starts stays in memory: a big site's summaries held together
/// were the peak of its build (16 MB of 100,000 pages' 100 MB).
package final class SearchSummaries {
    /// A summary that could not be written or read back.
    package struct Failure: Error, CustomStringConvertible {
        package let description: String
    }

    private var memory = ByteStrings()
    private let descriptor: Int32?
    /// With a file: where each summary starts in it, and where the last one ends.
    private var starts: [Int] = [0]

    /// Summaries kept in memory.
    package init() { descriptor = nil }

    /// Summaries kept in the file open at `descriptor` (read and written at its places, from its start),
    /// which is closed with them.
    package init(descriptor: Int32) { self.descriptor = descriptor }

    deinit { if let descriptor { close(descriptor) } }

    /// How many summaries there are.
    package var count: Int { descriptor == nil ? memory.count : starts.count - 1 }

    /// Their bytes, all together.
    package var byteCount: Int { descriptor == nil ? memory.byteCount : starts[starts.count - 1] }

    /// Adds `summaries` after the others, in order.
    package func append(_ summaries: [[UInt8]]) throws {
        guard let descriptor else {
            for summary in summaries { memory.append(summary) }
            return
        }
        let run = Array(summaries.joined())
        if let failed = run.withUnsafeBytes({ FileWriter.writeAll(descriptor, $0, at: starts[starts.count - 1]) }) {
            throw Failure(description: "cannot keep the search summaries: \(String(cString: strerror(failed)))")
        }
        for summary in summaries { starts.append(starts[starts.count - 1] + summary.count) }
    }

    /// The length of summary `i`, read without its bytes.
    package func length(_ i: Int) -> Int { descriptor == nil ? memory[i].count : starts[i + 1] - starts[i] }

    /// Calls `body` with each summary of `range` in order, read together.
    package func forEach(in range: Range<Int>, _ body: (ArraySlice<UInt8>) -> Void) throws {
        guard let descriptor else {
            for i in range { body(memory[i]) }
            return
        }
        guard !range.isEmpty else { return }
        let (from, to) = (starts[range.lowerBound], starts[range.upperBound])
        var bytes = [UInt8](repeating: 0, count: to - from)
        guard bytes.withUnsafeMutableBytes({ FileReader.read(descriptor: descriptor, into: $0, at: from) }) else {
            throw Failure(description: "cannot read the search summaries back: \(errno == 0 ? "cut short" : String(cString: strerror(errno)))")
        }
        for i in range { body(bytes[(starts[i] - from)..<(starts[i + 1] - from)]) }
    }

    /// The bytes of summary `i`.
    package func bytes(_ i: Int) throws -> ArraySlice<UInt8> {
        var found: ArraySlice<UInt8> = []
        try forEach(in: i..<(i + 1)) { found = $0 }
        return found
    }
}
