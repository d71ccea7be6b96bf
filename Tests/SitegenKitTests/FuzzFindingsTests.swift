import XCTest

@testable import SitegenKit

/// Inputs `make fuzz` stopped on, kept as ordinary tests with what was learnt from each.
final class FuzzFindingsTests: XCTestCase {
    /// FuzzPage stopped on this bare autolink with a quote, `>` and `'` in it: cmark-gfm writes the `'` of
    /// the href as `&#x27;`, which the fuzz target judged as written. Read as a browser reads it, the
    /// href leads to the official host, but it is not written as any client reads it alike (a percent
    /// sign without two hex digits, another address in its path, a final character apps leave out):
    /// refused at the address, and nothing is published.
    func testBareAutolinkWithQuoteAndApostropheIsRefusedAsNotCanonical() throws {
        let body = "<b>Заявка</b>\n\nПодайте заявку на egov.kz —https://egov.kz/r%Dgov.kz/\">htt's://egov.(https>."
        let fixture = try Fixture()
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + body)
        let report = fixture.build()
        assertDiagnostic(report.diagnostics, code: "link.noncanonical", line: 6, column: 28)
        XCTAssertFalse(report.published)
        XCTAssertNil(fixture.output("kk/test/index.html"))

        let options = BuildOptions(sourceDirectory: fixture.root)
        let setup = try XCTUnwrap(SiteSetup.load(options).0)
        // The href as a browser reads it (`&#x27;` is `'`) is refused too.
        XCTAssertEqual(setup.inspector.judge.judge("https://egov.kz/r%Dgov.kz/%22%3Ehtt's://egov.(https%3E").map(\.code),
                       ["link.noncanonical"])
    }
}
