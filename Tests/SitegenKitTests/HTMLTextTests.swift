import Foundation
import XCTest

@testable import SitegenCore

/// The escaping of text sitegen puts into HTML: each of `& < > " '` becomes its entity, every other
/// character stays as it is, whatever script or length.
final class HTMLTextTests: XCTestCase {
    func testEachSpecialCharacterIsEscapedAndEveryOtherKept() {
        let cases: [(String, String)] = [
            ("", ""),
            ("42 500 теңге", "42 500 теңге"),
            ("<a href=\"x\">'&'</a>", "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"),
            ("&&&&&&&&", "&amp;&amp;&amp;&amp;&amp;&amp;&amp;&amp;"),
            ("\"\"\"", "&quot;&quot;&quot;"),
            ("Өтініш <egov.kz> 🇰🇿 & «құжат»", "Өтініш &lt;egov.kz&gt; 🇰🇿 &amp; «құжат»"),
            ("a<", "a&lt;"),
            (">b", "&gt;b"),
            ("&amp;", "&amp;amp;"),
        ]
        for (text, escaped) in cases {
            XCTAssertEqual(HTMLText.escape(text), escaped, text)
        }
    }

    /// Long texts, special characters anywhere among letters of every width: the result is the text
    /// with each special character replaced, byte for byte.
    func testLongMixedTextsEscapeLikeAReplacement() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "ә", "Ж", "€", "🇰🇿", "&", "<", ">", "\"", "'", " ", "\n"]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...300, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let expected = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                .replacingOccurrences(of: "'", with: "&#39;")
            XCTAssertEqual(HTMLText.escape(text), expected, text)
        }
    }
}
