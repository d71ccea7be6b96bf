import Foundation
import XCTest

@testable import SitegenKit

/// The last look at a finished page: every address a browser would follow or load, read from the page's
/// bytes as a browser's tokenizer reads tags, judged by the link policy. It finds what templates,
/// interface strings and the config make together, which no check of one of them alone sees.
final class RenderedLinksTests: XCTestCase {
    private func addresses(_ html: String) -> [String] {
        RenderedLinks.leads(in: html).compactMap { if case .address(let a, _, _) = $0 { return a } else { return nil } }
    }

    /// Whether the page leads to an address naming `evil`, or to anything refused as it is written.
    private func refused(_ html: String) -> Bool {
        !RenderedLinks.leads(in: html).filter {
            if case .address(let a, _, _) = $0 { return a.contains("evil") } else { return true }
        }.isEmpty
    }

    func testAddressesAreReadAsABrowserReadsTags() {
        XCTAssertEqual(addresses("<a id=\"v\" href=\"&#x2F;&#x2F;evil&#46;com/\">egov.kz</a>"), ["//evil.com/"])
        XCTAssertEqual(addresses("<svg width=\"1\"><a xlink:href=\"//3627734385/\"><text>egov.kz</text></a></svg>"), ["//3627734385/"])
        XCTAssertEqual(addresses("<meta http-equiv=\"refresh\" content=\"3;url=/\\2130706434:8732/kk/\">"), ["/\\2130706434:8732/kk/"])
        XCTAssertEqual(addresses("<meta http-equiv=Refresh content=\"0; URL = 'https://evil.com/'\">"), ["https://evil.com/", "https://evil.com/'"])
        XCTAssertEqual(addresses("<meta http-equiv=\"refresh\" content=\"30\">"), [])
        // A quoted address read every way a browser may end it: Chrome reads to the last quote.
        XCTAssertEqual(addresses("<meta http-equiv=\"refresh\" content=\"0;url=&#39;https://egov.kz&#39;@evil.example/&#39;\">"),
                       ["https://egov.kz", "https://egov.kz'@evil.example/", "https://egov.kz'@evil.example/'"])
        XCTAssertEqual(addresses("<h1>Ресми <a href=/\\3627734385/>сайт</a></h1>"), ["/\\3627734385/"])
        XCTAssertEqual(addresses("<A HREF = ' https://egov.kz/ '>"), ["https://egov.kz/"])
        XCTAssertEqual(addresses("<img srcset=\"a.png 1x, https://evil.com/b.png 2x\" src=x.png>"),
                       ["a.png", "1x", "https://evil.com/b.png", "2x", "x.png"])
        XCTAssertEqual(addresses("<a/href=\"//evil.com/\"x=1 href='/kk/'>"), ["//evil.com/", "/kk/"])
        XCTAssertEqual(addresses("<meta property=\"og:url\" content=\"https://evil.com/\"><meta name=\"description\" content=\"evil.com\">"),
                       ["https://evil.com/"])
        // Any property whose value is written as an address: previews and apps open it.
        XCTAssertEqual(addresses("<meta property=\"og:see_also\" content=\"https://evil.com/a\"><meta name=\"al:web:url\" content=\" //evil.com/\">"
                                 + "<meta name=\"x\" content=\"HTTP:evil.com\"><meta name=\"author\" content=\"Редакция\">"),
                       ["https://evil.com/a", "//evil.com/", "HTTP:evil.com"])
        // Tags a browser would not see are read too: in a comment, a script, an attribute's value.
        XCTAssertEqual(addresses("<!-- <a href=\"https://evil.com/\"> --><script>var a = '<a href=//evil.com>'</script>"),
                       ["https://evil.com/", "//evil.com"])
        XCTAssertEqual(addresses("<p title=\"<a href=//evil.com>\">"), ["//evil.com"])
        // `&amp;` in a query is `&`.
        XCTAssertEqual(addresses("<a href=\"/kk/search/?q=a&amp;b=c\">"), ["/kk/search/?q=a&b=c"])
    }

