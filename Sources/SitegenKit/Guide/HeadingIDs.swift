import SitegenCore

/// Ids for the headings of one page: ASCII slugs, unique within the page, stable across builds.
///
/// Use one value per page and ask for ids in document order: the same headings in the same order
/// always get the same ids, so links to `#section` anchors survive rebuilds.
struct HeadingIDs: Sendable {
    /// The longest id handed out, a "-2"-style suffix included.
    static let maxLength = 64

    /// Every id taken on the page: reserved ones and those already handed out.
    private var used: Set<String> = []
    /// Per slug, the suffix to try next, so a heading repeated many times is not quadratic.
    private var nextSuffix: [String: Int] = [:]

    /// An empty set of ids for a new page.
    package init() {}

    /// Reserves ids already used on the page (e.g. "step-1", "main") so headings never take them.
    mutating func reserve(_ id: String) {
        used.insert(id)
    }

    /// The id for a heading's text: transliterated, lowercased, runs of anything not [a-z0-9] become one "-", trimmed of "-", at most 64 characters (cut at a "-" boundary when possible); empty → "section"; a repeat gets "-2", "-3", ….
    ///
    /// "Қажетті құжаттар" → "qazhetti-quzhattar", "Необходимые документы" → "neobxodimye-dokumenty",
    /// "42 500 ₸ төлемі" → "42-500-tolemi". A suffixed id also stays within 64 characters: the slug
    /// is shortened to make room for the suffix.
    package mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        if used.insert(base).inserted { return base }
        var number = nextSuffix[base] ?? 2
        while true {
            let suffix = "-\(number)"
            let stem = Self.cut(Array(base.utf8), to: Self.maxLength - suffix.utf8.count)
            let candidate = String(decoding: stem, as: UTF8.self) + suffix
            number += 1
            // A reserved id or another heading's slug may already be "x-2"; move on to "x-3".
            if used.insert(candidate).inserted {
                nextSuffix[base] = number
                return candidate
            }
        }
    }

    /// The slug of a heading before any suffix; never empty.
    static func slug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, maxLength + 1) + 8)
        var separator = false
        // Byte scanning instead of regular expressions: this runs for every heading of every page.
        for byte in Transliteration.ascii(text).utf8 {
            let kept: UInt8
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                kept = byte
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                kept = byte | 0x20
            default:
                separator = true
                continue
            }
            // Leading separators are never written, trailing ones never get a letter after them.
            if separator, !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
            separator = false
            bytes.append(kept)
            // One byte past the limit is enough to tell whether the cut falls on a word boundary.
            if bytes.count > maxLength { break }
        }
        if bytes.isEmpty { return "section" }
        return String(decoding: cut(bytes, to: maxLength), as: UTF8.self)
    }

    /// At most `limit` bytes of a slug, ending at a "-" boundary when the slug has one before the
    /// limit, so ids do not end in half a word; a single over-long word is cut hard.
    private static func cut(_ bytes: [UInt8], to limit: Int) -> ArraySlice<UInt8> {
        let dash = UInt8(ascii: "-")
        guard bytes.count > limit else { return bytes[...] }
        if bytes[limit] == dash { return bytes[..<limit] }
        if let boundary = bytes[..<limit].lastIndex(of: dash) { return bytes[..<boundary] }
        return bytes[..<limit]
    }
}
