import Foundation
import XCTest

@testable import SitegenKit

/// Ways around the policy found by trying to break it, each now closed.
final class LinkPolicyReviewTests: XCTestCase {
    func testMailtoWithSeveralRecipientsJudgesEveryAddress() throws {
        for dest in ["mailto:a@evil.com%2Cinfo@egov.kz", "mailto:a@evil.com;info@egov.kz",
                     "mailto:a%40evil.com@egov.kz", "mailto:info@egov.kz?%74o=a@evil.com", "mailto:info@egov.kz?cc%20=a@evil.com"] {
            let d = try Fixture.check("[Жазу](\(dest))\n")
            XCTAssertTrue(d.contains { $0.code == "link.host" && $0.line == 4 && $0.column == 1 }, "\(dest): \(d)")
        }
        assertNoErrors(try Fixture.check("[Жазу](mailto:info@egov.kz?subject=42%20500)\n"))
    }

    func testTelegramResolveWithOtherParametersIsRefused() throws {
        for dest in ["tg://resolve?domain=Kenes1414Bot&phone=77001234567", "tg://resolve?domain=Kenes1414Bot&domain=EvilBot123",
                     "tg://resolve?domain=Kenes1414Bot&DOMAIN=EvilBot123"] {
            let d = try Fixture.check("[бот](\(dest))\n")
            XCTAssertTrue(d.contains { $0.code == "link.scheme" && $0.line == 4 }, "\(dest): \(d)")
        }
        assertNoErrors(try Fixture.check("[@Kenes1414Bot](https://t.me/Kenes1414Bot?start=42500)\n"))
    }

    /// Raw HTML is dropped, and the page shows a space in its place: no app links the pieces as one name,
    /// but a reader reads `evil .com` and `@ EvilBot123` as the name, each once.
    func testDroppedRawHTMLIsReadAsTheSpaceThePageShows() throws {
        let d = try Fixture.check("Ашыңыз evil<x>.com/login және evil<!---->.com, @<x>EvilBot123\n")
        XCTAssertEqual(d.filter { $0.severity == .error }.map { "\($0.line):\($0.column) \($0.code)" },
                       ["4:8 text.domain", "4:31 text.domain", "4:48 telegram.unknown"], "\(d)")
        let (html, fine) = try Fixture.render("Ашыңыз <b>egov</b>.kz және маңызды<x>. Ол келді.\n")
        XCTAssertFalse(fine.hasErrors, "\(fine)")
        XCTAssertFalse(try XCTUnwrap(html).contains("egov.kz"), "the pieces stay apart")
    }

    func testFakeNameAsLinkTextIsAnErrorEverywhere() throws {
        assertDiagnostic(try Fixture.check("[EgovKzBot2.0](https://t.me/Kenes1414Bot)\n"), code: "link.fake-text", line: 4, column: 2)
        assertDiagnostic(try Fixture.check("> [!WARNING]\n> [EgovKzBot2.0 ботын](https://egov.kz/) іздемеңіз\n"),
                         code: "link.fake-text", line: 5, column: 4)
    }

    func testInvisibleCharacterInTextIsAnError() throws {
        let d = try Fixture.check("Мына бот: Egov\u{200B}KzBot2.0\n")
        assertDiagnostic(d, code: "text.invisible", line: 4, column: 15)
    }

    func testFullwidthDotsAndAtInTextAreRead() throws {
        XCTAssertTrue(try Fixture.check("Сайт: evil．com\n").contains { $0.code == "text.domain" && $0.line == 4 })
        XCTAssertTrue(try Fixture.check("Сайт: evil。com\n").contains { $0.code == "text.domain" && $0.line == 4 })
        XCTAssertTrue(try Fixture.check("Бот: ＠EvilBot123\n").contains { $0.code == "telegram.unknown" && $0.line == 4 })
    }

    func testAddressInTheQueryOfAnOfficialLinkIsAnError() throws {
        // A Telegram link takes no parameter but start=<token>.
        let d = try Fixture.check("[бот](https://t.me/Kenes1414Bot?start=x&url=https://evil.com)\n")
        assertDiagnostic(d, code: "link.noncanonical", line: 4, column: 1)
        assertDiagnostic(try Fixture.check("<https://egov.kz/?u=www.evil.com>\n"), code: "link.query", line: 4, column: 1)
        assertNoErrors(try Fixture.check("[egov](https://egov.kz/?lang=kk#step-3)\n"))
    }

    func testHeadingsAndChecklistsInsideStepsRender() throws {
        let f = try Fixture()
        try f.write("content/kk/g.md", "---\ntitle: G\nkind: guide\n---\n1. ## Тақырып\n2. Қадам\n   - [ ] ЖСН\n3. Соңы\n")
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let page = HTMLParser.parse(try XCTUnwrap(f.output("kk/g/index.html")))
        let steps = try XCTUnwrap(page.first("ol") { $0.classes.contains("steps") })
        XCTAssertEqual(steps.elements.map { $0["id"] }, ["step-1", "step-2", "step-3"])
        XCTAssertNotNil(steps.first("h2"))
        XCTAssertNotNil(steps.first("input") { $0["type"] == "checkbox" })
    }
}

final class ClaimReviewPolicyTests: XCTestCase {
    func testClaimMayNameTheFakeButNothingElseUnofficial() throws {
        let f = try Fixture()
        try f.write("content/kk/c.md", "---\ntitle: C\nclaimReview:\n  claim: \"EgovKzBot2.0 ресми бот, evil.com сайты\"\n  rating: \"Жалған\"\n---\n")
        let d = f.build(checkOnly: true).diagnostics
        XCTAssertEqual(d.filter { $0.severity == .error }.map(\.code), ["text.domain"], "\(d)")
        assertDiagnostic(d, code: "text.domain", line: 4, column: 35, file: "content/kk/c.md")
    }
}
