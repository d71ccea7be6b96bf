import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Cases that got through with exit 0 when the built site was replayed through TDLib: each is now
/// refused (or shown defanged), and the legitimate forms beside them still pass.
final class LinkPolicyReplayTests: XCTestCase {
    func testAHashtagNamingABotIsJudgedAsThatBot() throws {
        for (text, column) in [("Іздеңіз: #tag@evilbot", 10), ("Іздеңіз: #хэш@evilbot", 10), ("`#tag@evilbot`", 2)] {
            let d = try Fixture.check(text + "\n")
            assertDiagnostic(d, code: "telegram.unknown", line: 4, column: column)
        }
        assertNoErrors(try Fixture.check("Іздеңіз: #42500 және #tag@Kenes1414Bot\n"))
    }

    func testFakeNamesWithAnythingBetweenTheirLettersAreTheFake() throws {
        for name in ["EgovKzBot20", "EgovKz_Bot2.0", "EgovKzBot2,0", "EgovKzBot2\u{02D9}0", "EgovKzBot\u{00B2}\u{00B7}\u{2070}",
                     "EgovKzBot\u{0662}.\u{0660}", "EgovKzBot\u{FF12}.\u{FF10}"] {
            let d = try Fixture.check("Бот: \(name) деп жазылған.\n")
            assertDiagnostic(d, code: "text.fake", line: 4, column: 6)
        }
        // The official handle is never the fake whose letters it shares (`Kenes1414_Bot` is one).
        assertNoErrors(try Fixture.check("Бот: @Kenes1414Bot, Kenes1414Bot.\n"))
        assertDiagnostic(try Fixture.check("Бот: Kenes1414_Bot.\n"), code: "text.fake", line: 4, column: 6)
        // Inside a warning the whole name is shown defanged.
        let (html, d) = try Fixture.render("> [!WARNING]\n> Іздемеңіз: EgovKz_Bot2.0 жалған.\n")
        assertNoErrors(d)
        XCTAssertTrue(try XCTUnwrap(html).contains("</span>EgovKz_Bot2.0</span>"), html ?? "")
        let (dotAbove, _) = try Fixture.render("> [!WARNING]\n> Іздемеңіз: EgovKzBot2\u{02D9}0 жалған.\n")
        XCTAssertTrue(try XCTUnwrap(dotAbove).contains(">EgovKzBot2[\u{02D9}]0</span>"), dotAbove ?? "")
    }

    func testAHandleDefangedOnThePageHasItsAtBracketedToo() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> Жазбаңыз: @EgovKzBot2.0\n")
        assertNoErrors(d)
        // `@EgovKzBot2` copied from the page would be a mention of another account.
        XCTAssertTrue(try XCTUnwrap(html).contains(">[@]EgovKzBot2[.]0</span>"), html ?? "")
    }

    func testPhoneNumbersInDigitsOfOtherScriptsAreJudged() throws {
        for text in ["+\u{FF17} \u{FF17}\u{FF10}\u{FF11} \u{FF11}\u{FF12}\u{FF13} \u{FF14}\u{FF15} \u{FF16}\u{FF17}",
                     "+\u{0667} \u{0667}\u{0660}\u{0661} \u{0661}\u{0662}\u{0663} \u{0664}\u{0665} \u{0666}\u{0667}",
                     "\u{1D7D6} \u{1D7D5}\u{1D7CE}\u{1D7CF} 123 45 67"] {
            let d = try Fixture.check("Қоңырау: \(text)\n")
            assertDiagnostic(d, code: "text.phone", line: 4, column: 10)
        }
    }

    func testAnInvisibleCharacterInFrontMatterTextIsRefused() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Сынақ\"\nsms: \"Қоңырау: +7\u{200B}701\u{200B}1234567\"\n---\nМәтін\n"])
        let d = f.build(checkOnly: true).diagnostics
        assertDiagnostic(d, code: "text.invisible", line: 3, column: 18, file: "content/kk/a.md")
        assertDiagnostic(d, code: "text.phone", line: 3, column: 16, file: "content/kk/a.md")
    }

    func testAnAddressCutByPunctuationSaysWhereToEndIt() throws {
        let d = try Fixture.check("Портал: https://egov.kz/ru/…\n")
        let message = try XCTUnwrap(d.first { $0.code == "link.noncanonical" }?.message)
        XCTAssertTrue(message.contains("end the address before that character"), message)
        XCTAssertFalse(message.contains("%E2%80%A6"), message)
    }
}

