import XCTest

@testable import SitegenCore
@testable import SitegenKit

final class GuideTextTests: XCTestCase {
    // MARK: - Transliteration: Kazakh

    func testEveryKazakhLetterLowercase() {
        XCTAssertEqual(Transliteration.ascii("ә"), "a")
        XCTAssertEqual(Transliteration.ascii("ғ"), "g")
        XCTAssertEqual(Transliteration.ascii("қ"), "q")
        XCTAssertEqual(Transliteration.ascii("ң"), "n")
        XCTAssertEqual(Transliteration.ascii("ө"), "o")
        XCTAssertEqual(Transliteration.ascii("ұ"), "u")
        XCTAssertEqual(Transliteration.ascii("ү"), "u")
        XCTAssertEqual(Transliteration.ascii("һ"), "h")
        XCTAssertEqual(Transliteration.ascii("і"), "i")
        XCTAssertEqual(Transliteration.ascii("әғқңөұүһі"), "agqnouuhi")
    }

    func testEveryKazakhLetterCapital() {
        XCTAssertEqual(Transliteration.ascii("ӘҒҚҢӨҰҮҺІ"), "AGQNOUUHI")
        XCTAssertEqual(Transliteration.ascii("Әке"), "Ake")
        XCTAssertEqual(Transliteration.ascii("Ғалым"), "Galym")
        XCTAssertEqual(Transliteration.ascii("Қазақстан"), "Qazaqstan")
        XCTAssertEqual(Transliteration.ascii("Өскемен"), "Oskemen")
        XCTAssertEqual(Transliteration.ascii("Ұлттық"), "Ulttyq")
        XCTAssertEqual(Transliteration.ascii("Үкімет"), "Ukimet")
        XCTAssertEqual(Transliteration.ascii("Һ"), "H")
        XCTAssertEqual(Transliteration.ascii("Іле"), "Ile")
    }

    func testKazakhSentence() {
        XCTAssertEqual(Transliteration.ascii("Қажетті құжаттар"), "Qazhetti quzhattar")
        XCTAssertEqual(Transliteration.ascii("Жәрдемақы өтініші"), "Zhardemaqy otinishi")
    }

    // MARK: - Transliteration: Russian (GOST 7.79-2000 System B)

