/// What one bulletin file measures against its channel's limits, as the preview shows it: Telegram's
/// length after its entities are parsed and the entity count, an SMS's encoding and segments.
package struct BulletinFigures: Sendable, Equatable {
    /// Length in UTF-16 units, as the channel counts it.
    package var units: Int
    /// The channel's limit per message, when it has one.
    package var unitLimit: Int?
    package var entities: Int?
    package var entityLimit: Int?
    /// SMS only: `GSM-7` or `UCS-2`, and the segments the text travels in.
    package var smsEncoding: String?
    package var smsSegments: Int?

    package static func measure(_ text: String, channel: BulletinChannel) -> BulletinFigures {
        switch channel {
        case .telegram:
            let m = TelegramMeasure(html: text)
            return BulletinFigures(units: m.units, unitLimit: TelegramMeasure.maxUnits, entities: m.entities,
                                   entityLimit: TelegramMeasure.maxEntities)
        case .sms:
            let s = SMSSegments(text)
            return BulletinFigures(units: s.units, smsEncoding: s.encoding.rawValue, smsSegments: s.segments)
        case .text, .whatsapp:
            return BulletinFigures(units: TelegramMeasure.utf16Length(text))
        }
    }
}
