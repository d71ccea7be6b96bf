/// A page's anchors packed into one buffer, each as its length (LEB128) and its UTF-8 bytes: what the
/// check of internal links keeps of every page of the site at once, one allocation a page instead of
/// one a name.
struct AnchorList: Sendable {
    private let bytes: [UInt8]

    init(_ ids: [String]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ids.reduce(0) { $0 + $1.utf8.count + 2 })
        for id in ids {
            var length = id.utf8.count
            repeat {
                bytes.append(UInt8(length & 0x7F) | (length > 0x7F ? 0x80 : 0))
                length >>= 7
            } while length > 0
            bytes += id.utf8
        }
        self.bytes = bytes
    }

    /// Calls `body` with each name's bytes, in order, until it returns true; whether one did.
    private func first(where body: (ArraySlice<UInt8>) -> Bool) -> Bool {
        var at = 0
        while at < bytes.count {
            var length = 0
            var shift = 0
            while true {
                let b = bytes[at]
                at += 1
                length |= Int(b & 0x7F) << shift
                shift += 7
                if b & 0x80 == 0 { break }
            }
            if body(bytes[at..<(at + length)]) { return true }
            at += length
        }
        return false
    }

    /// Whether `id` is one of the names, as strings compare (canonically equivalent names are equal).
    func contains(_ id: String) -> Bool {
        let wanted = Array(id.utf8)
        if first(where: { $0.elementsEqual(wanted) }) { return true }
        // Other bytes may still make an equal string (a name in another normal form), but only
        // where there is a byte beyond ASCII; that rare case reads the names as strings.
        guard wanted.contains(where: { $0 >= 0x80 }) || bytes.contains(where: { $0 >= 0x80 }) else { return false }
        return ids.contains(id)
    }

    /// The names, in the order they were given.
    var ids: [String] {
        var out: [String] = []
        _ = first { name in
            out.append(String(decoding: name, as: UTF8.self))
            return false
        }
        return out
    }
}
