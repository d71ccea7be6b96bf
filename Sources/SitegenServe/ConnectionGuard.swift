import FlyingFox
import FlyingSocks
import Foundation
import Glibc

/// Bounds the connections the preview holds, in front of FlyingFox's socket pool (which has no
/// limit of its own: a flood of idle connections would exhaust the process's files, and its accept
/// loop stops at the first failure).
///
/// Every connection waiting for its client to send passes through the pool's `suspendSocket`. The
/// guard counts them: past `maximumWaiting`, the oldest waiters are shut down, and a waiter idle
/// longer than `idleTimeout` is shut down too. A shut-down socket reads as closed, so FlyingFox
/// ends the connection itself. Streams of live-reload events are written, not read, and never wait
/// here; they are bounded by `LiveEvents`.
final class ConnectionGuard: AsyncSocketPool, @unchecked Sendable {
    let base: any AsyncSocketPool
    let maximumWaiting: Int
    let idleTimeout: Duration
    private let lock = NSLock()
    private var waiting: [Int32: ContinuousClock.Instant] = [:]

    init(_ base: any AsyncSocketPool, maximumWaiting: Int = 256, idleTimeout: Duration = .seconds(60)) {
        self.base = base
        self.maximumWaiting = maximumWaiting
        self.idleTimeout = idleTimeout
    }

    /// Connections waiting for their client now.
    var waitingCount: Int { lock.withLock { waiting.count } }

    func prepare() async throws { try await base.prepare() }

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.base.run() }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(1))
                    self.shutDownIdle()
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    func suspendSocket(_ socket: Socket, untilReadyFor events: Socket.Events) async throws {
        let fd = socket.file.rawValue
        guard events == [.read], !Self.isListening(fd) else {
            return try await base.suspendSocket(socket, untilReadyFor: events)
        }
        lock.withLock {
            waiting[fd] = .now
            if waiting.count > maximumWaiting {
                // Under the lock: a socket leaves `waiting` before FlyingFox can close it, so the
                // descriptor shut down here is still this connection's.
                for (old, _) in waiting.sorted(by: { $0.value < $1.value }).prefix(waiting.count - maximumWaiting) {
                    shutdown(old, Int32(SHUT_RDWR))
                    waiting[old] = nil
                }
            }
        }
        defer { lock.withLock { waiting[fd] = nil } }
        try await base.suspendSocket(socket, untilReadyFor: events)
    }

    private func shutDownIdle() {
        let now = ContinuousClock.now
        lock.withLock {
            for (fd, since) in waiting where now - since > idleTimeout {
                shutdown(fd, Int32(SHUT_RDWR))
                waiting[fd] = nil
            }
        }
    }

    private static func isListening(_ fd: Int32) -> Bool {
        var value: Int32 = 0
        var size = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &value, &size) == 0 && value != 0
    }
}
