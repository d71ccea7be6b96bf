import XCTest

/// The cases a link checker cares about most: which host a browser contacts.
final class HostDeterminationTests: XCTestCase {
    func testUserinfoDoesNotDecideTheHost() {
        check([
            URLCase("https://egov.kz@evil.com", .host(.domain("evil.com"))),
            URLCase("https://egov.kz@evil.com", .username("egov.kz")),
            URLCase("https://egov.kz:pass@evil.com/", .password("pass")),
            // The last "@" ends the userinfo; earlier ones are encoded into it.
            URLCase("https://a@b@evil.com/", .host(.domain("evil.com"))),
            URLCase("https://a@b@evil.com/", .username("a%40b")),
            URLCase("https://user name:p@ss@h/", .href("https://user%20name:p%40ss@h/")),
            URLCase("https://egov.kz%2F@evil.com/", .host(.domain("evil.com"))),
            URLCase("https://evil.com%2F@egov.kz", .host(.domain("egov.kz"))),
            URLCase("http://@egov.kz/", .href("http://egov.kz/")),
        ])
    }

    func testDelimitersThatEndTheAuthorityFirst() {
        check([
            // For special schemes "\" ends the host, so "@evil.com" is path.
            URLCase("https://egov.kz\\@evil.com/", .host(.domain("egov.kz"))),
            URLCase("https://egov.kz\\@evil.com/", .href("https://egov.kz/@evil.com/")),
            // For other schemes it does not.
            URLCase("foo://egov.kz\\@evil.com/", .host(.opaque("evil.com"))),
            URLCase("https://egov.kz#@evil.com", .host(.domain("egov.kz"))),
            URLCase("https://egov.kz?@evil.com", .host(.domain("egov.kz"))),
        ])
    }

    func testSlashesAndBackslashes() {
        check([
            URLCase("https:\\\\evil.com\\x", .host(.domain("evil.com"))),
            URLCase("https:\\\\evil.com\\x", .path(.segments(["x"]))),
            URLCase("https:///evil.com", .href("https://evil.com/")),
            URLCase("https:evil.com", .host(.domain("evil.com"))),
            URLCase("http://example.kz/a\\b/../c", .href("http://example.kz/a/c")),
        ])
    }

    func testHostNormalisation() {
        check([
            URLCase("HTTPS://EGOV.KZ./", .host(.domain("egov.kz."))),
            URLCase("HTTPS://EGOV.KZ/PATH", .href("https://egov.kz/PATH")),
            URLCase("HTTP://egov.kz", .scheme("http")),
            URLCase("https://eg%6Fv.kz/", .host(.domain("egov.kz"))),
            URLCase("https://ex%2Eample.kz/", .host(.domain("ex.ample.kz"))),
            URLCase("https://egov.kz\t.evil.com", .host(.domain("egov.kz.evil.com"))),
            URLCase("https://egov.kz.evil.com/", .host(.domain("egov.kz.evil.com"))),
        ])
    }

    func testInputCleanup() {
        check([
            URLCase(" \t https://egov.kz/\n", .href("https://egov.kz/")),
            URLCase("ht\ntps://eg\tov.kz/\r", .href("https://egov.kz/")),
            URLCase("\u{0}\u{1F}https://egov.kz/ \u{7}", .href("https://egov.kz/")),
        ])
    }

    func testForbiddenHosts() {
        check([
            URLCase("https://ex ample.kz", .failure),
            URLCase("https://a%00b.kz", .failure),
            URLCase("https://egov.kz%00.evil.com", .failure),
            URLCase("https://ex%2fample.kz/", .failure),
            URLCase("https://a%25b.kz/", .failure),
            URLCase("https://a<b.kz/", .failure),
            URLCase("https://a^b.kz/", .failure),
            URLCase("http://:80/", .failure),
            URLCase("http://user@/", .failure),
            URLCase("https://", .failure),
        ])
    }

    func testNonSpecialAndOpaqueURLs() {
        check([
            URLCase("javascript:alert(1)", .scheme("javascript")),
            URLCase("javascript:alert(1)", .path(.opaque("alert(1)"))),
            URLCase("JavaScript:alert(1)", .host(nil)),
            URLCase("data:text/html,<script>alert(1)</script>", .href("data:text/html,<script>alert(1)</script>")),
            URLCase("mailto:a@egov.kz", .host(nil)),
            URLCase("mailto:a@egov.kz", .path(.opaque("a@egov.kz"))),
            URLCase("tg://resolve?domain=Kenes1414Bot", .host(.opaque("resolve"))),
            URLCase("tg://resolve?domain=Kenes1414Bot", .query("domain=Kenes1414Bot")),
            URLCase("foo://EGOV.kz/", .host(.opaque("EGOV.kz"))),
            URLCase("foo://", .host(.empty)),
            URLCase("foo:", .href("foo:")),
            URLCase("sc: x ?q", .href("sc: x%20?q")),
            URLCase("non-special:/.//p", .href("non-special:/.//p")),
            URLCase("egov.kz/path", .failure),
        ])
    }
}
