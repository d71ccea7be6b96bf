import Foundation
import SitegenCore
import SitegenKit

/// `sitegen serve`'s HTTP side: the previewed site with the published site's security headers, the
/// live-reload stream, the error overlay's data and the bulletin preview.
///
/// Only GET and HEAD, without a body, from a `Host` that names this server (a page elsewhere cannot
/// read the preview through a rebinding DNS name); every path is read strictly (`RequestPath`) and
/// looked up inside the output folder only.
final class PreviewServer: @unchecked Sendable {
    let session: PreviewSession
    let events: LiveEvents
    /// Host names a request may carry (without the port), lowercased.
    let allowedHosts: Set<String>
    /// Bound to every address: any IP literal is accepted as `Host`, besides the names above.
    let everywhere: Bool
    private(set) var http: PreviewHTTPServer?
    private var heartbeat: Task<Void, Never>?

    /// Where the preview's own files are served; never a path of the site.
    static let ownPrefix = "/_sitegen/"
    static let bulletinPrefix = "/_bulletins/"

    init(session: PreviewSession, events: LiveEvents, host: String, port: UInt16) {
        self.session = session
        self.events = events
        everywhere = host == "0.0.0.0" || host == "::"
        var names: Set<String> = ["localhost", "127.0.0.1", "[::1]", host.contains(":") ? "[\(host.lowercased())]" : host.lowercased()]
        // On the network, colleagues may use this machine's name.
        if everywhere, let name = Self.machineName() { names.insert(name); names.insert(name + ".local") }
        allowedHosts = names
    }

