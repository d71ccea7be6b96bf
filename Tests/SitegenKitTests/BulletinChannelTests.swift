import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenPolicy

/// What each channel's bulletin says for a real-shaped guide: titles, steps, checklists, links
/// written out, warnings, defanged fakes, the footer; and that every Telegram file is HTML the
/// Bot API accepts.
final class BulletinChannelTests: XCTestCase {
    static let guide = """
        ---
        title: "Өтінімді қалай беру керек"
        description: "Ресми бот арқылы өтінім берудің қадамдары."
        translationKey: apply
        kind: guide
        ---
        Өтінімді **тек** [ресми портал](https://egov.kz/cms/kk) арқылы беріңіз, _басқа_ жолы ~~жоқ~~ бар.

        1. Ботты ашыңыз: [@Kenes1414Bot](https://t.me/Kenes1414Bot).
        2. «Төлем» қызметін таңдаңыз.
        3. Деректерді толтырыңыз: `ЖСН` & <аты-жөні>.

        ## Құжаттар

        - [ ] Жеке куәлік
        - [x] Банк шоты

        > [!WARNING]
        > egov-kz.com сайты мен EgovKzBot2.0 боты — жалған.

        ```official-links
        ```

        Қараңыз: [құжаттар тізімі](/kk/docs/) және https://42500.enbek.kz/.
        """

    static let russian = """
        ---
        title: "Как подать заявку"
        translationKey: apply-ru
        ---
        Подавайте заявку только на [egov.kz](https://egov.kz/).
        """

