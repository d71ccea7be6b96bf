import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// Numbers a reader's phone would dial are judged against `links.phones`; amounts, dates, IINs,
/// years and step numbers are not phone numbers.
final class PhoneTextTests: XCTestCase {
    /// The fixture's policy with an official mobile and city number besides 1414.
    static let config = Fixture.defaultConfig.replacingOccurrences(
        of: "  phones: [\"1414\"]\n", with: "  phones: [\"1414\", \"+7 701 000 00 00\", \"8 (7172) 55-00-00\"]\n")

    func testUnlistedNumbersInEveryUsualFormAreRefused() throws {
        let forms = ["+7 701 123 45 67", "+77011234567", "8 701 123 45 67", "8 (727) 123-45-67", "+7-701-123-45-67",
                     "+7 (701) 123 45 67", "87011234567", "8-701-123-45-67", "701 123 45 67", "+7\u{00A0}701\u{00A0}123\u{00A0}45\u{00A0}67",
                     "+44 20 7946 0958",
                     // What Android's dialler (libphonenumber, region KZ) links too: abroad through `8 10` or
                     // `00`, the +7 zone without its prefix, another country's number, a city number.
                     "8 10 44 20 7946 0958", "00 44 20 7946 0958", "(495) 123-45-67",
                     "495 123 45 67", "3952 12 34 56", "1 (800) 123-45-67", "4951234567",
                     "123 456 7890", "+7 [701] 123 45 67", "8ー701ー123ー45ー67", "８（７０１）１２３４５６７",
                     "8 7 0 1 1 2 3 4 5 6 7"]
        for form in forms {
            let d = try Fixture.check("Қоңырау шалыңыз: \(form), тегін.\n", config: Self.config)
            LinkPolicyAssert.onlyError(d, code: "text.phone", line: 4, column: 18, messageContains: form)
        }
    }

