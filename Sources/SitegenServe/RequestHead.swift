import Foundation

/// A request as the preview reads it: GET or HEAD without a body, so its head is all of it.
struct PreviewRequest: Sendable {
    var method: String
    /// The target as sent, query included.
    var target: String
    var version: String
    /// Header fields, names lowercased, in order.
    var headers: [(name: String, value: String)]

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
    /// The target without its query.
    var path: String { String(target.prefix { $0 != "?" }) }
    /// Whether the connection ends after the response (HTTP/1.0, or `Connection: close`).
    var closes: Bool {
        version == "HTTP/1.0" || (header("connection")?.lowercased().split(separator: ",")
            .contains { $0.trimmingCharacters(in: .whitespaces) == "close" } ?? false)
    }
}

/// Reads a request head strictly and within bounds, before any of it is believed.
///
/// The preview reads requests itself rather than through FlyingFox's `HTTPServer`: that decoder has
/// no limit on a header line and takes time quadratic in its length (a 16 KB line took 12 s to read
/// here, and two clients sending 100 KB lines froze every other request), so the bound it would be
/// checked against comes too late. Here the head is at most `maximumHead` bytes, in CRLF lines, with a
/// request line of printable ASCII no longer than `maximumTarget`, header names that are tokens, no
/// folded lines, one `Host` and one `Content-Length`, and no body.
enum RequestHead {
    static let maximumTarget = 8 * 1024
    static let maximumHead = 16 * 1024

    enum Outcome {
        /// A whole head: the request and how many bytes of the buffer it took.
        case request(PreviewRequest, consumed: Int)
        /// Not a whole head yet, and nothing wrong so far.
        case needMore
        /// What to answer before closing the connection.
        case refused(status: Int, reason: String)
    }

    static func read(_ buffer: [UInt8]) -> Outcome {
        // Browsers may send a stray CRLF between requests; RFC 9112 §2.2 lets a server skip them.
        var start = 0
        while start + 1 < buffer.count, buffer[start] == 13, buffer[start + 1] == 10 { start += 2 }
        guard let end = headEnd(buffer, from: start) else {
            // A head written with bare line breaks (`GET / HTTP/1.1\nHost: a\n\n`) never ends as one
            // must: refused now, not left to wait for its deadline.
            if hasBareLineBreak(buffer, from: start) { return bad() }
            // The request line, whole or so far, already longer than any accepted one.
            if (lineEnd(buffer, from: start) ?? buffer.count) - start > maximumTarget + 16 {
                return .refused(status: 414, reason: "URI Too Long")
            }
            return buffer.count - start > maximumHead ? .refused(status: 431, reason: "Request Header Fields Too Large") : .needMore
        }
        guard end - start <= maximumHead else { return .refused(status: 431, reason: "Request Header Fields Too Large") }
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = start
        var i = start
        while i + 1 < end + 2 {
            if buffer[i] == 13 && buffer[i + 1] == 10 {
                lines.append(buffer[lineStart..<i])
                i += 2
                lineStart = i
            } else {
                // A bare CR or LF is not a line break here, and not allowed either.
                if buffer[i] == 13 || buffer[i] == 10 { return bad() }
                i += 1
            }
        }
        guard let requestLine = lines.first else { return bad() }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ (65...90).contains($0) }),
              !parts[1].isEmpty, parts[1].allSatisfy({ (0x21...0x7E).contains($0) }),
              parts[2].elementsEqual("HTTP/1.1".utf8) || parts[2].elementsEqual("HTTP/1.0".utf8)
        else { return bad() }
        guard parts[1].count <= maximumTarget else { return .refused(status: 414, reason: "URI Too Long") }
        var headers: [(String, String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy(isTokenByte) else { return bad() }
            let value = line[(colon + 1)...].drop { $0 == 0x20 || $0 == 0x09 }
            var trimmed = value
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            guard trimmed.allSatisfy({ $0 == 0x09 || (0x20...0x7E).contains($0) || $0 >= 0x80 }) else { return bad() }
            headers.append((String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased(),
                            String(decoding: trimmed, as: UTF8.self)))
        }
        let request = PreviewRequest(method: String(decoding: parts[0], as: UTF8.self),
                                     target: String(decoding: parts[1], as: UTF8.self),
                                     version: String(decoding: parts[2], as: UTF8.self), headers: headers)
        for name in ["host", "content-length"] where headers.filter({ $0.0 == name }).count > 1 { return bad() }
        if request.version == "HTTP/1.1" && request.header("host") == nil { return bad() }
        if request.header("transfer-encoding") != nil || (request.header("content-length").map { $0 != "0" } ?? false) {
            return .refused(status: 413, reason: "Content Too Large")
        }
        return .request(request, consumed: end + 4)
    }

    private static func bad() -> Outcome { .refused(status: 400, reason: "Bad Request") }

    /// Whether a LF without a CR before it, or a CR with something else than LF after it, is there.
    private static func hasBareLineBreak(_ b: [UInt8], from start: Int) -> Bool {
        let limit = min(b.count, start + maximumHead + 4)
        for i in start..<limit {
            if b[i] == 10 && (i == start || b[i - 1] != 13) { return true }
            if b[i] == 13 && i + 1 < limit && b[i + 1] != 10 { return true }
        }
        return false
    }

    /// Where `\r\n\r\n` starts, looking no further than a head may be long.
    private static func headEnd(_ b: [UInt8], from start: Int) -> Int? {
        let limit = min(b.count, start + maximumHead + 4)
        var i = start
        while i + 3 < limit {
            if b[i] == 13 && b[i + 1] == 10 && b[i + 2] == 13 && b[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func lineEnd(_ b: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < b.count {
            if b[i] == 13 && b[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    private static func isTokenByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(b)
        }
    }
}
