import Foundation
import XCTest

@testable import SitegenKit

/// Ids a site's own templates write around the body: no heading takes one (the page would hold the
/// id twice, and a link to it would reach the first), and a link may name one.
final class TemplateIDsTests: XCTestCase {
    func testAHeadingNeverTakesAnIdTheTemplateOrItsPartialWrites() throws {
        let page = """
            ---
            title: Бет
            translationKey: p
            ---
            [Мазмұны](#contents), [жоғары](#top), [іздеу](#q).

            ## Contents

            ## Top

            ## Contents
            """
        let f = try Fixture(files: ["content/kk/p.md": page, "content/kk/s/_index.md": page.replacingOccurrences(of: "key: p", with: "key: s")])
        try edit(f, "templates/page.mustache") { $0.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\"><nav id=\"contents\" class=\"{{lang}}\"></nav><p id=\"{{lang}}-x\"></p>") }
        try edit(f, "templates/header.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body><div id='top'></div>") }
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        XCTAssertFalse(report.diagnostics.contains { $0.code == "link.internal" }, "the template's ids are places a link may name")

        let html = HTMLParser.parse(try XCTUnwrap(f.output("kk/p/index.html")))
        let ids = html.descendants.compactMap { $0["id"] }
        XCTAssertEqual(ids.count, Set(ids).count, "every id once: \(ids)")
        XCTAssertEqual(html.all("h2").map { $0["id"] ?? "" }, ["contents-2", "top-2", "contents-3"])
        XCTAssertEqual(html.element(id: "contents")?.name, "nav")

        // A section is written by `list`, which (with its partials) writes `top` but not `contents`.
        let section = HTMLParser.parse(try XCTUnwrap(f.output("kk/s/index.html")))
        XCTAssertEqual(section.all("h2").map { $0["id"] ?? "" }, ["contents", "top-2", "contents-2"])
    }

    private func edit(_ f: Fixture, _ path: String, _ change: (String) -> String) throws {
        try f.write(path, change(try String(contentsOfFile: f.root + "/" + path, encoding: .utf8)))
    }

    func testALinkToAnIdNoTemplateWritesIsStillRefused() throws {
        let f = try Fixture(files: ["content/kk/p.md": "---\ntitle: Бет\n---\n[Мазмұны](#contents)\n"])
        let report = f.build(checkOnly: true)
        let link = try XCTUnwrap(report.diagnostics.first { $0.code == "link.internal" })
        XCTAssertEqual(link.file, "content/kk/p.md")
        XCTAssertEqual(link.line, 4)
    }
}
