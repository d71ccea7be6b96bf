import Glibc

/// A string as a key of its exact bytes. Swift's `String` is equal to any canonically equivalent
/// string (`é` precomposed and `e` with a combining accent), and hashes through normalisation: a memo
/// keyed by it would give one spelling what was found in the other, whose bytes, offsets and readings
/// may differ. This key is equal only to the same UTF-8 bytes, and hashes them without normalising
/// (most of a guide's text is Cyrillic, which `String` hashing looks up scalar by scalar).
package struct ExactText: Hashable, Sendable {
    package let text: String

    package init(_ text: String) { self.text = text }

    package static func == (a: ExactText, b: ExactText) -> Bool {
        var (x, y) = (a.text, b.text)
        return x.withUTF8 { p in
            y.withUTF8 { q in p.count == q.count && (p.isEmpty || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) }
        }
    }

    package func hash(into hasher: inout Hasher) {
        var copy = text
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
