import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// What a static picture, stylesheet or script shows a reader without a link (`<text>`, `content:`),
/// what a script's markup would put on a page, and the custom domain a host serves the site on: each
/// judged as the page's own text and links are.
final class ShownTextTests: XCTestCase {
    private static let page = ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"]

    /// The build's errors for `files` added to a one-page site, as `file:line:column`.
    private func refusedPlaces(_ files: [String: String]) throws -> [String] {
        let f = try Fixture(files: Self.page.merging(files) { a, _ in a })
        let report = f.build()
        let errors = report.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty { XCTAssertFalse(report.published) }
        return errors.map { "\($0.file):\($0.line):\($0.column)" }
    }

    /// Each body, as the file `path` (`wrap` makes the file of it), is refused at its place.
    private func assertRefused(_ cases: [String: String], as path: String, wrap: (String) -> String = { $0 },
                               file: StaticString = #filePath, line: UInt = #line) throws {
        for (body, place) in cases {
            XCTAssertTrue(try refusedPlaces([path: wrap(body)]).contains(place), body, file: file, line: line)
        }
    }

    func testAStylesheetsTextIsReadAsAPagesText() throws {
        let refused: [String: String] = [
            ".a::after { content: \"egov-kz.com\"; }\n": "static/x.css:1:22",
            "p{}\n.b::before { content: \"egov-kz\\2e com\"; }\n": "static/x.css:2:23",
            ".c::after { content: \"Call 8 701 123 45 67\"; }\n": "static/x.css:1:22",
            ".d::after { content: '@Kenes1414_bot'; }\n": "static/x.css:1:22",
            ".e::after { content: \"\\202E moc.zk-voge\"; }\n": "static/x.css:1:22",
        ]
        try assertRefused(refused, as: "static/x.css")
        // What a browser draws of a declaration whole: its strings joined, an escaped line break dropped,
        // a counter beside digits, a counter's symbols, a value written without quotes.
        let drawn: [String: String] = [
            "body::after { content: \"evil\" \".com\"; }\n": "static/x.css:1:24",
            "body::after { content: \"+7 701\" \" 123 45 67\"; }\n": "static/x.css:1:24",
            "body::after { content: \"evil\\\r\n.com\"; }\n": "static/x.css:1:24",
            "q { quotes: \"evil\" \".com\" }\n": "static/x.css:1:12",
            "body { counter-reset: n 1234567 } body::after { content: \"+7 701 \" counter(n) }\n": "static/x.css:1:22",
            "@counter-style ev { system: fixed; symbols: evil; suffix: \".com\" }\n": "static/x.css:1:1",
            "body { counter-reset: n 87011234567 }\n": "static/x.css:1:22",
            "b::after { content: counter(e, lower-alpha) \".kz\" }\n": "static/x.css:1:20",
            ".x::before { content: \"egov-kz\" }\n.x::after { content: \".com\" }\n": "static/x.css:1:23",
            ".t::before { content: \"moc.zk-voge\"; unicode-bidi: bidi-override }\n": "static/x.css:1:51",
            ".i { background: url(data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=) }\n": "static/x.css:1:18",
            ":root { --a: \"egov-kz\"; --b: \".com/pay\" } h1::after { content: var(--a) var(--b) }\n": "static/x.css:1:14",
            ".lead::after { content: \"\u{5BE}4567 123 701 8\u{5BE}\" }\n": "static/x.css:1:25",
            ".t { direction: rtl }\n": "static/x.css:1:16",
        ]
        try assertRefused(drawn, as: "static/x.css")
        // The site's own stylesheet and an official domain are published.
        XCTAssertEqual(try refusedPlaces(["static/x.css": ".f::after { content: \"egov.kz\"; } body { font-family: \"Noto Sans\"; }\n"]), [])
        // A selector is not drawn, nor a value no text is made of; a list's counters are its numbers.
        XCTAssertEqual(try refusedPlaces(["static/x.css": ".dropdown:hover .dropdown-menu.show { z-index: 2147483647 }\n"
            + "ol { counter-reset: item } li::before { content: counters(item, \".\") \" \"; counter-increment: item }\n"
            + "q { quotes: \"«\" \"»\" \"„\" \"“\" } pre { direction: ltr; unicode-bidi: isolate }\n"
            + "h3::before { content: counter(h2) \".\" counter(h3) \" \" } li::before { content: counter(n, lower-alpha) \") \" }\n"
            + ".a { background: image-set(\"a.png\" 1x, \"a@2x.png\" 2x), url(\"logo@2x.png\") }\n"]), [])
    }

