import Foundation
import XCTest

@testable import SitegenKit

final class LinkPolicyLookalikeTests: XCTestCase {
    // MARK: - Confusable letters and scripts

    func testCyrillicLetterInOfficialNameIsLookalike() throws {
        // The first letter is CYRILLIC SMALL LETTER IE (U+0435), not Latin e.
        let d = try Fixture.check("[x](https://\u{0435}gov.kz/)\n")
        // The caret points at the letter to retype, not at the link's "[".
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 13, messageContains: "looks like egov.kz")
    }

    func testPunycodeOfCyrillicLookalikeIsLookalike() throws {
        let d = try Fixture.check("[x](https://xn--gov-qdd.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testMixedScriptLabelIsLookalike() throws {
        // "gоverment" with a Cyrillic о (U+043E): resembles no official name, but mixes alphabets.
        let d = try Fixture.check("[x](https://g\u{043E}verment.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 14, messageContains: "the letter “о”")
    }

    func testCyrillicLookalikeTypedAsTextIsTextDomainError() throws {
        let d = try Fixture.check("Сайт \u{0435}gov.kz арқылы\n")
        LinkPolicyAssert.onlyError(d, code: "text.domain", line: 4, column: 6, messageContains: "looks like egov.kz")
    }

    // MARK: - Lookalike spellings

    func testInsertedHyphenIsLookalike() throws {
        let d = try Fixture.check("[x](https://e-gov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testDoubledLetterIsLookalike() throws {
        let d = try Fixture.check("[x](https://eggov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testSwappedLettersAreLookalike() throws {
        let d = try Fixture.check("[x](https://egvo.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testExtraTopLevelDomainIsLookalike() throws {
        let d = try Fixture.check("[x](https://egov.kz.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testRepeatedTopLevelDomainIsLookalikeOfEnbek() throws {
        let d = try Fixture.check("[x](https://enbek.kz.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1,
                                   messageContains: "looks like 42500.enbek.kz")
    }

    func testDotRemovedIsLookalike() throws {
        let d = try Fixture.check("[x](https://egovkz.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testSwappedTopLevelDomainIsLookalike() throws {
        let d = try Fixture.check("[x](https://egov.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.lookalike", line: 4, column: 1, messageContains: "looks like egov.kz")
    }

    func testKnownFakeDomainIsFakeError() throws {
        let d = try Fixture.check("[x](https://egov-kz.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 4, column: 1)
    }

    func testSubdomainOfKnownFakeDomainIsFakeError() throws {
        let d = try Fixture.check("[x](https://pay.egov-kz.com/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.fake", line: 4, column: 1)
    }

    // MARK: - Invisible and direction-changing characters

    func testZeroWidthSpaceInURLIsInvisibleError() throws {
        let d = try Fixture.check("[x](https://egov\u{200B}.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.invisible", line: 4, column: 1, messageContains: "U+200B")
    }

    func testRightToLeftOverrideInURLIsInvisibleError() throws {
        let d = try Fixture.check("[x](https://egov.kz/\u{202E}fdp.exe)\n")
        LinkPolicyAssert.onlyError(d, code: "link.invisible", line: 4, column: 1, messageContains: "U+202E")
    }

    func testSoftHyphenInHostIsInvisibleError() throws {
        let d = try Fixture.check("[x](https://eg\u{00AD}ov.kz/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.invisible", line: 4, column: 1, messageContains: "U+00AD")
    }
}
