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
}