    func testAnSVGsTextIsReadAsAPagesText() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
        let refused: [String: String] = [
            "<text x=\"1\">egov-kz.com</text>": "static/p.svg:2:13",
            "<text>egov-kz<tspan>.com</tspan></text>": "static/p.svg:2:7",
            "<title>Ресми бот @Kenes1414_bot</title>": "static/p.svg:2:18",
            "<g aria-label=\"egov-kz.com\"></g>": "static/p.svg:2:16",
            "<text>8 701 123 45 67</text>": "static/p.svg:2:7",
            "<text><![CDATA[egov-kz.com]]></text>": "static/p.svg:2:16",
            "<style>.t::after { content: \"egov-kz.com\" }</style>": "static/p.svg:2:29",
            "<text>egov-kz&#46;com</text>": "static/p.svg:2:14",
        ]
        try assertRefused(refused, as: "static/p.svg") { svg + $0 + "\n</svg>\n" }
        // A text is drawn whole whatever stands between its pieces; its labels are texts of their own; the
        // texts of a picture may stand side by side; and text drawn in another order is refused.
        let joined: [String: String] = [
            "<text x=\"0\" y=\"20\">evil<?x y?>.com</text>": "static/p.svg:2:20",
            "<text>evil<animate attributeName=\"x\" dur=\"1s\"/>.com</text>": "static/p.svg:2:7",
            "<text>evil<title>t</title>.com</text>": "static/p.svg:2:7",
            "<text>+7 701<set attributeName=\"x\" to=\"0\"/>123 45 67</text>": "static/p.svg:2:7",
            "<text x=\"0\">evil</text><text x=\"27\">.com</text>": "static/p.svg:2:13",
            "<g role=\"img\" aria-valuetext=\"evil.com\"/>": "static/p.svg:2:31",
            "<a xlink:title=\"evil.com\"><text>x</text></a>": "static/p.svg:2:17",
            "<text direction=\"rtl\" unicode-bidi=\"bidi-override\">moc.dab</text>": "static/p.svg:2:7",
            "<style>text { unicode-bidi: bidi-override }</style>": "static/p.svg:2:15",
        ]
        try assertRefused(joined, as: "static/p.svg") { svg + $0 + "\n</svg>\n" }
        // Inkscape's empty `<metadata/>` is no `<meta>`, and single quotes name SVG's vocabulary as well.
        XCTAssertEqual(try refusedPlaces(["static/p.svg": "<svg xmlns='http://www.w3.org/2000/svg'><metadata/><text>Ақпарат</text></svg>\n"]), [])
        // A chart's labels side by side make no phone number.
        XCTAssertEqual(try refusedPlaces(["static/p.svg": svg + (0...10).map { "<text x=\"\($0 * 10)\">\($0 * 10)</text>" }.joined() + "</svg>\n"]), [])
        // Separate texts are not read as one, a comment is not shown, and an official domain passes.
        XCTAssertEqual(try refusedPlaces(["static/p.svg": svg + "<text>egov.kz</text><text>Ақпарат</text><!-- egov-kz.com -->\n"
            + "<path d=\"M 870 112 345 67 L 8 701 123 45 67\"/></svg>\n"]), [])
    }

    func testAScriptsMarkupIsReadAsABrowserReadsIt() throws {
        for markup in ["tg&colon;resolve?domain=evil_bot", "javascript&colon;go()"] {
            let places = try refusedPlaces(["static/x.js": "el.innerHTML = '<a href=\"\(markup)\">x</a>';\n"])
            XCTAssertEqual(places, ["static/x.js:1:17"], markup)
        }
        XCTAssertEqual(try refusedPlaces(["static/x.js": "el.innerHTML = '<img src=\"a.png\" onerror=\"go()\">';\n"]), ["static/x.js:1:17"])
        // A line break parts attributes as a space does (a browser's URL parser drops it; its tokenizer does not).
        XCTAssertEqual(try refusedPlaces(["static/x.js": "el.innerHTML = \"<img src=x\\nonerror=go()>\";\n"]), ["static/x.js:1:17"])
        XCTAssertEqual(try refusedPlaces(["static/x.js": "var s = \"bitcoin:bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\";\n"]), ["static/x.js:1:10"])
        XCTAssertEqual(try refusedPlaces(["static/x.js": "el.innerHTML = '<a href=\"https://egov.kz/\">egov.kz</a>';\n"]), [])
    }

    /// A number a template writes is on every page (and a `data-` value a stylesheet may draw).
    func testATemplatesPhoneNumberIsJudged() throws {
        let f = try Fixture(files: Self.page)
        let footer = try String(contentsOfFile: f.root + "/templates/footer.mustache", encoding: .utf8)
        try f.write("templates/footer.mustache", "<p>Қоңырау: +7 701 123 45 67</p><span data-p=\"8 702 123 45 67\"></span>\n" + footer)
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertEqual(report.diagnostics.filter { $0.code == "text.phone" }.map { "\($0.file):\($0.line):\($0.column)" },
                       ["templates/footer.mustache:1:13", "templates/footer.mustache:1:47"])
    }

    func testACustomDomainFileNamesTheSitesOwnHost() throws {
        for content in ["egov-kz.com\n", "example.kz\nevil.com\n", "", "example.kz.evil.com", "example.kz\u{200B}\n", "example.kz\u{A0}"] {
            let f = try Fixture(files: Self.page.merging(["static/CNAME": content]) { a, _ in a })
            let report = f.build()
            XCTAssertFalse(report.published, content)
            XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map { $0.messageID ?? "" }, ["content.static-page.cname"], content)
        }
        for content in ["example.kz\n", "EXAMPLE.KZ", " example.kz \n\n"] {
            let f = try Fixture(files: Self.page.merging(["static/CNAME": content]) { a, _ in a })
            XCTAssertTrue(f.build().published, content)
        }
    }
}
