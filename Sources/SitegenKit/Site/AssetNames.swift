import SitegenCore

/// The stylesheets and scripts of `static/` are published under names that carry a digest of their
/// bytes (`style.css` → `style.3f9a0c1d2e4b5a6c.css`), so a host can let browsers keep them for a year:
/// a changed file is a new name, and pages (served short-lived) point at the new one at once.
struct AssetNames: Sendable {
    /// Site path as written in `static/` (`/style.css`) → the path it is published at.
    package private(set) var published: [String: String] = [:]

    /// Hex digits of the SHA-256 kept in a name: 64 bits, far from any chance collision.
    static let digestLength = 16

    package init() {}

    /// Names the `.css` and `.js` files among `files` (paths relative to `static/`) by their bytes.
    init(files: [(relative: String, bytes: [UInt8])]) {
        for file in files where Self.isHashed(file.relative) {
            published["/" + file.relative] = "/" + Self.hashedName(file.relative, bytes: file.bytes)
        }
    }

    /// Whether a file of `static/` is published under a hashed name.
    static func isHashed(_ relative: String) -> Bool {
        let lower = relative.lowercased()
        return lower.hasSuffix(".css") || lower.hasSuffix(".js")
    }

    /// `dir/name.ext` → `dir/name.<digest>.ext`.
    static func hashedName(_ relative: String, bytes: [UInt8]) -> String {
        let digest = String(SHA256Digest.hex(bytes).prefix(digestLength))
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else { return relative + "." + digest }
        return relative[..<dot] + "." + digest + relative[dot...]
    }

    /// Where a file of `static/` is published (`/style.css` → `/style.<digest>.css`); other files keep their path.
    package func path(_ sitePath: String) -> String { published[sitePath] ?? sitePath }

    /// The output path (relative, no leading `/`) of a file of `static/`.
    func outputPath(_ relative: String) -> String { String(path("/" + relative).dropFirst()) }

    /// The published paths of the hashed files, sorted.
    var hashedPaths: [String] { published.values.sorted() }

    /// Whether a published site path is one of the hashed, long-cached files.
    static func looksHashed(_ sitePath: String) -> Bool {
        let parts = sitePath.split(separator: ".")
        guard parts.count >= 3, let ext = parts.last, ["css", "js"].contains(ext.lowercased()) else { return false }
        let digest = parts[parts.count - 2]
        return digest.count == digestLength && digest.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
