import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// The link policy's findings as tools read them: JSON and GitHub workflow commands.
final class LinkPolicyFormatterTests: XCTestCase {
    private func parseJSON(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try XCTUnwrap(object as? [[String: Any]], "not an array of objects: \(text)", file: file, line: line)
    }

    // MARK: - JSON

    func testJSONCarriesEveryFieldOfAPolicyFinding() throws {
        let d = try Fixture.check("Мәтін [x](https://evil.com/)\n")
        let json = DiagnosticFormatter(format: .json).render(d)
        let list = try parseJSON(json)
        let entry = try XCTUnwrap(list.first { $0["code"] as? String == "link.host" }, json)
        XCTAssertEqual(entry["file"] as? String, "content/kk/test.md")
        XCTAssertEqual(entry["line"] as? Int, 4)
        XCTAssertEqual(entry["column"] as? Int, 7)
        XCTAssertEqual(entry["severity"] as? String, "error")
        XCTAssertEqual(entry["url"] as? String, "https://evil.com/")
        XCTAssertFalse((entry["message"] as? String ?? "").isEmpty, json)
    }

    func testJSONOfNoFindingsIsEmptyArray() throws {
        let list = try parseJSON(DiagnosticFormatter(format: .json).render([]))
        XCTAssertTrue(list.isEmpty)
    }

    func testJSONRoundTripsAwkwardText() throws {
        let message = "«egov-kz.com» \"quoted\" \\ back\nline\t<b>&amp; \u{1}"
        let diag = Diagnostic(file: "content/kk/a,b.md", line: 3, column: 9, severity: .warning,
                              code: "link.host", message: message, url: "https://x.kz/?a=1&b=\"2\"")
        let list = try parseJSON(DiagnosticFormatter(format: .json).render([diag]))
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list.first?["message"] as? String, message)
        XCTAssertEqual(list.first?["url"] as? String, "https://x.kz/?a=1&b=\"2\"")
        XCTAssertEqual(list.first?["file"] as? String, "content/kk/a,b.md")
        XCTAssertEqual(list.first?["severity"] as? String, "warning")
    }

    func testJSONLeavesOutURLWhenThereIsNone() throws {
        let diag = Diagnostic(file: "sitegen.yml", line: 12, column: 7, severity: .error, code: "policy.invalid",
                              message: "bad", url: nil)
        let list = try parseJSON(DiagnosticFormatter(format: .json).render([diag]))
        XCTAssertNil(list.first?["url"])
        XCTAssertEqual(list.first?["code"] as? String, "policy.invalid")
    }

    // MARK: - GitHub workflow commands

    func testGitHubCommandNamesFileLineAndColumn() throws {
        let d = try Fixture.check("Мәтін [x](https://evil.com/)\n")
        let out = DiagnosticFormatter(format: .github).render(d)
        let line = try XCTUnwrap(out.split(separator: "\n").first { $0.contains("title=link.host") }, out)
        XCTAssertTrue(line.hasPrefix("::error file=content/kk/test.md,line=4,col=7,"), String(line))
    }

    func testGitHubCommandEscapesMessageAndProperties() throws {
        let diag = Diagnostic(file: "content/kk/a,b:c.md", line: 2, column: 5, severity: .warning,
                              code: "markdown.raw-html", message: "50% done\nnext", url: nil)
        let out = DiagnosticFormatter(format: .github).render([diag])
        XCTAssertEqual(out, "::warning file=content/kk/a%2Cb%3Ac.md,line=2,col=5,title=markdown.raw-html::50%25 done%0Anext\n")
    }

    func testTextLineHasCompilerShape() throws {
        let d = try Fixture.check("[x](http://egov.kz/)\n")
        let lines = DiagnosticFormatter(format: .text).render(d).split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("content/kk/test.md:4:1: error: ") && $0.hasSuffix(" [link.scheme]") },
                      lines.joined(separator: "\n"))
    }
}
