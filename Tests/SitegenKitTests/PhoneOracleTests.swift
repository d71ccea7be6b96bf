import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// libphonenumber, as Android's dialler links with it (`Tests/oracle/phone_numbers.py`), asked about
/// numbers in every usual format written in every usual place: each full number it links must be one
/// the phone reading finds (and so judges); and in prose whose numbers are no phone numbers, the
/// reading finds none the dialler does not link.
final class PhoneOracleTests: XCTestCase {
    static let script = Fixture.repository + "/Tests/oracle/phone_numbers.py"

    struct Answer: Decodable {
        struct Match: Decodable {
            var start: Int
            var end: Int
            var raw: String
            var valid: Bool
        }
        var matches: [Match]
    }

    /// Formats of a number to call, mobile, city and toll-free.
    static let formats = [
        "87011234567", "8 701 123 45 67", "8 (701) 123-45-67", "8-701-123-45-67", "8.701.123.45.67", "+7 701 123 45 67",
        "+77011234567", "+7(701)1234567", "7011234567", "8 701 1234567", "8 (7172) 55-00-00", "+7 727 258 12 34",
        "8 800 080 7777", "+7-701-123-45-67", "8701 123 4567",
        // Russia's codes and mobiles without the prefix, grouped as people write them.
        "916 1822300", "9161 822 300", "916-182-23-00", "9161822300", "495 1234567", "3431 22 33 44",
    ]
    /// Places a number is written: alone, in prose, after a sign or a word glued on, in brackets and
    /// quotes, with a Kazakh ending, after a year or a count, before a slash.
    static let places = [
        "%@", "Қоңырау: %@.", "№ %@", "№%@", "ID%@", "ID%@x", "тел.%@", "(%@)", "«%@»", "%@-ге", "2020 %@", "5–%@", "%@/2020",
        "Нөмір:%@", "WhatsApp/%@", "%@!", "x%@y", "1.%@", "Өтінім 14.04.2020 %@ нөміріне.", "%@ 12", "v%@", "Номер 5–%@ болды.",
        "Звоните: %@, ежедневно", "1) %@", "☎%@", "_%@_", "*%@*", "[%@]",
        // After or before other digits and a tab or a line's end, which the page shows as a space but
        // a plain text's reader ends a number at (a bulletin's text, an SMS).
        "Кабинет 12\t%@", "12\n%@", "12\r%@", "12\u{0C}%@", "%@\t74",
    ]

