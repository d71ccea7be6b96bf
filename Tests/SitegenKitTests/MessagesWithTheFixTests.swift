import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Each common mistake is reported with its code, at the character to fix, in words that say the
/// fix, in Kazakh, Russian and English.
final class MessagesWithTheFixTests: XCTestCase {
    func listing(_ d: [Diagnostic]) -> String { d.map(DiagnosticFormatter.line).joined(separator: "\n") }

    /// The one diagnostic with `code`, checked for place and for its words in every language.
    func assertOne(
        _ diagnostics: [Diagnostic], _ code: String, file: String = "content/kk/test.md", at position: (Int, Int),
        en: String, kk: String, ru: String, sourceLine: UInt = #line
    ) {
        let found = diagnostics.filter { $0.code == code }
        guard found.count == 1, let d = found.first else {
            return XCTFail("expected one \(code), got:\n\(listing(diagnostics))", line: sourceLine)
        }
        XCTAssertEqual("\(d.file):\(d.line):\(d.column)", "\(file):\(position.0):\(position.1)", line: sourceLine)
        XCTAssertEqual(d.message, en, line: sourceLine)
        XCTAssertEqual(d.message(in: .en), en, line: sourceLine)
        XCTAssertEqual(d.message(in: .kk), kk, line: sourceLine)
        XCTAssertEqual(d.message(in: .ru), ru, line: sourceLine)
    }

    func page(_ frontMatter: String, _ body: String = "Мәтін.\n") throws -> [Diagnostic] {
        let f = try Fixture()
        try f.write("content/kk/test.md", "---\n" + frontMatter + "---\n" + body)
        return f.build(checkOnly: true).diagnostics
    }

    // MARK: YAML

    func testAnUnquotedColonInATitleSaysToQuoteIt() throws {
        let d = try page("title: Өтінім: қалай беру\n")
        assertOne(d, "yaml.syntax", at: (2, 14),
                  en: "the title holds “: ”, which YAML reads as the start of another key: put the title in quotes, title: \"Өтінім: қалай беру\"",
                  kk: "title ішінде «: » бар, ал YAML оны жаңа кілттің басы деп оқиды: title мәнін тырнақшаға алыңыз, title: \"Өтінім: қалай беру\"",
                  ru: "в title есть «: », и YAML читает это как начало нового ключа: возьмите title в кавычки, title: \"Өтінім: қалай беру\"")
    }

    func testAMissingColonIsReportedAtItsOwnLine() throws {
        let d = try page("title: \"Б\"\ntranslationKey: b\ndate 2020-04-14\nweight: 1\n")
        assertOne(d, "yaml.syntax", at: (4, 1),
                  en: "“date 2020-04-14” has no colon after its key: write date: 2020-04-14",
                  kk: "«date 2020-04-14» жолында кілттен кейін қос нүкте жоқ: date: 2020-04-14 деп жазыңыз",
                  ru: "в строке «date 2020-04-14» нет двоеточия после ключа: напишите date: 2020-04-14")
    }

