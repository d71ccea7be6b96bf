import Foundation
import XCTest

@testable import SitegenKit

/// Pages from the shared benchmark corpus generator build clean: nothing official is flagged.
final class CorpusTests: XCTestCase {
    func testGeneratedCorpusHasNoErrors() throws {
        let generator = Fixture.repository + "/../shared/bench/gen_corpus.py"
        guard FileManager.default.fileExists(atPath: generator) else { throw XCTSkip("no corpus generator beside the checkout") }
        let f = try Fixture()
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", generator, "--pages", "24", "--out", f.root]
        try python.run()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0)
        let report = f.build()
        assertNoErrors(report.diagnostics)
        XCTAssertEqual(report.pagesPerLanguage.map(\.count), [25, 25], "24 pages and a home per language")
        XCTAssertTrue(report.published)
        let page = try XCTUnwrap(f.output("kk/s00/page-00003/index.html"))
        XCTAssertTrue(page.contains("class=\"alert alert-warning\""), "the warning block is rendered as an alert")
        XCTAssertTrue(page.contains("class=\"defanged\""), "fake names in the warning are defanged")
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
