import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// `static/` publishes only what a browser shows as what it is: a file that opens as a page of its own
/// (XML, PDF, an SVG with a link or a script) would put links no check read in front of a reader, and a
/// stylesheet naming another site would load from it.
final class StaticFileCheckTests: XCTestCase {
    private static let page = ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"]

    /// The static files refused by the build, as `code id file:line:column`.
    private func refused(_ files: [String: String]) throws -> [String] {
        let f = try Fixture(files: Self.page.merging(files) { a, _ in a })
        let report = f.build()
        let found = report.diagnostics.filter { $0.code == "content.static-page" }
        if !found.isEmpty { XCTAssertFalse(report.published) }
        return found.map { "\($0.messageID ?? "") \($0.file):\($0.line):\($0.column)" }.sorted()
    }

    func testOnlyTypesABrowserShowsAsWhatTheyAreArePublished() throws {
        let evil = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><a href=\"https://egov-kz.com/login\">egov.kz</a></body></html>"
        XCTAssertEqual(try refused(["static/info.xml": evil, "static/info.xht": evil, "static/form.pdf": "%PDF-1.4",
                                    "static/form.docx": "PK", "static/_redirects": "/kk/ https://egov-kz.com/ 301",
                                    "static/logo.svgz": "x", "static/feed.rss": evil]),
                       ["content.static-page.type static/_redirects:0:0", "content.static-page.type static/feed.rss:0:0",
                        "content.static-page.type static/form.docx:0:0", "content.static-page.type static/form.pdf:0:0",
                        "content.static-page.type static/info.xht:0:0", "content.static-page.type static/info.xml:0:0",
                        "content.static-page.type static/logo.svgz:0:0"])
        XCTAssertEqual(try refused(["static/app.webmanifest": "{\"start_url\": \"https://evil.com/\"}"]),
                       ["content.static-page.type static/app.webmanifest:0:0"])
        // A text file is read as a page's text is: its reader reads it.
        let text = try Fixture(files: Self.page.merging(["static/note.txt": "Ресми сайт:\nsee https://evil.com/ now\n"]) { a, _ in a })
        let found = text.build()
        XCTAssertFalse(found.published)
        XCTAssertTrue(found.diagnostics.contains { $0.file == "static/note.txt" && $0.line == 2 && $0.column == 5 }, "\(found.diagnostics)")
        let f = try Fixture(files: Self.page.merging([
            "static/img/logo.png": "png", "static/fonts/a.woff2": "w", "static/CNAME": "example.kz\n", "static/notes.txt": "https://egov.kz/",
            "static/data.json": "{}", "static/img/Icon.JPG": "j", "static/media/clip.mp4": "m",
        ]) { a, _ in a })
        let report = f.build()
        XCTAssertTrue(report.published, "\(report.diagnostics)")
        XCTAssertEqual(f.output("CNAME"), "example.kz\n")
    }

