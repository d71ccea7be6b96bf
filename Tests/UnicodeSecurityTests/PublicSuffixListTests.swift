import UnicodeSecurity
import XCTest

final class PublicSuffixListTests: XCTestCase {
    let psl = PublicSuffixList.shared

    func testRegistrableDomain() {
        XCTAssertEqual(psl.registrableDomain("42500.enbek.kz"), "enbek.kz")
        XCTAssertEqual(psl.registrableDomain("egov.kz"), "egov.kz")
        XCTAssertEqual(psl.registrableDomain("a.b.egov.kz"), "egov.kz")
        // gov.kz is itself a public suffix, so www.gov.kz is registrable.
        XCTAssertEqual(psl.registrableDomain("www.gov.kz"), "www.gov.kz")
        XCTAssertEqual(psl.registrableDomain("a.b.c.gov.kz"), "c.gov.kz")
        XCTAssertEqual(psl.registrableDomain("foo.github.io"), "foo.github.io")
    }

    func testPublicSuffixHasNoRegistrableDomain() {
        XCTAssertNil(psl.registrableDomain("gov.kz"))
        XCTAssertNil(psl.registrableDomain("kz"))
        XCTAssertNil(psl.registrableDomain("github.io"))
    }

    func testInputIsNormalised() {
        XCTAssertEqual(psl.registrableDomain("WWW.EGOV.KZ"), "egov.kz")
        XCTAssertEqual(psl.registrableDomain("www.egov.kz."), "egov.kz")
        XCTAssertEqual(psl.registrableDomain("Егов.қаз"), "xn--b1abf1b.xn--80ao21a")
        XCTAssertEqual(psl.registrableDomain("www.xn--b1abf1b.xn--80ao21a"), "xn--b1abf1b.xn--80ao21a")
        XCTAssertTrue(psl.isPublicSuffix("GOV.KZ"))
    }

    func testNonDomainsAreRejected() {
        for host in ["", ".", "a..kz", ".egov.kz", "192.168.0.1", "10.0.0.0x1f", "[::1]", "xn--a.kz", "a\u{E000}.kz"] {
            XCTAssertNil(psl.registrableDomain(host), host)
            XCTAssertFalse(psl.isPublicSuffix(host), host)
            XCTAssertFalse(psl.hasKnownTLD(host), host)
        }
    }

    func testIsPublicSuffix() {
        XCTAssertTrue(psl.isPublicSuffix("gov.kz"))
        XCTAssertTrue(psl.isPublicSuffix("kz"))
        XCTAssertTrue(psl.isPublicSuffix("co.uk"))
        XCTAssertTrue(psl.isPublicSuffix("github.io")) // private section
        XCTAssertTrue(psl.isPublicSuffix("xn--80ao21a"))
        XCTAssertTrue(psl.isPublicSuffix("қаз"))
        XCTAssertFalse(psl.isPublicSuffix("enbek.kz"))
        XCTAssertFalse(psl.isPublicSuffix("egov.kz"))
        // No implicit "*" rule here.
        XCTAssertFalse(psl.isPublicSuffix("б"))
        XCTAssertFalse(psl.isPublicSuffix("localhost"))
    }

    func testWildcardAndExceptionRules() {
        // The list has "*.ck" and "!www.ck".
        XCTAssertTrue(psl.isPublicSuffix("anything.ck"))
        XCTAssertFalse(psl.isPublicSuffix("www.ck"))
        XCTAssertEqual(psl.registrableDomain("www.ck"), "www.ck")
        XCTAssertEqual(psl.registrableDomain("a.b.anything.ck"), "b.anything.ck")
    }

    func testHasKnownTLD() {
        XCTAssertTrue(psl.hasKnownTLD("egov.kz"))
        XCTAssertTrue(psl.hasKnownTLD("kz"))
        XCTAssertTrue(psl.hasKnownTLD("example.com"))
        XCTAssertTrue(psl.hasKnownTLD("xn--b1abf1b.xn--80ao21a"))
        XCTAssertTrue(psl.hasKnownTLD("егов.қаз"))
        XCTAssertTrue(psl.hasKnownTLD("пример.рф"))
        XCTAssertTrue(psl.hasKnownTLD("egov.kz."))
        XCTAssertFalse(psl.hasKnownTLD("т.б"))
        XCTAssertFalse(psl.hasKnownTLD("ж"))
        XCTAssertFalse(psl.hasKnownTLD("localhost"))
        XCTAssertFalse(psl.hasKnownTLD("site.example"))
    }

    func testPublicSuffixOf() {
        XCTAssertEqual(psl.publicSuffix(of: "www.gov.kz"), "gov.kz")
        XCTAssertEqual(psl.publicSuffix(of: "42500.enbek.kz"), "kz")
        XCTAssertEqual(psl.publicSuffix(of: "т.б"), "xn--90a") // implicit "*" rule
    }

    func testImplicitStarRuleInRegistrableDomain() {
        XCTAssertEqual(psl.registrableDomain("a.b.example"), "b.example")
        XCTAssertFalse(psl.hasKnownTLD("a.b.example"))
    }

    func testOtherSourcesAgree() throws {
        XCTAssertEqual(psl.source, .latest)
        let builtin = try XCTUnwrap(PublicSuffixList(source: .builtin))
        let file = try XCTUnwrap(PublicSuffixList(source: .file("/usr/share/publicsuffix/public_suffix_list.dat")))
        for list in [builtin, file] {
            XCTAssertEqual(list.registrableDomain("42500.enbek.kz"), "enbek.kz")
            XCTAssertTrue(list.isPublicSuffix("gov.kz"))
            XCTAssertTrue(list.hasKnownTLD("xn--80ao21a"))
            XCTAssertFalse(list.hasKnownTLD("т.б"))
        }
        XCTAssertNil(PublicSuffixList(source: .file("/nonexistent/public_suffix_list.dat")))
    }
}
