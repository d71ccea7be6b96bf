import Foundation
import XCTest

@testable import SitegenKit

/// When the visible text of a link is an address, the link must go there.
final class LinkPolicyLinkTextTests: XCTestCase {
    // MARK: - Link text against link target

    func testDomainTextLinkingToOtherOfficialSiteIsMismatch() throws {
        let d = try Fixture.check("[egov.kz](https://42500.enbek.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.text-mismatch", line: 4, column: 1)
    }

    func testURLTextLinkingToOtherOfficialSiteIsMismatch() throws {
        let d = try Fixture.check("Мәтін [https://egov.kz/](https://coronavirus2020.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.text-mismatch", line: 4, column: 7)
    }

    func testUnofficialDomainTextLinkingToOfficialSiteIsMismatch() throws {
        let d = try Fixture.check("[evil.kz](https://egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.text-mismatch", line: 4, column: 1)
    }

    func testHandleTextLinkingToItsBotIsAccepted() throws {
        let d = try Fixture.check("[@Kenes1414Bot](https://t.me/Kenes1414Bot)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testHandleTextLinkingToAWebsiteIsMismatch() throws {
        let d = try Fixture.check("[@Kenes1414Bot](https://egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.text-mismatch", line: 4, column: 1)
    }

    func testSubdomainTextLinkingToSameRegistrableDomainIsAccepted() throws {
        let d = try Fixture.check("[www.egov.kz](https://egov.kz/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testDomainTextLinkingToItselfIsAccepted() throws {
        let d = try Fixture.check("[42500.enbek.kz](https://42500.enbek.kz/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testOrdinaryWordsAsLinkTextAreNotCompared() throws {
        let d = try Fixture.check("[Өтінім беру](https://42500.enbek.kz/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testHandleTextLinkingThroughResolveSchemeIsNoMismatch() throws {
        // tg://resolve is not the plain form, but the text names the handle it opens.
        let d = try Fixture.check("[@Kenes1414Bot](tg://resolve?domain=Kenes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1)
    }

    func testTelegramPathTextLinkingToAWebsiteIsMismatch() throws {
        let d = try Fixture.check("[t.me/Kenes1414Bot](https://egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.text-mismatch", line: 4, column: 1)
    }

    // MARK: - Inline links whose text repeats the destination

    func testInlineLinkWithURLAsTextIsPlacedAtBracket() throws {
        let d = try Fixture.check("Мәтін [https://evil.com/](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 7)
    }

    func testInlineMailtoLinkWithAddressAsTextIsPlacedAtBracket() throws {
        let d = try Fixture.check("Хат: [info@evil.kz](mailto:info@evil.kz)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 6)
    }

    // MARK: - Names inside link text, alt text and titles are still text

    func testUnlistedDomainAmongWordsOfLinkTextIsTextDomainError() throws {
        let d = try Fixture.check("[Сайт evil.kz арқылы](https://egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 7)
    }

    func testFakeNameInLinkTextOutsideWarningIsFake() throws {
        let d = try Fixture.check("[EgovKzBot2.0 туралы](/kk/42500/fake-bots/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake-text", line: 4, column: 2)
    }

    func testUnlistedDomainInImageAltTextIsTextDomainError() throws {
        let d = try Fixture.check("![evil.kz](https://egov.kz/a.png)\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 3)
    }

    func testUnlistedDomainInLinkTitleIsTextDomainError() throws {
        let d = try Fixture.check("[x](https://egov.kz/ \"evil.kz\")\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 23)
    }
}
