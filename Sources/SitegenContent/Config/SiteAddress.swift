import SitegenCore
import WHATWGURL

/// The site's own address (`baseURL`, `--base-url`), read once by the WHATWG URL rules a browser
/// applies, so everything that needs its host or its path prefix reads the same thing: the config
/// loader, the links pages are written with, the bulletins' own-site check, the serving rules and
/// the checks of the address itself.
package struct SiteAddress: Sendable, Equatable {
    /// The address as written, ending in `/`: what pages and bulletins print.
    package let text: String
    /// The host as a browser serialises it (lowercase ASCII), nil when `text` is no absolute address.
    package let host: String?
    /// The path every site link starts with: `/`, or a prefix such as `/42500/`.
    package let path: String
    package let isHTTPS: Bool

    private static let parser = URLParser(domainToASCII: { HostName.ascii($0) })

    /// The address of `s` when it is a plain absolute http(s) address: no user name or password, query,
    /// fragment, backslash, space, control character, quote or angle bracket, and a host. A missing
    /// final `/` is added.
    package static func parse(_ s: String) -> SiteAddress? {
        let lower = s.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"),
              !s.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\?#".unicodeScalars.contains($0) })
        else { return nil }
        // A browser reads `https:///x` as host `x`; an address is written with its host right after `//`.
        guard let afterScheme = s.range(of: "://"), !s[afterScheme.upperBound...].hasPrefix("/") else { return nil }
        let text = s.hasSuffix("/") ? s : s + "/"
        guard let url = parser.parse(text), url.host != nil, !url.includesCredentials,
              url.query == nil, url.fragment == nil, !(url.serializedHost ?? "").isEmpty
        else { return nil }
        return SiteAddress(text: text, host: url.serializedHost, path: url.serializedPath,
                           isHTTPS: url.scheme == "https")
    }

    /// An address known to have been checked (or a test's): read as well as it can be, never refused.
    package init(checked s: String) {
        if let address = Self.parse(s) {
            self = address
        } else {
            self.init(text: s, host: nil, path: "/", isHTTPS: s.lowercased().hasPrefix("https://"))
        }
    }

    private init(text: String, host: String?, path: String, isHTTPS: Bool) {
        self.text = text
        self.host = host
        self.path = path
        self.isHTTPS = isHTTPS
    }
}
