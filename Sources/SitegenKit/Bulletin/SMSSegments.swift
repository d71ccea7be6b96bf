/// How a text travels as SMS: in the GSM 7-bit alphabet when every character is in it (160
/// septets in one message, 153 per part of a longer one), else in UCS-2 (70 UTF-16 units alone,
/// 67 per part). Kazakh and Russian need UCS-2; a character outside the BMP takes two units.
/// A part never ends inside a surrogate pair or a GSM escape sequence, as phones send them.
struct SMSSegments: Sendable, Equatable {
    enum Encoding: String, Sendable {
        case gsm7 = "GSM-7"
        case ucs2 = "UCS-2"
    }

    var encoding: Encoding
    /// Septets (GSM-7) or UTF-16 code units (UCS-2).
    var units: Int
    var segments: Int

    init(encoding: Encoding, units: Int, segments: Int) {
        self.encoding = encoding
        self.units = units
        self.segments = segments
    }

    init(_ text: String) {
        let costs: [Int]
        if let septets = Self.gsmCosts(text) {
            encoding = .gsm7
            costs = septets
        } else {
            encoding = .ucs2
            costs = text.unicodeScalars.map { $0.utf16.count }
        }
        units = costs.reduce(0, +)
        let (single, multi) = encoding == .gsm7 ? (160, 153) : (70, 67)
        if units <= single {
            segments = units == 0 ? 0 : 1
            return
        }
        var count = 1, fill = 0
        for cost in costs {
            if fill + cost > multi {
                count += 1
                fill = 0
            }
            fill += cost
        }
        segments = count
    }

    /// The GSM 03.38 default alphabet (one septet each).
    private static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
            + "abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
    /// Its extension table (an escape and the character: two septets each).
    private static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// The septets each character takes, or nil when the text needs UCS-2.
    private static func gsmCosts(_ text: String) -> [Int]? {
        var out: [Int] = []
        for u in text.unicodeScalars {
            if basic.contains(u) { out.append(1) } else if extended.contains(u) { out.append(2) } else { return nil }
        }
        return out
    }
}
