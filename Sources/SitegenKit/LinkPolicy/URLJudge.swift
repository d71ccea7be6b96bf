import Foundation
import UnicodeSecurity
import WHATWGURL

/// Decides whether one link destination is official, reading it as a browser does.
struct URLJudge: Sendable {
    let policy: LinkPolicy
    let lookalikes: Lookalikes
    let parser: URLParser
    /// The site's own address, against which relative links resolve.
    let siteBase: URLRecord?

    init(policy: LinkPolicy, baseURL: String) {
        self.policy = policy
        lookalikes = Lookalikes(officialNames: policy.officialNames)
        parser = URLParser(domainToASCII: { IDNA.toASCII($0).value })
        siteBase = parser.parse(baseURL)
    }

    /// Judgements already made in this build, by destination.
    private let judged = SharedCache<String, [Finding]>()

    /// All objections to a destination, judging both the text typed and the `href` rendered from it.
    func judge(_ destination: String) -> [Finding] {
        judged.value(destination) { judgeUncached(destination) }
    }

    private func judgeUncached(_ destination: String) -> [Finding] {
        if let hidden = InvisibleCharacters.firstInvisibleOrBidiControl(in: destination) {
            let code = String(hidden.scalar.value, radix: 16, uppercase: true)
            return [Finding(code: "link.invisible",
                            message: "link contains an invisible or direction-changing character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))",
                            url: destination)]
        }
        var findings = judgeOne(destination)
        let rendered = HrefEscaping.rendered(destination)
        if rendered != destination {
            // An href a browser cannot parse leads nowhere; only what it can reach is judged again.
            for f in judgeOne(rendered) where f.code != "link.invalid" && !findings.contains(where: { $0.code == f.code }) {
                findings.append(f)
            }
        }
        return findings
    }

    private func judgeOne(_ input: String) -> [Finding] {
        guard let url = parser.parse(input) else {
            return judgeRelative(input)
        }
        switch url.scheme {
        case "https":
            var out: [Finding] = []
            if url.includesCredentials {
                out.append(Finding(code: "link.credentials",
                                   message: "link carries a user name or password before '@'; the host is \(url.serializedHost ?? "")",
                                   url: input))
            }
            if url.port != nil || Self.hasExplicitPort(input) {
                out.append(Finding(code: "link.port", message: "link names a port; official sites use the default", url: input))
            }
            return out + judgeHost(url, input: input)
        case "http":
            return [Finding(code: "link.scheme", message: "http:// links are not allowed; use https://", url: input)]
        case "mailto":
            return judgeMail(url, input: input)
        case "tg":
            return judgeTelegramScheme(url, input: input)
        case "tel":
            let digits = url.serializedPath.filter(\.isASCIIDigit)
            if policy.phones.contains(digits) { return [] }
            return [Finding(code: "link.phone", message: "phone number \(url.serializedPath) is not on the official list", url: input)]
        default:
            return [Finding(code: "link.scheme", message: "\(url.scheme): links are not allowed; use https://", url: input)]
        }
    }

    /// A destination without a scheme: a page of the site, unless it is really another site.
    private func judgeRelative(_ input: String) -> [Finding] {
        let trimmed = input.drop { $0 == " " || $0.asciiValue.map { $0 < 0x20 } == true }
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/") {
            return [Finding(code: "link.scheme", message: "protocol-relative link (//host) is not allowed; use https://", url: input)]
        }
        guard let base = siteBase, let resolved = parser.parse(input, base: base) else {
            return [Finding(code: "link.invalid", message: "link destination is not a valid URL", url: input)]
        }
        if resolved.serializedHost != base.serializedHost {
            return [Finding(code: "link.host", message: "link leaves the site", url: input)]
        }
        // `egov.kz/ru` without https:// is a relative path here, which no editor means.
        let first = String(trimmed.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        if first.contains("."), let ascii = HostName.ascii(first), HostName.isValidDomain(ascii),
           ascii.contains("."), HostName.hasKnownTLD(ascii) {
            return [Finding(code: "link.relative-domain",
                            message: "'\(first)' looks like a site but is linked as a page of this site; write https://\(first)/",
                            url: input)]
        }
        return []
    }

    /// Judges the host of a parsed https URL.
    func judgeHost(_ url: URLRecord, input: String) -> [Finding] {
        switch url.host {
        case .ipv4?, .ipv6?:
            return [Finding(code: "link.ip", message: "link to an IP address \(url.serializedHost ?? ""); official sites have names", url: input)]
        case .domain(let d)?:
            var host = d
            if host.hasSuffix(".") { host.removeLast() }
            if LinkPolicy.telegramHosts.contains(host) { return judgeTelegramPath(url, input: input) }
            return hostFindings(host, input: input, code: "link")
        default:
            return [Finding(code: "link.host", message: "link has no host", url: input)]
        }
    }

