import Foundation
import XCTest

@testable import SitegenContent
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
            ("search/index.html.md", "", "kk/search/index.html", (1, 1)),
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

    /// A language named like a folder the build writes at the top of the site would be published in it.
    func testALanguageNamedLikeAFolderTheBuildWritesIsRefused() throws {
        for name in ["search", "sitemaps"] {
            let config = Fixture.defaultConfig.replacingOccurrences(of: "languages: [kk, ru]", with: "languages: [kk, \(name)]")
            let f = try Fixture(config: config, files: ["content/kk/a.md": "---\ntitle: А\n---\n\nМәтін.\n"])
            let errors = f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.messageID), ["config.language.reserved"], name)
            XCTAssertEqual(errors.first.map { "\($0.file):\($0.line)" }, "sitegen.yml:6", name)
        }
        let names = SiteBuilder.writtenTopLevel(BuildOptions(sourceDirectory: "/nonexistent"), config: try XCTUnwrap(ConfigLoader.parse(Array(Fixture.defaultConfig.utf8), file: "sitegen.yml").0))
        let languageLike = names.filter { ConfigLoader.isLanguageCode($0) && !["kk", "ru"].contains($0) }
        XCTAssertEqual(Set(languageLike), ConfigLoader.reservedLanguageCodes, "every folder the build writes that could be a language is reserved")
    }

    /// Web hosts hide a path part after a dot, as sitegen's own serving rules do: such a slug is refused.
    func testASlugThatStartsWithADotIsRefused() throws {
        for slug in [".well-known", "...", ".hidden"] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: А\nslug: \"\(slug)\"\n---\n\nМәтін.\n"])
            let errors = f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { "\($0.code) \($0.line):\($0.column)" }, ["frontmatter.slug 3:7"], slug)
        }
    }
}
