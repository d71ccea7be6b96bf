import Dispatch
import Foundation

/// Runs independent work on every core and returns the results in input order, so the outcome
/// never depends on which thread finished first.
package enum Parallel {
    package static func map<T: Sendable, R>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        map(items, state: { () }) { _, item in body(item) }
    }

    /// `map` with a state made for each run of items one thread works through in order (a cache
    /// of what neighbouring items share), passed to the body of each of them.
    package static func map<T: Sendable, S, R>(_ items: [T], state: @Sendable () -> S, _ body: @Sendable (inout S, T) -> R) -> [R] {
        if items.isEmpty { return [] }
        // Chunks amortise the dispatch cost over several small pages.
        let chunk = max(1, items.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (items.count + chunk - 1) / chunk
        // Each result is put straight into the array returned: no second array of them is ever made
        // (for a site's pages, that copy was the largest thing a build held at its end).
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let results = Slots(buffer.baseAddress!)
            withoutActuallyEscaping(state) { state in
                withoutActuallyEscaping(body) { body in
                    DispatchQueue.concurrentPerform(iterations: chunks) { c in
                        var shared = state()
                        let end = min(items.count, (c + 1) * chunk)
                        for i in (c * chunk)..<end { results.set(i, body(&shared, items[i])) }
                    }
                }
            }
            initialized = items.count
        }
    }

    /// Like `map`, for work inside work that `map` already spreads (the text of one long page while
    /// the pages are spread over the cores). A `concurrentPerform` inside another runs on one thread
    /// when the outer one is as wide as the machine, so the items are split into one share per core,
    /// the first run on the calling thread and each other on a thread of its own, which needs no free
    /// worker of the shared pool and so cannot wait for one.
    package static func mapOnThreads<T: Sendable, R>(_ items: [T], _ body: @escaping @Sendable (T) -> R) -> [R] {
        let shares = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        guard shares > 1 else { return items.map(body) }
        let size = (items.count + shares - 1) / shares
        return Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let results = Slots(buffer.baseAddress!)
            let done = DispatchSemaphore(value: 0)
            @Sendable func share(_ k: Int) {
                for i in (k * size)..<min(items.count, (k + 1) * size) { results.set(i, body(items[i])) }
            }
            var started = 0
            for k in 1..<shares where k * size < items.count {
                let thread = Thread {
                    share(k)
                    done.signal()
                }
                thread.stackSize = 8 << 20
                thread.start()
                started += 1
            }
            share(0)
            for _ in 0..<started { done.wait() }
            initialized = items.count
        }
    }

    /// The uninitialised room of the array being made, one slot per item. Each index is written
    /// (initialised) by exactly one iteration, and the array is handed out only after every iteration
    /// returned, so no two threads touch the same slot and none is read before it is written.
    private struct Slots<R>: @unchecked Sendable {
        let base: UnsafeMutablePointer<R>
        init(_ base: UnsafeMutablePointer<R>) { self.base = base }
        func set(_ i: Int, _ value: R) { (base + i).initialize(to: value) }
    }
}
