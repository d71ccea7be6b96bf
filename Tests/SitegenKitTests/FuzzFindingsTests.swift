import XCTest

@testable import SitegenKit

/// Inputs `make fuzz` stopped on, kept as ordinary tests with what was learnt from each.
final class FuzzFindingsTests: XCTestCase {
    /// FuzzPage stopped on this bare autolink with a quote, `>` and `'` in it: cmark-gfm writes the `'` of
    /// the href as `&#x27;`, which the fuzz target judged as written. Read as a browser reads it, the
    /// published href leads to the official host only, and the policy accepts it.
    func testBareAutolinkWithQuoteAndApostropheIsPublishedAsAnOfficialHref() throws {
        let body = "<b>Заявка</b>\n\nПодайте заявку на egov.kz —https://egov.kz/r%Dgov.kz/\">htt's://egov.(https>."
        let fixture = try Fixture()
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + body)
        let report = fixture.build()
        assertNoErrors(report.diagnostics)
        let page = try XCTUnwrap(fixture.output("kk/test/index.html"))
        XCTAssertTrue(page.contains("href=\"https://egov.kz/r%Dgov.kz/%22%3Ehtt&#x27;s://egov.(https%3E\""), page)

        let options = BuildOptions(sourceDirectory: fixture.root)
        let setup = try XCTUnwrap(SiteSetup.load(options).0)
        // The href as a browser reads it (`&#x27;` is `'`): one official address, accepted.
        XCTAssertEqual(setup.inspector.judge.judge("https://egov.kz/r%Dgov.kz/%22%3Ehtt's://egov.(https%3E").map(\.code), [])
    }
}