    /// Shapes a review found libphonenumber links: a number of the zone after a sign in groups, a
    /// number written as one before a unit, a bracket right after other digits, toll-free without 8.
    static let found = [
        // A number of the zone after a register's name: an IIN has twelve digits, and Android dials these.
        "Его ИИН 87011234567, звоните.", "ЖСН 87011234567.", "ИНН 7011234567.", "ИИН: 87011234567", "ИИН/БИН 87011234567",
        "БИН 87011234567 раз", "ИИН +998 9 01234567th",
        // Pieces libphonenumber reads alone when the whole chain is no number: after a space, before a dot.
        "2020 8701123–45–67", "2020 8727212—34—56", "Текст 8 72721 / 234—5—6.0", "ID872721)23456.0", "A87 272 123-45 6.0",
        "ID891—61234—5—67.0",
        // A note or citation in brackets before a number; a number dialled abroad after a register's name
        // or beside other digits; an extension after a year's number.
        "[1] 87011234567", "(1) 87011234567", "Справка (2020) 87011234567.", "Звоните по номеру [1] 8 (727) 212-34-56",
        "ИИН 8 10 998 90 123 45 67", "БИН: 8 10 996 555 123 456", "810998901234567 2020", "2020 87011234567x2",
        "№ 701-123-45-67", "#701 123 45 67", "№ 747-123-45-67", "8 (701) 123-45-67 ₸", "8-701-123-45-67 тг", "8 701 123 45 67 тенге",
        "87011234567%", "2020 8(707) 568 35 55", "Үй 15 8(707) 568 35 55", "800 0807777", "800 5011768", "800 50 117 68",
        "Тел.: 87 011 234 567", "☎ 87 011 234 567", "WhatsApp: 77 011 234 567", "Звоните 87 011 234 567",
        // A number grouped as an amount in a list after a number to call, or before a word about calling.
        "Звоните 1414 или 87 771 234 567.", "Звоните 8 701 123 45 67 или 87 771 234 567.", "Тел.: 87 011 234 567, 87 771 234 567",
        "Қоңырау шалыңыз: 1414 немесе 77 011 234 567.", "Тел.: 1414; 87 771 234 567", "87 771 234 567 нөміріне хабарласыңыз.",
        "Звоните 1414 / 87 771 234 567 и 87 011 234 567",
        // A note in brackets after a number; a code of Russia after 8 joined as the dialler joins it.
        "Call-центр: 8 701 123 45 67 (2020)", "916 182 23 00 (3)", "(495) 123-45-67 (1)", "8 701 1234567 (3)",
        "8 916 182 23 00x", "8 800 555 35 35x", "8 (916) 182-23-00x", "8 916. 182 23 00", "8916--182--2300", "8-916-.182-23-00",
        // A bracket left unopened, as a hurried hand writes one.
        "8 701) 123 45 67", "701)1234567", "Тел.: 8 727) 258-12-34", "916]1822300",
        // A footnote's mark after a number, several notes, a number before a long dash or a slash.
        "Анықтама телефоны: 8 701 123 45 67¹", "87011234567²³", "8 916 182 23 00²", "8 701 123 45 67₁",
        "8 701 123 45 67 (1) (2)", "8 701 123 45 67 (1)(2)", "8 701 123 45 67 (12)(2020)",
        "8 701 123 45 67–69", "8 (701) 123-45-67–69", "8 916 182 23 00–69", "Тел.: 55-55-55, 8 (7172) 55-55-55–57",
        "8.701.123.45.67/12", "8.701.123.45.67 — 14.04.2020", "8 800 080 7777–69",
        // `x` between groups, a mark libphonenumber skips as it skips a dash; marks between `+` and the digits.
        "8 701 x 123 45 67", "8 701 X 123 45 67", "8 (701) x 123-45-67", "8x7011234567", "8 701xx123 45 67",
        "+7 x 701 123 45 67", "8 701 x123 45 67", "+ 998 90 123 45 67", "+\u{A0}998 90 123 45 67", "+ - 998 90 123 45 67",
        "+ (998) 90 123 45 67", "(+ 998) 90 123 45 67", "+(998) 90 123 45 67", "＋ 998 90 123 45 67", "+x998 90 123 45 67",
        "+ 44 20 7946 0958", "Сома 2 + 998 90 123 45 67",
        // A `+` glued to digits before it starts a number of its own; an `x` and digits at the end are an extension.
        "Жол 12+77011234567 бар.", "2020+77011234567", "Жол 1-қадам: 2+77011234567 бар.", "12+380441234567",
        "Жол 8 701 x 123 45 67 x 1 бар.", "8 (701) x 123 45 67 x 1", "8610 x 123456 x 78", "8 701 x 123 45 67 x 123456789",
        "8 701 x 123 45 67 x12",
        // Short numbers of a length their country takes, after `+` or `8 10`; the country code 7 before the prefix 8
        // or before a code of 8…; abroad after `№`; a whole candidate after a register's name; `+` after `№`.
        "Звоните +49 30 123 по делу.", "+4930123", "+683 4002", "8 10 43 1 4567", "8104314567", "Справка № 8104314567",
        "7 8 701 123 45 67", "787011234567", "78 800 123 45 67", "7 846 222 95 01", "КПП 7872178 — 03.09", "ИИН 784622295 01.07 г.",
        "счёт 7831662 11–12 апреля", "Справка №810998901234567 выдана.", "Справка № 810998901234567", "Его ИИН7701123456.7 указан.",
        "№ +998 90 123 45 67–2020", "№+998 90 123 45 67 / 1414", "№ +996 555 123 456 (14.04.2020)", "№ +996 555 123 456 — 42 500 ₸",
        "ИИН+683 4002", "тел+49 30 123", "КПП78001234567", "ИИН78462229501", "ИИН7800123456.7", "№7800123456-7", "2020 787011234567",
        "2020 7-8-701-123-45-67", "ИИН 8 10 43 1300456", "ИИН 8-10-672-106609", "ИИН 810431300456",
        // A chain opened by a bracket and glued to a letter.
        "(7) 8 8464 75 75 58a", "(7)87011234567b", "[7] 8 701 123 45 67z", "тел. (8) 701 123 45 67x",
        // The country code and the prefix before a note in brackets and a date, read before the bracket.
        "7 8 701 1234567 (2020) 14.04.2020", "Тел 7 8 701 123 45 67 (2020) 14.04.2020",
        // A tab between a number and other digits, where a page shows one chain too long to be a number.
        "Кезек 2\t8 7272 58 43 21", "Код 8 91618 2 23 00\t74", "Мәтін 745\t70112 34567", "Кезек 1\t77 011 2 34 5-67",
        "Мәтін 70087011\u{3000}23\t7",
        // A `+` glued to a letter, before a number and an unclosed bracket: the piece before the bracket.
        "x+44791‒1123456(2020", "x+44791-1123456(2020", "Тел x+77011234567(1",
    ]

