import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Every way a Markdown page can carry a link is judged: references, raw HTML, images, mailto:,
/// tel:, relative links and the front matter.
final class LinkPolicyLinkKindsTests: XCTestCase {
    // MARK: - Reference definitions

    func testUnusedReferenceDefinitionIsJudgedAtDestination() throws {
        let d = try Fixture.check("Мәтін.\n\n[r]: https://evil.com\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 6, column: 6)
    }

    func testReferenceDefinitionWithDestinationOnNextLine() throws {
        let d = try Fixture.check("[r]:\n   https://evil.com\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 4)
    }

    func testReferenceDefinitionInsideBlockQuote() throws {
        let d = try Fixture.check("> [r]: https://evil.com\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 8)
    }

    func testReferenceLinkIsJudgedWhereItIsUsed() throws {
        let d = try Fixture.check("Мына [сайт][r] қараңыз.\n\n[r]: https://evil.com\n")
        LinkPolicyAssert.errorsAre(d, [("link.host", 4, 6), ("link.host", 6, 6)])
    }

    // MARK: - Raw HTML

    func testRawHTMLAnchorIsJudgedAtAttributeValue() throws {
        let d = try Fixture.check("Мына <a href=\"https://evil.com\">сілтеме</a>.\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 15)
    }

    func testRawHTMLIsReportedAsWarning() throws {
        let d = try Fixture.check("Мына <a href=\"https://egov.kz/\">сілтеме</a>.\n")
        LinkPolicyAssert.noErrors(d)
        assertDiagnostic(d, code: "markdown.raw-html", line: 4, column: 6)
        XCTAssertTrue(d.contains { $0.code == "markdown.raw-html" && $0.severity == .warning }, LinkPolicyAssert.listing(d))
    }

    func testRawHTMLImageSourceIsJudged() throws {
        let d = try Fixture.check("<img src=\"https://evil.com/a.png\">\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 11)
    }

    func testEntityEncodedSchemeInRawHTMLIsDecoded() throws {
        let d = try Fixture.check("<a href=\"&#104;ttps://evil.com\">x</a>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 10)
    }

    func testUnquotedRawHTMLAttributeIsJudged() throws {
        let d = try Fixture.check("Мына <a href=https://evil.com>x</a>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 14)
    }

    func testSingleQuotedJavascriptInRawHTMLIsSchemeError() throws {
        let d = try Fixture.check("<a href='javascript:alert(1)'>x</a>\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 10)
    }

    func testRawHTMLBlockLinkOnLaterLine() throws {
        let d = try Fixture.check("<div>\n<a href=\"https://evil.com\">x</a>\n</div>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 10)
    }

    // MARK: - Images

    func testImageFromUnlistedHostIsError() throws {
        let d = try Fixture.check("Сурет: ![x](https://evil.com/a.png)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 8)
    }

    func testImageFromOfficialHostIsAccepted() throws {
        let d = try Fixture.check("![логотип](https://egov.kz/logo.png)\n")
        LinkPolicyAssert.noErrors(d)
    }

    // MARK: - mailto: and tel:

    func testMailtoOfficialDomainIsAccepted() throws {
        let d = try Fixture.check("[хат](mailto:a@egov.kz)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testMailtoUnlistedDomainIsHostError() throws {
        let d = try Fixture.check("[хат](mailto:a@evil.com)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    func testMailtoCarbonCopyToUnlistedDomainIsHostError() throws {
        let d = try Fixture.check("[хат](mailto:a@egov.kz?cc=b@evil.com)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    func testMailtoFakeDomainIsFakeError() throws {
        let d = try Fixture.check("[хат](mailto:support@egov-kz.com)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 4, column: 1)
    }

    func testEmailAngleAutolinkToUnlistedDomainIsHostError() throws {
        let d = try Fixture.check("Хат: <a@evil.com>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 6)
    }

    func testOfficialPhoneIsAccepted() throws {
        let d = try Fixture.check("[1414](tel:1414)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testUnlistedPhoneIsPhoneError() throws {
        let d = try Fixture.check("[қоңырау](tel:+77001234567)\n")
        LinkPolicyAssert.onlyError(d, code: "link.phone", line: 4, column: 1)
    }

    // MARK: - Relative links

    func testSiteRelativeLinkIsAccepted() throws {
        let d = try Fixture.check("[қадамдар](/kk/42500/apply/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testParentRelativeLinkIsAccepted() throws {
        let d = try Fixture.check("[x](../x/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testFragmentLinkIsAccepted() throws {
        let d = try Fixture.check("[төменде](#qadamdar)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testDomainWithoutSchemeIsRelativeDomainError() throws {
        let d = try Fixture.check("[портал](egov.kz/ru)\n")
        LinkPolicyAssert.onlyError(d, code: "link.relative-domain", line: 4, column: 1)
    }

    func testUnlistedDomainWithoutSchemeIsRelativeDomainError() throws {
        let d = try Fixture.check("Мәтін [сайт](www.evil.com/page)\n")
        LinkPolicyAssert.onlyError(d, code: "link.relative-domain", line: 4, column: 7)
    }

    // MARK: - Front matter

    func testDomainInTitleIsErrorAtTitle() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: \"Сайт evil.kz туралы\"\n---\nМәтін.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 2, column: 14)
    }

    func testDomainInUnquotedTitleIsErrorAtTitle() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: Сайт evil.kz туралы\n---\nМәтін.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 2, column: 13)
    }

    func testUnknownHandleInDescriptionIsErrorAtDescription() throws {
        let d = try LinkPolicyAssert.checkFile(
            "---\ntitle: \"Бот\"\ndescription: \"Жаңа бот @SomeOtherBot\"\n---\nМәтін.\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 3, column: 24)
    }

    func testOfficialDomainInTitleIsAccepted() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: \"egov.kz арқылы өтінім\"\n---\nМәтін.\n")
        LinkPolicyAssert.noErrors(d)
    }

    // MARK: - More reference definitions

    func testReferenceDefinitionInCodeBlockIsTextNotALink() throws {
        let d = try Fixture.check("```\n[r]: https://evil.com\n```\n")
        LinkPolicyAssert.onlyError(d, code: "text.url", line: 5, column: 6)
    }

    func testReferenceDefinitionInListItem() throws {
        let d = try Fixture.check("- [r]: https://evil.com\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 8)
    }

    func testJavascriptReferenceDefinitionIsSchemeError() throws {
        let d = try Fixture.check("[r]: javascript:alert(1)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 6)
    }

    // MARK: - More raw HTML

    func testHTMLInCodeSpanIsTextNotRawHTML() throws {
        let d = try Fixture.check("`<a href=\"https://evil.com\">`\n")
        LinkPolicyAssert.onlyError(d, code: "text.url", line: 4, column: 11)
        XCTAssertFalse(d.contains { $0.code == "markdown.raw-html" }, LinkPolicyAssert.listing(d))
    }

    func testUppercaseAttributeWithSpacesAroundEqualsIsJudged() throws {
        let d = try Fixture.check("<A HREF = \"https://evil.com\">x</A>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 12)
    }

    func testAttributeOnSecondLineOfInlineHTML() throws {
        let d = try Fixture.check("Мына <a\nhref=\"https://evil.com\">x</a>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 7)
    }

    func testNamedEntityColonInRawHTMLIsDecoded() throws {
        let d = try Fixture.check("<a href=\"javascript&colon;alert(1)\">x</a>\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 10)
    }

    func testFormActionIsJudged() throws {
        let d = try Fixture.check("<form action=\"https://evil.com/pay\">\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 15)
    }

    func testEverySrcsetCandidateIsJudged() throws {
        let d = try Fixture.check("<img srcset=\"https://egov.kz/a.png 1x, https://evil.com/b.png 2x\">\n")
        XCTAssertTrue(LinkPolicyAssert.errors(d).contains { $0.code == "link.host" && $0.line == 4 },
                      LinkPolicyAssert.listing(d))
    }

    // MARK: - More mailto:, tel: and relative links

    func testMailtoWithPercentEncodedAtSignIsJudgedDecoded() throws {
        let d = try Fixture.check("[хат](mailto:a%40evil.com)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    /// A phone dials what is written: keypad letters, a plus that makes a short number one abroad,
    /// pauses, extensions, escapes and anything after the number are refused, whatever digits it holds.
    func testAPhoneLinkIsDialledAsWritten() throws {
        for link in ["tel:+PPPP1414GGG", "tel:+1414", "tel:1414?x=@evilbot", "tel:1414#evil.com", "tel:1414,2", "tel:1414;ext=2",
                     "tel:%31414", "tel:1414EVIL"] {
            let d = try Fixture.check("[1414](\(link))\n")
            XCTAssertTrue(d.contains { $0.code == "link.phone" && $0.severity == .error && $0.line == 4 && $0.column == 1 },
                          "\(link): \(d.map(DiagnosticFormatter.line))")
        }
        let config = Fixture.defaultConfig.replacingOccurrences(of: "phones: [\"1414\"]", with: "phones: [\"1414\", \"+7 800 080 7777\"]")
        for link in ["tel:+78000807777", "tel:+7-800-080-77-77", "tel:88000807777", "tel:+7(800)080-77-77", "<tel:+7 800 080 7777>"] {
            LinkPolicyAssert.noErrors(try Fixture.check("[8 800 080 7777](\(link))\n", config: config))
        }
        for link in ["tel:78000807777", "tel:+88000807777", "tel:8000807777"] {
            XCTAssertTrue(try Fixture.check("[8 800 080 7777](\(link))\n", config: config).contains { $0.code == "link.phone" }, link)
        }
    }

    /// A mail link is `mailto:name@domain` and nothing more: a client reads escapes, dot-likes,
    /// invisible characters, headers and bodies its own way.
    func testAMailLinkIsANameAtADomainAndNothingMore() throws {
        for link in ["mailto:help@egov.kz%EF%BC%8Eevil.com", "mailto:help@egov.kz%E2%80%8B", "mailto:help@egov.kz?body=https://evil.com/pay",
                     "mailto:help@egov.kz?subject=evil.com", "mailto:%68elp@egov.kz", "mailto:help@egov.kz#x",
                     "mailto:help@egov.kz?subject=x&body=https://evil.com/"] {
            let d = try Fixture.check("[хат](\(link))\n")
            XCTAssertTrue(d.contains { $0.code.hasPrefix("link.") && $0.severity == .error && $0.line == 4 && $0.column == 1 },
                          "\(link): \(d.map(DiagnosticFormatter.line))")
        }
        LinkPolicyAssert.noErrors(try Fixture.check("[хат](mailto:Help.Desk+42500@egov.kz)\n"))
        LinkPolicyAssert.noErrors(try Fixture.check("[хат](mailto:help@egov.kz?subject=42%20500%20%D1%82%D3%A9%D0%BB%D0%B5%D0%BC)\n"))
    }

    func testOfficialPhoneWithSeparatorsIsAccepted() throws {
        let d = try Fixture.check("[14-14](tel:14-14)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testRelativeFileNamesAreNotTakenForDomains() throws {
        let d = try Fixture.check("[бет](index.html) және [файл](guide.pdf)\n")
        LinkPolicyAssert.noErrors(d)
    }

    // MARK: - More front matter

    func testDomainAfterEscapedQuoteInTitleIsErrorAtDomain() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: \"Сайт \\\"evil.kz\\\"\"\n---\nМәтін.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 2, column: 16)
    }

    func testDomainOnLaterLineOfFoldedTitleIsErrorAtDomain() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: >-\n  Сайт туралы\n  evil.kz\n---\nМәтін.\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 3)
    }

    func testFakeDomainInDescriptionIsFake() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: \"Бот\"\ndescription: egov-kz.com жалған\n---\nМәтін.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 3, column: 14)
    }
}
