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

    func testTelegramMeHostNamesThePlainForm() throws {
        let d = try Fixture.check("[бот](https://telegram.me/Kenes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1,
                                   messageContains: "write https://t.me/Kenes1414Bot instead")
    }

    func testResolveSchemeToOfficialBotNamesThePlainForm() throws {
        let d = try Fixture.check("[бот](tg://resolve?domain=Kenes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1,
                                   messageContains: "write https://t.me/Kenes1414Bot instead")
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

    // MARK: - More Telegram forms

    func testPercentEncodedOfficialHandleIsNotCanonical() throws {
        let d = try Fixture.check("[бот](https://t.me/%4Benes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1)
    }

    func testUppercaseTelegramHostWithTrailingDotNamesThePlainForm() throws {
        let d = try Fixture.check("[бот](https://T.ME./Kenes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.noncanonical", line: 4, column: 1,
                                   messageContains: "write https://t.me/Kenes1414Bot instead")
    }

    func testResolveSchemeToFakeBotIsFake() throws {
        let d = try Fixture.check("[бот](tg://resolve?domain=Kenes1414_Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.fake", line: 4, column: 1)
    }

    func testTelegramLinkWithPortIsPortError() throws {
        let d = try Fixture.check("[бот](https://t.me:8443/Kenes1414Bot)\n")
        LinkPolicyAssert.onlyError(d, code: "link.port", line: 4, column: 1)
    }

    func testTelegramUserSubdomainIsHostError() throws {
        // `name.t.me` opens the channel `name`; it is not one of Telegram's link hosts.
        let d = try Fixture.check("[арна](https://someotherbot.t.me/)\n")
        LinkPolicyAssert.onlyError(d, code: "link.host", line: 4, column: 1)
    }

    func testOfficialHandleWithKazakhSuffixIsAccepted() throws {
        let d = try Fixture.check("Ботқа @Kenes1414Bot-қа жазыңыз.\n")
        LinkPolicyAssert.noErrors(d)
    }

    func testUnknownHandleWithKazakhSuffixIsUnknownAtHandle() throws {
        let d = try Fixture.check("Ботқа @SomeOtherBot-қа жазбаңыз.\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.unknown", line: 4, column: 7)
    }

    func testFakeHandleWithoutAtSignInTextIsFake() throws {
        let d = try Fixture.check("Жалған бот Kenes1414_Bot деп аталады.\n")
        LinkPolicyAssert.onlyError(d, code: "text.fake", line: 4, column: 12)
    }

    func testInviteLinkWithoutSchemeInTextIsInviteError() throws {
        // Messengers turn `t.me/+…` into a link, with or without https://.
        let d = try Fixture.check("Топқа t.me/+AbCdEf123 арқылы кіріңіз.\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.invite", line: 4, column: 7)
    }

    func testJoinchatLinkWithoutSchemeInTextIsInviteError() throws {
        let d = try Fixture.check("Топқа t.me/joinchat/AbCdEf123 арқылы кіріңіз.\n")
        LinkPolicyAssert.onlyError(d, code: "telegram.invite", line: 4, column: 7)
    }
}
