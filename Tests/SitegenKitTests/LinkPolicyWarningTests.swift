import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// Known fakes may be named, never linked, inside `> [!WARNING]` and `> [!CAUTION]`.
final class LinkPolicyWarningTests: XCTestCase {
    // MARK: - What a warning may name

    func testFakeDomainInWarningIsAccepted() throws {
        let d = try Fixture.check("> [!WARNING]\n> Жалған сайт: egov-kz.com\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testFakeDomainInWarningIsRenderedDefanged() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> Жалған сайт: egov-kz.com\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">egov-kz[.]com</span>"), page)
        XCTAssertFalse(page.contains("egov-kz.com"), page)
    }

    /// A fullwidth name opens as its ASCII form (a browser's IDNA maps it): the fake is named in a
    /// warning, defanged, and refused outside one; an unlisted fullwidth name is refused as itself.
    func testFullwidthNamesAreJudgedAsTheNameTheyOpen() throws {
        let fullwidth = "\u{FF45}\u{FF47}\u{FF4F}\u{FF56}\u{FF0D}\u{FF4B}\u{FF5A}\u{FF0E}\u{FF43}\u{FF4F}\u{FF4D}"
        let (html, d) = try Fixture.render("> [!WARNING]\n> Жалған сайт: \(fullwidth)\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("[\u{FF0E}]"), page)
        XCTAssertFalse(page.contains(fullwidth), page)
        LinkPolicyAssert.onlyError(try Fixture.check("Сайт: \(fullwidth)\n"), code: "text.fake", line: 4, column: 7)
        LinkPolicyAssert.onlyError(try Fixture.check("Сайт: \u{FF45}\u{FF56}\u{FF49}\u{FF4C}\u{FF0E}\u{FF43}\u{FF4F}\u{FF4D}\n"),
                                   code: "text.domain", line: 4, column: 7, messageContains: "evil.com")
    }

    func testFakeHandleInCautionIsAccepted() throws {
        let d = try Fixture.check("> [!CAUTION]\n> @Kenes1414_Bot ботына жазбаңыз.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testFakeBotNameInWarningIsRenderedAsWrittenOutsideLinks() throws {
        // No client links `EgovKzBot2.0`: it is shown as written, marked as fake, never a link.
        let (html, d) = try Fixture.render("> [!WARNING]\n> EgovKzBot2.0 деп іздемеңіз.\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("<span class=\"fake-name\" translate=\"no\"><span class=\"visually-hidden\">жалған: </span>EgovKzBot2.0</span> деп"), page)
        XCTAssertEqual(page.components(separatedBy: "EgovKzBot2.0").count, 2, "once, in its mark")
        XCTAssertFalse(page.contains("<a href=\"https://t.me/EgovKzBot"), page)
    }

    func testFakeBotNameInCodeSpanInWarningIsAccepted() throws {
        let d = try Fixture.check("> [!WARNING]\n> Іздеуде `EgovKzBot2.0` деп жазсаңыз, жалған боттар шығады.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testBareWwwFakeDomainInWarningIsDefangedAndNotLinked() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> Жалған: www.egov-kz.com\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">www[.]egov-kz[.]com</span>"), page)
        XCTAssertFalse(page.contains("egov-kz.com"), page)
    }

    // MARK: - What a warning may not do

    func testLinkToFakeDomainInsideWarningIsError() throws {
        let d = try Fixture.check("> [!WARNING]\n> Сайт: [мұнда](https://egov-kz.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 5, column: 9)
    }

    func testBareURLToFakeBotInsideWarningIsError() throws {
        let d = try Fixture.check("> [!WARNING]\n> Бот: https://t.me/Kenes1414_Bot\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.fake", line: 5, column: 8)
    }

    func testNoteDoesNotAllowFakeDomain() throws {
        let d = try Fixture.check("> [!NOTE]\n> egov-kz.com\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 5, column: 3)
    }

    func testPlainBlockQuoteDoesNotAllowFakeName() throws {
        let d = try Fixture.check("> Ескерту: EgovKzBot2.0 жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 12)
    }

    func testUnknownHandleInWarningIsStillError() throws {
        let d = try Fixture.check("> [!WARNING]\n> @RandomBot жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 5, column: 3)
    }

    func testUnknownDomainInWarningIsStillError() throws {
        let d = try Fixture.check("> [!WARNING]\n> Сайт random-site.kz жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 5, column: 8)
    }

    func testTextAfterWarningIsNotInsideIt() throws {
        let d = try Fixture.check("> [!WARNING]\n> Абай болыңыз.\n\negov-kz.com\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 7, column: 1)
    }

    // MARK: - More forms inside warnings

    func testEmailAtFakeDomainInWarningIsAccepted() throws {
        let d = try Fixture.check("> [!WARNING]\n> Жалған хаттар support@egov-kz.com мекенжайынан келеді.\n")
        LinkPolicyAssert.noErrors(d)
    }

    /// Every scheme in a fake's address is defanged, not only the first: Telegram links `https://x` of a
    /// second one however its dots are bracketed, and the bulletin's last look refused what the page
    /// check had passed (`check` said nothing, `build` failed).
    func testEverySchemeInAFakesAddressIsDefanged() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Ескерту\"\n---\n> [!WARNING]\n> Жалған: https://egov-kz.com/?u=https://x.egov-kz.com&v=ftp://egov-kz.com\n"])
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        let page = try XCTUnwrap(f.output("kk/a/index.html"))
        XCTAssertTrue(page.contains("hxxps://egov-kz[.]com/?u=hxxps://x[.]egov-kz[.]com&amp;v=ftp[:]//egov-kz[.]com"), page)
        let telegram = try XCTUnwrap(f.output("bulletins/kk/a/telegram.html"))
        XCTAssertFalse(telegram.contains("https://x"), telegram)
        XCTAssertEqual(Defang.text("HTTPS://egov-kz.com/"), "hxxps://egov-kz[.]com/")
    }

    func testWrittenOutURLOfFakeDomainInWarningIsDefangedAndNotLinked() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> Жалған: https://egov-kz.com/pay\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">hxxps://egov-kz[.]com/pay</span>"), page)
        XCTAssertFalse(page.contains("egov-kz.com"), page)
    }

    func testAngleAutolinkToFakeDomainInWarningIsError() throws {
        let d = try Fixture.check("> [!WARNING]\n> <https://egov-kz.com/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 5, column: 3)
    }

    func testMarkerWithTextOnSameLineIsNotAWarning() throws {
        let d = try Fixture.check("> [!WARNING] egov-kz.com\n")
        // Still no warning, so the fake is refused; and the marker is reported with the fix.
        XCTAssertEqual(LinkPolicyAssert.errors(d).map { "\($0.code) \($0.line):\($0.column)" },
                       ["markdown.alert 4:3", "text.fake 4:14"], LinkPolicyAssert.listing(d))
        XCTAssertTrue(d.contains { $0.message.contains("move the text after it to the next line") })
    }

    func testFakeHandleWithoutAtSignInWarningIsAccepted() throws {
        let d = try Fixture.check("> [!WARNING]\n> Kenes1414_Bot — жалған бот.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testWarningInsideListItemAllowsFakeDomain() throws {
        let d = try Fixture.check("- Ескерту:\n\n  > [!WARNING]\n  > egov-kz.com жалған.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testFakeDomainInCodeBlockInsideWarningIsRenderedDefanged() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> ```\n> egov-kz.com\n> ```\n")
        LinkPolicyAssert.noErrors(d)
        let page = try XCTUnwrap(html)
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">egov-kz[.]com</span>"), page)
        XCTAssertFalse(page.contains("egov-kz.com"), page)
    }

    func testInlineLinkToFakeDomainWithURLAsTextInsideWarningIsError() throws {
        // Written as a link, even if its text repeats the address: still a link to a fake.
        let d = try Fixture.check("> [!WARNING]\n> [https://egov-kz.com/](https://egov-kz.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 5, column: 3)
    }
}
