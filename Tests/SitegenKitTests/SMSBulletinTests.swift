import Foundation
import XCTest

@testable import SitegenKit

/// SMS segments counted as phones send them, and the limit from sitegen.yml.
final class SMSBulletinTests: XCTestCase {
    func segments(_ text: String) -> Int { SMSSegments(text).segments }

    func testUCS2BoundariesAt70And67() {
        let ә = "ә"
        XCTAssertEqual(SMSSegments(String(repeating: ә, count: 70)), SMSSegments(encoding: .ucs2, units: 70, segments: 1))
        XCTAssertEqual(segments(String(repeating: ә, count: 71)), 2)
        XCTAssertEqual(segments(String(repeating: ә, count: 134)), 2)
        XCTAssertEqual(segments(String(repeating: ә, count: 135)), 3)
        XCTAssertEqual(segments(String(repeating: ә, count: 201)), 3)
        XCTAssertEqual(segments(String(repeating: ә, count: 202)), 4)
        // One Kazakh or Russian letter is enough to need UCS-2.
        XCTAssertEqual(SMSSegments("Hello ә").encoding, .ucs2)
        XCTAssertEqual(SMSSegments("Привет").encoding, .ucs2)
    }

    func testGSM7BoundariesAt160And153() {
        XCTAssertEqual(SMSSegments(String(repeating: "a", count: 160)), SMSSegments(encoding: .gsm7, units: 160, segments: 1))
        XCTAssertEqual(segments(String(repeating: "a", count: 161)), 2)
        XCTAssertEqual(segments(String(repeating: "a", count: 306)), 2)
        XCTAssertEqual(segments(String(repeating: "a", count: 307)), 3)
        // The extension table takes two septets, and an escape pair is never cut.
        XCTAssertEqual(SMSSegments(String(repeating: "€", count: 80)).units, 160)
        XCTAssertEqual(segments(String(repeating: "€", count: 81)), 2)
        XCTAssertEqual(segments(String(repeating: "a", count: 151) + "€" + String(repeating: "a", count: 153)), 2)
        XCTAssertEqual(segments(String(repeating: "a", count: 152) + "€" + String(repeating: "a", count: 152)), 3,
                       "306 septets, but the € cannot be cut from its escape")
    }

    func testCharactersOutsideTheBMPCountTwoAndAreNeverCut() {
        XCTAssertEqual(SMSSegments(String(repeating: "ә", count: 68) + "🙂").units, 70)
        XCTAssertEqual(segments(String(repeating: "ә", count: 68) + "🙂"), 1)
        XCTAssertEqual(segments(String(repeating: "ә", count: 69) + "🙂"), 2)
        XCTAssertEqual(segments(String(repeating: "ә", count: 66) + "🙂" + String(repeating: "ә", count: 66)), 3,
                       "134 units, but the emoji's surrogate pair moves whole into the second part")
    }

    func build(_ frontMatter: String, config: String = Fixture.defaultConfig) throws -> (Fixture, BuildReport) {
        let f = try Fixture(config: config, files: ["content/kk/a.md": "---\ntitle: Хабар\n" + frontMatter + "---\nМәтін.\n"])
        return (f, f.build())
    }

    func testEditorsSMSIsSentAsWritten() throws {
        let (f, report) = try build("sms: \"42 500 ₸: өтінім тек https://egov.kz/ арқылы\"\n")
        assertNoErrors(report.diagnostics)
        XCTAssertEqual(f.output("bulletins/kk/a/sms.txt"), "42 500 ₸: өтінім тек https://egov.kz/ арқылы")
        let manifest = try XCTUnwrap(f.output("bulletins/index.json"))
        XCTAssertTrue(manifest.contains("\"channel\": \"sms\", \"source\": \"content/kk/a.md\", \"url\": \"https://example.kz/kk/a/\",\n     \"length\": 44, \"segments\": 1, \"encoding\": \"UCS-2\""), manifest)
    }

    func testSMSOverTheLimitIsAnErrorWithTheCount() throws {
        let (f, report) = try build("sms: " + String(repeating: "ә", count: 202) + "\n")
        assertDiagnostic(report.diagnostics, code: "bulletin.sms", line: 3, column: 6, file: "content/kk/a.md")
        let d = report.diagnostics.first { $0.code == "bulletin.sms" }!
        XCTAssertEqual(d.message, "the sms text takes 4 SMS segments (202 UTF-16 units, UCS-2); at most 3 are allowed (bulletins.sms.maxSegments): shorten it")
        XCTAssertEqual(d.message(in: .kk), "sms мәтіні 4 SMS бөлігін алады (202 UTF-16 бірлігі, UCS-2); ең көбі 3 бөлікке рұқсат бар (bulletins.sms.maxSegments): мәтінді қысқартыңыз")
        XCTAssertEqual(d.message(in: .ru), "текст sms не помещается в допустимое число частей SMS — 3 (bulletins.sms.maxSegments): частей — 4, единиц UTF-16 — 202, UCS-2; сократите его")
        XCTAssertNil(f.output("bulletins/index.json"))
        // 201 units are three segments: allowed.
        let (_, ok) = try build("sms: " + String(repeating: "ә", count: 201) + "\n")
        assertNoErrors(ok.diagnostics)
    }

    func testMaxSegmentsComesFromTheConfig() throws {
        let one = Fixture.defaultConfig + "bulletins:\n  sms:\n    maxSegments: 1\n"
        let (_, over) = try build("sms: \"" + String(repeating: "ә", count: 71) + "\"\n", config: one)
        assertDiagnostic(over.diagnostics, code: "bulletin.sms", line: 3, column: 7, file: "content/kk/a.md")
        let (_, fits) = try build("sms: \"" + String(repeating: "ә", count: 70) + "\"\n", config: one)
        assertNoErrors(fits.diagnostics)
        for bad in ["0", "x", "[1]"] {
            let (_, r) = try build("", config: Fixture.defaultConfig + "bulletins:\n  sms:\n    maxSegments: \(bad)\n")
            XCTAssertTrue(r.diagnostics.contains { $0.file == "sitegen.yml" && $0.line == 20 && $0.severity == .error },
                          "\(bad): \(r.diagnostics)")
        }
    }

    func testDerivedSMSLeavesOutALongDescriptionThenGivesUp() throws {
        let long = String(repeating: "ұзақ ", count: 60)
        let (f, report) = try build("description: \"\(long)\"\n")
        assertNoErrors(report.diagnostics)
        XCTAssertEqual(f.output("bulletins/kk/a/sms.txt"), "Хабар\nhttps://example.kz/kk/a/")
        let title = String(repeating: "Хабар ", count: 40)
        let f2 = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"\(title)\"\n---\nМәтін.\n"])
        assertDiagnostic(f2.build().diagnostics, code: "bulletin.sms", line: 2, column: 9, file: "content/kk/a.md")
    }

    func testSMSTextIsJudgedByTheLinkPolicy() throws {
        let (_, report) = try build("sms: \"Өтінім: https://egov-kz.com/\"\n")
        XCTAssertTrue(report.diagnostics.contains { $0.code.hasPrefix("text.") && $0.line == 3 && $0.severity == .error },
                      "\(report.diagnostics)")
    }
}