    /// Objections to an ASCII host; `code` is the family (`link` or `text`).
    func hostFindings(_ host: String, input: String, code family: String) -> [Finding] {
        if policy.isAllowed(host: host) { return [] }
        let shown = HostName.unicode(host)
        if policy.wildcardBases.contains(host) {
            return [Finding(code: family == "link" ? "link.host" : "text.domain",
                            message: "only subdomains of \(shown) are allowed (*.\(shown)); list \(shown) itself in links.allow if it is official",
                            url: input)]
        }
        if policy.fakeDomains.contains(host) || policy.fakeDomains.contains(HostName.registrable(host)) {
            return [Finding(code: family == "link" ? "link.fake" : "text.fake",
                            message: "\(shown) is a known fake site", url: input)]
        }
        if let official = lookalikes.imitated(by: host) {
            return [Finding(code: family == "link" ? "link.lookalike" : "text.domain",
                            message: "\(family == "link" ? "link to" : "mention of") non-official host \(shown) (looks like \(official))",
                            url: input)]
        }
        if Lookalikes.hasMixedScriptLabel(host) {
            return [Finding(code: family == "link" ? "link.lookalike" : "text.domain",
                            message: "host \(shown) mixes alphabets, as spoofed names do", url: input)]
        }
        return [Finding(code: family == "link" ? "link.host" : "text.domain",
                        message: "\(family == "link" ? "link to" : "mention of") non-official host \(shown)", url: input)]
    }

    /// `t.me/<handle>`, `t.me/s/<handle>`; invite links cannot be proven official.
    private func judgeTelegramPath(_ url: URLRecord, input: String) -> [Finding] {
        guard let handle = Self.telegramHandle(inPath: url.path.segments ?? []) else {
            return [Finding(code: "telegram.unknown", message: "Telegram link names no bot or channel", url: input)]
        }
        return judgeTelegramSegment(handle, url: input)
    }

    /// The handle a `t.me` path opens: its first segment, or the second after `s/` (channel preview).
    static func telegramHandle(inPath segments: [String]) -> String? {
        var segments = segments.filter { !$0.isEmpty }
        if segments.first == "s" { segments.removeFirst() }
        return segments.first
    }

    /// The first path segment of a Telegram link: a handle, or an invite that cannot be proven official.
    func judgeTelegramSegment(_ segment: String, url: String?) -> [Finding] {
        if segment.hasPrefix("+") || segment.hasPrefix("%2B") || segment == "joinchat" || segment == "addlist" {
            return [Finding(code: "telegram.invite", message: "Telegram invite links cannot be proven official", url: url)]
        }
        return judgeHandle(segment, url: url)
    }

    /// The handle a `t.me/…` or `tg://resolve?domain=…` link opens, if it opens one.
    func telegramHandle(of url: URLRecord?) -> String? {
        guard let url else { return nil }
        if url.scheme == "tg", url.serializedHost == "resolve" {
            return (url.query ?? "").split(separator: "&").first { $0.hasPrefix("domain=") }
                .map { String($0.dropFirst("domain=".count)) }
        }
        guard case .domain(let h)? = url.host else { return nil }
        let host = h.hasSuffix(".") ? String(h.dropLast()) : h
        return LinkPolicy.telegramHosts.contains(host) ? Self.telegramHandle(inPath: url.path.segments ?? []) : nil
    }

    private func judgeTelegramScheme(_ url: URLRecord, input: String) -> [Finding] {
        guard url.serializedHost == "resolve", let query = url.query else {
            return [Finding(code: "link.scheme", message: "tg: links other than tg://resolve are not allowed", url: input)]
        }
        for pair in query.split(separator: "&") where pair.hasPrefix("domain=") {
            return judgeHandle(String(pair.dropFirst("domain=".count)), url: input)
        }
        return [Finding(code: "telegram.unknown", message: "tg://resolve link names no bot", url: input)]
    }

    /// An official handle passes; a known fake and an unknown handle do not.
    func judgeHandle(_ raw: String, url: String?) -> [Finding] {
        let handle = String(decoding: URLPercentEncoding.percentDecode(raw), as: UTF8.self)
        if policy.isOfficial(handle: handle) { return [] }
        if let fake = policy.fake(named: handle) {
            return [Finding(code: "telegram.fake", message: "@\(fake) is a known fake bot", url: url)]
        }
        return [Finding(code: "telegram.unknown", message: "@\(handle) is not on the official list of Telegram handles", url: url)]
    }

    private func judgeMail(_ url: URLRecord, input: String) -> [Finding] {
        var addresses = url.serializedPath.split(separator: ",").map(String.init)
        for pair in (url.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, ["to", "cc", "bcc"].contains(parts[0].lowercased()) {
                addresses += parts[1].split(separator: ",").map(String.init)
            }
        }
        var out: [Finding] = []
        for address in addresses {
            let decoded = String(decoding: URLPercentEncoding.percentDecode(address), as: UTF8.self)
            guard let at = decoded.lastIndex(of: "@"), let host = HostName.ascii(String(decoded[decoded.index(after: at)...]))
            else {
                out.append(Finding(code: "link.host", message: "e-mail address \(decoded) has no valid domain", url: input))
                continue
            }
            out += hostFindings(host, input: input, code: "link")
        }
        return out
    }

    /// Whether the authority of an absolute URL names a port, even the default one (`:443`).
    static func hasExplicitPort(_ input: String) -> Bool {
        let s = Array(input.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        guard let colon = s.firstIndex(of: ":") else { return false }
        var i = colon + 1
        while i < s.count, s[i] == "/" || s[i] == "\\" { i += 1 }
        var end = i
        while end < s.count, !["/", "\\", "?", "#"].contains(s[end]) { end += 1 }
        var authority = Array(s[i..<end])
        if let at = authority.lastIndex(of: "@") { authority = Array(authority[(at + 1)...]) }
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { return false }
            authority = Array(authority[(close + 1)...])
        }
        return authority.contains(":")
    }
}
