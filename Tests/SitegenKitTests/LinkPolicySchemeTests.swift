import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

// MARK: - Shared helpers for the LinkPolicy*Tests files

/// Assertions about the link policy's findings that say exactly what was expected and what came.
enum LinkPolicyAssert {
    /// The page `Fixture.check` writes.
    static let page = "content/kk/test.md"

    static func errors(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.severity == .error }
    }

    static func listing(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.isEmpty ? "(none)" : diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n")
    }

    /// Exactly one error: `code` at `line`:`column` of `file`, its message containing `messageContains`.
    static func onlyError(
        _ diagnostics: [Diagnostic], code: String, line: Int, column: Int, file: String = page,
        messageContains: String? = nil, sourceFile: StaticString = #filePath, sourceLine: UInt = #line
    ) {
        let errs = errors(diagnostics)
        guard errs.count == 1, let e = errs.first, e.code == code, e.line == line, e.column == column, e.file == file
        else {
            XCTFail("expected only \(code) at \(file):\(line):\(column), got:\n" + listing(diagnostics),
                    file: sourceFile, line: sourceLine)
            return
        }
        if let needle = messageContains {
            XCTAssertTrue(e.message.contains(needle), "message '\(e.message)' does not contain '\(needle)'",
                          file: sourceFile, line: sourceLine)
        }
    }

    /// Exactly these errors, as (code, line, column), in any order.
    static func errorsAre(
        _ diagnostics: [Diagnostic], _ expected: [(String, Int, Int)], file: String = page,
        sourceFile: StaticString = #filePath, sourceLine: UInt = #line
    ) {
        let got = errors(diagnostics).map { "\($0.file):\($0.line):\($0.column) \($0.code)" }.sorted()
        let want = expected.map { "\(file):\($0.1):\($0.2) \($0.0)" }.sorted()
        XCTAssertEqual(got, want, "got:\n" + listing(diagnostics), file: sourceFile, line: sourceLine)
    }

    static func noErrors(_ diagnostics: [Diagnostic], sourceFile: StaticString = #filePath, sourceLine: UInt = #line) {
        let errs = errors(diagnostics)
        XCTAssertTrue(errs.isEmpty, "unexpected errors:\n" + listing(errs), file: sourceFile, line: sourceLine)
    }

    /// Fixture.defaultConfig with whole lines replaced; fails if a line to replace is not there.
    static func config(replacing pairs: [(String, String)], sourceFile: StaticString = #filePath,
                       sourceLine: UInt = #line) -> String {
        var lines = Fixture.defaultConfig.components(separatedBy: "\n")
        for (old, new) in pairs {
            guard let i = lines.firstIndex(of: old) else {
                XCTFail("config line '\(old)' not found", file: sourceFile, line: sourceLine)
                continue
            }
            lines[i] = new
        }
        return lines.joined(separator: "\n")
    }

    /// Checks a whole page file written as given (front matter included).
    static func checkFile(_ text: String, config: String = Fixture.defaultConfig) throws -> [Diagnostic] {
        let f = try Fixture(config: config)
        try f.write(page, text)
        return f.build(checkOnly: true).diagnostics
    }
}

// MARK: - Schemes

final class LinkPolicySchemeTests: XCTestCase {
    func testHTTPSLinkToAllowedHostIsAccepted() throws {
        let d = try Fixture.check("Портал: [egov](https://egov.kz/services/42500)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testHTTPLinkEvenToAllowedHostIsSchemeError() throws {
        let d = try Fixture.check("Қараңыз: [портал](http://egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 10)
    }

    func testJavascriptLinkIsSchemeError() throws {
        let d = try Fixture.check("[басыңыз](javascript:alert(1))\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testMixedCaseJavascriptSchemeIsSchemeError() throws {
        let d = try Fixture.check("Мәтін [x](JaVaScRiPt:alert(1))\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 7)
    }

    func testJavascriptSplitByEncodedTabIsSchemeError() throws {
        // cmark decodes &#9; to a tab; a browser's URL parser drops tabs, leaving javascript:.
        let d = try Fixture.check("[x](java&#9;script:alert(1))\n")
        XCTAssertTrue(LinkPolicyAssert.errors(d).contains { $0.code == "link.scheme" && $0.line == 4 && $0.column == 1 },
                      LinkPolicyAssert.listing(d))
    }

    func testDataLinkIsSchemeError() throws {
        let d = try Fixture.check("[x](data:text/html;base64,PHNjcmlwdD4=)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testFTPLinkIsSchemeError() throws {
        let d = try Fixture.check("[файл](ftp://egov.kz/file.pdf)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testFileLinkIsSchemeError() throws {
        let d = try Fixture.check("[файл](file:///etc/passwd)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testTelegramSchemeOtherThanResolveIsSchemeError() throws {
        let d = try Fixture.check("[бөлісу](tg://msg?text=hello)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testProtocolRelativeLinkIsSchemeError() throws {
        let d = try Fixture.check("[x](//evil.com/path)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testProtocolRelativeLinkToAllowedHostIsStillSchemeError() throws {
        let d = try Fixture.check("[x](//egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testProtocolRelativeWithBackslashIsSchemeError() throws {
        // `/\evil.com` is `//evil.com` to a browser.
        let d = try Fixture.check(#"[x](/\\evil.com/)"# + "\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testUnknownSchemeIsSchemeError() throws {
        let d = try Fixture.check("[қоңырау](skype:someone?call)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testHTTPAngleAutolinkIsSchemeError() throws {
        let d = try Fixture.check("Сайт: <http://egov.kz/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 7)
    }

    func testTabHiddenProtocolRelativeLinkIsSchemeError() throws {
        // `/<tab>/evil.com` is `//evil.com` once the URL parser drops the tab.
        let d = try Fixture.check("[x](/&#9;/evil.com)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testDoubleBackslashLinkIsSchemeError() throws {
        // Markdown `\\\\` is two backslashes: `\\evil.com` is a protocol-relative link to a browser.
        let d = try Fixture.check(#"[x](\\\\evil.com/)"# + "\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testWrittenOutHTTPURLInTextIsSchemeError() throws {
        let d = try Fixture.check("Сайт: http://egov.kz/\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 7)
    }
}
