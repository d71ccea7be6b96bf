import Dispatch
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenMarkdown

/// cmark-gfm shares one table of inline characters between all parsers of a process; pages are
/// parsed on every core at once, and each must come out as if it had been parsed alone.
final class MarkdownConcurrencyTests: XCTestCase {
    func testTheFixForSharedInlineCharactersIsInPlace() {
        XCTAssertFalse(MarkdownDocument.parsesOneAtATime, "parsing would be serialised: the interposition did not take")
    }

    func testParallelParsesAllSeeTheExtensions() {
        let source = Array("Қараңыз www.egov.kz және ~~ескі~~ https://egov.kz/\n".utf8)
        let expected = MarkdownDocument(markdown: source).renderHTML()
        XCTAssertTrue(expected.contains("<a href=\"http://www.egov.kz\">www.egov.kz</a>"), expected)
        XCTAssertTrue(expected.contains("<del>ескі</del>"), expected)
        let outputs = Parallel.map(Array(0..<2_000)) { _ in MarkdownDocument(markdown: source).renderHTML() }
        XCTAssertEqual(Set(outputs), [expected])
    }
}
