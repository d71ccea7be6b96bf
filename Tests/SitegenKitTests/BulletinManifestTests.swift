import Foundation
import XCTest
import SitegenCore

@testable import SitegenContent
@testable import SitegenKit
@testable import SitegenPolicy

/// `site/bulletins/index.json` against the files it lists, and the bad inputs of bulletins.
final class BulletinManifestTests: XCTestCase {
    /// SHA-256 by coreutils, apart from sitegen's own.
    func sha256sum(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    func testManifestMatchesEveryFileOfTheRealContent() throws {
        let site = try XCTUnwrap(Fixture.repositorySite())
        let json = try XCTUnwrap(site.text("bulletins/index.json"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try XCTUnwrap(root["bulletins"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 12 * 4, "four channels for each of the 12 pages")
        var keys: [[String]] = []
        var listed = Set<String>()
        for e in entries {
            let channel = try XCTUnwrap(e["channel"] as? String)
            let files = try XCTUnwrap(e["files"] as? [[String: Any]])
            keys.append([e["translationKey"] as! String, e["language"] as! String,
                         String(["text", "telegram", "whatsapp", "sms"].firstIndex(of: channel)!)])
            var total = 0
            for file in files {
                let path = try XCTUnwrap(file["path"] as? String)
                listed.insert(path)
                let text = try XCTUnwrap(site.text(path), path)
                let length = channel == "telegram" ? try TelegramHTMLValidator.parse(text).utf16Length : text.utf16.count
                XCTAssertEqual(file["length"] as? Int, length, path)
                XCTAssertEqual(file["sha256"] as? String, try sha256sum(site.directory + "/" + path), path)
                total += length
            }
            XCTAssertEqual(e["length"] as? Int, total)
            if channel == "sms" {
                let text = try XCTUnwrap(site.text(files[0]["path"] as! String))
                XCTAssertEqual(e["segments"] as? Int, SMSSegments(text).segments)
                XCTAssertLessThanOrEqual(e["segments"] as! Int, 3)
            } else {
                XCTAssertEqual(e["parts"] as? Int, files.count)
            }
        }
        XCTAssertEqual(keys, keys.sorted { $0.lexicographicallyPrecedes($1) }, "sorted by key, language, channel")
        // Nothing under bulletins/ that the manifest does not list.
        let all = FileManager.default.enumerator(atPath: site.directory + "/bulletins")?.allObjects as? [String] ?? []
        let files = Set(all.filter { $0.contains(".") }.map { "bulletins/" + $0 }).subtracting(["bulletins/index.json"])
        XCTAssertEqual(files, listed)
    }

    func testBulletinOfTheWrongTypeIsAnError() throws {
        for (value, column) in [("\"no\"", 11), ("[1]", 11), ("maybe", 11)] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\nbulletin: \(value)\n---\nМәтін.\n"])
            let report = f.build(checkOnly: true)
            assertDiagnostic(report.diagnostics, code: "yaml.type", line: 3, column: column, file: "content/kk/a.md")
        }
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\nsms: \"  \"\n---\n"])
        assertDiagnostic(f.build(checkOnly: true).diagnostics, code: "frontmatter.sms", line: 3, column: 6, file: "content/kk/a.md")
    }

    func testCheckFindsWhatABuildOfBulletinsWouldRefuse() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\nsms: \"" + String(repeating: "ә", count: 300) + "\"\n---\n"])
        assertDiagnostic(f.build(checkOnly: true).diagnostics, code: "bulletin.sms", line: 3, column: 7, file: "content/kk/a.md")
    }

    func testFailedBulletinLeavesThePreviousSiteIntact() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"])
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        try f.write("content/kk/a.md", "---\ntitle: A\nsms: \"" + String(repeating: "ә", count: 300) + "\"\n---\nЖаңа.\n")
        XCTAssertTrue(f.build().diagnostics.hasErrors)
        XCTAssertEqual(f.snapshot(), before)
    }

    /// A name written across formatting is one name in every bulletin (and to the page's reader): the
    /// page check reads runs together where they meet, so `check` finds it, at the name.
    func testNameWrittenAcrossFormattingIsRefused() throws {
        let cases: [(String, String?, Int)] = [
            ("Сайт: egov-kz.c**om**", "text.fake", 7),
            ("Бот: `EgovKz`Bot2.0 жалған", "text.fake", 7),
            ("Бот: *@Kenes*1414_Bot", "telegram.fake", 7),
            ("> [!WARNING]\n> Сайт: egov-kz.c**om**", "text.fake", 9),
            // A message carries an image's description in its place.
            ("Сайт: egov-kz![.](/favicon.ico)com", "text.fake", 7),
            // One without a description leaves a space, on the page and in a message.
            ("Порталға![](/favicon.ico)egov.kz кіріңіз", nil, 0),
            ("Сайт: **egov**.kz", nil, 0),
            ("Сайт: [egov.kz](https://egov.kz/)-ке кіріңіз", nil, 0),
            ("Сайт: *egov.kz*, **42 500** ₸", nil, 0),
        ]
        for (markdown, code, column) in cases {
            let d = try Fixture.check(markdown)
            if let code {
                let line = markdown.hasPrefix(">") ? 5 : 4
                assertDiagnostic(d, code: code, line: line, column: column)
                XCTAssertTrue(d.contains { $0.message.hasSuffix("(written across formatting)") }, markdown)
            } else {
                assertNoErrors(d)
            }
        }
    }

    func testTheCharactersTelegramDeletesAreFoundInTheBytes() {
        for deleted in ["\r", "\u{2028}", "\u{2029}", "\u{030A}", "\u{0333}", "\u{033F}"] {
            XCTAssertEqual(BulletinGuard.firstDeletedBeforeSending("Ресми ⚠️ egov.kz" + deleted + ".ru").map(String.init), deleted)
        }
        XCTAssertNil(BulletinGuard.firstDeletedBeforeSending("Ресми ⚠️ egov.kz — 42 500 ₸, «Ә» \u{0301}\u{2027}\u{202F}"))
        // At every byte offset of a longer text, at its start and at its end; prose with the other
        // characters of the same lead bytes (dashes, quotes, an accent) holds none.
        let prose = "Ресми сайт — «egov.kz», 42 500 ₸; ұпай\u{0301}. "
        for deleted in ["\r", "\u{2028}", "\u{2029}", "\u{030A}", "\u{0333}", "\u{033F}"] {
            for offset in 0...40 {
                let head = String(decoding: Array("a" .utf8) + Array(repeating: UInt8(ascii: "x"), count: offset), as: UTF8.self)
                let text = head + deleted + prose + prose
                XCTAssertEqual(BulletinGuard.firstDeletedBeforeSending(text).map(String.init), deleted, "at byte \(offset + 1)")
                XCTAssertEqual(BulletinGuard.firstDeletedBeforeSending(prose + head + prose + deleted).map(String.init), deleted,
                               "at the end, after \(offset + 1) bytes")
            }
        }
        XCTAssertNil(BulletinGuard.firstDeletedBeforeSending(String(repeating: prose, count: 9)))
    }

    func testGuardJudgesAddressesInFinishedText() throws {
        let guardian = try Fixture.bulletinGuard()
        for refused in ["Кіріңіз: https://egov-kz.com/", "egov-kz.com", "@Kenes1414_Bot", "t.me/Kenes1414_Bot",
                        "https://evil.kz/", "info@egov-kz.com", "Қоңырау: +7 777 123 45 67 бүгін", "☎ 1415",
                        // Deleted by Telegram before it reads the text: this is `@Kenes1414Bot_support`.
                        "@Kenes1414Bot\r_support", "egov.kz\u{2028}.ru", "@Kenes1414Bot\u{030A}_x"] {
            XCTAssertFalse(guardian.findings(text: refused).isEmpty, refused)
            XCTAssertTrue(guardian.findings(text: refused).allSatisfy { refused.contains($0.what) }, refused)
        }
        for allowed in ["egov-kz[.]com", "egov-kz[．]com", "https://egov.kz/", "@Kenes1414Bot", "☎ 1414", "42 500 ₸, 14.04.2020",
                        "Толық нұсқасы: https://example.kz/kk/a/", "hxxps://egov-kz[.]com/"] {
            XCTAssertEqual(guardian.findings(text: allowed).map(\.finding.code), [], allowed)
        }
        // A bare fake name leads nowhere, but passes only where a warning of the page names it.
        for bare in ["[@]Kenes1414_Bot", "Kenes1414_Bot"] {
            XCTAssertEqual(guardian.findings(text: bare).map(\.finding.code), ["text.fake"], bare)
            XCTAssertEqual(guardian.findings(text: bare, namedFakes: ["kenes1414_bot"]).map(\.finding.code), [], bare)
        }
        // One finding per address, however many lines and channels carry it.
        XCTAssertEqual(guardian.findings(texts: ["a egov-kz.com", "b egov-kz.com", "a egov-kz.com"]).count, 1)
        XCTAssertFalse(guardian.findings(text: "", hrefs: ["https://egov-kz.com/"]).isEmpty)
        XCTAssertEqual(BulletinGuard.telegramParts("<a href=\"https://egov.kz/?a=1&amp;b=2\">x &lt; y</a>").hrefs,
                       ["https://egov.kz/?a=1&b=2"])
        // The `'` an href keeps is written `&#39;`, and read back as `'`.
        XCTAssertEqual(BulletinGuard.telegramParts(TelegramMarkup().address("https://egov.kz/a'b?x=1&y", shown: "x")).hrefs,
                       ["https://egov.kz/a'b?x=1&y"])
    }

    /// The manifest of a site bigger than one stretch of pieces (made on every core), with pages that
    /// share a key and a language: every entry once, in the order of key, language, channel, then
    /// source, the JSON whole.
    func testABigManifestIsWholeAndInOrderWhenPagesShareAKey() throws {
        func entries(key: String, language: String, source: String, channels: [BulletinChannel]) -> [BulletinManifest.Entry] {
            channels.map { channel in
                BulletinManifest.Entry(translationKey: key, language: language, channel: channel, source: source,
                                       url: "https://egov.kz/\(language)/\(key)/", folder: "bulletins/\(language)/\(key)/",
                                       sms: channel == .sms ? .init(segments: 2, encoding: "UCS-2") : nil,
                                       files: [.init(name: channel.rawValue + ".txt", length: 7, sha256: SHA256Digest.bytes(Array(source.utf8)))])
            }
        }
        var pages: [[BulletinManifest.Entry]] = []
        // Written in an order the manifest does not keep: keys falling, channels turned round.
        for i in (0..<900).reversed() {
            for language in ["ru", "kk"] {
                pages.append(entries(key: "k\(i)", language: language, source: "content/\(language)/p\(i).md",
                                     channels: BulletinChannel.allCases.reversed()))
            }
        }
        pages.append([])
        // Two pages of one key and language (a clash reported elsewhere): their entries go channel by channel.
        pages.append(entries(key: "k5", language: "kk", source: "content/kk/a-second.md", channels: [.sms, .text]))
        var bytes: [UInt8] = []
        try BulletinManifest.write(pages) { bytes += $0 }
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let listed = try XCTUnwrap(root["bulletins"] as? [[String: Any]])
        XCTAssertEqual(listed.count, 900 * 2 * 4 + 2)
        let order = BulletinChannel.allCases.map(\.rawValue)
        let keys = listed.map { e in
            [e["translationKey"] as! String, e["language"] as! String, String(order.firstIndex(of: e["channel"] as! String)!),
             e["source"] as! String]
        }
        XCTAssertEqual(keys, keys.sorted { $0.lexicographicallyPrecedes($1) }, "sorted by key, language, channel, source")
        XCTAssertEqual(Set(keys.map { $0.joined(separator: " ") }).count, keys.count, "each entry once")
        let k5 = keys.filter { $0[0] == "k5" && $0[1] == "kk" }.map { $0[2] + " " + $0[3] }
        XCTAssertEqual(k5, ["0 content/kk/a-second.md", "0 content/kk/p5.md", "1 content/kk/p5.md", "2 content/kk/p5.md",
                            "3 content/kk/a-second.md", "3 content/kk/p5.md"])
        XCTAssertEqual(listed.first { $0["channel"] as? String == "sms" }?["segments"] as? Int, 2)
        XCTAssertEqual((listed[0]["files"] as? [[String: Any]])?.first?["path"] as? String, "bulletins/kk/k0/text.txt")
        XCTAssertEqual((listed[0]["files"] as? [[String: Any]])?.first?["sha256"] as? String,
                       SHA256Digest.hex(Array("content/kk/p0.md".utf8)))
        var empty: [UInt8] = []
        try BulletinManifest.write([[], []]) { empty += $0 }
        XCTAssertEqual(String(decoding: empty, as: UTF8.self), "{\n  \"version\": 1,\n  \"bulletins\": [\n  ]\n}\n")
    }
}
