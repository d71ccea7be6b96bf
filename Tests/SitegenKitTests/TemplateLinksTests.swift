import Foundation
import XCTest
@testable import SitegenCore
@testable import SitegenKit

/// What a template writes reaches every page: its addresses are judged like a page's, and a build
/// with an unofficial one publishes nothing.
final class TemplateLinksTests: XCTestCase {
    func page() -> String { "---\ntitle: \"Бет\"\n---\n\nМәтін.\n" }

    func footer(_ f: Fixture) throws -> String {
        try String(contentsOfFile: f.root + "/templates/footer.mustache", encoding: .utf8)
    }

    func testAnUnofficialLinkInATemplateFailsTheBuild() throws {
        for (markup, code) in [("<a href=\"https://evil.example/\">x</a>", "link.host"),
                               ("<a href=//egov-kz.com/>x</a>", "link.scheme"),
                               ("<img src=\"http://egov.kz/logo.png\" alt=\"\">", "link.scheme"),
                               ("<p>Жазыңыз: @EgovKzBot2.0</p>", "telegram.fake"),
                               ("<p>Сайт: evil-egov.com</p>", "text.domain"),
                               ("<form action=\"https://evil.com/collect\"></form>", "link.host")] {
            let f = try Fixture(files: ["content/kk/x.md": page()])
            let original = try footer(f)
            try f.write("templates/footer.mustache", markup + "\n" + original)
            let report = f.build()
            let found = report.diagnostics.filter { $0.file == "templates/footer.mustache" }
            XCTAssertTrue(found.contains { $0.code == code && $0.line == 1 && $0.severity == .error },
                          "\(markup): \(report.diagnostics.map(DiagnosticFormatter.line))")
            XCTAssertFalse(report.published, markup)
            XCTAssertNil(f.output("kk/x/index.html"), markup)
            // The content has an error, as a page's or a string's unofficial link is one: exit status 1.
            XCTAssertFalse(report.setupFailed, markup)
        }
    }

    /// Text spelled with character references is judged as a browser shows it, at the template's own
    /// line and column (not at every page that shows it).
    func testTextSpelledWithReferencesIsJudgedAtTheTemplate() throws {
        for (markup, code, column) in [("<p>evil&#46;com</p>", "text.domain", 4), ("<p>Жазыңыз: &#64;EvilBot</p>", "telegram.unknown", 13),
                                       ("<p>x &#x65;vil&period;com</p>", "text.domain", 6), ("<p>&#43;44 7911 123456</p>", "text.phone", 4)] {
            let f = try Fixture(files: ["content/kk/x.md": page()])
            try f.write("templates/footer.mustache", markup + "\n" + (try footer(f)))
            let report = f.build()
            XCTAssertFalse(report.published, markup)
            let errors = report.diagnostics.filter { $0.severity == .error }
            XCTAssertTrue(errors.allSatisfy { $0.file == "templates/footer.mustache" }, "\(markup): \(errors.map(DiagnosticFormatter.line))")
            XCTAssertTrue(errors.contains { $0.code == code && $0.line == 1 && $0.column == column }, "\(markup): \(errors.map(DiagnosticFormatter.line))")
        }
        XCTAssertNil(TemplateLinks.shown(Array("no reference".utf8)))
        let (text, at) = try XCTUnwrap(TemplateLinks.shown(Array("a&#46;b &amp; c".utf8)))
        XCTAssertEqual(text, "a.b & c")
        XCTAssertEqual((0..<text.utf8.count).map(at), [0, 1, 6, 7, 8, 13, 14])
    }

    func testATemplateThatIsNotCleanTextIsJudgedAll() throws {
        let f = try Fixture(files: ["content/kk/x.md": page()])
        let original = try footer(f)
        try f.writeBytes("templates/footer.mustache",
                         [0xFF] + Array("<a href=\"https://evil.example/\">x</a>\n".utf8) + Array(original.utf8))
        // A byte that is not UTF-8 refuses the template where it is; with it gone, the link is judged.
        let report = f.build()
        XCTAssertTrue(report.diagnostics.contains { $0.file == "templates/footer.mustache" && $0.code == "content.encoding" && $0.line == 1 && $0.column == 1 },
                      "\(report.diagnostics.map(DiagnosticFormatter.line))")
        XCTAssertFalse(report.published)
        XCTAssertTrue(report.setupFailed, "a template that cannot be read is the setup's fault: exit status 2")
        try f.writeBytes("templates/footer.mustache", Array("<a href=\"https://evil.example/\">x</a>\n".utf8) + Array(original.utf8))
        let mended = f.build()
        XCTAssertTrue(mended.diagnostics.contains { $0.file == "templates/footer.mustache" && $0.code == "link.host" },
                      "\(mended.diagnostics.map(DiagnosticFormatter.line))")
        XCTAssertFalse(mended.published)
    }

