import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenKit
@testable import SitegenMarkdown

/// The page HTML is written by reading the parsed tree (`TreeHTML`), which the checks and the
/// bulletins read too: its bytes are cmark-gfm's own, and nothing a renderer does changes the tree.
final class TreeHTMLTests: XCTestCase {
    /// Markdown that reaches every construct cmark-gfm and its extensions write, with the characters
    /// each escaping treats apart.
    static let samples: [String] = [
        "",
        "# One\n## Two ##\n### Three\n#### Four\n##### Five\n###### Six\n\nSetext\n======\n\nSecond\n------\n",
        "Text with *emphasis*, **strong**, ***both***, `code <&>`, and ~~struck~~ ~one~.\n",
        "Escapes: & < > \" ' / \\* \\_ &amp; &copy; &#1241; &#x4F; &lt;b&gt;\n",
        "[plain](https://egov.kz/) [titled](https://egov.kz/a?b=1&c='2' \"Title & <\\\"q\\\">\") [rel](/kk/42500/)\n",
        "[spaces](<https://egov.kz/a b>) [unicode](https://egov.kz/қазақ/путь) [brackets](https://egov.kz/[x]{y}|^`\\\\)\n",
        "![alt *with* `code` and [link](https://egov.kz/)](/img.png \"An \\\"image\\\"\")\n\n![](/empty.png)\n",
        "[![inner](/i.png)](https://egov.kz/)\n\n![outer ![inner](/x.png) text](/y.png)\n",
        "Soft\nbreak, hard  \nbreak, backslash\\\nbreak.\n",
        "- one\n- two\n  - nested\n  - nested two\n- three\n",
        "1. one\n2. two\n\n   loose paragraph\n3. three\n",
        "3. starts at three\n4. four\n\n0. starts at zero\n",
        "- [ ] open task\n- [x] done task\n- plain item\n",
        "1. [x] ordered task\n2. [ ] another\n",
        "> quote\n>\n> > nested quote\n> > - list in quote\n",
        "```swift extra words\nlet a = \"<b>\" & 1\n```\n\n```\nno info\n```\n\n    indented code\n\n~~~ &lt;lang&gt;\nx\n~~~\n",
        "Above\n\n---\n\n***\n\nBelow\n",
        "| Left | Centre | Right | None |\n| :--- | :---: | ---: | --- |\n| a | *b* | `c` | [d](https://egov.kz/) |\n| e \\| f | | g |\n",
        "| Only | Header |\n| --- | --- |\n",
        "Autolinks: www.egov.kz, https://egov.kz/path?x=1, info@egov.kz and <https://enbek.kz>.\n",
        "[ref] and [other][ref]\n\n[ref]: https://egov.kz/ref \"Ref title\"\n",
        "- \n- item after an empty one\n\n-\n  ```\n  code in item\n  ```\n",
        "Қазақша мәтін «тырнақшамен» — және орысша «кавычки» — 42 500 ₸.\n",
        "* a\n\n* loose b\n\n  second paragraph\n\n  > quote in item\n",
        "Trailing backslash \\\n\nTab\there\n",
        "| a |\n| - |\n| ![i](/t.png) ~~s~~ **b** |\n\n- | not | a table |\n",
        "```a\u{0C}b\ncode\n```\n\n~~~\u{0B}x y\ncode\n~~~\n\n```a&#12;b&#11;c\tquoted\n```\n",
    ]

    /// Every document without raw HTML: the repository's pages and the samples above.
    func documents() throws -> [(String, String)] {
        var out = Self.samples.enumerated().map { ("sample \($0.offset)", $0.element) }
        let content = Fixture.repository + "/content"
        let files = FileManager.default.enumerator(atPath: content)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        for file in files.sorted() {
            out.append((file, try String(contentsOfFile: content + "/" + file, encoding: .utf8)))
        }
        return out
    }

    func testWritesWhatCmarkGFMWritesForEveryConstruct() throws {
        var compared = 0
        for (name, markdown) in try documents() {
            let document = MarkdownDocument(markdown: Array(markdown.utf8))
            var raw = false
            document.forEachNode { if $0.kind == .htmlBlock || $0.kind == .htmlInline { raw = true } }
            guard !raw else { continue }
            XCTAssertEqual(TreeHTML.render(document), document.renderHTML(), name)
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, Self.samples.count + 10)
    }

