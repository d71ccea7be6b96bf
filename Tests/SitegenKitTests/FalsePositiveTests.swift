import Foundation
import XCTest

@testable import SitegenKit

/// Legitimate text the link policy used to refuse.
final class FalsePositiveTests: XCTestCase {
    // MARK: - Emoji variation selectors

    func testEmojiWithVariationSelectorIsNotInvisible() throws {
        let d = try Fixture.check("⚠️ Назар аударыңыз. ☎️ 1414 нөміріне қоңырау шалыңыз. ✔️ Дайын. ❤︎ мәтін түрінде.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testKeycapsAndJoinedEmojiAreNotInvisible() throws {
        let d = try Fixture.check("1️⃣ Өтінім беріңіз. 👨‍👩‍👧 Отбасы. 🏳️‍🌈\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testJoinerOrKeycapSelectorOutsideAnEmojiIsStillInvisible() throws {
        for (text, column) in [("Egov\u{200D}KzBot2.0", 9), ("👨\u{200D}мәтін", 6), ("EgovKzBot2\u{FE0F}0", 15)] {
            let d = try Fixture.check("Бұл \(text)\n")
            XCTAssertEqual(LinkPolicyAssert.errors(d).filter { $0.code == "text.invisible" }.map(\.column), [column],
                           LinkPolicyAssert.listing(d))
        }
    }

    func testEmojiWithVariationSelectorIsPublished() throws {
        let (html, d) = try Fixture.render("⚠️ Назар аударыңыз.\n")
        LinkPolicyAssert.noErrors(d)
        XCTAssertTrue(try XCTUnwrap(html).contains("⚠️ Назар"))
    }

    func testVariationSelectorNotAfterAnEmojiIsStillInvisible() throws {
        // Inside a name, after a letter or a digit, doubled, or at the start of the text.
        for (text, column) in [("Egov\u{FE0F}KzBot2.0", 9), ("EgovKzBot2\u{FE0F}.0", 15), ("⚠️\u{FE0F} мәтін", 7),
                               ("\u{FE0F}мәтін", 5), ("Бот\u{FE0E}", 8)] {
            let d = try Fixture.check("Бұл \(text)\n")
            let invisible = LinkPolicyAssert.errors(d).filter { $0.code == "text.invisible" }
            XCTAssertEqual(invisible.map(\.column), [column], "\(text.unicodeScalars.map { String($0.value, radix: 16) }): "
                           + LinkPolicyAssert.listing(d))
        }
    }

    // MARK: - An image's description in a warning

    func testImageDescriptionInWarningMayNameTheFakeDefanged() throws {
        let fixture = try Fixture()
        try fixture.write("content/kk/test.md", """
            ---
            title: "Сынақ"
            ---
            > [!WARNING]
            > ![EgovKzBot2.0 ботының скриншоты](/fake-bot.png)

            """)
        try fixture.write("static/fake-bot.png", "")
        let report = fixture.build()
        LinkPolicyAssert.noErrors(report.diagnostics)
        let page = try XCTUnwrap(fixture.output("kk/test/index.html"))
        // No client links the bot's name: the description keeps it as written.
        XCTAssertTrue(page.contains("alt=\"EgovKzBot2.0 ботының скриншоты\""), page)
        let text = try XCTUnwrap(fixture.output("bulletins/kk/test/text.txt"))
        XCTAssertTrue(text.contains("EgovKzBot2.0 ботының"), text)
    }

    func testImageInWarningIsStillJudgedByItsSource() throws {
        let d = try Fixture.check("> [!WARNING]\n> ![EgovKzBot2.0](https://egov-kz.com/shot.png)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 5, column: 3)
    }

    func testImageDescriptionNamingAFakeOutsideAWarningIsRefused() throws {
        let d = try Fixture.check("![EgovKzBot2.0](/fake-bot.png)\n")
        XCTAssertEqual(LinkPolicyAssert.errors(d).map(\.code), ["link.fake-text"], LinkPolicyAssert.listing(d))
    }

    // MARK: - A fake's own description

    func testFakeDescriptionNamingItselfIsShownDefanged() throws {
        let config = Fixture.defaultConfig.replacingOccurrences(
            of: "    fake: [EgovKzBot2.0, Kenes1414_Bot]\n  fake_domains: [egov-kz.com]\n", with: """
                fake:
                  - name: EgovKzBot2.0
                    description: { kk: "жалған бот", ru: "поддельный бот" }
              fake_domains:
                - name: egov-kz.com
                  description: { kk: "egov-kz.com — жалған сайт", ru: "egov-kz.com — поддельный сайт" }

            """)
        let fixture = try Fixture(config: config)
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n```known-fakes\n```\n")
        let report = fixture.build()
        LinkPolicyAssert.noErrors(report.diagnostics)
        let page = try XCTUnwrap(fixture.output("kk/test/index.html"))
        // A name is followed by a no-break space before its dash, in the list as in its description.
        XCTAssertTrue(page.contains("\u{A0}— <span class=\"defanged\" translate=\"no\">egov-kz[.]com</span>\u{A0}— жалған сайт"), page)
        XCTAssertFalse(page.contains("egov-kz.com"), page)
        for channel in ["text.txt", "telegram.html", "whatsapp.txt"] {
            let text = try XCTUnwrap(fixture.output("bulletins/kk/test/" + channel))
            XCTAssertFalse(text.contains("egov-kz.com"), text)
        }
    }
}
