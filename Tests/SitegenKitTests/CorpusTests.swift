import Foundation
import XCTest

@testable import SitegenKit

/// Pages from the shared benchmark corpus generator build clean: nothing official is flagged.
final class CorpusTests: XCTestCase {
    func testGeneratedCorpusHasNoErrors() throws {
        let f = try Fixture.generatedCorpus(pages: 24)
        let report = f.build()
        assertNoErrors(report.diagnostics)
        XCTAssertEqual(report.pagesPerLanguage.map(\.count), [25, 25], "24 pages and a home per language")
        XCTAssertTrue(report.published)
        let page = try XCTUnwrap(f.output("kk/s00/page-00003/index.html"))
        XCTAssertTrue(page.contains("class=\"alert alert-warning\""), "the warning block is rendered as an alert")
        XCTAssertTrue(page.contains("class=\"defanged\"") || page.contains("class=\"fake-name\""),
                      "fake names in the warning are defanged or marked")
        // Every Telegram bulletin of the corpus is one the Bot API accepts, within its limits.
        let files = (FileManager.default.enumerator(atPath: f.siteDirectory + "/bulletins")?.allObjects as? [String] ?? [])
            .filter { ($0 as NSString).lastPathComponent.hasPrefix("telegram") }
        XCTAssertEqual(files.count, 48, "one per written page (the homes are generated)")
        for file in files {
            let parsed = try TelegramHTMLValidator.parse(try XCTUnwrap(f.output("bulletins/" + file)))
            XCTAssertLessThanOrEqual(parsed.utf16Length, 4096, file)
            XCTAssertLessThanOrEqual(parsed.entities, 100, file)
        }
    }
}
