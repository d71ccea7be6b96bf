/// Text cut around the names it must show defanged (a fake named in a warning), for every renderer
/// and for the guide's descriptions alike.
package enum NameSegments {
    /// A literal cut into plain text and the names to defang, in order.
    package static func of(_ literal: String, names ranges: [Range<Int>]) -> [(text: String, isName: Bool)] {
        let bytes = Array(literal.utf8)
        var out: [(String, Bool)] = []
        var cursor = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound })
        where range.lowerBound >= cursor && range.upperBound <= bytes.count {
            if range.lowerBound > cursor {
                out.append((String(decoding: bytes[cursor..<range.lowerBound], as: UTF8.self), false))
            }
            out.append((String(decoding: bytes[range], as: UTF8.self), true))
            cursor = range.upperBound
        }
        if cursor < bytes.count { out.append((String(decoding: bytes[cursor...], as: UTF8.self), false)) }
        return out
    }
}
