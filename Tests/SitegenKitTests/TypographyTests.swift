import XCTest

@testable import SitegenKit

final class TypographyTests: XCTestCase {
    private func kk(_ text: String) -> String { Typography.apply(text, language: "kk") }
    private func ru(_ text: String) -> String { Typography.apply(text, language: "ru") }

    /// Runs of one paragraph typeset in order with one shared state.
    private func runs(_ parts: [String], language: String = "kk") -> [String] {
        var state = QuoteState()
        return parts.map { Typography.apply($0, language: language, state: &state) }
    }

    // MARK: - Quotes

    func testKazakhStraightQuotesBecomeGuillemets() {
        XCTAssertEqual(kk("Ол мұны \"жалған\" деді."), "Ол мұны «жалған» деді.")
    }

    func testRussianStraightQuotesBecomeGuillemets() {
        XCTAssertEqual(ru("Он назвал это \"фейком\"."), "Он назвал это «фейком».")
    }

    func testKazakhNestedStraightQuotesBecomeLowHighQuotes() {
        XCTAssertEqual(kk("\"Кеңес \"1414\" боты\" жауап берді"), "«Кеңес „1414“ боты» жауап берді")
    }

    func testRussianNestedStraightQuotesBecomeLowHighQuotes() {
        XCTAssertEqual(ru("\"Закон \"О СМИ\" принят\""), "«Закон „О СМИ“ принят»")
    }

    func testTypedGuillemetsCountForNesting() {
        XCTAssertEqual(ru("«Закон \"О СМИ\" принят»"), "«Закон „О СМИ“ принят»")
    }

    func testTypedClosingGuillemetEndsNesting() {
        XCTAssertEqual(kk("«Жоқ» және \"иә\""), "«Жоқ» және «иә»")
    }

    func testTypedLowQuoteCountsForNesting() {
        XCTAssertEqual(ru("«Он сказал „это \"фейк\"“»"), "«Он сказал „это „фейк““»")
    }

    func testQuoteAfterOpeningBracketOpens() {
        XCTAssertEqual(kk("(\"Хабар\" арнасы)"), "(«Хабар» арнасы)")
    }

    func testQuoteAfterDashOrSlashOpens() {
        XCTAssertEqual(kk("жауап—\"жоқ\", сөз/\"термин\""), "жауап—«жоқ», сөз/«термин»")
    }

    func testQuoteAfterPunctuationCloses() {
        XCTAssertEqual(ru("\"Да.\", \"нет!\""), "«Да.», «нет!»")
    }

    func testQuoteAfterLineBreakOpens() {
        XCTAssertEqual(kk("Ол айтты:\n\"Иә\""), "Ол айтты:\n«Иә»")
    }

    func testQuoteAfterNoBreakSpaceOpens() {
        XCTAssertEqual(ru("№\u{A0}\"5\""), "№\u{A0}«5»")
    }

    // MARK: - Quote state across runs

    func testOpenQuoteClosesInLaterRun() {
        var state = QuoteState()
        XCTAssertEqual(Typography.apply("\"қалың ", language: "kk", state: &state), "«қалың ")
        XCTAssertEqual(state.depth, 1)
        XCTAssertEqual(Typography.apply("сөз", language: "kk", state: &state), "сөз")
        XCTAssertEqual(Typography.apply(" сөз\"", language: "kk", state: &state), " сөз»")
        XCTAssertEqual(state.depth, 0)
    }

    func testQuotesNestAcrossRuns() {
        XCTAssertEqual(runs(["\"Ол ", "\"сөз\"", " деді\""]), ["«Ол ", "„сөз“", " деді»"])
    }

    func testRunStartingRightAfterWordClosesQuote() {
        XCTAssertEqual(runs(["\"Kaspi", "\" деді"]), ["«Kaspi", "» деді"])
        XCTAssertEqual(kk("\" деді"), "« деді")
    }

    func testUnchangedRunStillTellsNextRunWhatPrecedes() {
        XCTAssertEqual(runs(["«Ол ", "сөз", "\" деді"], language: "ru"), ["«Ол ", "сөз", "» деді"])
    }

    func testSkippedTextSetsNeighbourOfNextRun() {
        var state = QuoteState()
        _ = Typography.apply("Ол айтты:", language: "kk", state: &state)
        state.skip("\n")
        XCTAssertEqual(Typography.apply("\"Иә\"", language: "kk", state: &state), "«Иә»")
    }

    func testConvenienceStartsWithFreshState() {
        XCTAssertEqual(ru("\"а\""), "«а»")
        XCTAssertEqual(ru("\"б\""), "«б»")
    }

    // MARK: - Thousands

