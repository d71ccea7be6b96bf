import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// The editors' handbook (`docs/`) is a sitegen site under the same policy, and every Markdown
/// example in it is built, so the handbook cannot teach what sitegen no longer accepts.
final class HandbookTests: XCTestCase {
    static let docs = Fixture.repository + "/docs"

    /// The handbook's pages, by path below `docs/content/`.
    static func pages() throws -> [(String, String)] {
        let root = docs + "/content"
        let files = FileManager.default.enumerator(atPath: root)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }.sorted()
        return try files.map { ($0, try String(contentsOfFile: root + "/" + $0, encoding: .utf8)) }
    }

    func testTheHandbookBuildsWithNoErrorOrWarning() throws {
        let config = try String(contentsOfFile: Self.docs + "/sitegen.yml", encoding: .utf8)
        let f = try Fixture(config: config)
        for (path, text) in try Self.pages() { try f.write("content/" + path, text) }
        let report = f.build()
        XCTAssertEqual(report.diagnostics.map(DiagnosticFormatter.line), [])
        XCTAssertTrue(report.published)
        // Kazakh and Russian pages pair by translationKey: every page has its translation.
        let kk = Set(try Self.pages().filter { $0.0.hasPrefix("kk/") }.map { String($0.0.dropFirst(3)) })
        let ru = Set(try Self.pages().filter { $0.0.hasPrefix("ru/") }.map { String($0.0.dropFirst(3)) })
        XCTAssertEqual(kk, ru)
        XCTAssertGreaterThanOrEqual(kk.count, 9)
    }

    /// A ```` ```markdown ```` block (or one fenced with four backticks) builds, as a page of the real site, with no error;
    /// a ```` ```markdown wrong CODE ```` block reports CODE.
    func testEveryMarkdownExampleIsBuilt() throws {
        let fence = try NSRegularExpression(pattern: "(?m)^(`{3,4})markdown( wrong ([a-z.-]+))?\\n([\\s\\S]*?)^\\1$")
        let config = try String(contentsOfFile: Fixture.repository + "/sitegen.yml", encoding: .utf8)
        var examples = 0, wrongs = 0
        for (path, text) in try Self.pages() {
            let language = String(path.prefix(2))
            for m in fence.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let body = String(text[Range(m.range(at: 4), in: text)!])
                let code = Range(m.range(at: 3), in: text).map { String(text[$0]) }
                let f = try Fixture(config: config)
                try FileManager.default.copyItem(atPath: Fixture.repository + "/content", toPath: f.root + "/content")
                let page = body.hasPrefix("---\n") ? body : "---\ntitle: \"Мысал\"\n---\n" + body
                try f.write("content/\(language)/handbook-example.md", page)
                let d = f.build(checkOnly: true).diagnostics
                let listing = "\(path):\n\(body)\n" + d.map(DiagnosticFormatter.line).joined(separator: "\n")
                examples += 1
                if let code {
                    wrongs += 1
                    XCTAssertTrue(d.contains { $0.code == code && $0.file.hasSuffix("handbook-example.md") }, listing)
                } else {
                    XCTAssertFalse(d.contains { $0.severity == .error }, listing)
                }
            }
        }
        XCTAssertGreaterThanOrEqual(examples, 24)
        XCTAssertGreaterThanOrEqual(wrongs, 6)
    }
}