    func testAPageWhoseTranslationDidNotParseIsNotToldItHasNone() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: Өтінім: қалай\ntranslationKey: apply\n---\n",
            "content/ru/b.md": "---\ntitle: \"Заявка\"\ntranslationKey: apply\n---\n",
            "content/kk/c.md": "---\ntitle: [\n---\n",
            "content/ru/c.md": "---\ntitle: \"В\"\n---\n",
        ])
        for checkOnly in [true, false] {
            let d = f.build(checkOnly: checkOnly).diagnostics
            XCTAssertEqual(d.filter { $0.severity == .error }.map(\.file), ["content/kk/a.md", "content/kk/c.md"], listing(d))
            XCTAssertFalse(d.contains { $0.code == "translation.missing" }, listing(d))
        }
    }

    // MARK: Names and handles

    func testTheCaretPointsAtTheLetterFromAnotherAlphabet() throws {
        let d = try page("title: \"Т\"\n", "Сайт https://42500.enbe\u{043A}.kz/ арқылы.\n")
        assertOne(d, "link.lookalike", at: (4, 24),
                  en: "42500.enbeк.kz mixes alphabets: the letter “к” is from another alphabet than the rest of the name, as in spoofed names; retype the name in Latin letters",
                  kk: "42500.enbeк.kz атауында әліпбилер араласқан: «к» әрпі атаудың қалған бөлігінен басқа әліпбиден, жалған атаулардағыдай; атауды латын әріптерімен қайта теріңіз",
                  ru: "в 42500.enbeк.kz смешаны алфавиты: буква «к» из другого алфавита, чем остальное имя, как в поддельных адресах; наберите имя заново латиницей")
        // In a link's destination too, not at its "[".
        let linked = try page("title: \"Т\"\n", "[портал](https://42500.enbe\u{043A}.kz/)\n")
        assertDiagnostic(linked, code: "link.lookalike", line: 4, column: 28)
    }

    func testAnUnlistedSubdomainIsNotALookalike() throws {
        let config = Fixture.defaultConfig.replacingOccurrences(of: "    - \"*.egov.kz\"\n", with: "")
        let f = try Fixture(config: config, files: ["content/kk/test.md": "---\ntitle: \"Т\"\n---\nПортал: www.egov.kz.\n"])
        let d = f.build(checkOnly: true).diagnostics
        assertOne(d, "link.host", at: (4, 9),
                  en: "www.egov.kz is a subdomain of egov.kz that is not on the list: if it is official, add www.egov.kz or *.egov.kz to links.allow in sitegen.yml",
                  kk: "www.egov.kz — egov.kz сайтының тізімде жоқ субдомені: егер ол ресми болса, sitegen.yml ішіндегі links.allow тізіміне www.egov.kz немесе *.egov.kz қосыңыз",
                  ru: "www.egov.kz — поддомен egov.kz, которого нет в списке: если он официальный, добавьте www.egov.kz или *.egov.kz в links.allow в sitegen.yml")
        XCTAssertFalse(d.contains { $0.code == "link.lookalike" })
    }

    func testAMistypedHandleGetsTheOfficialOne() throws {
        let d = try page("title: \"Т\"\n", "Бот: @Kenes141Bot.\n")
        assertOne(d, "telegram.unknown", at: (4, 6),
                  en: "@Kenes141Bot is not an official Telegram handle: did you mean @Kenes1414Bot?",
                  kk: "@Kenes141Bot — ресми Telegram атауы емес: @Kenes1414Bot деп жазбақ болдыңыз ба?",
                  ru: "@Kenes141Bot — не официальное имя в Telegram: вы имели в виду @Kenes1414Bot?")
        let far = try page("title: \"Т\"\n", "Бот: @SomeOtherBot.\n")
        XCTAssertFalse(far.contains { $0.message.contains("did you mean") }, listing(far))
    }

    func testAMisspeltTranslationKeyGetsTheOtherLanguagesKey() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: А\ntranslationKey: 42500-apply\n---\n",
            "content/ru/a.md": "---\ntitle: А\ntranslationKey: 42500-aply\n---\n",
        ])
        let d = f.build(checkOnly: true).diagnostics.filter { $0.file == "content/ru/a.md" }
        assertOne(d, "translation.missing", file: "content/ru/a.md", at: (1, 1),
                  en: "content/ru/a.md has no translation with translationKey 42500-aply; did you mean 42500-apply, the translationKey of content/kk/a.md? Write the same key in both",
                  kk: "content/ru/a.md файлының translationKey мәні 42500-aply болатын аудармасы жоқ; content/kk/a.md файлындағы 42500-apply кілтін жазбақ болдыңыз ба? Екеуіне бірдей кілт жазыңыз",
                  ru: "у content/ru/a.md нет перевода с translationKey 42500-aply; может быть, имелся в виду 42500-apply — translationKey файла content/kk/a.md? Укажите в обоих один и тот же ключ")
    }

    // MARK: Fakes

    func testAFakeInAnSMSIsNotToldToUseAWarningBlock() throws {
        let d = try page("title: \"Т\"\nsms: \"EgovKzBot2.0 жалған\"\n")
        assertOne(d, "text.fake", at: (3, 7),
                  en: "EgovKzBot2.0 is a known fake, and sms: cannot hold a warning block: leave the name out of sms: and name it in the page's text inside > [!WARNING]",
                  kk: "EgovKzBot2.0 — белгілі жалған атау, ал sms: өрісінде ескерту блогы болмайды: атауды sms: өрісінен алып тастап, беттің мәтінінде > [!WARNING] ішінде атаңыз",
                  ru: "EgovKzBot2.0 — известная подделка, а в поле sms: не бывает блока-предупреждения: уберите имя из sms: и назовите его в тексте страницы внутри > [!WARNING]")
        let title = try page("title: \"egov-kz.com жалған\"\n")
        XCTAssertTrue(title.contains { $0.code == "text.fake" && $0.message.contains("leave the name out of title:") }, listing(title))
    }

    func testANewFakeInAWarningIsToldWhereFakesAreListed() throws {
        let d = try page("title: \"Т\"\n", "> [!WARNING]\n> egov-kz.org жалған.\n")
        assertOne(d, "text.domain", at: (5, 3),
                  en: "egov-kz.org is not a known fake yet, so even a warning cannot name it: list it under links.fake_domains in sitegen.yml (with a description in each language), then it is shown defanged here",
                  kk: "egov-kz.org әлі белгілі жалған сайттар тізімінде жоқ, сондықтан оны ескертуде де атауға болмайды: оны sitegen.yml ішіндегі links.fake_domains тізіміне (әр тілде сипаттамасымен) қосыңыз, сонда ол мұнда қауіпсіз түрде көрсетіледі",
                  ru: "egov-kz.org ещё нет в списке известных подделок, поэтому его нельзя называть даже в предупреждении: внесите его в links.fake_domains в sitegen.yml (с описанием на каждом языке), и здесь он будет показан обезвреженным")
        // Outside a warning the same name is told to write the official one.
        let outside = try page("title: \"Т\"\n", "egov-kz.org жалған.\n")
        XCTAssertTrue(outside.contains { $0.message.contains("looks like egov.kz") }, listing(outside))
    }

    func testAPlainFakeDomainWorksAndAKnownFakesBlockAsksForItsDescription() throws {
        // The plain form of the README is accepted and refused in text like any fake...
        let plain = try page("title: \"Т\"\n", "egov-kz.com\n")
        XCTAssertTrue(plain.contains { $0.code == "text.fake" }, listing(plain))
        let warned = try page("title: \"Т\"\n", "> [!WARNING]\n> egov-kz.com жалған.\n")
        assertNoErrors(warned)
        // ...and a known-fakes block, which shows each fake's description, says how to write one.
        let block = try page("title: \"Т\"\n", "```known-fakes\n```\n").filter { $0.message.contains("egov-kz.com") }
        assertOne(block, "guide.known-fakes", at: (4, 1),
                  en: "known-fakes: egov-kz.com (sitegen.yml line 16) has no description in kk, which this block shows readers: write it as “- name: egov-kz.com” with “description: {kk: …, ru: …}” under it",
                  kk: "known-fakes: egov-kz.com (sitegen.yml, 16-жол) үшін kk тіліндегі сипаттама жоқ, ал бұл блок оны оқырманға көрсетеді: оны «- name: egov-kz.com» деп, астына «description: {kk: …, ru: …}» қосып жазыңыз",
                  ru: "known-fakes: у egov-kz.com (sitegen.yml, строка 16) нет описания на языке kk, а этот блок показывает его читателям: запишите его как «- name: egov-kz.com» и под ним «description: {kk: …, ru: …}»")
    }
}

