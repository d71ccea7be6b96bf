import Foundation
import XCTest

/// `sitegen bulletin`: one page's bulletin on stdout, found by file or translationKey; usage
/// errors exit 2 with the valid choices.
final class BulletinCommandTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture(files: [
            "content/kk/apply.md": "---\ntitle: Өтінім\ntranslationKey: apply\n---\nӨтінімді [egov.kz](https://egov.kz/) арқылы беріңіз.\n",
            "content/ru/apply.md": "---\ntitle: Заявка\ntranslationKey: apply\n---\nПодайте заявку на [egov.kz](https://egov.kz/).\n",
            "content/kk/long.md": TelegramSplitTests.longPage(items: 150),
        ])
    }

    func run(_ arguments: [String]) throws -> CommandLineTests.Run {
        try CommandLineTests.execute(["bulletin", "--source", fixture.root] + arguments)
    }

    func testByTranslationKeyInEachLanguage() throws {
        let kk = try run(["apply"])
        XCTAssertEqual(kk.status, 0, kk.stderr)
        XCTAssertEqual(kk.stdout, "Өтінім\n\nӨтінімді egov.kz — https://egov.kz/ арқылы беріңіз.\n\nТолық нұсқасы: https://example.kz/kk/apply/\n")
        let ru = try run(["apply", "--lang", "ru", "--channel", "telegram"])
        XCTAssertEqual(ru.status, 0, ru.stderr)
        XCTAssertTrue(ru.stdout.hasPrefix("<b>Заявка</b>\n\nПодайте заявку на egov.kz — <a href=\"https://egov.kz/\">https://egov.kz/</a>."), ru.stdout)
    }

    func testByFileWithTheTranslationsLanguage() throws {
        let r = try run(["content/kk/apply.md", "--lang", "ru", "--channel", "sms"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "Заявка\nhttps://egov.kz/\n")
        let whole = try run([fixture.root + "/content/kk/apply.md", "--channel", "whatsapp"])
        XCTAssertTrue(whole.stdout.hasPrefix("*Өтінім*\n"), whole.stdout)
    }

    /// A page whose front matter cannot be read is not a page missing: asked for by its file or its
    /// translationKey, its errors are printed where they are, with exit status 1 as `build` and `check`
    /// give. A file of `content/` that is no page (a FIFO) fails a bulletin as it fails a build: 1.
    func testAPageThatCannotBeReadGivesItsErrorsAndStatusOne() throws {
        try fixture.write("content/kk/apply.md", "---\ntitle: [\ntranslationKey: apply\n---\nМәтін.\n")
        for target in [["apply", "--lang", "kk"], ["content/kk/apply.md"]] {
            let r = try run(target)
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("content/kk/apply.md:4:1: error: invalid YAML"), r.stderr)
            XCTAssertFalse(r.stderr.contains("has no kk page"), r.stderr)
        }
        // Its translation is still there to be sent.
        XCTAssertEqual(try run(["apply", "--lang", "ru"]).status, 0)
        XCTAssertEqual(mkfifo(fixture.root + "/content/kk/pipe.md", 0o644), 0)
        let fifo = try run(["apply", "--lang", "ru"])
        XCTAssertEqual(fifo.status, 1, fifo.stderr)
        XCTAssertTrue(fifo.stderr.contains("content/kk/pipe.md"), fifo.stderr)
    }

    func testPartsAreSeparatedByDashes() throws {
        let r = try run(["content/kk/long.md", "--channel", "telegram"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let parts = r.stdout.components(separatedBy: "\n---\n")
        XCTAssertGreaterThan(parts.count, 2)
        for (n, part) in parts.enumerated() {
            let text = part.hasSuffix("\n") ? String(part.dropLast()) : part
            XCTAssertTrue(text.hasSuffix("(\(n + 1)/\(parts.count))"), String(text.suffix(20)))
            XCTAssertNoThrow(try TelegramHTMLValidator.parse(text))
        }
    }

    func testUnknownKeyChannelOrLanguageExitsTwoWithTheChoices() throws {
        let key = try run(["nothing-here"])
        XCTAssertEqual(key.status, 2)
        XCTAssertEqual(key.stderr, "error: no content file or translationKey 'nothing-here'; the translationKeys are: apply, long\n")
        XCTAssertEqual(key.stdout, "")
        let channel = try run(["apply", "--channel", "fax"])
        XCTAssertEqual(channel.status, 2)
        XCTAssertTrue(channel.stderr.contains("'text', 'telegram', 'whatsapp' or 'sms'"), channel.stderr)
        let lang = try run(["apply", "--lang", "en"])
        XCTAssertEqual(lang.status, 2)
        XCTAssertEqual(lang.stderr, "error: unknown language 'en'; the site's languages are: kk, ru\n")
        let missing = try run(["long", "--lang", "ru"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "error: 'long' has no ru page; it is written in: kk\n")
    }

    func testPageWithErrorsPrintsNothingAndExitsOne() throws {
        try fixture.write("content/kk/apply.md", "---\ntitle: Өтінім\ntranslationKey: apply\n---\n[сайт](https://egov-kz.com/)\n")
        let r = try run(["apply"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("content/kk/apply.md:5:1: error:"), r.stderr)
        try fixture.write("content/kk/apply.md", "---\ntitle: Өтінім\ntranslationKey: apply\nbulletin: false\n---\nМәтін.\n")
        let off = try run(["apply"])
        XCTAssertEqual(off.status, 1)
        XCTAssertTrue(off.stderr.contains("[bulletin.off]"), off.stderr)
    }
}