    func testWholeRussianAlphabetLowercase() {
        // ц sits before ч here: "ch" does not start with i/e/y/j, so it is "cz".
        XCTAssertEqual(
            Transliteration.ascii("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
            "abvgdeyozhzijklmnoprstufxczchshshhyeyuya")
    }

    func testSingleRussianLetters() {
        let table: [(String, String)] = [
            ("а", "a"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("е", "e"), ("ё", "yo"),
            ("ж", "zh"), ("з", "z"), ("и", "i"), ("й", "j"), ("к", "k"), ("л", "l"), ("м", "m"),
            ("н", "n"), ("о", "o"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("у", "u"),
            ("ф", "f"), ("х", "x"), ("ц", "cz"), ("ч", "ch"), ("ш", "sh"), ("щ", "shh"), ("ъ", ""),
            ("ы", "y"), ("ь", ""), ("э", "e"), ("ю", "yu"), ("я", "ya"),
        ]
        for (cyrillic, latin) in table {
            XCTAssertEqual(Transliteration.ascii(cyrillic), latin, cyrillic)
        }
    }

    func testRussianCapitalsInTitleCaseWords() {
        XCTAssertEqual(Transliteration.ascii("Ёлка"), "Yolka")
        XCTAssertEqual(Transliteration.ascii("Жук"), "Zhuk")
        XCTAssertEqual(Transliteration.ascii("Чай"), "Chaj")
        XCTAssertEqual(Transliteration.ascii("Шар"), "Shar")
        XCTAssertEqual(Transliteration.ascii("Щука"), "Shhuka")
        XCTAssertEqual(Transliteration.ascii("Юрта"), "Yurta")
        XCTAssertEqual(Transliteration.ascii("Яблоко"), "Yabloko")
        XCTAssertEqual(Transliteration.ascii("Хабар"), "Xabar")
        XCTAssertEqual(Transliteration.ascii("Ж"), "Zh")
    }

    func testCapitalsInsideAllCapitalWords() {
        XCTAssertEqual(Transliteration.ascii("ЖК"), "ZHK")
        XCTAssertEqual(Transliteration.ascii("ЩИ"), "SHHI")
        XCTAssertEqual(Transliteration.ascii("ГЖ"), "GZH")
        XCTAssertEqual(Transliteration.ascii("ЦЕНТР"), "CENTR")
        XCTAssertEqual(Transliteration.ascii("ЦАРЬ"), "CZAR")
        XCTAssertEqual(Transliteration.ascii("ЮЖНЫЙ"), "YUZHNYJ")
    }

    func testTseIsShortBeforeIEYJ() {
        XCTAssertEqual(Transliteration.ascii("цирк"), "cirk")
        XCTAssertEqual(Transliteration.ascii("центр"), "centr")
        XCTAssertEqual(Transliteration.ascii("цыган"), "cygan")
        XCTAssertEqual(Transliteration.ascii("Цюрих"), "Cyurix")
        XCTAssertEqual(Transliteration.ascii("революция"), "revolyuciya")
        XCTAssertEqual(Transliteration.ascii("цё"), "cyo")
        XCTAssertEqual(Transliteration.ascii("ці"), "ci")  // Kazakh і
        XCTAssertEqual(Transliteration.ascii("цe"), "ce")  // Latin e after Cyrillic ц
    }

    func testTseIsLongElsewhere() {
        XCTAssertEqual(Transliteration.ascii("царь"), "czar")
        XCTAssertEqual(Transliteration.ascii("Цвет"), "Czvet")
        XCTAssertEqual(Transliteration.ascii("отец"), "otecz")
        XCTAssertEqual(Transliteration.ascii("отец и сын"), "otecz i syn")
        XCTAssertEqual(Transliteration.ascii("цуцик"), "czucik")
        XCTAssertEqual(Transliteration.ascii("цц"), "czcz")
    }

    func testShchaAndYo() {
        XCTAssertEqual(Transliteration.ascii("щи"), "shhi")
        XCTAssertEqual(Transliteration.ascii("борщ"), "borshh")
        XCTAssertEqual(Transliteration.ascii("ёж"), "yozh")
        XCTAssertEqual(Transliteration.ascii("всё"), "vsyo")
    }

    func testHardAndSoftSignsAreDropped() {
        XCTAssertEqual(Transliteration.ascii("объявление"), "obyavlenie")
        XCTAssertEqual(Transliteration.ascii("подъезд"), "podezd")
        XCTAssertEqual(Transliteration.ascii("соль"), "sol")
        XCTAssertEqual(Transliteration.ascii("пособье"), "posobe")
        XCTAssertEqual(Transliteration.ascii("ЪЬ"), "")
    }

    func testYeruEYuYa() {
        XCTAssertEqual(Transliteration.ascii("мы"), "my")
        XCTAssertEqual(Transliteration.ascii("Ы"), "Y")
        XCTAssertEqual(Transliteration.ascii("этап"), "etap")
        XCTAssertEqual(Transliteration.ascii("Эхо"), "Exo")
        XCTAssertEqual(Transliteration.ascii("юрист"), "yurist")
        XCTAssertEqual(Transliteration.ascii("язык"), "yazyk")
    }

    func testDecomposedCyrillicMapsLikePrecomposed() {
        XCTAssertEqual(Transliteration.ascii("е\u{0308}ж"), "yozh")
        XCTAssertEqual(Transliteration.ascii("Е\u{0308}лка"), "Yolka")
        XCTAssertEqual(Transliteration.ascii("мои\u{0306}"), "moj")
    }

    // MARK: - Transliteration: other characters

    func testLatinDiacriticsAreStripped() {
        XCTAssertEqual(Transliteration.ascii("é"), "e")
        XCTAssertEqual(Transliteration.ascii("Café Ñandú"), "Cafe Nandu")
        XCTAssertEqual(Transliteration.ascii("Şymkent, Äliýa, Ūly, Ötinish"), "Symkent, Aliya, Uly, Otinish")
        XCTAssertEqual(Transliteration.ascii("Qazaqstan Respýblıkasy"), "Qazaqstan Respyblikasy")
        XCTAssertEqual(Transliteration.ascii("Straße"), "Strasse")
        XCTAssertEqual(Transliteration.ascii("Ålborg Øst"), "Alborg Ost")
        XCTAssertEqual(Transliteration.ascii("e\u{0301}"), "e")
    }

    func testMixedTextWithDigitsAndTenge() {
        XCTAssertEqual(Transliteration.ascii("42 500 ₸ төлемі"), "42 500 ₸ tolemi")
        XCTAssertEqual(Transliteration.ascii("«Жол» — 2020"), "«Zhol» — 2020")
        XCTAssertEqual(Transliteration.ascii("Шаг 1: подача"), "Shag 1: podacha")
    }

    func testCompatibilityFormsDigitsAndOtherScripts() {
        XCTAssertEqual(Transliteration.ascii("14\u{A0}апреля"), "14 aprelya")
        XCTAssertEqual(Transliteration.ascii("№ 5"), "No 5")
        XCTAssertEqual(Transliteration.ascii("ＡＢ"), "AB")
        XCTAssertEqual(Transliteration.ascii("\u{0664}\u{0662}"), "42")  // Arabic-Indic digits
        XCTAssertEqual(Transliteration.ascii("中文 abc"), " abc")
        XCTAssertEqual(Transliteration.ascii("ok 👍"), "ok 👍")
    }

    func testASCIIIsUnchanged() {
        XCTAssertEqual(Transliteration.ascii("Step 1: Apply (online)"), "Step 1: Apply (online)")
        XCTAssertEqual(Transliteration.ascii("it's `code`"), "it's `code`")
        XCTAssertEqual(Transliteration.ascii(""), "")
    }

    // MARK: - Heading ids

    func testHeadingIDExamples() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.id(for: "Қажетті құжаттар"), "qazhetti-quzhattar")
        XCTAssertEqual(ids.id(for: "Шаги"), "shagi")
        XCTAssertEqual(ids.id(for: "Необходимые документы"), "neobxodimye-dokumenty")
        XCTAssertEqual(ids.id(for: "42 500 ₸ төлемі"), "42-500-tolemi")
    }

    func testHeadingIDsAreLowercaseAndTrimmed() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.id(for: "— Шаг 1. Подача заявления —"), "shag-1-podacha-zayavleniya")
        XCTAssertEqual(ids.id(for: "  ЖИЛЬЁ / Housing?! "), "zhilyo-housing")
        XCTAssertEqual(ids.id(for: "Социальная выплата"), "socialnaya-vyplata")
        XCTAssertEqual(ids.id(for: "Café"), "cafe")
    }

    func testRepeatedHeadingsGetSuffixes() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.id(for: "x"), "x")
        XCTAssertEqual(ids.id(for: "x"), "x-2")
        XCTAssertEqual(ids.id(for: "X"), "x-3")
        XCTAssertEqual(ids.id(for: "Шаги"), "shagi")
        XCTAssertEqual(ids.id(for: "ШАГИ"), "shagi-2")
    }

    func testSuffixSkipsIDsAlreadyTaken() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.id(for: "x-2"), "x-2")
        XCTAssertEqual(ids.id(for: "x"), "x")
        XCTAssertEqual(ids.id(for: "x"), "x-3")
        XCTAssertEqual(ids.id(for: "x 2"), "x-2-2")
    }

    func testReservedIDsAreNeverTaken() {
        var ids = HeadingIDs()
        ids.reserve("main")
        ids.reserve("step-1")
        ids.reserve("shagi")
        ids.reserve("shagi-2")
        XCTAssertEqual(ids.id(for: "Main"), "main-2")
        XCTAssertEqual(ids.id(for: "Step 1"), "step-1-2")
        XCTAssertEqual(ids.id(for: "Шаги"), "shagi-3")
        XCTAssertEqual(ids.id(for: "Шаги"), "shagi-4")
    }

    func testEmptySlugBecomesSection() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.id(for: ""), "section")
        XCTAssertEqual(ids.id(for: "  !!! — "), "section-2")
        XCTAssertEqual(ids.id(for: "中文"), "section-3")
        XCTAssertEqual(ids.id(for: "ЪЬ"), "section-4")
        XCTAssertEqual(ids.id(for: "Section"), "section-5")
    }

    func testLongHeadingIsCutAtWordBoundary() {
        var ids = HeadingIDs()
        let heading =
            "Как получить единовременную социальную выплату в размере 42 500 тенге в период чрезвычайного положения"
        XCTAssertEqual(
            ids.id(for: heading), "kak-poluchit-edinovremennuyu-socialnuyu-vyplatu-v-razmere-42-500")
        // 69 characters; the limit falls inside the seventh word, so the id ends after the sixth.
        let words = Array(repeating: "abcdefghi", count: 7).joined(separator: " ")
        let cut = Array(repeating: "abcdefghi", count: 6).joined(separator: "-")
        XCTAssertEqual(ids.id(for: words), cut)
        XCTAssertEqual(cut.count, 59)
    }

    func testSingleLongWordIsCutHard() {
        var ids = HeadingIDs()
        XCTAssertEqual(ids.id(for: String(repeating: "a", count: 70)), String(repeating: "a", count: 64))
        XCTAssertEqual(ids.id(for: String(repeating: "я", count: 40)), String(repeating: "ya", count: 32))
    }

    func testSuffixedLongIDsStayWithinLimit() {
        var ids = HeadingIDs()
        let long = String(repeating: "a", count: 64)
        XCTAssertEqual(ids.id(for: long), long)
        let second = ids.id(for: long)
        XCTAssertEqual(second, String(repeating: "a", count: 62) + "-2")
        XCTAssertEqual(second.count, 64)

        let words = "alpha " + String(repeating: "b", count: 57)  // "alpha-bbb…" is exactly 63
        XCTAssertEqual(ids.id(for: words), "alpha-" + String(repeating: "b", count: 57))
        XCTAssertEqual(ids.id(for: words), "alpha-2")
    }

    func testIDsAreStableAcrossBuilds() {
        let headings = ["Шаги", "Қажетті құжаттар", "Шаги", "", "Необходимые документы", "шаги"]
        func build() -> [String] {
            var ids = HeadingIDs()
            ids.reserve("main")
            return headings.map { ids.id(for: $0) }
        }
        XCTAssertEqual(build(), build())
        XCTAssertEqual(
            build(), ["shagi", "qazhetti-quzhattar", "shagi-2", "section", "neobxodimye-dokumenty", "shagi-3"])
    }

    // MARK: - Dates

    func testKazakhDate() {
        XCTAssertEqual(LocalDates.display("2020-04-14", language: "kk"), "2020\u{A0}жылғы 14\u{A0}сәуір")
        XCTAssertEqual(LocalDates.display("2021-01-05", language: "kk"), "2021\u{A0}жылғы 5\u{A0}қаңтар")
    }

    func testRussianDate() {
        XCTAssertEqual(LocalDates.display("2020-04-14", language: "ru"), "14\u{A0}апреля 2020\u{A0}г.")
        XCTAssertEqual(LocalDates.display("2021-01-05", language: "ru"), "5\u{A0}января 2021\u{A0}г.")
    }

    func testEveryMonthName() {
        let kazakh = [
            "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
            "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
        ]
        let russian = [
            "января", "февраля", "марта", "апреля", "мая", "июня",
            "июля", "августа", "сентября", "октября", "ноября", "декабря",
        ]
        for month in 1...12 {
            let date = "2022-" + (month < 10 ? "0" : "") + "\(month)-01"
            XCTAssertEqual(
                LocalDates.display(date, language: "kk"), "2022\u{A0}жылғы 1\u{A0}\(kazakh[month - 1])")
            XCTAssertEqual(
                LocalDates.display(date, language: "ru"), "1\u{A0}\(russian[month - 1]) 2022\u{A0}г.")
        }
    }

    func testTimestampsAndOtherLanguages() {
        let stamp = "2020-04-14T23:30:00+05:00"
        XCTAssertEqual(LocalDates.display(stamp, language: "ru"), "14\u{A0}апреля 2020\u{A0}г.")
        XCTAssertEqual(LocalDates.display("2020-04-14 09:00", language: "kk"), "2020\u{A0}жылғы 14\u{A0}сәуір")
        XCTAssertEqual(LocalDates.display("2020-04-14", language: "en"), "2020-04-14")
        XCTAssertEqual(LocalDates.display("2020-04-14", language: ""), "2020-04-14")
        XCTAssertEqual(LocalDates.display("2020-04-14", language: "ru-RU"), "14\u{A0}апреля 2020\u{A0}г.")
        XCTAssertEqual(LocalDates.display("2020-04-14", language: "KK_kz"), "2020\u{A0}жылғы 14\u{A0}сәуір")
    }

    func testISODay() {
        XCTAssertEqual(LocalDates.isoDay("2020-04-14"), "2020-04-14")
        XCTAssertEqual(LocalDates.isoDay("2020-04-14T23:30:00Z"), "2020-04-14")
        XCTAssertEqual(LocalDates.isoDay("  2020-04-14 "), "2020-04-14")
        XCTAssertEqual(LocalDates.isoDay("0999-12-31"), "0999-12-31")
    }

    func testLeapDay() {
        XCTAssertEqual(LocalDates.display("2020-02-29", language: "ru"), "29\u{A0}февраля 2020\u{A0}г.")
        XCTAssertEqual(LocalDates.display("2024-02-29", language: "kk"), "2024\u{A0}жылғы 29\u{A0}ақпан")
        XCTAssertEqual(LocalDates.isoDay("2000-02-29"), "2000-02-29")
        XCTAssertNil(LocalDates.isoDay("2019-02-29"))
        XCTAssertNil(LocalDates.isoDay("1900-02-29"))
        XCTAssertNil(LocalDates.display("2021-02-29", language: "ru"))
    }

    func testInvalidDatesAreNil() {
        let invalid = [
            "", "not a date", "2020-13-01", "2020-00-10", "2020-04-31", "2020-04-00", "2020-06-31",
            "2020-4-14", "20200414", "2020/04/14", "2020-04-145", "0000-01-01", "14.04.2020",
            "２０２０-04-14", "2020-04-1",
        ]
        for text in invalid {
            XCTAssertNil(LocalDates.isoDay(text), text)
            XCTAssertNil(LocalDates.display(text, language: "kk"), text)
            XCTAssertNil(LocalDates.display(text, language: "ru"), text)
            XCTAssertNil(LocalDates.display(text, language: "en"), text)
        }
    }
}
