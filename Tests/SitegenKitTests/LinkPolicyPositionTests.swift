import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// Findings point at what the editor typed: line from 1, column in Unicode scalars from 1.
final class LinkPolicyPositionTests: XCTestCase {
    private func checkBytes(_ bytes: [UInt8]) throws -> [Diagnostic] {
        let f = try Fixture()
        try f.writeBytes(LinkPolicyAssert.page, bytes)
        return f.build(checkOnly: true).diagnostics
    }

    // MARK: - File encoding

    func testByteOrderMarkDoesNotShiftPositions() throws {
        let text = "---\ntitle: \"Сынақ\"\n---\nМәтін [x](https://evil.com/)\n"
        let d = try checkBytes([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 7)
    }

    func testByteOrderMarkDoesNotShiftTitlePosition() throws {
        let text = "---\ntitle: \"Сайт evil.kz\"\n---\nМәтін.\n"
        let d = try checkBytes([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 2, column: 14)
    }

    func testCRLFLineEndingsKeepLinesAndColumns() throws {
        let text = "---\r\ntitle: \"Сынақ\"\r\n---\r\nБірінші жол\r\nСәлем [x](https://evil.com/)\r\n"
        let d = try checkBytes(Array(text.utf8))
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 7)
    }

    func testCRLFInCodeBlockKeepsTokenLine() throws {
        let text = "---\r\ntitle: \"Сынақ\"\r\n---\r\n```\r\nfoo\r\nbar evil.kz\r\n```\r\n"
        let d = try checkBytes(Array(text.utf8))
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 6, column: 5)
    }

    // MARK: - Inline links

