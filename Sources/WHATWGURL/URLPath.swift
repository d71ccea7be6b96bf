/// A URL's path: a list of segments, or a single opaque string for URLs such
/// as `mailto:`, `javascript:` or `data:` whose scheme is not followed by `/`.
package enum URLPath: Sendable, Hashable {
    /// Path segments, already percent-encoded, without their `/` separators.
    /// `https://a/b/c/` has `["b", "c", ""]`.
    case segments([String])
    /// An opaque path: everything after `scheme:` up to `?` or `#`, with
    /// only C0 controls and non-ASCII percent-encoded.
    case opaque(String)

    /// The URL path serializer: the opaque string, or each segment preceded
    /// by `/`.
    package var serialized: String {
        switch self {
        case .opaque(let path):
            return path
        case .segments(let segments):
            var output = ""
            for segment in segments {
                output += "/"
                output += segment
            }
            return output
        }
    }

    /// The segments, or nil for an opaque path.
    package var segments: [String]? {
        if case .segments(let segments) = self { return segments }
        return nil
    }

    /// Whether this is an opaque path.
    package var isOpaque: Bool {
        if case .opaque = self { return true }
        return false
    }
}
