import Foundation

/// Work started on a thread of its own, beside what the caller does next, and waited for only where
/// its result is needed (``value``). It is told when its result is no longer wanted (``stop()``) and
/// may end early then: what it returns after that is never read.
package final class Background<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)
    private var result: T?
    private var stopped = false

    /// Starts `work`, which is given a function saying whether it was stopped.
    package init(_ work: @escaping @Sendable (_ stopped: @Sendable () -> Bool) -> T) {
        let thread = Thread { [self] in
            let value = work { [self] in lock.withLock { stopped } }
            lock.withLock { result = value }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The result, once the work is done.
    package var value: T {
        done.wait()
        done.signal()
        return lock.withLock { result! }
    }

    /// Says the result is not wanted.
    package func stop() { lock.withLock { stopped = true } }

    /// Says the result is not wanted, and waits for the work to end: a process that exits with its
    /// thread still running tears down what the thread uses (a digest's library, the allocator's
    /// tables) under it, and crashed so after a build that failed on a full disk.
    package func finish() {
        stop()
        _ = value
    }
}
