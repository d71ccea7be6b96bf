import WHATWGURL
import XCTest

/// The built-in ASCII-only domain to ASCII, and how an injected one is used.
final class DomainToASCIITests: XCTestCase {
    private let asciiOnly = URLParser.asciiOnlyDomainToASCII

    func testLowercasesASCII() {
        XCTAssertEqual(asciiOnly("EGOV.Kz."), "egov.kz.")
    }

    func testRejectsNonASCII() {
        XCTAssertNil(asciiOnly("пример.kz"))
    }

    func testAcceptsWellFormedPunycode() {
        // "аррӏе" in Cyrillic: a valid, if deceptive, IDN.
        XCTAssertEqual(asciiOnly("XN--80AK6AA92E.com"), "xn--80ak6aa92e.com")
    }

    func testRejectsMalformedPunycode() {
        for label in ["xn--", "xn--a", "xn--ls8h=", "xn--abc-", "xn--zn7c", "xn--1ug"] {
            XCTAssertNil(asciiOnly(label + ".example"), label)
        }
    }

    func testDefaultParserFailsOnInternationalHosts() {
        check([
            URLCase("https://пример.kz/", .failure),
            URLCase("https://%D0%BF.kz/", .failure),
            URLCase("https://xn--a.com/", .failure),
            URLCase("https://xn--e1afmkfd.kz/", .host(.domain("xn--e1afmkfd.kz"))),
        ])
    }

    func testInjectedFunctionHandlesInternationalHosts() {
        let parser = URLParser(domainToASCII: { $0 == "пример.kz" ? "xn--e1afmkfd.kz" : nil })
        check(
            [
                URLCase("https://пример.kz/", .host(.domain("xn--e1afmkfd.kz"))),
                URLCase("https://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.kz/", .href("https://xn--e1afmkfd.kz/")),
                URLCase("https://другой.kz/", .failure),
            ], parser: parser)
    }

    func testInjectedFunctionIsSkippedForPlainASCII() {
        // Plain ASCII never reaches the injected function.
        let parser = URLParser(domainToASCII: { _ in "injected.example" })
        XCTAssertEqual(parser.parse("https://EGOV.kz/")?.host, .domain("egov.kz"))
    }

    func testInjectedFunctionSeesACELabels() {
        let parser = URLParser(domainToASCII: { _ in "checked.example" })
        XCTAssertEqual(parser.parse("https://xn--abc.kz/")?.host, .domain("checked.example"))
    }

    func testInjectedResultIsStillScreened() {
        // A forbidden code point in the ToASCII result fails the host.
        let parser = URLParser(domainToASCII: { _ in "evil.com/x" })
        XCTAssertNil(parser.parse("https://é.kz/"))
    }

    func testInjectedResultThatEndsInANumberIsIPv4() {
        let parser = URLParser(domainToASCII: { _ in "127.0.0.1" })
        XCTAssertEqual(parser.parse("https://①②⑦.kz/")?.host, .ipv4(loopbackIPv4))
    }

    func testEmptyInjectedResultFails() {
        let parser = URLParser(domainToASCII: { _ in "" })
        XCTAssertNil(parser.parse("https://\u{AD}/"))
    }
}
