import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// What a build keeps beside its output (`.site.build`, `.site.files`, `.site.pages`, `.site.sources`) is replaced only
/// when sitegen wrote it: a file of one of those names that it did not write is refused and kept.
final class SiteRecordsTests: XCTestCase {
    func testAFileBesideTheOutputThatSitegenDidNotWriteIsKept() throws {
        XCTAssertEqual(OutputFolder.recordSuffixes, [".build", ".files", ".pages", ".sources"])
        for suffix in OutputFolder.recordSuffixes {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: А\n---\n\nМәтін.\n", ".site\(suffix)": "менің жазбам\n"])
            let report = f.build()
            XCTAssertFalse(report.published, suffix)
            XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.messageID), ["output.record.foreign"], suffix)
            XCTAssertEqual(try String(contentsOfFile: f.root + "/.site\(suffix)", encoding: .utf8), "менің жазбам\n", suffix)
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.siteDirectory), suffix)
        }
    }

    func testTheBuildsOwnRecordsAreReplaced() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: А\n---\n\nМәтін.\n"])
        XCTAssertTrue(f.build().published)
        try f.append("content/kk/a.md", "Тағы.\n")
        XCTAssertTrue(f.build().published)
        XCTAssertTrue(try String(contentsOfFile: f.root + "/.site.build", encoding: .utf8).hasPrefix("sitegen build record"))
        XCTAssertNotNil(SourceStamps.read(for: f.siteDirectory))
    }
}
