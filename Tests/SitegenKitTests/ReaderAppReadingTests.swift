import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// What a reader's app reads that a stricter reading would pass: a scheme glued to a word, a page's
/// own address, a snippet cut inside an address, a text file's hidden characters, markup that would
/// make a check slower than the page it reads.
final class ReaderAppReadingTests: XCTestCase {
    /// TDLib takes `ruhttps://…` from its `https`, and reads a host that begins with a combining mark:
    /// a `://` no reading took as part of an address is judged as the address it may be.
    func testASchemeGluedToAWordIsJudged() throws {
        for text in ["ruhttps://\u{301}x.evil.com/login", "xftp://x.evil.com/", "ruhttp://\u{903}a.evil.com:8080/", "ҚҚhttps://evil.com/"] {
            let d = try Fixture.check("Сілтеме: \(text) бар.\n")
            XCTAssertTrue(d.contains { $0.severity == .error && $0.line == 4 && (10...12).contains($0.column) }, "\(text): \(d.map(DiagnosticFormatter.line))")
        }
        LinkPolicyAssert.noErrors(try Fixture.check("Сілтеме: https://egov.kz/ бар.\n"))
        // A scheme alone names no place, and no app links it: the advice itself passes.
        LinkPolicyAssert.noErrors(try Fixture.check("Адрес должен начинаться с «https://», а не «http://». Ресми сайт https:// деп басталады.\n"))
    }

    /// A browser reads a host after a special scheme's colon whatever slashes follow it, and a JSON
    /// viewer links the string: `https:/3105243146` is an address, judged (and refused: not canonical).
    func testASpecialSchemeWithOtherSlashesIsJudged() throws {
        for text in ["https:/3105243146", "https:\\evil.com", "http:evil.com/login", "HTTPS:/\\egov.kz", "ftp:/evil.com", "wss:/x.evil.com", "ws://3105243146", "wss://3105243146/x"] {
            let d = try Fixture.check("Сілтеме: \(text) бар.\n")
            XCTAssertTrue(d.contains { $0.severity == .error && $0.line == 4 && $0.column == 10 }, "\(text): \(d.map(DiagnosticFormatter.line))")
        }
        // A label and its colon, prose, and a scheme glued into a word a browser does not read as one pass.
        LinkPolicyAssert.noErrors(try Fixture.check("Protocols: https: and http: are schemes. Мекенжай https: деп басталады. Unhttps:/x.\n"))
    }

    /// A right-to-left letter beside digits turns their groups around (`־4567 123 701 8־` shows
    /// 8 701 123 4567): refused in a page's text and title; without digits nothing is reordered.
    func testARightToLeftLetterBesideDigitsIsRefused() throws {
        let d = try Fixture.check("Қоңырау: \u{5BE}4567 123 701 8\u{5BE} бүгін.\n")
        XCTAssertTrue(d.contains { $0.severity == .error && $0.messageID == "text.right-to-left" && $0.line == 4 && $0.column == 10 },
                      "\(d.map(DiagnosticFormatter.line))")
        let title = try LinkPolicyAssert.checkFile("---\ntitle: \"\u{5D0} 87 011\"\n---\nМәтін.\n")
        XCTAssertTrue(title.contains { $0.messageID == "text.right-to-left" }, "\(title.map(DiagnosticFormatter.line))")
        LinkPolicyAssert.noErrors(try Fixture.check("Сөз \u{5E9}\u{5DC}\u{5D5}\u{5DD} дегенді білдіреді.\n"))
    }

