#if canImport(Glibc)
import Glibc
#endif

/// The names that hold a public suffix below them without being one (`amazonaws.com`, whose
/// `s3.amazonaws.com` anyone registers names under; `com.kz` holds none below it but is one). A
/// wildcard over such a name allows every site registered below it, as one over a suffix does.
///
/// libpsl answers whether a name is a suffix, not what lies below a name, so the system's list is read
/// in its text form (`/usr/share/publicsuffix/public_suffix_list.dat`, Debian's `publicsuffix`): each
/// rule, its `*.` dropped and put in ASCII, gives all its parent names. Nil when the list cannot be read.
package enum PublicSuffixParents {
    /// Where Debian's `publicsuffix` puts the list in its text form.
    package static let listPath = "/usr/share/publicsuffix/public_suffix_list.dat"

    /// Every name with a rule of the list strictly below it, in lowercase ASCII; nil without the list.
    package static let shared: Set<String>? = load(listPath)

    /// The parents of the rules of the list at `path`.
    package static func load(_ path: String) -> Set<String>? {
        // Read with the system's calls: this module keeps to ICU's own headers, not Foundation's.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        var parents: Set<String> = []
        for line in text.split(whereSeparator: \.isNewline) {
            // A rule is the line up to its first white space; comments and exceptions (`!`) add none.
            guard var rule = line.split(whereSeparator: \.isWhitespace).first.map(String.init),
                  !rule.hasPrefix("//"), !rule.hasPrefix("!") else { continue }
            if rule.hasPrefix("*.") { rule.removeFirst(2) }
            guard let ascii = PublicSuffixList.normalize(rule) else { continue }
            var labels = ascii.split(separator: ".")
            // For `*.compute.amazonaws.com`, `compute.amazonaws.com` is below the wildcard's own rule too.
            if line.hasPrefix("*.") { parents.insert(ascii) }
            while labels.count > 1 {
                labels.removeFirst()
                parents.insert(labels.joined(separator: "."))
            }
        }
        return parents
    }
}
