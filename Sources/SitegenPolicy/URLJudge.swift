import Foundation
import SitegenCore
import UnicodeSecurity
import WHATWGURL

/// Decides whether one link destination is official, reading it as a browser does.
package struct URLJudge: Sendable {
    let policy: LinkPolicy
    let lookalikes: Lookalikes
    package let parser: URLParser
    /// The site's own address, against which relative links resolve.
    package let siteBase: URLRecord?

    init(policy: LinkPolicy, baseURL: String) {
        self.policy = policy
        lookalikes = Lookalikes(officialNames: policy.officialNames)
        parser = URLParser(domainToASCII: { IDNA.toASCII($0).value })
        siteBase = parser.parse(baseURL)
    }

    /// Judgements already made in this build, by destination.
    private let judged = SharedCache<ExactText, [Finding]>()

    /// All objections to a destination, judging both the text typed and the `href` rendered from it.
    package func judge(_ destination: String) -> [Finding] {
        judged.value(destination) { judgeUncached(destination) }
    }

    /// The longest address judged: official pages have short addresses, and a longer one (a pasted
    /// tracking link, a hostile megabyte) is refused at once instead of read piece by piece.
    static let longestAddress = 2_000

    private func judgeUncached(_ destination: String) -> [Finding] {
        if destination.utf8.count > Self.longestAddress {
            return [Finding(code: "link.noncanonical", id: "link.too-long",
                            ["length": String(destination.unicodeScalars.count), "most": String(Self.longestAddress)],
                            url: String(destination.prefix(80)) + "…")]
        }
        if let hidden = InvisibleCharacters.firstInvisibleOrBidiControl(in: destination) {
            let code = String(hidden.scalar.value, radix: 16, uppercase: true)
            return [Finding(code: "link.invisible", id: "link.invisible",
                            ["code": String(repeating: "0", count: max(0, 4 - code.count)) + code], url: destination)]
        }
        var findings = judgeOne(destination)
        let rendered = HrefEscaping.rendered(destination)
        if rendered != destination {
            // An href a browser cannot parse leads nowhere; only what it can reach is judged again.
            // The written form alone must be canonical: the escaping is sitegen's own (and encodes an
            // internationalised host, which browsers decode back). What the escaping hides inside an
            // already refused link (`\evil.com` as `%5Cevil.com`) would only say the same again.
            let refused = !findings.isEmpty
            for f in judgeOne(rendered) where f.code != "link.invalid" && f.code != "link.noncanonical"
                && !(refused && f.code == "link.query") && !findings.contains(where: { $0.code == f.code }) {
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
                out.append(Finding(code: "link.credentials", id: "link.credentials", ["host": url.serializedHost ?? ""], url: input))
            }
            if url.port != nil || Self.hasExplicitPort(input) {
                out.append(Finding(code: "link.port", id: "link.port", [:], url: input))
            }
            // What is wrong with the host is said first; a link is never accepted because it
            // normalises to an official one: it must be written as browsers and apps read it.
            let hostFindings = judgeHost(url, input: input)
            // A user name or a port is the more specific objection than the form.
            if !out.isEmpty { return out + hostFindings.filter { $0.code != "link.noncanonical" } }
            if !hostFindings.isEmpty { return hostFindings }
            if isTelegramHost(url) { return [] }
            if var problem = CanonicalLink.problem(written: input, url: url, parser: parser) {
                // Only a form the policy accepts is worth suggesting (`/%E2%80%A6evil.com` is not).
                if let suggestion = problem.suggestion, !judgeOne(suggestion).isEmpty { problem.suggestion = nil }
                return [Finding(code: "link.noncanonical", id: "link.noncanonical",
                                problem.arguments.merging(carried(in: url)) { a, _ in a }, url: input)]
            }
            return judgeEmbeddedAddresses(url, input: input)
        case "http":
            return [Finding(code: "link.scheme", id: "link.scheme.http", [:], url: input)]
        case "mailto":
            return judgeMail(url, input: input)
        case "tg":
            return judgeTelegramScheme(url, input: input)
        case "tel":
            return judgeTel(url, input: input)
        default:
            return [Finding(code: "link.scheme", id: "link.scheme", ["scheme": url.scheme], url: input)]
        }
    }

    /// A destination without a scheme: a page of the site, unless it is really another site.
    private func judgeRelative(_ input: String) -> [Finding] {
        let trimmed = input.drop { $0 == " " || $0.asciiValue.map { $0 < 0x20 } == true }
            .filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        if trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\") || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/") {
            return [Finding(code: "link.scheme", id: "link.scheme.relative", [:], url: input)]
        }
        guard let base = siteBase, let resolved = parser.parse(input, base: base) else {
            return [Finding(code: "link.invalid", id: "link.invalid", [:], url: input)]
        }
        if resolved.serializedHost != base.serializedHost {
            return [Finding(code: "link.host", id: "link.leaves-site", [:], url: input)]
        }
        // `egov.kz/ru` without https:// is a relative path here, which no editor means.
        let first = String(trimmed.prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        if first.contains("."), let ascii = HostName.ascii(first), HostName.isValidDomain(ascii),
           ascii.contains("."), HostName.hasKnownTLD(ascii) {
            return [Finding(code: "link.relative-domain", id: "link.relative-domain", ["name": first], url: input)]
        }
        // Bulletins print the page's address with the link as written after it: a reader's app must
        // read it whole, and find no other address in it.
        if let reason = CanonicalLink.relativeReason(written: input) {
            let problem = CanonicalLink.Problem(reason: reason, suggestion: nil, cut: reason.isAppCut)
            return [Finding(code: "link.noncanonical", id: "link.noncanonical",
                            problem.arguments.merging(carried(in: resolved)) { a, _ in a }, url: input)]
        }
        return judgeEmbeddedAddresses(resolved, input: input)
    }

    /// An official address can still carry another one in its path, query or fragment
    /// (`?next=//evil.com`, `/…evil.com`), which a redirect or a reader's app may follow.
    private func judgeEmbeddedAddresses(_ url: URLRecord, input: String) -> [Finding] {
        let found = EmbeddedAddresses(policy: policy).find(in: url)
        guard let first = found.first else { return [] }
        return [Finding(code: "link.query", id: "link.query", ["address": first],
                        url: input)]
    }

    /// For a link refused as not canonical: the other address it carries too, if any, said at once.
    /// The `{also}` of a `link.noncanonical` message: another address the link carries, if any.
    private func carried(in url: URLRecord) -> [String: String] {
        EmbeddedAddresses(policy: policy).find(in: url).first.map { MessageCatalog.nest("also", "link.also", ["address": $0]) }
            ?? MessageCatalog.nest("also", "")
    }

    private func isTelegramHost(_ url: URLRecord) -> Bool {
        guard case .domain(let h)? = url.host else { return false }
        return LinkPolicy.telegramHosts.contains(h.hasSuffix(".") ? String(h.dropLast()) : h)
    }

    /// Judges the host of a parsed https URL.
    func judgeHost(_ url: URLRecord, input: String) -> [Finding] {
        switch url.host {
        case .ipv4?, .ipv6?:
            return [Finding(code: "link.ip", id: "link.ip", ["address": url.serializedHost ?? ""], url: input)]
        case .domain(let d)?:
            var host = d
            if host.hasSuffix(".") { host.removeLast() }
            if LinkPolicy.telegramHosts.contains(host) { return judgeTelegramPath(url, input: input) }
            return hostFindings(host, input: input, code: "link")
        default:
            return [Finding(code: "link.host", id: "link.no-host", [:], url: input)]
        }
    }

    /// Objections to an ASCII host; `code` is the family (`link` or `text`).
    func hostFindings(_ host: String, input: String, code family: String) -> [Finding] {
        if policy.isAllowed(host: host) { return [] }
        let shown = HostName.unicode(host)
        let link = family == "link"
        if policy.wildcardBases.contains(host) {
            return [Finding(code: link ? "link.host" : "text.domain", id: "link.host.wildcard-base", ["host": shown], url: input)]
        }
        if policy.fakeDomains.contains(host) || policy.fakeDomains.contains(HostName.registrable(host)) {
            return [Finding(code: link ? "link.fake" : "text.fake", id: link ? "link.fake" : "text.fake.domain", ["host": shown], url: input)]
        }
        // `www.egov.kz` belongs to whoever holds `egov.kz`: not a lookalike, only not listed.
        if !host.hasPrefix("."), !host.contains(".."),
           let parent = policy.exactHosts.filter({ host.hasSuffix("." + $0) }).max(by: { $0.count < $1.count }) {
            return [Finding(code: link ? "link.host" : "text.domain", id: "link.host.subdomain",
                            ["host": shown, "parent": HostName.unicode(parent)], url: input)]
        }
        let odd = Lookalikes.hasMixedScriptLabel(host) ? MixedScriptLetter.find(in: shown) : nil
        if let official = lookalikes.imitated(by: host) {
            return [Finding(code: link ? "link.lookalike" : "text.domain", id: link ? "link.lookalike" : "text.domain.lookalike",
                            ["host": shown, "official": official], url: input, culprit: odd?.scalar)]
        }
        if let odd {
            return [Finding(code: link ? "link.lookalike" : "text.domain", id: "link.lookalike.mixed",
                            ["host": shown, "letter": String(odd.scalar)],
                            url: input, culprit: odd.scalar)]
        }
        if Lookalikes.hasMixedScriptLabel(host) {
            return [Finding(code: link ? "link.lookalike" : "text.domain", id: "link.mixed-alphabets", ["host": shown], url: input)]
        }
        return [Finding(code: link ? "link.host" : "text.domain", id: link ? "link.host" : "text.domain", ["host": shown], url: input)]
    }

    /// A link on one of Telegram's hosts: an invite is refused whatever its form; otherwise only the
    /// plain forms of `TelegramLinkForm`, written on `t.me`, are accepted, and their handle is judged.
    private func judgeTelegramPath(_ url: URLRecord, input: String) -> [Finding] {
        let segments = url.path.segments ?? []
        if let first = Self.telegramHandle(inPath: segments), Self.isInvite(first) {
            return [Finding(code: "telegram.invite", id: "telegram.invite", [:], url: input)]
        }
        switch TelegramLinkForm.read(input) {
        case .plain(let form):
            return judgeHandle(form.handle, url: input)
        case .alias(let form):
            let findings = judgeHandle(form.handle, url: input)
            return findings.isEmpty ? [telegramNoncanonical(reason: CanonicalLink.Reason("telegram-host"), suggestion: form.canonical, url: input)] : findings
        case .other:
            if segments.allSatisfy(\.isEmpty) && url.query == nil && url.fragment == nil {
                return [Finding(code: "telegram.unknown", id: "telegram.no-handle", [:], url: input)]
            }
            let reason = CanonicalLink.reason(written: input, url: url) ?? Self.telegramReadOn(input)
            if let reason, reason.isAppCut || reason.id == "link.reason.app-reads-on" {
                // A plain form the editor let touch what follows: told where to end it.
                return [Finding(code: "link.noncanonical", id: "link.noncanonical.telegram.end", reason.nested, url: input)]
            }
            return [telegramNoncanonical(reason: reason ?? CanonicalLink.Reason("telegram-form"),
                                         suggestion: Self.telegramSuggestion(written: input, url: url), url: input)]
        }
    }

    /// Why a Telegram link that is no plain form is one followed by more (`https://t.me/Kenes1414Bot-қа`,
    /// a case ending the app reads as more of the path): the longest plain form it starts with, followed
    /// by what cannot continue a handle; nil otherwise.
    static func telegramReadOn(_ written: String) -> CanonicalLink.Reason? {
        let scalars = Array(written.unicodeScalars)
        var end = scalars.count - 1
        while end > 0 {
            let next = scalars[end]
            if !(next.isASCII && (next.properties.isAlphabetic || ("0"..."9").contains(next) || next == "_")),
               case .plain = TelegramLinkForm.read(String(scalars: scalars[..<end])) {
                return CanonicalLink.Reason("app-reads-on", ["rest": String(scalars: scalars[end...])])
            }
            end -= 1
        }
        return nil
    }

    /// The plain form to suggest for a Telegram link that differs from one only in how its scheme and
    /// host are written (`HTTPS://T.ME./Kenes1414Bot`); never when the path differs, because the app
    /// reads a path its own way (`evilbot/../Kenes1414Bot` opens @evilbot).
    static func telegramSuggestion(written: String, url: URLRecord) -> String? {
        func rest(_ s: String) -> Substring? {
            guard let scheme = s.range(of: "://") else { return nil }
            let after = s[scheme.upperBound...]
            return after[(after.firstIndex { "/?#\\".contains($0) } ?? after.endIndex)...]
        }
        guard let href = rest(url.href), let typed = rest(written), href == typed else { return nil }
        switch TelegramLinkForm.read("https://" + TelegramLinkForm.host + href) {
        case .plain(let form), .alias(let form): return form.canonical
        case .other: return nil
        }
    }

    /// A handle written after a Telegram host and a colon or a backslash (`t.me:/Kenes1414Bot`): not a
    /// plain form; the plain one is suggested when `suggesting`.
    func telegramNamedNoncanonical(_ handle: String, suggesting: Bool) -> Finding {
        let form = TelegramLinkForm(handle: handle, kind: .profile)
        return telegramNoncanonical(reason: CanonicalLink.Reason("telegram-form"), suggestion: suggesting ? form.canonical : nil,
                                    url: nil)
    }

    private func telegramNoncanonical(reason: CanonicalLink.Reason, suggestion: String?, url: String?) -> Finding {
        if let suggestion {
            return Finding(code: "link.noncanonical", id: "link.noncanonical.telegram.suggestion",
                           reason.nested.merging(["suggestion": suggestion]) { a, _ in a }, url: url)
        }
        return Finding(code: "link.noncanonical", id: "link.noncanonical.telegram", reason.nested, url: url)
    }

    /// Whether a first path segment opens an invite rather than a handle.
    static func isInvite(_ segment: String) -> Bool {
        segment.hasPrefix("+") || segment.lowercased().hasPrefix("%2b") || segment == "joinchat" || segment == "addlist"
    }

    /// The handle a `t.me` path opens: its first segment, or the second after `s/` (channel preview).
    static func telegramHandle(inPath segments: [String]) -> String? {
        var segments = segments.filter { !$0.isEmpty }
        if segments.first == "s" { segments.removeFirst() }
        return segments.first
    }

    /// What follows `t.me/` in text: a handle, `s/<handle>` (a channel's web preview), or an invite
    /// that cannot be proven official.
    func judgeTelegramSegment(_ segment: String, url: String?) -> [Finding] {
        let preview = segment.hasPrefix("s/") ? String(segment.dropFirst(2)) : nil
        if Self.isInvite(preview ?? segment) {
            return [Finding(code: "telegram.invite", id: "telegram.invite", [:], url: url)]
        }
        if let preview, TelegramLinkForm.isHandle(Substring(preview)) { return judgeHandle(preview, url: url) }
        return judgeHandle(segment, url: url)
    }

    /// The handle a `t.me/…` or `tg://resolve?domain=…` link opens, if it opens one.
    package func telegramHandle(of url: URLRecord?) -> String? {
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
            return [Finding(code: "link.scheme", id: "link.scheme.tg", [:], url: input)]
        }
        // A client may act on any parameter (a phone number, a second domain in another case), so
        // only one `domain=` and an optional `start=` can be proven.
        var domains: [String] = []
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            let name = String(decoding: URLPercentEncoding.percentDecode(parts.first ?? ""), as: UTF8.self)
            switch name {
            case "domain": domains.append(parts.count > 1 ? parts[1] : "")
            case "start": continue
            default:
                return [Finding(code: "link.scheme", id: "link.scheme.tg-parameter", ["name": name], url: input)]
            }
        }
        guard domains.count == 1 else {
            return [Finding(code: domains.isEmpty ? "telegram.unknown" : "link.scheme",
                            id: domains.isEmpty ? "telegram.resolve-no-bot" : "link.scheme.tg-bots", [:], url: input)]
        }
        let findings = judgeHandle(domains[0], url: input)
        guard findings.isEmpty else { return findings }
        let suggestion: String?
        if case .alias(let form) = TelegramLinkForm.read(input) { suggestion = form.canonical } else { suggestion = nil }
        return [telegramNoncanonical(reason: CanonicalLink.Reason("telegram-scheme"),
                                     suggestion: suggestion, url: input)]
    }

    /// An official handle passes; a known fake and an unknown handle do not.
    func judgeHandle(_ raw: String, url: String?) -> [Finding] {
        let handle = String(decoding: URLPercentEncoding.percentDecode(raw), as: UTF8.self)
        if policy.isOfficial(handle: handle) { return [] }
        if let fake = policy.fake(named: handle) {
            return [Finding(code: "telegram.fake", id: "telegram.fake", ["handle": fake], url: url)]
        }
        if let meant = policy.nearestOfficial(handle: handle) {
            return [Finding(code: "telegram.unknown", id: "telegram.unknown.near", ["handle": handle, "meant": meant], url: url)]
        }
        return [Finding(code: "telegram.unknown", id: "telegram.unknown", ["handle": handle], url: url)]
    }

    /// A number is dialled as written, and a phone's dialler reads more than digits: keypad letters
    /// (`tel:+PPPP1414` dials +7777 1414), pauses and waits (`,` `;` `p` `w`), extensions and
    /// percent-encoded characters. Only a plus, digits and the separators `-` `.` `(` `)` are accepted,
    /// and the number must be an official one: with a plus, the same full number (a country code
    /// makes `+1414` another number than `1414`).
    private func judgeTel(_ url: URLRecord, input: String) -> [Finding] {
        // A space is written `%20` in a link (`<tel:+7 800 080 7777>` in Markdown): a separator like `-`.
        let written = url.serializedPath.replacingOccurrences(of: "%20", with: " ")
        let asWritten = input.drop { $0 != ":" }.dropFirst()
        let refused = [Finding(code: "link.phone", id: "link.phone", ["number": String(asWritten)], url: input)]
        let body = written.hasPrefix("+") ? written.dropFirst() : written[...]
        guard url.query == nil, url.fragment == nil, body.first?.isASCIIDigit == true,
              body.allSatisfy({ $0.isASCIIDigit || "-.() ".contains($0) }) else { return refused }
        let digits = body.filter(\.isASCIIDigit)
        // A full number, with a plus and its country code or with the national 8, is the listed number in
        // either form (`+7 800 080 7777`, `8 800 080 7777`); a short one only as listed, without a plus
        // (`+1414` is a number abroad, `+8 800…` another country's).
        let official: Bool
        if written.hasPrefix("+") {
            official = digits.count >= 10 && policy.phones.contains { PhoneNumbers.canonical($0) == digits }
        } else if digits.count == 11 && digits.hasPrefix("8") {
            official = policy.phones.contains { PhoneNumbers.canonical($0) == PhoneNumbers.canonical(digits) }
        } else {
            official = digits.count < 10 && policy.phones.contains(digits)
        }
        return official ? [] : refused
    }

    /// A mail link is accepted only as `mailto:name@domain`, nothing more: what a mail client reads
    /// in anything else is not one thing (a dot-like character or an invisible one written
    /// percent-encoded in the domain, which a client applying IDNA reads as a dot or drops; a second
    /// recipient; a `?body=` carrying an address of its own), and no official address needs it.
    static func isCanonicalMail(_ url: URLRecord) -> Bool {
        guard url.fragment == nil, url.query.map(isPlainSubject) ?? true else { return false }
        let parts = url.serializedPath.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains(".") else { return false }
        let local = parts[0].utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) || (0x30...0x39).contains($0) || [0x2E, 0x5F, 0x2B, 0x2D].contains($0) }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        let domain = labels.allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy { (0x61...0x7A).contains($0 | 0x20) || (0x30...0x39).contains($0) || $0 == 0x2D }
        }
        return local && domain
    }

    /// A query of one `subject=` whose text names nothing (`subject=42%20500`): no `@`, `.`, `/`, `:` or
    /// `\` once decoded, nor a character a reader takes for one (`·`, `．`, `＠`, `∕`), so no address
    /// rides in the draft.
    static func isPlainSubject(_ query: String) -> Bool {
        guard query.lowercased().hasPrefix("subject="), !query.contains("&") else { return false }
        let value = String(decoding: URLPercentEncoding.percentDecode(String(query.dropFirst("subject=".count))), as: UTF8.self)
        return !value.contains(where: \.isNewline)
            && !value.unicodeScalars.contains { u in
                // A character that reads as one of them (`．`, `＠`, `∕`, `·`: its fold) or holds one (`⒈`,
                // `℅`: its compatibility form), but for `%` (whose fold holds a fraction slash) and `…`,
                // which name no address.
                guard !subjectMarks.contains(u) else { return true }
                guard u != "%", u != "…" else { return false }
                return FakeNameMatcher.fold(u).contains(where: subjectMarks.contains)
                    || String(u).decomposedStringWithCompatibilityMapping.unicodeScalars.contains(where: subjectMarks.contains)
            }
    }

    /// What an address is written with, which a subject may not hold.
    private static let subjectMarks: Set<Unicode.Scalar> = ["@", ".", "/", ":", "\\"]

    /// Every address a mail client could read in the link: the path and the query decoded, then
    /// every name after every `@`, whatever separates the recipients (`,`, `;`, `%2C`, headers).
    private func judgeMail(_ url: URLRecord, input: String) -> [Finding] {
        let decoded = String(decoding: URLPercentEncoding.percentDecode(url.serializedPath + "?" + (url.query ?? "")),
                             as: UTF8.self)
        let scalars = Array(decoded.unicodeScalars)
        var out: [Finding] = []
        var hosts: [String] = []
        for (i, c) in scalars.enumerated() where c == "@" {
            var j = i + 1
            while j < scalars.count, scalars[j].properties.isAlphabetic || scalars[j].properties.numericType != nil
                || scalars[j] == "." || scalars[j] == "-" { j += 1 }
            hosts.append(String(scalars: scalars[(i + 1)..<j]))
        }
        if hosts.isEmpty {
            return [Finding(code: "link.host", id: "link.mail-empty", [:], url: input)]
        }
        for name in hosts {
            guard let host = HostName.ascii(name), !host.isEmpty else {
                out.append(Finding(code: "link.host", id: "link.mail-domain", ["name": name], url: input))
                continue
            }
            for f in hostFindings(host, input: input, code: "link") where !out.contains(where: { $0.message == f.message }) {
                out.append(f)
            }
        }
        // The host's objection is the more specific one; the form's when the hosts are official.
        if out.isEmpty && !Self.isCanonicalMail(url) { out.append(Finding(code: "link.noncanonical", id: "link.mail-form", [:], url: input)) }
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
