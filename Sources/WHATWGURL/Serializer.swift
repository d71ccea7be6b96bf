// The URL serializer. Components are stored already encoded, so serialising
// is concatenation plus the one quirk that keeps a host-less path starting
// with an empty segment from reading back as a host.

extension URLRecord {
    /// The URL serializer, optionally leaving out the fragment.
    package func serialized(excludingFragment: Bool = false) -> String {
        var output = ""
        // One allocation for the whole href in the common case.
        output.reserveCapacity(
            scheme.utf8.count + username.utf8.count + password.utf8.count + (query?.utf8.count ?? 0)
                + (fragment?.utf8.count ?? 0) + 48 + (path.segments?.reduce(0) { $0 + $1.utf8.count + 1 } ?? 0))
        output += scheme
        output += ":"
        if let host {
            output += "//"
            if includesCredentials {
                output += username
                if !password.isEmpty {
                    output += ":"
                    output += password
                }
                output += "@"
            }
            output += host.serialized
            if let port {
                output += ":"
                output += String(port)
            }
        }
        if host == nil, case .segments(let segments) = path, segments.count > 1, segments[0].isEmpty {
            // Without this, `web+demo:/.//not-a-host/` would serialise as
            // `web+demo://not-a-host/` and re-parse with a host.
            output += "/."
        }
        switch path {
        case .opaque(let opaque):
            output += opaque
        case .segments(let segments):
            for segment in segments {
                output += "/"
                output += segment
            }
        }
        if let query {
            output += "?"
            output += query
        }
        if !excludingFragment, let fragment {
            output += "#"
            output += fragment
        }
        return output
    }
}
