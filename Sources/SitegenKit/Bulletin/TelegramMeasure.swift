import SitegenCore
import SitegenPolicy

/// What Telegram makes of a `parse_mode=HTML` text: its length after the tags are removed and the
/// entities decoded, in UTF-16 code units (what message entities are measured in, and never fewer
/// than Telegram's own count of code points), and how many entities it carries: its tags and
/// everything the app detects by itself in the text outside links (``TelegramTextBoundaries``), which
/// may count toward the limit too.
struct TelegramMeasure: Sendable, Equatable {
    var units: Int
    var entities: Int

    /// Telegram's limits for one message.
    static let maxUnits = 4096
    static let maxEntities = 100

    var fits: Bool { units <= Self.maxUnits && entities <= Self.maxEntities }

    /// Whether it fits a message with this many units (the rest kept for a part number).
    func fits(units limit: Int) -> Bool { units <= limit && entities <= Self.maxEntities }

    /// Measures text sitegen wrote: well-formed tags, and only the entities `TelegramMarkup` emits.
    /// Reads UTF-8 bytes: a 4-byte sequence is two UTF-16 units, any other sequence one.
    ///
    /// Past `detectingUpTo` units the text cannot fit whatever it holds: the entities the app would
    /// detect in it are then not looked for, and `entities` counts the tags only.
    init(html: String, detectingUpTo unitLimit: Int = .max) {
        var html = html
        // Everything the loop changes is its own: a variable the closure captured would live in a box
        // on the heap, and each byte's append would go through it.
        let (units, entities, visible) = html.withUTF8 { bytes -> (Int, Int, [UInt8]) in
            var units = 0, entities = 0
            // The text outside links, where the app finds mentions, addresses, commands and tags; not
            // kept when nothing will be detected in it.
            let keepsVisible = unitLimit >= 0
            var visible: [UInt8] = []
            if keepsVisible { visible.reserveCapacity(bytes.count) }
            var i = 0
            var inLink = false
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                switch b {
                case 0x3C:  // <
                    var j = i + 1
                    while j < n, bytes[j] != 0x3E { j += 1 }
                    if i + 1 < n, bytes[i + 1] == 0x2F {
                        inLink = false
                    } else {
                        entities += 1
                        inLink = i + 2 < n && bytes[i + 1] == 0x61 && bytes[i + 2] == 0x20  // "<a "
                    }
                    // A space where a link was: what follows is read on its own (more, not fewer).
                    if keepsVisible { visible.append(0x20) }
                    i = j + 1
                    continue
                case 0x26:  // &
                    var j = i + 1
                    while j < n, bytes[j] != 0x3B { j += 1 }
                    let name = String(decoding: bytes[(i + 1)..<min(j, n)], as: UTF8.self)
                    let c = Self.character(named: name)
                    units += c.map { $0.utf16.count } ?? (j - i + 1)
                    if keepsVisible && !inLink {
                        visible += c.map { Array(String($0).utf8) } ?? Array(bytes[i..<min(j + 1, n)])
                    }
                    i = j + 1
                    continue
                default:
                    if keepsVisible && !inLink { visible.append(b) }
                    units &+= Self.utf16Units(byte: b)
                    i += 1
                }
            }
            return (units, entities, visible)
        }
        self.units = units
        self.entities = units > unitLimit ? entities : entities + Self.detected(visible)
    }

    /// The UTF-16 units of text sitegen wrote, once its tags and entities are parsed: the length the
    /// manifest gives. Nothing is detected (every text is past a limit of -1 units), which was most of
    /// the cost of measuring every part again; `units` does not depend on the limit.
    static func units(html: String) -> Int { TelegramMeasure(html: html, detectingUpTo: -1).units }

    /// Entities the app may detect by itself: only text with one of `. @ / # $ :` (or a long
    /// number) can hold one, so most text is ruled out from its bytes.
    static func detected(_ bytes: [UInt8]) -> Int {
        var digits = 0, longNumber = false
        let candidate = bytes.contains { b in
            if b >= 0x30 && b <= 0x39 { digits += 1; if digits >= 13 { longNumber = true } } else if b != 0x20 && b != 0x2D { digits = 0 }
            return b == 0x2E || b == 0x40 || b == 0x2F || b == 0x23 || b == 0x24 || b == 0x3A
        }
        guard candidate || longNumber else { return 0 }
        return TelegramTextBoundaries.entityBound(bytes.withUnsafeBufferPointer(ScalarArray.of))
    }

    /// The UTF-16 length of text, counted from its UTF-8 bytes (asking a String for its UTF-16 view
    /// would index it for later lookups that never come).
    static func utf16Length(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { bytes in
            var n = 0
            for b in bytes { n &+= utf16Units(byte: b) }
            return n
        }
    }

    /// The UTF-16 units a UTF-8 byte adds: one for the first byte of a character, two for the first
    /// of a 4-byte one (outside the BMP), none for the bytes that continue a character.
    @inline(__always) static func utf16Units(byte b: UInt8) -> Int {
        (b & 0xC0 != 0x80 ? 1 : 0) &+ (b >= 0xF0 ? 1 : 0)
    }

    init(units: Int, entities: Int) {
        self.units = units
        self.entities = entities
    }

    /// The character an entity Telegram knows stands for (`lt`, `#39`, `#x1F642` …); nil for any other.
    static func character(named name: String) -> Unicode.Scalar? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X")
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}

/// The character references of Telegram's HTML (`&lt;`, `&gt;`, `&amp;`, `&quot;`, numeric ones), read
/// the way Telegram reads them: by the bulletin guard, which judges what a message says, and by the
/// preview, which shows it.
package enum TelegramEntities {
    /// The entity at `i` decoded, and where the text goes on; nil when it is not one Telegram knows.
    static func entity(_ bytes: [UInt8], at i: Int) -> ([UInt8], Int)? {
        guard let semicolon = bytes[i...].prefix(12).firstIndex(of: 0x3B),
              let c = TelegramMeasure.character(named: String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self))
        else { return nil }
        return (Array(String(c).utf8), semicolon + 1)
    }

    /// Text of Telegram's HTML with the entities Telegram knows decoded (`&amp;`, `&#39;` …); any
    /// other `&` stays as it is.
    package static func decoding(_ bytes: some Collection<UInt8>) -> String {
        let all = Array(bytes)
        var out: [UInt8] = []
        var i = 0
        while i < all.count {
            if all[i] == 0x26, let (decoded, next) = entity(all, at: i) {
                out += decoded
                i = next
            } else {
                out.append(all[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
