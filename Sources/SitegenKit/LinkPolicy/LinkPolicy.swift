import Foundation
import UnicodeSecurity

/// The compiled link policy: what is official, what is a known fake. Built once per build from the
/// `links:` block of `sitegen.yml`; read-only and shared by every page's inspection.
public struct LinkPolicy: Sendable {
    /// Hosts allowed exactly (ASCII, lowercase, no trailing dot).
    public private(set) var exactHosts: Set<String> = []
    /// Bases of `*.base` patterns: any subdomain of these, at any depth, but not the base itself.
    public private(set) var wildcardBases: [String] = []
    /// Official Telegram handles, lowercased.
    public private(set) var officialHandles: Set<String> = []
    /// Known fake handles and names: lowercased → as written in the policy.
    public private(set) var fakeNames: [String: String] = [:]
    /// Known fake sites (ASCII, lowercase).
    public private(set) var fakeDomains: Set<String> = []
    /// Official phone numbers as digits only.
    public private(set) var phones: Set<String> = []
    /// Telegram's own link hosts, whose links are judged by the handle they open.
    public static let telegramHosts: Set<String> = ["t.me", "telegram.me", "www.t.me", "www.telegram.me", "telegram.dog"]

    /// Official handles as `sitegen.yml` writes them, for "did you mean" hints.
    public private(set) var officialHandlesWritten: [String] = []

    /// The official handle a mistyped one is nearest to (`Kenes141Bot` → `Kenes1414Bot`), if any.
    func nearestOfficial(handle: String) -> String? {
        let written = officialHandlesWritten
        guard let near = EditDistance.nearest(to: handle.lowercased(), in: written.map { $0.lowercased() }) else { return nil }
        return written.first { $0.lowercased() == near }
    }

    /// Every allowed host or base, for "looks like" hints.
    var officialNames: [String] { (Array(exactHosts) + wildcardBases).sorted() }

    /// Compiles and validates the policy; a malformed entry is a `policy.invalid` error at its place.
    public static func compile(_ config: LinkPolicyConfig, file: String) -> (LinkPolicy?, [Diagnostic]) {
        var policy = LinkPolicy()
        var diagnostics: [Diagnostic] = []
        func invalid(_ message: String, _ at: Located<String>) {
            diagnostics.append(.error("policy.invalid", message, file: file, line: at.line, column: at.column))
        }
        if config.allow.isEmpty {
            diagnostics.append(.error("policy.invalid", "links.allow is empty: nothing could be linked",
                                      file: file, line: config.line, column: config.column))
        }
        for entry in config.allow {
            let raw = entry.value.trimmingCharacters(in: .whitespaces)
            var pattern = raw
            let wildcard = pattern.hasPrefix("*.")
            if wildcard { pattern.removeFirst(2) }
            if raw == "*" || pattern.contains("*") {
                invalid("'\(raw)' is not a host pattern: use 'host' or '*.host' (a wildcard only as the first label)", entry)
                continue
            }
            if raw.contains("/") || raw.contains(":") || raw.contains("@") {
                invalid("'\(raw)' must be a host name alone, without scheme, path or port", entry)
                continue
            }
            guard let ascii = HostName.ascii(pattern), HostName.isValidDomain(ascii) else {
                invalid("'\(raw)' is not a valid host name", entry)
                continue
            }
            guard PublicSuffixList.shared.hasKnownTLD(ascii) else {
                invalid("'\(raw)' does not end in a known top-level domain", entry)
                continue
            }
            if wildcard {
                let isTLD = !ascii.contains(".")
                if isTLD && !config.allowTopLevelWildcards {
                    invalid("'\(raw)' allows every site under a top-level domain; set links.allow_tld_wildcards: true if that is really meant", entry)
                    continue
                }
                if !isTLD && PublicSuffixList.shared.isPublicSuffix(ascii) {
                    // `*.gov.kz` is how state bodies are allowed, but a suffix open to anyone
                    // (`*.com.kz`) would allow every company's site: reviewers should see it.
                    diagnostics.append(.warning("policy.public-suffix",
                                                "'\(raw)' allows every site registered under the public suffix \(ascii); make sure only official bodies can register there",
                                                file: file, line: entry.line, column: entry.column))
                }
                policy.wildcardBases.append(ascii)
            } else {
                if PublicSuffixList.shared.isPublicSuffix(ascii) && !ascii.contains(".") {
                    invalid("'\(raw)' is a top-level domain, not a site", entry)
                    continue
                }
                policy.exactHosts.insert(ascii)
            }
        }
        for handle in config.telegramOfficial {
            let h = handle.value.hasPrefix("@") ? String(handle.value.dropFirst()) : handle.value
            guard TelegramHandle.isValidUsername(h) else {
                invalid("'\(handle.value)' is not a Telegram username (5–32 letters, digits or _, starting with a letter)", handle)
                continue
            }
            policy.officialHandles.insert(h.lowercased())
            policy.officialHandlesWritten.append(h)
        }
        for fake in config.telegramFake {
            let name = fake.value.hasPrefix("@") ? String(fake.value.dropFirst()) : fake.value
            guard TelegramHandle.isValidFakeName(name) else {
                invalid("'\(fake.value)' is not a bot name (letters, digits, '_', '.' or '-', at least 3)", fake)
                continue
            }
            if policy.officialHandles.contains(name.lowercased()) {
                invalid("'\(fake.value)' is listed both as official and as fake", fake)
                continue
            }
            policy.fakeNames[name.lowercased()] = name
        }
        for domain in config.fakeDomains {
            guard let ascii = HostName.ascii(domain.value), HostName.isValidDomain(ascii) else {
                invalid("'\(domain.value)' is not a valid domain", domain)
                continue
            }
            if policy.isAllowed(host: ascii) {
                invalid("'\(domain.value)' is listed as fake but also allowed", domain)
                continue
            }
            policy.fakeDomains.insert(ascii)
        }
        for phone in config.phones {
            let digits = phone.value.filter(\.isASCIIDigit)
            let allowedChars = phone.value.allSatisfy { $0.isASCIIDigit || " +-()".contains($0) }
            guard allowedChars, digits.count >= 3, digits.count <= 15 else {
                invalid("'\(phone.value)' is not a phone number", phone)
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
    public func isAllowed(host: String) -> Bool {
        if exactHosts.contains(host) { return true }
        for base in wildcardBases where host.count > base.count + 1 && host.hasSuffix("." + base) {
            return true
        }
        return false
    }

    /// Whether a handle (without `@`) is official.
    public func isOfficial(handle: String) -> Bool { officialHandles.contains(handle.lowercased()) }

    /// The policy's spelling of a known fake name, if `name` is one.
    public func fake(named name: String) -> String? { fakeNames[name.lowercased()] }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