    /// A stylesheet in a template is no text a reader reads: its at-rules (`@import`, `@media`,
    /// `@font-face`) are no handles. It is judged as a stylesheet is, by what it shows (`content: "…"`)
    /// and what it loads, at the template's line and column (a string's findings at its opening quote);
    /// the text after it is read again.
    func testATemplatesStylesheetIsJudgedAsAStylesheet() throws {
        let f = try Fixture(files: ["content/kk/x.md": page()])
        let original = try footer(f)
        try f.write("templates/footer.mustache",
                    "<style>@import url(\"/css/print.css\") print; @media print { a { color: black } } @font-face { font-family: X }</style>\n" + original)
        var report = f.build()
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(DiagnosticFormatter.line), [])
        XCTAssertTrue(report.published)
        for (markup, code, column) in [("<style>@import url(https://evil.kz/x.css);</style>", "content.static-page", 16),
                                       ("<STYLE type=\"text/css\">a::after { content: \"@EvilKzBot\" }</STYLE >", "telegram.unknown", 44),
                                       ("<style>a::after { content: \"8 701 123 45 67\" }</style>", "text.phone", 28),
                                       ("<svg><style>a { content: \"&#64;EvilKzBot\" }</style></svg>", "telegram.unknown", 27),
                                       ("<style>p {}</style >@EvilKzBot", "telegram.unknown", 21),
                                       ("<stylex>@EvilKzBot</stylex>", "telegram.unknown", 9),
                                       // A `<style` a browser reads as text, or as a comment's or a value's, starts no
                                       // stylesheet: what follows it is read as the prose it is.
                                       ("<textarea><style></textarea><p>@EvilKzBot</p><textarea></style></textarea>", "telegram.unknown", 32),
                                       ("<title><style></title>@EvilKzBot<title></style></title>", "telegram.unknown", 23),
                                       ("<noscript><style></noscript>@EvilKzBot<noscript></style></noscript>", "telegram.unknown", 29),
                                       ("<!-- <style> -->@EvilKzBot<!-- </style> -->", "telegram.unknown", 17),
                                       ("<p title=\"<style>\">@EvilKzBot</p><p title=\"</style>\"></p>", "telegram.unknown", 20),
                                       ("<svg><style><p>@EvilKzBot</p></style></svg>", "telegram.unknown", 16),
                                       // A quote in an attribute's name opens no value; comments end as a browser ends them.
                                       ("<p a\"b c=\"><style>\">@EvilKzBot</style></p>", "telegram.unknown", 21),
                                       ("<!--><i title=\"--><style>\">@EvilKzBot</style></i>", "telegram.unknown", 28),
                                       ("<!---><i title=\"--><style>\">@EvilKzBot</style></i>", "telegram.unknown", 29),
                                       ("<!-- a --!><i title=\"--><style>\">@EvilKzBot</style></i>", "telegram.unknown", 34)] {
            try f.write("templates/footer.mustache", markup + "\n" + original)
            report = f.build()
            let found = report.diagnostics.filter { $0.file == "templates/footer.mustache" && $0.severity == .error }
            XCTAssertEqual(found.map { "\($0.code) \($0.line):\($0.column)" }, ["\(code) 1:\(column)"], markup)
            XCTAssertFalse(report.published, markup)
        }
    }

    func testTheTemplatesOwnValuesAndOfficialLinksPass() throws {
        let f = try Fixture(files: ["content/kk/x.md": page()])
        let original = try footer(f)
        try f.write("templates/footer.mustache",
                    "<a href=\"{{homeURL}}\">{{siteTitle}}</a> <a href=\"https://egov.kz/\">egov.kz</a> <a href=\"/kk/\">x</a>\n" + original)
        let report = f.build()
        XCTAssertFalse(report.diagnostics.contains { $0.file.hasPrefix("templates/") }, "\(report.diagnostics.map(DiagnosticFormatter.line))")
        XCTAssertTrue(report.published)
    }

    func testTagsAreMaskedInPlace() {
        let masked = TemplateLinks.maskTags(Array("a{{b}}c{{{d}}}e".utf8))
        XCTAssertEqual(masked.count, 15)
        XCTAssertEqual(String(decoding: masked.filter { $0 != 0 }, as: UTF8.self), "ace")
    }
}

/// A content file that is a link out of the source is reported, and nothing of what it points at is
/// printed: not even as the source line of its diagnostic.
final class OutsideSourceLinesTests: XCTestCase {
    func testTheLinesOfAFileOutsideTheSourceAreNeverPrinted() throws {
        let f = try Fixture(files: ["content/kk/x.md": "---\ntitle: \"Бет\"\n---\n\nМәтін.\n"])
        let outside = NSTemporaryDirectory() + "sitegen-outside-" + UUID().uuidString + ".md"
        try "SECRET-LINE-OUTSIDE https://evil.example/\n".write(toFile: outside, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try FileManager.default.createSymbolicLink(atPath: f.root + "/content/kk/leak.md", withDestinationPath: outside)
        let r = try CommandLineTests.execute(["build", "--source", f.root])
        XCTAssertTrue(r.stderr.contains("content.symlink"), r.stderr)
        XCTAssertFalse(r.stderr.contains("SECRET-LINE-OUTSIDE"), r.stderr)
        XCTAssertNil(f.output("kk/leak/index.html"))
    }
}
