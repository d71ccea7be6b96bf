/// Dates from front matter (`2020-04-14`) written out for Kazakh and Russian readers.
///
/// The calendar date is taken as written: a timestamp's time and offset are ignored, because the
/// newsroom writes dates in local time and converting them could move a date to the day before.
enum LocalDates {
    /// "2020-04-14" (or a timestamp starting with it) shown as a reader expects:
    /// kk "2020 жылғы 14 сәуір", ru "14 апреля 2020 г."; other languages: the ISO date. Nil when not a date.
    ///
    /// No-break spaces (U+00A0) keep the year with "жылғы" and "г." and the day with its month, so a
    /// line never breaks inside those pairs: kk "2020\u{A0}жылғы 14\u{A0}сәуір",
    /// ru "14\u{A0}апреля 2020\u{A0}г.". The day has no leading zero ("5\u{A0}апреля").
    /// The language is matched on its primary subtag, so "ru-RU" and "kk_KZ" count as ru and kk.
    package static func display(_ date: String, language: String) -> String? {
        guard let day = CalendarDay(date) else { return nil }
        switch primarySubtag(language) {
        case "kk":
            return "\(day.year)\u{A0}жылғы \(day.day)\u{A0}\(kazakhMonths[day.month - 1])"
        case "ru":
            return "\(day.day)\u{A0}\(russianMonths[day.month - 1]) \(day.year)\u{A0}г."
        default:
            return day.iso
        }
    }

    /// The `YYYY-MM-DD` part for `<time datetime>`; nil when not a date.
    ///
    /// Accepts the same input as ``display(_:language:)``: a calendar date, alone or at the start of
    /// a timestamp ("2020-04-14T09:30:00+05:00" → "2020-04-14").
    static func isoDay(_ date: String) -> String? {
        CalendarDay(date)?.iso
    }

    private static let kazakhMonths = [
        "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
        "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
    ]

    /// Genitive forms: Russian dates read "14 апреля", not "14 апрель".
    private static let russianMonths = [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]

    private static func primarySubtag(_ language: String) -> String {
        let subtag = language.utf8.prefix { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "_") }
        return String(decoding: subtag, as: UTF8.self).lowercased()
    }

    /// A valid Gregorian date, years 0001–9999, read from the start of a string.
    private struct CalendarDay {
        var year: Int
        var month: Int
        var day: Int

        /// Reads `YYYY-MM-DD` at the start of `text`, after any leading whitespace. What follows the
        /// date must not be a digit, so "2020-04-145" is rejected rather than read as the 14th.
        init?(_ text: String) {
            let bytes = Array(text.utf8.drop { Self.isSpace($0) })
            guard bytes.count >= 10,
                bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                let year = Self.number(bytes[0..<4]),
                let month = Self.number(bytes[5..<7]),
                let day = Self.number(bytes[8..<10])
            else { return nil }
            if bytes.count > 10, Self.isDigit(bytes[10]) { return nil }
            guard year >= 1, (1...12).contains(month),
                (1...Self.length(ofMonth: month, year: year)).contains(day)
            else { return nil }
            self.year = year
            self.month = month
            self.day = day
        }

        /// The date as `YYYY-MM-DD`, zero-padded.
        var iso: String {
            Self.padded(year, 4) + "-" + Self.padded(month, 2) + "-" + Self.padded(day, 2)
        }

        private static func length(ofMonth month: Int, year: Int) -> Int {
            switch month {
            case 2:
                let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
                return leap ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }

        private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
            var value = 0
            for byte in digits {
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }

        private static func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }

        private static func isDigit(_ byte: UInt8) -> Bool {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
    }
}
