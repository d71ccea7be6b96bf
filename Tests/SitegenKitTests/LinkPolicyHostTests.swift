import Foundation
import XCTest

@testable import SitegenKit

final class LinkPolicyHostTests: XCTestCase {
    // MARK: - Hosts read as a browser reads them

    func testUnlistedHostIsHostError() throws {
        let d = try Fixture.check("[x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    func testPercentEncodedLetterInAllowedHostIsNotCanonical() throws {
        let d = try Fixture.check("[x](https://eg%6Fv.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1, messageContains: "write https://egov.kz/ instead")
    }

    func testPercentEncodedDotInUnlistedHostIsHostError() throws {
        let d = try Fixture.check("[x](https://evil%2Ecom/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    func testUserinfoBeforeEvilHostIsCredentialsAndHostError() throws {
        let d = try Fixture.check("[x](https://egov.kz@evil.com/)\n")
        LinkPolicyAssert.errorsAre(d, [("link.credentials", 4, 1), ("link.host", 4, 1)])
    }

    func testUserinfoBeforeAllowedHostIsCredentialsError() throws {
        let d = try Fixture.check("[x](https://user:pass@egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.credentials", line: 4, column: 1)
    }

    func testUppercaseHostWithTrailingDotIsNotCanonical() throws {
        let d = try Fixture.check("[x](HTTPS://EGOV.KZ./)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1, messageContains: "write https://egov.kz/ instead")
    }

    func testDefaultPortSpelledOutIsPortError() throws {
        let d = try Fixture.check("[x](https://egov.kz:443/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.port", line: 4, column: 1)
    }

    func testOtherPortIsPortError() throws {
        let d = try Fixture.check("[x](https://egov.kz:8443/path)\n")
        LinkPolicyAssert.onlyError(d, code: "link.port", line: 4, column: 1)
    }

    func testHexadecimalIPv4IsIPError() throws {
        let d = try Fixture.check("[x](https://0x7f.1/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.ip", line: 4, column: 1)
    }

    func testDottedIPv4IsIPError() throws {
        let d = try Fixture.check("[x](https://127.0.0.1/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.ip", line: 4, column: 1)
    }

    func testIPv6LiteralIsIPError() throws {
        // cmark writes the brackets as %5B/%5D, which no browser reads as a host; that form may be
        // reported too, but the link must be reported as an IP address, at the link.
        let d = try Fixture.check("[x](https://[::1]/)\n")
        assertDiagnostic(d, code: "link.ip", line: 4, column: 1)
        XCTAssertTrue(LinkPolicyAssert.errors(d).allSatisfy { $0.line == 4 && $0.column == 1 }, LinkPolicyAssert.listing(d))
    }

    func testBackslashesAfterSchemeReachTheHost() throws {
        // Markdown `\\` is one backslash: the destination is `https:\evil.com`, host evil.com.
        let d = try Fixture.check(#"[x](https:\\evil.com)"# + "\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    // MARK: - Wildcards

    func testWildcardAllowsDirectSubdomain() throws {
        let d = try Fixture.check("[x](https://www.egov.kz/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testWildcardAllowsDeepSubdomain() throws {
        let d = try Fixture.check("[x](https://a.b.egov.kz/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testWildcardDoesNotAllowItsBase() throws {
        let config = """
            baseURL: "https://example.kz/"
            defaultLanguage: kk
            languages: [kk, ru]
            links:
              allow:
                - "*.egov.kz"

            """
        let d = try Fixture.check("Мәтін [x](https://egov.kz/)\n", config: config)
        let errs = LinkPolicyAssert.errors(d)
        XCTAssertEqual(errs.count, 1, LinkPolicyAssert.listing(d))
        XCTAssertTrue(errs.allSatisfy { ["link.host", "link.lookalike"].contains($0.code) && $0.line == 4 && $0.column == 7 },
                      LinkPolicyAssert.listing(d))
    }

    func testWildcardBaseIsNotCalledALookalikeOfItself() throws {
        let config = """
            baseURL: "https://example.kz/"
            defaultLanguage: kk
            languages: [kk, ru]
            links:
              allow:
                - "*.egov.kz"

            """
        let d = try Fixture.check("[x](https://egov.kz/)\n", config: config)
        let errs = LinkPolicyAssert.errors(d)
        XCTAssertEqual(errs.count, 1, LinkPolicyAssert.listing(d))
        XCTAssertFalse(errs.contains { $0.message.contains("(looks like egov.kz)") }, LinkPolicyAssert.listing(d))
    }

    func testWildcardMatchesOnlyAtALabelBoundary() throws {
        // `xegov.kz` ends with "egov.kz" but is not a subdomain of it.
        let d = try Fixture.check("[x](https://xegov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testExactHostDoesNotAllowItsSubdomains() throws {
        let d = try Fixture.check("[x](https://coronavirus2020.kz.evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1,
                                   messageContains: "looks like coronavirus2020.kz")
    }

    // MARK: - What the browser gets

    func testDestinationJudgedAsRenderedAfterBackslashEscaping() throws {
        // Typed, `\` ends the host (egov.kz); cmark writes it as %5C, and in the href the browser
        // gets, `egov.kz%5C` is a user name before the real host evil.com.
        // Written, the backslash alone makes it not canonical.
        let d = try Fixture.check(#"[x](<https://egov.kz\\@evil.com/>)"# + "\n")
        LinkPolicyAssert.errorsAre(d, [("link.credentials", 4, 1), ("link.host", 4, 1), ("link.noncanonical", 4, 1)])
    }

    func testDestinationJudgedAsTypedWhenRenderedFormLooksHarmless() throws {
        // Typed, the host is evil.com; rendered, the same text would be a user name before egov.kz.
        let d = try Fixture.check(#"[x](<https://evil.com\\@egov.kz/>)"# + "\n")
        XCTAssertTrue(LinkPolicyAssert.errors(d).contains { $0.code == "link.host" && $0.line == 4 && $0.column == 1 },
                      LinkPolicyAssert.listing(d))
    }

    func testNonASCIIPathOnAllowedHostIsAccepted() throws {
        let d = try Fixture.check("[қызметтер](https://egov.kz/қызметтер/42500)\n")
        LinkPolicyAssert.noErrors(d)
    }

    // MARK: - Characters a browser maps or drops

    func testIdeographicFullStopInHostIsNotCanonical() throws {
        // U+3002 is a label separator under UTS #46: the browser goes to egov.kz, other clients may not.
        let d = try Fixture.check("[x](https://egov\u{3002}kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1, messageContains: "write https://egov.kz/ instead")
    }

    func testTabInsideHostIsDroppedBeforeJudging() throws {
        // cmark decodes &#9;; the URL parser removes tabs, so the host is evil.com.
        let d = try Fixture.check("[x](https://ev&#9;il.com/)\n")
        assertDiagnostic(d, code: "link.host", line: 4, column: 1)
    }

    func testUserinfoWithPercentEncodedSlashIsCredentialsAndHostError() throws {
        let d = try Fixture.check("[x](https://egov.kz%2F@evil.com/)\n")
        LinkPolicyAssert.errorsAre(d, [("link.credentials", 4, 1), ("link.host", 4, 1)])
    }
}
