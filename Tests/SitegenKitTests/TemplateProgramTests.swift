import Foundation
import Mustache
import XCTest

@testable import SitegenKit

/// Compiled templates (``TemplateProgram``) write what the Mustache library writes for the same
/// template and context: the library is the reference, run beside them.
final class TemplateProgramTests: XCTestCase {
    /// Renders `main` (with `partials`) through the library and through the compiled steps.
    private func both(_ main: String, _ context: TemplateObject, partials: [String: String] = [:],
                      file: StaticString = #filePath, line: UInt = #line) throws -> (library: String, compiled: String?) {
        var library = MustacheLibrary()
        var programs: [String: TemplateProgram] = [:]
        var compiles = true
        for (name, text) in partials.merging(["main": main], uniquingKeysWith: { a, _ in a }) {
            let template = try MustacheTemplate(string: text)
            library.register(template, named: name)
            if let program = TemplateProgram(template) { programs[name] = program } else { compiles = false }
        }
        let expected = library.render(context.anyValue, withTemplate: "main") ?? ""
        guard compiles else { return (expected, nil) }
        let renderer = TemplateRenderer(programs: programs)
        let compiled = renderer.render("main", context)
        // Measured first (the search page's way), the same page.
        XCTAssertEqual(renderer.render("main", context, measured: true), compiled, "measured \(main.debugDescription)", file: file, line: line)
        return (expected, compiled)
    }

    private func assertSame(_ main: String, _ context: TemplateObject, partials: [String: String] = [:],
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let (expected, compiled) = try both(main, context, partials: partials, file: file, line: line)
        let got = try XCTUnwrap(compiled, "not compiled: \(main.debugDescription)", file: file, line: line)
        XCTAssertEqual(got, expected, "template \(main.debugDescription)", file: file, line: line)
    }

    private let context: TemplateObject = [
        "title": "Төлем «42 500 ₸» & <ереже>",
        "empty": "",
        "yes": true, "no": false,
        "items": .objects([["name": "бір", "url": "/kk/a/"], ["name": "екі", "flag": true], ["name": "үш'\"", "url": "/kk/c/"]]),
        "none": [],
        "t": ["toc": "Мазмұны", "nested": ["deep": "терең"]],
        "name": "сыртқы",
        "texts": ["a", "b"],
    ]

    /// A list made an item at a time (``TemplateItems``) renders as the same list made whole, in every
    /// construct that reads a list, and as the library renders that list; each item is made once.
    func testAListMadeAsItIsRenderedRendersAsTheWholeList() throws {
        let rows: [TemplateObject] = [["name": "бір", "url": "/kk/a/"], ["name": "екі", "flag": true], ["name": "үш'\"", "url": "/kk/c/"]]
        let made = Counter()
        var lazy = context
        lazy["items"] = .objects(count: rows.count) { made.add(); return rows[$0] }
        lazy["none"] = .objects(count: 0) { _ in XCTFail("an item of an empty list was made"); return [:] }
        for template in ["{{#items}}<a href=\"{{url}}\">{{name}}</a>{{#flag}}!{{/flag}} {{title}}\n{{/items}}",
                         "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
                         "{{^none}}бос{{/none}}{{#none}}толы{{/none}}{{^items}}x{{/items}}",
                         "{{#items}}{{#yes}}{{name}}{{/yes}}{{/items}}{{#items}}{{^flag}}{{name}}{{/flag}}{{/items}}"] {
            try assertSame(template, lazy)
            let whole = try XCTUnwrap(try both(template, context).compiled)
            XCTAssertEqual(try both(template, lazy).compiled, whole, template.debugDescription)
        }
        made.reset()
        _ = TemplateRenderer(programs: ["main": try XCTUnwrap(TemplateProgram(try MustacheTemplate(string: "{{#items}}{{name}}{{/items}}")))])
            .render("main", lazy)
        XCTAssertEqual(made.count, rows.count, "each item is made once, as it is rendered")
    }

