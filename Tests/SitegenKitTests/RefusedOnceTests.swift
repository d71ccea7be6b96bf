import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// What a page's check refuses where it is written is reported there once: the lists that show the page's
/// title do not report it again at their own first line, as if they had written it.
final class RefusedOnceTests: XCTestCase {
    func testATitleRefusedAtItsLineIsNotBlamedOnTheListsThatShowIt() throws {
        var files: [String: String] = [:]
        for lang in ["kk", "ru"] {
            files["content/\(lang)/_index.md"] = "---\ntitle: \"Басты\"\ntranslationKey: home\n---\n\nМәтін.\n"
            files["content/\(lang)/news/_index.md"] = "---\ntitle: \"Жаңалық\"\ntranslationKey: news\n---\n\nМәтін.\n"
            files["content/\(lang)/news/a.md"] = "---\ntitle: \"Жазыңыз scam-pay.kz\"\ntranslationKey: a\n---\n\nМәтін.\n"
        }
        let f = try Fixture(files: files)
        for checkOnly in [true, false] {
            let errors = f.build(checkOnly: checkOnly).diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map { "\($0.file):\($0.line):\($0.column) \($0.code)" },
                           ["content/kk/news/a.md:2:17 text.domain", "content/ru/news/a.md:2:17 text.domain"],
                           errors.map(DiagnosticFormatter.line).joined(separator: "\n"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.siteDirectory))
    }

    /// An interface string refused at its line is not reported again on every page that shows it.
    func testAStringRefusedAtItsLineIsReportedThereOnceByCheckAndBuild() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"А\"\n---\n\nМәтін.\n", "content/kk/b.md": "---\ntitle: \"Б\"\n---\n\nМәтін.\n"])
        let path = f.root + "/i18n/kk.yml"
        let strings = try String(contentsOfFile: path, encoding: .utf8)
        let line = try XCTUnwrap(strings.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("home:") })
        try f.write("i18n/kk.yml", strings.replacingOccurrences(of: String(strings.split(separator: "\n", omittingEmptySubsequences: false)[line]),
                                                             with: "home: \"Басты бет evil-egov.com\""))
        var listings: [[String]] = []
        for checkOnly in [true, false] {
            let errors = f.build(checkOnly: checkOnly).diagnostics.filter { $0.severity == .error }
            listings.append(errors.map { "\($0.file):\($0.line):\($0.column) \($0.code)" })
        }
        XCTAssertEqual(listings[0], ["i18n/kk.yml:\(line + 1):18 text.domain"])
        XCTAssertEqual(listings[1], listings[0])
    }

    /// A known fake's name is shown as written: one a phone dials or Telegram reads as a card is refused
    /// where `sitegen.yml` writes it, by `check` and `build` alike.
    func testAFakesNameThatIsANumberIsRefusedInTheConfig() throws {
        for name in ["87011234567", "4400430012345671"] {
            let config = Fixture.defaultConfig.replacingOccurrences(of: "fake: [EgovKzBot2.0, Kenes1414_Bot]", with: "fake: [EgovKzBot2.0, \"\(name)\"]")
            let f = try Fixture(config: config, files: ["content/kk/a.md": "---\ntitle: \"А\"\n---\n\nМәтін.\n"])
            for checkOnly in [true, false] {
                let errors = f.build(checkOnly: checkOnly).diagnostics.filter { $0.severity == .error }
                XCTAssertEqual(errors.map { "\($0.file):\($0.line)" }, ["sitegen.yml:15"], "\(name): \(errors.map(DiagnosticFormatter.line))")
            }
        }
    }
}
