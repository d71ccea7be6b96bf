@_implementationOnly import CPSL

/// The Mozilla Public Suffix List, read through libpsl.
///
/// Host names may be given in any case, with or without one trailing dot,
/// and in Unicode or ASCII (Punycode) form. libpsl itself matches bytes
/// exactly and only understands lowercase ASCII/Punycode or lowercase NFKC
/// UTF-8 (uppercase input silently gets wrong answers), so this type runs
/// every host through ``IDNA/toASCII(_:options:)`` with the WHATWG options
/// first. Answers are therefore always about the Punycode form, returned
/// names are lowercase ASCII, and a host IDNA rejects (such as one with a
/// malformed `xn--` label) gets `false`/`nil` from every method.
///
/// IP addresses are not domain names: a host whose last label is a number
/// (as the WHATWG URL standard's "ends in a number" check decides) or that
/// contains a colon gets `false`/`nil` from every method.
///
/// Instances are immutable and safe to use from any thread at the same time.
package final class PublicSuffixList: @unchecked Sendable {
    // @unchecked is sound: the context is fully built before `init` returns
    // and is never modified afterwards. libpsl's lookup functions take
    // `const psl_ctx_t *` and work on stack buffers; the library has no
    // mutable static state at all (its .data and .bss sections hold only the
    // 8-byte C runtime entries), so concurrent lookups on one context cannot race.
    private let context: OpaquePointer
    private let ownsContext: Bool

    /// Where the rules of an instance come from.
    package enum Source: Hashable, Sendable {
        /// The newest list on the system: libpsl's `psl_latest`, which picks
        /// the newer of the distribution file (on Debian
        /// /usr/share/publicsuffix/public_suffix_list.dafsa) and the data
        /// compiled into libpsl.
        case latest
        /// Only the data compiled into libpsl (`psl_builtin`).
        case builtin
        /// A list file in the .dat text format or libpsl's DAFSA format.
        case file(String)
    }

    /// The source the rules were loaded from.
    package let source: Source

    /// The list every caller should use: the newest one on the system, or
    /// libpsl's built-in copy if no file can be read.
    package static let shared: PublicSuffixList = {
        if let latest = PublicSuffixList(source: .latest) { return latest }
        if let builtin = PublicSuffixList(source: .builtin) { return builtin }
        // Without any list every answer would be wrong; the publicsuffix and
        // libpsl5 packages provide the data, so this is a broken installation.
        fatalError("no public suffix list available: install the publicsuffix package")
    }()

    /// Loads the list from `source`, or returns `nil` if it cannot be read.
    package init?(source: Source) {
        switch source {
        case .latest:
            guard let loaded = psl_latest(nil) else { return nil }
            context = loaded
            ownsContext = true
        case .builtin:
            guard let builtin = psl_builtin() else { return nil }
            // The built-in context is static data inside libpsl and must never be freed.
            context = builtin
            ownsContext = false
        case .file(let path):
            guard let loaded = psl_load_file(path) else { return nil }
            context = loaded
            ownsContext = true
        }
        self.source = source
    }

    deinit {
        if ownsContext { psl_free(context) }
    }

    /// Whether `host` is exactly a public suffix listed in the PSL, from its
    /// ICANN or private section: "kz", "gov.kz", "co.uk" and "github.io"
    /// are; "enbek.kz" is not.
    ///
    /// The PSL's implicit `*` rule is not applied, so an unlisted TLD such as
    /// "example" or "б" is not a public suffix here (use ``hasKnownTLD(_:)``
    /// to ask about the TLD alone).
    package func isPublicSuffix(_ host: String) -> Bool {
        guard let name = Self.normalize(host) else { return false }
        return name.withCString {
            psl_is_public_suffix2(context, $0, PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0
        }
    }

    /// The registrable domain (eTLD+1) of `host`: the public suffix plus one
    /// more label, such as "enbek.kz" for "42500.enbek.kz" and "www.gov.kz"
    /// for "www.gov.kz" (gov.kz being itself a public suffix).
    ///
    /// Follows the PSL algorithm as browsers do, including the implicit `*`
    /// rule, so "a.b.example" gives "b.example" even though "example" is not a
    /// real TLD; check ``hasKnownTLD(_:)`` when that matters.
    ///
    /// - Returns: the lowercase ASCII registrable domain, or `nil` when
    ///   `host` is itself a public suffix, is not a valid domain name, or is
    ///   an IP address.
    package func registrableDomain(_ host: String) -> String? {
        guard let name = Self.normalize(host) else { return nil }
        return name.withCString { pointer -> String? in
            // The result points into the argument's buffer, so it is copied
            // before withCString ends.
            guard let found = psl_registrable_domain(context, pointer) else { return nil }
            return String(cString: found)
        }
    }

    /// The public suffix of `host`, such as "kz" for "egov.kz" and "gov.kz"
    /// for "www.gov.kz", applying the implicit `*` rule like
    /// ``registrableDomain(_:)``; `nil` if `host` is not a valid domain name
    /// or is an IP address.
    package func publicSuffix(of host: String) -> String? {
        guard let name = Self.normalize(host) else { return nil }
        return name.withCString { pointer -> String? in
            guard let found = psl_unregistrable_domain(context, pointer) else { return nil }
            return String(cString: found)
        }
    }

    /// Whether the last label of `host` is a top-level domain listed in the
    /// PSL: true for "egov.kz", "xn--80ao21a" and "қаз" (the same TLD) or
    /// "пример.рф"; false for "т.б", "localhost" or "example".
    package func hasKnownTLD(_ host: String) -> Bool {
        guard let name = Self.normalize(host) else { return false }
        let tld = name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? name
        return tld.withCString {
            psl_is_public_suffix2(context, $0, PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE) != 0
        }
    }

    /// Brings `host` into the form libpsl matches: lowercase ASCII, Punycode
    /// labels, no trailing dot, no empty labels. `nil` for anything that is
    /// not a domain name.
    static func normalize(_ host: String) -> String? {
        // IDNA lowercases, applies NFC and width folding and encodes Punycode,
        // the same mapping a browser applies to the host before resolving it.
        // It runs on ASCII input too, where it rejects malformed xn-- labels.
        guard var name = IDNA.toASCII(host).value else { return nil }
        if name.hasSuffix(".") { name.removeLast() }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        guard !name.isEmpty,
              !labels.contains(where: \.isEmpty),
              !name.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == 0 }),
              let last = labels.last, !endsInNumber(last)
        else { return nil }
        return name
    }

    /// The WHATWG URL standard's test for a host that must be parsed as an
    /// IPv4 address: its last label is all decimal digits, or "0x" followed
    /// by hexadecimal digits.
    private static func endsInNumber(_ label: Substring) -> Bool {
        let bytes = Array(label.utf8)
        if !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) { return true }
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "0"), bytes[1] | 0x20 == UInt8(ascii: "x") {
            return bytes.dropFirst(2).allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte | 0x20)
            }
        }
        return false
    }
}
