import Foundation
import XCTest

@testable import SitegenCore

/// The Swift readings of Foundation's text calls on hot paths: `trimmingSpaces()` trims what
/// `trimmingCharacters(in: .whitespaces)` trims (a task list's bare `[ ]`, a link whose text is an
/// address), and `containsBytes(of:)` finds what `contains(_:)` finds for the words it is given.
final class TextSearchTests: XCTestCase {
    func testTrimsWhatFoundationTrimsAndNothingElse() {
        // U+200B too: this Foundation's `.whitespaces` holds it.
        let spaces = ["", " ", "\t", "\u{A0}", "\u{2007}", "\u{202F}", "\u{3000}", "\u{1680}", " \u{A0}\t", "\u{200B}"]
        let kept = ["\n", "\r", "\u{FEFF}", "\u{85}", "\u{2028}", "\u{0B}", "\u{0C}", "\u{AD}"]
        let cores = ["", "[ ]", "[x]", "egov.kz", "ә б", "x\u{301}", "🇰🇿", " a\u{A0}b "]
        var cases = 0
        for core in cores {
            for left in spaces + kept {
                for right in spaces + kept {
                    let s = left + core + right
                    XCTAssertEqual(s.trimmingSpaces(), s.trimmingCharacters(in: .whitespaces),
                                   "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
                    cases += 1
                }
            }
        }
        XCTAssertGreaterThan(cases, 2000)
        // Every character of the Basic Multilingual Plane on its own: trimmed exactly when Foundation trims it.
        for v in 0...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = "a" + String(u)
            if s.trimmingSpaces() != s.trimmingCharacters(in: .whitespaces) { XCTFail("U+\(String(v, radix: 16))") }
        }
        XCTAssertEqual("\u{A0}[ ]\t".trimmingSpaces(), "[ ]")
        XCTAssertEqual("\n[ ]".trimmingSpaces(), "\n[ ]")
    }

    func testContainsBytesFindsWhatFoundationFinds() {
        let pieces = ["", "a", ":", "/", "://", "₸", "тенге", "теңге", "тг", "kzt", "т", "ң", "42 500", "\u{A0}", "https"]
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for word in ["://", "₸", "теңге", "тенге", "тг", "tenge", "kzt", "ң", ""] {
                XCTAssertEqual(text.containsBytes(of: word), text.contains(word), "\(text) \(word)")
                if !word.isEmpty && text.containsBytes(of: word) { found += 1 }
            }
        }
        XCTAssertGreaterThan(found, 1000)
        XCTAssertTrue("https://egov.kz".containsBytes(of: "://"))
        XCTAssertFalse("https:/egov.kz".containsBytes(of: "://"))
        XCTAssertFalse(":/".containsBytes(of: "://"))
        // Where they differ, the bytes find more: Foundation does not see `тг` before a combining mark.
        // Its callers are filters that read more in that case (parity facts, the bytes of a name).
        XCTAssertTrue("5 тг\u{301}".containsBytes(of: "тг"))
        XCTAssertFalse("5 тг\u{301}".contains("тг"))
    }
}
