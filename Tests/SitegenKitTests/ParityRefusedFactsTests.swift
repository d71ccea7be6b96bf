import XCTest

@testable import SitegenKit

/// A fact refused where it stands (an unofficial link, already an error) is not compared with the
/// translation again; every other fact still is.
final class ParityRefusedFactsTests: XCTestCase {
    private func page(_ language: String, _ links: [(String, Int)]) -> PageFacts {
        var facts = PageFacts(sourcePath: "content/\(language)/a.md", language: language, translationKey: "a", lastmod: nil)
        for (link, line) in links { facts.add(.link, key: link, shown: link, at: { (line, 1) }) }
        return facts
    }

    func testARefusedLinkIsNotReportedAgainAsMissingFromTheTranslation() {
        let kk = page("kk", [("https://egov.kz/", 3), ("https://evil.example/", 5)])
        let ru = page("ru", [("https://egov.kz/", 3)])
        let compared = ParityCheck.check([kk, ru], languages: ["kk", "ru"], defaultLanguage: "kk")
        XCTAssertEqual(compared.map(\.code), ["parity.link"], "the unrefused difference is reported")
        let refused = ParityCheck.check([kk, ru], languages: ["kk", "ru"], defaultLanguage: "kk",
                                        refused: ["content/kk/a.md:5:1"])
        XCTAssertEqual(refused.map(\.code), [])
        // A refusal elsewhere in the page leaves its other facts compared.
        let elsewhere = ParityCheck.check([kk, ru], languages: ["kk", "ru"], defaultLanguage: "kk",
                                          refused: ["content/kk/a.md:9:1", "content/ru/b.md:5:1"])
        XCTAssertEqual(elsewhere.map(\.code), ["parity.link"])
    }
}
