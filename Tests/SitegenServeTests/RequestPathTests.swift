import XCTest
@testable import SitegenServe

final class RequestPathTests: XCTestCase {
    func testTheSitesOwnAddressesAreRead() throws {
        XCTAssertEqual(try RequestPath.read("/").get().relative, "")
        XCTAssertEqual(try RequestPath.read("/kk/42500/apply/").get().relative, "kk/42500/apply/")
        XCTAssertEqual(try RequestPath.read("/style.2f4e.css").get().relative, "style.2f4e.css")
        // Cyrillic, escaped as a browser sends it.
        XCTAssertEqual(try RequestPath.read("/ru/%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80/").get().relative, "ru/пример/")
        XCTAssertEqual(try RequestPath.read("/a%20b").get().relative, "a b")
        XCTAssertEqual(try RequestPath.read("/...").get().relative, "...")
    }

    func testWhatCouldLeaveTheRootOrBeReadTwoWaysIsRefused() {
        let refused: [(String, RequestPath.Refusal)] = [
            ("kk/", .notAbsolute), ("/..", .dotSegment), ("/kk/../x", .dotSegment), ("/./kk", .dotSegment),
            ("/%2e%2e/x", .forbiddenByte), ("/%2E/x", .forbiddenByte), ("/kk%2fx", .forbiddenByte),
            ("/kk%5Cx", .forbiddenByte), ("/kk\\x", .forbiddenByte), ("/kk/%00", .forbiddenByte),
            ("/kk/\u{0}", .forbiddenByte), ("/kk/\u{7f}", .forbiddenByte), ("/kk/%0a", .forbiddenByte),
            ("//x", .emptySegment), ("/kk//x", .emptySegment), ("/kk/%", .badEscape), ("/kk/%4", .badEscape),
            ("/kk/%zz", .badEscape), ("/kk/%ff", .notUTF8), ("/%c0%ae%c0%ae/", .notUTF8),
            ("/" + String(repeating: "a", count: RequestPath.maximumLength), .tooLong),
        ]
        for (raw, why) in refused {
            switch RequestPath.read(raw) {
            case .success(let p): XCTFail("\(raw) read as \(p.relative)")
            case .failure(let r): XCTAssertEqual(r, why, raw)
            }
        }
    }
}

final class TelegramPreviewTests: XCTestCase {
    func testTelegramsFormattingBecomesHTMLAndNothingElseDoes() {
        XCTAssertEqual(TelegramPreview.html("<b>Жол</b> <i>x</i> <a href=\"https://egov.kz/\">egov.kz</a>"),
                       "<strong>Жол</strong> <em>x</em> <a href=\"https://egov.kz/\" rel=\"noopener noreferrer\">egov.kz</a>")
        XCTAssertEqual(TelegramPreview.html("<a href=\"javascript:alert(1)\">x</a>"), "<a>x</a>")
        XCTAssertEqual(TelegramPreview.html("<script>alert(1)</script>"), "alert(1)")
        XCTAssertEqual(TelegramPreview.html("<img src=x onerror=alert(1)>"), "")
        XCTAssertEqual(TelegramPreview.html("&lt;script&gt; &amp; &quot;"), "&lt;script&gt; &amp; &quot;")
        XCTAssertEqual(TelegramPreview.html("<a href=\"https://x.kz/?a=1&amp;b=&quot;2\">y</a>"),
                       "<a href=\"https://x.kz/?a=1&amp;b=&quot;2\" rel=\"noopener noreferrer\">y</a>")
        XCTAssertEqual(TelegramPreview.html("<b>open"), "<strong>open</strong>")
        XCTAssertEqual(TelegramPreview.html("<blockquote expandable>q</blockquote>"), "<blockquote>q</blockquote>")
    }
}