    /// Russia's codes of 3, 4 and 8 that the reading takes ten digits at: every one libphonenumber holds
    /// a valid number at (ten numbers of each code asked; the ones it knows are valid at one of them).
    func testEveryCodeAtWhichLibphonenumberHoldsAValidNumberIsRead() throws {
        let codes = Array(300...499) + Array(800...899)
        let texts = codes.map { code in (0..<10).map { "+7\(code)\($0)012345" }.joined(separator: " ; ") }
        var missing: [Int] = []
        for (code, answer) in zip(codes, try answers(texts)) where answer.matches.contains(where: \.valid) {
            if !PhoneNumbers.answeredCodes.contains(code) { missing.append(code) }
        }
        XCTAssertEqual(missing, [], "codes libphonenumber holds valid numbers at that the reading passes")
    }

    /// Kazakhstan's codes at which a number after a register's name is dialled all the same: every one
    /// libphonenumber holds a valid number at (ten numbers of each code asked).
    func testEveryKazakhCodeAtWhichLibphonenumberHoldsAValidNumberIsKnown() throws {
        let codes = Array(700...799)
        let texts = codes.map { code in (0..<10).map { "+7\(code)\($0)012345" }.joined(separator: " ; ") }
        var missing: [Int] = []
        for (code, answer) in zip(codes, try answers(texts)) where answer.matches.contains(where: \.valid) {
            if !PhoneNumbers.kazakhCodes.contains(code) { missing.append(code) }
        }
        XCTAssertEqual(missing, [], "codes of Kazakhstan libphonenumber holds valid numbers at that a register's name passes")
    }

    /// The short numbers after `+` the dialler links: each country code's, of four to seven digits in all
    /// (`+49 30 123`), are of a length ``CallingCodes`` holds for it.
    func testEveryShortNumberTheDiallerLinksAfterAPlusIsOfAKnownLength() throws {
        var texts: [String] = []
        for code in 1...999 {
            let width = String(code).count
            for length in max(1, 4 - width)...(7 - width) { texts.append("Тел. +\(code)\(String(repeating: "5", count: length)) тут") }
        }
        var unknown: [String] = []
        for (text, answer) in zip(texts, try answers(texts)) where !answer.matches.isEmpty {
            let digits = text.unicodeScalars.filter { $0.properties.numericType != nil }.map { UInt8($0.value) }
            if !CallingCodes.isPossible(digits) { unknown.append(text) }
        }
        XCTAssertEqual(unknown, [], "short numbers libphonenumber links that the reading passes")
        XCTAssertGreaterThan(texts.count, 2000)
    }