    static let config = Fixture.defaultConfig + """
        official:
          - url: "https://egov.kz/"
            title: { kk: "egov.kz", ru: "egov.kz" }
            description: { kk: "Мемлекеттік қызметтер порталы", ru: "Портал госуслуг" }

        """

    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture(config: Self.config, files: [
            "content/kk/apply.md": Self.guide, "content/ru/apply.md": Self.russian,
            "content/kk/docs.md": "---\ntitle: Құжаттар\ntranslationKey: docs\n---\nМәтін.\n",
            "content/ru/docs.md": "---\ntitle: Документы\ntranslationKey: docs\n---\nТекст.\n",
        ])
        assertNoErrors(fixture.build().diagnostics)
    }

    func bulletin(_ name: String, _ lang: String = "kk", page: String = "apply") throws -> String {
        try XCTUnwrap(fixture.output("bulletins/\(lang)/\(page)/\(name)"), "no bulletins/\(lang)/\(page)/\(name)")
    }

    func testPlainTextHasTitleStepsChecklistLinksWarningAndFooter() throws {
        let text = try bulletin("text.txt")
        let lines = text.components(separatedBy: "\n")
        XCTAssertEqual(lines.first, "Өтінімді қалай беру керек")
        XCTAssertTrue(lines.contains("1. Ботты ашыңыз: @Kenes1414Bot — https://t.me/Kenes1414Bot."), text)
        XCTAssertTrue(lines.contains("2. «Төлем» қызметін таңдаңыз."), text)
        XCTAssertTrue(lines.contains("3. Деректерді толтырыңыз: ЖСН & <аты-жөні>."), text)
        XCTAssertTrue(lines.contains("☐ Жеке куәлік"), text)
        XCTAssertTrue(lines.contains("☑ Банк шоты"), text)
        XCTAssertTrue(text.contains("тек ресми портал — https://egov.kz/cms/kk арқылы"), text)
        // The warning: icon and localised title, then the fakes defanged.
        let warning = try XCTUnwrap(lines.firstIndex(of: "⚠️ Назар аударыңыз"), text)
        // Typeset like the page: a no-break space keeps the dash on the line of the word before it.
        // A domain name stays defanged; a bot name that no client links is written as it is.
        XCTAssertEqual(lines[warning + 1], "egov-kz[.]com сайты мен EgovKzBot2.0 боты\u{A0}— жалған.")
        XCTAssertFalse(text.contains("egov-kz.com"))
        // The official-links block, a site link made absolute, a bare URL kept once.
        XCTAssertTrue(lines.contains("• egov.kz — https://egov.kz/"), text)
        XCTAssertTrue(text.contains("құжаттар тізімі — https://example.kz/kk/docs/ және https://42500.enbek.kz/."), text)
        XCTAssertEqual(lines.last, "Толық нұсқасы: https://example.kz/kk/apply/")
        XCTAssertFalse(text.hasSuffix("\n"), "a bulletin file is exactly what is sent")
    }

    func testWhatsAppUsesItsOwnMarkup() throws {
        let text = try bulletin("whatsapp.txt")
        XCTAssertTrue(text.hasPrefix("*Өтінімді қалай беру керек*\n\n"), text)
        XCTAssertTrue(text.contains("Өтінімді *тек* ресми портал — https://egov.kz/cms/kk арқылы беріңіз, _басқа_ жолы ~жоқ~ бар."), text)
        XCTAssertTrue(text.contains("```ЖСН```"), text)
        XCTAssertTrue(text.contains("*Құжаттар*"), text)
        XCTAssertTrue(text.contains("⚠️ *Назар аударыңыз*\negov-kz[.]com"), text)
    }

    func testTelegramIsValidBotAPIHTMLWithEveryLinkWrittenOut() throws {
        let html = try bulletin("telegram.html")
        let parsed = try TelegramHTMLValidator.parse(html)
        XCTAssertTrue(html.hasPrefix("<b>Өтінімді қалай беру керек</b>\n\n"), html)
        XCTAssertTrue(html.contains("<code>ЖСН</code> &amp; &lt;аты-жөні&gt;"), html)
        XCTAssertTrue(html.contains("<blockquote>⚠️ <b>Назар аударыңыз</b>\negov-kz[.]com"), html)
        XCTAssertFalse(html.contains("<br"))
        // Every link shows the address it leads to.
        XCTAssertEqual(parsed.hrefs, ["https://egov.kz/cms/kk", "https://t.me/Kenes1414Bot", "https://egov.kz/",
                                      "https://example.kz/kk/docs/", "https://42500.enbek.kz/", "https://example.kz/kk/apply/"])
        for href in parsed.hrefs { XCTAssertTrue(parsed.text.contains(href), href) }
        XCTAssertLessThanOrEqual(parsed.utf16Length, 4096)
    }

    func testEveryTelegramFileOfTheRealContentIsValid() throws {
        let site = try XCTUnwrap(Fixture.repositorySite())
        var count = 0
        for file in site.telegramFiles {
            let html = try XCTUnwrap(site.text(file))
            let parsed: TelegramHTMLValidator.Parsed
            do { parsed = try TelegramHTMLValidator.parse(html) } catch { XCTFail("\(file): \(error)"); continue }
            XCTAssertLessThanOrEqual(parsed.utf16Length, 4096, file)
            XCTAssertLessThanOrEqual(parsed.entities, 100, file)
            count += 1
        }
        XCTAssertEqual(count, 12, "one Telegram bulletin per page of the real content")
    }

    func testDescriptionAndTitleAreTypesetLikeThePage() throws {
        let ru = try bulletin("text.txt", "ru")
        XCTAssertTrue(ru.hasPrefix("Как подать заявку\n\nПодавайте заявку только на egov.kz — https://egov.kz/."), ru)
        XCTAssertTrue(ru.hasSuffix("Полная версия: https://example.kz/ru/apply/"), ru)
    }

    func testSMSFallsBackToTitleDescriptionAndFirstOfficialLink() throws {
        XCTAssertEqual(try bulletin("sms.txt"),
                       "Өтінімді қалай беру керек\nРесми бот арқылы өтінім берудің қадамдары.\nhttps://egov.kz/cms/kk")
        // No description and no link: the official list's first entry, then the page itself.
        XCTAssertEqual(try bulletin("sms.txt", "ru", page: "docs"), "Документы\nhttps://egov.kz/")
    }

    /// Fakes named in a warning in any way the page allows are defanged in every channel, and
    /// official addresses next to markup are read right.
    func testAwkwardWarningsBuildAndStayDefanged() throws {
        let config = Fixture.defaultConfig.replacingOccurrences(of: "fake: [EgovKzBot2.0, Kenes1414_Bot]",
                                                                with: "fake: [EgovKzBot2, EgovKzBot2.0, Kenes1414_Bot]")
        let f = try Fixture(config: config, files: ["content/kk/w.md": """
            ---
            title: Ескерту
            ---
            > [!WARNING]
            > Сайт egov-kz．com жалған. Бот EgovKzBot2.0-ге жазбаңыз.
            > ![сайт egov-kz.com](/favicon.ico)

            **Портал <https://egov.kz>** және *ресми бот @Kenes1414Bot*.
            """, "static/favicon.ico": ""])
        assertNoErrors(f.build().diagnostics)
        for name in ["text.txt", "whatsapp.txt", "telegram.html"] {
            let text = try XCTUnwrap(f.output("bulletins/kk/w/" + name))
            XCTAssertTrue(text.contains("egov-kz[．]com"), text)
            XCTAssertTrue(text.contains("EgovKzBot2.0-ге"), "the longest fake name is the one shown whole: \(text)")
            XCTAssertFalse(text.contains("EgovKzBot2-"), text)
            XCTAssertTrue(text.contains("сайт egov-kz[.]com"), text)
        }
        XCTAssertTrue(try XCTUnwrap(f.output("bulletins/kk/w/whatsapp.txt")).contains("*Портал https://egov.kz*"))
    }

    /// Text written right after a link (a Kazakh ending, a letter, a slash) is kept apart from the
    /// address the bulletin writes out, or apps read it as more of the address; closing punctuation is not.
    func testTextRightAfterALinkStaysOutOfItsAddress() throws {
        let f = try Fixture(files: ["content/kk/s.md": """
            ---
            title: Жалғау
            ---
            Ботқа [ресми](https://t.me/Kenes1414Bot)-ға, <https://egov.kz/>ға, [портал](https://egov.kz/)/x және [бот](https://t.me/Kenes1414Bot)**x** жазыңыз.

            Тағы: *[ресми](https://egov.kz/a)*-ға, ~~[бот](https://t.me/Kenes1414Bot)~~/evil, [бот](https://t.me/Kenes1414Bot)?*start=x*, [портал](https://egov.kz/b)… соңы.

            Порталда: [портал](https://egov.kz/). Ботта (https://egov.kz/), «[сайт](https://egov.kz/)».
            """])
        assertNoErrors(f.build(checkOnly: true).diagnostics)
        assertNoErrors(f.build().diagnostics)
        for name in ["text.txt", "whatsapp.txt", "telegram.html"] {
            // Each text as its reader sees it: Telegram's without the tags, WhatsApp's without its markers.
            let text = WhatsAppReading.shown(try XCTUnwrap(f.output("bulletins/kk/s/" + name))
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression))
            for apart in ["Kenes1414Bot -ға", "egov.kz/ ға", "egov.kz/ /x", "egov.kz/a -ға", "Kenes1414Bot /evil",
                          "Kenes1414Bot ?start=x", "egov.kz/b …"] {
                XCTAssertTrue(text.contains(apart), "\(name): \(apart) in\n\(text)")
            }
            for kept in ["https://egov.kz/.", "https://egov.kz/),", "https://egov.kz/»."] {
                XCTAssertTrue(text.contains(kept), "\(name): \(kept) in\n\(text)")
            }
        }
    }

    /// A mail link with a subject builds (the page's draft carries it), and every bulletin writes the
    /// address alone: no messenger carries a subject, and `info@egov.kz?subject=…` is no address to it.
    func testAMailLinkWithASubjectShowsTheAddressAloneInBulletins() throws {
        let f = try Fixture(files: ["content/ru/m.md": """
            ---
            title: Письмо
            ---
            Напишите на [info@egov.kz](mailto:info@egov.kz?subject=vyplata) или [в приёмную](mailto:info@egov.kz?subject=42%20500).
            """])
        assertNoErrors(f.build().diagnostics)
        for name in ["text.txt", "whatsapp.txt", "telegram.html", "sms.txt"] {
            let text = try XCTUnwrap(f.output("bulletins/ru/m/" + name))
            XCTAssertFalse(text.contains("?subject"), "\(name):\n\(text)")
            if name != "sms.txt" { XCTAssertTrue(text.contains("info@egov.kz"), "\(name):\n\(text)") }
        }
        XCTAssertTrue(try XCTUnwrap(f.output("ru/m/index.html")).contains("mailto:info@egov.kz?subject=vyplata"))
    }

    func testBulletinFalseLeavesThePageOut() throws {
        try fixture.write("content/kk/docs.md", "---\ntitle: Құжаттар\ntranslationKey: docs\nbulletin: false\n---\nМәтін.\n")
        assertNoErrors(fixture.build().diagnostics)
        XCTAssertNil(fixture.output("bulletins/kk/docs/text.txt"))
        XCTAssertNotNil(fixture.output("bulletins/ru/docs/text.txt"))
        let manifest = try XCTUnwrap(fixture.output("bulletins/index.json"))
        XCTAssertFalse(manifest.contains("\"source\": \"content/kk/docs.md\""))
    }
}
