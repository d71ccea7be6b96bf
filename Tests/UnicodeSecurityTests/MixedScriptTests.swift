import UnicodeSecurity
import XCTest

final class MixedScriptTests: XCTestCase {
    func testLatinWithCyrillicIsMixed() {
        XCTAssertTrue(MixedScript.isMixedScript("\u{0435}gov")) // Cyrillic е + Latin
        XCTAssertEqual(MixedScript.restrictionLevel(of: "\u{0435}gov"), .minimallyRestrictive)
        XCTAssertTrue(MixedScript.isMixedScript("\u{0415}GOV"))
    }

    func testSingleScriptLabelsAreNotMixed() {
        XCTAssertFalse(MixedScript.isMixedScript("egov"))
        XCTAssertEqual(MixedScript.restrictionLevel(of: "egov"), .ascii)
        XCTAssertFalse(MixedScript.isMixedScript("егов"))
        XCTAssertEqual(MixedScript.restrictionLevel(of: "егов"), .singleScript)
        XCTAssertEqual(MixedScript.restrictionLevel(of: "қаз"), .singleScript)
    }

    func testDigitsAndHyphensGoWithAnyScript() {
        XCTAssertFalse(MixedScript.isMixedScript("42500"))
        XCTAssertFalse(MixedScript.isMixedScript("42500enbek"))
        XCTAssertFalse(MixedScript.isMixedScript("42500-егов"))
        XCTAssertFalse(MixedScript.isMixedScript("егов.қаз"))
    }

    func testLevelsBetweenHighlyAndMinimally() {
        XCTAssertEqual(MixedScript.restrictionLevel(of: "日本語とカタカナlatin"), .highlyRestrictive)
        XCTAssertFalse(MixedScript.isMixedScript("日本語とカタカナlatin"))
        XCTAssertEqual(MixedScript.restrictionLevel(of: "abc\u{0627}\u{0628}"), .moderatelyRestrictive)
        XCTAssertTrue(MixedScript.isMixedScript("abc\u{0627}\u{0628}"))
        XCTAssertEqual(MixedScript.restrictionLevel(of: "abcαβγ"), .minimallyRestrictive)
    }

    func testLevelsAreOrdered() {
        XCTAssertEqual(RestrictionLevel.allCases.sorted(), RestrictionLevel.allCases)
        XCTAssertLessThan(RestrictionLevel.ascii, .singleScript)
        XCTAssertGreaterThan(RestrictionLevel.unrestricted, .minimallyRestrictive)
        XCTAssertEqual(RestrictionLevel.highlyRestrictive.description, "Highly Restrictive")
    }

    func testScriptsForDiagnostics() {
        XCTAssertEqual(MixedScript.scripts(in: "\u{0435}gov.kz"), ["Cyrl", "Latn"])
        XCTAssertEqual(MixedScript.scripts(in: "42500.enbek.kz"), ["Latn"])
        XCTAssertEqual(MixedScript.scripts(in: "123-."), [])
    }
}
