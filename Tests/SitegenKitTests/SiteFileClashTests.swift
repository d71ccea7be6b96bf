import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A page whose address would put its folder where the build writes a file (another page's
/// `index.html` or bulletin, a language's feed or page for addresses not found) is refused at its slug
/// or first line, the same by `check` and `build`, every run, before anything is written.
final class SiteFileClashTests: XCTestCase {
    /// Both languages' `_index.md` and `news/a.md`, plus `extra` (path below the language folder and
    /// front matter lines) in each.
    func site(_ extra: String, frontMatter: String = "") throws -> Fixture {
        var files: [String: String] = [:]
        for lang in ["kk", "ru"] {
            files["content/\(lang)/_index.md"] = "---\ntitle: \"Басты\"\ntranslationKey: home\n---\n\nМәтін.\n"
            files["content/\(lang)/news/a.md"] = "---\ntitle: \"А\"\ntranslationKey: a\n---\n\nМәтін.\n"
            files["content/\(lang)/\(extra)"] = "---\ntitle: \"Қақтығыс\"\ntranslationKey: clash\n\(frontMatter)---\n\nМәтін.\n"
        }
        return try Fixture(files: files)
    }

    func testAPageInsideAFileTheBuildWritesIsRefusedAtItsFirstLineOrSlug() throws {
        let cases: [(String, String, String, (Int, Int))] = [
            ("atom.xml.md", "", "kk/atom.xml", (1, 1)),
            ("404.html.md", "", "kk/404.html", (1, 1)),
            ("b.md", "slug: \"ATOM.xml\"\n", "kk/atom.xml", (4, 7)),
            ("news/a/index.html.md", "", "kk/news/a/index.html", (1, 1)),
            ("news/a/telegram.html.md", "", "bulletins/kk/news/a/telegram.html", (1, 1)),
            ("news/a/telegram.2.html.md", "", "bulletins/kk/news/a/telegram.2.html", (1, 1)),
            ("news/a/sms.txt.md", "", "bulletins/kk/news/a/sms.txt", (1, 1)),
        ]
        for (path, frontMatter, file, at) in cases {
            let f = try site(path, frontMatter: frontMatter)
            var seen: [String] = []
            for checkOnly in [true, false, false] {
                let report = f.build(checkOnly: checkOnly)
                let errors = report.diagnostics.filter { $0.severity == .error }
                XCTAssertEqual(errors.map(\.code), ["content.url-clash", "content.url-clash"], "\(path): \(errors.map(DiagnosticFormatter.line))")
                let kk = try XCTUnwrap(errors.first { $0.file == "content/kk/\(path)" }, path)
                XCTAssertEqual([kk.line, kk.column], [at.0, at.1], path)
                XCTAssertEqual(kk.arguments["file"], file, path)
                XCTAssertFalse(report.setupFailed, "a content error, exit status 1: \(path)")
                seen.append(errors.map(DiagnosticFormatter.line).joined(separator: "\n"))
            }
            XCTAssertEqual(Set(seen).count, 1, "check and two builds say the same: \(seen)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.siteDirectory), path)
        }
    }

    /// The same names where the build writes no such file are addresses like any other.
    func testTheSameNamesElsewhereArePages() throws {
        for path in ["news/atom.xml.md", "news/b/telegram.html.md", "news/index.html.md"] {
            let f = try site(path)
            let errors = f.build().diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(DiagnosticFormatter.line), [], path)
        }
    }
}
