#if canImport(Glibc)
import Glibc
#endif

/// Whether a name holds a public suffix below it without being one (`amazonaws.com`, whose
/// `s3.amazonaws.com` anyone registers names under; `com.kz` holds none below it but is one). A
/// wildcard over such a name allows every site registered below it, as one over a suffix does.
///
/// libpsl answers whether a name is a suffix, not what lies below a name, so the system's list is read
/// in its text form (`/usr/share/publicsuffix/public_suffix_list.dat`, Debian's `publicsuffix`), once,
/// and only when asked: its rules are kept as written, and a name is compared with them in ASCII and in
/// Unicode (the list writes `ישוב.ישראל`, a wildcard names `xn--4dbrk0ce`), so no rule is converted.
package enum PublicSuffixParents {
    /// Where Debian's `publicsuffix` puts the list in its text form.
    package static let listPath = "/usr/share/publicsuffix/public_suffix_list.dat"

    /// The rules of the list, `*.` dropped, lowercase; nil without the list.
    private static let rules: [String]? = load(listPath)

    /// Whether a rule of the system's list is strictly below `name` (lowercase ASCII, as
    /// ``PublicSuffixList`` gives names); nil when the list cannot be read.
    package static func holdsSuffix(below name: String) -> Bool? {
        rules.map { holdsSuffix(below: name, in: $0) }
    }

    /// Whether one of `rules` is strictly below `name`.
    package static func holdsSuffix(below name: String, in rules: [String]) -> Bool {
        // Compared in UTF-8 bytes: the list and the names are lowercase, and every command that reads a
        // policy with a wildcard asks this of the list's ten thousand rules.
        let forms = Set([name, IDNA.toUnicode(name).value ?? name].map { Array(("." + $0).utf8) })
        return rules.contains { rule in
            let bytes = rule.utf8
            return forms.contains { form in bytes.count > form.count && bytes.suffix(form.count).elementsEqual(form) }
        }
    }

    /// The rules of the list at `path` (`*.` dropped, lowercase); comments and exceptions (`!`) are none.
    package static func load(_ path: String) -> [String]? {
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
        var rules: [String] = []
        // Read line by line in the bytes (a rule is the line up to its first space or tab): reading the
        // list's 230 KB as Characters was a tenth of a second on every command.
        for line in bytes.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let field = line.prefix { $0 != 0x20 && $0 != 0x09 }
            guard !field.isEmpty, !field.starts(with: [0x2F, 0x2F]), field.first != 0x21 else { continue }
            var rule = String(decoding: field, as: UTF8.self).lowercased()
            if rule.hasPrefix("*.") {
                // `*.compute.amazonaws.com`: `compute.amazonaws.com` is below the wildcard's rule too.
                rules.append(rule)
                rule.removeFirst(2)
            }
            rules.append(rule)
        }
        return rules
    }
}
