import Foundation
import XCTest
@testable import SitegenServe

/// The preview reads request heads itself, strictly and within bounds.
final class RequestHeadTests: XCTestCase {
    func outcome(_ text: String) -> String {
        switch RequestHead.read(Array(text.utf8)) {
        case .request(let r, let consumed): return "ok \(r.method) \(r.target) \(consumed)"
        case .needMore: return "more"
        case .refused(let status, _): return "\(status)"
        }
    }

    func testAPlainRequestIsRead() {
        XCTAssertEqual(outcome("GET /kk/ HTTP/1.1\r\nHost: 127.0.0.1:1313\r\n\r\n"), "ok GET /kk/ 43")
        XCTAssertEqual(outcome("\r\nHEAD /ru/?q=1 HTTP/1.0\r\n\r\n"), "ok HEAD /ru/?q=1 28")
        XCTAssertEqual(outcome("GET /kk/ HTTP/1.1\r\nHost: x\r\n"), "more")
        if case .request(let r, _) = RequestHead.read(Array("GET / HTTP/1.1\r\nHost: a\r\nX-Y:  v \r\nConnection: keep-alive, close\r\n\r\n".utf8)) {
            XCTAssertEqual(r.header("x-y"), "v")
            XCTAssertTrue(r.closes)
        } else { XCTFail() }
    }

    func testMalformedHeadsAreRefused() {
        for bad in ["GET /kk/ HTTP/1.1\r\n\r\n",                              // no Host
                    "GET /kk/ HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",          // two Hosts
                    "GET /kk/ HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
                    "GET /kk/ HTTP/2.0\r\nHost: a\r\n\r\n", "get /kk/ HTTP/1.1\r\nHost: a\r\n\r\n",
                    "GET  /kk/ HTTP/1.1\r\nHost: a\r\n\r\n", "GET /kk/ HTTP/1.1 x\r\nHost: a\r\n\r\n",
                    "GET /ж/ HTTP/1.1\r\nHost: a\r\n\r\n",                       // raw non-ASCII in the target
                    "GET /kk/ HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",           // obsolete line folding
                    "GET /kk/ HTTP/1.1\r\nHost: a\nX: b\r\n\r\n",                // a bare LF
                    "GET /kk/ HTTP/1.1\nHost: a\n\n", "GET /kk/ HTTP/1.1\nHost: a", // bare LFs only: refused at once
                    "GET /kk/ HTTP/1.1\rHost: a\r\r",
                    "GET /kk/ HTTP/1.1\r\nBad Name: a\r\nHost: a\r\n\r\n", "GET /kk/ HTTP/1.1\r\n: a\r\nHost: a\r\n\r\n",
                    "GET /kk/ HTTP/1.1\r\nHost: a\u{1}b\r\n\r\n"] {
            XCTAssertEqual(outcome(bad), "400", bad.debugDescription)
        }
        XCTAssertEqual(outcome("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"), "413")
        XCTAssertEqual(outcome("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"), "413")
    }

    func testSizesAreBoundedBeforeTheHeadEnds() {
        // Refused as soon as the bound is passed, without waiting for the end of the head.
        XCTAssertEqual(outcome("GET /" + String(repeating: "a", count: RequestHead.maximumTarget + 100)), "414")
        XCTAssertEqual(outcome("GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: RequestHead.maximumHead + 10)), "431")
        let many = (0..<400).map { "X-\($0): " + String(repeating: "c", count: 40) }.joined(separator: "\r\n")
        XCTAssertEqual(outcome("GET / HTTP/1.1\r\nHost: a\r\n" + many + "\r\n\r\n"), "431")
    }
}

/// The server's own bounds, on a server with short deadlines.
final class PreviewHTTPServerTests: XCTestCase {
    func testSlowAndHugeRequestsDoNotHoldUpOthers() async throws {
        let server = PreviewHTTPServer(maximumConnections: 8, headDeadline: .milliseconds(600), idleTimeout: .seconds(2)) { _ in
            PreviewResponse(status: 200, reason: "OK", headers: [("Content-Length", "2")], body: .bytes(Array("ok".utf8)))
        }
        let port = try await server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        // Two clients sending endless header lines, fast.
        let flooders = try (0..<2).map { _ in try RawHTTP.connect(port: port) }
        defer { flooders.forEach { close($0) } }
        let line = Array(("GET / HTTP/1.1\r\nHost: a\r\nX: " + String(repeating: "z", count: 100_000)).utf8)
        for fd in flooders { RawHTTP.send(fd, line) }
        let started = Date()
        let r = try RawHTTP.request(port: port, "GET", "/")
        XCTAssertEqual(r.status, 200)
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.0)
        // A head sent a byte at a time is cut off at its deadline.
        let slow = try RawHTTP.connect(port: port)
        defer { close(slow) }
        RawHTTP.send(slow, Array("GET / HTTP/1.1\r\n".utf8))
        try await Task.sleep(for: .milliseconds(1500))
        var p = pollfd(fd: slow, events: Int16(POLLIN), revents: 0)
        XCTAssertEqual(poll(&p, 1, 1000), 1, "the slow connection was not closed")
        var byte: UInt8 = 0
        XCTAssertLessThanOrEqual(recv(slow, &byte, 1, 0), 0)
        // Connections past the bound take the place of the longest idle ones.
        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        for _ in 0..<20 { idle.append(try RawHTTP.connect(port: port)) }
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertLessThanOrEqual(server.openConnections, 8)
        XCTAssertEqual(try RawHTTP.request(port: port, "GET", "/").status, 200)
    }

    /// Clients that send requests and never read the answers (their receive buffers full) are cut off at
    /// the write deadline, and give way to newcomers before it: they once held every connection, and
    /// everyone else was answered 503 for as long as they stayed.
    func testClientsThatNeverReadDoNotLockOthersOut() async throws {
        let page = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        let server = PreviewHTTPServer(maximumConnections: 4, headDeadline: .seconds(5), writeDeadline: .milliseconds(800),
                                       idleTimeout: .seconds(30)) { _ in
            PreviewResponse(status: 200, reason: "OK", headers: [("Content-Length", String(page.count))], body: .bytes(page))
        }
        let port = try await server.start(host: "127.0.0.1", port: 0)
        defer { server.stop() }
        var stuck: [Int32] = []
        defer { stuck.forEach { close($0) } }
        let requests = Array(String(repeating: "GET / HTTP/1.1\r\nHost: a\r\n\r\n", count: 20).utf8)
        for _ in 0..<4 {
            let fd = try RawHTTP.connect(port: port)
            var small: Int32 = 4096
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
            RawHTTP.send(fd, requests)
            stuck.append(fd)
        }
        try await Task.sleep(for: .milliseconds(300))
        // Full of writers: a newcomer takes the place of the one stalled longest.
        XCTAssertEqual(try RawHTTP.request(port: port, "GET", "/").status, 200)
        // Past the deadline, the stalled ones are gone.
        try await Task.sleep(for: .milliseconds(1800))
        XCTAssertEqual(server.openConnections, 0)
    }
}
