import Foundation
import XCTest

@testable import SitegenKit

/// Ids a site's own templates may write around the body: no heading takes one (the page would hold the
/// id twice, and a link to it would reach the first), and no link may name one (that every page shows
/// it is not proven by the template).
final class TemplateIDsTests: XCTestCase {
    func testAHeadingNeverTakesAnIdTheTemplateOrItsPartialWrites() throws {
        let page = """
            ---
            title: Бет
            translationKey: p
            ---
            Мәтін.

            ## Contents

            ## Top

            ## Contents
            """
        let f = try Fixture(files: ["content/kk/p.md": page, "content/kk/s/_index.md": page.replacingOccurrences(of: "translationKey: p", with: "translationKey: s")])
        try edit(f, "templates/page.mustache") { $0.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\"><nav id=\"contents\" class=\"{{lang}}\"></nav><p id=\"{{lang}}-x\"></p>") }
        try edit(f, "templates/header.mustache") { $0.replacingOccurrences(of: "<body>", with: "<body><div id='top'></div>") }
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")

        let html = HTMLParser.parse(try XCTUnwrap(f.output("kk/p/index.html")))
        let ids = html.descendants.compactMap { $0["id"] }
        XCTAssertEqual(ids.count, Set(ids).count, "every id once: \(ids)")
        XCTAssertEqual(html.all("h2").map { $0["id"] ?? "" }, ["contents-2", "top-2", "contents-3"])
        XCTAssertEqual(html.element(id: "contents")?.name, "nav")
        // A section, written by `list`, keeps the ids of every template from its headings too.
        let section = HTMLParser.parse(try XCTUnwrap(f.output("kk/s/index.html")))
        XCTAssertEqual(section.all("h2").map { $0["id"] ?? "" }, ["contents-2", "top-2", "contents-3"])

        // A link may name the heading's id, never the template's: `main` alone is on every page for sure.
        try edit(f, "content/kk/p.md") { $0.replacingOccurrences(of: "Мәтін.", with: "[a](#contents) [b](#top) [c](#q) [d](#contents-2) [e](#main)") }
        let refused = f.build(checkOnly: true).diagnostics.filter { $0.code == "link.internal" }.map(\.column)
        XCTAssertEqual(refused, [1, 16, 26])
    }

    /// Every id a template may write, wherever it stands and however it is spelt: in any template (a
    /// partial may be taken in by a name its data gives), in comments, sections and raw text alike,
    /// with character references decoded and tags taken out, as the library reads the tags.
    func testEveryIdATemplateMayWriteIsKept() {
        func ids(_ templates: [String: String]) -> [String] {
            TemplateIDs(sources: templates.map { ("templates/\($0.key).mustache", Array($0.value.utf8)) }).reserved
        }
        XCTAssertEqual(ids(["page": "<b id=a>", "kk": "<div id=\"dyn\"></div>", "other": "<i ID = 'up'>"]), ["a", "dyn", "up"])
        for (template, expected) in [
            ("<div id=\"d&#117;p\"></div>", ["dup"]),
            ("<div id=\"d&#x75p\">", ["dup"]),
            ("<div id=\"d&#00000000117;p\"><div id=\"x&#x000000075;y\">", ["dup", "xuy"]),
            ("<div id=\"a&#99999999999;b\">", ["a\u{FFFD}b"]),
            ("<!-- x --!><div id=\"dup\"></div>", ["dup"]),
            ("{{#nothing}}<!--{{/nothing}}<div id=\"dup\"></div>{{#nothing}}-->{{/nothing}}", ["dup"]),
            ("<textarea>{{>close}}<div id=\"dup\"></div>", ["dup"]),
            ("<div id=\"dup{{nothing}}\"></div>", ["dup", "dup{{nothing}}"]),
            ("<div id=\"du{{% CONTENT_TYPE: HTML }}p\"></div>", ["dup", "du{{% CONTENT_TYPE: HTML }}p"]),
            ("<svg><style><g id=\"dup\"></g></style></svg>", ["dup"]),
            ("<script>var s = '<div id=\"js\">';</script><p>Use the id=\"demo\" attribute</p>", ["demo", "js"]),
            ("{{=<% %>=}}<b id=\"d<%x%>up\">", ["d<%x%>up", "dup"]),
            ("{{\u{301} <b id=\"dup\">x</b> }}", ["dup"]),
            ("<b data-id=x grid=y id=z>", ["z"]),
            ("<b id=\"{{x}}\">", ["{{x}}"]),
        ] {
            XCTAssertEqual(ids(["page": template]), expected, template.debugDescription)
        }
    }

    private func edit(_ f: Fixture, _ path: String, _ change: (String) -> String) throws {
        try f.write(path, change(try String(contentsOfFile: f.root + "/" + path, encoding: .utf8)))
    }

    /// A template that sets other delimiters still takes in its partials: their ids are kept from headings.
    func testAPartialTakenInWithOtherDelimitersKeepsItsIds() throws {
        let f = try Fixture(files: ["content/kk/p.md": "---\ntitle: Бет\n---\n## Widget\n\nМәтін.\n"])
        try f.write("templates/widget.mustache", "<aside id=\"widget\"></aside>")
        try edit(f, "templates/page.mustache") {
            $0.replacingOccurrences(of: "<main id=\"main\">", with: "<main id=\"main\">{{=<% %>=}}<%> widget %><%={{ }}=%>")
        }
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        let html = HTMLParser.parse(try XCTUnwrap(f.output("kk/p/index.html")))
        XCTAssertEqual(html.element(id: "widget")?.name, "aside", "the partial is rendered")
        XCTAssertEqual(html.all("h2").map { $0["id"] ?? "" }, ["widget-2"])
    }

    func testALinkToAnIdNoTemplateWritesIsStillRefused() throws {
        let f = try Fixture(files: ["content/kk/p.md": "---\ntitle: Бет\n---\n[Мазмұны](#contents)\n"])
        let report = f.build(checkOnly: true)
        let link = try XCTUnwrap(report.diagnostics.first { $0.code == "link.internal" })
        XCTAssertEqual(link.file, "content/kk/p.md")
        XCTAssertEqual(link.line, 4)
    }
}