    /// A page's address is on every page that links it and in each bulletin: a domain in its slug or
    /// folder is found by `check` too, at the slug.
    func testADomainInAPagesAddressIsRefusedWhereItIsDecided() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: \"Бет\"\nslug: \"help.evil.com\"\n---\nМәтін.\n")
        XCTAssertTrue(d.contains { $0.severity == .error && $0.line == 3 && $0.column == 7 }, "\(d.map(DiagnosticFormatter.line))")
        let f = try Fixture(files: ["content/kk/help.evil.com/apply.md": "---\ntitle: \"Бет\"\n---\nМәтін.\n"])
        let found = f.build(checkOnly: true).diagnostics
        XCTAssertTrue(found.contains { $0.severity == .error && $0.file == "content/kk/help.evil.com/apply.md" && $0.line == 1 },
                      "\(found.map(DiagnosticFormatter.line))")
    }

    /// A bulletin writes a list's numbers as text, where a phone's reader joins the number and the
    /// item's first digits (`87011. 234567` dials +7 701 123 4567): nothing is published.
    func testAListNumberAndItsItemAreReadAsOneNumber() throws {
        XCTAssertEqual(BulletinGuard.listNumberJoined("87011. 234567 — кодты жазыңыз."), "87011 234567 — кодты жазыңыз.")
        XCTAssertNil(BulletinGuard.listNumberJoined("2. Өтінім беріңіз."))
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n87011. 234567 — кодты жазыңыз.\n"])
        let report = f.build()
        XCTAssertFalse(report.published, "\(report.diagnostics.map(DiagnosticFormatter.line))")
        XCTAssertTrue(report.diagnostics.contains { $0.file == "content/kk/a.md" && $0.severity == .error },
                      "\(report.diagnostics.map(DiagnosticFormatter.line))")
        let fine = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n1. Өтінім 2020 жылы.\n2. 42 500 теңге.\n"])
        XCTAssertTrue(fine.build().published)
    }

    /// The page check reads a list's number with its item too, so `check` refuses what a build would
    /// (the bulletin guard alone found it, and `check` passed a page the build then refused): the
    /// item's number counts from the list's start, inside emphasis, a quote or a nested list.
    func testTheCheckReadsAListNumberWithItsItem() throws {
        for (markdown, line, column) in [
            ("87011. 234567 — кодты жазыңыз.\n", 4, 8),
            ("87010. Бірінші.\n87011. **234567** кодты жазыңыз.\n", 5, 10),
            ("> 87011. 234567\n", 4, 10),
            ("- Тізім\n\n  87011. 234567\n", 6, 10),
        ] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n" + markdown])
            let checked = f.build(checkOnly: true).diagnostics
            LinkPolicyAssert.onlyError(checked, code: "text.phone", line: line, column: column, file: "content/kk/a.md",
                                       messageContains: "87011")
            let built = f.build()
            XCTAssertFalse(built.published, markdown)
            XCTAssertEqual(built.diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter.line),
                           checked.filter { $0.severity == .error }.map(DiagnosticFormatter.line), markdown)
        }
        // Numbers that are no phone with their item: step numbers, years, amounts, a bullet list.
        for markdown in ["1. 2020 жылы.\n2. 42 500 теңге.\n", "41. 2020 жылдың сәуірі.\n",
                         "1. [ ] 8701 тексеру.\n"] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n" + markdown])
            assertNoErrors(f.build(checkOnly: true).diagnostics)
        }
    }

    /// A snippet ends where a word ends, with `…` after: cut inside an address, it would be another
    /// address, and a word cut short may be another word (a word longer than a snippet is not shown).
    func testASnippetIsCutBetweenWords() {
        let text = String(repeating: "сөз ", count: 37) + "https://t.me/Kenes1414Bot арқылы"
        XCTAssertEqual(PageBuilder.snippet(text), String(repeating: "сөз ", count: 37).trimmingCharacters(in: .whitespaces) + "…")
        XCTAssertEqual(PageBuilder.snippet("Қысқа мәтін."), "Қысқа мәтін.")
        let exact = String(repeating: "а", count: 159)
        XCTAssertEqual(PageBuilder.snippet(exact + " б"), exact + "…")
        XCTAssertEqual(PageBuilder.snippet(String(repeating: "а", count: 200)), "…")
    }

    /// A text file is read as a page's text: its phone numbers and its hidden characters too.
    func testATextFilesPhonesAndHiddenCharactersAreJudged() throws {
        for (text, column) in [("Анықтама: +7 701 123 45 67\n", 11), ("Ресми сайт: \u{202E}moc.zk-voge\u{202C}\n", 13)] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "static/note.txt": text])
            let report = f.build()
            XCTAssertFalse(report.published, text)
            XCTAssertTrue(report.diagnostics.contains { $0.file == "static/note.txt" && $0.line == 1 && $0.column == column },
                          "\(report.diagnostics.map(DiagnosticFormatter.line))")
        }
        let marked = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "static/note.txt": "\u{FEFF}Ресми сайт: egov.kz\n"])
        XCTAssertTrue(marked.build().published)
    }

    /// Reading markup stays linear: frames nested in frames, and a picture of `<` characters.
    func testNestedMarkupIsReadInLinearTime() {
        let nested = String(repeating: "<iframe/srcdoc=", count: 40) + "x>"
        let started = Date()
        _ = RenderedLinks.leads(in: nested)
        XCTAssertNil(StaticFileCheck.firstLead(inSVG: Array(("<svg xmlns=\"http://www.w3.org/2000/svg\">" + String(repeating: "<", count: 200_000)).utf8)))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "40 nested frames and 200,000 `<` took this long")
    }

    /// Digits and marks without end, an SVG nested deep, a stylesheet of one long declaration: each
    /// reading stops where no number or text can be longer, or keeps what it needs per element.
    func testLongChainsAndDeepPicturesAreReadInLinearTime() {
        let started = Date()
        for unit in ["1/", "1 ", "1.", "a1-", "1–"] {
            _ = PhoneNumbers.find(in: String(repeating: unit, count: 100_000))
        }
        let deep = String(repeating: "<g>", count: 50_000) + "<text>" + String(repeating: "x", count: 100_000) + "</text>"
        XCTAssertFalse(ShownText.inSVG(Array(deep.utf8)).texts.isEmpty)
        _ = ShownText.inCSS(Array(("a { content: " + String(repeating: "\"x\" ", count: 100_000) + "}").utf8))
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "long chains and a deep picture took this long")
    }
}