    private static func machineName() -> String? {
        var buffer = [CChar](repeating: 0, count: 256)
        // One byte short of the buffer: a name as long as it is still ends in a zero.
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return nil }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self).lowercased()
        return name.isEmpty ? nil : name
    }

    /// Answers one request.
    func respond(_ request: PreviewRequest) async -> PreviewResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            var response = plain(405, "Method Not Allowed", "Only GET and HEAD.")
            response.headers.append(("Allow", "GET, HEAD"))
            return response
        }
        guard hostAllowed(request.header("host")) else {
            return plain(400, "Bad Request", "This preview answers only to the address it was started on.")
        }
        let path: RequestPath
        switch RequestPath.read(request.path) {
        case .success(let p): path = p
        case .failure: return plain(400, "Bad Request", "The address is not one this site links to.")
        }
        let slash = "/" + path.relative
        if slash.hasPrefix(Self.ownPrefix) { return own(String(slash.dropFirst(Self.ownPrefix.count)), request) }
        if slash.hasPrefix(Self.bulletinPrefix) || slash + "/" == Self.bulletinPrefix { return bulletinPreview(path, request) }
        return site(path, request)
    }

    /// Whether `Host` names this server: one of its names, with an optional port; when bound to
    /// every address, also any IP literal (a rebinding attack needs a domain name).
    func hostAllowed(_ value: String?) -> Bool {
        guard let value = value?.lowercased(), !value.isEmpty else { return false }
        var host = value
        if value.hasPrefix("[") {
            guard let end = value.firstIndex(of: "]") else { return false }
            host = String(value[...end])
            let rest = value[value.index(after: end)...]
            guard rest.isEmpty || (rest.hasPrefix(":") && Int(rest.dropFirst()) != nil) else { return false }
        } else if let colon = value.lastIndex(of: ":") {
            host = String(value[..<colon])
            guard Int(value[value.index(after: colon)...]) != nil else { return false }
        }
        if allowedHosts.contains(host) { return true }
        guard everywhere else { return false }
        if host.hasPrefix("[") { return host.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." } }
        return DottedQuad.matches(host)
    }

    // MARK: The site

    private func site(_ path: RequestPath, _ request: PreviewRequest) -> PreviewResponse {
        let version = session.contentVersion
        let base = session.basePath
        let slash = "/" + path.relative
        guard session.hasSite else { return overlayOnly(request) }
        guard slash.hasPrefix(base) || slash + "/" == base else {
            if slash == "/" { return redirect(base) }
            return notFound(path, request, version: version)
        }
        let relative = String(slash.dropFirst(min(base.count, slash.count)))
        switch session.files.lookup(relative) {
        case .file(let bytes, let name): return file(bytes, name: name, request, status: 200, version: version)
        case .folder: return redirect(slash + "/")
        case .missing: return notFound(path, request, version: version)
        }
    }

    /// The 404 page of the language the path is under, else the site's.
    private func notFound(_ path: RequestPath, _ request: PreviewRequest, version: Int) -> PreviewResponse {
        let base = session.basePath
        let inside = ("/" + path.relative).dropFirst(base.count).split(separator: "/").first.map(String.init)
        let candidates = (inside.flatMap { session.languages.contains($0) ? ["\($0)/404.html"] : nil } ?? []) + ["404.html"]
        for candidate in candidates {
            if case .file(let bytes, let name) = session.files.lookup(candidate) {
                return file(bytes, name: name, request, status: 404, version: version)
            }
        }
        return plain(404, "Not Found", "Not found.")
    }

    private static let reasons = [200: "OK", 301: "Moved Permanently", 304: "Not Modified", 404: "Not Found", 503: "Service Unavailable"]

    /// A file as served; a page gets the live script, naming `version`: the version of the served
    /// files read before `bytes` were looked up (a rebuild in between makes the page look older than
    /// it is, which costs a reload at most, never a missed one).
    private func file(_ bytes: [UInt8], name: String, _ request: PreviewRequest, status: Int, version: Int) -> PreviewResponse {
        var body = bytes
        let type = ServedFiles.contentType(name)
        if type.hasPrefix("text/html") { body = LiveAssets.withLiveScript(body, version: version) }
        let etag = "\"" + SHA256Digest.hex(body).prefix(32) + "\""
        var headers = securityHeaders()
        headers.append(("Content-Type", type))
        headers.append(("ETag", etag))
        headers.append(("Cache-Control", "no-cache"))
        if status == 200, let match = request.header("if-none-match"), Self.matches(match, etag) {
            return PreviewResponse(status: 304, reason: "Not Modified", headers: headers, body: .bytes([]))
        }
        headers.append(("Content-Length", String(body.count)))
        return PreviewResponse(status: status, reason: Self.reasons[status] ?? "OK", headers: headers, body: .bytes(body))
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

    private func securityHeaders() -> [(name: String, value: String)] {
        ServingRules.previewHeaders
    }

    private func redirect(_ location: String) -> PreviewResponse {
        PreviewResponse(status: 301, reason: "Moved Permanently",
                        headers: securityHeaders() + [("Location", location), ("Content-Length", "0")], body: .bytes([]))
    }

    private func plain(_ status: Int, _ reason: String, _ text: String) -> PreviewResponse {
        let body = Array((text + "\n").utf8)
        return PreviewResponse(status: status, reason: reason,
                               headers: securityHeaders() + [("Content-Type", "text/plain; charset=utf-8"),
                                                              ("Content-Length", String(body.count))],
                               body: .bytes(body))
    }

    /// Before any build was published: a page that only shows the overlay, and reloads when fixed.
    private func overlayOnly(_ request: PreviewRequest) -> PreviewResponse {
        let body = LiveAssets.withLiveScript(Array(LiveAssets.emptyPage.utf8), version: session.contentVersion)
        return PreviewResponse(status: 503, reason: "Service Unavailable",
                               headers: securityHeaders() + [("Content-Type", "text/html; charset=utf-8"),
                                                              ("Content-Length", String(body.count))],
                               body: .bytes(body))
    }

    // MARK: The preview's own files

    private func own(_ name: String, _ request: PreviewRequest) -> PreviewResponse {
        switch name {
        case "events":
            guard request.method == "GET" else { return plain(200, "OK", "") }
            guard let stream = events.subscribe() else { return plain(503, "Service Unavailable", "Too many open tabs.") }
            return PreviewResponse(status: 200, reason: "OK",
                                   headers: securityHeaders() + [("Content-Type", "text/event-stream; charset=utf-8"),
                                                                  ("Cache-Control", "no-cache")],
                                   body: .stream(stream))
        case "diagnostics.json":
            let json = DiagnosticsJSON.render(session.diagnostics, version: session.diagnosticsVersion, content: session.contentVersion,
                                              language: session.language,
                                              source: session.options.sourceDirectory)
            return file(Array(json.utf8), name: name, request, status: 200, version: 0)
        default:
            guard let asset = LiveAssets.file(name) else { return plain(404, "Not Found", "Not found.") }
            return file(asset, name: name, request, status: 200, version: 0)
        }
    }

    // MARK: Bulletins

    private func bulletinPreview(_ path: RequestPath, _ request: PreviewRequest) -> PreviewResponse {
        let version = session.contentVersion
        guard session.hasSite else { return overlayOnly(request) }
        let page = String(("/" + path.relative).dropFirst(Self.bulletinPrefix.count - 1))
        if !page.isEmpty && !page.hasSuffix("/") { return redirect("/" + path.relative + "/") }
        let html = BulletinPreview(files: session.files, basePath: session.basePath).page(for: page.isEmpty ? "/" : page)
        guard let html else {
            return plain(404, "Not Found", "This page has no bulletins (is `bulletin: false` in its front matter, or is it a list page?).")
        }
        return file(Array(html.utf8), name: "index.html", request, status: 200, version: version)
    }

    // MARK: Running

    /// Starts listening; returns the port it got.
    func start(host: String, port: UInt16) async throws -> UInt16 {
        let http = PreviewHTTPServer { [unowned self] request in await self.respond(request) }
        self.http = http
        let bound = try await http.start(host: host, port: port)
        // A comment now and then: a tab that went away is noticed when writing to it fails.
        heartbeat = Task { [events] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                events.comment("keep-alive")
            }
        }
        return bound
    }

    func stop() async {
        heartbeat?.cancel()
        events.finishAll()
        http?.stop()
    }
}
