import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenKit
@testable import SitegenPolicy

/// Every bulletin, read back by TDLib: the Telegram HTML parses as the Bot API parses it, each part
/// is within Telegram's limits counting what the app detects by itself, and everything a reader can
/// tap (each link's `href` and each address, mention or bot the app finds in the text of every
/// channel) is official. Known fakes appear only defanged: the app finds nothing in them.
final class TDLibBulletinTests: XCTestCase {
    func testRepositoryBulletinsAreOfficialToTelegram() throws {
        let site = try XCTUnwrap(Fixture.repositorySite(), "the repository's content builds")
        try assertBulletinsOfficial(in: site.directory, source: Fixture.repository)
    }

    func testGeneratedCorpusBulletinsAreOfficialToTelegram() throws {
        let f = try Fixture.generatedCorpus(pages: 24)
        let report = f.build()
        assertNoErrors(report.diagnostics)
        try assertBulletinsOfficial(in: f.siteDirectory, source: f.root)
    }

    /// A bulletin writes a link's address out after its text; what the page wrote after the link is
    /// kept a space apart from it, also when it starts with a tab, which Telegram reads as more of the
    /// address (`https://t.me/Kenes1414Bot<TAB>/../EvilBot` opens another bot).
    func testTextAfterALinkIsKeptASpaceApartAlsoAfterATab() throws {
        let f = try Fixture()
        try f.write("content/kk/tab.md", "---\ntitle: \"Таб\"\n---\n[Ресми бот](https://t.me/Kenes1414Bot)\t/../EvilBot мәтін.\n")
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let text = try XCTUnwrap(f.output("bulletins/kk/tab/text.txt"))
        XCTAssertTrue(text.contains("https://t.me/Kenes1414Bot \t/../EvilBot"), text)
        try assertBulletinsOfficial(in: f.siteDirectory, source: f.root)
    }

    func testPartsCountWhatTelegramDetectsTowardTheEntityLimit() throws {
        // 150 official names written as text: no tag, but 150 entities the app links itself.
        let items = (1...150).map { "- egov.kz \($0)" }.joined(separator: "\n")
        let f = try Fixture()
        try f.write("content/kk/many.md", "---\ntitle: \"Көп\"\n---\n" + items + "\n")
        let report = f.build()
        assertNoErrors(report.diagnostics)
        let parts = (1...9).compactMap { f.output("bulletins/kk/many/telegram.\($0).html") }
        XCTAssertGreaterThanOrEqual(parts.count, 2, "150 linked names need two messages")
        let answers = try TDLibOracle.parse(html: parts)
        for (i, a) in answers.enumerated() {
            let count = Self.count(a)
            XCTAssertLessThanOrEqual(count, 100, "part \(i + 1) carries \(count) entities")
            XCTAssertGreaterThanOrEqual(TelegramMeasure(html: parts[i]).entities, count, "the measure never counts fewer than TDLib")
        }
    }

    /// The entities of a message: its own, and those the app detects outside its links (the
    /// server drops a detected one that overlaps a link; every other is counted, the safe side).
    static func count(_ a: TDLibOracle.Answer) -> Int {
        let links = (a.entities ?? []).filter { $0.type == "TextUrl" }.map { $0.offset..<($0.offset + $0.length) }
        let detected = (a.auto ?? []).filter { e in !links.contains { $0.overlaps(e.offset..<(e.offset + e.length)) } }
        return (a.entities?.count ?? 0) + detected.count
    }

    /// Checks every bulletin under `site/bulletins` with TDLib and the source's own link policy.
    func assertBulletinsOfficial(in site: String, source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let guardian = try Fixture.bulletinGuard(source: source)
        let all = (FileManager.default.enumerator(atPath: site + "/bulletins")?.allObjects as? [String] ?? []).sorted()
        func read(_ path: String) throws -> String {
            String(decoding: try XCTUnwrap(FileManager.default.contents(atPath: site + "/bulletins/" + path)), as: UTF8.self)
        }
        let telegram = all.filter { ($0 as NSString).lastPathComponent.hasPrefix("telegram") && $0.hasSuffix(".html") }
        let plain = all.filter { ["text.txt", "whatsapp.txt", "sms.txt"].contains(($0 as NSString).lastPathComponent) }
        XCTAssertFalse(telegram.isEmpty, file: file, line: line)
        XCTAssertFalse(plain.isEmpty, file: file, line: line)

        func judge(_ e: TDLibOracle.Entity, in text: String, _ where_: String) {
            guard TDLibOracle.isClickable(e, in: text) else { return }
            let shown = TDLibOracle.text(of: e, in: text)
            let findings = e.type == "TextUrl"
                ? guardian.findings(texts: [], hrefs: [e.url ?? ""]) : guardian.findings(text: shown)
            XCTAssertTrue(findings.isEmpty, "\(where_): Telegram makes \(e.type) \((e.url ?? shown).debugDescription) clickable: "
                          + findings.map(\.finding.message).joined(separator: "; "), file: file, line: line)
        }

        let parsed = try TDLibOracle.parse(html: try telegram.map(read))
        for (path, answer) in zip(telegram, parsed) {
            guard let text = answer.text else {
                XCTFail("\(path): Telegram refuses it: \(answer.error ?? "")", file: file, line: line)
                continue
            }
            XCTAssertLessThanOrEqual(text.utf16.count, TelegramMeasure.maxUnits, path, file: file, line: line)
            let entities = (answer.entities ?? []) + (answer.auto ?? [])
            XCTAssertLessThanOrEqual(Self.count(answer), TelegramMeasure.maxEntities, path, file: file, line: line)
            for e in entities { judge(e, in: text, path) }
        }
        let texts = try plain.map(read)
        for ((path, text), found) in zip(zip(plain, texts), try TDLibOracle.entities(texts)) {
            for e in found { judge(e, in: text, path) }
        }
    }
}
