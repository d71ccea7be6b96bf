import FlyingFox
import FlyingSocks
import Foundation
import SitegenKit

/// `sitegen serve`'s HTTP side, on FlyingFox: the previewed site with the published site's security
/// headers, the live-reload stream, the error overlay's data and the bulletin preview.
///
/// Only GET and HEAD, without a body, from a `Host` that names this server (a page elsewhere cannot
/// read the preview through a rebinding DNS name); every path is read strictly (`RequestPath`) and
/// looked up inside the output folder only.
public final class PreviewServer: @unchecked Sendable {
    let session: PreviewSession
    let events: LiveEvents
    /// Host names a request may carry (without the port), lowercased; empty when bound to every
    /// address, where the names are not known.
    let allowedHosts: Set<String>
    private var server: HTTPServer?
    private var stopped = false
    /// The socket pool, behind the guard that bounds waiting connections.
    let guardPool = ConnectionGuard(HTTPServer.defaultPool())

    /// Request targets longer than this are refused (414).
    static let maximumTarget = 8 * 1024
    /// Header fields, all together, longer than this are refused (431).
    static let maximumHeaderBytes = 16 * 1024
    /// Where the preview's own files are served; never a path of the site.
    static let ownPrefix = "/_sitegen/"
    static let bulletinPrefix = "/_bulletins/"

    init(session: PreviewSession, events: LiveEvents, host: String, port: UInt16) {
        self.session = session
        self.events = events
        let everywhere = host == "0.0.0.0" || host == "::"
        allowedHosts = everywhere ? [] : Set(["localhost", "127.0.0.1", "[::1]", host.lowercased()].map {
            $0.contains(":") && !$0.hasPrefix("[") ? "[\($0)]" : $0
        })
    }