    func testKazakhThousandsGroupGetsNoBreakSpace() {
        XCTAssertEqual(kk("Айып 42 500 болды"), "Айып 42\u{A0}500 болды")
    }

    func testRussianMillionGetsNoBreakSpaces() {
        XCTAssertEqual(ru("Всего 1 250 000 человек"), "Всего 1\u{A0}250\u{A0}000 человек")
    }

    func testYearsAreNotJoined() {
        XCTAssertEqual(kk("2020 2021 жылдары"), "2020 2021 жылдары")
    }

    func testFourDigitNumberBeforeThreeDigitGroupIsNotJoined() {
        XCTAssertEqual(ru("В 2020 500 заявок"), "В 2020 500 заявок")
    }

    func testEditorTypedNoBreakSpaceJoinsRestOfNumber() {
        XCTAssertEqual(ru("1\u{A0}250 000"), "1\u{A0}250\u{A0}000")
    }

    func testPhoneNumberIsNotJoined() {
        XCTAssertEqual(kk("Телефон: 8 700 123 45 67"), "Телефон: 8 700 123 45 67")
    }

    func testGroupOfTwoDigitsIsNotJoined() {
        XCTAssertEqual(ru("Пункты 12 34"), "Пункты 12 34")
    }

    // MARK: - Currencies and units

    func testTengeSignAfterGroupedNumber() {
        XCTAssertEqual(kk("42 500 ₸"), "42\u{A0}500\u{A0}₸")
    }

    func testKazakhTengeWordAfterNumber() {
        XCTAssertEqual(kk("42500 теңге айып"), "42500\u{A0}теңге айып")
    }

    func testRussianTengeWordAfterGroupedNumber() {
        XCTAssertEqual(ru("42 500 тенге"), "42\u{A0}500\u{A0}тенге")
    }

    func testInflectedTengeWord() {
        XCTAssertEqual(kk("5000 теңгеден асады"), "5000\u{A0}теңгеден асады")
    }

    func testTgAbbreviation() {
        XCTAssertEqual(kk("100 тг. төлеңіз"), "100\u{A0}тг. төлеңіз")
    }

    func testRoubleAbbreviation() {
        XCTAssertEqual(ru("5 руб."), "5\u{A0}руб.")
    }

    func testRoubleWord() {
        XCTAssertEqual(ru("100 рублей штрафа"), "100\u{A0}рублей штрафа")
    }

    func testUppercaseTengeWord() {
        XCTAssertEqual(kk("500 ТЕҢГЕ"), "500\u{A0}ТЕҢГЕ")
    }

    func testPercentAfterDecimalWithComma() {
        XCTAssertEqual(ru("Рост 3,5 %"), "Рост 3,5\u{A0}%")
    }

    func testPercentAfterNumber() {
        XCTAssertEqual(kk("10 % адам"), "10\u{A0}% адам")
    }

    func testOrdinaryWordAfterNumberKeepsSpace() {
        XCTAssertEqual(kk("10 тамыз"), "10 тамыз")
    }

    // MARK: - №

    func testKazakhNumeroWithSpace() {
        XCTAssertEqual(kk("№ 5 бұйрық"), "№\u{A0}5 бұйрық")
    }

    func testRussianNumeroWithoutSpace() {
        XCTAssertEqual(ru("Приказ №5"), "Приказ №\u{A0}5")
    }

    func testNumeroBeforeDocumentCode() {
        XCTAssertEqual(kk("№ ҚР ДСМ-175/2020 бұйрық"), "№\u{A0}ҚР ДСМ-175/2020 бұйрық")
    }

    func testNumeroEndingRunJoinsNumberInNextRun() {
        XCTAssertEqual(runs(["Бұйрық №", "5", " бойынша"]), ["Бұйрық №", "\u{A0}5", " бойынша"])
    }

    // MARK: - Dashes

    func testKazakhSpacedHyphenBecomesEmDash() {
        XCTAssertEqual(kk("Бұл - жалған хабар"), "Бұл\u{A0}— жалған хабар")
    }

    func testRussianSpacedEnDashBecomesEmDash() {
        XCTAssertEqual(ru("Москва – столица"), "Москва\u{A0}— столица")
    }

    func testSpacedEmDashGetsNoBreakSpaceBefore() {
        XCTAssertEqual(ru("Это — фейк"), "Это\u{A0}— фейк")
    }

    func testSeveralSpacesBeforeDashBecomeOne() {
        XCTAssertEqual(kk("Бұл  - жалған"), "Бұл\u{A0}— жалған")
    }

    func testDialogueDashAtStartStays() {
        XCTAssertEqual(kk("- Иә, - деді ол."), "- Иә,\u{A0}— деді ол.")
        XCTAssertEqual(ru("— Да"), "— Да")
    }

