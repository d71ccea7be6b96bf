import Foundation
import XCTest

@testable import SitegenKit

/// The strings of `sitegen.yml` and `i18n/` reach every page and bulletin: the link policy judges
/// them, and points at their line and column in the YAML file.
final class ReaderStringsPolicyTests: XCTestCase {
    static let page = ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\nМәтін.\n"]

    /// The repository's `i18n/kk.yml` with one string's value replaced; returns the fixture, and the
    /// line and column of `needle` in it.
    func fixtureWithString(_ key: String, _ value: String, needle: String) throws -> (Fixture, Int, Int) {
        let fixture = try Fixture(files: Self.page)
        let original = try String(contentsOfFile: Fixture.repository + "/i18n/kk.yml", encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        let n = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(key + ":") })
        lines[n] = "\(key): \"\(value)\""
        try fixture.write("i18n/kk.yml", lines.joined(separator: "\n"))
        let column = try XCTUnwrap(lines[n].range(of: needle)).lowerBound.utf16Offset(in: lines[n]) + 1
        return (fixture, n + 1, column)
    }

    func testDomainInAnInterfaceStringIsRefusedAtItsPlace() throws {
        let (fixture, line, column) = try fixtureWithString("bulletinMore", "Толық нұсқасы: evil.kz", needle: "evil.kz")
        let report = fixture.build()
        XCTAssertFalse(report.published)
        assertDiagnostic(report.diagnostics, code: "text.domain", line: line, column: column, file: "i18n/kk.yml")
        LinkPolicyAssert.onlyError(fixture.build(checkOnly: true).diagnostics, code: "text.domain", line: line,
                                   column: column, file: "i18n/kk.yml")
        XCTAssertNil(fixture.output("kk/test/index.html"))
    }

    func testHandleAndFakeInInterfaceStringsAreRefused() throws {
        let (fixture, line, column) = try fixtureWithString("search", "Іздеу @RandomBot", needle: "@RandomBot")
        LinkPolicyAssert.onlyError(fixture.build(checkOnly: true).diagnostics, code: "telegram.unknown",
                                   line: line, column: column, file: "i18n/kk.yml")
        // No warning context in an interface string: a fake is not named there either.
        let (fake, fakeLine, fakeColumn) = try fixtureWithString("knownFakes", "Жалған: EgovKzBot2.0ні", needle: "EgovKzBot2.0")
        LinkPolicyAssert.onlyError(fake.build(checkOnly: true).diagnostics, code: "text.fake",
                                   line: fakeLine, column: fakeColumn, file: "i18n/kk.yml")
    }

    /// The count search.js puts into `{n}` may complete a number written around it, and it has no bound
    /// (10,053 pages make `8 701 12{n}` the phone `8 701 1210053`); libphonenumber joins digits across
    /// words and marks too (`4ー{n}`, `4ext.{n}`): a string with a placeholder and a digit is refused at the
    /// placeholder, whatever count would first make a number; a count among words is not.
    func testACountInAStringWithDigitsIsRefusedAtItsPlaceholder() throws {
        for value in ["Табылды: 8 701 123 45 6{n}", "4400 4301 2345 678{n}", "Табылды: 8 701 123 4{n}", "4400 4301 2345 6{n}",
                      "Табылды: 8 701 12{n}", "Табылды: {n} - 45 67", "Табылды: 8 701 12  ·  {n}", "Табылды: 8 701 123 4ー{n}",
                      "Табылды: 8 701 123 4ext.{n}", "Табылды: {n} бет, 2020 жыл", "Табылды: ８７０ {n}"] {
            let (fixture, line, column) = try fixtureWithString("searchFound", value, needle: "{n}")
            let d = fixture.build(checkOnly: true).diagnostics
            LinkPolicyAssert.onlyError(d, code: "text.phone", line: line, column: column, file: "i18n/kk.yml")
            XCTAssertTrue(d.contains { $0.message.contains("count") && $0.message.contains(value) }, "\(value): \(d.map(\.message))")
        }
        for value in ["Табылды: {n} бет", "Барлығы табылды: {n}", "Табылды: {n}"] {
            let (fine, _, _) = try fixtureWithString("searchFound", value, needle: "{n}")
            assertNoErrors(fine.build(checkOnly: true).diagnostics)
        }
    }

    /// What a placeholder puts in may complete an address written around it: `evil{n}.com` shows the
    /// reader evil3.com, `@Evil{n}Bot` a handle. Refused at the placeholder.
    func testAPlaceholderThatCompletesAnAddressIsRefusedAtIt() throws {
        for (key, value, code) in [("searchFound", "evil{n}.com: табылды", "text.domain"), ("searchFound", "Табылды {n}, @Evil{n}Bot", "telegram.unknown"),
                                   ("searchSkipped", "Ескерілмеді: {words}.com", "text.domain"),
                                   // A brace that opens no placeholder is passed over, as the page's script passes it.
                                   ("searchFound", "{-} evil{n}.com", "text.domain"), ("searchFound", "{1} {n-} evil{n}.com", "text.domain")] {
            let (fixture, line, column) = try fixtureWithString(key, value, needle: value.contains("{words}") ? "{words}" : "{n}")
            let d = fixture.build(checkOnly: true).diagnostics
            XCTAssertTrue(d.contains { $0.severity == .error && $0.code == code && $0.file == "i18n/kk.yml" && $0.line == line && $0.column == column },
                          "\(value): \(d.map(\.message))")
        }
    }

    func testInvisibleCharacterInAnInterfaceStringIsRefused() throws {
        let (fixture, line, _) = try fixtureWithString("home", "Басты\u{200B}бет", needle: "Басты")
        let d = fixture.build(checkOnly: true).diagnostics
        LinkPolicyAssert.onlyError(d, code: "text.invisible", line: line, column: 13, file: "i18n/kk.yml")
    }

    /// Control characters (an escape, a vertical tab, NEL, DEL) and noncharacters are no text: one in a
    /// title made the Atom feed unreadable to feed readers and sent an escape in every bulletin. Each is
    /// refused where it is written, in a page's body and front matter (as a YAML escape too), an
    /// interface string and `sitegen.yml`.
    func testControlCharactersAreRefusedWhereTheyAreWritten() throws {
        for (written, column) in [("\\x01", 16), ("\\e", 16), ("\\0", 16), ("\\v", 16), ("\\N", 16), ("\\x7F", 16), ("\\uFFFE", 16)] {
            let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Өтінім \(written) беру\"\n---\nМәтін.\n"])
            let report = f.build()
            XCTAssertFalse(report.published, written)
            assertDiagnostic(report.diagnostics, code: "text.invisible", line: 2, column: column)
        }
        for control in ["\u{1B}[31m", "\u{0B}", "\u{85}", "\u{7F}", "\u{FFFE}", "\u{9B}"] {
            let f = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\n---\nМәтін \(control) қызыл.\n"])
            let report = f.build()
            XCTAssertFalse(report.published)
            assertDiagnostic(report.diagnostics, code: "text.invisible", line: 4, column: 7)
        }
        let (fixture, line, column) = try fixtureWithString("home", "Басты \\e[31mбет", needle: "\\e")
        LinkPolicyAssert.onlyError(fixture.build(checkOnly: true).diagnostics, code: "text.invisible", line: line, column: column, file: "i18n/kk.yml")
        // The translationKey, written into the page's markup and the manifest, and a link's or an image's
        // title (typed, or as a reference): refused too.
        let keyed = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Сынақ\"\ntranslationKey: \"k\\ex\"\n---\n[egov](https://egov.kz/ \"t&#1;x\") мәтін.\n\n![Сурет](/favicon.ico \"t\u{01}\")\n"])
        let keyedReport = keyed.build()
        XCTAssertFalse(keyedReport.published)
        assertDiagnostic(keyedReport.diagnostics, code: "text.invisible", line: 3, column: 19)
        assertDiagnostic(keyedReport.diagnostics, code: "text.invisible", line: 5, column: 1)
        assertDiagnostic(keyedReport.diagnostics, code: "text.invisible", line: 7, column: 1)
        // A tab and a line break are text.
        let tabbed = try Fixture(files: ["content/kk/test.md": "---\ntitle: \"Өтінім\\tберу\"\n---\nМәтін\tжәне\nмәтін.\n"])
        XCTAssertFalse(tabbed.build().diagnostics.contains { $0.code == "text.invisible" })
    }

    /// An interface string's file or a template that is not UTF-8 is refused where its first bad byte
    /// is, as a page is: before, every page showed U+FFFD where the bytes were.
    func testStringsAndTemplatesThatAreNotUTF8AreRefusedWhereTheBadByteIs() throws {
        let strings = try Fixture(files: Self.page)
        var kk = Array(try String(contentsOfFile: Fixture.repository + "/i18n/kk.yml", encoding: .utf8).utf8)
        kk.insert(contentsOf: Array("bad: \"".utf8) + [0xC0, 0xAF] + Array("\"\n".utf8), at: 0)
        try strings.writeBytes("i18n/kk.yml", kk)
        let report = strings.build()
        XCTAssertFalse(report.published)
        assertDiagnostic(report.diagnostics, code: "content.encoding", line: 1, column: 7, file: "i18n/kk.yml")
        let template = try Fixture(files: Self.page)
        var footer = Array(try String(contentsOfFile: Fixture.repository + "/templates/footer.mustache", encoding: .utf8).utf8)
        footer.insert(0xFF, at: 0)
        try template.writeBytes("templates/footer.mustache", footer)
        let templated = template.build()
        XCTAssertFalse(templated.published)
        assertDiagnostic(templated.diagnostics, code: "content.encoding", line: 1, column: 1, file: "templates/footer.mustache")
    }

    func testOfficialStringsAreAccepted() throws {
        let (fixture, _, _) = try fixtureWithString("bulletinMore", "Толық нұсқасы egov.kz порталында, @Kenes1414Bot", needle: "egov")
        LinkPolicyAssert.noErrors(fixture.build(checkOnly: true).diagnostics)
    }

    /// sitegen.yml with extra top-level lines after the fixture's policy.
    func config(_ extra: String, title: String = "title:\n  kk: \"Сынақ\"\n  ru: \"Тест\"\n") -> String {
        Fixture.defaultConfig.replacingOccurrences(of: "title:\n  kk: \"Сынақ\"\n  ru: \"Тест\"\n", with: title) + extra
    }

    func testSiteTitleIsJudged() throws {
        let fixture = try Fixture(config: config("", title: "title:\n  kk: \"Сынақ — evil.kz\"\n  ru: \"Тест\"\n"), files: Self.page)
        LinkPolicyAssert.onlyError(fixture.build(checkOnly: true).diagnostics, code: "text.domain", line: 2, column: 16,
                                   file: "sitegen.yml")
    }

    func testPublisherNameAndURLAreJudged() throws {
        let fixture = try Fixture(config: config("""
            publisher:
              name: { kk: "Жаңалықтар t.me/evilnews", ru: "Новости" }
              url: "https://evil.kz/"

            """), files: Self.page)
        let d = fixture.build(checkOnly: true).diagnostics
        let lines = Fixture.defaultConfig.components(separatedBy: "\n").count
        LinkPolicyAssert.errorsAre(d, [("telegram.unknown", lines + 1, 27), ("link.host", lines + 2, 8)], file: "sitegen.yml")
    }

    func testPublisherAtTheSiteOwnAddressIsAccepted() throws {
        let fixture = try Fixture(config: config("""
            publisher:
              name: { kk: "Сынақ", ru: "Тест" }
              url: "https://example.kz/about/"

            """), files: Self.page)
        LinkPolicyAssert.noErrors(fixture.build(checkOnly: true).diagnostics)
    }

    func testOfficialDescriptionIsJudged() throws {
        let fixture = try Fixture(config: config("""
            official:
              - url: "https://egov.kz/"
                title: { kk: "egov.kz", ru: "egov.kz" }
                description: { kk: "Портал, көшірмесі: egov-kz.com", ru: "Портал" }

            """), files: Self.page)
        let lines = Fixture.defaultConfig.components(separatedBy: "\n").count
        LinkPolicyAssert.onlyError(fixture.build(checkOnly: true).diagnostics, code: "text.fake", line: lines + 3,
                                   column: 44, file: "sitegen.yml")
    }

    func testFakeDescriptionMayNameOnlyFakes() throws {
        let registry = """
                fake:
                  - name: EgovKzBot2.0
                    description: { kk: "EgovKzBot2.0 боты, сайты evil.kz", ru: "бот EgovKzBot2.0" }

            """
        let text = Fixture.defaultConfig.replacingOccurrences(of: "    fake: [EgovKzBot2.0, Kenes1414_Bot]\n", with: registry)
        let fixture = try Fixture(config: text, files: Self.page)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("evil.kz") }! + 1
        LinkPolicyAssert.onlyError(fixture.build(checkOnly: true).diagnostics, code: "text.domain", line: line,
                                   column: 54, file: "sitegen.yml")
    }
}