    /// The second round of review: what a browser follows that the first reading did not judge.
    func testReferencesAnimationsFramesAndStylesheetsAreReadAsABrowserReadsThem() {
        for html in [
            "<meta http-equiv=\"&#114;efresh\" content=\"0;url=http:&#47;&#47;evil&#46;com/\">",
            "<meta property=\"og:&#117;rl\" content=\"https:&#47;&#47;evil&#46;com/\">",
            "<svg><a><set attributeName=\"href\" to=\"http:&#47;&#47;evil&#46;com/\"/><text y=\"20\">x</text></a></svg>",
            "<a href=\"/kk/\"><animate attributeName=\"href\" values=\"/kk/;http:&#47;&#47;evil&#46;com/\" dur=\"1s\"/></a>",
            "<iframe srcdoc=\"&lt;a target=_top hr&#101;f=http&#58;&#47;&#47;evil&#46;com/&gt;x&lt;/a&gt;\"></iframe>",
            "<style>a{background:url(//evil\\2e com/style1.png)}</style>",
            "<STYLE media=all>a{background:url(http://evil.com/x.png)}</style>",
            "<div style=\"x:'&#12;;background:url(http:&#47;&#47;evil&#46;com/ff.png);y:'\">x</div>",
            "<svg><rect mask=\"url(http:&#47;&#47;evil&#46;com/m.svg#m)\"/><rect fill=\"URL(http://evil.com/p.svg#p)\"/></svg>",
            "<svg><rect filter=\"url(//evil.com/f.svg#f)\"/></svg>",
        ] {
            XCTAssertTrue(refused(html), html)
        }
        // What a page of the site has: animations of other attributes, gradients of the picture itself.
        for html in ["<svg><rect fill=\"url(#g)\"><animate attributeName=\"opacity\" values=\"0;1;0\" dur=\"1s\"/></rect></svg>",
                     "<style>a{color:red}</style><p>x</p>", "<meta http-equiv=\"content-type\" content=\"text/html\">"] {
            XCTAssertFalse(refused(html), html)
        }
    }

    /// The third round: a stylesheet in an SVG (parsed as markup first), a stylesheet ended only where a
    /// browser ends it, CSS escapes in a picture's attributes, `<meta>` values previews read as
    /// addresses, and Chrome's `attributionsrc`.
    func testStylesheetsAsSVGHasThemMetaValuesAndAttributionSourcesAreRead() {
        for html in [
            "<svg><style>body{background:u<!-- -->rl(//ev<!-- -->il.example/x.png)}</style></svg>",
            "<svg><style>body{background:u&#114;l(&#47;/ev&#105;l.example/x.png)}</style></svg>",
            "<svg><style>body{background:u<b></b>rl(//evil.example/x.png)}</style></svg>",
            "<svg><style>body{background-image:image-set(&quot;//ev&#105;l.example/x.png&quot; 1x)}</style></svg>",
            "<svg><style>body{background:url(&colon;x)}</style></svg>",
            "<style>/*</styleX>*/body{background:url(//ev\\69l.example/x.png)}</style>",
            "<style>/*</styleX>*/@\\69mport url(//ev\\69l.example/a.css);</style>",
            "<svg><rect mask=\"u\\rl(//ev\\69l.example/m.svg#m)\"/></svg>",
            "<svg><rect clip-path=\"\\75 rl(//evil.example/c.svg#c)\"/></svg>",
            "<img src=\"/favicon.ico\" attributionsrc=\"&#47;/ev&#105;l.example/\">",
            "<meta name=\"twitter:image:src\" content=\"https&colon;//evil.example/x.png\">",
            "<meta name=\"twitter:player\" content=\"&#104;ttps&colon;&sol;&sol;ev&#105;l.example/p\">",
            "<meta property=\"og:see_also\" content=\"h&#9;ttps://evil.example/\">",
            "<meta name=\"twitter:image:src\" content=\"/&#9;/evil.example/x.png\">",
        ] {
            XCTAssertTrue(refused(html), html)
        }
        // A reference an SVG's stylesheet would decode, that cannot be read here, is named as written.
        XCTAssertEqual(RenderedLinks.leads(in: "<svg><style>a{background:url(&sol;&sol;evil.example/x)}</style></svg>"),
                       [.reference("&sol;&sol;evil.example/x)}", tag: "style", attribute: "<style>")])
        // A stylesheet ends at `</style>` however it is written, and what follows is the page again.
        XCTAssertEqual(addresses("<style>a{color:red}</STYLE ><a href=/kk/>"), ["/kk/"])
        // What the site's pages hold stays theirs.
        for html in ["<svg><style>.a{fill:#123}</style><rect class=a fill=\"url(#g)\"/></svg>",
                     "<meta name=\"description\" content=\"Төлем &amp; өтініш (42 500 ₸)\">", "<p title=\"(1)\">x</p>"] {
            XCTAssertFalse(refused(html), html)
        }
    }