    /// Amounts and document numbers a messages app links in an SMS, though no page or messenger does.
    static let smsNumbers = [
        "Выплачено 3 000 000 000 тенге", "справка № 7-123-456.", "Төлем 1 250 000 теңге", "1.250.000 ₸", "12 345 67",
        "(1) 234567", "тел 258-12-34", "8 000 000 адам", "1000000000", "Код 2020 жылы 1 000 000", "x+49 30 123 y",
        "Сома: 1\u{A0}250\u{A0}000", "1 250 000/2020", "Өтінім 1-250-000.", "№ ７１２３４５６",
        // Glued to an address, a handle or an e-mail address, where Android's address ends before the number.
        "Вопросы: info@egov.kz,258-12-34", "Бот @Kenes1414Bot,2581234 — справки", "Пишите 2581234/info@egov.kz",
        "https://egov.kz/a|2581234", "7620669=@Kenes1414Bot", "https://egov.kz/?x={1234567}",
        // No address at all to Android: glued to the word before it, an unknown scheme, a path after `#`
        // (the address ends at the host), a handle (never linked), an e-mail address with no top-level domain.
        "Өтінім сайтhttps://egov.kz/kk/1234567", "Жаңарту 2020https://egov.kz/kk/1234567", "Ашыңыз abc://egov.kz/kk/1234567",
        "Сілтеме_https://egov.kz/kk/1234567", "https://egov.kz#1234567", "www.egov.kz#1234567", "Бот: @Akimat7172555Bot",
        "Хат: a1234567@egov", "info@egov.kz1234567",
        // An extension libphonenumber reads with the number carries its link out of the address.
        "Толығырақ: egov.kz/1234567 доб. 123", "https://egov.kz/1234567, ДОБ. 123456789", "egov.kz/1234567 ext. 12",
        "egov.kz/1234567 #12", "egov.kz/1234567 - 12#",
        // A user's name before the host ends Android's address sooner: `&id=…` is no path after it.
        "Сілтеме: https://egov.kz?to=info@egov.kz&id=1234567",
        // The matcher takes 21 groups of digits at most, and goes on after them.
        "1 2 3 4 5 6 7 8 9 1 2 3 4 5 6 7 8 9 1 2 3 701 123 45 67",
        // An extension's digits are a number of their own when what is before them is none; the parser
        // takes an extension off a number's end (`~5`); three Latin letters spell digits (`ext` is 398).
        "Кеңсе 12 доб. 2581234", "Кеңсе 12 ext 2581234", "Кеңсе 12, #2581234", "Тел 123 int 2581234",
        "Кеңсе 258-12-34~5", "701 123 45 67~15", "Кеңсе 1234 ext. 5",
    ]

    /// The SMS reading as the build does it: no official numbers but the fixtures', addresses left out.
    private func smsNumbers(_ text: String) throws -> [SMSNumbers.Found] {
        try Fixture.bulletinGuard().inspector.smsNumbers(text)
    }

    /// Every number libphonenumber links in an SMS (possible, not only valid: a city's seven digits are
    /// dialled in the caller's city) is one the SMS reading finds.
    func testEveryNumberAMessagesAppLinksInAnSMSIsFound() throws {
        let texts = Self.places.flatMap { place in Self.formats.map { String(format: place, $0) } } + Self.found + Self.smsNumbers
        var missed: [String] = []
        let inspector = try Fixture.bulletinGuard().inspector
        for (text, answer) in zip(texts, try answers(texts)) {
            let ours = inspector.smsNumbers(text).map { $0.start..<($0.start + $0.text.unicodeScalars.count) }
            for m in answer.matches where !ours.contains(where: { $0.overlaps(m.start..<m.end) }) {
                missed.append("\(text)  (libphonenumber: \(m.raw))")
            }
        }
        XCTAssertEqual(missed, [], "numbers a messages app links in an SMS that the SMS reading does not find")
    }