    func testDialogueDashAfterLineBreakStays() {
        XCTAssertEqual(kk("Сұрақ:\n- Иә\n - Жоқ"), "Сұрақ:\n- Иә\n - Жоқ")
    }

    func testDashStartingRunAfterSpaceBecomesEmDash() {
        XCTAssertEqual(runs(["Бұл ", "- жалған"]), ["Бұл ", "— жалған"])
    }

    func testHyphensInsideWordsStay() {
        XCTAssertEqual(kk("1-қадам: өзін-өзі Telegram-да тексеру"), "1-қадам: өзін-өзі Telegram-да тексеру")
    }

    func testMinusBeforeNumberStays() {
        XCTAssertEqual(ru("Температура -5 градусов"), "Температура -5 градусов")
    }

    // MARK: - Addresses stay untouched

    func testQuotesAroundDomainConvert() {
        XCTAssertEqual(kk("\"egov.kz\" порталы"), "«egov.kz» порталы")
    }

    func testClosingQuoteRightAfterDomainConverts() {
        XCTAssertEqual(kk("\"Сайт egov.kz\" жалған емес"), "«Сайт egov.kz» жалған емес")
    }

    func testQuotesInsideURLStay() {
        XCTAssertEqual(ru("См. https://egov.kz/search?q=\"паспорт\" и \"ЦОН\""),
                       "См. https://egov.kz/search?q=\"паспорт\" и «ЦОН»")
    }

    func testNumeroInsideURLStays() {
        XCTAssertEqual(kk("http://site.kz/№5 сайты №5"), "http://site.kz/№5 сайты №\u{A0}5")
    }

    func testDomainStartingWithDigitsIsNotANumber() {
        XCTAssertEqual(kk("Сайт 1 500.enbek.kz және \"42500.enbek.kz\""), "Сайт 1 500.enbek.kz және «42500.enbek.kz»")
    }

    func testHyphenatedDomainBeforeSpacedDash() {
        XCTAssertEqual(kk("egov-kz.com - жалған сайт"), "egov-kz.com\u{A0}— жалған сайт")
    }

    func testHandlesKeepTheirCharacters() {
        XCTAssertEqual(kk("\"@Kenes1414_Bot\" және @Kenes1414Bot"), "«@Kenes1414_Bot» және @Kenes1414Bot")
    }

    func testEmailAndWwwHostStay() {
        XCTAssertEqual(ru("Пишите на info@factcheck.kz или www.factcheck.kz - \"ответим\""),
                       "Пишите на info@factcheck.kz или www.factcheck.kz\u{A0}— «ответим»")
    }

    func testDottedBotNameStays() {
        XCTAssertEqual(kk("EgovKzBot2.0 \"жаңа\" нұсқа"), "EgovKzBot2.0 «жаңа» нұсқа")
    }

    // MARK: - Idempotence

    func testApplyingTwiceEqualsOnce() {
        let text = "\"Кеңес \"1414\"\" - 42 500 ₸, № 5, 10 % және egov.kz\n- Иә"
        let once = kk(text)
        XCTAssertEqual(once, "«Кеңес „1414“»\u{A0}— 42\u{A0}500\u{A0}₸, №\u{A0}5, 10\u{A0}% және egov.kz\n- Иә")
        XCTAssertEqual(kk(once), once)
    }

    func testApplyingTwiceAcrossRunsEqualsOnce() {
        let once = runs(["\"Ол ", "\"сөз\"", " деді\" - ", "- 5 %"], language: "ru")
        XCTAssertEqual(runs(once, language: "ru"), once)
    }

    // MARK: - Unchanged text

    func testAbbreviationsAndYearsStay() {
        XCTAssertEqual(kk("т.б. 2020 ж. 3.5"), "т.б. 2020 ж. 3.5")
    }

    func testTextWithoutAnythingToChangeIsReturnedAsIs() {
        let text = "Өтінімді egov.kz порталы арқылы беріңіз, т.б."
        XCTAssertEqual(kk(text), text)
        XCTAssertFalse(Typography.mayNeedChanges(text, previous: nil))
    }

    func testUnknownLanguageIsUntouched() {
        XCTAssertEqual(Typography.apply("\"quote\" - 42 500 №5", language: "en"), "\"quote\" - 42 500 №5")
    }

    func testRegionSubtagUsesSameRules() {
        XCTAssertEqual(Typography.apply("\"иә\"", language: "kk-KZ"), "«иә»")
    }

    func testEmptyTextStaysEmpty() {
        XCTAssertEqual(kk(""), "")
    }

    func testCodeIsNotRecognisedSoCallersMustSkipIt() {
        // The caller keeps code spans and blocks away from typography; prose rules would apply to them.
        XCTAssertEqual(kk("print(\"a\")"), "print(«a»)")
    }
}
