import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// A page's `translationKey` pairs it with its translations and is written into the bulletins'
/// manifest with the page's file path: both are judged as text, and one key names one page a language.
final class TranslationKeyTests: XCTestCase {
    func page(_ title: String, key: String) -> String { "---\ntitle: \"\(title)\"\ntranslationKey: \(key)\n---\n\nМәтін.\n" }

    func testAnAddressOrNumberInTheKeyIsRefusedWhereItIsWritten() throws {
        let f = try Fixture(files: ["content/kk/a.md": page("А", key: "\"pay scam-pay.kz +7 701 123 45 67\""),
                                    "content/ru/a.md": page("А", key: "\"pay scam-pay.kz +7 701 123 45 67\"")])
        for checkOnly in [true, false] {
            let errors = f.build(checkOnly: checkOnly).diagnostics.filter { $0.severity == .error && $0.file == "content/kk/a.md" }
            XCTAssertEqual(errors.map(\.code).sorted(), ["text.domain", "text.phone"], errors.map(DiagnosticFormatter.line).joined(separator: "\n"))
            XCTAssertEqual(errors.map { [$0.line, $0.column] }.sorted { $0.lexicographicallyPrecedes($1) }, [[3, 22], [3, 34]])
        }
        XCTAssertNil(f.output("bulletins/index.json"))
    }

    /// A file's own name reaches the manifest even when `slug:` gives the page another address.
    func testAFileNameASlugHidesIsJudged() throws {
        let f = try Fixture(files: ["content/kk/scam-pay.kz.md": "---\ntitle: \"А\"\nslug: a\ntranslationKey: a\n---\n\nМәтін.\n",
                                    "content/ru/+77011234567.md": "---\ntitle: \"А\"\nslug: a\ntranslationKey: a\n---\n\nМәтін.\n"])
        let errors = f.build().diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map { "\($0.file):\($0.line):\($0.column) \($0.code)" }.sorted(),
                       ["content/kk/scam-pay.kz.md:1:1 text.domain", "content/ru/+77011234567.md:1:1 text.phone"])
    }

    func testTwoPagesOfOneLanguageWithOneKeyAreAnError() throws {
        let f = try Fixture(files: ["content/kk/a.md": page("А", key: "a"), "content/kk/b.md": page("Б", key: "a"),
                                    "content/ru/a.md": page("А", key: "a")])
        for checkOnly in [true, false] {
            let errors = f.build(checkOnly: checkOnly).diagnostics.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.code), ["translation.duplicate"])
            XCTAssertEqual(errors.first?.file, "content/kk/b.md")
            XCTAssertEqual(errors.first?.arguments["other"], "content/kk/a.md")
        }
        XCTAssertNil(f.output("sitemap.xml"))
    }

    /// An invisible character in the key is reported once, where it is written.
    func testAnInvisibleCharacterInTheKeyIsReportedOnce() throws {
        let f = try Fixture(files: ["content/kk/a.md": page("А", key: "\"ab\\u200Bc\"")])
        let errors = f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map { "\($0.code) \($0.line):\($0.column)" }, ["text.invisible 3:20"])
    }
}
