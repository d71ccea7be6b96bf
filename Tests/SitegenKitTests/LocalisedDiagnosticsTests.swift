import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Diagnostics in the editors' languages: every code and message exists in Kazakh, Russian and
/// English, the language is chosen as documented, and `sitegen explain` covers every code.
final class LocalisedDiagnosticsTests: XCTestCase {
    /// Every Swift source of sitegen's targets outside `Diagnostics/` (where the catalogue itself is).
    static func sourceTexts() throws -> [(String, String)] {
        XCTAssertGreaterThan(Fixture.ownSourceRoots.count, 5)
        return try Fixture.ownSourceRoots.flatMap { root in
            try Fixture.swiftSources(of: root).filter { !$0.0.hasPrefix(root + "/Diagnostics/") }
        }
    }

    static let families = "link|page|text|telegram|markdown|guide|bulletin|policy|parity|translation|output|content|config|yaml|frontmatter|template|i18n"
    /// Strings of a code's shape that are no codes: file and host names.
    static let notCodes: Set<String> = ["telegram.html", "text.txt", "telegram.me", "telegram.dog", "example.kz"]

    func testEveryCodeSitegenReportsIsExplainedInEveryLanguage() throws {
        let literal = try NSRegularExpression(pattern: "\"((?:\(Self.families))\\.[A-Za-z-]+)\"")
        var found: Set<String> = Set(PageFacts.Kind.allCases.map(\.code))
        for (_, text) in try Self.sourceTexts() {
            for m in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        let codes = found.subtracting(Self.notCodes).filter { Explanation.all[$0] != nil || MessageCatalog.entries[$0] == nil }
        XCTAssertGreaterThan(codes.count, 80)
        for code in codes.sorted() {
            guard let e = Explanation.all[code] else { XCTFail("\(code) has no entry for sitegen explain"); continue }
            for language in MessageLanguage.allCases {
                XCTAssertFalse(e.meaning.text(language).isEmpty, "\(code) \(language)")
                XCTAssertFalse(e.fix.text(language).isEmpty, "\(code) \(language)")
            }
            XCTAssertTrue(Self.isCyrillic(e.meaning.kk) && Self.isCyrillic(e.meaning.ru), code)
            XCTAssertNotEqual(e.wrong, e.right, code)
        }
        // And nothing is explained that is never reported.
        XCTAssertEqual(Set(Explanation.all.keys).subtracting(codes), [], "explained but never reported")
    }

    func testEveryMessageUsedExistsInEveryLanguageWithTheSameParameters() throws {
        let id = try NSRegularExpression(pattern: "(?:id: |reworded\\(|\\? )\"([a-z0-9]+\\.[A-Za-z.-]+)\"")
        var used: Set<String> = []
        for (_, text) in try Self.sourceTexts() {
            for m in id.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(m.range(at: 1), in: text)!]))
            }
        }
        let ids = used.filter { MessageCatalog.entries[$0] != nil || !Self.notCodes.contains($0) && Explanation.all[$0] == nil }
        for name in ids.sorted() {
            XCTAssertNotNil(MessageCatalog.entries[name], "message \(name) is used but not in the catalogue")
        }
        let parameter = try NSRegularExpression(pattern: "\\{([a-z]+)\\}")
        func parameters(_ s: String) -> Set<String> {
            Set(parameter.matches(in: s, range: NSRange(s.startIndex..., in: s)).map { String(s[Range($0.range(at: 1), in: s)!]) })
        }
        for (name, entry) in MessageCatalog.entries {
            XCTAssertFalse(entry.en.isEmpty || entry.kk.isEmpty || entry.ru.isEmpty, name)
            XCTAssertEqual(parameters(entry.kk), parameters(entry.en), "\(name): kk and en name different parameters")
            XCTAssertEqual(parameters(entry.ru), parameters(entry.en), "\(name): ru and en name different parameters")
            XCTAssertTrue(Self.isCyrillic(entry.kk) && Self.isCyrillic(entry.ru), name)
        }
    }

    static func isCyrillic(_ s: String) -> Bool { s.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }

    /// The Markdown examples of `sitegen explain` are built: the wrong one reports its code, the
    /// right one nothing but warnings.
    func testExplainExamplesBuildAsTheySay() throws {
        let markdown = Explanation.all.values.filter { $0.kind == .markdown }.sorted { $0.code < $1.code }
        XCTAssertGreaterThan(markdown.count, 30)
        for e in markdown {
            for (text, wrong) in [(e.wrong, true), (e.right, false)] {
                let f = try Fixture(config: GuideBlocksTests.config)
                let page = text.hasPrefix("---\n") ? text + "\n" : "---\ntitle: \"Мысал\"\n---\n" + text + "\n"
                try f.write("content/kk/example.md", page)
                let d = f.build().diagnostics
                let listing = d.map(DiagnosticFormatter.line).joined(separator: "\n")
                if wrong {
                    XCTAssertTrue(d.contains { $0.code == e.code }, "wrong example of \(e.code) does not report it:\n\(listing)")
                } else {
                    XCTAssertFalse(d.contains { $0.code == e.code || $0.severity == .error }, "right example of \(e.code):\n\(listing)")
                }
            }
        }
    }

    // MARK: Choosing the language

    func testTheLanguageIsTheOptionThenTheConfigThenTheLocale() {
        XCTAssertEqual(MessageLanguage.choose(option: "ru", config: "kk", environment: ["LANG": "en_US.UTF-8"]), .ru)
        XCTAssertEqual(MessageLanguage.choose(option: nil, config: "kk", environment: ["LANG": "ru_RU.UTF-8"]), .kk)
        XCTAssertEqual(MessageLanguage.choose(option: nil, config: nil, environment: ["LANG": "ru_RU.UTF-8"]), .ru)
        XCTAssertEqual(MessageLanguage.choose(option: nil, config: nil, environment: ["LANG": "ru_RU.UTF-8", "LC_MESSAGES": "kk_KZ"]), .kk)
        XCTAssertEqual(MessageLanguage.choose(option: nil, config: nil, environment: ["LC_ALL": "C", "LANG": "kk_KZ.UTF-8"]), .en)
        XCTAssertEqual(MessageLanguage.choose(option: nil, config: nil, environment: ["LANG": "de_DE.UTF-8"]), .en)
        XCTAssertEqual(MessageLanguage.choose(option: nil, config: nil, environment: [:]), .en)
    }

    func testRussianPluralsInTheSummary() {
        XCTAssertEqual(["1", "2", "5", "11", "21", "22", "25", "112"].map { BuildSummary.count(Int($0)!, .error, .ru) },
                       ["1 ошибка", "2 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "22 ошибки", "25 ошибок", "112 ошибок"])
        XCTAssertEqual(BuildSummary.count(3, .warning, .kk), "3 ескерту")
    }

    // MARK: The command line

    func site(config extra: String = "") throws -> Fixture {
        try Fixture(config: Fixture.defaultConfig + extra, files: ["content/kk/a.md": "---\ntitle: А\n---\n[бот](/kk/42500/fake-bot/)\n"])
    }

    func testAKazakhLocalePrintsKazakhMessages() throws {
        let f = try site()
        let r = try CommandLineTests.execute(["check", "--source", f.root], locale: ["LANG": "kk_KZ.UTF-8"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("content/kk/a.md:4:1: error: /kk/42500/fake-bot/: сайтта мұндай бет жоқ; мекенжайды тексеріңіз"), r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("сәтсіз аяқталды: 1 қате, 2 ескерту\n"), r.stderr)
        XCTAssertFalse(r.stderr.contains("(sitegen explain"), "no hint when stderr is not a terminal")
    }

    func testTheOptionBeatsTheConfigWhichBeatsTheLocale() throws {
        let f = try site(config: "lang: ru\n")
        let config = try CommandLineTests.execute(["check", "--source", f.root], locale: ["LANG": "kk_KZ.UTF-8"])
        XCTAssertTrue(config.stderr.contains("на сайте нет такой страницы"), config.stderr)
        let option = try CommandLineTests.execute(["check", "--source", f.root, "--lang", "en"], locale: ["LANG": "kk_KZ.UTF-8"])
        XCTAssertTrue(option.stderr.contains("this site has no such page"), option.stderr)
        XCTAssertTrue(option.stderr.hasSuffix("failed: 1 error, 2 warnings\n"), option.stderr)
        let json = try CommandLineTests.execute(["check", "--source", f.root, "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"code\":\"link.internal\""), json.stdout)
        XCTAssertTrue(json.stdout.contains("на сайте нет такой страницы"), json.stdout)
        let bad = try CommandLineTests.execute(["check", "--source", f.root, "--lang", "de"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        let misspelt = try site(config: "lang: qazaqsha\n")
        let badConfig = try CommandLineTests.execute(["check", "--source", misspelt.root])
        XCTAssertEqual(badConfig.status, 2, badConfig.stderr)
        XCTAssertTrue(badConfig.stderr.contains("[config.language]"), badConfig.stderr)
    }

    /// `sitegen bulletin --lang` names the page; its messages follow `lang:`, then the locale.
    func testBulletinMessagesFollowTheConfigNotThePagesLanguage() throws {
        let f = try site(config: "lang: ru\n")
        let r = try CommandLineTests.execute(["bulletin", "content/kk/a.md", "--lang", "kk", "--source", f.root],
                                             locale: ["LANG": "kk_KZ.UTF-8"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("sitegen.yml:4:10: warning: baseURL https://example.kz/ — адрес-заглушка"), r.stderr)
        XCTAssertFalse(r.stderr.contains("уақытша"), r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("А\n"), r.stdout)
        let plain = try site()
        let locale = try CommandLineTests.execute(["bulletin", "content/kk/a.md", "--source", plain.root],
                                                  locale: ["LANG": "ru_RU.UTF-8"])
        XCTAssertTrue(locale.stderr.contains("адрес-заглушка"), locale.stderr)
    }

    func testOnATerminalEachDiagnosticEndsWithTheExplainCommand() throws {
        guard let sitegen = CommandLineTests.executable, FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("needs the sitegen executable and script(1)")
        }
        let f = try site()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "LANG=C.UTF-8 '\(sitegen.path)' check --source '\(f.root)'", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertTrue(text.contains("[link.internal] (sitegen explain link.internal)"), text)
        XCTAssertTrue(text.contains("    [бот](/kk/42500/fake-bot/)"), text)
    }

    func testExplainPrintsEveryCodeAndRefusesAnUnknownOne() throws {
        for code in Explanation.all.keys.sorted() {
            let r = try CommandLineTests.execute(["explain", code, "--lang", "kk"])
            XCTAssertEqual(r.status, 0, code)
            XCTAssertTrue(r.stdout.hasPrefix(code + "\n\n" + Explanation.all[code]!.meaning.kk), r.stdout)
            XCTAssertTrue(r.stdout.contains("Қате:") && r.stdout.contains("Дұрыс:") && r.stdout.contains("Қалай түзету керек:"), r.stdout)
        }
        let ru = try CommandLineTests.execute(["explain", "[link.lookalike]"], locale: ["LANG": "ru_RU.UTF-8"])
        XCTAssertTrue(ru.stdout.contains("Неправильно:\n\n```markdown\n[Портал](https://egov.kz.com/)\n```"), ru.stdout)
        let unknown = try CommandLineTests.execute(["explain", "link.lookalke"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean link.lookalike?"), unknown.stderr)
    }
}
