import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A malformed `links:` block is a `policy.invalid` error at its place in sitegen.yml, and nothing
/// is built with it.
final class LinkPolicyConfigTests: XCTestCase {
    private let yml = "sitegen.yml"

    private func check(_ config: String, page: String = "Мәтін.\n") throws -> [Diagnostic] {
        try Fixture.check(page, config: config)
    }

    // MARK: - Allow list

    func testStarAloneIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"*\"")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 12, column: 7, file: yml)
    }

    func testTopLevelWildcardIsInvalidWithoutOptIn() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"*.kz\"")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 12, column: 7, file: yml,
                                   messageContains: "allow_tld_wildcards")
    }

    func testTopLevelWildcardIsAcceptedWithOptIn() throws {
        let config = LinkPolicyAssert.config(replacing: [
            ("    - coronavirus2020.kz", "    - \"*.kz\""),
            ("  phones: [\"1414\"]", "  phones: [\"1414\"]\n  allow_tld_wildcards: true"),
        ])
        let d = try check(config, page: "[x](https://random-site.kz/)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testWildcardOverPublicSuffixIsAWarningForReviewers() throws {
        // `*.gov.kz` is how state bodies are allowed (only they register under gov.kz): not refused, but
        // reviewers are told.
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"*.gov.kz\"")])
        let diagnostics = try check(config)
        LinkPolicyAssert.noErrors(diagnostics)
        XCTAssertTrue(diagnostics.contains { $0.code == "policy.public-suffix" && $0.file == yml && $0.line == 12 && $0.column == 7 },
                      LinkPolicyAssert.listing(diagnostics))
    }

    /// A public suffix anyone registers under (com.kz: every company's site; github.io, netlify.app: anyone's
    /// page) is refused as a wildcard, as a top-level domain is, unless asked for.
    func testWildcardOverAnOpenPublicSuffixIsRefused() throws {
        // amazonaws.com is no suffix, but s3.amazonaws.com below it is: a wildcard over it allows anyone's bucket.
        for suffix in ["com.kz", "org.kz", "net.kz", "github.io", "blogspot.com", "netlify.app", "co.uk", "COM.KZ", "amazonaws.com"] {
            let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"*.\(suffix)\"")])
            let diagnostics = try check(config)
            LinkPolicyAssert.onlyError(diagnostics, code: "policy.invalid", line: 12, column: 7, file: yml)
            let refusal = try XCTUnwrap(diagnostics.first { $0.severity == .error })
            XCTAssertEqual(refusal.messageID, "policy.suffix-wildcard", suffix)
            XCTAssertEqual(refusal.arguments["suffix"], suffix.lowercased())
        }
        let asked = LinkPolicyAssert.config(replacing: [
            ("    - coronavirus2020.kz", "    - \"*.com.kz\""),
            ("  phones: [\"1414\"]", "  phones: [\"1414\"]\n  allow_tld_wildcards: true"),
        ])
        let diagnostics = try check(asked, page: "[x](https://any-company.com.kz/)\n")
        LinkPolicyAssert.noErrors(diagnostics)
        XCTAssertTrue(diagnostics.contains { $0.code == "policy.public-suffix" }, LinkPolicyAssert.listing(diagnostics))
        // A name under the suffix is no suffix: `*.egov.kz`, `*.akimat.com.kz` as before.
        let named = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"*.akimat.com.kz\"")])
        LinkPolicyAssert.noErrors(try check(named))
    }

    func testWildcardInsideNameIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"egov.*.kz\"")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 12, column: 7, file: yml)
    }

    func testEmptyAllowListIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [
            ("  allow:", "  allow: []"),
            ("    - egov.kz", ""), ("    - \"*.egov.kz\"", ""), ("    - 42500.enbek.kz", ""),
            ("    - coronavirus2020.kz", ""),
        ])
        let d = try check(config)
        let errs = LinkPolicyAssert.errors(d)
        XCTAssertEqual(errs.map(\.code), ["policy.invalid"], LinkPolicyAssert.listing(d))
        XCTAssertEqual(errs.first?.file, yml)
        // At the `allow:` key or at its `[]`.
        XCTAssertTrue(errs.allSatisfy { $0.line == 8 && ($0.column == 3 || $0.column == 10) }, LinkPolicyAssert.listing(d))
    }

    func testEmptyAllowListAfterOtherKeysIsInvalidAtAllow() throws {
        let config = LinkPolicyAssert.config(replacing: [
            ("  allow:", ""),
            ("    - egov.kz", ""), ("    - \"*.egov.kz\"", ""), ("    - 42500.enbek.kz", ""),
            ("    - coronavirus2020.kz", ""),
            ("  phones: [\"1414\"]", "  phones: [\"1414\"]\n  allow: []"),
        ])
        let d = try check(config)
        let errs = LinkPolicyAssert.errors(d)
        XCTAssertEqual(errs.map(\.code), ["policy.invalid"], LinkPolicyAssert.listing(d))
        XCTAssertTrue(errs.allSatisfy { $0.file == self.yml && $0.line == 18 && ($0.column == 3 || $0.column == 10) },
                      LinkPolicyAssert.listing(d))
    }

    func testURLInsteadOfHostIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - egov.kz", "    - https://egov.kz")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 9, column: 7, file: yml)
    }

    func testHostWithPortIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - 42500.enbek.kz", "    - \"42500.enbek.kz:443\"")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 11, column: 7, file: yml)
    }

    func testHostWithUnknownTopLevelDomainIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - egov.notatld")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 12, column: 7, file: yml)
    }

    // MARK: - Telegram, fakes, phones

    func testOfficialHandleWithInvalidCharactersIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    official: [Kenes1414Bot]", "    official: [\"bad handle!\"]")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 14, column: 16, file: yml)
    }

    func testNameBothOfficialAndFakeIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [
            ("    fake: [EgovKzBot2.0, Kenes1414_Bot]", "    fake: [EgovKzBot2.0, Kenes1414Bot]"),
        ])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 15, column: 26, file: yml)
    }

    func testFakeDomainThatIsAllowedIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("  fake_domains: [egov-kz.com]", "  fake_domains: [www.egov.kz]")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 16, column: 18, file: yml)
    }

    func testPhoneWithLettersIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("  phones: [\"1414\"]", "  phones: [\"call 1414\"]")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 17, column: 12, file: yml)
    }

    // MARK: - Unknown keys

    func testUnknownKeyUnderLinksIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("  phones: [\"1414\"]", "  phones: [\"1414\"]\n  allowed: [evil.com]")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 18, column: 3, file: yml)
    }

    func testUnknownKeyUnderTelegramIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    official: [Kenes1414Bot]", "    official: [Kenes1414Bot]\n    bots: [Other]")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 15, column: 5, file: yml)
    }

    // MARK: - An invalid policy stops the build

    func testInvalidPolicyStopsTheBuildBeforePages() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - \"*\"")])
        let d = try check(config, page: "[x](https://evil.com/)\n")
        XCTAssertFalse(d.contains { $0.file == LinkPolicyAssert.page }, LinkPolicyAssert.listing(d))
        XCTAssertTrue(d.contains { $0.code == "policy.invalid" }, LinkPolicyAssert.listing(d))
    }

    // MARK: - Accepted spellings

    func testOfficialHandleWithAtSignIsAccepted() throws {
        let config = LinkPolicyAssert.config(replacing: [("    official: [Kenes1414Bot]", "    official: [\"@Kenes1414Bot\"]")])
        LinkPolicyAssert.noErrors(try check(config, page: "[бот](https://t.me/Kenes1414Bot)\n"))
    }

    func testUppercaseAllowEntryIsNormalised() throws {
        let config = LinkPolicyAssert.config(replacing: [("    - coronavirus2020.kz", "    - CORONAVIRUS2020.KZ")])
        LinkPolicyAssert.noErrors(try check(config, page: "[x](https://coronavirus2020.kz/)\n"))
    }

    func testTooShortOfficialHandleIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [("    official: [Kenes1414Bot]", "    official: [abcd]")])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 14, column: 16, file: yml)
    }

    func testFakeNameWithSpaceIsInvalid() throws {
        let config = LinkPolicyAssert.config(replacing: [
            ("    fake: [EgovKzBot2.0, Kenes1414_Bot]", "    fake: [EgovKzBot2.0, \"Egov Bot\"]"),
        ])
        LinkPolicyAssert.onlyError(try check(config), code: "policy.invalid", line: 15, column: 26, file: yml)
    }
}
