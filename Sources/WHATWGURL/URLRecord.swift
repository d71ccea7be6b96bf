/// A parsed URL: the URL Standard's URL record.
///
/// Only ``URLParser`` creates records, so every record is the result of the
/// basic URL parser and its components are already in their serialised,
/// percent-encoded form. The name avoids a clash with Foundation's `URL`,
/// which parses differently.
package struct URLRecord: Sendable, Hashable, CustomStringConvertible {
    /// The scheme, ASCII lower-case, without the `:` (`https`, `javascript`).
    package internal(set) var scheme: String
    /// The username, percent-encoded with the userinfo set; empty if none.
    package internal(set) var username: String
    /// The password, percent-encoded with the userinfo set; empty if none.
    package internal(set) var password: String
    /// The host, or nil when the URL has none (`mailto:`, `/path` in a
    /// non-special scheme). Not the same as ``URLHost/empty`` (`file:///`).
    package internal(set) var host: URLHost?
    /// The port, or nil when absent or equal to the scheme's default port.
    package internal(set) var port: Int?
    /// The path: segments, or an opaque string.
    package internal(set) var path: URLPath
    /// The query without its `?`, percent-encoded; nil when there is no `?`.
    package internal(set) var query: String?
    /// The fragment without its `#`, percent-encoded; nil when there is no `#`.
    package internal(set) var fragment: String?

    // Kept alongside `scheme` so the parser's many "is special" checks do
    // not compare strings.
    let specialScheme: SpecialScheme?

    init(
        scheme: String, specialScheme: SpecialScheme?, username: String, password: String,
        host: URLHost?, port: Int?, path: URLPath, query: String?, fragment: String?
    ) {
        self.scheme = scheme
        self.specialScheme = specialScheme
        self.username = username
        self.password = password
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Whether the scheme is special: `ftp`, `file`, `http`, `https`, `ws`
    /// or `wss`.
    package var isSpecial: Bool { specialScheme != nil }

    /// Whether the URL has a username or a password. Browsers drop
    /// credentials from a URL they display, so a checker will often reject
    /// these: `https://egov.kz@evil.com/` goes to `evil.com`.
    package var includesCredentials: Bool { !username.isEmpty || !password.isEmpty }

    /// Whether the path is opaque (`mailto:a@b`, `javascript:alert(1)`).
    package var hasOpaquePath: Bool { path.isOpaque }

    /// The scheme's default port (80 for `http`, 443 for `https`, …), or nil.
    package var defaultPort: Int? { specialScheme?.defaultPort }

    /// The port a client connects to: ``port``, or else the default port.
    package var effectivePort: Int? { port ?? defaultPort }

    /// The serialised host (the `hostname` of the URL API), or nil when the
    /// URL has no host.
    package var serializedHost: String? { host?.serialized }

    /// The serialised path (the `pathname` of the URL API).
    package var serializedPath: String { path.serialized }

    /// The URL serializer's output: what `new URL(…).href` gives in a browser.
    package var href: String { serialized() }

    /// The serialised URL.
    package var description: String { href }

    /// The default port of a scheme given in lower case, or nil when the
    /// scheme is not special or is `file`.
    package static func defaultPort(forScheme scheme: String) -> Int? {
        SpecialScheme(bytes: scheme.utf8)?.defaultPort
    }

    /// Whether a scheme given in lower case is special.
    package static func isSpecialScheme(_ scheme: String) -> Bool {
        SpecialScheme(bytes: scheme.utf8) != nil
    }
}