    func testAnSVGMayLeadNowhere() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
        let leads = [
            "  <a href=\"https://egov-kz.com/login\"><text>egov.kz</text></a>": "href",
            "  <a xlink:href=\"//3627734385/\"><text>egov.kz</text></a>": "href",
            "  <a HREF = 'https://egov-kz.com/'>x</a>": "href",
            "  <set attributeName=\"href\" to=\"https://egov-kz.com/\"/>": "href",
            "  <a x=\"1\"><set attributeName=\"&#104;ref\" to=\"//evil.com/\"/></a>": "&",
            "  <a><set attributeName=\"&h;\" to=\"//evil.com/\"/></a>": "&",
            "  <rect onload=\"location='//evil.com'\"/>": "onload=",
            "  <rect\tONCLICK = \"x()\"/>": "onclick=",
            "  <script>location='//evil.com'</script>": "<script",
            "  <foreignObject><div>x</div></foreignObject>": "foreignobject",
            "  <rect style=\"fill:url(https://evil.com/x#a)\"/>": "url(",
            "  <style>rect{fill:u\\72l(//evil.com/x)}</style>": "\\",
            "  <style>@import 'x.css';</style>": "@import",
            // Another vocabulary's elements under a prefix, or as the default of an element.
            "  <h:meta xmlns:h=\"http://www.w3.org/1999/xhtml\" http-equiv=\"refresh\" content=\"0;url=http://evil.com/\"/>": "<h:",
            "  <s:script>location='http://evil.com/'</s:script>": "<s:",
            "  <g xmlns=\"http://www.w3.org/1999/xhtml\"><meta/></g>": "xmlns",
            "  <rect style=\"background-image:image-set('http://evil.com/a.png' 1x)\"/>": "image-set(",
        ]
        for (line, what) in leads {
            let found = StaticFileCheck.firstLead(inSVG: Array((svg + line + "\n</svg>\n").utf8))
            XCTAssertEqual(found?.1, what, line)
        }
        XCTAssertEqual(StaticFileCheck.firstLead(inSVG: Array("<!DOCTYPE svg [<!ENTITY h \"href\">]><svg/>".utf8))?.1, "<!doctype")
        // Parts of the picture itself: gradients, sprites, and the five references of XML.
        let inert = svg + """
              <defs><linearGradient id="g"/><symbol id="icon"/></defs>
              <rect fill="url(#g)" stroke="url( '#g' )"/><use href="#icon"/><use xlink:href = "#icon"/>
              <text>Tom &amp; Jerry &lt;3 &quot;on&quot; &apos;x&apos; &gt;</text>
            </svg>
            """
        XCTAssertNil(StaticFileCheck.firstLead(inSVG: Array(inert.utf8)))
        // Through a build: the file, line and column of the link.
        XCTAssertEqual(try refused(["static/img/scheme.svg": svg + "  <a href=\"https://egov-kz.com/login\"><text>egov.kz</text></a>\n</svg>\n",
                                    "static/img/ok.svg": inert]),
                       ["content.static-page.link static/img/scheme.svg:2:6"])
    }

    /// A browser reads a file with a UTF-16 byte order mark (or NUL bytes, or another declared encoding)
    /// as other text than these checks read: such SVGs, stylesheets and text files are refused.
    /// A script can send a reader anywhere its strings name, and a browser's JSON viewer makes an
    /// address in a JSON file clickable: both are read for addresses, escapes decoded, at their place.
    func testScriptsAndJSONLeadOnlyToOfficialSites() throws {
        let script = "\"use strict\";\n// https://evil.example/ in a comment is read by nobody\n"
            + "var sel = \"form.search\", re = /https:\\/\\/x/g;\n"
            + "var go = \"\\x2f\\x2fegov-kz\\x2ecom/login\";\n"
            + "var bot = 'tg:resolve?domain=Kenes1414_bot';\n"
            + "var html = '<a href=\"https://evil.example/\">egov.kz</a>';\n"
            + "var ok = \"https://egov.kz/\" + \"mailto:help@egov.kz\";\n"
        let json = "{\"start\": \"https:\\/\\/egov-kz.com\\/\", \"home\": \"https://egov.kz/\", \"id\": \"data.id\"}\n"
        let f = try Fixture(files: Self.page.merging(["static/app.js": script, "static/links.json": json]) { a, _ in a })
        let report = f.build()
        XCTAssertFalse(report.published)
        let places = Set(report.diagnostics.filter { $0.severity == .error }.map { "\($0.file):\($0.line):\($0.column)" })
        XCTAssertEqual(places, ["static/app.js:4:11", "static/app.js:4:19", "static/app.js:5:12", "static/app.js:6:22",
                                "static/links.json:1:12"], "\(report.diagnostics.map(DiagnosticFormatter.line))")
        // A string that does not end hides the rest of the script: it is refused where it begins.
        XCTAssertEqual(try refused(["static/app.js": "var a = 1;\nvar b = \"https://egov.kz/\nlocation = b + 'evil.example';\n"]),
                       ["content.static-page.script static/app.js:2:9"])
        // The site's own scripts and a script of official addresses are published.
        let fine = try Fixture(files: Self.page.merging(["static/extra.js": "location.href = `https://egov.kz/${path}`;\n"]) { a, _ in a })
        XCTAssertTrue(fine.build().published)
    }

    /// What a browser does with a script's text: tabs and line breaks dropped from an address, `<!--`
    /// and a no-break space read as a comment and a space, markup read as a page's; and labels that
    /// only look like a scheme (`"File: report.pdf"`) are not addresses.
    func testAScriptIsReadAsABrowserReadsIt() throws {
        let leads = [
            "location = \"/\\t/evil.example/\";",
            "location = \"t\\ng:resolve?domain=evil_bot\";",
            "<!-- /*\nlocation = \"https://evil.example/\";\n// */",
            "var y =\u{A0}/'/.test(s); location = 'https://evil.example/'; //'",
            "el.innerHTML = '<a href\\n=\"tg:resolve?domain=evil_bot\">x</a>';",
            "el.innerHTML = '<svg><a xlink:href=\"https://evil.example/\">x</a></svg>';",
            // The lexer's guess of a regular expression or a division, steered: every quoted span is read too.
            "if (location) /'/; location = 'tg:resolve?domain=evil_bot'; //'",
            "location = ({}/1, 'https://evil.example/'); // '",
            "var n = 0;\nn++ / 2; location = \"https://evil.example/\"; //\"",
        ]
        for script in leads {
            let f = try Fixture(files: Self.page.merging(["static/x.js": script + "\n"]) { a, _ in a })
            let report = f.build()
            XCTAssertFalse(report.published, script)
            XCTAssertTrue(report.diagnostics.contains { $0.file == "static/x.js" && $0.severity == .error }, script)
        }
        let fine = try Fixture(files: Self.page.merging([
            "static/x.js": "var labels = [\"File: report.pdf\", \"Maps: 2GIS\", \"Data: loading\"];\n",
            "static/n.json": "{\"note\": \"a\u{2028}b\"}\n",
        ]) { a, _ in a })
        let report = fine.build()
        XCTAssertTrue(report.published, "\(report.diagnostics.map(DiagnosticFormatter.line))")
    }

    /// A template's inline script is read the same way.
    func testATemplatesScriptLeadsOnlyToOfficialSites() throws {
        let f = try Fixture(files: Self.page)
        let footer = try String(contentsOfFile: f.root + "/templates/footer.mustache", encoding: .utf8)
        try f.write("templates/footer.mustache", "<script>var u = \"\\x2f\\x2fevil\\x2eexample\";</script>\n" + footer)
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.diagnostics.contains { $0.file == "templates/footer.mustache" && $0.line == 1 && $0.column == 18 },
                      "\(report.diagnostics.map(DiagnosticFormatter.line))")
        try f.write("templates/footer.mustache", "<SCRIPT>var u = 'https://egov.kz/;</SCRIPT>\n" + footer)
        let unended = f.build()
        XCTAssertEqual(unended.diagnostics.filter { $0.code == "template.syntax" }.map { "\($0.messageID ?? "") \($0.line):\($0.column)" },
                       ["template.syntax.script 1:17"])
    }

    /// A browser's tokenizer ends a script where this reading does: inside `<!--`, a `<script` makes a
    /// `</script>` part of the script (the "double escaped" state), so what follows is still script.
    func testATemplatesScriptEndsWhereABrowserEndsIt() throws {
        func ends(_ markup: String) -> [String] {
            let b = Array(markup.utf8)
            return TemplateLinks.scripts(b).map { String(decoding: b[$0], as: UTF8.self) }
        }
        XCTAssertEqual(ends("<script>a<!--<script>b</script>c--></script>d"), ["a<!--<script>b</script>c-->"])
        XCTAssertEqual(ends("<script>a<!--b</script>c"), ["a<!--b"])
        XCTAssertEqual(ends("<script>a<!-->b</script>c"), ["a<!-->b"])
        XCTAssertEqual(ends("<script>a</scripts></script>"), ["a</scripts>"])
        XCTAssertEqual(ends("<script>a<!--<scripts>b</script>c"), ["a<!--<scripts>b"])
        let f = try Fixture(files: Self.page)
        let footer = try String(contentsOfFile: f.root + "/templates/footer.mustache", encoding: .utf8)
        try f.write("templates/footer.mustache", "<script><!--<script>\n// </script>\nlocation = \"\\x2f\\x2fevil\\x2eexample\";\n--></script>\n" + footer)
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.diagnostics.contains { $0.file == "templates/footer.mustache" && $0.line == 3 && $0.severity == .error },
                      "\(report.diagnostics.map(DiagnosticFormatter.line))")
    }

    func testFilesAreReadAsUTF8OrRefused() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\"https://evil.example/\"><text>x</text></a></svg>"
        func littleEndian(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let utf16: [UInt8] = [0xFF, 0xFE] + littleEndian(svg)
        XCTAssertEqual(StaticFileCheck.otherEncoding(utf16, ext: "svg")?.1, "a UTF-16 or UTF-32 byte order mark")
        XCTAssertEqual(StaticFileCheck.otherEncoding(Array(utf16.dropFirst(2)), ext: "svg")?.1, "a NUL byte")
        XCTAssertEqual(StaticFileCheck.otherEncoding([0x61, 0xFF, 0x62], ext: "css")?.1, "bytes that are not UTF-8")
        XCTAssertEqual(StaticFileCheck.otherEncoding(Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg/>".utf8), ext: "svg")?.1, "encoding=")
        XCTAssertEqual(StaticFileCheck.otherEncoding(Array("@charset \"utf-16\";a{}".utf8), ext: "css")?.1, "@charset")
        for fine in ["<?xml version=\"1.0\" encoding=\"UTF-8\"?><svg/>", "\u{FEFF}@charset \"UTF-8\";a{}", "Ресми сайт"] {
            XCTAssertNil(StaticFileCheck.otherEncoding(Array(fine.utf8), ext: "css"), fine)
        }
        let f = try Fixture(files: Self.page)
        try f.writeBytes("static/badge.svg", utf16)
        try f.writeBytes("static/extra.css", [0xFF, 0xFE] + littleEndian("body{background:url(https://evil.example/t.png)}"))
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertEqual(Set(report.diagnostics.filter { $0.code == "content.static-page" }.map(\.file)), ["static/badge.svg", "static/extra.css"])
    }

    func testAStylesheetLoadsOnlyTheSitesOwnFiles() throws {
        let leads = [
            "footer{background:url(https://evil.example.net/t.png)}",
            "a{background:URL( //evil.com/t.png )}",
            "a{background:url(\"HTTPS://evil.com/t.png\")}",
            "@import \"//evil.com/x.css\";",
            "@import url('http://evil.com/x.css');",
            "a{background-image:image-set(\"https://evil.com/x.png\" 1x)}",
            "a{background:url(h\\74tps://evil.com/x)}",
            "a{background:url(\"ht\\9tps://evil.com/x\")}",
            "a{background:url(\"\\68ttps\\3a\\2f\\2f evil.com/x\")}",
            "a::after{content:\"https://egov-kz.com/\"}",
            "a{background:u\\72l(x.png)}",
            "a{background:url(\\\\evil.com/x)}",
            "a{background:url(/\\\\evil.com/x)}",
            "a{background:url(/\\/evil.com/x)}",
            // A string ends at a form feed or a carriage return too, not only at a line feed.
            "body{content:\"\u{0C};background:url(http://evil.com/ff.png);x:\"}",
            "body{content:\"\r;background:url(http://evil.com/cr.png);x:\"}",
        ]
        for css in leads {
            XCTAssertNotNil(StaticFileCheck.firstLead(inCSS: Array(css.utf8)), css)
        }
        let fine = """
            /* url(https://evil.com/) in a comment is no reference */
            a{background:url(/img/a.png)} b{background:url(img/b.png)} c{background:url("data:image/png;base64,AAAA")}
            d{fill:url(#g)} e::before{content:"☐\\00a0"} f{font-family:"Noto Sans"} g{content:"1:2"}
            """
        XCTAssertNil(StaticFileCheck.firstLead(inCSS: Array(fine.utf8)))
        let repository = try XCTUnwrap(FileManager.default.contents(atPath: Fixture.repository + "/static/style.css"))
        XCTAssertNil(StaticFileCheck.firstLead(inCSS: Array(repository)), "the site's own stylesheet")
        let style = try String(contentsOfFile: Fixture.repository + "/static/style.css", encoding: .utf8)
        XCTAssertEqual(try refused(["static/style.css": style + "\nfooter { background: url(https://evil.example.net/t.png) }\n"]),
                       ["content.static-page.link static/style.css:\(style.split(separator: "\n", omittingEmptySubsequences: false).count + 1):22"])
    }
}
