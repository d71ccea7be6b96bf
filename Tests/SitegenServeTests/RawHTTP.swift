import Foundation
import XCTest

/// A deliberately plain HTTP/1.1 client over a socket: it sends the request target exactly as
/// given (no client-side normalisation of `..` or escapes), which is what the traversal tests need.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else { close(fd); throw NSError(domain: "RawHTTP", code: Int(errno)) }
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            done += n
        }
    }

    /// Sends one request and reads the whole response (the connection is closed after it).
    static func request(port: UInt16, _ method: String = "GET", _ target: String, headers: [String: String] = [:],
                        host: String? = nil, body: String = "") throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        send(fd, Array((head + "\r\n" + body).utf8))
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            data += buffer[..<n]
            if let r = parse(data, method: method), r.complete { return r.response }
        }
        guard let r = parse(data, method: method) else { throw NSError(domain: "RawHTTP", code: -1) }
        return r.response
    }

    static func parse(_ data: [UInt8], method: String) -> (response: Response, complete: Bool)? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, data.count - 3)).first(where: { Array(data[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = Array(data[(end + 4)...])
        let length = Int(headers["content-length"] ?? "") ?? -1
        let complete = method == "HEAD" || status == 304 || (length >= 0 && body.count >= length)
        return (Response(status: status, headers: headers, body: length >= 0 && method != "HEAD" ? Array(body.prefix(length)) : body), complete)
    }
}

/// An open event stream, read as lines arrive.
final class EventStream {
    let fd: Int32
    private var pending = ""

    init(port: UInt16) throws {
        fd = try RawHTTP.connect(port: port)
        RawHTTP.send(fd, Array("GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8))
    }

    deinit { close(fd) }

    /// Waits for an event named `name` and returns its data, or nil after `seconds`.
    func next(_ name: String, within seconds: Double = 10) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 8192)
        while Date() < deadline {
            if let range = pending.range(of: "event: \(name)\n") {
                let rest = pending[range.upperBound...]
                if let end = rest.range(of: "\n\n") ?? rest.range(of: "\r\n") {
                    let data = rest[..<end.lowerBound].split(separator: "\n").filter { $0.hasPrefix("data: ") }
                        .map { String($0.dropFirst(6)) }.joined(separator: "\n")
                    pending = String(rest[end.upperBound...])
                    return data
                }
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&p, 1, 200) > 0 else { continue }
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { return nil }
            pending += String(decoding: buffer[..<n], as: UTF8.self)
        }
        return nil
    }
}