    /// What an SMS of the newsroom holds (an amount of five digits, dates, a time, an IIN, the short
    /// number, addresses with digits) is no number to call, to the reading and to libphonenumber.
    func testAnOrdinarySMSHoldsNoNumberToCall() throws {
        let texts = [
            "42 500 ₸ төленеді. https://egov.kz/", "Өтінім 14.04.2020–20.04.2020 аралығында.", "Эфир 2020-04-14 10:00 басталады.",
            "ИИН 900101300123 ешкімге бермеңіз.", "1414 нөміріне қоңырау шалыңыз.", "Ресми бот: https://t.me/Kenes1414Bot",
            "15 %, 10:30-да.", "Сома 1,25 млн теңге.", "Төлем 42500 тг, 100 000 адам.",
            "Мерзім: 12/04/2020.", "Төлем 42 500 ₸ × 3 ай.",
        ]
        let oracle = try answers(texts)
        for (text, answer) in zip(texts, oracle) {
            XCTAssertEqual(try smsNumbers(text), [], text)
            XCTAssertEqual(answer.matches.map(\.raw), [], "libphonenumber links a number in \(text)")
        }
        // Digits inside an address a messages app links first are none of their own, though libphonenumber
        // alone finds them.
        for text in ["https://egov.kz/2020/04/1234567 қараңыз", "www.egov.kz/1234567890", "Хат: a1234567@egov.kz",
                     // A path goes on over `;`, `,`, `'`, brackets and letters of any script; a scheme in capitals,
                     // a port, a query straight after the host, quotes and brackets around, a bot's address.
                     "Толығы: https://egov.kz/cms/ru/news;jsessionid=1234567", "Толығы: https://egov.kz/cms/ru/news/2020,1234567",
                     "Толығы: https://egov.kz/cms/ru/news/(1234567)", "Толығы: https://egov.kz/ru/жаңалықтар/1234567",
                     "HTTPS://EGOV.KZ/1234567", "https://egov.kz:443/1234567", "https://egov.kz?id=1234567",
                     "«https://egov.kz/1234567»", "(egov.kz/kk/1234567)", "№https://egov.kz/1234567", "t.me/Akimat7172555Bot",
                     // Letters beyond ASCII (`«` among them) belong to an e-mail address's name to Android.
                     "1741433«info@egov.kz",
                     // Words and digits after an address are no extension; one inside the address is the address's.
                     "Толығы: https://egov.kz/kk/1234567 және 2020 жылы", "https://egov.kz/kk/1234567 xабар 12",
                     "egov.kz/1234567;ext=123"] {
            XCTAssertEqual(try smsNumbers(text), [], text)
        }
        // An official number, and the numbers within it, are no finding.
        XCTAssertEqual(SMSNumbers.find(in: "Тел.: 8 800 080 7777, тегін.", official: [PhoneNumbers.canonical("88000807777")]), [])
        XCTAssertEqual(SMSNumbers.find(in: "Тел.: 8 800 080 7777, тегін.", official: []).map(\.text), ["8 800 080 7777"])
        // The matcher goes on after an extension's digits (20 after a label that says so, 9 after `int`):
        // what follows is a number of its own.
        let official: Set<String> = [PhoneNumbers.canonical("88000807777")]
        XCTAssertEqual(SMSNumbers.find(in: "Тел.: 8 800 080 7777 доб. 12-345-67-89", official: official).map(\.text), ["345-67-89"])
        XCTAssertEqual(SMSNumbers.find(in: "Тел.: 8 800 080 7777 int 1234567891234567", official: official).map(\.text), ["1234567"])
        // A number that reaches into an address from outside, official or not, may outlast it in the app
        // (the longer link stays): the address then keeps no number inside it.
        XCTAssertEqual(SMSNumbers.find(in: "Тел.: 8 800 080 7777.kz/1234567", official: [PhoneNumbers.canonical("88000807777")]).map(\.text),
                       ["1234567"])
        XCTAssertEqual(SMSNumbers.find(in: "Тел.: 8 800 080 7777 egov.kz/1234567", official: [PhoneNumbers.canonical("88000807777")]), [])
    }

    private func answers(_ texts: [String]) throws -> [Answer] {
        try OracleProcess.run(script: Self.script, requests: texts.map { ["text": $0] }, missing: "phonenumbers")
            .map { try JSONDecoder().decode(Answer.self, from: Data($0.utf8)) }
    }