    /// Answers one request.
    func respond(_ request: HTTPRequest) async -> HTTPResponse {
        let rawPath = request.target.path()
        if rawPath.utf8.count + request.target.query().utf8.count > Self.maximumTarget {
            return plain(.uriTooLong, "The address is too long.")
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.key.rawValue.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > Self.maximumHeaderBytes { return plain(HTTPStatusCode(431, phrase: "Request Header Fields Too Large"), "The request's headers are too large.") }
        if request.headers[.contentLength].map({ $0 != "0" }) ?? false || request.headers[.transferEncoding] != nil {
            var response = plain(.payloadTooLarge, "The preview takes no request body.")
            response.headers[.connection] = "close"
            return response
        }
        guard request.method == .GET || request.method == .HEAD else {
            var response = plain(.methodNotAllowed, "Only GET and HEAD.")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        guard hostAllowed(request.headers[.host]) else {
            return plain(.badRequest, "This preview answers only to the address it was started on.")
        }
        let path: RequestPath
        switch RequestPath.read(rawPath) {
        case .success(let p): path = p
        case .failure: return plain(.badRequest, "The address is not one this site links to.")
        }
        let head = request.method == .HEAD
        let slash = "/" + path.relative
        if slash.hasPrefix(Self.ownPrefix) { return own(String(slash.dropFirst(Self.ownPrefix.count)), request, head: head) }
        if slash.hasPrefix(Self.bulletinPrefix) || slash + "/" == Self.bulletinPrefix {
            return bulletinPreview(path, request, head: head)
        }
        return site(path, request, head: head)
    }

    private func hostAllowed(_ value: String?) -> Bool {
        guard !allowedHosts.isEmpty else { return true }
        guard var host = value?.lowercased(), !host.isEmpty else { return false }
        if host.hasPrefix("[") {
            guard let end = host.firstIndex(of: "]") else { return false }
            host = String(host[...end])
        } else if let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        return allowedHosts.contains(host)
    }

    // MARK: The site

    private func site(_ path: RequestPath, _ request: HTTPRequest, head: Bool) -> HTTPResponse {
        let base = session.basePath
        let slash = "/" + path.relative
        guard session.hasSite else { return overlayOnly(head: head) }
        guard slash.hasPrefix(base) || slash + "/" == base else {
            if slash == "/" { return redirect(base) }
            return notFound(path, request, head: head)
        }
        let relative = String(slash.dropFirst(min(base.count, slash.count)))
        switch session.files.lookup(relative) {
        case .file(let bytes, let name):
            return file(bytes, name: name, request, head: head, status: .ok)
        case .folder:
            return redirect(slash + "/")
        case .missing:
            return notFound(path, request, head: head)
        }
    }

    /// The 404 page of the language the path is under, else the site's.
    private func notFound(_ path: RequestPath, _ request: HTTPRequest, head: Bool) -> HTTPResponse {
        let base = session.basePath
        let inside = ("/" + path.relative).dropFirst(base.count).split(separator: "/").first.map(String.init)
        let candidates = (inside.flatMap { session.languages.contains($0) ? ["\($0)/404.html"] : nil } ?? []) + ["404.html"]
        for candidate in candidates {
            if case .file(let bytes, let name) = session.files.lookup(candidate) {
                return file(bytes, name: name, request, head: head, status: .notFound)
            }
        }
        return plain(.notFound, "Not found.")
    }

    private func file(_ bytes: [UInt8], name: String, _ request: HTTPRequest, head: Bool, status: HTTPStatusCode) -> HTTPResponse {
        var body = bytes
        let type = ServedFiles.contentType(name)
        if type.hasPrefix("text/html") { body = LiveAssets.withLiveScript(body) }
        let etag = "\"" + SHA256Digest.hex(body).prefix(32) + "\""
        var headers = securityHeaders()
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        if status == .ok, let match = request.headers[HTTPHeader("If-None-Match")], Self.matches(match, etag) {
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: head ? Data() : Data(body))
    }

    /// Whether an `If-None-Match` value names this entity tag (weak comparison, as RFC 9110 asks for GET).
    static func matches(_ header: String, _ etag: String) -> Bool {
        if header.trimmingCharacters(in: .whitespaces) == "*" { return true }
        return header.split(separator: ",").contains { candidate in
            var tag = candidate.trimmingCharacters(in: .whitespaces)
            if tag.hasPrefix("W/") { tag.removeFirst(2) }
            return tag == etag
        }
    }

    private func securityHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in ServingRules.previewHeaders { headers[HTTPHeader(name)] = value }
        return headers
    }

    private func redirect(_ location: String) -> HTTPResponse {
        var headers = securityHeaders()
        headers[.location] = location
        headers[.contentLength] = "0"
        return HTTPResponse(statusCode: .movedPermanently, headers: headers)
    }

    private func plain(_ status: HTTPStatusCode, _ text: String) -> HTTPResponse {
        var headers = securityHeaders()
        headers[.contentType] = "text/plain; charset=utf-8"
        let body = Data((text + "\n").utf8)
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    /// Before any build was published: a page that only shows the overlay, and reloads when fixed.
    private func overlayOnly(head: Bool) -> HTTPResponse {
        var headers = securityHeaders()
        headers[.contentType] = "text/html; charset=utf-8"
        let body = Data(LiveAssets.withLiveScript(Array(LiveAssets.emptyPage.utf8)))
        headers[.contentLength] = String(body.count)
        return HTTPResponse(statusCode: .serviceUnavailable, headers: headers, body: head ? Data() : body)
    }

    // MARK: The preview's own files

    private func own(_ name: String, _ request: HTTPRequest, head: Bool) -> HTTPResponse {
        switch name {
        case "events":
            guard !head else { return plain(.ok, "") }
            guard let body = events.subscribe() else { return plain(.serviceUnavailable, "Too many open tabs.") }
            var headers = securityHeaders()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return HTTPResponse(statusCode: .ok, headers: headers, body: body)
        case "diagnostics.json":
            let json = DiagnosticsJSON.render(session.diagnostics, version: session.diagnosticsVersion,
                                              language: session.messageLanguage ?? .en,
                                              source: session.options.sourceDirectory)
            return file(Array(json.utf8), name: name, request, head: head, status: .ok)
        default:
            guard let asset = LiveAssets.file(name) else { return plain(.notFound, "Not found.") }
            return file(asset, name: name, request, head: head, status: .ok)
        }
    }

    // MARK: Bulletins

    private func bulletinPreview(_ path: RequestPath, _ request: HTTPRequest, head: Bool) -> HTTPResponse {
        guard session.hasSite else { return overlayOnly(head: head) }
        let page = String(("/" + path.relative).dropFirst(Self.bulletinPrefix.count - 1))
        if !page.isEmpty && !page.hasSuffix("/") { return redirect("/" + path.relative + "/") }
        let html = BulletinPreview(files: session.files, basePath: session.basePath).page(for: page.isEmpty ? "/" : page)
        guard let html else {
            return plain(.notFound, "This page has no bulletins (is `bulletin: false` in its front matter, or is it a list page?).")
        }
        return file(Array(html.utf8), name: "index.html", request, head: head, status: .ok)
    }

    // MARK: Running

    /// Starts listening; returns once the socket is bound, with the port it got.
    func start(host: String, port: UInt16) async throws -> UInt16 {
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        let server = HTTPServer(address: address, timeout: 30, pool: guardPool, logger: .disabled,
                                handler: ClosureHTTPHandler { [self] request in await respond(request) })
        self.server = server
        // FlyingFox's accept loop ends at its first failure (out of file descriptors, say): listen
        // again, so a flood of connections costs the preview a moment, not its life.
        Task { [weak self] in
            while let self, !self.stopped {
                try? await server.run()
                if self.stopped { break }
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
        try await server.waitUntilListening(timeout: 10)
        guard let bound = await server.listeningAddress else { throw SocketError.unsupportedAddress }
        switch bound {
        case .ip4(_, let p), .ip6(_, let p): return p
        case .unix: return port
        }
    }

    func stop() async {
        stopped = true
        events.finishAll()
        await server?.stop(timeout: 1)
    }
}
