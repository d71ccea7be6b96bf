import XCTest

@testable import SitegenKit

/// Markup the Nu HTML Checker refuses, which `make validate` found on pages the real content does not
/// yet have: each case is built here so a template or renderer change cannot bring it back unseen.
final class HTMLValidityTests: XCTestCase {
    /// `align` on table cells is obsolete in HTML and `style=` is refused by the site's
    /// Content-Security-Policy; the alignment an editor asks for is kept as a class.
    func testAlignedTableCellsCarryAClassNotTheObsoleteAttributeOrAStyle() throws {
        let (html, diagnostics) = try Fixture.render("""
            | Сол | Орта | Оң |
            | :--- | :---: | ---: |
            | а | ә | б |
            """)
        assertNoErrors(diagnostics)
        let page = try XCTUnwrap(html)
        XCTAssertFalse(page.contains(" align="), page)
        XCTAssertFalse(page.contains(" style="), page)
        XCTAssertTrue(page.contains("<th class=\"align-center\">Орта</th>"), page)
        XCTAssertTrue(page.contains("<td class=\"align-right\">б</td>"), page)
        XCTAssertTrue(page.contains("<td class=\"align-left\">а</td>"), page)
    }

    /// A page without `date` or `lastmod` shows no "updated" line rather than `<time datetime="">`.
    func testPageWithoutADateHasNoEmptyTimeElement() throws {
        let (html, diagnostics) = try Fixture.render("Мәтін.\n")
        assertNoErrors(diagnostics)
        let page = try XCTUnwrap(html)
        XCTAssertFalse(page.contains("<time"), page)
        XCTAssertFalse(page.contains("class=\"updated\""), page)
    }

    /// With a date the line is there, with a valid `datetime`.
    func testPageWithADateShowsIt() throws {
        let fixture = try Fixture()
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\nlastmod: 2020-04-14\n---\nМәтін.\n")
        assertNoErrors(fixture.build().diagnostics)
        let page = try XCTUnwrap(fixture.output("kk/test/index.html"))
        XCTAssertTrue(page.contains("<time datetime=\"2020-04-14\">"), page)
    }
}
