import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// The registry's fakes are found as a reader sees them: inflected, in lookalike letters, with
/// dot-likes; outside a warning they are refused, inside one they are shown whole: as written and marked
/// when no client links them (ASCII letters, digits and a dot: `EgovKzBot2.0`), defanged otherwise.
final class FakeNameMatchingTests: XCTestCase {
    /// Every character whose confusable skeleton (ICU's, as the matcher folds it) is a dot is one of the
    /// dot-likes every reading of addresses and names shares: a character ICU adds is not missed by some.
    func testEveryCharacterICUFoldsToADotIsDotLike() {
        var missing: [String] = []
        for v in UInt32(0x80)...0x3FFFF {
            guard let u = Unicode.Scalar(v), u.properties.generalCategory != .unassigned else { continue }
            if FakeNameMatcher.fold(u) == ["."], !FakeNameMatcher.isDotLike(u) { missing.append("U+" + String(v, radix: 16, uppercase: true)) }
        }
        XCTAssertEqual(missing, [])
        for u: Unicode.Scalar in ["·", "ꓸ", "•", "꘎", "ꞏ", "⸰", "\u{10101}"] { XCTAssertTrue(FakeNameMatcher.isDotLike(u), "\(u)") }
        // Each of them, between the parts of a domain, is found by the text scan: its byte prefilter,
        // which names their first bytes, misses none.
        let tokens = TextTokens(fakeNames: [:])
        for v in UInt32(0x80)...0x3FFFF {
            guard let u = Unicode.Scalar(v), TextTokens.onlyLooksLikeDot(u) else { continue }
            XCTAssertEqual(tokens.scan("Сайт tolem" + String(u) + "kz").map(\.kind), [.domain(ascii: "tolem.kz")], "U+" + String(v, radix: 16))
        }
    }

    /// The same for what is drawn as a colon, a slash or a backslash: each, between a Telegram host and a
    /// name, leads a reader to the name (`t.meノEvilBot`, `t.me〳EvilBot`), letters among them too.
    func testEveryCharacterICUFoldsToAColonOrASlashIsMarkLike() {
        var missing: [String] = []
        let tokens = TextTokens(fakeNames: [:])
        for v in UInt32(0x80)...0x3FFFF {
            guard let u = Unicode.Scalar(v), u.properties.generalCategory != .unassigned else { continue }
            let fold = FakeNameMatcher.fold(u)
            if (fold == [":"] && !TextTokens.isColonLike(u)) || (fold == ["/"] && !TextTokens.isSlashLike(u))
                || (fold == ["\\"] && !TextTokens.isBackslashLike(u)) {
                missing.append("U+" + String(v, radix: 16, uppercase: true))
            }
            guard TextTokens.isMarkLike(u) else { continue }
            XCTAssertTrue(tokens.scan("Бот: t.me" + String(u) + "EvilBot").contains { [.telegramNamed("EvilBot"), .telegramPath("EvilBot")].contains($0.kind) },
                          "U+" + String(v, radix: 16, uppercase: true))
        }
        XCTAssertEqual(missing, [])
    }

    /// How editors and scammers write `EgovKzBot2.0`, each of which a reader takes for it.
    static let spellings = [
        "EgovKzBot2.0ні", "EgovKzBot2.0ды", "EgovKzBot2.0-ге", "EgovKzBot2.0у", "EgovKzBot2.0ом",
        "\u{0415}govKzBot2.0",        // Cyrillic Е
        "EgovKzB\u{03BF}t2.0",        // Greek omicron
        "EgovKzBot2.O", "EGOVKZBOT2.0", "egovkzbot2.0",
        "EgovKzBot2\u{00B7}0",        // middle dot
        "EgovKzBot2\u{2024}0",        // one dot leader
        "EgovKzBot2\u{3002}0",        // ideographic full stop
        "EgovKzBot2\u{FF0E}0",        // fullwidth full stop
        "EgovKzBot2.0@…", "EgovKzBot2.0@bot",
        "Egov\u{041A}zBot2.0ні",      // Cyrillic К, and an ending
        "E\u{0301}govKzBot2.0",       // a combining accent
        "\u{FF25}\u{FF47}\u{FF4F}\u{FF56}\u{FF2B}\u{FF5A}\u{FF22}\u{FF4F}\u{FF54}\u{FF12}\u{FF0E}\u{FF10}", // fullwidth, every character
        "\u{1D404}\u{1D420}\u{1D428}\u{1D42F}KzBot2.0",  // mathematical bold
        "\u{24BA}govKzBot2.0",       // circled E
        "EgovKzBot\u{00B2}.0",       // superscript two
        "EgovKz\u{1D2E}ot2.0",       // superscript (modifier letter) B
        "\u{1D07}\u{0262}\u{1D0F}\u{1D20}\u{1D0B}\u{1D22}\u{0299}\u{1D0F}\u{1D1B}2.0", // small capitals
        "\u{1F174}\u{1F176}\u{1F17E}\u{1F185}KzBot2.0",  // negative squared
        "\u{1F154}govKzBot2.0",      // negative circled E
        "\u{1F1EA}\u{1F1EC}ovKzBot2.0",  // regional indicators
        "\u{24A0}govKzBot2.0",       // parenthesized e
        "EgovKzBo\u{0442}2.0",       // Cyrillic т, drawn as a small capital T
        "Egov\u{043A}zBot2.0",       // Cyrillic к
        "EgovKz\u{0432}ot2.0",       // Cyrillic в, drawn as a small capital B
    ]

