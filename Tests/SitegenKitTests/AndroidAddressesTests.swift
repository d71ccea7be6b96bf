import Foundation
import XCTest
@testable import SitegenPolicy

/// The addresses Android's `Linkify` links in a message: where they start, where they end, and what is
/// no address to it, so that the digits a phone offers to call are never taken for part of one.
final class AndroidAddressesTests: XCTestCase {
    /// The texts of the spans found in `text`.
    private func linked(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        return AndroidAddresses.spans(in: text).map { String(String.UnicodeScalarView(s[$0])) }
    }

    func testAnAddressStartsAtAWordBoundaryAndEndsAtOne() {
        XCTAssertEqual(linked("Сайт: https://egov.kz/kk/1234567, тегін."), ["https://egov.kz/kk/1234567"])
        XCTAssertEqual(linked("сайтhttps://egov.kz/kk/1234567"), [])
        XCTAssertEqual(linked("2020https://egov.kz/kk/1234567"), [])
        XCTAssertEqual(linked("x_https://egov.kz/1"), [])
        // At the end of the text the last mark stays; before a space the address backs off to a word's end.
        XCTAssertEqual(linked("https://egov.kz/a."), ["https://egov.kz/a."])
        XCTAssertEqual(linked("https://egov.kz/a. Келесі"), ["https://egov.kz/a"])
        // Characters beyond ASCII go on a path, `»` among them, up to the word boundary.
        XCTAssertEqual(linked("«https://egov.kz/1234567»"), ["https://egov.kz/1234567»"])
        XCTAssertEqual(linked("«https://egov.kz/1234567» деп"), ["https://egov.kz/1234567"])
    }

    func testAPathStartsOnlyAfterASlashOrAQuestionMark() {
        XCTAssertEqual(linked("https://egov.kz#1234567"), ["https://egov.kz"])
        XCTAssertEqual(linked("https://egov.kz?id=1234567"), ["https://egov.kz?id=1234567"])
        XCTAssertEqual(linked("https://egov.kz:443/1234567"), ["https://egov.kz:443/1234567"])
        XCTAssertEqual(linked("https://egov.kz/ru/жаңалықтар/(1234567);x,y'z"), ["https://egov.kz/ru/жаңалықтар/(1234567);x,y'z"])
        XCTAssertEqual(linked("https://egov.kz/a|2581234"), ["https://egov.kz/a"])
    }

    /// Android reads a user's name before the host wherever it can, which may end the address sooner.
    func testAUsersNameBeforeTheHostIsReadAsAndroidReadsIt() {
        XCTAssertEqual(linked("https://egov.kz?to=info@egov.kz&id=1234567"), ["https://egov.kz?to=info@egov.kz"])
        XCTAssertEqual(linked("https://user:1234567@egov.kz/kk"), ["https://user:1234567@egov.kz/kk"])
        // Past the `@`, a long host is not read either.
        XCTAssertEqual(linked("https://a@" + String(repeating: "b", count: 30) + "_1234567"), [])
    }

    func testWithoutASchemeOnlyAKnownTopLevelDomainMakesAnAddress() {
        XCTAssertEqual(linked("Толығы: egov.kz/kk/1234567 бетінде"), ["egov.kz/kk/1234567"])
        XCTAssertEqual(linked("t.me/Kenes1414Bot"), ["t.me/Kenes1414Bot"])
        XCTAssertEqual(linked("file.txt1234567 және abc://egov.kz/kk/1234567"), [])
    }

    func testAHandleIsNoAddressAndAnEMailAddressIs() {
        XCTAssertEqual(linked("@Akimat7172555Bot"), [])
        XCTAssertEqual(linked("Хат: a1234567@egov.kz, тегін"), ["a1234567@egov.kz"])
        XCTAssertEqual(linked("a1234567@egov"), [])
        XCTAssertEqual(linked("1741433«info@egov.kz"), ["1741433«info@egov.kz"])
    }

    /// A host whose run of characters with no dot Android's pattern would read in exponentially many
    /// ways is not read at all, at once: its digits count as a number.
    func testAHostThatWouldTakeTheRegularExpressionSecondsIsNoAddress() {
        let started = Date()
        XCTAssertEqual(linked("https://" + String(repeating: "a", count: 40) + "_1234567"), [])
        XCTAssertEqual(linked(String(repeating: "https://abcdefghijklmno_ ", count: 9)), [])
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "read without the guard, these take seconds")
        XCTAssertEqual(linked("https://gosuslugi.enbek.kz/kk/1234567"), ["https://gosuslugi.enbek.kz/kk/1234567"])
    }

    /// Of two that overlap, the one that starts first stays, else the longer; as long, both stay.
    func testOverlapsAreResolvedAsLinkifyResolvesThem() {
        XCTAssertEqual(AndroidAddresses.withoutOverlaps([0..<10, 2..<5]), [0..<10])
        XCTAssertEqual(AndroidAddresses.withoutOverlaps([0..<4, 2..<12]), [2..<12])
        XCTAssertEqual(AndroidAddresses.withoutOverlaps([0..<8, 4..<10]), [0..<8])
        XCTAssertEqual(AndroidAddresses.withoutOverlaps([0..<6, 3..<9]), [0..<6, 3..<9])
    }
}