/// More reworded messages: code, position and words in each language.
final class RewordedMessagesTests: XCTestCase {
    struct Case {
        var frontMatter: String
        var body: String
        var code: String
        var at: (Int, Int)
        var en: String, kk: String, ru: String
    }

    static let cases: [Case] = [
        Case(frontMatter: "title: \"Т\"\ndate: 14.04.2020\n", body: "", code: "frontmatter.date", at: (3, 7),
             en: "date “14.04.2020” is not a date: write it as year-month-day, like 2020-04-14, or with a time, like 2020-04-14T09:30:00+05:00",
             kk: "date «14.04.2020» — күн емес: оны жыл-ай-күн түрінде жазыңыз, мысалы 2020-04-14, немесе уақытымен, мысалы 2020-04-14T09:30:00+05:00",
             ru: "date «14.04.2020» — не дата: запишите её как год-месяц-день, например 2020-04-14, или со временем, например 2020-04-14T09:30:00+05:00"),
        Case(frontMatter: "title: \"Т\"\ntranslationkey: a\n", body: "", code: "frontmatter.unknown-key", at: (3, 1),
             en: "sitegen does not know the key “translationkey”, so it does nothing: did you mean translationKey?",
             kk: "sitegen «translationkey» кілтін білмейді, сондықтан ол ештеңе істемейді: translationKey деп жазбақ болдыңыз ба?",
             ru: "sitegen не знает ключа «translationkey», поэтому он ничего не делает: вы имели в виду translationKey?"),
        Case(frontMatter: "title: \"\"\n", body: "", code: "frontmatter.title", at: (2, 8),
             en: "the title is empty: write the page's title in the quotes",
             kk: "тақырып бос: тырнақшаның ішіне беттің тақырыбын жазыңыз",
             ru: "заголовок пустой: напишите заголовок страницы в кавычках"),
        Case(frontMatter: "title: \"Т\"\n", body: "Анықтама: +7 701 123 45 67\n", code: "text.phone", at: (4, 11),
             en: "the phone number +7 701 123 45 67 is not on the official list (links.phones in sitegen.yml): print only official numbers",
             kk: "+7 701 123 45 67 телефон нөмірі ресми тізімде жоқ (sitegen.yml ішіндегі links.phones): тек ресми нөмірлерді жазыңыз",
             ru: "номера телефона +7 701 123 45 67 нет в официальном списке (links.phones в sitegen.yml): указывайте только официальные номера"),
        Case(frontMatter: "title: \"Т\"\n", body: "[Портал](https://user@egov.kz/)\n", code: "link.credentials", at: (4, 1),
             en: "the link has a user name or password before “@”, so it really opens egov.kz: write the official address without it",
             kk: "сілтемеде «@» алдында пайдаланушы аты немесе құпиясөз бар, сондықтан ол шын мәнінде egov.kz сайтын ашады: ресми мекенжайды онсыз жазыңыз",
             ru: "в ссылке перед «@» стоит имя пользователя или пароль, поэтому на самом деле она открывает egov.kz: напишите официальный адрес без этого"),
        Case(frontMatter: "title: \"Т\"\n", body: "[egov.kz](https://42500.enbek.kz/)\n", code: "link.text-mismatch", at: (4, 1),
             en: "the link's text says egov.kz but the link goes to 42500.enbek.kz: make them the same address, or write words as the text",
             kk: "сілтеменің мәтінінде egov.kz деп жазылған, бірақ сілтеме 42500.enbek.kz сайтына апарады: екеуін бір мекенжай етіңіз немесе мәтінге сөз жазыңыз",
             ru: "в тексте ссылки написано egov.kz, а ведёт она на 42500.enbek.kz: сделайте их одним адресом или напишите в тексте слова"),
    ]

