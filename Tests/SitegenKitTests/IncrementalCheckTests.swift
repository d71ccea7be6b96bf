import Foundation
import XCTest
import SitegenCore
@testable import SitegenKit

/// `sitegen check` after a build checks again only the pages whose files changed since: the others are
/// taken as that build found them (its page cache), while the setup and what pages show of each other
/// are as they were. What it reports is what a full check (`--force`) reports, always.
final class IncrementalCheckTests: XCTestCase {
    /// A check and a full check of `f`, asserted to report the same; the check's count of pages taken.
    private func checkedBefore(_ f: Fixture, file: StaticString = #filePath, line: UInt = #line) -> (taken: Int, report: BuildReport) {
        let check = f.build(checkOnly: true)
        let full = f.build(checkOnly: true, force: true)
        XCTAssertEqual(check.diagnostics, full.diagnostics, "a check reports what a full check does", file: file, line: line)
        XCTAssertEqual(check.pageCount, full.pageCount, file: file, line: line)
        XCTAssertEqual(full.checkedBefore, 0, "a full check takes no page from the last build", file: file, line: line)
        XCTAssertFalse(check.published, file: file, line: line)
        return (check.checkedBefore, check)
    }

    func testACheckAfterABuildChecksAgainOnlyWhatChanged() throws {
        let f = try Fixture.repositoryGuides()
        // A warning of a page's own, kept with the page by the build and taken back by the check.
        let page = "content/ru/42500/apply.md"
        let text = try String(contentsOfFile: f.root + "/" + page, encoding: .utf8)
        try f.write(page, text.replacingOccurrences(of: "\ntitle:", with: "\ntitel: \"x\"\ntitle:"))
        XCTAssertEqual(f.build(checkOnly: true).checkedBefore, 0, "nothing built yet")
        XCTAssertTrue(f.build().published)
        let pages = f.build(checkOnly: true, force: true).pageCount
        var (taken, report) = checkedBefore(f)
        XCTAssertEqual(taken, pages, "nothing changed: every page is taken")
        XCTAssertTrue(report.diagnostics.contains { $0.code == "frontmatter.unknown-key" && $0.file == page }, "\(report.diagnostics)")

        // An unofficial link written into one page since: it alone is checked again, and refused.
        try f.append("content/kk/42500/apply.md", "\n[Өтінім](https://egov-42500.kz/apply)\n")
        (taken, report) = checkedBefore(f)
        XCTAssertEqual(taken, pages - 1)
        XCTAssertTrue(report.diagnostics.contains { $0.severity == .error && $0.file == "content/kk/42500/apply.md" }, "\(report.diagnostics)")

        // A title changed: what pages show of each other changed, and every page is checked again.
        try f.write(page, text.replacingOccurrences(of: "\ntitle: \"", with: "\ntitle: \"Жаңа: "))
        (taken, _) = checkedBefore(f)
        XCTAssertEqual(taken, 0)
    }

    func testACheckTakesNothingOnceTheSetupChanged() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        XCTAssertGreaterThan(checkedBefore(f).taken, 0)
        try f.append("sitegen.yml", "\n# a comment\n")
        XCTAssertEqual(checkedBefore(f).taken, 0)
    }

    /// A cache whose bytes are not those it was written with is never taken for the last build's findings.
    func testADamagedCacheIsNotTaken() throws {
        let f = try Fixture.repositoryGuides()
        XCTAssertTrue(f.build().published)
        let cache = PageCache.path(for: f.siteDirectory)
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: cache))
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: cache))
        XCTAssertEqual(checkedBefore(f).taken, 0)
    }

    func testTheSummarySaysHowManyPagesWereTakenInEachLanguage() {
        var report = BuildReport(diagnostics: [], pagesPerLanguage: [("kk", 3), ("ru", 3)], seconds: 0.5, published: false,
                                 setupFailed: false, messageLanguage: nil)
        report.checkedBefore = 5
        XCTAssertEqual(BuildSummary.line(report, verb: .checked, language: .en),
                       "checked 6 pages (kk 3, ru 3) in 0.50 s (5 unchanged since the last build)")
        XCTAssertEqual(BuildSummary.line(report, verb: .checked, language: .ru),
                       "проверено 6 страниц (kk 3, ru 3) за 0.50 с (5 без изменений с прошлой сборки)")
        XCTAssertEqual(BuildSummary.line(report, verb: .checked, language: .kk),
                       "6 бет (kk 3, ru 3) тексерілді, 0.50 с (5 бет соңғы құрастырудан бері өзгермеген)")
        report.diagnostics = [.error("link.host", id: "link.host", file: "content/kk/a.md")]
        XCTAssertEqual(BuildSummary.line(report, verb: .checked, language: .en),
                       "failed: 1 error, 0 warnings (5 unchanged since the last build)")
    }
}
