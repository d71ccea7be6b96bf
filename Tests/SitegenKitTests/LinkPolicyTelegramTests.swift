import Foundation
import XCTest

@testable import SitegenKit

final class LinkPolicyTelegramTests: XCTestCase {
    // MARK: - Links to Telegram

    func testOfficialBotLinkIsAccepted() throws {
        let d = try Fixture.check("[бот](https://t.me/Kenes1414Bot)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testOfficialBotLinkIgnoresCase() throws {
        let d = try Fixture.check("[бот](https://t.me/kenes1414bot)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testTelegramMeHostIsJudgedByHandle() throws {
        let d = try Fixture.check("[бот](https://telegram.me/Kenes1414Bot)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testResolveSchemeToOfficialBotIsAccepted() throws {
        let d = try Fixture.check("[бот](tg://resolve?domain=Kenes1414Bot)\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testResolveSchemeToUnknownBotIsUnknown() throws {
        let d = try Fixture.check("[бот](tg://resolve?domain=SomeOtherBot)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 1)
    }

    func testKnownFakeBotLinkIsFakeError() throws {
        let d = try Fixture.check("Мәтін [бот](https://t.me/Kenes1414_Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.fake", line: 4, column: 7)
    }

    func testUnknownBotLinkIsUnknown() throws {
        let d = try Fixture.check("[бот](https://t.me/SomeOtherBot)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 1)
    }

    func testChannelPreviewOfUnknownHandleIsUnknown() throws {
        let d = try Fixture.check("[арна](https://t.me/s/SomeOtherChannel)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 1)
    }

    func testPlusInviteLinkIsInviteError() throws {
        let d = try Fixture.check("[топ](https://t.me/+AbCdEf123)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.invite", line: 4, column: 1)
    }

    func testJoinchatInviteLinkIsInviteError() throws {
        let d = try Fixture.check("[топ](https://t.me/joinchat/AbCdEf123)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.invite", line: 4, column: 1)
    }

    func testHTTPTelegramLinkIsSchemeError() throws {
        let d = try Fixture.check("[бот](http://t.me/Kenes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.scheme", line: 4, column: 1)
    }

    func testBareTelegramURLToUnknownBotIsUnknown() throws {
        let d = try Fixture.check("Бот: https://t.me/SomeOtherBot\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 6)
    }

    // MARK: - Handles in text

    func testOfficialHandleInTextIsAccepted() throws {
        let d = try Fixture.check("Ресми бот: @Kenes1414Bot.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testUnknownHandleInTextIsUnknown() throws {
        let d = try Fixture.check("Бот: @SomeOtherBot\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 6)
    }

    func testFakeHandleInTextOutsideWarningIsFake() throws {
        let d = try Fixture.check("Жазыңыз @Kenes1414_Bot ботына\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.fake", line: 4, column: 9)
    }

    func testTelegramPathWithoutSchemeInTextIsJudgedByHandle() throws {
        let d = try Fixture.check("Ботқа t.me/SomeOtherBot арқылы\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 7)
    }

    func testOfficialTelegramPathWithoutSchemeInTextIsAccepted() throws {
        let d = try Fixture.check("Ботқа t.me/Kenes1414Bot арқылы\n")
        LinkPolicyAssert.noErrors(d)
    }
}