/// The second round of replayed cases: what the reader's app does to a text before it reads it.
final class LinkPolicyReplaySecondRoundTests: XCTestCase {
    func testCharactersTelegramDeletesBeforeSendingAreRefused() throws {
        for mark in ["\u{030A}", "\u{0333}", "\u{033F}", "\u{2028}", "\u{2029}"] {
            let d = try Fixture.check("Мәтін: evil.c\(mark)om мәтін.\n")
            assertDiagnostic(d, code: "text.invisible", line: 4, column: 14)
            let t = try Fixture.check("Мәтін: `@Kenes1414Bot\(mark)x`\n")
            XCTAssertTrue(t.contains { $0.code == "text.invisible" }, "\(mark.unicodeScalars.first!.value)")
        }
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Сайт evil.c\u{030A}om\"\n---\nМәтін\n"])
        assertDiagnostic(f.build(checkOnly: true).diagnostics, code: "text.invisible", line: 2, column: 20, file: "content/kk/a.md")
    }

    /// TDLib deletes a carriage return from a message before it finds links (`fix_formatted_text`), where
    /// every check read it as a space: `@Kenes1414Bot␍_support` reached the reader as a mention of
    /// `@Kenes1414Bot_support`. It is refused wherever a text may bring one: a character reference in
    /// Markdown, an escape in front matter, an interface string, the config. A file's own line ends
    /// (`\r\n`) are line ends, not text.
    func testACarriageReturnTelegramDeletesIsRefusedWhereverItComesFrom() throws {
        for reference in ["&#13;", "&#xD;", "&#x0d;", "&#0013;"] {
            let d = try Fixture.check("Ресми бот: @Kenes1414Bot\(reference)_support, сайт: egov.kz\(reference).ru\n")
            assertDiagnostic(d, code: "text.invisible", line: 4, column: 25)
        }
        let title = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Ресми сайт egov.kz\\r.ru\"\n---\nМәтін.\n"])
        assertDiagnostic(title.build().diagnostics, code: "text.invisible", line: 2, column: 27, file: "content/kk/a.md")
        let escaped = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"Ресми сайт egov.kz\\u200b.ru\"\n---\nМәтін.\n"])
        assertDiagnostic(escaped.build().diagnostics, code: "text.invisible", line: 2, column: 27, file: "content/kk/a.md")
        XCTAssertNil(title.output("kk/a/index.html"))
        for (file, key) in [("i18n/kk.yml", "bulletinMore"), ("i18n/ru.yml", "knownFakes")] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"])
            let strings = try String(contentsOfFile: f.root + "/" + file, encoding: .utf8)
            let lines = strings.components(separatedBy: "\n").map { $0.hasPrefix(key + ":") ? key + ": \"сұрақ: @Kenes1414Bot\\r_help\"" : $0 }
            try f.write(file, lines.joined(separator: "\n"))
            let report = f.build()
            XCTAssertFalse(report.published, file)
            XCTAssertTrue(report.diagnostics.contains { $0.code == "text.invisible" && $0.file == file }, "\(file): \(report.diagnostics)")
        }
        let config = try Fixture(config: Fixture.defaultConfig + """
            official:
              - url: "https://egov.kz/"
                title: { kk: "egov.kz\\r.ru", ru: "Портал" }

            """, files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"])
        XCTAssertTrue(config.build().diagnostics.contains { $0.code == "text.invisible" && $0.file == "sitegen.yml" })
        // Files saved with Windows line ends build as they always did.
        let crlf = try Fixture(files: ["content/kk/a.md": "---\r\ntitle: \"Төлем\"\r\ndescription: \"Қалай алуға болады\"\r\n---\r\nРесми бот: @Kenes1414Bot\r\nсайт: egov.kz\r\n\r\n- бір\r\n- екі\r\n"])
        let built = crlf.build()
        XCTAssertTrue(built.published, "\(built.diagnostics)")
        XCTAssertFalse(try XCTUnwrap(crlf.output("bulletins/kk/a/telegram.html")).contains("\r"))
    }

    func testStaticFilesNeverReplaceOrJoinCheckedOutput() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: A\n---\nМәтін\n",
            "static/bulletins/kk/a/telegram.html": "<a href=\"https://t.me/evilbot\">@Kenes1414Bot</a>",
            "static/kk/a/index.html": "<a href=\"https://evil.com/\">x</a>",
            "static/robots.txt": "User-agent: *",
            "static/page.html": "<a href=\"https://evil.com/\">x</a>",
            "static/logo.svg": "<svg/>",
        ])
        let report = f.build()
        XCTAssertFalse(report.published)
        let found = report.diagnostics.filter { $0.code.hasPrefix("content.static") }.map { "\($0.code) \($0.file)" }.sorted()
        XCTAssertEqual(found, ["content.static-clash static/robots.txt", "content.static-page static/bulletins/kk/a/telegram.html",
                               "content.static-page static/kk/a/index.html", "content.static-page static/page.html"])
        // Where the build writes, anything is refused, not only pages.
        let g = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "static/bulletins/kk/a/sms.txt": "evil.com",
                                    "static/search/kk/meta.json": "{}"])
        XCTAssertEqual(g.build().diagnostics.filter { $0.code == "content.static-clash" }.map(\.file),
                       ["static/bulletins/kk/a/sms.txt", "static/search/kk/meta.json"])
    }

    func testTheSitesOwnAddressIsJudged() throws {
        for (base, code) in [("https://egov.kz.evil.com/", "link.lookalike"), ("https://example.kz/evil.com/", "link.query"),
                             ("https://example.kz:8443/", "link.port"), ("http://example.kz/", "link.scheme"),
                             ("https://example.kz/a/../b/", "link.noncanonical")] {
            let f = try Fixture(config: Fixture.defaultConfig.replacingOccurrences(of: "https://example.kz/", with: base),
                                files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
            let report = f.build()
            XCTAssertTrue(report.setupFailed, base)
            let d = report.diagnostics.first { $0.code == "config.baseURL" }
            XCTAssertTrue(d?.message.contains("[\(code)]") == true, "\(base): \(d?.message ?? "none")")
            XCTAssertEqual(d?.file, "sitegen.yml")
            XCTAssertEqual(d?.line, 4)
        }
        let preview = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
        XCTAssertTrue(preview.build(baseURL: "http://localhost:1313/").published, "a preview on this machine")
        XCTAssertTrue(preview.build(baseURL: "https://preview.example.org/42500/").published)
    }

    func testWhatsAppMarkersThatJoinAnAddressAreJudgedAsTheReaderSeesIt() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін \\*evil\\*.com мәтін.\n"])
        let report = f.build()
        XCTAssertFalse(report.published)
        // The page check reads it as WhatsApp shows it, in `build` and in `check` alike.
        for d in [report.diagnostics, f.build(checkOnly: true).diagnostics] {
            XCTAssertTrue(d.contains { $0.code == "text.domain" && $0.message.contains("evil.com") && $0.message.contains("WhatsApp") },
                          d.map(DiagnosticFormatter.line).joined(separator: "\n"))
        }
    }

    /// Telegram reads an address's path on through a tab: `https://t.me/Kenes1414Bot<TAB>/../EvilBot` is one
    /// link to the app, and another bot to the browser it hands it to. It is refused where it is
    /// written (a page copied shows it so too); a tab after other text passes. (After a link whose text
    /// is not its address, the bulletins write a space between:
    /// ``TDLibBulletinTests/testTextAfterALinkIsKeptASpaceApartAlsoAfterATab()``.)
    func testATabAfterATelegramAddressIsReadOnAsTheAppReadsIt() throws {
        for (text, column) in [("Бот: https://t.me/Kenes1414Bot\t/../EvilBot\n", 6),
                               ("Бот: https://t.me/Kenes1414Bot\tEvil\n", 6),
                               ("Бот: <https://t.me/Kenes1414Bot>\t/../EvilBot\n", 7)] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n" + text])
            let check = f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
            XCTAssertTrue(check.contains { $0.line == 4 && $0.column == column && $0.message.contains("tab") },
                          "\(text.debugDescription): \(check.map(DiagnosticFormatter.line))")
            XCTAssertFalse(f.build().published, text.debugDescription)
            XCTAssertNil(f.output("bulletins/kk/a/text.txt"), text.debugDescription)
        }
        assertNoErrors(try Fixture.check("Бот: https://t.me/Kenes1414Bot \tжәне\tegov.kz\tсайты.\n"))
    }

    /// A Telegram app makes `[text](address)` written as text a link to the address when the text is
    /// pasted into it (TDLib's `parseMarkdown`), whatever the address is. The address is judged where it
    /// is written, in a warning and in code too; an official https:// one passes.
    func testALinkWrittenAsTextIsJudgedAsTheLinkAPastedCopyMakes() throws {
        let refused: [(text: String, column: Int)] = [
            ("Бот: \\[@Kenes1414Bot\\](tg:resolve?domain=EvilBot).\n", 24),
            ("Бот: &#91;ресми&#93;(evil.com).\n", 22),
            ("Бот: `[ресми](TG:join?invite=AAAAA)`.\n", 15),
            ("> [!WARNING]\n> Жалған хабар: \\[egov.kz\\](http://0x5d.0xb8.0xd8.0x22).\n", 0),
            ("Бот: \\[ресми\\](https://t.me/Kenes1414Bot /../EvilBot).\n", 16),
            ("Сайт: \\[egov.kz\\](https://evil.com/).\n", 0),
            // A thin space the app takes into the address; an image a browser's copy of the page leaves out.
            ("Портал: \\[egov.kz\\](\u{2009}x@0x5d.0xb8.0xd8.0x22).\n", 0),
            ("Портал: \\[egov.kz\\]![](/favicon.ico)(0x5d.0xb8.0xd8.0x22).\n", 0),
        ]
        for (text, column) in refused {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n" + text])
            let check = f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
            // (Column 0: refused as what it is already, an http:// link or a site not on the list.)
            XCTAssertTrue(column == 0 ? !check.isEmpty : check.contains { $0.message.contains("pasted into") && $0.column == column },
                          "\(text.debugDescription): \(check.map(DiagnosticFormatter.line))")
            XCTAssertFalse(f.build().published, text.debugDescription)
            XCTAssertNil(f.output("bulletins/kk/a/text.txt"), text.debugDescription)
        }
        // An address with formatting inside it is said once.
        let formatted = try Fixture.check("Портал: \\[egov.kz\\](*0x5d*.0xb8.0xd8.0x22).\n").filter { $0.severity == .error }
        XCTAssertEqual(formatted.count, 1, formatted.map(DiagnosticFormatter.line).joined(separator: "\n"))
        // What a pasted copy makes nothing of, or makes an official link of, passes.
        assertNoErrors(try Fixture.check("Бот: \\[ресми\\](https://t.me/Kenes1414Bot), \\[a\\] (b), f(x) = [1](2 — ](, \\[бет\\](/kk/apply/), [1](с. 45).\n"))
        // A warning quoting a scam's button, its address defanged: the app makes no link of it either.
        assertNoErrors(try Fixture.check("> [!WARNING]\n> Хабарламада: \\[Төлем алу\\](egov-kz[.]com/pay).\n"))
    }

    func testAnAddressInQuotesSaysToUseAngleBrackets() throws {
        let d = try Fixture.check("Портал: «https://egov.kz/» ашық.\n")
        let message = try XCTUnwrap(d.first { $0.code == "link.noncanonical" }?.message)
        XCTAssertTrue(message.contains("angle brackets"), message)
        assertNoErrors(try Fixture.check("Портал: «<https://egov.kz/>» ашық.\n"))
    }

    /// The official bot's address in quotes or with a case ending is refused (the app reads on, or ends
    /// it at the quote), and the message says where to end it, as it does for a site's address.
    func testATelegramAddressTouchingWhatFollowsSaysWhereToEndIt() throws {
        for (text, said) in [("Бот: «https://t.me/Kenes1414Bot» ашық.\n", "'»'"), ("Ботқа https://t.me/Kenes1414Bot-қа жазыңыз.\n", "'-қа'")] {
            let d = try Fixture.check(text)
            let message = try XCTUnwrap(d.first { $0.code == "link.noncanonical" }?.message, "\(text): \(d)")
            XCTAssertTrue(message.contains("angle brackets") && message.contains(said), message)
        }
        assertNoErrors(try Fixture.check("Бот: «<https://t.me/Kenes1414Bot>» ашық, https://t.me/Kenes1414Bot -қа.\n"))
    }

    /// A code fence's info string is written into the page (`class="language-…"`): an address or handle
    /// there is judged where it is written; a language's name passes.
    func testACodeFenceInfoStringIsJudged() throws {
        for (info, column) in [("evil.com", 4), ("@EvilKzBot", 4), ("text egov-kz.com", 9)] {
            let d = try Fixture.check("```\(info)\nкод\n```\n").filter { $0.severity == .error }
            XCTAssertFalse(d.isEmpty, info)
            XCTAssertTrue(d.allSatisfy { $0.line == 4 && $0.column == column }, "\(info): \(d)")
        }
        assertNoErrors(try Fixture.check("```text\nкод\n```\n\n```c++ egov.kz\nкод\n```\n"))
    }
}