    func testTheEditorsRawHTMLIsNeverWritten() {
        let markdown = "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b> and <!-- note -->.\n\n<div>\n*x*\n</div>\n"
        let html = TreeHTML.render(MarkdownDocument(markdown: Array(markdown.utf8)))
        XCTAssertEqual(html, "<p>Text bold and .</p>\n")
    }

    /// Rendering a page (alerts, checklists, steps, tables, guide blocks, defanged fake names, typography)
    /// leaves its tree as parsed: its bulletins are the same whether the HTML was made before or after them.
    func testRenderingLeavesTheCheckedTreeAsParsed() throws {
        let (setup, d) = SiteSetup.load(BuildOptions(sourceDirectory: Fixture.repository))
        let s = try XCTUnwrap(setup, "\(d)")
        var rendered = 0
        for file in s.loader.contentFiles().files {
            let page = try XCTUnwrap(s.loader.load(file).0)
            let checked = s.checker.check(page)
            let before = checked.document.renderHTML()
            let (bulletinsBefore, _) = s.bulletins.make(page, document: checked.document, edits: checked.edits)
            let body = BodyRenderer(basePath: s.config.basePath, alertTitles: s.strings.alertTitles(page.language),
                                    fakeMark: s.strings.text("fakeMark", page.language))
                .render(checked.document, inventory: checked.inventory, edits: checked.edits,
                        guide: GuideRenderer(page: page, config: s.config, strings: s.strings,
                                            typeset: TypesetText(page, document: checked.document, edits: checked.edits),
                                            texts: s.bulletins.texts))
            XCTAssertFalse(body.html.isEmpty, file)
            XCTAssertEqual(checked.document.renderHTML(), before, file)
            let (bulletinsAfter, _) = s.bulletins.make(page, document: checked.document, edits: checked.edits)
            XCTAssertEqual(bulletinsAfter.map(\.parts), bulletinsBefore.map(\.parts), file)
            rendered += 1
        }
        XCTAssertGreaterThan(rendered, 10)
    }

    /// The ids `check` knows for a page's headings come from the text plan, which skips the names' markup:
    /// it reads every heading as the full plan does, on the repository's pages and on headings holding
    /// fakes' names, code, links, images and raw HTML.
    func testTheTextPlanReadsHeadingsAsTheFullPlan() throws {
        let (setup, d) = SiteSetup.load(BuildOptions(sourceDirectory: Fixture.repository))
        let s = try XCTUnwrap(setup, "\(d)")
        let hostile = """
            ---
            title: Бет
            ---
            > [!WARNING]
            > ## Жалған EgovKzBot2.0 боты `Kenes1414_Bot` және <b>x</b>egov-kz.com
            >
            > ## Суреттегі ![EgovKzBot2.0](/favicon.ico) [EgovKzBot2.0](https://egov-kz.com) бот
            >
            > Kenes1414_Bot
            > ===

            """
        var pages = try s.loader.contentFiles().files.map { try XCTUnwrap(s.loader.load($0).0) }
        let f = try Fixture(files: ["content/kk/p.md": hostile])
        let (other, _) = SiteSetup.load(BuildOptions(sourceDirectory: f.root))
        let hostileSetup = try XCTUnwrap(other)
        pages.append(try XCTUnwrap(hostileSetup.loader.load(try XCTUnwrap(hostileSetup.loader.contentFiles().files.first)).0))
        var headings = 0
        for (n, page) in pages.enumerated() {
            let checked = (n == pages.count - 1 ? hostileSetup : s).checker.check(page)
            let full = BodyRenderer.plan(for: checked.edits, inventory: checked.inventory, fakeMark: "жалған")
            let text = BodyRenderer.textPlan(for: checked.edits, inventory: checked.inventory)
            checked.document.forEachNode { node in
                guard node.kind == .heading else { return }
                XCTAssertEqual(text.plainText(of: node), full.plainText(of: node), page.sourcePath)
                headings += 1
            }
        }
        XCTAssertGreaterThan(headings, 20)
    }
}
