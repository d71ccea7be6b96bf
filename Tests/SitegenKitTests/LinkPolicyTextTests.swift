import Foundation
import XCTest

@testable import SitegenKit

final class LinkPolicyTextTests: XCTestCase {
    // MARK: - Domains typed as text

    func testBareWwwFakeDomainInTextIsError() throws {
        // The autolink extension makes a link of it, so it is judged as one.
        let d = try Fixture.check("Сайт www.egov-kz.com жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 4, column: 6)
    }

    func testBareWwwOfficialHostIsPublishedOverHTTPS() throws {
        let (html, d) = try Fixture.render("Портал www.egov.kz арқылы\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("href=\"https://www.egov.kz\""), page)
        XCTAssertFalse(page.contains("href=\"http://www.egov.kz"), page)
    }

    func testOfficialDomainInTextIsAccepted() throws {
        let d = try Fixture.check("Өтінімді egov.kz порталы арқылы беріңіз.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testUppercaseOfficialDomainInTextIsAccepted() throws {
        let d = try Fixture.check("Портал: EGOV.KZ\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testUnlistedDomainInTextIsTextDomainError() throws {
        let d = try Fixture.check("Сайт evil.kz ресми емес\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 6)
    }

    /// A reader reads a domain whose dot is a character drawn as one (a middle dot, the Lisu letter `ꓸ`,
    /// the Arabic full stop, a dot operator) as the domain, and types it, though no app links it: it is
    /// judged as that domain, and so is an e-mail address so written, where it is written.
    func testADomainWithALetterDrawnAsADotIsJudgedAsThatDomain() throws {
        for dot in ["·", "ꓸ", "۔", "⋅", "‧", "∙"] {
            let d = try Fixture.check("Өтінімді tolem-pay\(dot)kz сайтында беріңіз.\n")
            LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 10)
            XCTAssertTrue(d.contains { $0.message.hasPrefix("tolem-pay\(dot)kz reads as tolem-pay.kz: no app links it") },
                          "\(dot): \(d.map(\.message))")
            let e = try Fixture.check("Хат: info\(dot)egov＠mail\(dot)ru\n")
            XCTAssertEqual(LinkPolicyAssert.errors(e).map(\.column), [6], "\(dot): \(e.map(\.message))")
        }
        let description = try LinkPolicyAssert.checkFile("---\ntitle: \"Сайт\"\ndescription: выплатаꓸрф сайты\n---\nМәтін.\n")
        XCTAssertEqual(LinkPolicyAssert.errors(description).map { "\($0.line):\($0.column) \($0.code)" }, ["3:14 text.domain"])
        // The official name so written leads where it says; a fake a warning names stays named.
        LinkPolicyAssert.noErrors(try Fixture.check("Портал egov·kz арқылы.\n\n> [!WARNING]\n> EgovKzBot2·0 — жалған бот.\n"))
        // Whatever the reading with a dot finds is judged: a Telegram address, an IP address, a link's
        // text (against where the link goes), a mail link's subject.
        for (text, code, column) in [("Бот: t·me/EvilBot", "telegram.unknown", 6), ("Бот: tꓸme/+AbCdEf123", "telegram.invite", 6),
                                     ("Сайт: 185·22·64·10/apply", "text.ip", 7),
                                     ("[evil·com](https://egov.kz/) сайты", "link.text-mismatch", 1),
                                     ("[evil．com](https://egov.kz/) сайты", "link.text-mismatch", 1),
                                     ("[info＠mail.ru](https://egov.kz/) хаты", "link.text-mismatch", 1),
                                     ("[хат](mailto:info@egov.kz?subject=egov-kz%C2%B7com)", "link.noncanonical", 1),
                                     ("[хат](mailto:info@egov.kz?subject=t%C2%B7me%E2%88%95EvilBot)", "link.noncanonical", 1),
                                     ("[хат](mailto:info@egov.kz?subject=egov%E2%92%88kz)", "link.noncanonical", 1)] {
            let d = try Fixture.check(text + "\n")
            XCTAssertEqual(LinkPolicyAssert.errors(d).map { "\($0.column) \($0.code)" }, ["\(column) \(code)"], text)
        }
        LinkPolicyAssert.noErrors(try Fixture.check("[egov·kz](https://egov.kz/) порталы.\n"))
        // A number so written is dialled as one.
        for number in ["8·701·123·45·67", "+7•701•123•45•67", "8(701)·123-45-67", "+7·(701)·123·45·67", "8-701-·123-45-67"] {
            let d = try Fixture.check("Көмек: \(number)\n")
            XCTAssertEqual(LinkPolicyAssert.errors(d).map { "\($0.column) \($0.code)" }, ["8 text.phone"], number)
        }
        // A subject may hold what only contains such a character among others (`%`, `…`).
        LinkPolicyAssert.noErrors(try Fixture.check("[хат](mailto:info@egov.kz?subject=Төлем%20100%25%20келді%20ме%E2%80%A6)\n"))
        // Prose with such characters and no top-level domain after them is prose.
        LinkPolicyAssert.noErrors(try Fixture.check("Күш: 5 кг·м, т·б, ИИН·ЖСН, 42·500 теңге, Ә·Б.\n"))
    }

    /// A mark drawn on a character (an accent on the dot, a line under every letter, a circle around
    /// one) ends a name to every app, but not to a reader, who types the address under the marks: it
    /// is judged as that address, and said so, quoted as written.
    func testAnAddressWithMarksDrawnOnItsCharactersIsJudgedAsItReads() throws {
        for written in ["tolem-pay.\u{301}kz", "tolem-pay\u{B7}\u{301}kz", "t\u{332}o\u{332}l\u{332}e\u{332}m\u{332}-pay.\u{332}k\u{332}z\u{332}",
                        "tolem-pay.k\u{301}z", "tolem-pay.\u{20DD}kz", "tolem-pay.\u{489}kz"] {
            let d = try Fixture.check("Өтінімді \(written) сайтында беріңіз.\n")
            LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 10)
            XCTAssertTrue(d.contains { $0.message.hasPrefix("\(written) reads as tolem-pay.kz: no app links it") }, "\(written): \(d.map(\.message))")
        }
        for (text, code, column) in [("Бот: t.me\u{301}/EvilBot", "telegram.unknown", 6), ("Бот: t.me/+AbC\u{301}dEf123", "telegram.invite", 6),
                                     ("Сайт: 185.22.\u{301}64.10/apply", "text.ip", 7),
                                     ("Хат: info@mail.\u{301}ru", "text.domain", 6),
                                     ("[evil.\u{301}com](https://egov.kz/) сайты", "link.text-mismatch", 1),
                                     ("Көмек: 8 70\u{301}1 123 45 67", "text.phone", 8),
                                     ("Көмек: +7 701 1\u{332}2\u{332}3 45 67", "text.phone", 8),
                                     ("Картаға: 4400 43\u{301}01 2345 6789 аударыңыз", "text.card", 10),
                                     ("Сайт: 185.22.64.10\u{301} емес", "text.ip", 7)] {
            // (The invite an app links, `t.me/+AbC`, and the one a reader reads are each judged.)
            let d = try Fixture.check(text + "\n")
            XCTAssertEqual(Set(LinkPolicyAssert.errors(d).map { "\($0.column) \($0.code)" }), ["\(column) \(code)"], "\(text): \(d.map(\.message))")
        }
        // What a reader reads is said as written: one address, not its parts; a lookalike as what it reads as.
        let mail = LinkPolicyAssert.errors(try Fixture.check("Хат: info@tolem-pay.\u{301}kz·help·kz\n"))
        XCTAssertEqual(mail.map(\.column), [6], mail.map(\.message).joined(separator: "\n"))
        // A known fake is refused inside a longer reading of an official address.
        let fake = LinkPolicyAssert.errors(try Fixture.check("Хат: Kenes1414_Bo\u{301}t@egov.kz\n"))
        XCTAssertTrue(fake.contains { $0.code == "text.fake" }, fake.map(\.message).joined(separator: "\n"))
        let lookalike = try Fixture.check("Сайт: egov.kz·evil·com\n")
        XCTAssertTrue(lookalike.contains { $0.message.hasPrefix("egov.kz·evil·com reads as egov.kz.evil.com, which looks like egov.kz") },
                      lookalike.map(\.message).joined(separator: "\n"))
        // The official name so written leads where it says; prose with stress marks is prose.
        LinkPolicyAssert.noErrors(try Fixture.check("Портал egov.\u{301}kz арқылы. Вы\u{301}плата 42 500 ₸, т.\u{301}б. 2020 ж.\u{301}\n"))
    }

    /// What a reader reads as an address, a handle or a number though no app links it: a letter drawn as
    /// a slash after a Telegram host, spaces around the host's dot, a handle in lookalike letters, digits
    /// drawn as letters or styled, a raised dot. Each is judged as what it reads as.
    func testWhatAReaderReadsAsAnAddressHandleOrNumberIsJudged() throws {
        for (text, code, column) in [("Бот: t.me\u{30CE}EvilBot", "telegram.unknown", 6), ("Бот: t.me\u{3033}EvilBot", "telegram.unknown", 6),
                                     ("Бот: t. me/EvilBot", "telegram.unknown", 6), ("Бот: T .Me/EvilBot", "telegram.unknown", 6),
                                     ("Бот: telegram . dog/EvilBot", "telegram.unknown", 6),
                                     ("Бот: @\u{415}vil\u{412}\u{43E}t", "telegram.unknown", 6),
                                     ("Бот: @\u{1D640}\u{1D66B}\u{1D65E}\u{1D661}\u{1D63D}\u{1D664}\u{1D669}", "telegram.unknown", 6),
                                     ("Көмек: 8 7\u{41E}1 123 45 67", "text.phone", 8), ("Көмек: 87\u{41E}11234567", "text.phone", 8),
                                     ("Көмек: 8 7Ol 123 45 67", "text.phone", 8),
                                     ("Көмек: \u{2078} \u{2077}\u{2070}\u{B9} \u{B9}\u{B2}\u{B3} \u{2074}\u{2075} \u{2076}\u{2077}", "text.phone", 8),
                                     ("Көмек: \u{2467} \u{2466}\u{24EA}\u{2460} \u{2460}\u{2461}\u{2462} \u{2463}\u{2464} \u{2465}\u{2466}", "text.phone", 8),
                                     ("Картаға: 4400 43\u{41E}1 2345 6789 аударыңыз", "text.card", 10),
                                     ("Картаға: \u{FF14}\u{FF14}\u{FF10}\u{FF10} \u{FF14}\u{FF13}\u{FF10}\u{FF11} \u{FF12}\u{FF13}\u{FF14}\u{FF15} \u{FF16}\u{FF17}\u{FF18}\u{FF19}", "text.card", 10),
                                     ("Сайт: evil\u{FE12}com", "text.domain", 7), ("Сайт: evil\u{2D9}com", "text.domain", 7),
                                     ("Нөмір: 8 7\u{41E}1 \u{41E}2\u{41E} 4\u{41E} 5\u{41E}", "text.phone", 8),
                                     ("Картаға: 44\u{41E}\u{41E} 43\u{41E}1 \u{41E}3\u{41E}5 \u{41E}6\u{41E}2 аударыңыз", "text.card", 10),
                                     ("Картаға: \u{2074}\u{2074}\u{2070}\u{2070} \u{2074}\u{B3}\u{2070}\u{B9} \u{B2}\u{B3}\u{2074}\u{2075} \u{2076}\u{2077}\u{2078}\u{2079}", "text.card", 10),
                                     ("Бот: t. m\u{E9}/EvilBot", "telegram.unknown", 6), ("Бот: t. me\u{2044}EvilBot", "telegram.unknown", 6),
                                     ("Бот: t\u{2009}.\u{202F}me/EvilBot", "telegram.unknown", 6), ("Бот: t. me/ EvilBot", "telegram.unknown", 6),
                                     ("Бот: \u{442}. me/EvilBot", "telegram.unknown", 6),
                                     ("Бот: @Kenes1414Bot\u{43A}z", "telegram.unknown", 6), ("Бот: @Kenes1414Bot\u{455}", "telegram.unknown", 6),
                                     ("Бот: t.m\u{E9}/EvilBot", "telegram.unknown", 6), ("Сайт: evil.c\u{F3}m", "text.domain", 7),
                                     ("Көмек: 8 7\u{D3}1 123 45 67", "text.phone", 8), ("Көмек: 8 7\u{D8}1 123 45 67", "text.phone", 8),
                                     ("Сайт: evil.\u{441}om", "text.domain", 7), ("Бот: t.m\u{435}/EvilBot", "telegram.unknown", 6),
                                     ("Бот: t.\u{43C}\u{435}/EvilBot", "telegram.unknown", 6), ("Бот: \u{442}.\u{43C}\u{435}/EvilBot", "telegram.unknown", 6),
                                     ("Көмек: 8 701 123 45 6\u{417}", "text.phone", 8), ("Көмек: 8 7\u{FF2F}1 123 45 67", "text.phone", 8),
                                     ("Сайт: evil.\u{441}\u{43E}\u{1D5FA}", "text.domain", 7),
                                     // A name's words joined by dots, each Latin or drawn as Latin.
                                     ("Сайт: \u{435}vil.\u{441}\u{43E}\u{43C}", "text.domain", 7), ("Сайт: evil.\u{501}\u{435}", "text.domain", 7),
                                     ("Сайт: evil.\u{1D04}\u{1D0F}\u{1D0D}", "text.domain", 7), ("Бот: t.\u{1D0D}\u{435}/EvilBot", "telegram.unknown", 6),
                                     ("Сайт: evil.\u{3F2}om", "text.domain", 7), ("Сайт: evil.\u{217D}\u{43E}\u{43C}", "text.domain", 7),
                                     ("Сайт: evil.\u{441}\u{43E}\u{43C}-\u{493}\u{430} кіріңіз", "text.domain", 7),
                                     ("Сайт: \u{415}VIL.\u{421}\u{41E}\u{41C}", "text.domain", 7), ("Сайт: evil.\u{271}e", "text.domain", 7),
                                     // Spaces before a name's dot, and after it.
                                     ("Сайт: evil . com", "text.domain", 7), ("Сайт: evil .com", "text.domain", 7),
                                     ("Сайт: evil \u{2024} com", "text.domain", 7), ("Сайт: evil\u{A0}.\u{202F}com", "text.domain", 7),
                                     ("Сайт: \u{435}vil . \u{441}\u{43E}\u{43C}", "text.domain", 7),
                                     // Letterlike symbols, letters with hooks, a card in mathematical digits.
                                     ("Сайт: \u{440}\u{430}\u{443}.\u{2102}\u{43E}\u{43C}", "text.domain", 7), ("Сайт: evil\u{212F}.\u{441}\u{43E}\u{43C}", "text.domain", 7),
                                     ("Сайт: evil.\u{188}om", "text.domain", 7),
                                     ("Картаға: \u{1D7D2}\u{1D7D2}\u{1D7CE}\u{1D7CE} \u{1D7D2}\u{1D7D1}\u{1D7CE}\u{1D7CF} \u{1D7D0}\u{1D7D1}\u{1D7D2}\u{1D7D3} \u{1D7D4}\u{1D7D5}\u{1D7D6}\u{1D7D7}", "text.card", 10),
                                     // A Kazakh ending glued to a name.
                                     ("Сайт: evil.com\u{434}\u{430}", "text.domain", 7), ("Сайт: evil.kz\u{43A}\u{435}", "text.domain", 7),
                                     ("Сайт: \u{435}vil.\u{441}\u{43E}\u{43C}\u{493}\u{430}", "text.domain", 7),
                                     // Defanged, outside a warning.
                                     ("Сайт: evil[.]com", "text.domain", 7), ("Сайт: evil [dot] com", "text.domain", 7),
                                     ("Пошта: info(at)evil(dot)com", "text.domain", 8), ("Бот: t[.]me/EvilBot", "telegram.unknown", 6),
                                     ("Бот: EgovKzBot2[.]0", "text.fake", 6),
                                     // Round 27: a card grouped by no-break spaces or dashes, or in segmented digits; a
                                     // handle defanged or after a spaced @; endings after an IDN or lookalike top-level
                                     // domain; brackets with spaces, doubled or fullwidth; names split by raw HTML.
                                     ("Картаға: 4400\u{A0}4302\u{A0}1234\u{A0}5679", "text.card", 10),
                                     ("Картаға: 4400\u{2013}4302\u{2013}1234\u{2013}5679", "text.card", 10),
                                     ("Картаға: 4400\u{2009}4302\u{2009}1234\u{2009}5679", "text.card", 10),
                                     ("Картаға: \u{1FBF4}\u{1FBF4}\u{1FBF0}\u{1FBF0} \u{1FBF4}\u{1FBF3}\u{1FBF0}\u{1FBF2} \u{1FBF1}\u{1FBF2}\u{1FBF3}\u{1FBF4} \u{1FBF5}\u{1FBF6}\u{1FBF7}\u{1FBF9}", "text.card", 10),
                                     ("Бот: [@]EvilBot", "telegram.unknown", 6), ("Бот: @ EvilBot", "telegram.unknown", 6),
                                     ("Сайт: evil.\u{49B}\u{430}\u{437}\u{493}\u{430}", "text.domain", 7),
                                     ("Сайт: evil.\u{43A}z\u{43A}\u{435}", "text.domain", 7),
                                     ("Сайт: evil.\u{1D424}\u{1D433}\u{43A}\u{435}", "text.domain", 7),
                                     ("Сайт: evil[ . ]com", "text.domain", 7), ("Сайт: evil[[.]]com", "text.domain", 7),
                                     ("Сайт: evil\u{FF3B}.\u{FF3D}com", "text.domain", 7),
                                     ("Сайт: evil<span>.</span>com", "text.domain", 7),
                                     // Round 28: a card parted by em dashes, a handle after an @ and a no-break space.
                                     ("Картаға: 4400\u{2014}4301\u{2014}2345\u{2014}6789", "text.card", 10),
                                     ("Бот: @\u{A0}EvilBot", "telegram.unknown", 6),
                                     // Defanged marks spelt in Russian or Kazakh.
                                     ("Сайт: evil[\u{442}\u{43E}\u{447}\u{43A}\u{430}]com", "text.domain", 7),
                                     ("Сайт: evil (\u{43D}\u{4AF}\u{43A}\u{442}\u{435}) com", "text.domain", 7),
                                     ("Сайт: evil(\u{422}\u{427}\u{41A})com", "text.domain", 7),
                                     ("Пошта: info[\u{441}\u{43E}\u{431}\u{430}\u{43A}\u{430}]evil[\u{442}\u{43E}\u{447}\u{43A}\u{430}]com", "text.domain", 8),
                                     ("Бот: [\u{441}\u{43E}\u{431}\u{430}\u{43A}\u{430}]EvilBot", "telegram.unknown", 6),
                                     // With spaces in the brackets, typed on a Russian layout, with a Latin letter drawn as
                                     // Cyrillic; an @ after a word before a name with no domain opens a handle.
                                     ("Канал: [ собака ]evil_support", "telegram.unknown", 8), ("Сайт: evil[  точка  ]com", "text.domain", 7),
                                     ("Сайт: evil[нукте]com", "text.domain", 7), ("Сайт: evil[т\u{6F}чка]com", "text.domain", 7),
                                     ("Не пишите [собака]evil_support", "telegram.unknown", 11), ("Не пишите [@]evil_support", "telegram.unknown", 11),
                                     ("Жазбаңыз (собака)evil_support аккаунтына", "telegram.unknown", 10),
                                     // A plain @ with a space after a word, before a name shaped as only a user name is.
                                     ("Не пишите @ evil_support", "telegram.unknown", 11), ("Жазыңыз @ kz_help2020 аккаунтына", "telegram.unknown", 9),
                                     // Or glued to the word before it, with no domain after the name.
                                     ("Пишите@evil_support", "telegram.unknown", 7), ("Бот: Kenes1414Bot@EvilOneBot.", "telegram.unknown", 18),
                                     // Past a tab or a wide space, after a fullwidth @, in lookalike letters, across formatting;
                                     // a known fake or a mark on a letter after the @ said once.
                                     ("Не пишите @\tevil_support", "telegram.unknown", 11), ("Не пишите @\u{3000}evil_support", "telegram.unknown", 11),
                                     ("Не пишите \u{FF20} evil_support", "telegram.unknown", 11), ("Не пишите @ \u{435}vil_support", "telegram.unknown", 11),
                                     ("Не пишите @ \u{1D41E}\u{1D42F}\u{1D422}\u{1D425}_support", "telegram.unknown", 11),
                                     ("Не пишите @ **evil_support**", "telegram.unknown", 11), ("@ `evil_support`", "telegram.unknown", 1),
                                     ("Не пишите @ Kenes1414_Bot", "telegram.fake", 11), ("Не пишите @e\u{301}vil_support", "telegram.unknown", 11),
                                     // A glued handle before a colon that ends a phrase, or with a lookalike letter, said once;
                                     // an address whose domain is written defanged is one address.
                                     ("Жазыңыз@evil_support: сәлем", "telegram.unknown", 8), ("пишите@evil_supp\u{43E}rt", "telegram.unknown", 7),
                                     ("Пошта: info@kaspibot[.]kz", "text.domain", 8), ("Пошта: info@kaspibot[точка]kz", "text.domain", 8)] {
            let d = try Fixture.check(text + "\n")
            XCTAssertEqual(Set(LinkPolicyAssert.errors(d).map { "\($0.column) \($0.code)" }), ["\(column) \(code)"], "\(text): \(d.map(\.message))")
        }
        // The official number with a footnote's mark, a class, amounts and names stay what they are.
        LinkPolicyAssert.noErrors(try Fixture.check("Көмек: 1414\u{B9}. 5б сынып, ЗОО теңге емес, 42 5ОО ₸ емес; @Асан, @Асан2020, @Серік_2020, @Kenes1414Bot, @Kenes1414Botқа, т. б.\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("Үй нөмірі 12б, пәтер 5. Сынып нөмірі 11б. Дом номер 12б, кв. 45. Біз 9З сыныпта, т.б.\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("Бағасы 500 сом. Telegramда, Kaspiге, WhatsApp-та жазыңыз; egov.kz-ке кіріңіз.\n"))
        // Words joined by dots stay as written unless every one of them reads as Latin.
        LinkPolicyAssert.noErrors(try Fixture.check("Мысалы, сайт.ру, т.е. и т.д., т.к. А.Е. Косым, Е.М. Ахмет. Ол келді.Ерте кетті. Kaspi.kz.Ерте\n"))
        // A dot after a word ends a sentence, whatever follows it.
        LinkPolicyAssert.noErrors(try Fixture.check("Kaspi. Ол келді. WhatsApp. Info. 1 . 2 және 3 . 4. Мен . Ол .\n"))
        // Units, abbreviations and sentences without their space are Kazakh and Russian words, not names;
        // an official site with its ending, or defanged, is official.
        LinkPolicyAssert.noErrors(try Fixture.check("Тариф 20 теңге/кВт\u{B7}сағ, 18,5 тг/кВт.сағ, 100 млрд МВт\u{B7}сағ, 300 млрд т\u{B7}км, т.км. Это так.Вот почему. Читайте Утро.ру. Telegram.Сондай. egov.kzке, egov[.]kz. (a) және (d), [1], (т.б.)\n"))
        // A known fake written defanged in a warning is named there; an unknown name is a new fake to list.
        LinkPolicyAssert.noErrors(try Fixture.check("> [!WARNING]\n> Жалған бот: EgovKzBot2[.]0, @EgovKzBot2.0\n"))
        // A zone or a file type after a word, a list parted by middle dots, an official address with spaces
        // around its @, an event's place after an @, school years.
        LinkPolicyAssert.noErrors(try Fixture.check("Тек .kz доменіндегі сайттарға сеніңіз; видео .mov немесе .mp4 форматында. Тегтер: fake \u{B7} news \u{B7} bot. Пошта: info @ egov.kz. Вебинар @ Zoom. 2019\u{2013}2020 2020\u{2013}2021 оқу жылдары.\n"))
        // A sentence after a brand's name without its space; an official site defanged in a URL.
        LinkPolicyAssert.noErrors(try Fixture.check("Написал в WhatsApp.Сам он. Telegram.Со слов. Kaspi.Ет бағасы. hxxps://egov[.]kz/apply\n"))
        // Words in brackets, the names of the marks themselves, an official site defanged in Russian.
        LinkPolicyAssert.noErrors(try Fixture.check("(сурет) (ҚР) (заявка) (справка) нүкте (точка) қойылады, (тчк) деп жазады; egov[точка]kz\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("Вебинар @ Zoom, info @ egov.kz, info[собака]egov.kz, info [собака] egov.kz, өтініш [собака]Kenes1414Bot\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("Встреча @ Telegram, өтініш @ Kenes1414Bot, кездесу @ 18:00, бот @ kenes1414bot\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("Вебинар@Zoom, пишите@Kenes1414Bot, EvilKzBot@egov.kz, `user@host1:/srv`, `image@sha256:ab12`, бот @ Chatbot\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("Акция @ iPhone15, рейс @ KC851, Вебинар @ **Zoom**, жазылу @ Серік_2020, тел @ 8_800\n"))
        // A user at a host, a package at a version; a known fake named whole after a spaced @ in a warning.
        LinkPolicyAssert.noErrors(try Fixture.check("`ssh admin@db_server`, `npm i lodash@latest_beta`, x@evil_support\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("> [!WARNING]\n> Жалған: @ **EgovKzBot2.0**, @ **Kenes1414_Bot**\n"))
        XCTAssertEqual(LinkPolicyAssert.errors(try Fixture.check("> [!WARNING]\n> Жалған: @ **Egov**KzBot2.0, @ **evil_support**\n")).count, 2)
        // Two names on either side of an @: each is what a reader searches for.
        XCTAssertEqual(LinkPolicyAssert.errors(try Fixture.check("EvilKzBot@EvilOneBot\n")).map { "\($0.column) \($0.code)" },
                       ["1 telegram.unknown", "10 telegram.unknown"])
        LinkPolicyAssert.onlyError(try Fixture.check("> [!WARNING]\n> Жалған сайт: evil[.]com\n"), code: "text.domain", line: 5, column: 16)
    }

    /// A title naming a Telegram address is refused where it is written, once: the lists that show it
    /// do not say it again as a finished page's error.
    func testATitleNamingATelegramAddressIsOneError() throws {
        let f = try Fixture(files: ["content/kk/x.md": "---\ntitle: \"Бот t.me/EvilBot\"\n---\nМәтін.\n",
                                    "content/kk/y.md": "---\ntitle: \"Бот t·me/EvilBot\"\n---\nМәтін.\n"])
        let errors = LinkPolicyAssert.errors(f.build().diagnostics)
        XCTAssertEqual(errors.map { "\($0.file):\($0.line)" }.sorted(), ["content/kk/x.md:2", "content/kk/y.md:2"],
                       errors.map(\.message).joined(separator: "\n"))
    }

    func testUnlistedDomainAtSentenceEndIsTextDomainError() throws {
        let d = try Fixture.check("Сайт: evil.kz.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 7)
    }

    func testInternationalizedDomainInTextIsTextDomainError() throws {
        let d = try Fixture.check("Сайт: мысал.қаз\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 7)
    }

    func testUnlistedDomainInHeadingIsTextDomainError() throws {
        let d = try Fixture.check("## evil.kz туралы\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 4)
    }

    // MARK: - Not domains

    func testAbbreviationTBIsNotADomain() throws {
        let d = try Fixture.check("Құжаттар, анықтамалар т.б. керек.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testYearAbbreviationIsNotADomain() throws {
        let d = try Fixture.check("2020 ж. 14 сәуірде жарияланды.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testAmountWithSpaceIsNotADomain() throws {
        let d = try Fixture.check("Төлем 42 500 ₸ құрайды.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testStepLabelIsNotADomain() throws {
        let d = try Fixture.check("1-қадам: өтінім беру.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testDecimalIsNotADomain() throws {
        let d = try Fixture.check("Нұсқа 3.5 шықты.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testAbbreviationTSSIsNotADomain() throws {
        let d = try Fixture.check("Паспорт, анықтама т.с.с. керек.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testRussianAbbreviationIsNotADomain() throws {
        let d = try Fixture.check("Паспорт, справки и т. д.\n")
        LinkPolicyAssert.noErrors(d)
    }

    // MARK: - Kazakh suffixes

    func testOfficialDomainWithKazakhSuffixIsAccepted() throws {
        let d = try Fixture.check("Өтінімді egov.kz-ке жіберіңіз.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testUnlistedDomainWithKazakhSuffixIsErrorAtDomain() throws {
        let d = try Fixture.check("Өтінімді evil.kz-ке жібермеңіз.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 10, messageContains: "evil.kz")
    }

    // MARK: - E-mail addresses in text

    func testEmailAtUnlistedDomainInTextIsError() throws {
        let d = try Fixture.check("Хат: info@evil.kz\n")
        let errs = LinkPolicyAssert.errors(d)
        XCTAssertEqual(errs.count, 1, LinkPolicyAssert.listing(d))
        XCTAssertTrue(errs.allSatisfy { ["link.host", "text.domain"].contains($0.code) && $0.line == 4 && $0.column == 6 },
                      LinkPolicyAssert.listing(d))
    }

    func testEmailAtOfficialDomainInTextIsAccepted() throws {
        let d = try Fixture.check("Хат: info@egov.kz\n")
        LinkPolicyAssert.noErrors(d)
    }

    // MARK: - Fake names

    func testFakeBotNameInTextOutsideWarningIsFake() throws {
        let d = try Fixture.check("Ботты EgovKzBot2.0 деп іздемеңіз.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 7)
    }

    func testFakeBotNameWithKazakhSuffixIsFake() throws {
        let d = try Fixture.check("Біз EgovKzBot2.0-ді іздедік.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 5)
    }

    func testFakeDomainInTextOutsideWarningIsFake() throws {
        let d = try Fixture.check("Сайт egov-kz.com жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 6)
    }

    // MARK: - Code is text too

    func testDomainInCodeSpanIsChecked() throws {
        let d = try Fixture.check("Мысалы `evil.kz` деп\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 9)
    }

    func testURLInCodeSpanIsChecked() throws {
        let d = try Fixture.check("Теру: `https://evil.com/x`\n")
        LinkPolicyAssert.onlyError(d, code: "text.url", line: 4, column: 8)
    }

    func testURLInFencedCodeBlockIsCheckedOnItsLine() throws {
        let d = try Fixture.check("```\nкоманда\ncurl https://evil.com\n```\n")
        LinkPolicyAssert.onlyError(d, code: "text.url", line: 6, column: 6)
    }

    func testURLInIndentedCodeBlockIsCheckedOnItsLine() throws {
        let d = try Fixture.check("Мәтін\n\n    echo 1\n    wget https://evil.com/x\n")
        LinkPolicyAssert.onlyError(d, code: "text.url", line: 7, column: 10)
    }

    func testHandleInCodeBlockIsChecked() throws {
        let d = try Fixture.check("~~~\nbot = @SomeOtherBot\n~~~\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 5, column: 7)
    }

    // MARK: - Surroundings of a token

    func testDomainInGuillemetsIsErrorAtDomain() throws {
        let d = try Fixture.check("«evil.kz» сайты\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 2)
    }

    func testDomainWithPathInTextIsErrorAtDomain() throws {
        let d = try Fixture.check("Мекенжай: evil.kz/42500/apply\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 11)
    }

    func testEmailWithKazakhSuffixIsErrorAtAddress() throws {
        let d = try Fixture.check("Поштаға info@evil.kz-ке жазыңыз.\n")
        let errs = LinkPolicyAssert.errors(d)
        XCTAssertEqual(errs.count, 1, LinkPolicyAssert.listing(d))
        XCTAssertTrue(errs.allSatisfy { ["link.host", "text.domain"].contains($0.code) && $0.line == 4 && $0.column == 9 },
                      LinkPolicyAssert.listing(d))
    }
}