    /// Ten digits of a code someone answers at (Russia's 3…, 4…, 8…, its mobiles 9…, as well as
    /// Kazakhstan's 7…) are a +7 number to a phone in Kazakhstan however they are grouped, and glued
    /// to a mark too: refused where they start, in the page and in what the bulletins print.
    func testTenDigitsOfACodeSomeoneAnswersAtAreRefusedHoweverGrouped() throws {
        for form in ["916 1822300", "9161 822 300", "91618 22300", "916 18223 00", "9161822300", "3431 22 33 44", "81 6182 2300",
                     "495 1234567", "916--182--23--00"] {
            let d = try Fixture.check("Қоңырау шалыңыз: \(form), тегін.\n", config: Self.config)
            LinkPolicyAssert.onlyError(d, code: "text.phone", line: 4, column: 18, messageContains: form)
        }
        for (text, number) in [("Мәтін /9161822300 соңы.", "9161822300"), ("Мәтін ,9161822300 соңы.", "9161822300"),
                               ("Номер: 9161 822 300.", "9161 822 300")] {
            let d = try Fixture.check(text + "\n", config: Self.config)
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, [number], text + "\n" + LinkPolicyAssert.listing(d))
        }
        // Ten digits grouped as an amount, of a code no one answers at, or a document's stay text; so does
        // a number after a register's name, and one before a citation in square brackets.
        for text in ["Өтінім 1 234 567 890 адам.", "Удостоверение № 0123456789 выдано.", "Код 216 1822300 жарамсыз.",
                     "Бюджет 9 000 000 000 теңге.", "Паспорт 4510 123456 берілді.", "Свидетельство 380 0012345.",
                     "ИНН 7707083893.", "БИН: 7728168971", "Компания (ИНН 7707083893)", "8 701 123 45 67 [1]"] {
            XCTAssertEqual(PhoneNumbers.find(in: text), [], text)
        }
    }

    /// A link's or an image's title is shown as its tooltip: a number in it is refused where it is written.
    func testANumberInALinkOrImageTitleIsRefusedWhereItIsWritten() throws {
        let d = try Fixture.check("""
            [Өтінім](https://egov.kz/ "916 182 23 00") және [ақпарат](https://egov.kz/ "Тел.: 8 701 123 45 67").
            ![Сурет](data:image/png;base64,iVBORw0KGgo= "8 (727) 123-45-67")
            [1414](https://egov.kz/ "1414 нөміріне қоңырау шалыңыз")

            """, config: Self.config)
        XCTAssertEqual(LinkPolicyAssert.errors(d).filter { $0.code == "text.phone" }.map { "\($0.line):\($0.column) \($0.arguments["number"] ?? "")" },
                       ["4:28 916 182 23 00", "4:83 8 701 123 45 67", "5:46 8 (727) 123-45-67"], LinkPolicyAssert.listing(d))
    }

    func testUnlistedShortNumberNextToAPhoneWordIsRefused() throws {
        for text in ["1415 нөміріне қоңырау шалыңыз.", "Звоните: 1415.", "☎️ 1415", "Тел.: 1415", "Тел.: 2581234", "☎ 258123", "Анықтама: 258-12-34", "Справка: 258 12 34"] {
            let d = try Fixture.check(text + "\n", config: Self.config)
            let errors = LinkPolicyAssert.errors(d)
            XCTAssertEqual(errors.map(\.code), ["text.phone"], text + "\n" + LinkPolicyAssert.listing(d))
        }
    }

    /// A number written in pieces is dialled whole: the bulletins print it without the formatting, on
    /// one line, and WhatsApp hides `*`, `~` and `_`. `check` and `build` refuse it where it starts.
    func testANumberWrittenInPiecesIsRefusedWhereItStarts() throws {
        let cases: [(String, Int, Int, String)] = [
            ("Қоңырау: +7 **777** 123 45 67 бүгін.", 4, 10, "formatting"),
            ("Қоңырау: +7701*1234567*.", 4, 10, "formatting"),
            ("Қоңырау: +7 `701` 123 45 67.", 4, 10, "formatting"),
            ("Қоңырау: ☎ **1415** бүгін.", 4, 14, "formatting"),
            ("Нөмір +7 701\n123 45 67 арқылы.", 4, 7, "formatting"),
            ("Қоңырау: +7 \\*777\\* 123 45 67.", 4, 10, "WhatsApp"),
            // Glued to the marker, the number is one to Android's dialler already (see below).
            ("Қоңырау: \\_+7 701 123 45 67\\_.", 4, 12, "official list"),
            ("Қоңырау: +7 \\`\\`\\`701\\`\\`\\` 123 45 67.", 4, 10, "WhatsApp"),
            ("Қоңырау: +7 701 ![123](/favicon.ico) 45 67.", 4, 10, "formatting"),
            ("Қоңырау: +7 701<!-- x --> 123 45 67.", 4, 10, "formatting"),
            ("Звоните<br>1415.", 4, 12, "formatting"),
            ("Қоңырау: 8 701_**123 45 67**.", 4, 10, "WhatsApp"),
        ]
        for (text, line, column, why) in cases {
            let f = try Fixture(config: Self.config, files: ["content/kk/test.md": "---\ntitle: Сынақ\n---\n" + text + "\n"])
            let check = f.build(checkOnly: true).diagnostics
            XCTAssertTrue(check.contains { $0.code == "text.phone" && $0.line == line && $0.column == column && $0.message.contains(why) },
                          text + "\n" + LinkPolicyAssert.listing(check))
            let build = f.build()
            XCTAssertFalse(build.published, text)
            XCTAssertFalse(build.diagnostics.contains { $0.code == "bulletin.link" }, "the page check found it first: \(text)")
        }
        // Official numbers, amounts and dates in pieces pass.
        let d = try Fixture.check("☎ **1414**, +7 **701** 000 00 00, 42 **500** ₸, 14.**04**.2020, 2020 **жылы**, \\*1414\\*.\n",
                                  config: Self.config)
        LinkPolicyAssert.noErrors(d)
    }

    /// A dialler skips more than one kind of space and dash: each of these is the same number.
    func testEverySeparatorADiallerSkipsJoinsANumber() throws {
        for form in ["+7\u{2212}701\u{2212}123\u{2212}45\u{2212}67", "+7\u{3000}701 123 45 67", "+7\u{FF0D}701\u{FF0D}123 45 67",
                     "+7\u{2015}701 123 45 67", "+7.701.123.45.67", "+7/701/123/45/67", "+7 701  123 45 67",
                     "8 - 701 - 123 45 67", "+7\u{2007}701\u{2003}123\u{200A}45\u{205F}67",
                     // As libphonenumber joins groups: up to four marks of any kind, no sentence between them.
                     "8--701--123--45--67", "+7 .701. 123 45 67", "+7 (7 0 1) 1 2 3 4 5 6 7", "87011. 234567", "+7-7272. 123456"] {
            let d = try Fixture.check("Қоңырау шалыңыз: \(form), тегін.\n", config: Self.config)
            LinkPolicyAssert.onlyError(d, code: "text.phone", line: 4, column: 18, messageContains: form)
        }
        // Numbers side by side are each judged: a wider chain that is no number does not hide them.
        for (text, numbers) in [("Звоните 1415 — 8 800 080 7777.", ["1415", "8 800 080 7777"]),
                                ("Нөмірлер: 8 701 123 45 67 / 8 702 765 43 21.", ["8 701 123 45 67", "8 702 765 43 21"]),
                                ("14.04.2020 87011234567 нөміріне.", ["87011234567"]),
                                ("Ресми: +7 701 000 00 00 / 1414.", []),
                                // A number grouped as an amount, listed after an official one: each is judged.
                                ("Звоните 1414 или 87 771 234 567.", ["87 771 234 567"]),
                                ("Қоңырау шалыңыз: 1414 немесе 87 771 234 567, 87 011 234 567.", ["87 771 234 567", "87 011 234 567"]),
                                ("Тел.: +7 701 000 00 00; 77 711 234 567.", ["77 711 234 567"]),
                                ("Қоңырау шалыңыз: 1415.", ["1415"]), ("Хабарласыңыз: 1415 немесе 87 771 234 567.", ["1415", "87 771 234 567"]),
                                ("Hotline 1415.", ["1415"])] {
            let d = try Fixture.check(text + "\n", config: Self.config)
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, numbers, text + "\n" + LinkPolicyAssert.listing(d))
        }
        // A number written right after a word about calling or a messenger's name is that word's number.
        let glued = try Fixture.check("Сұрақтар бойынша тел.87011234567 немесе WhatsApp/+77011234567.\n", config: Self.config)
        XCTAssertEqual(LinkPolicyAssert.errors(glued).compactMap { $0.arguments["number"] }, ["87011234567", "+77011234567"],
                       LinkPolicyAssert.listing(glued))
        // A sentence's full stop is no separator: the short number before it is still judged alone.
        LinkPolicyAssert.onlyError(try Fixture.check("Нөмір 1415. 2020 жылы өзгерді.\n", config: Self.config),
                                   code: "text.phone", line: 4, column: 7)
        LinkPolicyAssert.noErrors(try Fixture.check("14.04.2020, 2020–2021, 2020/2021 оқу жылы, 1.2.3, 7 000 000 000 ₸, 42.500.\n",
                                                    config: Self.config))
        // Amounts after a number that is no phone's stay amounts: a list is one of numbers to call.
        LinkPolicyAssert.noErrors(try Fixture.check("2020 жылы 87 011 234 567 теңге, 2021 жылы 77 011 234 567 бөлінді.\n",
                                                    config: Self.config))
    }

    /// The title opens the WhatsApp bulletin, and the strings of `sitegen.yml` and `i18n/` are in
    /// bulletins too: a number WhatsApp shows whole is refused there, where it is written.
    func testANumberWhatsAppShowsWholeInATitleOrAStringIsRefusedWhereItIsWritten() throws {
        let f = try Fixture(config: Self.config, files: ["content/kk/test.md": "---\ntitle: \"Нөмір +7 701 *123* 45 67\"\n---\nМәтін.\n"])
        LinkPolicyAssert.onlyError(f.build(checkOnly: true).diagnostics, code: "text.phone", line: 2, column: 15, messageContains: "WhatsApp")
        XCTAssertFalse(f.build().published)
        let (g, line) = try Fixture.withOfficialDescription("Анықтама +7 701 _123_ 45 67", config: Self.config)
        LinkPolicyAssert.onlyError(g.build(checkOnly: true).diagnostics, code: "text.phone", line: line, column: 34,
                                   file: "sitegen.yml", messageContains: "WhatsApp")
    }

    func testListedNumbersInAnyFormAreAccepted() throws {
        let d = try Fixture.check("""
            1414 нөміріне қоңырау шалыңыз. Звоните по номеру 1414. ☎️ 1414.
            Ұялы: +7 701 000 00 00, 8 701 000 00 00, 87010000000, +7-701-000-00-00.
            Қалалық: 8 (7172) 55-00-00, +7 7172 550000.

            """, config: Self.config)
        LinkPolicyAssert.noErrors(d)
    }

    func testNumbersThatAreNotPhonesAreAccepted() throws {
        let d = try Fixture.check("""
            Төлем 42 500 ₸ (42500 теңге), 1 250 000 тенге, 87 011 234 567 ₸, 8 701 123 456 ₸ емес, 15 %.
            Мерзімі: 14.04.2020, 2020-04-14, 2020 жылғы 14 сәуір, 14 апреля 2020 г., 2020–2021 жж.
            ЖСН: 900101300123. Карта: 4400 4301 2345 6788. IBAN: KZ86125KZT5004100100. Шот № 12345.
            1-қадам, 2-қадам, 3. Өтінім 1414 сағатта емес, 2020 жылы. Нұсқа 1.2.3, 10:30-да.
            Төлем 42 500 – 85 000 аралығында, 14.04.2020 10.00-де басталды, 1 234 567 890 адам.
            Төтенше жағдайға байланысты 2020 жылы 42 500 ₸ төленді. Колледжге 2019 жылы түстім. Анықтама 2020 жылдан бастап беріледі.
            Справка 2021 года не нужна. Телеграмда 2020 жылдан бері. Номер 2020 года журнала. Справедливо 1000 раз. Телевизор 1414 дюйм.
            Удостоверение № 0123456789 выдано МВД.
            Өтінімдер 7.04–15.04.2020 аралығында, 8.04.2020 10.00-ден бастап. Өтінім берген 75 000–85 000 адам, 70 000 – 80 000 отбасы.
            Өтінім саны 75 (15.04.2020). Кезең: 7/04/2020 - 15/04. Өтінімдер саны 7 000 000 (15.04). Саны 75. 15.04.2020 жағдайы бойынша.

            """, config: Self.config)
        LinkPolicyAssert.noErrors(d)
    }

    func testRealContentNumbersAreNotPhones() throws {
        // Every number written in the repository's content, found as the pages are read.
        let enumerator = FileManager.default.enumerator(atPath: Fixture.repository + "/content")
        var checked = 0
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            let text = try String(contentsOfFile: Fixture.repository + "/content/" + path, encoding: .utf8)
            XCTAssertEqual(PhoneNumbers.find(in: text), [], path)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 0)
    }

    /// What makes the SMS (`sms:`, else the title and the description) holds no number a messages app
    /// offers to call unless it is official: an amount of seven digits, a document's number with dashes.
    /// A page's text and a bulletin page's title beside an `sms:` may hold them; so may a page out of the bulletins.
    func testAnSMSHoldsNoNumberAMessagesAppWouldCallUnlessOfficial() throws {
        let fixture = try Fixture(config: Self.config)
        try fixture.write("content/kk/sms.md", """
            ---
            title: "1 250 000 адамға төленді"
            sms: "Төленді: 1 250 000 адамға; анықтама № 7-123-456. 42 500 ₸, 14.04.2020."
            ---
            Мәтін: 1 250 000 адам.

            """)
        try fixture.write("content/kk/title.md", """
            ---
            title: "Төлем 3 000 000 000 теңге"
            description: "Тел. 1414; 8 000 000 адам"
            ---
            Мәтін.

            """)
        try fixture.write("content/kk/out.md", """
            ---
            title: "Төлем 3 000 000 000 теңге"
            bulletin: false
            ---
            Мәтін.

            """)
        let d = fixture.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(d.map { "\($0.file):\($0.line):\($0.column) \($0.code)" },
                       ["content/kk/sms.md:3:16 text.phone", "content/kk/sms.md:3:45 text.phone",
                        "content/kk/title.md:2:15 text.phone", "content/kk/title.md:3:26 text.phone"])
        XCTAssertTrue(d.allSatisfy { $0.message.contains("SMS") && $0.message.contains("links.phones") }, "\(d)")
        XCTAssertTrue(d[2].message.contains("(title)") && d[2].message.contains("3000000000"), d[2].message)
    }

    func testPhoneInCodeTitleAndSMSIsJudged() throws {
        let fixture = try Fixture(config: Self.config)
        try fixture.write("content/kk/test.md", """
            ---
            title: "Көмек: +7 701 123 45 67"
            sms: "Сұрақ болса 8 701 999 88 77 нөміріне"
            ---
            Нөмір: `+7 701 555 44 33`.

            """)
        let d = fixture.build(checkOnly: true).diagnostics
        LinkPolicyAssert.errorsAre(d, [("text.phone", 2, 16), ("text.phone", 3, 19), ("text.phone", 5, 9)])
    }

    func testPhoneInAnInterfaceStringIsJudged() throws {
        let fixture = try Fixture(config: Self.config, files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\nМәтін.\n"])
        try fixture.write("i18n/kk.yml", try String(contentsOfFile: Fixture.repository + "/i18n/kk.yml", encoding: .utf8)
            .replacingOccurrences(of: "bulletinMore: \"Толық нұсқасы\"", with: "bulletinMore: \"Толық нұсқасы: +7 701 123 45 67\""))
        let d = fixture.build(checkOnly: true).diagnostics
        XCTAssertEqual(LinkPolicyAssert.errors(d).map { "\($0.file) \($0.code)" }, ["i18n/kk.yml text.phone"], LinkPolicyAssert.listing(d))
    }

    func testNumberForms() {
        XCTAssertEqual(PhoneNumbers.find(in: "Тел: 8 (727) 123-45-67-ге").map(\.digits), ["77271234567"])
        XCTAssertEqual(PhoneNumbers.find(in: "+7 701 123 45 67, 87011234567").map(\.text), ["+7 701 123 45 67", "87011234567"])
        XCTAssertEqual(PhoneNumbers.canonical("87011234567"), PhoneNumbers.canonical("77011234567"))
        XCTAssertEqual(PhoneNumbers.find(in: "8 10 44 20 7946 0958 және 00 44 20 7946 0958").map(\.digits), ["442079460958", "442079460958"])
        XCTAssertEqual(PhoneNumbers.find(in: "(7172) 55-00-00").map(\.digits), ["77172550000"])
        // Tildes are skipped as dashes are (WhatsApp's strikethrough markers are read apart, as other formatting).
        XCTAssertEqual(PhoneNumbers.find(in: "8~10~44 20 7946 0958").map(\.digits), ["442079460958"])
        XCTAssertEqual(PhoneNumbers.find(in: "870112345678 и +7 12"), [])
        XCTAssertEqual(PhoneNumbers.find(in: "87011234567-1"), [])
    }

    /// libphonenumber at the leniency Android links with (POSSIBLE) reads a whole number whatever
    /// letters or marks are glued around it; only a digit makes it part of a longer one.
    func testAWholeNumberGluedToAWordOrSignIsRefused() throws {
        for text in ["№ 87011234567", "№87011234567", "ID87011234567x", "8.7011234567e10", "x+77011234567y", "1.87011234567",
                     "a87011234567", "#87011234567", "_87011234567", "87011234567_a", "тел87011234567"] {
            XCTAssertEqual(PhoneNumbers.find(in: text).map(\.digits), ["77011234567"], text)
        }
        let d = try Fixture.check("Құжат № 87011234567 берілді.\n", config: Self.config)
        XCTAssertTrue(d.contains { $0.severity == .error && $0.line == 4 && $0.column == 9 }, "\(d)")
        for text in ["Удостоверение № 0123456789", "IBAN KZ75 1234 5678 9012 3456", "870112345678", "ЖСН 870112345678"] {
            XCTAssertEqual(PhoneNumbers.find(in: text), [], text)
        }
        // A number of the zone in one piece, as libphonenumber reads it, whatever is glued around it or
        // parts it from what follows.
        let lone: [(String, String)] = [
            ("ID7011234567 нөмірі.", "77011234567"), ("№7011234567 құжат.", "77011234567"), ("Құжат № 7701123456 тіркелді.", "77701123456"),
            ("Код v7011234567.", "77011234567"), ("Код ID7273456789.", "77273456789"), ("Код ID89161234567.", "79161234567"),
            ("Код ID88000807777.", "78000807777"), ("Номер 5–87011234567 болды.", "77011234567"), ("Кезек 77-011-234-567 нөмірі.", "77011234567"),
            ("Өтінім №87.011.234.567 берілді.", "77011234567"), ("Құжат №87011234567/2020 тіркелді.", "77011234567"),
            ("Өтінім 2020 87011234567 болды.", "77011234567"), ("87011234567 12", "77011234567"),
        ]
        for (text, digits) in lone {
            XCTAssertEqual(PhoneNumbers.find(in: text).map(\.digits), [digits], text)
        }
        // A digit and a hyphen before it make one longer number, which libphonenumber does not link either.
        for text in ["Өтініш № 5-87011234567 тіркелді.", "Баған A1-87011234567 болды.", "Хэш sha1-87011234567 болды.", "5-87011234567"] {
            XCTAssertEqual(PhoneNumbers.find(in: text), [], text)
        }
    }
}

