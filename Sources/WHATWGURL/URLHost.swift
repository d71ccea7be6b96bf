/// A URL's host, as the URL Standard's host parser produces it.
package enum URLHost: Sendable, Hashable, CustomStringConvertible {
    /// A domain: non-empty, ASCII, lower-case for ASCII input, with no
    /// forbidden domain code point. A trailing dot is kept (`egov.kz.`).
    case domain(String)
    /// An IPv4 address as a 32-bit number (127.0.0.1 is `0x7F00_0001`).
    case ipv4(UInt32)
    /// An IPv6 address as its eight 16-bit pieces.
    case ipv6([UInt16])
    /// A non-empty opaque host: the host of a non-special URL, kept as
    /// written apart from percent-encoding C0 controls and non-ASCII.
    case opaque(String)
    /// The empty host, as in `file:///etc` or `foo://`.
    case empty

    /// The host serializer: dotted decimal for IPv4, `[…]` in shortest form
    /// for IPv6, the string itself otherwise.
    package var serialized: String {
        switch self {
        case .domain(let domain): return domain
        case .ipv4(let address): return IPv4.serialize(address)
        case .ipv6(let pieces): return "[" + IPv6.serialize(pieces) + "]"
        case .opaque(let host): return host
        case .empty: return ""
        }
    }

    /// The serialized host.
    package var description: String { serialized }

    /// Whether this is an IPv4 or IPv6 address rather than a name.
    package var isIPAddress: Bool {
        switch self {
        case .ipv4, .ipv6: return true
        case .domain, .opaque, .empty: return false
        }
    }
}
