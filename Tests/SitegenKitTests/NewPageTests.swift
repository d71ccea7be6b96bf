import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// `sitegen new` starts a page in every language whose skeleton builds without an error, and never
/// replaces a file.
final class NewPageTests: XCTestCase {
    private func create(_ f: Fixture, _ path: String, _ kind: NewPage.Kind, title: String? = nil) -> NewPage.Outcome {
        NewPage.create(path: path, kind: kind, title: title, sourceDirectory: f.root, languages: ["kk", "ru"],
                       today: Date(timeIntervalSince1970: 1_586_822_400))  // 2020-04-14
    }

    /// The fixtures' site with one official address, which a links page lists.
    static let config = Fixture.defaultConfig + """
        official:
          - url: "https://egov.kz/"
            title: { kk: "egov.kz", ru: "egov.kz" }
            description: { kk: "Электрондық үкімет порталы", ru: "Портал электронного правительства" }

        """

    func testEveryKindBuildsInBothLanguagesWithoutAnError() throws {
        for kind in NewPage.Kind.allCases {
            let f = try Fixture(config: Self.config)
            XCTAssertEqual(create(f, "42500/new-page", kind),
                           .written(["content/kk/42500/new-page.md", "content/ru/42500/new-page.md"]))
            let report = f.build()
            let problems = report.diagnostics.filter { $0.code != "config.baseURL-placeholder" }
            XCTAssertEqual(problems.map(DiagnosticFormatter.line), [], "\(kind)")
            XCTAssertTrue(report.published, "\(kind)")
            let kk = try XCTUnwrap(f.output("kk/42500/new-page/index.html"))
            let ru = try XCTUnwrap(f.output("ru/42500/new-page/index.html"))
            // The translations are paired: each page links to the other.
            XCTAssertTrue(kk.contains("href=\"/ru/42500/new-page/\""), "\(kind)")
            XCTAssertTrue(ru.contains("href=\"/kk/42500/new-page/\""), "\(kind)")
            let source = try String(contentsOfFile: f.root + "/content/kk/42500/new-page.md", encoding: .utf8)
            XCTAssertTrue(source.hasPrefix("---\ntitle: \""), source)
            for line in ["date: 2020-04-14", "translationKey: \"42500-new-page\"", "kind: \(kind.rawValue)"] {
                XCTAssertTrue(source.contains(line + "\n"), "\(kind): \(line)")
            }
        }
    }

    func testEachKindHasItsSkeleton() throws {
        let f = try Fixture()
        for kind in NewPage.Kind.allCases { _ = create(f, "s/\(kind.rawValue)", kind) }
        func page(_ lang: String, _ kind: NewPage.Kind) throws -> String {
            try String(contentsOfFile: f.root + "/content/\(lang)/s/\(kind.rawValue).md", encoding: .utf8)
        }
        XCTAssertTrue(try page("kk", .guide).contains("\n1. Бірінші қадам.\n2. "))
        XCTAssertTrue(try page("ru", .guide).contains("\n1. Первый шаг.\n2. "))
        XCTAssertTrue(try page("kk", .checklist).contains("\n- [ ] "))
        XCTAssertTrue(try page("ru", .links).contains("```official-links\n```"))
        XCTAssertTrue(try page("ru", .warning).contains("> [!WARNING]\n> "))
        XCTAssertTrue(try page("kk", .warning).contains("title: \"Жаңа ескерту\""))
    }

    func testATitleIsWrittenAsGivenAndQuoted() throws {
        let f = try Fixture()
        _ = create(f, "a/b", .guide, title: "Өтінім: \"жаңа\" тәртіп")
        let source = try String(contentsOfFile: f.root + "/content/ru/a/b.md", encoding: .utf8)
        XCTAssertTrue(source.contains("title: \"Өтінім: \\\"жаңа\\\" тәртіп\"\n"), source)
        XCTAssertFalse(f.build().diagnostics.hasErrors)
    }

    func testAnExistingPageIsNeverReplacedAndNothingIsWritten() throws {
        let f = try Fixture(files: ["content/ru/42500/apply.md": "---\ntitle: Мой текст\n---\nНе трогать.\n"])
        let outcome = create(f, "42500/apply", .guide)
        guard case .refused(let refusal) = outcome else { return XCTFail("\(outcome)") }
        let why = refusal.text(.en)
        XCTAssertTrue(why.contains("content/ru/42500/apply.md") && why.contains("nothing was written"), why)
        XCTAssertEqual(try String(contentsOfFile: f.root + "/content/ru/42500/apply.md", encoding: .utf8),
                       "---\ntitle: Мой текст\n---\nНе трогать.\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/content/kk/42500/apply.md"))
    }

    func testANameThatCannotBeAnAddressIsRefusedWithAnASCIIName() throws {
        let f = try Fixture()
        for (path, hint) in [("42500/өтініш", "otinish"), ("../x", ""), ("/abs", ""), ("a b/c", ""), ("a//b", ""),
                             (".hidden/x", ""), ("x/_index", "")] {
            guard case .refused(let refusal) = create(f, path, .guide) else { return XCTFail(path) }
            let why = refusal.text(.en)
            if !hint.isEmpty { XCTAssertTrue(why.contains(hint), why) }
        }
        XCTAssertEqual(BuildRecord.listing(f.root + "/content")?.files ?? [], [], "nothing was written")
    }

    func testTheCommandWritesAndRefuses() throws {
        let f = try Fixture()
        var r = try CommandLineTests.execute(["new", "42500/fake-sites", "--kind", "warning", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("wrote content/kk/42500/fake-sites.md\nwrote content/ru/42500/fake-sites.md\n"), r.stdout)
        r = try CommandLineTests.execute(["new", "42500/fake-sites", "--source", f.root])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: content/kk/42500/fake-sites.md, content/ru/42500/fake-sites.md already exist"), r.stderr)
        r = try CommandLineTests.execute(["new", "x", "--kind", "poster", "--source", f.root])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("'guide', 'checklist', 'links' or 'warning'"), r.stderr)
        // A links page needs the official addresses it lists.
        r = try CommandLineTests.execute(["new", "42500/links", "--kind", "links", "--source", f.root])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("has none: add the official addresses there first"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/content/kk/42500/links.md"))
    }
}
