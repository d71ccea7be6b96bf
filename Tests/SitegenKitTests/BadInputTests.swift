import Foundation
import XCTest

@testable import SitegenKit

/// Every bad input gives a clear diagnostic with file, line and column, and publishes nothing.
final class BadInputTests: XCTestCase {
    private func build(_ path: String, _ bytes: [UInt8]) throws -> BuildReport {
        let f = try Fixture()
        try f.writeBytes(path, bytes)
        return f.build()
    }

    func testMissingConfig() throws {
        let f = try Fixture()
        try f.remove("sitegen.yml")
        let report = f.build()
        XCTAssertTrue(report.setupFailed)
        XCTAssertEqual(report.diagnostics.first?.code, "config.missing")
        XCTAssertEqual(report.diagnostics.first?.file, "sitegen.yml")
    }

    func testInvalidYAMLInConfigHasItsLine() throws {
        let f = try Fixture(config: Fixture.defaultConfig.replacingOccurrences(of: "languages: [kk, ru]", with: "languages: [kk, ru"))
        let report = f.build()
        XCTAssertTrue(report.setupFailed)
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "yaml.syntax" })
        XCTAssertEqual(d.file, "sitegen.yml")
        XCTAssertGreaterThanOrEqual(d.line, 6)
    }

    func testUnknownTopLevelConfigKey() throws {
        let f = try Fixture(config: Fixture.defaultConfig + "colour: red\n")
        let report = f.build()
        XCTAssertTrue(report.setupFailed)
        assertDiagnostic(report.diagnostics, code: "config.unknown-key", line: 18, column: 1, file: "sitegen.yml")
    }

    func testInvalidYAMLInFrontMatterUsesTheFilesNumbering() throws {
        let report = try build("content/kk/a.md", Array("---\ntitle: A\ndescription: [unclosed\n---\nText\n".utf8))
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "yaml.syntax" })
        XCTAssertEqual(d.file, "content/kk/a.md")
        XCTAssertTrue((3...5).contains(d.line), "error line \(d.line) is within the front matter")
        XCTAssertFalse(report.published)
    }

    func testUnclosedFrontMatter() throws {
        let report = try build("content/kk/a.md", Array("---\ntitle: A\nText\n".utf8))
        assertDiagnostic(report.diagnostics, code: "frontmatter.unclosed", line: 1, column: 1, file: "content/kk/a.md")
    }

    func testMissingTitle() throws {
        let report = try build("content/kk/a.md", Array("---\ndate: 2020-04-14\n---\n".utf8))
        assertDiagnostic(report.diagnostics, code: "frontmatter.title", line: 1, column: 1, file: "content/kk/a.md")
    }

    func testNoFrontMatterAtAll() throws {
        let report = try build("content/kk/a.md", Array("# Heading\n".utf8))
        assertDiagnostic(report.diagnostics, code: "frontmatter.title", line: 1, column: 1, file: "content/kk/a.md")
    }

    /// Markdown saved under another ending is no page, and the build says so instead of leaving it out
    /// unseen; a hidden file (an editor's lock file) and a file of another kind are passed over.
    func testMarkdownUnderAnotherEndingIsNamed() throws {
        let f = try Fixture()
        let page = "---\ntitle: \"Бет\"\ntranslationKey: \"p\"\n---\nМәтін.\n"
        try f.write("content/kk/a.md", page)
        try f.write("content/kk/guide.MD", page)
        try f.write("content/ru/guide.markdown", page)
        try f.write("content/kk/.#a.md.markdown", page)
        try f.write("content/kk/notes.txt", "notes")
        let report = f.build()
        XCTAssertTrue(report.published)
        let named = report.diagnostics.filter { $0.messageID == "content.filename.extension" }
        XCTAssertEqual(named.map(\.file), ["content/kk/guide.MD", "content/ru/guide.markdown"])
        XCTAssertTrue(named.allSatisfy { $0.severity == .warning && $0.code == "content.filename" })
        XCTAssertTrue(named[0].message.contains("rename it guide.md"), named[0].message)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.root + "/site/kk/a/index.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/site/kk/guide/index.html"))
        // One saved so after a build is named by the next one, which has nothing else to do.
        try f.write("content/kk/later.mkd", page)
        let again = f.build()
        XCTAssertTrue(again.diagnostics.contains { $0.file == "content/kk/later.mkd" && $0.messageID == "content.filename.extension" },
                      "\(again.diagnostics)")
    }

    func testLanguageFolderNotInConfig() throws {
        let report = try build("content/en/a.md", Array("---\ntitle: A\n---\n".utf8))
        assertDiagnostic(report.diagnostics, code: "content.language", line: 1, column: 1, file: "content/en/a.md")
        XCTAssertFalse(report.published)
    }

    func testInvalidUTF8PointsAtTheByte() throws {
        var bytes = Array("---\ntitle: A\n---\nСәлем ".utf8)
        bytes += [0xC3, 0x28]
        let report = try build("content/kk/a.md", bytes)
        assertDiagnostic(report.diagnostics, code: "content.encoding", line: 4, column: 7, file: "content/kk/a.md")
    }

    func testNULByte() throws {
        let report = try build("content/kk/a.md", Array("---\ntitle: A\n---\nab\u{0}c\n".utf8))
        assertDiagnostic(report.diagnostics, code: "content.encoding", line: 4, column: 3, file: "content/kk/a.md")
    }

    func testEmptyFile() throws {
        let report = try build("content/kk/a.md", [])
        assertDiagnostic(report.diagnostics, code: "content.empty", line: 1, column: 1, file: "content/kk/a.md")
    }

    func testBOMAndCRLFAreAcceptedWithRightPositions() throws {
        let text = "---\r\ntitle: A\r\n---\r\nҚазақ [x](https://evil.com/)\r\n"
        let report = try build("content/kk/a.md", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.count, 1)
        assertDiagnostic(report.diagnostics, code: "link.host", line: 4, column: 7, file: "content/kk/a.md")
    }

    func testBOMAndCRLFPageBuilds() throws {
        let text = "---\r\ntitle: A\r\n---\r\nҚазақ мәтін\r\n"
        let f = try Fixture()
        try f.writeBytes("content/kk/a.md", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        assertNoErrors(f.build().diagnostics)
        XCTAssertTrue(try XCTUnwrap(f.output("kk/a/index.html")).contains("<p>Қазақ мәтін</p>"))
    }

    /// A template nested too deep, or partials that include themselves, are errors at the tag, not a
    /// crash of the build (the library's parser and the renderers go a call deeper per level).
    func testTemplatesThatWouldNeverEndAreRefused() throws {
        let cases: [(files: [String: String], file: String, line: Int, column: Int, id: String, chain: String?)] = [
            (["templates/footer.mustache": "<footer>\n  {{> footer}}\n</footer>\n"], "templates/footer.mustache", 2, 3,
             "template.syntax.partial-loop", "footer → footer"),
            (["templates/a.mustache": "a\n{{>b}}\n", "templates/b.mustache": "x {{> a }}\n"], "templates/b.mustache", 1, 3,
             "template.syntax.partial-loop", "a → b → a"),
            (Dictionary(uniqueKeysWithValues: (0..<20).map { ("templates/p\($0).mustache", "{{> p\($0 + 1)}}") }), "templates/p15.mustache", 1, 1,
             "template.syntax.partial-depth", (0...16).map { "p\($0)" }.joined(separator: " → ")),
            (["templates/deep.mustache": "<p>\n" + String(repeating: "{{^x}}", count: 3000) + String(repeating: "{{/x}}", count: 3000)],
             "templates/deep.mustache", 2, 601, "template.syntax.nesting", nil),
            (["templates/deep.mustache": "{{=<% %>=}}" + String(repeating: "<%#t%>", count: 5000) + String(repeating: "<%/t%>", count: 5000)],
             "templates/deep.mustache", 1, 612, "template.syntax.nesting", nil),
            // Delimiters parted by a line break, as the library parts them by any white space.
            (["templates/deep.mustache": "{{=<%\n%>=}}" + String(repeating: "<%#t%>", count: 20000) + String(repeating: "<%/t%>", count: 20000)],
             "templates/deep.mustache", 2, 606, "template.syntax.nesting", nil),
            // A partial named by a value may be the template itself.
            (["templates/kk.mustache": "x\n  {{>*lang}}\n"], "templates/kk.mustache", 2, 3, "template.syntax.dynamic-partial", nil),
        ]
        for c in cases {
            let f = try Fixture()
            for (path, text) in c.files { try f.write(path, text) }
            let report = f.build()
            XCTAssertFalse(report.published, c.id)
            let d = try XCTUnwrap(report.diagnostics.first { $0.code == "template.syntax" }, "\(report.diagnostics)")
            XCTAssertEqual([d.file, String(d.line), String(d.column), d.messageID], [c.file, String(c.line), String(c.column), c.id])
            XCTAssertEqual(d.arguments["chain"], c.chain)
        }
        // A hundred levels, and sixteen partials deep, are rendered.
        let f = try Fixture()
        try f.write("templates/deep.mustache", String(repeating: "{{#page}}", count: 100) + String(repeating: "{{/page}}", count: 100))
        for i in 0..<15 { try f.write("templates/q\(i).mustache", "{{> q\(i + 1)}}") }
        try f.write("content/kk/a.md", "---\ntitle: А\n---\nМәтін.\n")
        let built = f.build()
        XCTAssertTrue(built.published, "\(built.diagnostics.filter { $0.severity == .error })")
    }

    func testTemplateThatFailsToParse() throws {
        let f = try Fixture()
        try f.write("templates/page.mustache", "<html>\n{{#open}}\n</html>\n")
        let report = f.build()
        XCTAssertTrue(report.setupFailed)
        let d = try XCTUnwrap(report.diagnostics.first { $0.code == "template.syntax" })
        XCTAssertEqual(d.file, "templates/page.mustache")
        XCTAssertGreaterThan(d.line, 0)
    }

    func testBadDateAndSlug() throws {
        let report = try build("content/kk/a.md", Array("---\ntitle: A\ndate: 2020-13-01\nslug: a/b\n---\n".utf8))
        assertDiagnostic(report.diagnostics, code: "frontmatter.date", line: 3, column: 7, file: "content/kk/a.md")
        assertDiagnostic(report.diagnostics, code: "frontmatter.slug", line: 4, column: 7, file: "content/kk/a.md")
    }

    /// A translation that loses a placeholder the page fills in (the count, the words left out of a
    /// search) fails the build at its value, in the file that lost it; one both files lost, in both.
    func testAnInterfaceStringThatLostItsPlaceholderIsAnError() throws {
        let f = try Fixture()
        func edit(_ lang: String, _ key: String, _ value: String) throws -> Int {
            let path = f.root + "/i18n/\(lang).yml"
            var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
            let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(key + ":") }, "\(key) in \(lang)")
            lines[at] = "\(key): \"\(value)\""
            try f.write("i18n/\(lang).yml", lines.joined(separator: "\n"))
            return at + 1
        }
        let skipped = try edit("ru", "searchSkipped", "Не учтены при поиске")
        let foundKk = try edit("kk", "searchFound", "Табылды")
        let foundRu = try edit("ru", "searchFound", "Найдено: {count}")
        let report = f.build()
        XCTAssertFalse(report.published)
        let problems = report.diagnostics.filter { $0.code == "i18n.placeholder" }
        XCTAssertEqual(problems.map { "\($0.file):\($0.line):\($0.column)" }.sorted(), [
            "i18n/kk.yml:\(foundKk):14", "i18n/kk.yml:\(foundKk):14",
            "i18n/ru.yml:\(foundRu):14", "i18n/ru.yml:\(skipped):16",
        ])
        let messages = problems.map(\.message)
        XCTAssertTrue(messages.contains { $0.contains("'searchSkipped'") && $0.contains("{words}") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("'searchFound'") && $0.contains("{n}") }, "\(messages)")
        // kk lacks both {n} (needed) and {count} (its translation has it).
        XCTAssertTrue(messages.contains { $0.contains("'searchFound'") && $0.contains("{count}") }, "\(messages)")
    }

    func testMissingI18nKeyIsNamed() throws {
        let f = try Fixture()
        try f.write("i18n/ru.yml", "languageName: \"Русский\"\n")
        let report = f.build()
        XCTAssertTrue(report.diagnostics.contains { $0.code == "i18n.key" && $0.message.contains("'home'") })
    }
}