/// Texts read for numbers are remembered by their exact bytes: a spelling canonically equal to one
/// read before (`й` written whole, then as `и` and a combining breve) is read for itself, so what is
/// found is where it is in that spelling.
final class PhoneTextSpellingTests: XCTestCase {
    func testCanonicallyEqualSpellingsAreReadEachForItself() {
        let whole = "Қоңырау шалыңыз, й: 8 701 123 45 67"
        let combined = "Қоңырау шалыңыз, и\u{0306}: 8 701 123 45 67"
        XCTAssertEqual(whole, combined, "Swift's String calls the spellings equal")
        let first = PhoneNumbers.find(in: whole)
        let second = PhoneNumbers.find(in: combined)
        XCTAssertEqual(first.map(\.text), ["8 701 123 45 67"])
        XCTAssertEqual(second.map(\.text), ["8 701 123 45 67"])
        XCTAssertEqual(first.first?.offset, Array(whole.utf8).count - Array("8 701 123 45 67".utf8).count)
        XCTAssertEqual(second.first?.offset, Array(combined.utf8).count - Array("8 701 123 45 67".utf8).count)
        XCTAssertNotEqual(first.first?.offset, second.first?.offset)
    }
}

/// Numbers a register's name or a trailing mark once hid: each is refused where it is written, with
/// what a phone dials.
final class PhoneTextHiddenNumberTests: XCTestCase {
    func testANumberOfTheZoneAfterARegistersNameIsAPhoneNumber() throws {
        for (text, number) in [("Его ИИН 87011234567, звоните.", "87011234567"), ("ЖСН 87011234567.", "87011234567"),
                               ("ИНН 7011234567.", "7011234567"), ("ИИН/БИН 87011234567", "87011234567")] {
            let d = try Fixture.check(text + "\n")
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, [number], text + "\n" + LinkPolicyAssert.listing(d))
        }
        // A register's own numbers stay text: twelve digits, and ten at a code no one answers at.
        for text in ["ЖСН: 900101300123.", "ИИН 870112345678", "ИНН 7707083893, ОГРН 1027700132195.", "БИН: 7728168971"] {
            XCTAssertEqual(PhoneNumbers.find(in: text), [], text)
        }
    }

    func testAPieceTheDiallerReadsAloneInALongerChainIsAPhoneNumber() throws {
        for (text, number) in [("2020 8701123–45–67", "8701123–45–67"), ("2020 8727212—34—56", "8727212—34—56"),
                               ("Текст 8 72721 / 234—5—6.0", "8 72721 / 234—5—6"), ("ID872721)23456.0", "872721)23456"),
                               ("A87 272 123-45 6.0", "87 272 123-45 6")] {
            let d = try Fixture.check(text + "\n")
            XCTAssertEqual(LinkPolicyAssert.errors(d).compactMap { $0.arguments["number"] }, [number], text + "\n" + LinkPolicyAssert.listing(d))
        }
    }
}
