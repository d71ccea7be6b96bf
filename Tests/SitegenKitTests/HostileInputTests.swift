import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenPolicy
import SitegenCore

/// Hostile Markdown (pasted scams, generated junk) gives a diagnostic or a page, never a crash or a
/// build that does not end: nesting is limited before anything recursive reads the tree, and the work
/// per page stays near-linear in its size.
final class HostileInputTests: XCTestCase {
    /// The body's first line is line 4 of the file (see `Fixture.check`).
    private let bodyLine = 4

    /// `depth` lists, each indented under the item before it.
    private func nestedList(_ depth: Int, marker: String = "-") -> String {
        (0..<depth).map { String(repeating: " ", count: ($0) * (marker.count + 1)) + marker + " пункт\n" }.joined()
    }

    // MARK: Digits with marks

    /// A digit with a combining mark (`0\u{301}`) is one character that Swift's ordering of characters
    /// puts between `0` and `9`: read as a digit, it made a number of nothing and crashed the build.
    /// Each is read as what it is, and the address around it is refused where it starts.
    /// `check` refuses what a build's last look at the bulletins would: a phone number in an address
    /// written out or in a link's address (which the bulletins print), a card number as a link's whole
    /// text, a list's number and its item read as the bulletins write them (`87. 011 234 567`). Each once
    /// passed the check and failed the build.
    func testCheckRefusesWhatTheBulletinsLastLookWould() throws {
        for (text, code) in [("Сайт <https://egov.kz/87011234567> бар.", "text.phone"), ("Сайт https://egov.kz/87011234567 бар.", "text.phone"),
                             ("[4400430123456789](https://egov.kz/)", "text.card"), ("87. 011 234 567", "text.phone"),
                             ("77) 011 234 567", "text.phone"), ("86. бір\n87. 011 234 567", "text.phone"),
                             ("[egov](https://egov.kz/87011234567)", "text.phone"), ("[egov](https://egov.kz/?t=%2B77011234567)", "text.phone"),
                             ("[egov](https://egov.kz/4111111111111111)", "text.card"),
                             ("[egov][e]\n\n[e]: https://egov.kz/87011234567", "text.phone")] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n\n\(text)\n"])
            let checked = f.build(checkOnly: true)
            XCTAssertTrue(checked.diagnostics.contains { $0.code == code && $0.severity == .error }, "\(text): \(checked.diagnostics.map(DiagnosticFormatter.line))")
            XCTAssertFalse(f.build().published, text)
        }
    }

    /// A number a template puts together from a page's title and the site's name (`<title>{{title}} —
    /// {{siteTitle}}`: `8 701 14` and `42 500 ₸` make `8 701 14 — 42 500`, a phone number to
    /// libphonenumber) is refused by the page's last look, and nothing is published.
    func testANumberATemplatePutsTogetherIsRefused() throws {
        let config = Fixture.defaultConfig.replacingOccurrences(of: #"kk: "Сынақ""#, with: #"kk: "42 500 ₸: сынақ""#)
        let f = try Fixture(config: config, files: ["content/kk/a.md": "---\ntitle: \"Бет 8 701 14\"\n---\n\nМәтін.\n"])
        let report = f.build()
        XCTAssertFalse(report.published, report.diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"))
        XCTAssertTrue(report.diagnostics.contains { $0.code == "page.link" && $0.message.contains("<title>") },
                      report.diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"))
    }

    /// One word of tens of thousands of letters (two descriptions) is indexed by its first
    /// characters: the search index nested a folder of shards per letter two terms shared, and the build
    /// died of a stack overflow.
    func testAWordOfTensOfThousandsOfLettersIsBuilt() throws {
        let word = String(repeating: "а", count: 30_000)
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\ndescription: \"\(word)б\"\n---\n\nМәтін.\n",
                                    "content/kk/b.md": "---\ntitle: B\ndescription: \"\(word)в\"\n---\n\nМәтін.\n"])
        let report = f.build()
        XCTAssertTrue(report.published, report.diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"))
        let shards = try FileManager.default.subpathsOfDirectory(atPath: f.siteDirectory + "/search/kk")
        XCTAssertLessThan(shards.count, 200, "a shard per letter of the word")
    }

    func testADigitWithACombiningMarkIsNoDigitAndNoCrash() throws {
        for mark in ["\u{301}", "\u{308}", "\u{20E3}", "\u{FE0F}"] {
            for body in ["Мәтін 0\(mark).a.p.com мәтін.", "Мәтін 0\(mark)&period;a.p.рф мәтін."] {
                let fixture = try Fixture()
                try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + body + "\n")
                let report = fixture.build()
                XCTAssertFalse(report.published, body)
                let line = bodyLine
                let listing = report.diagnostics.map { DiagnosticFormatter.line($0) }.joined(separator: "\n")
                XCTAssertTrue(report.diagnostics.contains { $0.severity == .error && $0.file == "content/kk/test.md" && $0.line == line && $0.column == 7 },
                              body + "\n" + listing)
            }
        }
        XCTAssertFalse(Character("0\u{301}").isASCIIDigit)
        XCTAssertTrue(Character("7").isASCIIDigit)
        XCTAssertFalse(IPLiteralScanner.isIPv4("0\u{301}.1.2.3"))
        XCTAssertTrue(IPLiteralScanner.isIPv4("185.22.64.10"))
        for text in ["256.1.1.1", "01.1.1.1", "1.2.3", "1.2.3.4.5", "१.२.३.४", "1.2.3.4\u{308}"] { XCTAssertFalse(IPLiteralScanner.isIPv4(text), text) }
    }

    // MARK: Depth

    func testListOneLevelTooDeepIsRefusedAtTheLineThatCrossesTheLimit() throws {
        let diagnostics = try Fixture.check(nestedList(NestingLimit.blocks + 1))
        // The 65th list starts on the 65th line of the body, after 64 two-space indents.
        assertDiagnostic(diagnostics, code: "markdown.depth", line: bodyLine + NestingLimit.blocks,
                         column: 2 * NestingLimit.blocks + 1)
        XCTAssertEqual(diagnostics.filter { $0.code == "markdown.depth" }.count, 1)
    }

    func testListAtTheLimitIsPublished() throws {
        // Its bulletins would indent the innermost item past a Telegram message: left out here.
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\nbulletin: false\n---\n"
            + nestedList(NestingLimit.blocks)])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html"))
        XCTAssertEqual(html.components(separatedBy: "<ul>").count - 1, NestingLimit.blocks)
    }

    func testQuotesAtTheLimitArePublishedWithTheirBulletins() throws {
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\n"
            + String(repeating: ">", count: NestingLimit.blocks) + " терең мәтін\n"])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html"))
        XCTAssertEqual(html.components(separatedBy: "<blockquote>").count - 1, NestingLimit.blocks)
        let telegram = try XCTUnwrap(f.output("bulletins/kk/test/telegram.html"))
        // Telegram's quotes do not nest: one quote holds the text.
        XCTAssertEqual(telegram.components(separatedBy: "<blockquote>").count - 1, 1, telegram)
        XCTAssertTrue(telegram.contains("терең мәтін"), telegram)
    }

    func testOrderedListsCountToo() throws {
        let diagnostics = try Fixture.check(nestedList(NestingLimit.blocks + 5, marker: "1."))
        assertDiagnostic(diagnostics, code: "markdown.depth", line: bodyLine + NestingLimit.blocks,
                         column: 3 * NestingLimit.blocks + 1)
    }

    func testQuotesOnOneLineAreRefusedAtTheMarkerThatCrossesTheLimit() throws {
        let diagnostics = try Fixture.check(String(repeating: ">", count: 1000) + " терең\n")
        assertDiagnostic(diagnostics, code: "markdown.depth", line: bodyLine, column: NestingLimit.blocks + 1)
    }

    func testQuotesAndListsCountTogether() throws {
        // 40 quotes, then lists inside the innermost quote: the 25th list is the 65th level.
        let quote = String(repeating: ">", count: 40) + " "
        let body = quote + "intro\n" + (0..<30).map { quote + String(repeating: " ", count: $0 * 2) + "- a\n" }.joined()
        let diagnostics = try Fixture.check(body)
        assertDiagnostic(diagnostics, code: "markdown.depth", line: bodyLine + 1 + 24, column: 41 + 1 + 48)
    }

    func testDeepEmphasisIsRefused() throws {
        let n = 5000
        let diagnostics = try Fixture.check("текст " + String(repeating: "*", count: n) + "a" + String(repeating: "*", count: n) + "\n")
        XCTAssertTrue(diagnostics.contains { $0.code == "markdown.depth" && $0.line == bodyLine }, "\(diagnostics)")
    }

    func testNestedImagesAreRefusedAtTheOneThatCrossesTheLimit() throws {
        // Images may hold images: `![![![a](u)](u)](u)`. The 65th starts 64 × 2 bytes in.
        let n = 3000
        let body = String(repeating: "![", count: n) + "a" + String(repeating: "](https://egov.kz/)", count: n) + "\n"
        let diagnostics = try Fixture.check(body)
        assertDiagnostic(diagnostics, code: "markdown.depth", line: bodyLine, column: 2 * NestingLimit.blocks + 1)
    }

    func testNestedBracketsAreReadAsTextWithoutError() throws {
        // Links cannot hold links: the brackets around the innermost are text.
        let n = 3000
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\nbulletin: false\n---\n"
            + String(repeating: "[", count: n) + "a" + String(repeating: "](/kk/test/)", count: n) + "\n"])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html"))
        // The innermost link only: the rest is text.
        XCTAssertEqual(html.components(separatedBy: "<a href=\"/kk/test/\">").count - 1, 1)
    }

    func testInlinesAtTheLimitArePublished() throws {
        let n = NestingLimit.inlines
        let body = String(repeating: "![", count: n) + "a" + String(repeating: "](https://egov.kz/)", count: n) + "\n"
        let (html, diagnostics) = try Fixture.render(body)
        assertNoErrors(diagnostics)
        XCTAssertNotNil(html)
    }

    func testDepthErrorComesAloneAndPublishesNothing() throws {
        // A fake link inside the deep part is not judged: nothing reads the tree past the depth check.
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\n"
            + String(repeating: ">", count: 200) + " [x](https://egov-kz.com/)\n"])
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.code), ["markdown.depth"])
        XCTAssertNil(f.output("kk/test/index.html"))
    }

    /// The CLI in a process of its own, so that a crash is a failed test rather than a lost run.
    func testHundredThousandDeepQuoteIsAnErrorNotACrash() throws {
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\n"
            + String(repeating: ">", count: 100_000) + " терең\n"])
        for command in ["build", "check"] {
            let r = try CommandLineTests.execute([command, "--source", f.root])
            XCTAssertEqual(r.status, 1, "\(command): \(r.stderr.prefix(500))")
            XCTAssertTrue(r.stderr.contains("content/kk/test.md:4:65: error:"), r.stderr)
            XCTAssertTrue(r.stderr.contains("[markdown.depth]"), r.stderr)
        }
    }

    func testDeepListsOnOneLineAreAnErrorNotACrash() throws {
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\n"
            + String(repeating: "- ", count: 50_000) + "a\n"])
        let r = try CommandLineTests.execute(["build", "--source", f.root])
        XCTAssertEqual(r.status, 1, String(r.stderr.prefix(500)))
        XCTAssertTrue(r.stderr.contains("content/kk/test.md:4:129: error:"), r.stderr)
    }

    // MARK: Size

    func testColumnsOnAVeryLongLineAreExact() throws {
        // Two bytes a letter, past many of the checkpoints columns are counted from.
        let letters = 5000
        let diagnostics = try Fixture.check(String(repeating: "ә", count: letters) + " https://evil.com/ "
            + String(repeating: "ө", count: letters) + " evil.kz\n")
        assertDiagnostic(diagnostics, code: "link.host", line: bodyLine, column: letters + 2)
        assertDiagnostic(diagnostics, code: "text.domain", line: bodyLine, column: 2 * letters + 21)
    }

    func testLongParagraphOfManySentencesIsSentInParts() throws {
        // About 100 messages of sentences: every part is cut between sentences and holds them in order.
        let count = 6000
        let body = (1...count).map { "Сөйлем \($0) [egov.kz](https://egov.kz/) туралы." }.joined(separator: " ") + "\n"
        let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\n" + body])
        let started = Date()
        let report = f.build()
        assertNoErrors(report.diagnostics)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120, "sanity bound for a debug build")
        let parts = (1...999).lazy.map { f.output("bulletins/kk/test/telegram.\($0).html") }.prefix { $0 != nil }.map { $0! }
        XCTAssertGreaterThan(parts.count, 50)
        var next = 1
        for (n, part) in parts.enumerated() {
            XCTAssertLessThanOrEqual(TelegramMeasure(html: part).units, TelegramMeasure.maxUnits, "part \(n + 1)")
            XCTAssertLessThanOrEqual(TelegramMeasure(html: part).entities, TelegramMeasure.maxEntities, "part \(n + 1)")
            while part.contains("Сөйлем \(next) ") { next += 1 }
        }
        XCTAssertEqual(next, count + 1, "every sentence is sent, in order")
    }

    func testTwentyThousandLinksOnOneLineGiveTheirErrorQuickly() throws {
        // One sentence longer than a message: the error at its line, without laying it out again and
        // again (bench/hostile.sh times 100,000 on the release build).
        let body = String(repeating: "[egov](https://egov.kz/) ", count: 20_000) + "\n"
        let started = Date()
        let diagnostics = try Fixture.check(body)
        assertDiagnostic(diagnostics, code: "bulletin.telegram", line: bodyLine, column: 1)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120, "sanity bound for a debug build")
    }

    // MARK: YAML aliases

    /// Nine levels of nine aliases: 387,420,489 strings if anything expanded them.
    private static func aliasBomb(key: String) -> String {
        var out = "\(key):\n  a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for i in 1...9 {
            out += "  a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return out
    }

    func testAliasBombInFrontMatterIsFastAndBounded() throws {
        let started = Date()
        let page = "---\ntitle: \"Сынақ\"\n" + Self.aliasBomb(key: "extra") + "description: *a9\n---\nМәтін\n"
        let f = try Fixture(files: ["content/kk/test.md": page])
        let report = f.build()
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.diagnostics.contains { $0.file == "content/kk/test.md" && $0.severity == .error },
                      "\(report.diagnostics)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    func testAliasBombInConfigIsFastAndBounded() throws {
        let started = Date()
        let f = try Fixture(config: Fixture.defaultConfig + Self.aliasBomb(key: "bomb"))
        let report = f.build()
        XCTAssertTrue(report.setupFailed)
        XCTAssertTrue(report.diagnostics.contains { $0.file == "sitegen.yml" && $0.code == "config.unknown-key" },
                      "\(report.diagnostics)")
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
    }

    func testAliasesKeepWorking() throws {
        let config = Fixture.defaultConfig.replacingOccurrences(
            of: "title:\n  kk: \"Сынақ\"\n  ru: \"Тест\"\n", with: "title: &name\n  kk: \"Сынақ\"\n  ru: \"Тест\"\n")
            + "publisher:\n  name: *name\n"
        let page = "---\ntitle: &t \"Өтініш\"\ndescription: *t\n---\nМәтін\n"
        let f = try Fixture(config: config, files: ["content/kk/test.md": page])
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/test/index.html"))
        XCTAssertTrue(html.contains("<meta name=\"description\" content=\"Өтініш\""), html)
    }
}

/// An address longer than any official page's is refused at once, written as a link or in text.
final class LongAddressTests: XCTestCase {
    func testAnAddressLongerThanTheLimitIsRefusedAtIt() throws {
        let long = "https://egov.kz/" + String(repeating: "a", count: URLJudge.longestAddress)
        let link = try Fixture.check("[Портал](\(long))\n")
        assertDiagnostic(link, code: "link.noncanonical", line: 4, column: 1)
        XCTAssertTrue(link.contains { $0.message.contains("characters long") })
        let text = try Fixture.check("Портал: \(long)\n")
        assertDiagnostic(text, code: "link.noncanonical", line: 4, column: 9)
        // At the limit, an official address passes.
        let fits = "https://egov.kz/" + String(repeating: "a", count: URLJudge.longestAddress - 16)
        XCTAssertEqual(try Fixture.check("[Портал](\(fits))\n").filter { $0.code.hasPrefix("link.") }, [])
    }
}
