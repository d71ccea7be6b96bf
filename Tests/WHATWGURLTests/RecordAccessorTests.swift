import WHATWGURL
import XCTest

/// Convenience accessors on the record, and origins.
final class RecordAccessorTests: XCTestCase {
    private let parser = URLParser()

    func testIncludesCredentials() {
        XCTAssertEqual(parser.parse("https://egov.kz@evil.com/")?.includesCredentials, true)
    }

    func testNoCredentialsForEmptyUserinfo() {
        XCTAssertEqual(parser.parse("https://:@egov.kz/")?.includesCredentials, false)
    }

    func testSerializedHostAndPath() {
        let url = parser.parse("https://[::1]:8443/a/b?q#f")
        XCTAssertEqual(url?.serializedHost, "[::1]")
        XCTAssertEqual(url?.serializedPath, "/a/b")
    }

    func testSerializationWithoutFragment() {
        XCTAssertEqual(parser.parse("https://egov.kz/a?q#f")?.serialized(excludingFragment: true), "https://egov.kz/a?q")
    }

    func testSchemeHelpers() {
        XCTAssertEqual(URLRecord.defaultPort(forScheme: "wss"), 443)
        XCTAssertNil(URLRecord.defaultPort(forScheme: "file"))
        XCTAssertTrue(URLRecord.isSpecialScheme("file"))
        XCTAssertFalse(URLRecord.isSpecialScheme("tg"))
    }

    func testTupleOrigin() {
        let url = parser.parse("https://egov.kz:8443/path")!
        XCTAssertEqual(parser.origin(of: url).serialized, "https://egov.kz:8443")
    }

    func testBlobOriginComesFromItsPath() {
        let url = parser.parse("blob:https://egov.kz/0b6c-11ee")!
        XCTAssertEqual(parser.origin(of: url), .tuple(scheme: "https", host: .domain("egov.kz"), port: nil))
    }

    func testOpaqueOrigins() {
        for input in ["file:///etc/passwd", "javascript:alert(1)", "blob:ftp://egov.kz/x", "data:,x"] {
            XCTAssertEqual(parser.origin(of: parser.parse(input)!), .opaque, input)
        }
    }

    func testOpaqueOriginIsNeverSameOrigin() {
        XCTAssertFalse(URLOrigin.opaque.isSameOrigin(as: .opaque))
    }

    func testSameOriginIgnoresPathAndDefaultPort() {
        let a = parser.origin(of: parser.parse("https://egov.kz:443/a")!)
        let b = parser.origin(of: parser.parse("https://EGOV.kz/b?c")!)
        XCTAssertTrue(a.isSameOrigin(as: b))
    }
}
