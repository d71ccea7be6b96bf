/// The URL Standard's basic URL parser: reads an `href` the way a browser
/// does.
///
/// Domain to ASCII (UTS #46) needs Unicode tables that live outside this
/// module, so it is injected. It is called only for hosts that, after
/// percent-decoding, contain non-ASCII or a label starting with `xn--`; every
/// other domain is just lower-cased, which is what UTS #46 does to it.
///
/// ```swift
/// let parser = URLParser(domainToASCII: UnicodeSecurity.domainToASCII)
/// let base = parser.parse("https://example.kz/kk/42500/apply/")
/// let url = parser.parse("//evil.com/x", base: base)   // host: evil.com
/// ```
package struct URLParser: Sendable {
    /// UTS #46 ToASCII as the URL Standard runs it: CheckHyphens false,
    /// CheckBidi true, CheckJoiners true, UseSTD3ASCIIRules false,
    /// Transitional_Processing false, VerifyDnsLength false,
    /// IgnoreInvalidPunycode false. Returns nil on any error.
    package typealias DomainToASCII = @Sendable (String) -> String?

    private let hostParser: HostParser

    /// A parser using `domainToASCII` for internationalised domains. The
    /// default, ``asciiOnlyDomainToASCII``, makes every non-ASCII host fail.
    package init(domainToASCII: @escaping DomainToASCII = URLParser.asciiOnlyDomainToASCII) {
        self.hostParser = HostParser(domainToASCII: domainToASCII)
    }

    /// Parses `input` against an optional base URL. Nil means failure: a
    /// browser would throw from `new URL(input, base)` and not follow the link.
    package func parse(_ input: String, base: URLRecord? = nil) -> URLRecord? {
        var machine = URLStateMachine(input: input, base: base, hostParser: hostParser, reportsAllErrors: false)
        return machine.run()
    }

    /// Parses `base` on its own and then `input` against it, like
    /// `new URL(input, base)`. Nil when either fails.
    package func parse(_ input: String, base: String) -> URLRecord? {
        guard let baseURL = parse(base) else { return nil }
        return parse(input, base: baseURL)
    }

    /// Parses `input` against an optional base URL like `parse(_:base:)`,
    /// and also returns the validation errors met on the way.
    package func parseReportingValidationErrors(_ input: String, base: URLRecord? = nil) -> URLParseReport {
        var machine = URLStateMachine(input: input, base: base, hostParser: hostParser, reportsAllErrors: true)
        let url = machine.run()
        var seen = Set<URLValidationError>()
        let errors = machine.errors.filter { seen.insert($0).inserted }
        return URLParseReport(url: url, validationErrors: errors)
    }

    /// The URL's origin. `http`, `https`, `ws`, `wss` and `ftp` URLs have a
    /// tuple origin; a `blob:` URL has the origin of the `http(s)` URL in its
    /// path; everything else, `file:` included, has an opaque origin.
    package func origin(of url: URLRecord) -> URLOrigin {
        switch url.specialScheme {
        case .ftp, .http, .https, .ws, .wss:
            return .tuple(scheme: url.scheme, host: url.host ?? .empty, port: url.port)
        case .file:
            return .opaque
        case nil:
            guard url.scheme == "blob", let pathURL = parse(url.serializedPath) else { return .opaque }
            switch pathURL.specialScheme {
            case .http, .https: return origin(of: pathURL)
            default: return .opaque
            }
        }
    }
}

/// The outcome of ``URLParser/parseReportingValidationErrors(_:base:)``.
package struct URLParseReport: Sendable, Hashable {
    /// The parsed URL, or nil when parsing failed.
    package let url: URLRecord?
    /// The validation errors met, each kind once, in order of first
    /// occurrence. On failure the last one is usually the cause.
    package let validationErrors: [URLValidationError]

    /// Whether parsing failed.
    package var isFailure: Bool { url == nil }
}

/// A URL's origin, which decides what a browser treats as the same site.
package enum URLOrigin: Sendable, Hashable, CustomStringConvertible {
    /// A scheme, host and port. `port` is nil for the scheme's default port.
    case tuple(scheme: String, host: URLHost, port: Int?)
    /// An opaque origin. Each opaque origin is distinct from every other
    /// origin, itself excepted; use ``isSameOrigin(as:)`` rather than `==`
    /// to compare origins.
    case opaque

    /// The ASCII serialisation of the origin: `https://egov.kz:8443`, or
    /// `null` when opaque.
    package var serialized: String {
        switch self {
        case .opaque:
            return "null"
        case .tuple(let scheme, let host, let port):
            var output = scheme + "://" + host.serialized
            if let port { output += ":" + String(port) }
            return output
        }
    }

    /// The serialised origin.
    package var description: String { serialized }

    /// Same origin as the HTML Standard defines it for two origins computed
    /// independently: tuples compare by scheme, host and port; an opaque
    /// origin matches nothing.
    package func isSameOrigin(as other: URLOrigin) -> Bool {
        guard case .tuple = self else { return false }
        return self == other
    }
}
