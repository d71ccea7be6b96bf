import WHATWGURL
import XCTest

/// Relative references resolved against a base, dot segments, and file URLs.
final class RelativeResolutionTests: XCTestCase {
    private let page = "https://example.kz/kk/42500/apply/"

    func testReferencesAgainstAPage() {
        check([
            URLCase("../docs/", base: page, .href("https://example.kz/kk/42500/docs/")),
            URLCase("/ru/", base: page, .href("https://example.kz/ru/")),
            URLCase("?q", base: page, .href("https://example.kz/kk/42500/apply/?q")),
            URLCase("#step-3", base: page, .href("https://example.kz/kk/42500/apply/#step-3")),
            URLCase("", base: page, .href(page)),
            URLCase("form.pdf", base: page, .href("https://example.kz/kk/42500/apply/form.pdf")),
            URLCase("../../../../x", base: page, .href("https://example.kz/x")),
            URLCase("egov.kz/path", base: "https://example.kz/a/b", .href("https://example.kz/a/egov.kz/path")),
        ])
    }

    func testReferencesThatLeaveTheSite() {
        check([
            URLCase("//evil.com/path", base: "https://example.kz/", .host(.domain("evil.com"))),
            URLCase("//evil.com/x", base: page, .href("https://evil.com/x")),
            URLCase("/\\evil.com", base: page, .host(.domain("evil.com"))),
            URLCase("\\/evil.com", base: page, .host(.domain("evil.com"))),
            URLCase("\\\\evil.com", base: page, .host(.domain("evil.com"))),
            URLCase("  //evil.com ", base: page, .host(.domain("evil.com"))),
            URLCase("/\t/evil.com", base: page, .host(.domain("evil.com"))),
            URLCase("http:evil.com", base: "https://example.kz/", .href("http://evil.com/")),
            // Same special scheme as the base without "//": a relative path.
            URLCase("https:evil.com", base: "https://example.kz/a/", .href("https://example.kz/a/evil.com")),
        ])
    }

    func testDotSegments() {
        check([
            URLCase("%2e%2E/x", base: page, .href("https://example.kz/kk/42500/x")),
            URLCase(".%2E/x", base: page, .href("https://example.kz/kk/42500/x")),
            URLCase("%2e/x", base: page, .href("https://example.kz/kk/42500/apply/x")),
            URLCase("https://egov.kz./a/%2e/b/%2e%2e/c", .href("https://egov.kz./a/c")),
            URLCase("https://egov.kz/a/..", .path(.segments([""]))),
            URLCase("https://egov.kz/a/.", .href("https://egov.kz/a/")),
            URLCase("https://egov.kz/..%2f/x", .path(.segments(["..%2f", "x"]))),
        ])
    }

    func testOpaqueBases() {
        check([
            URLCase("#x", base: "mailto:a@b", .href("mailto:a@b#x")),
            URLCase("x", base: "mailto:a@b", .failure),
            URLCase("x", .failure),
        ])
    }

    func testFileURLs() {
        check([
            URLCase("file:///C:/dir/../../x", .href("file:///C:/x")),
            URLCase("file:///C|/x/../..", .href("file:///C:/")),
            URLCase("file://localhost/etc", .href("file:///etc")),
            URLCase("file://LOCALHOST/etc", .host(.empty)),
            URLCase("file:c:\\foo", .href("file:///c:/foo")),
            URLCase("file:/C:/a", .href("file:///C:/a")),
            URLCase("file://C:/a", .href("file:///C:/a")),
            URLCase("file://server/share/x", .host(.domain("server"))),
            URLCase("..", base: "file:///C:/", .href("file:///C:/")),
            URLCase("/x", base: "file:///C:/a/b", .href("file:///C:/x")),
            URLCase("/D:/x", base: "file:///C:/a/b", .href("file:///D:/x")),
            // A one-letter scheme, not a drive letter, when written without "/".
            URLCase("d:/x", base: "file:///C:/a/b", .href("d:/x")),
        ])
    }

    func testStringBaseOverload() {
        XCTAssertEqual(URLParser().parse("../docs/", base: page)?.href, "https://example.kz/kk/42500/docs/")
    }

    func testStringBaseThatFailsFailsTheParse() {
        XCTAssertNil(URLParser().parse("/x", base: "not a url"))
    }

    func testSerialisationRoundTrips() {
        let parser = URLParser()
        let inputs = [
            "web+demo:/.//not-a-host/", "https://a@b@evil.com/%2e/x y?'#`", "sc: x ?q#f", "file://C:/x",
            "https://[::ffff:1.2.3.4]:81/a\\b", "foo://h/..//x",
        ]
        for input in inputs {
            guard let first = parser.parse(input) else {
                XCTFail("\(input) failed to parse")
                continue
            }
            XCTAssertEqual(parser.parse(first.href)?.href, first.href, input)
        }
    }
}
