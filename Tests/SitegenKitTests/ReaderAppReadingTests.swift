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
        // The item's first block read whole, as the bulletins join its runs, and a quote that opens the
        // item, which Telegram's text puts on the number's line (`87. <blockquote>011 234 567`).
        for (markdown, column) in [("87. **011** 234 567\n", 7), ("87. > 011 234 567\n", 7), ("- 87. > > 011 234 567\n", 11),
                                   ("87. <b>011</b> 234 567\n", 8), ("87. `011` 234 567\n", 6)] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n" + markdown])
            let checked = f.build(checkOnly: true).diagnostics
            LinkPolicyAssert.onlyError(checked, code: "text.phone", line: 4, column: column, file: "content/kk/a.md")
            XCTAssertFalse(f.build().published, markdown)
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

    /// What the search result shows is judged as shown: a mark dropped from a cut's end may have kept a
    /// card apart from the word after it (`6789- ға` is no card to Telegram; `6789…` is).
    func testASnippetIsJudgedWithItsEllipsis() {
        // The cut falls after `6789-`: the word after it runs past the snippet's end.
        let lead = String(repeating: "сөз ", count: 30)
        let long = " " + String(repeating: "ға", count: 25)
        let snippet = PageBuilder.snippet(lead + "Карта: 4400 4301 2345 6789-" + long)
        XCTAssertEqual(snippet, lead + "Карта…")
        XCTAssertTrue(TelegramTextBoundaries.bankCardNumbers(in: snippet).isEmpty)
        // A mark that keeps nothing apart is dropped as before.
        XCTAssertEqual(PageBuilder.snippet(lead + "Өтінім 2020 жылы —" + long), lead + "Өтінім 2020 жылы…")
    }

    /// A browser shows a tab as a space, and so does the search result, which collapses them: a number
    /// spaced with tabs is a number to whoever reads the page. Thin and wide spaces stay as written in
    /// the search index, where Telegram reads no card across them (a plain space would make one).
    func testSpacesAPageShowsAsPlainAreReadSo() throws {
        for (text, code) in [("Алаяқ нөмірі 8\t701\t123\t45\t67 екен.\n", "text.phone"),
                             ("Алаяқ картасы 4400\t4301\t2345\t6789 екен.\n", "text.card")] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n" + text])
            LinkPolicyAssert.onlyError(f.build(checkOnly: true).diagnostics, code: code, line: 4, column: code == "text.phone" ? 14 : 15,
                                       file: "content/kk/a.md")
        }
        // A line break in a YAML string shows as a space in the title; so do the lines of a code block in a
        // search snippet. (A hard line break parts lines on the page and in the bulletins: no number.)
        for (page, code, line) in [("---\ntitle: \"Тест 8 701\\n123 45 67\"\n---\nМәтін.\n", "text.phone", 2),
                                   ("---\ntitle: A\ndescription: |-\n  Карта 4400 4301\n  2345 6789 бар.\n---\nМәтін.\n", "text.card", 3),
                                   ("---\ntitle: A\n---\n```\n4400 4301\n2345 6789\n```\n", "text.card", 5)] {
            let d = try Fixture(files: ["content/kk/a.md": page]).build(checkOnly: true).diagnostics
            XCTAssertTrue(d.contains { $0.severity == .error && $0.code == code && $0.line == line && !$0.message.contains("\n") },
                          "\(page): \(d.map(DiagnosticFormatter.line))")
        }
        assertNoErrors(try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nТел 8 701\\\n123 45 67 бар.\n"]).build(checkOnly: true).diagnostics)
        // Thin spaces stay as written in the search index. (Between a card's groups they are a card to a
        // reader, who pays to it: refused.)
        let thin = "42\u{2009}500\u{2009}000"
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Сома \(thin)\"\n---\nТөлем сомасы \(thin) екен.\n"])
        XCTAssertTrue(f.build().published)
        let index = (FileManager.default.subpaths(atPath: f.root + "/site/search/kk") ?? []).sorted()
            .compactMap { f.output("search/kk/" + $0) }.joined()
        XCTAssertTrue(index.contains("Сома \(thin)") && index.contains("сомасы \(thin) екен"), index)
        XCTAssertFalse(index.contains("42 500 000"), index)
        let card = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nАлаяқ картасы 4400\u{2009}4301\u{2009}2345\u{2009}6789 екен.\n"])
        LinkPolicyAssert.onlyError(card.build(checkOnly: true).diagnostics, code: "text.card", line: 4, column: 15, file: "content/kk/a.md")
    }

    /// A bulletin's text keeps a tab as written, and a messenger or an SMS app reading it ends a number
    /// there, where a page shows a space: `12<tab>8 701 123 45 67` is one chain of thirteen digits on the
    /// page but the number `8 701 123 45 67` in the text. Both readings are judged, in the body, the
    /// title and the SMS.
    func testATabEndsANumberForAPlainTextReader() throws {
        let number = "12\t8 701 123 45 67"
        for (page, line, column) in [("---\ntitle: A\n---\nКабинет \(number) бар.\n", 4, 12),
                                     ("---\ntitle: \"Кабинет \(number)\"\n---\nМәтін.\n", 2, 20),
                                     ("---\ntitle: A\nsms: \"Кабинет \(number)\"\n---\nМәтін.\n", 3, 18)] {
            let d = try Fixture(files: ["content/kk/a.md": page]).build(checkOnly: true).diagnostics
            XCTAssertTrue(d.contains { $0.severity == .error && $0.code == "text.phone" && $0.line == line && $0.column == column
                && $0.message.contains("8 701 123 45 67") }, "\(page): \(d.map(DiagnosticFormatter.line))")
        }
        // Spaces alone keep the chain whole for every reader: no number.
        assertNoErrors(try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nКабинет 12 8 701 123 45 67 бар.\n"])
            .build(checkOnly: true).diagnostics)
    }

    /// A page's text is read across inline elements, as a browser shows it on one line: an interface
    /// string ending in digits before a date of the known fakes' block makes a phone number
    /// (`8 701 123 <time>2020…`), and the finished page is refused. Block elements part lines.
    func testAPagesTextIsReadAcrossInlineElements() throws {
        let html = "<p>анықталған 8 701 123 <time datetime=\"2020-04-14\">2020</time> жыл</p><p>45 67</p><script>1 2 3 4 5 6 7</script>"
        func withDigits(_ html: String) -> [PageTexts.Piece] {
            Array(html.utf8).withUnsafeBufferPointer { bytes in
                var pieces: [PageTexts.Piece] = []
                PageTexts.forEachPiece(in: bytes) { pieces.append($0) }
                return pieces
            }.filter { PhoneNumbers.mayHold($0.text) }
        }
        let pieces = withDigits(html)
        XCTAssertEqual(pieces.map(\.text), ["анықталған 8 701 123 2020 жыл", "45 67"])
        XCTAssertEqual(pieces.first?.tag, "p")
        // References are read as shown (a name not known as a space), and what shows nothing parts nothing.
        let named = "<p>Жаңартылды 8 701 123 45&nbsp;<time>14</time> 67 &period;x &foo;<template>9</template>1</p><p>22 <script>3</script>44</p>"
        XCTAssertEqual(withDigits(named).map(\.text),
                       ["Жаңартылды 8 701 123 45\u{A0}14 67 .x  1", "22 44"])
        // The text of a `<textarea>` or `<title>` is no markup: a `<style>` in it hides nothing after it.
        let hiding = "<textarea><style></textarea><p>8 701 123 45 67</p><textarea></style></textarea><title><style></title><p>8 702</p>"
        XCTAssertEqual(withDigits(hiding).map(\.text), ["8 701 123 45 67", "8 702"])
        let strings = try String(contentsOfFile: Fixture.repository + "/i18n/kk.yml", encoding: .utf8).components(separatedBy: "\n")
            .map { $0.hasPrefix("reported:") ? "reported: \"анықталған 8 701 123\"" : $0 }.joined(separator: "\n")
        let config = try String(contentsOfFile: Fixture.repository + "/sitegen.yml", encoding: .utf8)
        let f = try Fixture(config: config, files: ["content/kk/a.md": "---\ntitle: A\nbulletin: false\n---\n```known-fakes\n```\n",
                                                    "i18n/kk.yml": strings])
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.diagnostics.contains { $0.code == "page.link" && $0.message.contains("8 701 123 2020") },
                      "\(report.diagnostics.map(DiagnosticFormatter.line))")
    }

    /// Addresses, handles and names that only the finished page puts together are read there too: two
    /// interface strings a template writes side by side (`Сайт evil.` and `com бар`), a template's named
    /// reference (`evil&period;com`). A fake named in a warning, which the page marks, is not refused.
    func testWhatATemplatePutsTogetherIsReadForAddresses() throws {
        let config = try String(contentsOfFile: Fixture.repository + "/sitegen.yml", encoding: .utf8)
        let footer = try String(contentsOfFile: Fixture.repository + "/templates/footer.mustache", encoding: .utf8)
        func strings(_ lang: String) throws -> String {
            try String(contentsOfFile: Fixture.repository + "/i18n/\(lang).yml", encoding: .utf8) + "\nx1: \"Сайт evil.\"\nx2: \"com бар\"\n"
        }
        for (line, what) in [("<p>{{t.x1}}<b>{{t.x2}}</b></p>", "evil.com"), ("<p>Сайт evil&period;com</p>", "evil.com"),
                             ("<p>{{t.x1}}{{t.x2}} &commat;evilbot</p>", "@evilbot"),
                             // A fake's mark in a template lets no text around it join into an address.
                             ("<p>evil<span class=\"fake-name\">.</span>com</p>", "evil.com"),
                             ("<p><span class=\"fake-name\">@</span>EvilBot</p>", "@EvilBot")] {
            let f = try Fixture(config: config, files: [
                "content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст.\n",
                "templates/footer.mustache": footer.replacingOccurrences(of: "</footer>", with: line + "\n</footer>"),
                "i18n/kk.yml": try strings("kk"), "i18n/ru.yml": try strings("ru"),
            ])
            let report = f.build()
            XCTAssertFalse(report.published, line)
            // Refused by the finished page's look, or already by the template's own check where the
            // template writes it as a browser shows it (a reference decoded: `evil&period;com`).
            XCTAssertTrue(report.diagnostics.contains { ($0.code == "page.link" || ($0.file == "templates/footer.mustache" && $0.severity == .error))
                && $0.message.contains(what) }, "\(line): \(report.diagnostics.map(DiagnosticFormatter.line))")
        }
    }

    /// A page's address is shown wherever the page is shared: a phone number in it is refused at the
    /// slug, else at the file's first line, with or without bulletins.
    func testAPhoneNumberInAPagesAddressIsRefused() throws {
        let d = try LinkPolicyAssert.checkFile("---\ntitle: \"Бет\"\nslug: \"87011234567\"\nbulletin: false\n---\nМәтін.\n")
        XCTAssertTrue(d.contains { $0.severity == .error && $0.code == "text.phone" && $0.line == 3 && $0.column == 7 }, "\(d.map(DiagnosticFormatter.line))")
        let f = try Fixture(files: ["content/kk/87011234567.md": "---\ntitle: \"Бет\"\nbulletin: false\n---\nМәтін.\n"])
        LinkPolicyAssert.onlyError(f.build(checkOnly: true).diagnostics, code: "text.phone", line: 1, column: 1,
                                   file: "content/kk/87011234567.md")
        assertNoErrors(try Fixture(files: ["content/kk/2020/42500.md": "---\ntitle: \"Бет\"\n---\nМәтін.\n"]).build(checkOnly: true).diagnostics)
    }

    /// A mail link's subject is shown decoded in the reader's draft: a number written percent-encoded
    /// there is read as the number it shows.
    func testAMailSubjectIsReadDecoded() throws {
        for subject in ["8%20701%20123%2045%2067", "4400%204301%202345%206789"] {
            let d = try Fixture.check("[хат](mailto:help@egov.kz?subject=\(subject))\n")
            XCTAssertTrue(d.contains { $0.severity == .error && $0.line == 4 && ["text.phone", "text.card"].contains($0.code) },
                          "\(subject): \(d.map(DiagnosticFormatter.line))")
        }
        LinkPolicyAssert.noErrors(try Fixture.check("[хат](mailto:help@egov.kz?subject=42%20500)\n"))
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
        // (A reading quadratic in 100,000 units would take hours; the bound leaves a slow machine's debug build room:
        // 13 to 21 seconds measured on two machines.)
        XCTAssertLessThan(Date().timeIntervalSince(started), 40, "long chains and a deep picture took this long")
    }

    /// An editor's paste of thousands of addresses into one paragraph: each reading's tokens are checked
    /// against the others' and each finding is shown on its line, and neither may compare all with all
    /// (8,000 `evil[точка]com` in one paragraph took 23 s so, 16,000 findings on one line 13 s to show).
    func testThousandsOfAddressesInOneParagraphAreReadAndShownInLinearTime() {
        let started = Date()
        let units = ["evil[точка]com ", "egov[.]kz ", "evil·com EvilKzBot ", "@ EvilKzBot ", "info@egov·kz·evil·com "]
        for unit in units {
            let text = String(repeating: unit, count: 8_000)
            let tokens = TextTokens(fakeNames: [:]).scan(text)
            XCTAssertGreaterThanOrEqual(tokens.count, 8_000, unit)
        }
        let line = String(repeating: "evil.com ", count: 20_000)
        let findings = (0..<20_000).map {
            Diagnostic.error("text.domain", id: "text.domain", ["domain": "evil.com"], file: "content/kk/x.md", line: 1, column: 9 * $0 + 1)
        }
        let shown = DiagnosticFormatter(format: .text, sourceLines: { _, _ in line }).render(findings, withSnippets: true)
        XCTAssertEqual(shown.components(separatedBy: "^").count, 20_001, "each finding is shown with its caret")
        // (Measured: 4 s in a debug build; all against all took minutes.)
        XCTAssertLessThan(Date().timeIntervalSince(started), 40, "thousands of addresses in one paragraph took this long")
    }

    /// Pasted runs a page may hold by the thousand: a run of opening brackets (each was read to the run's end),
    /// an ordered list's items opening with digits (each counted the items before it), headings with a link to
    /// each (each link looked through every name).
    func testRunsOfBracketsListItemsAndAnchorsAreCheckedInLinearTime() throws {
        let started = Date()
        for bracket in ["[", "(", "\u{FF08}"] {
            let marks = ReaderReading.defangedMarks(Array(String(repeating: bracket, count: 100_000).unicodeScalars))
            XCTAssertTrue(marks.read.isEmpty, bracket)
        }
        for bracket in ["[", "(", "<"] {
            XCTAssertFalse(ReaderReading.mayDiffer("https://egov.kz/" + String(repeating: bracket, count: 100_000)), bracket)
        }
        XCTAssertEqual(ReaderReading.defangedMarks(Array("evil[[.]]com и [[[@]]]Evil".unicodeScalars)).read.values.sorted(), [".", "@"])
        let items = (1...20_000).map { "\($0). Өтінім \($0)\n" }.joined()
        LinkPolicyAssert.noErrors(try Fixture.check(items))
        let anchors = (1...6_000).map { "## Part \($0)\n\n[Бөлім](#part-\($0))\n\n" }.joined()
        XCTAssertEqual(try Fixture.check(anchors, internalLinks: true).filter { $0.code == "link.internal" }.count, 0)
        // Each link to no place on the page is refused, the first hundred with the name each may have meant.
        let missed = try Fixture.check(anchors.replacingOccurrences(of: "](#part-", with: "](#parts-"), internalLinks: true)
            .filter { $0.code == "link.internal" }
        XCTAssertEqual(missed.count, 6_000)
        XCTAssertEqual(missed.filter { $0.messageID == "link.internal.anchor-near" }.count, 100)
        // (Measured: 18 s in a debug build; the readings they replaced took minutes.)
        XCTAssertLessThan(Date().timeIntervalSince(started), 60, "runs of brackets, list items and anchors took this long")
    }
}
