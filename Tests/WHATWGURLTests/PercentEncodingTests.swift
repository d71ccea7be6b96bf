import WHATWGURL
import XCTest

/// Which characters each component percent-encodes on serialisation.
final class PercentEncodingTests: XCTestCase {
    func testComponentsEncodeTheirOwnSets() {
        check([
            URLCase("https://example.kz/a b/\"q\"", .href("https://example.kz/a%20b/%22q%22")),
            URLCase("https://example.kz/'a'", .href("https://example.kz/'a'")),
            URLCase("https://x/a^b", .href("https://x/a%5Eb")),
            URLCase("https://x/a`b{c}<d>", .href("https://x/a%60b%7Bc%7D%3Cd%3E")),
            URLCase("https://x/%zz%41", .path(.segments(["%zz%41"]))),
            URLCase("https://example.kz/привет", .path(.segments(["%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82"]))),
            URLCase("https://example.kz/?a b'", .query("a%20b%27")),
            URLCase("foo://h/?a b'", .query("a%20b'")),
            URLCase("https://example.kz/?a`b", .query("a`b")),
            URLCase("https://example.kz/#a b`", .fragment("a%20b%60")),
            URLCase("https://example.kz/#a#b?c", .fragment("a#b?c")),
            URLCase("https://x:a b@h/", .password("a%20b")),
            URLCase("https://a:b:c@h/", .password("b%3Ac")),
            URLCase("javascript:alert('x y')\u{7F}", .path(.opaque("alert('x y')%7F"))),
            URLCase("foo://ho%st\u{7F}é/", .host(.opaque("ho%st%7F%C3%A9"))),
        ])
    }

    func testSetsMatchTheirDefinitions() {
        // Rebuild each set from the standard's wording and compare with the
        // constants for every ASCII byte.
        func members(_ extra: String, plus base: Set<UInt8>) -> Set<UInt8> {
            base.union(extra.utf8)
        }
        let c0 = Set<UInt8>((0x00...0x1F).map { UInt8($0) } + [0x7F])
        let fragment = members(" \"<>`", plus: c0)
        let query = members(" \"#<>", plus: c0)
        let specialQuery = members("'", plus: query)
        let path = members("?^`{}", plus: query)
        let userinfo = members("/:;=@[\\]^|", plus: path)
        let component = members("$%&+,", plus: userinfo)
        let form = members("!'()~", plus: component)
        let pairs: [(URLPercentEncodeSet, Set<UInt8>, String)] = [
            (.c0Control, c0, "c0Control"), (.fragment, fragment, "fragment"), (.query, query, "query"),
            (.specialQuery, specialQuery, "specialQuery"), (.path, path, "path"),
            (.userinfo, userinfo, "userinfo"), (.component, component, "component"),
            (.formURLEncoded, form, "formURLEncoded"),
        ]
        for (set, expected, name) in pairs {
            for byte in UInt8(0)...UInt8(0x7F) {
                XCTAssertEqual(set.contains(byte), expected.contains(byte), "\(name) byte \(byte)")
            }
            XCTAssertTrue(set.contains(0x80), name)
            XCTAssertTrue(set.contains(0xFF), name)
        }
    }

    func testUTF8PercentEncodeMatchesEncodeURIComponent() {
        XCTAssertEqual(
            URLPercentEncoding.utf8PercentEncode("Say what‽ a&b=c/d", using: .component),
            "Say%20what%E2%80%BD%20a%26b%3Dc%2Fd")
    }

    func testPercentDecodeKeepsMalformedEscapes() {
        XCTAssertEqual(URLPercentEncoding.percentDecode("%25%s%1G%41"), Array("%%s%1GA".utf8))
    }
}
