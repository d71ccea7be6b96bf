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

    /// Only ids in start tags count, and only those every page shows may be linked to: not one in a
    /// comment, in text or in a script, nor one inside a section the page may not show.
    func testOnlyAStartTagsIdOutsideASectionIsAPlaceALinkMayName() throws {
        let page = """
            ---
            title: Бет
            ---
            [a](#gone) [b](#toc2) [c](#contents) [d](#demo) [e](#js) [f](#қазақ)

            ## Toc2

            ## Demo

            ## Js
            """
        let f = try Fixture(files: ["content/kk/p.md": page])
        try edit(f, "templates/page.mustache") {
            $0.replacingOccurrences(of: "<main id=\"main\">", with: """
                <main id="main"><!-- <div id="gone"></div> -->{{#hasToc}}<nav id="toc2">x</nav>{{/hasToc}}
                <nav
                  class="x" ID=contents></nav><p>Use the id="demo" attribute</p><script>var s = '<div id="js">';</script><p id="қазақ"></p>
                """)
        }
        let report = f.build()
        let refused = report.diagnostics.filter { $0.code == "link.internal" }.map(\.column)
        // `#gone` (a comment), `#toc2` (inside a section) and `#қазақ` (not ASCII) reach no place for sure;
        // the headings take the ids no start tag writes.
        XCTAssertEqual(refused, [1, 12, 58], "\(report.diagnostics)")
        try edit(f, "content/kk/p.md") { $0.replacingOccurrences(of: " [f](#қазақ)", with: "").replacingOccurrences(of: "[a](#gone) [b](#toc2) ", with: "") }
        XCTAssertTrue(f.build().published)
        let html = HTMLParser.parse(try XCTUnwrap(f.output("kk/p/index.html")))
        XCTAssertEqual(html.all("h2").map { $0["id"] ?? "" }, ["toc2-2", "demo", "js"],
                       "a section's id is kept from headings all the same")
    }

    func testPartialsSectionsAndDelimitersAsTheTemplateReadsThem() {
        func ids(_ templates: [String: String]) -> TemplateIDs {
            TemplateIDs(template: "page", sources: templates.map { ("templates/\($0.key).mustache", Array($0.value.utf8)) })
        }
        // A partial taken in inside a section and outside one shows its ids on every page; one that
        // takes in itself (or the page) ends.
        let both = ids(["page": "{{#x}}{{> a}}{{/x}}<i id=p>{{> a}}{{> page}}", "a": "<b id='a'>{{> a}}</b>{{>*dynamic}}"])
        XCTAssertEqual(both, TemplateIDs(reserved: ["a", "p"], targets: ["a", "p"]))
        let inside = ids(["page": "{{^x}}{{> a}}{{/x}}", "a": "<b id=a>"])
        XCTAssertEqual(inside, TemplateIDs(reserved: ["a"], targets: []))
        // Other delimiters, as the library reads them: a partial taken in with them writes its ids, an id
        // a tag makes is the pipeline's, and delimiters set inside a section end with it.
        let delimiters = ids(["page": "{{=<% %>=}}<b id=a><%#x%><i id=b><%/x%>"])
        XCTAssertEqual(delimiters, TemplateIDs(reserved: ["a", "b"], targets: ["a"]))
        let partial = ids(["page": "{{=<% %>=}}<%> w %><b id=\"<%x%>\"><%={{ }}=%>{{> v}}", "w": "<nav id=w>", "v": "<i id=v>"])
        XCTAssertEqual(partial, TemplateIDs(reserved: ["v", "w"], targets: ["v", "w"]))
        let scoped = ids(["page": "{{#s}}{{=| |=}}|/s|<b id=a>{{> w}}", "w": "<nav id=w>"])
        XCTAssertEqual(scoped, TemplateIDs(reserved: ["a", "w"], targets: ["a", "w"]))
        XCTAssertEqual(ids(["page": "{{{x}}}<b id=a>{{=<% %>=}}<%{y%>}<i id=b>"]), TemplateIDs(reserved: ["a", "b"], targets: ["a", "b"]),
                       "a triple tag ends a brace after its end delimiter, whichever they are")
        // By whole characters and Unicode's white space, as the library reads: `{{` and a combining mark
        // is text; an end delimiter may hold `}}`; a no-break space parts delimiters, and a sigil from a
        // partial's name; a comment runs on to a `}}` not followed by a combining mark.
        for (template, reserved) in [("{{\u{301} <b id=\"dup\">x</b> }}", ["dup"]),
                                     ("{{=<% }}%>=}}{{ <b id=\"dup\">x</b> }}<%={{ }}=}}%>", ["dup"]),
                                     ("{{=<%\u{A0}%>=}}{{ <b id=\"dup\">x</b> }}<%={{ }}=%>", ["dup"]),
                                     ("{{>\u{A0}w}}", ["w"]), ("{{> w\u{C}}}", ["w"]),
                                     ("{{! c }}\u{301}<b id=\"tgt\">x</b>{{! e }}", [])] {
            XCTAssertEqual(ids(["page": template, "w": "<nav id=w>"]), TemplateIDs(reserved: reserved, targets: reserved),
                           template.debugDescription)
        }
        XCTAssertEqual(ids(["page": "<b id=\"{{x}}\" data-id=y>id=z <!-- <i id=c> --> <STYLE>#q{} <b id=s></style><I Id='C'>"]),
                       TemplateIDs(reserved: ["C"], targets: ["C"]))
        XCTAssertEqual(ids(["list": "<b id=a>"]), TemplateIDs(), "a template not there writes nothing")
    }

    /// Inheritance as Mustache renders it: a page's block overriding its layout's is shown, the rest of
    /// `{{< parent}}` is dropped, and a layout's own block may be overridden.
    func testBlocksAndParentsAsTheyAreShown() {
        func ids(_ templates: [String: String]) -> TemplateIDs {
            TemplateIDs(template: "page", sources: templates.map { ("templates/\($0.key).mustache", Array($0.value.utf8)) })
        }
        XCTAssertEqual(ids(["page": "{{<layout}}<p id=dropped>{{$body}}<nav id=\"contents\"></nav>{{/body}}{{/layout}}",
                            "layout": "<main id=top>{{$body}}<p id=default>{{/body}}</main>"]),
                       TemplateIDs(reserved: ["contents", "default", "top"], targets: ["contents", "top"]))
        XCTAssertEqual(ids(["page": "{{$blk}}<p id=blk>{{/blk}}{{#flag}}{{<p2}}{{/p2}}<p id=inh>{{/flag}}<b id=after>"]),
                       TemplateIDs(reserved: ["after", "blk", "inh"], targets: ["after", "blk"]),
                       "a parent's closing tag closes the parent, not the section around it")
        // An override is shown only where the parent shows that block for sure, and no further parent can override it.
        XCTAssertEqual(ids(["page": "{{<layout}}{{$ghost}}<div id=ghost>{{/ghost}}{{/layout}}", "layout": "<main id=top></main>"]),
                       TemplateIDs(reserved: ["ghost", "top"], targets: ["top"]), "the layout has no such block")
        XCTAssertEqual(ids(["page": "{{<base}}{{$aside}}<aside id=condaside>{{/aside}}{{/base}}",
                            "base": "{{#hasToc}}{{$aside}}{{/aside}}{{/hasToc}}"]),
                       TemplateIDs(reserved: ["condaside"], targets: []), "the layout shows the block only sometimes")
        XCTAssertEqual(ids(["page": "{{<mid}}{{$body}}<i id=pb>{{/body}}{{/mid}}",
                            "mid": "{{<base}}{{$body}}<div id=midonly>{{/body}}{{/base}}", "base": "{{$body}}{{/body}}"]),
                       TemplateIDs(reserved: ["midonly", "pb"], targets: []), "two levels of parents")
        XCTAssertEqual(ids(["page": "{{<\nlayout}}{{$ body }}<i id=nl>{{/body}}{{/layout}}", "layout": "{{$body}}{{/body}}<b id=layoutid>"]),
                       TemplateIDs(reserved: ["layoutid", "nl"], targets: ["layoutid", "nl"]), "a line break before the name")
    }

    /// Ids that are not an element's, and ids that are although the markup around them is unusual.
    func testOnlyTheIdsOfElementsOfThePage() {
        let scan = TemplateIDs.scan(Array("""
            <textarea><div id="ta"></textarea><title><i id=ti></title><template><i id=tp></template>\
            <noscript><p id=ns></noscript><div id="dup1" id="dup2"><!--><div id="ac"></div><!-- x -->\
            <!---><i id=ad><p id="x1{{! note }}"><p id="x2{{name}}">
            """.utf8))
        XCTAssertEqual(scan.ids.map(\.value), ["dup1", "ac", "ad", "x1"])
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
