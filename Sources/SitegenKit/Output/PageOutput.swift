import Foundation

/// Where a page's files go: the staging folder of a build (`OutputTree`), or memory when a preview
/// rebuilds one page and serves it before the next full build has written it.
protocol PageOutput: Sendable {
    /// Writes `text` as UTF-8 at a path relative to the output root.
    func write(_ relativePath: String, _ text: String) throws
}

extension OutputTree: PageOutput {}

/// Files held in memory, by path relative to the output root.
final class MemoryOutput: PageOutput, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String: [UInt8]] = [:]

    func write(_ relativePath: String, _ text: String) throws {
        lock.withLock { stored[relativePath] = Array(text.utf8) }
    }

    /// Everything written so far.
    var files: [String: [UInt8]] { lock.withLock { stored } }
}
