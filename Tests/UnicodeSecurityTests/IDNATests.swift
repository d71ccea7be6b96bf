import UnicodeSecurity
import XCTest

final class IDNATests: XCTestCase {
    func testCyrillicAndKazakhNameBecomesPunycode() {
        XCTAssertEqual(IDNA.toASCII("Егов.қаз"), .success("xn--b1abf1b.xn--80ao21a"))
        XCTAssertEqual(IDNA.toASCII("пример.рф"), .success("xn--e1afmkfd.xn--p1ai"))
    }

    func testASCIIIsLowercasedAndOtherwiseUnchanged() {
        XCTAssertEqual(IDNA.toASCII("WWW.EGOV.KZ"), .success("www.egov.kz"))
        XCTAssertEqual(IDNA.toASCII("42500.enbek.kz"), .success("42500.enbek.kz"))
    }

    func testMixedCaseLookalikeMapsToLowercaseCyrillic() {
        // Cyrillic capital Е followed by Latin "GOV".
        XCTAssertEqual(IDNA.toASCII("\u{0415}GOV.kz"), .success("xn--gov-qdd.kz"))
        XCTAssertEqual(IDNA.toUnicode("\u{0415}GOV.kz"), .success("\u{0435}gov.kz"))
    }

    func testToUnicodeDecodesPunycodeForDisplay() {
        XCTAssertEqual(IDNA.toUnicode("xn--b1abf1b.xn--80ao21a"), .success("егов.қаз"))
        XCTAssertEqual(IDNA.toUnicode("xn--80ao21a").value, "қаз")
    }

    func testNontransitionalKeepsDeviationCharacters() {
        XCTAssertEqual(IDNA.toASCII("faß.de"), .success("xn--fa-hia.de"))
        var transitional = IDNA.Options.whatwgURL
        transitional.transitionalProcessing = true
        XCTAssertEqual(IDNA.toASCII("faß.de", options: transitional), .success("fass.de"))
    }

    func testBrokenPunycodeIsReported() {
        for garbage in ["xn--", "xn--a", "xn--zz-", "xn--abc-.kz", "www.xn--a.kz"] {
            let result = IDNA.toASCII(garbage)
            XCTAssertNil(result.value, garbage)
            XCTAssertTrue(result.errors.contains(.invalidACELabel) || result.errors.contains(.punycode), "\(garbage): \(result)")
        }
    }

    func testDisallowedCharacterIsReported() {
        let privateUse = IDNA.toASCII("a\u{E000}b.com")
        XCTAssertEqual(privateUse.errors, [.disallowed])
        XCTAssertFalse(privateUse.isSuccess)
        XCTAssertEqual(IDNA.toASCII("x\u{202E}y.kz").errors, [.disallowed])
    }

    func testZeroWidthJoinerOutOfContextFailsCheckJoiners() {
        XCTAssertEqual(IDNA.toASCII("eg\u{200D}ov.kz").errors, [.contextJ])
        var lax = IDNA.Options.whatwgURL
        lax.checkJoiners = false
        XCTAssertTrue(IDNA.toASCII("eg\u{200D}ov.kz", options: lax).isSuccess)
    }

    func testBidiRuleIsChecked() {
        // An Arabic letter and a Latin letter in one label break RFC 5893 rule 2.
        XCTAssertEqual(IDNA.toASCII("\u{0627}a.com").errors, [.bidi])
        XCTAssertTrue(IDNA.toASCII("\u{0627}1.com").isSuccess)
    }

    func testWHATWGOptionsWaiveHyphenAndLengthChecks() {
        let longLabel = String(repeating: "a", count: 70) + ".kz"
        for name in ["-egov.kz", "egov-.kz", "ab--cd.kz", "a..kz", longLabel] {
            XCTAssertEqual(IDNA.toASCII(name), .success(name), name)
        }
        XCTAssertEqual(IDNA.toASCII("-egov.kz", options: .strict).errors, [.leadingHyphen])
        XCTAssertEqual(IDNA.toASCII("egov-.kz", options: .strict).errors, [.trailingHyphen])
        XCTAssertEqual(IDNA.toASCII("ab--cd.kz", options: .strict).errors, [.hyphenInThirdAndFourthPosition])
        XCTAssertEqual(IDNA.toASCII("a..kz", options: .strict).errors, [.emptyLabel])
        XCTAssertEqual(IDNA.toASCII(longLabel, options: .strict).errors, [.labelTooLong])
    }

    func testSTD3RulesOnlyWhenAsked() {
        // UTS #46 without STD3 rules lets a space through; rejecting it is
        // the URL parser's forbidden-host-code-point check.
        XCTAssertEqual(IDNA.toASCII("exa mple.com"), .success("exa mple.com"))
        XCTAssertEqual(IDNA.toASCII("exa mple.com", options: .strict).errors, [.disallowed])
    }

    func testEveryErrorIsListedOnce() {
        let errors = IDNA.toASCII("-a\u{E000}.xn--a", options: .strict).errors
        XCTAssertEqual(Set(errors).count, errors.count)
        XCTAssertTrue(errors.contains(.leadingHyphen))
        XCTAssertTrue(errors.contains(.disallowed))
    }

    func testOutputLongerThanFirstBufferGuess() {
        // Each U+337F SQUARE CORPORATION maps to four CJK characters, so the
        // output outgrows the first buffer and the retry path runs.
        let input = String(repeating: "\u{337F}", count: 40)
        XCTAssertEqual(IDNA.toUnicode(input), .success(String(repeating: "株式会社", count: 40)))
        let ascii = IDNA.toASCII(input)
        XCTAssertEqual(ascii.value?.hasPrefix("xn--"), true)
        XCTAssertEqual(ascii.value.flatMap { IDNA.toUnicode($0).value }, String(repeating: "株式会社", count: 40))
    }

    func testEmptyInput() {
        XCTAssertEqual(IDNA.toASCII(""), .success(""))
        XCTAssertEqual(IDNA.toASCII("", options: .strict).errors, [.emptyLabel])
    }

    func testErrorDescriptionsAreReadable() {
        XCTAssertEqual(IDNAError.contextJ.description, "zero width joiner or non-joiner out of context")
        XCTAssertEqual(IDNAError.other(bit: 0x8000).description, "IDNA error bit 0x8000")
    }
}
