import FlyingSocks
import Foundation
import Glibc

/// A response of the preview: bytes with a length, or a stream of events written until the client
/// goes (delimited by the connection's end).
struct PreviewResponse: Sendable {
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    var body: Body

    enum Body: Sendable {
        case bytes([UInt8])
        case stream(AsyncStream<[UInt8]>)
    }
}

/// The preview's HTTP/1.1 server: FlyingSocks' non-blocking sockets and epoll loop (the socket layer
/// of FlyingFox), with requests read by `RequestHead` and every connection held within bounds:
/// at most `maximumConnections` open (a new one past that takes the place of the longest idle, or is
/// answered 503), `headDeadline` to send a request's head, `writeDeadline` to take an answer (a client
/// that sends requests and never reads what comes back held its connection for ever, and enough of
/// them refused everyone), `idleTimeout` between requests. A connection that misses a deadline is shut
/// down by the reaper, which wakes its reader and writer.
final class PreviewHTTPServer: @unchecked Sendable {
    let maximumConnections: Int
    let headDeadline: Duration
    let writeDeadline: Duration
    let idleTimeout: Duration
    private let respond: @Sendable (PreviewRequest) async -> PreviewResponse
    private let lock = NSLock()
    private var connections: [Int32: (phase: Phase, since: ContinuousClock.Instant)] = [:]
    private var listener: Socket?
    private var tasks: [Task<Void, Never>] = []
    private var stopped = false

    /// `answering`: the answer is being made (a page may wait for a build); `writing`: it is being sent.
    enum Phase { case idle, head, answering, writing, streaming }

    init(maximumConnections: Int = 256, headDeadline: Duration = .seconds(10), writeDeadline: Duration = .seconds(10),
         idleTimeout: Duration = .seconds(60), respond: @escaping @Sendable (PreviewRequest) async -> PreviewResponse) {
        self.maximumConnections = maximumConnections
        self.headDeadline = headDeadline
        self.writeDeadline = writeDeadline
        self.idleTimeout = idleTimeout
        self.respond = respond
    }

    /// Open connections now.
    var openConnections: Int { lock.withLock { connections.count } }

    /// Binds and listens; returns the port (useful with port 0).
    func start(host: String, port: UInt16) async throws -> UInt16 {
        let socket: Socket
        if host.contains(":") {
            socket = try Socket(domain: AF_INET6, type: .stream)
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: sockaddr_in6.inet6(ip6: host, port: port))
        } else {
            socket = try Socket(domain: AF_INET, type: .stream)
            try socket.setValue(true, for: .localAddressReuse)
            try socket.bind(to: sockaddr_in.inet(ip4: host, port: port))
        }
        try socket.listen()
        listener = socket
        let bound: UInt16
        switch try socket.sockname() {
        case .ip4(_, let p), .ip6(_, let p): bound = p
        case .unix: bound = port
        }
        let pool: some AsyncSocketPool = .ePoll()
        try await pool.prepare()
        let listening = try AsyncSocket(socket: socket, pool: pool)
        let run = Task { _ = try? await pool.run() }
        let accept = Task { await self.acceptLoop(listening) }
        let reaper = Task { await self.reap() }
        lock.withLock { tasks = [run, accept, reaper] }
        return bound
    }

    func stop() {
        let (running, fds) = lock.withLock { () -> ([Task<Void, Never>], [Int32]) in
            stopped = true
            return (tasks, Array(connections.keys))
        }
        for fd in fds { shutdown(fd, Int32(SHUT_RDWR)) }
        try? listener?.close()
        for task in running { task.cancel() }
    }

    private func acceptLoop(_ listening: AsyncSocket) async {
        while !lock.withLock({ stopped }) {
            do {
                let client = try await listening.accept()
                let fd = client.socket.file.rawValue
                let admitted = lock.withLock { () -> Bool in
                    if connections.count >= maximumConnections {
                        // Room for the newcomer: the connection idle the longest goes, or the one whose
                        // client has left an answer unread, or a head unfinished, the longest (many
                        // connections that send a byte and wait held every place).
                        guard let oldest = connections.filter({ $0.value.phase != .answering && $0.value.phase != .streaming })
                            .min(by: { $0.value.since < $1.value.since })?.key else { return false }
                        shutdown(oldest, Int32(SHUT_RDWR))
                        connections[oldest] = nil
                    }
                    connections[fd] = (.idle, .now)
                    return true
                }
                if !admitted {
                    Task { await self.refuse(client) }
                    continue
                }
                Task { await self.serve(client) }
            } catch {
                // Out of descriptors or a connection reset before it was taken: wait and go on.
                if lock.withLock({ stopped }) { return }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    private func refuse(_ client: AsyncSocket) async {
        try? await client.write(Data("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
        try? client.close()
    }

    private func mark(_ fd: Int32, _ phase: Phase) {
        lock.withLock { if connections[fd] != nil { connections[fd] = (phase, .now) } }
    }

    /// Shuts down connections past their deadline, every half second.
    private func reap() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            let now = ContinuousClock.now
            lock.withLock {
                for (fd, state) in connections {
                    let late = switch state.phase {
                    case .head: now - state.since > headDeadline
                    case .writing: now - state.since > writeDeadline
                    case .idle: now - state.since > idleTimeout
                    case .answering, .streaming: false
                    }
                    if late {
                        // Under the lock: a connection leaves the table before its socket is closed,
                        // so this descriptor is still that connection's.
                        shutdown(fd, Int32(SHUT_RDWR))
                        connections[fd] = nil
                    }
                }
            }
        }
    }

    private func serve(_ client: AsyncSocket) async {
        let fd = client.socket.file.rawValue
        defer {
            lock.withLock { connections[fd] = nil }
            try? client.close()
        }
        var buffer: [UInt8] = []
        while true {
            if !buffer.isEmpty { mark(fd, .head) }
            var outcome = RequestHead.read(buffer)
            while case .needMore = outcome {
                guard let more = try? await client.read(atMost: 4096), !more.isEmpty else { return }
                if buffer.isEmpty { mark(fd, .head) }
                buffer += more
                outcome = RequestHead.read(buffer)
            }
            switch outcome {
            case .needMore:
                return
            case .refused(let status, let reason):
                try? await client.write(Data("HTTP/1.1 \(status) \(reason)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(reason.utf8.count + 1)\r\nConnection: close\r\n\r\n\(reason)\n".utf8))
                return
            case .request(let request, let consumed):
                buffer.removeFirst(consumed)
                mark(fd, .answering)
                let response = await respond(request)
                mark(fd, .writing)
                let head = request.method == "HEAD"
                switch response.body {
                case .bytes(let bytes):
                    var text = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
                    for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
                    let closing = request.closes || response.headers.contains { $0.name == "Connection" && $0.value == "close" }
                    if closing && !response.headers.contains(where: { $0.name == "Connection" }) { text += "Connection: close\r\n" }
                    var out = Array((text + "\r\n").utf8)
                    if !head && response.status != 304 { out += bytes }
                    guard (try? await client.write(Data(out))) != nil, !closing else { return }
                case .stream(let events):
                    var text = "HTTP/1.1 \(response.status) \(response.reason)\r\n"
                    for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
                    text += "Connection: close\r\n\r\n"
                    guard (try? await client.write(Data(text.utf8))) != nil else { return }
                    mark(fd, .streaming)
                    for await event in events {
                        guard (try? await client.write(Data(event))) != nil else { return }
                    }
                    return
                }
                mark(fd, .idle)
            }
        }
    }
}
