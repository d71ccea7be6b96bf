import Foundation

/// A bounded memo shared by the threads of a build. Link targets and host names repeat across
/// thousands of pages, and judging one means IDNA, the public suffix list and a URL parse; the
/// answer depends only on the key and the policy, so it is computed once.
package final class SharedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var storage: [Key: Value] = [:]
    private let lock = NSLock()
    private let limit: Int

    package init(limit: Int = 4_096) { self.limit = limit }

    package func value(_ key: Key, _ compute: () -> Value) -> Value {
        lock.lock()
        if let hit = storage[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        // A full cache is emptied rather than evicted piece by piece: simple, and still bounded.
        if storage.count >= limit { storage.removeAll(keepingCapacity: true) }
        storage[key] = value
        lock.unlock()
        return value
    }
}

extension SharedCache where Key == ExactText {
    /// The memo of a text, looked up by its exact bytes (``ExactText``): canonically equivalent
    /// spellings are different texts to a reader's app, and never share an answer.
    package func value(_ text: String, _ compute: () -> Value) -> Value { value(ExactText(text), compute) }
}
