import WHATWGURL
import XCTest

/// Validation errors reported alongside (or instead of) a parse result.
final class ValidationErrorTests: XCTestCase {
    private let parser = URLParser()

    private func errors(_ input: String, base: String? = nil) -> [URLValidationError] {
        let baseURL = base.flatMap { parser.parse($0) }
        return parser.parseReportingValidationErrors(input, base: baseURL).validationErrors
    }

    func testCleanURLHasNoErrors() {
        XCTAssertEqual(errors("https://egov.kz/ru/services?id=1#top"), [])
    }

    func testCredentialsAreReported() {
        XCTAssertEqual(errors("https://egov.kz@evil.com/"), [.invalidCredentials])
    }

    func testEmptyUserinfoIsStillReported() {
        XCTAssertEqual(errors("https://@evil.com/"), [.invalidCredentials])
    }

    func testBackslashIsReported() {
        XCTAssertEqual(errors("https:\\\\evil.com\\x"), [.specialSchemeMissingFollowingSolidus, .invalidReverseSolidus])
    }

    func testTabAndSurroundingSpaceAreReported() {
        XCTAssertEqual(errors(" https://eg\tov.kz/"), [.invalidURLUnit])
    }

    func testNonDecimalIPv4IsReported() {
        XCTAssertEqual(errors("https://0x7f.1/"), [.ipv4NonDecimalPart])
    }

    func testInvalidURLUnitsInPathQueryAndFragment() {
        XCTAssertEqual(errors("https://egov.kz/a b"), [.invalidURLUnit])
        XCTAssertEqual(errors("https://egov.kz/?%zz"), [.invalidURLUnit])
        XCTAssertEqual(errors("https://egov.kz/#" + String(Unicode.Scalar(0xFDD0)!)), [.invalidURLUnit])
    }

    func testFailureCarriesItsCause() {
        let report = parser.parseReportingValidationErrors("https://egov.kz:70000/")
        XCTAssertTrue(report.isFailure)
        XCTAssertEqual(report.validationErrors.last, .portOutOfRange)
    }

    func testMissingSchemeCause() {
        XCTAssertEqual(errors("egov.kz"), [.missingSchemeNonRelativeURL])
    }

    func testForbiddenDomainCodePointCause() {
        XCTAssertEqual(errors("https://ex ample.kz/"), [.domainInvalidCodePoint])
    }

    func testOpaqueHostForbiddenCodePointCause() {
        XCTAssertEqual(errors("foo://ex ample/"), [.hostInvalidCodePoint])
    }

    func testIPv6Causes() {
        XCTAssertEqual(errors("https://[::1/"), [.ipv6Unclosed])
        XCTAssertEqual(errors("https://[1::2::3]/"), [.ipv6MultipleCompression])
        XCTAssertEqual(errors("https://[::1.2.3]/"), [.ipv4InIPv6TooFewParts])
    }

    func testErrorNamesAreTheStandardsNames() {
        XCTAssertEqual(URLValidationError.fileInvalidWindowsDriveLetterHost.rawValue, "file-invalid-Windows-drive-letter-host")
    }
}
