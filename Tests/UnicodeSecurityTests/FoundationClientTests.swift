// Foundation on Linux carries its own copy of the ICU headers. This file
// imports both, as the site generator's own modules do, so a change that
// leaks the system ICU module to clients (for example replacing
// `@_implementationOnly import CICU` with `internal import`) fails to compile
// here instead of in the site generator.
import Foundation
import UnicodeSecurity
import XCTest

final class FoundationClientTests: XCTestCase {
    func testUsableNextToFoundationICU() {
        // Foundation's own ICU does the lowercasing here, system ICU the IDNA.
        let host = "ЕГОВ.ҚАЗ".lowercased(with: Locale(identifier: "kk_KZ"))
        XCTAssertEqual(host, "егов.қаз")
        XCTAssertEqual(IDNA.toASCII(host).value, "xn--b1abf1b.xn--80ao21a")
        XCTAssertEqual(URL(string: "https://xn--b1abf1b.xn--80ao21a/")?.host, IDNA.toASCII(host).value)
    }
}