    /// Counts calls from any thread.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        var count: Int { lock.withLock { value } }
        func add() { lock.withLock { value += 1 } }
        func reset() { lock.withLock { value = 0 } }
    }

    func testConstructsRenderAsTheLibraryRendersThem() throws {
        let templates = [
            "{{title}}|{{{title}}}|{{& title}}|{{missing}}|{{yes}}|{{no}}",
            "{{#yes}}иә{{/yes}}{{#no}}жоқ{{/no}}{{^no}}емес{{/no}}{{^yes}}x{{/yes}}{{#missing}}m{{/missing}}{{^missing}}~m{{/missing}}",
            "{{#items}}<a href=\"{{url}}\">{{name}}</a>{{#flag}}!{{/flag}} {{title}}\n{{/items}}",
            "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
            "{{^none}}бос{{/none}}{{#none}}толы{{/none}}{{^items}}x{{/items}}",
            "{{#empty}}[{{.}}]{{/empty}}{{^empty}}no{{/empty}}{{#title}}<{{.}}>{{/title}}",
            "{{t.toc}} {{t.nested.deep}} {{t.missing.deep}} {{#t}}{{toc}}{{/t}} {{#t.nested}}{{deep}}/{{name}}{{/t.nested}}",
            "{{#items}}{{.name}}|{{.title}}|{{name}}{{/items}}",
            "{{#texts}}{{.}},{{/texts}}",
            "  {{! a comment }}\nline\n{{!\nmulti\n}}\n  {{#yes}}  \nin\n  {{/yes}}  \nend",
            "{{=<% %>=}}<% title %> <%# yes %>y<%/ yes %>\n<%={{ }}=%>{{name}}",
            "{{% CONTENT_TYPE: TEXT }}{{title}} {{#items}}{{name}}{{/items}}",
            "a\r\n  {{#yes}}\r\n  b\r\n  {{/yes}}\r\nc",
            "{{#items}}{{#yes}}{{name}}{{/yes}}{{/items}}{{#items}}{{^flag}}{{name}}{{/flag}}{{/items}}",
            "",
            "no tags at all\n",
        ]
        for template in templates { try assertSame(template, context) }
    }

    func testPartialsAreIndentedAsTheLibraryIndentsThem() throws {
        let partials = [
            "row": "<li>{{name}}</li>\n{{#flag}}\n<b>белгі</b>\n{{/flag}}\n",
            "list": "<ul>\n  {{#items}}\n  {{> row}}\n  {{/items}}\n</ul>\n",
            "inline": "[{{title}}]",
            "html": "{{% CONTENT_TYPE: HTML }}{{title}}",
            "crlf": "x\r\ny\r\n",
        ]
        let templates = [
            "{{> list}}",
            "<div>\n    {{> list}}\n</div>\n",
            "a {{> inline}} b\n  {{> inline}}\n",
            "{{% CONTENT_TYPE: TEXT }}{{title}} {{> inline}} {{title}}\n  {{> html}}\n",
            "  {{> missing}}\n{{> missing}}",
            "\t{{> crlf}}\n  {{> crlf}}",
            "  {{#items}}\n    {{> row}}\n  {{/items}}\n",
        ]
        for template in templates { try assertSame(template, context, partials: partials) }
    }

    /// Random templates from the pieces a template is made of (sections balanced, so that they parse),
    /// each with the library beside it.
    func testRandomTemplatesRenderAsTheLibraryRendersThem() throws {
        let leaves = ["{{title}}", "{{{title}}}", "{{name}}", "{{.}}", "{{t.toc}}", "{{yes}}", "{{missing}}", "{{.name}}",
                      "\n", "  ", "\t", "\r\n", "text", "«", "{{! c }}", "{{> p}}", "{{% CONTENT_TYPE: TEXT }}",
                      "{{% CONTENT_TYPE: HTML }}"]
        let sections = ["#items", "#yes", "^no", "^none", "#t", "#texts", "#empty", "#missing", "^items", "#title"]
        var random = SearchTestRandom(seed: 0x5173_6E67)
        func template(depth: Int) -> String {
            (0...random.below(5)).map { _ -> String in
                guard depth < 3, random.below(4) == 0 else { return leaves[random.below(leaves.count)] }
                let tag = sections[random.below(sections.count)]
                let space = ["", "\n", "  ", "\n  "][random.below(4)]
                return "{{\(tag)}}" + space + template(depth: depth + 1) + space + "{{/\(tag.dropFirst())}}"
            }.joined()
        }
        for _ in 0..<3000 {
            let partial = template(depth: 1).replacingOccurrences(of: "{{> p}}", with: "")
            try assertSame(template(depth: 0), context, partials: ["p": partial])
        }
    }

    func testWhatStepsDoNotCoverIsRenderedByTheLibrary() throws {
        for template in ["{{uppercased(title)}}", "{{#first(items)}}x{{/first(items)}}", "{{<inline}}{{$b}}d{{/b}}{{/inline}}",
                         "{{>*name}}"] {
            XCTAssertNil(TemplateProgram(try MustacheTemplate(string: template)), template)
        }
        // A site whose templates use one: every template is rendered by the library, and still right.
        let folder = NSTemporaryDirectory() + "sitegen-templates-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: HTML }}{{uppercased(title)}} {{> part}}".write(toFile: folder + "/templates/page.mustache",
                                                                             atomically: true, encoding: .utf8)
        try "<{{title}}>".write(toFile: folder + "/templates/part.mustache", atomically: true, encoding: .utf8)
        for name in Templates.required where name != "page" {
            try "{{title}}".write(toFile: folder + "/templates/\(name).mustache", atomically: true, encoding: .utf8)
        }
        let (templates, _) = Templates.load(sourceDirectory: folder)
        let loaded = try XCTUnwrap(templates)
        XCTAssertNil(loaded.compiled)
        XCTAssertEqual(loaded.render("page", ["title": "a&b"]), "A&amp;B <a&amp;b>")
    }

    func testTheSiteTemplatesAreCompiled() throws {
        let (templates, diagnostics) = Templates.load(sourceDirectory: Fixture.repository)
        XCTAssertEqual(diagnostics, [])
        let loaded = try XCTUnwrap(templates)
        XCTAssertNotNil(loaded.compiled, "a template of the repository fell back to the library")
    }

    /// A `"` with a combining mark after it is one character to the library's escaping, which left it
    /// as it was: an attribute value ended there. The compiled steps escape every `"`.
    func testAQuoteWithACombiningMarkCannotEndAnAttribute() throws {
        let template = try MustacheTemplate(string: "<meta content=\"{{title}}\">")
        let program = try XCTUnwrap(TemplateProgram(template))
        let html = TemplateRenderer(programs: ["main": program]).render("main", ["title": "x\"\u{301} onfocus=alert(1) a=\"\u{301}"])
        XCTAssertEqual(html, "<meta content=\"x&quot;\u{301} onfocus=alert(1) a=&quot;\u{301}\">")
        // What the library wrote, for the record.
        XCTAssertTrue(template.render(["title": "x\"\u{301} y"]).contains("x\"\u{301} y"))
    }
}