/// What search shows a reader comes from text outside warnings.
final class SearchSnippetPolicyTests: XCTestCase {
    func testASnippetNeverShowsAFakeNamedInAWarning() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n> [!WARNING]\n> @EgovKzBot2.0 жалған.\n\nРесми бот: @Kenes1414Bot.\n"])
        XCTAssertTrue(f.build().published)
        let shards = try FileManager.default.contentsOfDirectory(atPath: f.siteDirectory + "/search/kk/d")
        let shown = try shards.map { try String(contentsOfFile: f.siteDirectory + "/search/kk/d/" + $0, encoding: .utf8) }.joined()
        XCTAssertFalse(shown.contains("EgovKzBot2"), shown)
        XCTAssertTrue(shown.contains("Ресми бот"), shown)
    }
}

/// A line shaped like a reference definition but followed by more text is a paragraph to cmark-gfm.
final class ReferenceDefinitionShapeTests: XCTestCase {
    func testAFootnoteLineIsTextNotADefinition() throws {
        assertNoErrors(try Fixture.check("Мәтін[^1].\n\n[^1]: Ескертпе: egov.kz порталы.\n"))
        // Its words are still judged as text.
        assertDiagnostic(try Fixture.check("Мәтін[^1].\n\n[^1]: Ескертпе: evil.com порталы.\n"), code: "text.domain", line: 6, column: 17)
        // Real definitions, used or not, with or without a title, are judged as links.
        assertDiagnostic(try Fixture.check("[a]: https://evil.com/\n"), code: "link.host", line: 4, column: 6)
        assertDiagnostic(try Fixture.check("[a]: https://evil.com/ \"Атауы\"\n"), code: "link.host", line: 4, column: 6)
        assertDiagnostic(try Fixture.check("[a]:\n  <https://evil.com/>\n"), code: "link.host", line: 5, column: 3)
    }
}
