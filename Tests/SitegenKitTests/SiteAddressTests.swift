import XCTest
@testable import SitegenContent
@testable import SitegenKit
@testable import SitegenPolicy

/// `baseURL` is read once, by the browsers' URL rules, for everything that needs its parts.
final class SiteAddressTests: XCTestCase {
    func testAPlainAddressGivesItsHostAndPathPrefix() throws {
        let root = try XCTUnwrap(SiteAddress.parse("https://Example.KZ"))
        XCTAssertEqual(root.text, "https://Example.KZ/", "the address is printed as written, with its final slash")
        XCTAssertEqual(root.host, "example.kz")
        XCTAssertEqual(root.path, "/")
        XCTAssertTrue(root.isHTTPS)
        let prefixed = try XCTUnwrap(SiteAddress.parse("https://factcheck.kz/42500"))
        XCTAssertEqual(prefixed.path, "/42500/")
        XCTAssertEqual(try XCTUnwrap(SiteAddress.parse("https://тест.kz/")).host, "xn--e1aybc.kz")
        XCTAssertEqual(try XCTUnwrap(SiteAddress.parse("http://localhost:1313/")).host, "localhost")
        XCTAssertFalse(try XCTUnwrap(SiteAddress.parse("http://localhost:1313/")).isHTTPS)
    }

    func testWhatIsNoPlainAddressIsRefused() {
        for bad in ["example.kz", "/kk/", "ftp://example.kz/", "https://", "https:///x", "https://user:pw@example.kz/",
                    "https://example.kz/?q=1", "https://example.kz/#top", "https://example.kz\\evil.kz/",
                    "https://exa mple.kz/", "https://example.kz/\"x", "https://example.kz/<x>", "https://[::1/"] {
            XCTAssertNil(SiteAddress.parse(bad), bad)
        }
    }

    func testEveryReaderOfTheAddressAgrees() {
        var config = SiteConfig(titles: ["kk": "x"], baseURL: "https://Example.org/guides/", defaultLanguage: "kk",
                                languages: ["kk"], links: LinkPolicyConfig())
        XCTAssertEqual(config.basePath, "/guides/")
        XCTAssertEqual(config.address.host, "example.org")
        XCTAssertTrue(ServingRules(config: config, assets: AssetNames()).nginxSnippet().contains("server_name example.org;"))
        config.baseURL = "http://127.0.0.1:8000/"
        XCTAssertEqual(config.basePath, "/")
        XCTAssertFalse(ServingRules(config: config, assets: AssetNames()).headersFile().contains("Strict-Transport-Security"))
        XCTAssertEqual(SiteAddressCheck.placeholderHost(config.baseURL), "127.0.0.1")
    }
}
