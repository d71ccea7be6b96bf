import Foundation

/// Server-Sent Events to the open tabs: `reload` when pages changed, `diagnostics` when the list of
/// problems changed. Each tab holds one stream; their number is bounded.
final class LiveEvents: @unchecked Sendable {
    /// Open streams at most; one more is answered 503.
    let maximumStreams: Int
    private let lock = NSLock()
    private var streams: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0

    init(maximumStreams: Int = 64) { self.maximumStreams = maximumStreams }

    var openStreams: Int { lock.withLock { streams.count } }

    /// A new stream of events, or nil when too many are open.
    func subscribe() -> AsyncStream<[UInt8]>? {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(32))
        let id: Int? = lock.withLock {
            guard streams.count < maximumStreams else { return nil }
            nextID += 1
            streams[nextID] = continuation
            return nextID
        }
        guard let id else { return nil }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        // The browser retries a second after a lost connection; the comment opens the stream at once.
        continuation.yield(Array("retry: 1000\n: connected\n\n".utf8))
        return stream
    }

    /// Sends a comment line, which browsers ignore.
    func comment(_ text: String) {
        broadcast(": \(text)\n\n")
    }

    /// Sends one event to every open stream.
    func send(_ event: String, data: String) {
        var text = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { text += "data: \(line)\n" }
        broadcast(text + "\n")
    }

    private func broadcast(_ text: String) {
        let bytes = Array(text.utf8)
        for continuation in lock.withLock({ Array(streams.values) }) { continuation.yield(bytes) }
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        for continuation in lock.withLock({ Array(streams.values) }) { continuation.finish() }
    }
}

