import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

final class SourceTextTests: XCTestCase {
    func testColumnsCountScalarsNotBytes() throws {
        let text = try SourceText.decode(Array("әбв x\nекі".utf8)).get()
        XCTAssertEqual(text.column(line: 1, byteColumn: 8), 5, "three two-byte letters and a space before x")
        XCTAssertEqual(text.position(ofByte: 10).line, 2)
    }

    func testOverlongAndSurrogateUTF8AreRejected() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x61, 0xE2, 0x82]] {
            guard case .failure(let p) = SourceText.decode(bad) else { return XCTFail("accepted \(bad)") }
            if case .invalidUTF8 = p.problem {} else { XCTFail("wrong problem for \(bad)") }
        }
    }

    func testTextFormatOfADiagnostic() {
        let d = Diagnostic(file: "content/kk/42500/apply.md", line: 12, column: 5, severity: .error, code: "link.lookalike",
                           message: "link to non-official host egov-kz.com (looks like egov.kz)")
        XCTAssertEqual(DiagnosticFormatter.line(d),
                       "content/kk/42500/apply.md:12:5: error: link to non-official host egov-kz.com (looks like egov.kz) [link.lookalike]")
    }

    func testCaretSitsUnderTheColumn() {
        let d = Diagnostic(file: "f.md", line: 1, column: 4, severity: .error, code: "link.host", message: "m")
        let out = DiagnosticFormatter(format: .text, sourceLines: { _, _ in "әбв[x]" }).render([d], withSnippets: true)
        XCTAssertEqual(out, "f.md:1:4: error: m [link.host]\n    әбв[x]\n       ^\n")
    }
}
