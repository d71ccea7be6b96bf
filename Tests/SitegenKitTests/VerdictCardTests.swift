import Foundation
import XCTest

@testable import SitegenKit

/// The verdict card of a fact check: from the same front matter as its ClaimReview JSON-LD.
final class VerdictCardTests: XCTestCase {
    static func page(official: String = "official: telegram") -> String {
        """
        ---
        title: "Жалған бот"
        claimReview:
          claim: "EgovKzBot2.0 — ресми бот"
          rating: "Жалған"
          ratingValue: 1
          date: 2020-04-14
          \(official)
        ---

        Мәтін.

        """
    }

    static let config = Fixture.defaultConfig + """
        official:
          - url: "https://t.me/Kenes1414Bot"
            tags: [telegram]
            title: { kk: "@Kenes1414Bot — ресми бот", ru: "@Kenes1414Bot — официальный бот" }

        """

    func testCardShowsVerdictClaimOfficialLinkAndDate() throws {
        let f = try Fixture(config: Self.config, files: ["content/kk/fake.md": Self.page()])
        assertNoErrors(f.build().diagnostics)
        let html = try XCTUnwrap(f.output("kk/fake/index.html"))
        let card = try XCTUnwrap(html.components(separatedBy: "<aside class=\"verdict\"").dropFirst().first?
            .components(separatedBy: "</aside>").first)
        XCTAssertTrue(card.contains("<strong class=\"verdict-rating\">Жалған</strong>"), card)
        XCTAssertTrue(card.contains("<span class=\"fake-name\" translate=\"no\"><span class=\"visually-hidden\">жалған: </span>EgovKzBot2.0</span>"), card)
        XCTAssertTrue(card.contains("ресми бот</p>"), card)
        XCTAssertTrue(card.contains("<a href=\"https://t.me/Kenes1414Bot\">@Kenes1414Bot"), card)
        XCTAssertTrue(card.contains("<time datetime=\"2020-04-14\">2020"), card)
        XCTAssertLessThan(try XCTUnwrap(html.range(of: "class=\"verdict\"")).lowerBound,
                          try XCTUnwrap(html.range(of: "<p>Мәтін.</p>")).lowerBound, "the card comes first")
        // The JSON-LD reviews the same claim with the same rating.
        XCTAssertTrue(html.contains("\"claimReviewed\":\"EgovKzBot2.0 — ресми бот\""))
        XCTAssertTrue(html.contains("\"alternateName\":\"Жалған\""))
    }

    /// Search engines show the claim of the JSON-LD as text: a fake it names is shown as the card shows
    /// it, defanged when a client would link it, never as written.
    func testTheStructuredClaimShowsFakesAsTheCardDoes() throws {
        let page = Self.page().replacingOccurrences(of: "EgovKzBot2.0 — ресми бот",
                                                    with: "egov-kz.com және https://egov-kz.com/pay — ресми сайт")
        let f = try Fixture(config: Self.config, files: ["content/kk/fake.md": page])
        assertNoErrors(f.build().diagnostics)
        let html = try XCTUnwrap(f.output("kk/fake/index.html"))
        XCTAssertTrue(html.contains("\"claimReviewed\":\"egov-kz[.]com және hxxps://egov-kz[.]com/pay — ресми сайт\""), html)
        XCTAssertFalse(html.contains("egov-kz.com"), html)
    }

    func testTagNoOfficialEntryHasIsAnErrorAtItsLine() throws {
        let f = try Fixture(config: Self.config, files: ["content/kk/fake.md": Self.page(official: "official: portall")])
        let errors = f.build().diagnostics.filter { $0.code == "guide.official-links" }
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.line, 8)
        XCTAssertTrue(errors.first?.message.contains("'portall'") ?? false, errors.first?.message ?? "")
        XCTAssertTrue(errors.first?.message.contains("telegram") ?? false)
    }

    func testOfficialMustBeATagOrAList() throws {
        let f = try Fixture(config: Self.config, files: ["content/kk/fake.md": Self.page(official: "official: {a: b}")])
        XCTAssertTrue(f.build().diagnostics.contains { $0.code == "frontmatter.claimReview" && $0.line == 8 })
        let list = try Fixture(config: Self.config, files: ["content/kk/fake.md": Self.page(official: "official: [telegram]")])
        assertNoErrors(list.build().diagnostics)
    }

    func testPageWithoutClaimReviewHasNoCard() throws {
        let f = try Fixture(files: ["content/kk/plain.md": "---\ntitle: \"Бет\"\n---\n\nМәтін.\n"])
        assertNoErrors(f.build().diagnostics)
        XCTAssertFalse(try XCTUnwrap(f.output("kk/plain/index.html")).contains("verdict"))
    }
}
