/// Date values in front matter (`date`, `lastmod`, a claim's and a fake's dates): one reading of them,
/// from which the feeds write their times and order.
package enum Dates {
    /// A date as written, read: `YYYY-MM-DD` with a real month and day (years 0001–9999), optionally
    /// followed by a time of day as RFC 3339 and YAML write one: `T` or a space, `HH:MM`, optional seconds
    /// (`:SS`, with a fraction `.123`), and an optional zone (`Z`, `+05:00`, `-03:30`). Nothing else: a
    /// date is written into the feeds and the sitemap, and a value that only begins like one
    /// (`2020-04-15T10:00:00Z</updated><link …`) would carry anything there.
    struct Parts {
        /// The day as written (`2020-04-14`).
        var day: String
        var year: Int, month: Int, date: Int
        var hour = 0, minute = 0, second = 0
        /// The digits after the seconds' point, as written.
        var fraction = ""
        /// The zone as written (`Z`, `+05:00`), nil when none is.
        var zone: String?
        /// Seconds east of UTC the zone names (0 when none is).
        var offset = 0
    }

    static func parse(_ s: String) -> Parts? {
        let u = Array(s.utf8)
        guard u.count >= 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"),
              let y = number(u, 0, 4), let m = number(u, 5, 2), let d = number(u, 8, 2),
              y >= 1, (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y)
        else { return nil }
        var parts = Parts(day: String(decoding: u[0..<10], as: UTF8.self), year: y, month: m, date: d)
        if u.count == 10 { return parts }
        guard u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: " "),
              let h = number(u, 11, 2), h <= 23, u.count > 13, u[13] == UInt8(ascii: ":"),
              let min = number(u, 14, 2), min <= 59 else { return nil }
        (parts.hour, parts.minute) = (h, min)
        var i = 16
        if i < u.count, u[i] == UInt8(ascii: ":") {
            guard let sec = number(u, i + 1, 2), sec <= 60 else { return nil }
            parts.second = sec
            i += 3
            if i < u.count, u[i] == UInt8(ascii: ".") {
                let digits = i + 1
                i = digits
                while i < u.count, (0x30...0x39).contains(u[i]) { i += 1 }
                guard i > digits else { return nil }
                parts.fraction = String(decoding: u[digits..<i], as: UTF8.self)
            }
        }
        guard i < u.count else { return parts }
        if u[i] == UInt8(ascii: "Z"), i + 1 == u.count {
            parts.zone = "Z"
            return parts
        }
        guard u.count == i + 6, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), let zh = number(u, i + 1, 2), zh <= 23,
              u[i + 3] == UInt8(ascii: ":"), let zm = number(u, i + 4, 2), zm <= 59 else { return nil }
        parts.zone = String(decoding: u[i...], as: UTF8.self)
        parts.offset = (u[i] == UInt8(ascii: "+") ? 1 : -1) * (zh * 3_600 + zm * 60)
        return parts
    }

    static func isValid(_ s: String) -> Bool { parse(s) != nil }

    /// RFC 3339 for a date: a bare day is midnight UTC, a time without seconds gets them, and one without
    /// a zone is UTC. Nil for what is no date.
    package static func timestamp(_ s: String) -> String? {
        guard let p = parse(s) else { return nil }
        return p.day + "T" + twoDigits(p.hour) + ":" + twoDigits(p.minute) + ":" + twoDigits(p.second)
            + (p.fraction.isEmpty ? "" : "." + p.fraction) + (p.zone ?? "Z")
    }

    /// The moment a date names, as text that sorts in time: seconds since the year 1 in UTC (a zone's
    /// offset taken off), then the fraction. `2020-04-15T23:30:00-05:00` is after `2020-04-16T01:00:00Z`,
    /// which text order puts first. Nil for what is no date.
    package static func moment(_ s: String) -> String? {
        guard let p = parse(s) else { return nil }
        var (y, m) = (p.year, p.month)
        // Days from the civil calendar (proleptic Gregorian), counted from 0001-03-01.
        if m <= 2 { y -= 1; m += 12 }
        let days = 365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + p.date
        let seconds = String(days * 86_400 + p.hour * 3_600 + p.minute * 60 + p.second - p.offset)
        return String(repeating: "0", count: max(0, 14 - seconds.count)) + seconds + "."
            + String(p.fraction.prefix(9)) + String(repeating: "0", count: max(0, 9 - p.fraction.count))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// The decimal number of the `count` ASCII digits at `at`, if all are there.
    private static func number(_ u: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= u.count else { return nil }
        var value = 0
        for c in u[at..<(at + count)] {
            guard (0x30...0x39).contains(c) else { return nil }
            value = value * 10 + Int(c - 0x30)
        }
        return value
    }
}
