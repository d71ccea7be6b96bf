import Foundation
import XCTest

@testable import SitegenKit

/// The policy must not flag what is official: the site's own content, and pages shaped like the
/// benchmark corpus.
final class LinkPolicyOfficialContentTests: XCTestCase {
    static let corpusPage = """
        ---
        title: "42 500 ₸ төлеміне өтінім: 12-бөлім"
        description: "egov.kz және 42500.enbek.kz арқылы өтінім беру, 2020 ж. сәуір."
        date: 2020-04-14
        weight: 12
        ---

        Өтінімді egov.kz порталы немесе 42500.enbek.kz сайты арқылы беріңіз. Ресми бот: @Kenes1414Bot.

        ## Қадамдар

        1. [egov.kz](https://egov.kz/apply) порталына кіріңіз.
        2. «42 500 ₸ төлемі» қызметін таңдаңыз, т.б. деректерді толтырыңыз.
        3. Жаңалықтар: <https://42500.enbek.kz/news/2020>
        4. Ботқа [@Kenes1414Bot](https://t.me/Kenes1414Bot) сілтемесі арқылы жазыңыз.
        5. Анықтама: [coronavirus2020.kz](https://coronavirus2020.kz/), қоңырау: [1414](tel:1414).

        ## Тексеру тізімі

        - [x] ЖСН дайын
        - [ ] Банк шотының нөмірі (IBAN) т.с.с.

        | Арна | Мекенжай |
        |------|----------|
        | Портал | [egov.kz](https://egov.kz/) |
        | Сайт | <https://42500.enbek.kz/> |
        | Бот | @Kenes1414Bot |

        > [!WARNING]
        > Іздеу жолағына `EgovKzBot2.0` деп жазсаңыз, жалған боттар шығады. Ресми бот 3.5 минутта жауап береді деп уәде бермейді.

        > [!NOTE]
        > Толығырақ: [өтінім беру](/kk/42500/apply/) және [құжаттар](../documents/).

        """

    // MARK: - Real content

    func testRepositoryContentHasNoErrorsUnderItsOwnPolicy() throws {
        let config = try String(contentsOfFile: Fixture.repository + "/sitegen.yml", encoding: .utf8)
        let f = try Fixture(config: config)
        try FileManager.default.copyItem(atPath: Fixture.repository + "/content", toPath: f.root + "/content")
        let report = f.build(checkOnly: true)
        LinkPolicyAssert.noErrors(report.diagnostics)
        XCTAssertGreaterThan(report.pagesPerLanguage.reduce(0) { $0 + $1.1 }, 4)
    }

    // MARK: - Corpus-shaped page

    /// The pages the corpus page links to, so its internal links reach something.
    static func writeLinkedPages(_ f: Fixture) throws {
        try f.write("content/kk/42500/apply.md", "---\ntitle: Өтінім\n---\n")
        try f.write("content/kk/42500/documents.md", "---\ntitle: Құжаттар\n---\n")
    }

    func testCorpusShapedPageHasNoErrors() throws {
        let f = try Fixture()
        try f.write("content/kk/42500/section-12.md", Self.corpusPage)
        try Self.writeLinkedPages(f)
        LinkPolicyAssert.noErrors(f.build(checkOnly: true).diagnostics)
    }

    func testCorpusShapedPageIsPublishedWithItsLinks() throws {
        let f = try Fixture()
        try f.write("content/kk/42500/section-12.md", Self.corpusPage)
        try Self.writeLinkedPages(f)
        let report = f.build()
        LinkPolicyAssert.noErrors(report.diagnostics)
        let html = try XCTUnwrap(f.output("kk/42500/section-12/index.html"), LinkPolicyAssert.listing(report.diagnostics))
        XCTAssertTrue(html.contains("href=\"https://egov.kz/apply\""), html)
        XCTAssertTrue(html.contains("href=\"https://42500.enbek.kz/news/2020\""), html)
        XCTAssertTrue(html.contains("href=\"https://t.me/Kenes1414Bot\""), html)
        // The fake's name only inside its mark (no client links it), never linked.
        XCTAssertEqual(html.components(separatedBy: "EgovKzBot2.0").count, html.components(separatedBy: "</span>EgovKzBot2.0</span>").count, html)
        XCTAssertFalse(html.contains("t.me/EgovKzBot"), html)
    }
}
