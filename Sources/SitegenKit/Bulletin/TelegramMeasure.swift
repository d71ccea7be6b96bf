/// What Telegram makes of a `parse_mode=HTML` text: its length after the tags are removed and the
/// entities decoded, in UTF-16 code units (what message entities are measured in, and never fewer
/// than Telegram's own count of code points), and how many formatting entities it carries.
struct TelegramMeasure: Sendable, Equatable {
    var units: Int
    var entities: Int

    /// Telegram's limits for one message.
    static let maxUnits = 4096
    static let maxEntities = 100

    var fits: Bool { units <= Self.maxUnits && entities <= Self.maxEntities }

    /// Measures text sitegen wrote: well-formed tags, and only the entities `TelegramMarkup` emits.
    init(html: String) {
        var units = 0, entities = 0
        var inTag = false, inEntity = false, closing = false, tagStart = false
        var inLink = false
        var entity = ""
        var previous: Unicode.Scalar = "\n"
        for c in html.unicodeScalars {
            if inTag {
                if tagStart {
                    closing = c == "/"
                    tagStart = false
                    if !closing { entities += 1; inLink = c == "a" }
                    if closing { inLink = false }
                }
                if c == ">" { inTag = false }
                continue
            }
            if inEntity {
                if c == ";" {
                    inEntity = false
                    let decoded = Self.decode(entity)
                    units += decoded.map { $0.utf16.count } ?? entity.utf16.count + 2
                    previous = decoded ?? ";"
                } else {
                    entity.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "<":
                inTag = true
                tagStart = true
            case "&":
                inEntity = true
                entity = ""
            default:
                // Telegram links `@name` written as text by itself: another entity.
                if !inLink, c.properties.isAlphabetic || c == "_", previous == "@" { entities += 1 }
                units += c.utf16.count
                previous = c
            }
        }
        self.units = units
        self.entities = entities
    }

    init(units: Int, entities: Int) {
        self.units = units
        self.entities = entities
    }

    private static func decode(_ name: String) -> Unicode.Scalar? {
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
