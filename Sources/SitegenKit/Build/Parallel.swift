import Dispatch
import Foundation

/// Runs independent work on every core and returns the results in input order, so the outcome
/// never depends on which thread finished first.
enum Parallel {
    static func map<T: Sendable, R>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        if items.isEmpty { return [] }
        let results = Slots<R>(count: items.count)
        // Chunks amortise the dispatch cost over several small pages.
        let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (items.count + chunk - 1) / chunk
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let end = min(items.count, (c + 1) * chunk)
                for i in (c * chunk)..<end { results.set(i, body(items[i])) }
            }
        }
        return results.values()
    }

    /// One slot per item. Each index is written by exactly one iteration and read only after
    /// `concurrentPerform` returns, so no two threads touch the same slot.
    private final class Slots<R>: @unchecked Sendable {
        private var storage: UnsafeMutableBufferPointer<R?>

        init(count: Int) {
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil)
        }

        deinit {
            storage.baseAddress?.deinitialize(count: storage.count)
            storage.deallocate()
        }

        func set(_ i: Int, _ value: R) { storage[i] = value }
        func values() -> [R] { storage.map { $0! } }
    }
}