    func testEachRewordedMessage() throws {
        for c in Self.cases {
            let f = try Fixture()
            try f.write("content/kk/test.md", "---\n" + c.frontMatter + "---\n" + c.body)
            let found = f.build(checkOnly: true).diagnostics.filter { $0.code == c.code }
            guard found.count == 1, let d = found.first else {
                XCTFail("\(c.code): \(found.map(DiagnosticFormatter.line))")
                continue
            }
            XCTAssertEqual([d.line, d.column], [c.at.0, c.at.1], c.code)
            XCTAssertEqual(d.message(in: .en), c.en)
            XCTAssertEqual(d.message(in: .kk), c.kk)
            XCTAssertEqual(d.message(in: .ru), c.ru)
        }
    }
}

/// YAML mistakes beyond the colon: an unclosed quote at its quote, a tab at the tab.
final class YAMLMistakesTests: XCTestCase {
    func diagnostics(_ frontMatter: String) throws -> [Diagnostic] {
        let f = try Fixture(files: ["content/kk/a.md": "---\n" + frontMatter + "---\nМәтін.\n"])
        return f.build(checkOnly: true).diagnostics.filter { $0.code == "yaml.syntax" }
    }

    func testAnUnclosedQuoteIsReportedAtTheQuote() throws {
        let d = try diagnostics("title: \"Өтінім беру\ndescription: \"Сипаттама\"\n")
        XCTAssertEqual(d.map { "\($0.line):\($0.column)" }, ["2:8"], d.map(DiagnosticFormatter.line).joined())
        XCTAssertEqual(d.first?.message(in: .kk), "осы жерде ашылған тырнақша жабылмаған: мәннің соңына жабатын тырнақшаны қойыңыз")
        XCTAssertEqual(d.first?.message(in: .ru), "открытая здесь кавычка не закрыта: поставьте закрывающую кавычку в конце значения")
    }

    func testATabIsReportedAtTheTab() throws {
        let d = try diagnostics("title: \"Т\"\nclaimReview:\n\tclaim: \"x\"\n")
        XCTAssertEqual(d.map { "\($0.line):\($0.column)" }, ["4:1"], d.map(DiagnosticFormatter.line).joined())
        XCTAssertEqual(d.first?.message, "YAML does not allow a tab here: indent with spaces")
    }
}