    func testEverySpellingOutsideAWarningIsTextFake() throws {
        for spelling in Self.spellings {
            let d = try Fixture.check("Бұл \(spelling) жалған.\n")
            LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 5, messageContains: "EgovKzBot2.0")
        }
    }

    func testLookalikeSpellingSaysWhichFakeItIs() throws {
        let d = try Fixture.check("Бұл \u{0415}govKzBot2.0 жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 5,
                                   messageContains: "\u{0415}govKzBot2.0 (the known fake EgovKzBot2.0)")
        // Quoted as written, fullwidth stop and all, so the editor can search the page for it.
        let fullwidth = "\u{FF25}\u{FF47}\u{FF4F}\u{FF56}KzBot2\u{FF0E}0"
        LinkPolicyAssert.onlyError(try Fixture.check("Бұл \(fullwidth) жалған.\n"), code: "text.fake", line: 4, column: 5,
                                   messageContains: "\(fullwidth) (the known fake EgovKzBot2.0)")
    }

    func testEverySpellingInsideAWarningIsAcceptedAndDefangedWhole() throws {
        let fixture = try Fixture()
        var body = "> [!WARNING]\n"
        for spelling in Self.spellings { body += "> Іздемеңіз: \(spelling) жалған.\n>\n" }
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + body)
        let report = fixture.build()
        LinkPolicyAssert.noErrors(report.diagnostics)
        let page = try XCTUnwrap(fixture.output("kk/test/index.html"))
        let text = try XCTUnwrap(fixture.output("bulletins/kk/test/text.txt"))
        for spelling in Self.spellings {
            // The name alone, without the ending or an `@…` after it.
            let name = String(spelling.unicodeScalars.prefix(12).map(Character.init))
            if FakeNameDisplay.isUnlinkable(name) {
                // As written only inside its marked span, and never as a link.
                let marked = page.components(separatedBy: "</span>" + name + "</span>").count - 1
                XCTAssertEqual(page.components(separatedBy: name).count - 1, marked, "\(name) outside its mark:\n\(page)")
                XCTAssertGreaterThan(marked, 0, name)
                XCTAssertFalse(page.contains(">" + name + "</a>") || page.contains("href=\"" + name), name)
            } else {
                XCTAssertFalse(page.contains(name), "\(name) published as written:\n\(page)")
                XCTAssertFalse(text.contains(name), "\(name) in the bulletin as written:\n\(text)")
            }
        }
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">\u{0415}govKzBot2[.]0</span> жалған"), page)
        XCTAssertTrue(page.contains("<span class=\"fake-name\" translate=\"no\"><span class=\"visually-hidden\">жалған: </span>EgovKzBot2.0</span>ні"), page)
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">EgovKzBot2[\u{00B7}]0</span>"), page)
        XCTAssertTrue(page.contains("<span class=\"defanged\" translate=\"no\">EgovKzBot2[\u{3002}]0</span>"), page)
        XCTAssertTrue(text.contains("EgovKzBot2[\u{00B7}]0"), text)
    }

    func testLookalikeNameWithoutDotInWarningReachesTheBulletins() throws {
        // Nothing to bracket in `Кenes1414_Bot` (Cyrillic К): the bulletins carry it as the page named it.
        let fixture = try Fixture()
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n> [!WARNING]\n> \u{041A}enes1414_Bot жалған.\n")
        let report = fixture.build()
        LinkPolicyAssert.noErrors(report.diagnostics)
        XCTAssertTrue(try XCTUnwrap(fixture.output("bulletins/kk/test/text.txt")).contains("\u{041A}enes1414_Bot жалған"))
        // Outside a warning the same name is refused.
        let d = try Fixture.check("\u{041A}enes1414_Bot жалған.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 1)
    }

    func testFakeSiteWithGluedEndingIsTextFake() throws {
        let d = try Fixture.check("Бұл egov-kz.comға кірмеңіз.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 5)
    }

    func testFakeSiteWithGluedEndingInWarningIsDefanged() throws {
        let (html, d) = try Fixture.render("> [!WARNING]\n> egov-kz.comға кірмеңіз.\n")
        LinkPolicyAssert.noErrors(d)
        XCTAssertTrue(try XCTUnwrap(html).contains("<span class=\"defanged\" translate=\"no\">egov-kz[.]com</span>ға"))
    }

    func testHandleWithDotLikeIsTheFake() throws {
        let outside = try Fixture.check("Бұл @EgovKzBot2\u{00B7}0 жалған.\n")
        XCTAssertFalse(LinkPolicyAssert.errors(outside).isEmpty, LinkPolicyAssert.listing(outside))
        XCTAssertTrue(LinkPolicyAssert.errors(outside).allSatisfy { $0.column == 5 }, LinkPolicyAssert.listing(outside))
        let (html, inside) = try Fixture.render("> [!WARNING]\n> Бұл @EgovKzBot2\u{00B7}0 жалған.\n")
        LinkPolicyAssert.noErrors(inside)
        XCTAssertFalse(try XCTUnwrap(html).contains("EgovKzBot2\u{00B7}0"))
    }

    func testFakeInsideALongerDomainIsJudgedAsThatDomain() throws {
        // `egov-kz.com.kz` is another site: not shown as the fake, refused as what it is.
        let d = try Fixture.check("> [!WARNING]\n> egov-kz.com.kz\n")
        XCTAssertEqual(LinkPolicyAssert.errors(d).count, 1, LinkPolicyAssert.listing(d))
        XCTAssertNotEqual(LinkPolicyAssert.errors(d).first?.code, "text.fake")
    }

    func testOtherNamesAndProseAreNotTheFake() throws {
        // Another name goes on with a letter or digit; Kazakh and Russian words starting alike are words.
        let d = try Fixture.check("""
            Kenes1414Bot ботына жазыңыз. EgovKzBot2 емес, EgovKzBot200 емес. Егер егов кз деп іздесеңіз, \
            екі бот шығады. Его нет. Kenes1414_Botany.

            """)
        let fakes = LinkPolicyAssert.errors(d).filter { $0.code == "text.fake" }
        XCTAssertTrue(fakes.isEmpty, LinkPolicyAssert.listing(d))
    }

    func testMatcherFindsNamesAndTheirExtent() {
        let m = FakeNameMatcher(bots: ["EgovKzBot2.0", "Kenes1414_Bot"], sites: ["egov-kz.com"])
        func found(_ s: String) -> [String] {
            let scalars = Array(s.unicodeScalars)
            return m.matches(in: scalars).map { String(String.UnicodeScalarView(scalars[$0.from..<$0.to])) + "=" + $0.name }
        }
        XCTAssertEqual(found("a EgovKzBot2.0ні b"), ["EgovKzBot2.0=EgovKzBot2.0"])
        XCTAssertEqual(found("К\u{0435}nes1414_Bot-қа"), ["К\u{0435}nes1414_Bot=Kenes1414_Bot"])
        XCTAssertEqual(found("xEgovKzBot2.0 EgovKzBot2.0x egov-kz.com."), ["egov-kz.com=egov-kz.com"])
        XCTAssertEqual(found("егер екі еgov"), [])
        XCTAssertFalse(m.mayHoldName("Егер екі бот шықса, egov.kz порталын ашыңыз."))
        XCTAssertTrue(m.mayHoldName("Іздемеңіз: EGOVKZBOT2·0"))
    }
}

/// Hostile text of risky pieces: the matcher and the phone finder never trap, and what they report
/// is a piece of the text that really is what they say.
final class NameAndPhoneRobustnessTests: XCTestCase {
    static let pieces = ["EgovKzBot2", ".", "0", "O", "\u{00B7}", "\u{3002}", "\u{2024}", "@", "+7", "8", " ", "(", ")",
                         "-", "\u{0415}", "\u{03BF}", "\u{0301}", "\u{FE0F}", "⚠", "ні", "-ге", "egov-kz", ".com", "1414",
                         "\u{00A0}", "701", "45", "₸", "\u{200B}", "K", "enes1414_Bot", "\u{1F4DE}", "нөміріне", "₸", "\n", ""]

    func testRandomRiskyTextIsReadSafely() {
        let matcher = FakeNameMatcher(bots: ["EgovKzBot2.0", "Kenes1414_Bot"], sites: ["egov-kz.com"])
        let tokens = TextTokens(fakeNames: ["egovkzbot2.0": "EgovKzBot2.0", "kenes1414_bot": "Kenes1414_Bot"],
                                fakeDomains: ["egov-kz.com"])
        var seed: UInt64 = 11
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<5_000 {
            let text = (0..<(1 + next(12))).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
            let scalars = Array(text.unicodeScalars)
            var last = 0
            for m in matcher.matches(in: scalars) {
                XCTAssertTrue(last <= m.from && m.from < m.to && m.to <= scalars.count, text)
                // Names are compared by their letters and digits, whatever stands between them.
                let written = scalars[m.from..<m.to].flatMap(FakeNameMatcher.letters)
                XCTAssertEqual(written, m.name.unicodeScalars.flatMap(FakeNameMatcher.letters), text)
                last = m.to
            }
            XCTAssertEqual(matcher.mayHoldName(text), !matcher.matches(in: scalars).isEmpty, text)
            let bytes = Array(text.utf8)
            for p in PhoneNumbers.find(in: text) {
                XCTAssertTrue(p.offset >= 0 && p.offset + p.length <= bytes.count, text)
                XCTAssertEqual(String(decoding: bytes[p.offset..<(p.offset + p.length)], as: UTF8.self), p.text, text)
                XCTAssertTrue(p.digits.allSatisfy(\.isASCIIDigit), text)
            }
            for t in tokens.scan(text) { XCTAssertTrue(t.offset >= 0 && t.offset + t.length <= bytes.count, text) }
        }
    }
}
