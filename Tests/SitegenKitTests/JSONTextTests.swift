import Foundation
import SitegenCore
import XCTest

/// JSON string literals as the manifest, the search index and the structured data write them.
final class JSONTextTests: XCTestCase {
    func quoted(_ s: String, forHTML: Bool) -> String {
        var out: [UInt8] = []
        JSONText.append(s, to: &out, forHTML: forHTML)
        return String(decoding: out, as: UTF8.self)
    }

    /// Every character JSON, a `<script>` element or JavaScript cannot take as it is, escaped; the
    /// rest (Kazakh and Russian letters, `₸`, emoji) as it is.
    func testEscapesWhatItMustAndNothingElse() {
        let s = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h<i>j&k\u{2028}l\u{2029}m қазақ ₸ 👍 \u{7F}"
        XCTAssertEqual(quoted(s, forHTML: true),
                       "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u003ci\\u003ej\\u0026k\\u2028l\\u2029m қазақ ₸ 👍 \u{7F}\"")
        XCTAssertEqual(quoted(s, forHTML: false),
                       "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh\\u003ci\\u003ej&k\\u2028l\\u2029m қазақ ₸ 👍 \u{7F}\"")
        XCTAssertEqual(quoted("", forHTML: true), "\"\"")
        XCTAssertEqual(JSONText.quote("</script>"), "\"\\u003c/script\\u003e\"")
        // U+2028's bytes cut apart or near it are other characters, left as they are.
        XCTAssertEqual(quoted("\u{2027}\u{2030}\u{E2}", forHTML: true), "\"\u{2027}\u{2030}\u{E2}\"")
    }

    /// What is written reads back as the text it was made from.
    func testReadsBackAsTheText() throws {
        for s in ["", "\"", "\\\\", "<>&", "\u{0}\u{1}\u{1F}\u{7F}", "\u{2028}\u{2029}", "ə ө ү ұ қ ғ ң һ і", "a\u{2028}", "\u{2029}b"] {
            for forHTML in [true, false] {
                let json = "[" + quoted(s, forHTML: forHTML) + "]"
                let back = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String])
                XCTAssertEqual(back, [s], json)
            }
        }
    }
}