    /// The phone reading's numbers as ranges of Unicode scalars, as the oracle counts.
    private func found(_ text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var utf8 = [0]
        for u in scalars { utf8.append(utf8.last! + UTF8.width(u)) }
        return PhoneNumbers.find(in: text).map { f in
            let start = utf8.firstIndex(of: f.offset)!
            return start..<utf8.firstIndex(of: f.offset + f.length)!
        }
    }

    func testEveryFullNumberTheDiallerLinksIsFound() throws {
        let texts = Self.places.flatMap { place in Self.formats.map { String(format: place, $0) } } + Self.found
        let oracle = try answers(texts)
        var missed: [String] = []
        for (text, answer) in zip(texts, oracle) {
            let ours = found(text)
            for m in answer.matches where m.valid && !ours.contains(where: { $0.overlaps(m.start..<m.end) }) {
                missed.append("\(text)  (libphonenumber: \(m.raw))")
            }
        }
        XCTAssertEqual(missed, [], "numbers Android's dialler links that no reading found")
    }

    /// Prose with numbers that are no phone numbers to call: whatever the reading finds there, the
    /// dialler links too (a refusal of what no app links would stop a correct page).
    func testNothingIsReadAsANumberThatTheDiallerDoesNotLink() throws {
        let texts = [
            "Өтініш № 5-87011234567 тіркелді.", "Баған A1-87011234567 болды.", "Хэш sha1-87011234567 болды.", "1.8.701.123.45.67",
            "Төлем 42 500 ₸ (42500 теңге), 15 %.", "Мерзімі: 14.04.2020, 2020-04-14, 2020 жылғы 14 сәуір.", "ЖСН: 900101300123.",
            "Карта: 4400 4301 2345 6789.", "IBAN: KZ86125KZT5004100100.", "1-қадам, 2-қадам, 3. Нұсқа 1.2.3, 10:30-да.",
            "Өтінімдер 7.04–15.04.2020 аралығында.", "Өтінім саны 75 (15.04.2020). Кезең: 7/04/2020 - 15/04.", "Шот № 12345.",
            "87011234567-1", "870112345678", "ЖСН 870112345678", "Код 8-701-123-45-67-89.", "ЖСН: 000514500123",
            "ИИН 810312300456", "2020-04-14 10:00", "Эфир 2020-04-15 09:30 басталады", "Нұсқа 7.5.9 — 2020-07-09",
            "Кезең: 9-21 2020-04-21", "Төлем 1 250 000 тенге, 42 500 ₸.", "ИНН 7707083893, ОГРН 1027700132195.",
            "ИНН 7702070139 (ВТБ)", "БИН: 7728168971", "Өтінім саны 8 654 753 (27.12 жағдайы бойынша)",
            "Экран 1920x1080, 3 x 4 = 12.", "+     998 90 123 45 67", "Сома 1+2=3, 2020+1 жыл.",
            // A document's number before a date; a candidate holding a date with slashes, which libphonenumber
            // drops whole; the country code 7 without `+` before a number that is not Kazakhstan's.
            "Дело № 799340475 28.10.2020", "Протокол №899557185 27/02/2020", "ИНН 4869725695 21/11/2020",
            "ИИН 81266294 24/07/2020", "Звоните 87011234567 27/02/2020", "Звоните 79161822300", "Звоните 7 916 182 23 00",
            // An IIN in its two halves, and other digits after a way out of the country but no country's code.
            "Не сообщайте никому ИИН: 000514 500123.", "ЖСН 000514 500 123", "ИИН 090101-300123", "Код 8 10 0514 500123",
        ]
        let oracle = try answers(texts)
        var extra: [String] = []
        for (text, answer) in zip(texts, oracle) {
            for range in found(text) where !answer.matches.contains(where: { range.overlaps($0.start..<$0.end) }) {
                extra.append("\(text)  (read: \(String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))))")
            }
        }
        XCTAssertEqual(extra, [], "numbers read that Android's dialler does not link")
    }
}
