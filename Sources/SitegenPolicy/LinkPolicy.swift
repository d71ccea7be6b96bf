import Foundation
import SitegenContent
import SitegenCore
import UnicodeSecurity

/// The compiled link policy: what is official, what is a known fake. Built once per build from the
/// `links:` block of `sitegen.yml`; read-only and shared by every page's inspection.
package struct LinkPolicy: Sendable {
    /// Public suffixes under which only state bodies register names (Kazakhstan's government and
    /// military domains): a wildcard over one (`*.gov.kz`) is how they are allowed. A wildcard over any
    /// other public suffix (`*.com.kz`, `*.github.io`) needs `allow_tld_wildcards: true`.
    static let stateSuffixes: Set<String> = ["gov.kz", "mil.kz"]

    /// Hosts allowed exactly (ASCII, lowercase, no trailing dot).
    private(set) var exactHosts: Set<String> = []
    /// Bases of `*.base` patterns: any subdomain of these, at any depth, but not the base itself.
    private(set) var wildcardBases: [String] = []
    /// Official Telegram handles, lowercased.
    private(set) var officialHandles: Set<String> = []
    /// Known fake handles and names: lowercased → as written in the policy.
    private(set) var fakeNames: [String: String] = [:]
    /// Known fake sites (ASCII, lowercase).
    package private(set) var fakeDomains: Set<String> = []
    /// Official phone numbers as digits only.
    package private(set) var phones: Set<String> = []
    /// Telegram's own link hosts, whose links are judged by the handle they open.
    static let telegramHosts: Set<String> = ["t.me", "telegram.me", "www.t.me", "www.telegram.me", "telegram.dog"]

    /// Official handles as `sitegen.yml` writes them, for "did you mean" hints.
    private(set) var officialHandlesWritten: [String] = []

    /// The official handle a mistyped one is nearest to (`Kenes141Bot` → `Kenes1414Bot`), if any.
    func nearestOfficial(handle: String) -> String? {
        let written = officialHandlesWritten
        guard let near = EditDistance.nearest(to: handle.lowercased(), in: written.map { $0.lowercased() }) else { return nil }
        return written.first { $0.lowercased() == near }
    }

    /// Every allowed host or base, for "looks like" hints.
    var officialNames: [String] { (Array(exactHosts) + wildcardBases).sorted() }

    /// Compiles and validates the policy; a malformed entry is a `policy.invalid` error at its place.
    package static func compile(_ config: LinkPolicyConfig, file: String) -> (LinkPolicy?, [Diagnostic]) {
        var policy = LinkPolicy()
        var diagnostics: [Diagnostic] = []
        func invalid(_ id: String, _ at: Located<String>, _ arguments: [String: String]) {
            diagnostics.append(.error("policy.invalid", id: id, arguments, file: file, line: at.line, column: at.column))
        }
        if config.allow.isEmpty {
            diagnostics.append(.error("policy.invalid", id: "policy.allow-empty",
                                      file: file, line: config.line, column: config.column))
        }
        for entry in config.allow {
            let raw = entry.value.trimmingCharacters(in: .whitespaces)
            var pattern = raw
            let wildcard = pattern.hasPrefix("*.")
            if wildcard { pattern.removeFirst(2) }
            if raw == "*" || pattern.contains("*") {
                invalid("policy.pattern", entry, ["raw": raw])
                continue
            }
            if raw.contains("/") || raw.contains(":") || raw.contains("@") {
                invalid("policy.host-alone", entry, ["raw": raw])
                continue
            }
            guard let ascii = HostName.ascii(pattern), HostName.isValidDomain(ascii) else {
                invalid("policy.host-invalid", entry, ["raw": raw])
                continue
            }
            guard PublicSuffixList.shared.hasKnownTLD(ascii) else {
                invalid("policy.tld-unknown", entry, ["raw": raw])
                continue
            }
            if wildcard {
                let isTLD = !ascii.contains(".")
                if isTLD && !config.allowTopLevelWildcards {
                    invalid("policy.tld-wildcard", entry, ["raw": raw])
                    continue
                }
                // A name that is no suffix but holds one below it (`*.amazonaws.com`, with s3.amazonaws.com
                // open to anyone): every site registered there, as for a suffix. The list in its text form
                // says; without it, fail closed.
                if !isTLD && !PublicSuffixList.shared.isPublicSuffix(ascii) && !config.allowTopLevelWildcards
                    && !Self.stateSuffixes.contains(ascii) && (PublicSuffixParents.holdsSuffix(below: ascii) ?? true) {
                    invalid("policy.suffix-wildcard", entry, ["raw": raw, "suffix": ascii])
                    continue
                }
                if !isTLD && PublicSuffixList.shared.isPublicSuffix(ascii) {
                    // `*.gov.kz` is how state bodies are allowed, but a suffix open to anyone (`*.com.kz`,
                    // `*.github.io`) would allow every site anyone registers there: refused but for the
                    // suffixes only the state registers under, unless asked for as for a top-level domain.
                    if !Self.stateSuffixes.contains(ascii) && !config.allowTopLevelWildcards {
                        invalid("policy.suffix-wildcard", entry, ["raw": raw, "suffix": ascii])
                        continue
                    }
                    // Reviewers should see it all the same.
                    diagnostics.append(.warning("policy.public-suffix", id: "policy.public-suffix", ["raw": raw, "suffix": ascii],
                                                file: file, line: entry.line, column: entry.column))
                }
                policy.wildcardBases.append(ascii)
            } else {
                if PublicSuffixList.shared.isPublicSuffix(ascii) && !ascii.contains(".") {
                    invalid("policy.tld-alone", entry, ["raw": raw])
                    continue
                }
                policy.exactHosts.insert(ascii)
            }
        }
        for handle in config.telegramOfficial {
            let h = handle.value.hasPrefix("@") ? String(handle.value.dropFirst()) : handle.value
            guard TelegramHandle.isValidUsername(h) else {
                invalid("policy.telegram-name", handle, ["value": handle.value])
                continue
            }
            policy.officialHandles.insert(h.lowercased())
            policy.officialHandlesWritten.append(h)
        }
        for fake in config.telegramFake {
            let name = fake.value.hasPrefix("@") ? String(fake.value.dropFirst()) : fake.value
            guard TelegramHandle.isValidFakeName(name) else {
                invalid("policy.bot-name", fake, ["value": fake.value])
                continue
            }
            if policy.officialHandles.contains(name.lowercased()) {
                invalid("policy.official-and-fake", fake, ["value": fake.value])
                continue
            }
            policy.fakeNames[name.lowercased()] = name
        }
        for domain in config.fakeDomains {
            guard let ascii = HostName.ascii(domain.value), HostName.isValidDomain(ascii) else {
                invalid("policy.domain-invalid", domain, ["value": domain.value])
                continue
            }
            if policy.isAllowed(host: ascii) {
                invalid("policy.fake-allowed", domain, ["value": domain.value])
                continue
            }
            policy.fakeDomains.insert(ascii)
        }
        for phone in config.phones {
            let digits = phone.value.filter(\.isASCIIDigit)
            let allowedChars = phone.value.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
            guard allowedChars, digits.count >= 3, digits.count <= 15 else {
                invalid("policy.phone", phone, ["value": phone.value])
                continue
            }
            policy.phones.insert(digits)
        }
        policy.wildcardBases.sort()
        return (diagnostics.hasErrors ? nil : policy, diagnostics)
    }

    /// The same policy with one more host allowed: the site's own, whose address is judged apart.
    func allowing(host: String) -> LinkPolicy {
        var copy = self
        copy.exactHosts.insert(host)
        return copy
    }

    /// Whether an ASCII host (lowercase, no trailing dot) is on the allow-list.
    func isAllowed(host: String) -> Bool {
        if exactHosts.contains(host) { return true }
        for base in wildcardBases where host.count > base.count + 1 && host.hasSuffix("." + base) {
            return true
        }
        return false
    }

    /// Whether a handle (without `@`) is official.
    func isOfficial(handle: String) -> Bool { officialHandles.contains(handle.lowercased()) }

    /// The policy's spelling of a known fake name, if `name` is one.
    package func fake(named name: String) -> String? { fakeNames[name.lowercased()] }
}

extension Character {
    /// One of `0`–`9` alone: a digit with a combining mark (`0\u{301}`) is one character that Swift's
    /// ordering of characters puts between `0` and `9`, and no digit.
    package var isASCIIDigit: Bool { asciiValue.map { $0 &- 0x30 < 10 } ?? false }
}
