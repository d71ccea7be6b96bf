import UnicodeSecurity
import XCTest

final class ConfusablesTests: XCTestCase {
    func testCyrillicLookalikeHasTheOfficialSkeletonAfterIDNAMapping() throws {
        let lookalike = "\u{0415}GOV.kz" // Cyrillic capital Е
        let mapped = try XCTUnwrap(IDNA.toUnicode(lookalike).value)
        XCTAssertEqual(mapped, "\u{0435}gov.kz")
        XCTAssertEqual(Confusables.skeleton(mapped), Confusables.skeleton("egov.kz"))
        XCTAssertTrue(Confusables.areConfusable(mapped, "egov.kz"))
        XCTAssertNotEqual(mapped, "egov.kz")
    }

    func testSkeletonsAreCaseSensitive() {
        // Why callers must map with IDNA first.
        XCTAssertNotEqual(Confusables.skeleton("\u{0415}GOV.kz"), Confusables.skeleton("egov.kz"))
        XCTAssertFalse(Confusables.areConfusable("EGOV.KZ", "egov.kz"))
    }

    func testClassicConfusables() {
        XCTAssertTrue(Confusables.areConfusable("p\u{0430}ypal", "paypal")) // Cyrillic а
        XCTAssertTrue(Confusables.areConfusable("rn", "m"))
        XCTAssertTrue(Confusables.areConfusable("1ogin", "login"))
        XCTAssertEqual(Confusables.skeleton("m"), Confusables.skeleton("rn"))
    }

    func testDifferentNamesAreNotConfusable() {
        XCTAssertFalse(Confusables.areConfusable("egov.kz", "enbek.kz"))
        XCTAssertNotEqual(Confusables.skeleton("egov.kz"), Confusables.skeleton("enbek.kz"))
    }

    func testIdenticalStringsAreConfusable() {
        XCTAssertTrue(Confusables.areConfusable("egov.kz", "egov.kz"))
        XCTAssertTrue(Confusables.areConfusable("", ""))
        XCTAssertEqual(Confusables.skeleton(""), "")
    }

    func testSkeletonLongerThanFirstBufferGuess() {
        // U+FDFA expands to a whole Arabic phrase in its skeleton.
        let one = Confusables.skeleton("\u{FDFA}")
        XCTAssertGreaterThan(one.utf8.count, 20)
        XCTAssertEqual(Confusables.skeleton(String(repeating: "\u{FDFA}", count: 12)), String(repeating: one, count: 12))
    }
}