    func testWhatCouldHideAnAddressIsRefused() {
        XCTAssertEqual(RenderedLinks.leads(in: "<a href=\"javascript&colon;alert(1)\">"),
                       [.reference("javascript&colon;alert(1)", tag: "a", attribute: "href")])
        XCTAssertEqual(RenderedLinks.leads(in: "<a href=\"/x?a=1&b=2\">"), [.reference("/x?a=1&b=2", tag: "a", attribute: "href")])
        XCTAssertEqual(RenderedLinks.leads(in: "<rect onclick=\"location='//evil.com'\">"), [.handler(tag: "rect", attribute: "onclick")])
        XCTAssertEqual(RenderedLinks.leads(in: "<p style=\"background:url(https://evil.com/t.png)\">"),
                       [.style("url(https://evil.com/t.png)", tag: "p", attribute: "style")])
        XCTAssertEqual(RenderedLinks.leads(in: "<p style=\"color:red\" class=x title=\"a &foo; b\">"), [])
    }

    /// Custom templates and interface strings put together what the checks of each pass.
    func testAPageLeadingWhereThePolicyRefusesIsNotPublished() throws {
        let page = ["content/kk/a.md": "---\ntitle: \"Төлем\"\n---\nМәтін.\n"]
        /// The errors of a build after `edit`: the finished pages' (`page.link`), or with `any`, every one.
        func refused(any: Bool = false, _ edit: (Fixture) throws -> Void) throws -> [String] {
            let f = try Fixture(files: page)
            try edit(f)
            let report = f.build()
            XCTAssertFalse(report.published)
            XCTAssertNil(f.output("kk/a/index.html"))
            return report.diagnostics.filter { any ? $0.severity == .error : $0.code == "page.link" }
                .map { "\($0.file) \(any ? $0.code : $0.messageID ?? "")" + ($0.line > 1 ? ":\($0.line):\($0.column)" : "") }
        }
        func footer(_ f: Fixture, _ markup: String) throws {
            let text = try String(contentsOfFile: f.root + "/templates/footer.mustache", encoding: .utf8)
            try f.write("templates/footer.mustache", text.replacingOccurrences(of: "</footer>", with: markup + "\n</footer>"))
        }
        // A value a tag assembles (each piece passes alone) and an interface string in an href.
        XCTAssertTrue(try refused { try footer($0, "<a href=\"{{noSuchKey}}//ev{{noSuchKey}}il.c{{!x}}om/\">egov.kz</a>") }
            .contains("content/kk/a.md page.link"))
        // A page the build makes itself: its template is named.
        XCTAssertEqual(try refused { f in
            let text = try String(contentsOfFile: f.root + "/templates/404.mustache", encoding: .utf8)
            try f.write("templates/404.mustache", text + "<a href=\"{{noSuchKey}}//ev{{noSuchKey}}il.c{{!x}}om/\">egov.kz</a>\n")
        }, ["templates/404.mustache page.link"])
        // (The string's own check refuses it where it is written; the finished pages' look, which would say
        // the same of every page, is left out as its echo.)
        XCTAssertTrue(try refused(any: true) { f in
            try footer(f, "<a href=\"{{t.helpURL}}\">{{t.search}}</a>")
            for lang in ["kk", "ru"] {
                let strings = try String(contentsOfFile: f.root + "/i18n/\(lang).yml", encoding: .utf8)
                try f.write("i18n/\(lang).yml", strings + "helpURL: \"//evil.com/\"\n")
            }
        }.contains { $0.hasPrefix("i18n/kk.yml ") }, "an interface string is named where it is written")
        // Spelled with references, it is refused at the template, which writes it as a browser shows it.
        XCTAssertTrue(try refused(any: true) { try footer($0, "<a href=\"&#x2F;&#x2F;evil&#46;com/\">egov.kz</a>") }
            .contains { $0.hasPrefix("templates/footer.mustache ") })
        // The folder the search script fetches its index from and makes its results' links of: an address too.
        XCTAssertTrue(try refused { try footer($0, "<form data-index=\"//evil%2Ecom/search/{{lang}}/\"></form>") }.contains("content/kk/a.md page.link"))
        // What a template writes whole is named at its line and column.
        XCTAssertTrue(try refused { try footer($0, "<a href=\"javascript&colon;alert(1)\">x</a>") }
            .contains("templates/footer.mustache page.link.reference:4:10"))
        // A title published unescaped by a custom template.
        XCTAssertEqual(try refused { f in
            let text = try String(contentsOfFile: f.root + "/templates/page.mustache", encoding: .utf8)
            try f.write("templates/page.mustache", text.replacingOccurrences(of: "{{title}}", with: "{{{title}}}"))
            try f.write("content/kk/a.md", "---\ntitle: 'Ресми <a href=/\\0xd83ad571/>сайт</a>'\n---\nМәтін.\n")
        }, ["content/kk/a.md page.link"])
    }
}
