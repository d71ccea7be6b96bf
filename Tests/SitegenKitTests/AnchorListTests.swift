import XCTest

@testable import SitegenKit

/// A page's anchors as the check of internal links keeps them: the same answers as the list of
/// strings it replaced.
final class AnchorListTests: XCTestCase {
    func testNamesAreFoundAsTheyWereGivenAndNothingElse() {
        let long = String(repeating: "қадам-", count: 40)  // 480 bytes: a length of more than one byte
        let list = AnchorList(["check-1", "main", "step-1", "step-12", long, "қадамдар"])
        for id in ["check-1", "main", "step-1", "step-12", long, "қадамдар"] { XCTAssertTrue(list.contains(id), id) }
        for id in ["", "step-", "step-2", "step-123", "Main", long + "x", String(long.dropLast()), "қадам"] {
            XCTAssertFalse(list.contains(id), id)
        }
        XCTAssertEqual(list.ids, ["check-1", "main", "step-1", "step-12", long, "қадамдар"])
        XCTAssertEqual(AnchorList([]).ids, [])
        XCTAssertFalse(AnchorList([]).contains(""))
        XCTAssertTrue(AnchorList([""]).contains(""))
    }

    func testANameInAnotherNormalFormIsTheSameName() {
        // «й» typed as «и» and a combining breve, and a Kelvin sign for K: equal strings, other bytes.
        let list = AnchorList(["йод", "\u{212A}elvin"])
        XCTAssertTrue(list.contains("и\u{306}од"))
        XCTAssertTrue(list.contains("Kelvin"))
        XCTAssertFalse(list.contains("иод"))
    }

    /// Swift orders "й" followed by U+037E (which is ";" in another form) neither before nor after a
    /// decomposed "й", so a sorted list searched by halving missed a name it held. Every name is found.
    func testEveryNameIsFoundWhereStringOrderIsNotTotal() {
        let ids = ["\n\u{E9}", "\u{1100}\u{1161}\u{FFFD}\u{1100}\u{1161}", "\u{438}\u{306}",
                   "\u{1F1F0}\u{1F1FF}\u{438}\u{306}\u{1F1F0}\u{1F1FF}", "\u{439}\u{37E}", "\n\u{1F1F0}\u{1F1FF}\u{212A}"]
        let list = AnchorList(ids.sorted())
        for id in ids { XCTAssertTrue(list.contains(id), "\(id.unicodeScalars.map(\.value))") }
        XCTAssertTrue(list.contains("\u{439};"), "the same name in its other form")
    }
}
