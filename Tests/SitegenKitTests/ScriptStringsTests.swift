import XCTest

@testable import SitegenKit

/// A script's strings are read as the script sees them: escapes decoded, comments and regular
/// expressions passed over, each byte at the place it was written.
final class ScriptStringsTests: XCTestCase {
    private func texts(_ script: String) throws -> [String] {
        try ScriptStrings.literals(Array(script.utf8)[...]).get().map(\.text)
    }

    private func stop(_ script: String) -> ScriptStrings.Unreadable? {
        guard case .failure(let stop) = ScriptStrings.literals(Array(script.utf8)[...]) else { return nil }
        return stop
    }

    func testEscapesAreDecodedAsAScriptDecodesThem() throws {
        XCTAssertEqual(try texts(#"var u = "\x2f\x2fegov-kz\u002ecom", v = '\u{2F}\/x', w = "\u0065\u0301", o = "\57\057";"#),
                       ["//egov-kz.com", "//x", "e\u{301}", "//"])
        XCTAssertEqual(try texts("a = \"t.\\\nme\"; b = '\\uD83D\\uDE00'; c = '\\q\\\"'"), ["t.me", "😀", "q\""])
    }

    func testEveryByteKeepsThePlaceItWasWrittenAt() throws {
        let script = #"x = "a\x2eb""#
        let literal = try XCTUnwrap(ScriptStrings.literals(Array(script.utf8)[...]).get().first)
        XCTAssertEqual(literal.text, "a.b")
        XCTAssertEqual(literal.offsets, [5, 6, 10])
    }

    func testCommentsAndRegularExpressionsHoldNoStrings() throws {
        XCTAssertEqual(try texts("// 'not a string\n/* \"nor this\" */ s.replace(/[\"'/]/g, \"\") / 2 / x; y = a / 'b'"), ["", "b"])
        XCTAssertEqual(try texts("if (a) return /'/.test(x) ? 'yes' : `no`"), ["yes", "no"])
    }

    func testATemplatesTextIsReadAroundItsExpressions() throws {
        XCTAssertEqual(try texts("t = `https://${ {a: `x${1}y`}.a }/path` + 'z'"), ["https://", "x", "y", "/path", "z"])
    }

    func testWhatDoesNotEndIsReportedWhereItBegins() {
        XCTAssertEqual(stop("a = 1;\nb = \"https://evil.example/\nc = 2"), ScriptStrings.Unreadable(offset: 11, what: "\""))
        XCTAssertEqual(stop("a /* b"), ScriptStrings.Unreadable(offset: 2, what: "/*"))
        XCTAssertEqual(stop("x = `a${b"), ScriptStrings.Unreadable(offset: 6, what: "${"))
        XCTAssertEqual(stop("x = `abc"), ScriptStrings.Unreadable(offset: 4, what: "`"))
        XCTAssertEqual(stop("x = '\\x2'"), ScriptStrings.Unreadable(offset: 5, what: "\\"))
        XCTAssertEqual(stop("x = /abc\n"), ScriptStrings.Unreadable(offset: 4, what: "/"))
    }

    /// The site's own scripts are read to their end, and nothing in them is refused.
    func testTheSitesOwnScriptsAreReadWhole() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for name in ["search.js", "checklist.js"] {
            let bytes = try [UInt8](Data(contentsOf: root.appendingPathComponent("static/" + name)))
            let literals = try ScriptStrings.literals(bytes[...]).get()
            XCTAssertGreaterThan(literals.count, 3, name)
        }
    }
}