    func testKazakhLettersBeforeLinkCountOneColumnEach() throws {
        let d = try Fixture.check("Өтінішті мына жерде қараңыз: [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 30)
    }

    func testLinkOnSecondLineOfParagraph() throws {
        let d = try Fixture.check("Бірінші жол\nекінші [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 8)
    }

    func testLinkInListItem() throws {
        let d = try Fixture.check("1. Бірінші\n- Қадам [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 9)
    }

    func testLinkInBlockQuote() throws {
        let d = try Fixture.check("> Мәтін [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 9)
    }

    func testLinkInListInsideBlockQuote() throws {
        let d = try Fixture.check("> - қадам [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 11)
    }

    func testLinkInTableCell() throws {
        let d = try Fixture.check("| А | Б |\n|---|---|\n| мәтін | [x](https://evil.com/) |\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 6, column: 11)
    }

    func testSecondLinkOnLine() throws {
        let d = try Fixture.check("[a](https://egov.kz/) және [b](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 28)
    }

    func testLinkAfterEntity() throws {
        let d = try Fixture.check("Баға &amp; [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 12)
    }

    // MARK: - Autolinks

    func testBareURLAfterKazakhText() throws {
        let d = try Fixture.check("Қараңыз: https://evil.com/ мұнда\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 10)
    }

    func testBareWwwAfterKazakhText() throws {
        let d = try Fixture.check("Сайтқа өтіңіз: www.evil.com\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 16)
    }

    func testAngleAutolinkAfterKazakhText() throws {
        let d = try Fixture.check("Сайтқа өтіңіз: <https://evil.com/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 16)
    }

    func testTwoEqualBareURLsOnOneLineAreEachPlaced() throws {
        let d = try Fixture.check("https://evil.com/ және https://evil.com/\n")
        LinkPolicyAssert.errorsAre(d, [("link.host", 4, 1), ("link.host", 4, 24)])
    }

    func testBareURLInTableCell() throws {
        let d = try Fixture.check("| А | Б |\n|---|---|\n| мәтін | https://evil.com/ |\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 6, column: 11)
    }

    func testBareURLOnSecondLineOfListItem() throws {
        let d = try Fixture.check("- Бірінші жол\n  екінші https://evil.com/\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 10)
    }

    // MARK: - Text tokens

    func testTextTokenAfterStrongEmphasis() throws {
        let d = try Fixture.check("**Маңызды**: evil.kz\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 14)
    }

    func testTextTokenAfterBackslashEscape() throws {
        let d = try Fixture.check("Баға \\* сайт evil.kz\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 14)
    }

    func testTextTokenInSecondCodeBlockLineAfterKazakh() throws {
        let d = try Fixture.check("```\nбірінші\nекінші evil.kz\n```\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 6, column: 8)
    }

    func testHandleInTableCell() throws {
        let d = try Fixture.check("| Бот | Күйі |\n|---|---|\n| @SomeOtherBot | жалған |\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 6, column: 3)
    }

    // MARK: - More places

    func testEmojiBeforeLinkCountsOneColumn() throws {
        let d = try Fixture.check("👍 [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 3)
    }

    func testTabBeforeLinkCountsOneColumn() throws {
        let d = try Fixture.check("Мәтін\t[x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 7)
    }

    func testLinkAfterEscapedPipeInTableCell() throws {
        let d = try Fixture.check("| А | Б |\n|---|---|\n| а \\| б | [x](https://evil.com/) |\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 6, column: 12)
    }

    func testLinkInStrikethrough() throws {
        let d = try Fixture.check("~~[x](https://evil.com/)~~\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 3)
    }

    func testLinkInSetextHeading() throws {
        let d = try Fixture.check("Тақырып [x](https://evil.com/)\n===\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 9)
    }

    func testLinkInNestedListItem() throws {
        let d = try Fixture.check("- а\n  - б [x](https://evil.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 7)
    }

    func testImageInsideLinkIsPlacedAtImage() throws {
        let d = try Fixture.check("[![x](https://evil.com/a.png)](https://egov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 2)
    }

    func testReferenceDefinitionWithCRLF() throws {
        let text = "---\r\ntitle: \"Сынақ\"\r\n---\r\nМәтін.\r\n\r\n[r]: https://evil.com\r\n"
        let d = try checkBytes(Array(text.utf8))
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 6, column: 6)
    }

    func testTextTokenOnSecondLineWithCRLF() throws {
        let text = "---\r\ntitle: \"Сынақ\"\r\n---\r\nБірінші жол\r\nекінші evil.kz\r\n"
        let d = try checkBytes(Array(text.utf8))
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 5, column: 8)
    }

    // MARK: - Bare links whose text appears earlier

    func testBareURLAfterSameURLInCodeSpanOnPreviousLine() throws {
        let d = try Fixture.check("`https://evil.com/`\nhttps://evil.com/\n")
        LinkPolicyAssert.errorsAre(d, [("text.url", 4, 2), ("link.host", 5, 1)])
    }

    func testBareURLAfterSameDestinationOnPreviousLine() throws {
        let d = try Fixture.check("[x](https://evil.com/)\nhttps://evil.com/\n")
        LinkPolicyAssert.errorsAre(d, [("link.host", 4, 1), ("link.host", 5, 1)])
    }

    func testBareURLAfterSameURLInCodeSpanOnSameLine() throws {
        let d = try Fixture.check("`https://evil.com/` https://evil.com/\n")
        LinkPolicyAssert.errorsAre(d, [("text.url", 4, 2), ("link.host", 4, 21)])
    }

    // MARK: - Angle autolinks inside containers

    func testAngleAutolinkOnSecondLineOfParagraph() throws {
        let d = try Fixture.check("Мәтін\n<https://evil.com/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 5, column: 1)
    }

    func testAngleAutolinkInBlockQuote() throws {
        let d = try Fixture.check("> Мәтін <https://evil.com/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 9)
    }

    func testAngleAutolinkInListItem() throws {
        let d = try Fixture.check("- қадам <https://evil.com/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 9)
    }

    func testAngleAutolinkInTableCell() throws {
        let d = try Fixture.check("| А |\n|---|\n| <https://evil.com/> |\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 6, column: 3)
    }

    func testAngleAutolinkAfterIndentation() throws {
        let d = try Fixture.check("  <https://evil.com/>\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 3)
    }
}
