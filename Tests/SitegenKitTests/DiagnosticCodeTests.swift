import Foundation
import XCTest
@testable import SitegenCore
@testable import SitegenKit

/// One list of codes: the enumeration, `sitegen explain`, and the README's table agree.
final class DiagnosticCodeTests: XCTestCase {
    func testEveryCodeIsExplainedAndEveryExplanationIsACode() {
        XCTAssertEqual(Set(Explanation.all.keys), Set(DiagnosticCode.allCases.map(\.rawValue)))
    }

    func testTheReadmesTableListsExactlyTheCodes() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "### Diagnostic codes"))
        let end = text.range(of: "\n## ", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
        var listed: [String] = []
        for line in text[start.upperBound..<end].split(separator: "\n") where line.hasPrefix("| `") {
            listed.append(String(line.dropFirst(3).prefix { $0 != "`" }))
        }
        XCTAssertEqual(listed.count, Set(listed).count, "a code is listed twice")
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        XCTAssertEqual(Set(listed).subtracting(codes), [], "listed in the README but not a code")
        XCTAssertEqual(codes.subtracting(listed), [], "a code missing from the README's table")
    }

    func testADiagnosticsKindIsItsCode() {
        let d = Diagnostic(.error, "link.lookalike", id: "link.lookalike", ["host": "egov-kz.com", "official": "egov.kz"],
                           file: "content/kk/x.md", line: 3, column: 4)
        XCTAssertEqual(d.kind, .linkLookalike)
    }
}
