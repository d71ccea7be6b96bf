import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// No diagnostic sitegen can emit exists only in English: each is made from a `MessageCatalog`
/// entry, and the ids composed at run time (reasons, pieces, variants) all exist.
final class EveryMessageLocalisedTests: XCTestCase {
    /// Every Swift source of sitegen's own targets (the command too), by path.
    static func allSources() throws -> [(String, String)] {
        let out = try Fixture.ownSourceRoots.flatMap(Fixture.swiftSources)
        XCTAssertGreaterThan(out.count, 100)
        return out
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let r = try NSRegularExpression(pattern: pattern)
        return r.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: $0.numberOfRanges > 1 ? 1 : 0), in: text)!])
        }
    }

    /// The one constructor that takes an English sentence is used only where diagnostics are
    /// defined; everywhere else a diagnostic or a link finding names a catalogue entry.
    func testNoDiagnosticIsMadeFromAnEnglishSentence() throws {
        var seen = 0
        for (path, text) in try Self.allSources() where path != "Sources/SitegenCore/Diagnostics/Diagnostic.swift" {
            // The memberwise constructor, a `message:` given to a diagnostic or a finding.
            XCTAssertEqual(try Self.matches("Diagnostic\\(\\s*file:", in: text), [], "\(path) makes a diagnostic from a sentence")
            XCTAssertEqual(try Self.matches("(?:Finding|Diagnostic)\\([^)]*message:", in: text), [], path)
            // `.error(code, "sentence"` / `.warning(code, "sentence"` / `reader.error(code, "sentence"`.
            XCTAssertEqual(try Self.matches("\\.(?:error|warning)\\(\\s*[^,()\\n]+,\\s*\"", in: text), [], path)
            XCTAssertEqual(try Self.matches("\\berror\\(\\s*\"[a-z]+\\.[A-Za-z.-]+\",\\s*\"", in: text), [], path)
            // Messages pass their parameters, never English text glued to a message.
            XCTAssertEqual(try Self.matches("\\.message \\+ ", in: text), [], path)
            seen += try Self.matches("id: ", in: text).count
        }
        XCTAssertGreaterThan(seen, 150, "the catalogue's uses were not found: the scan reads nothing")
    }

    /// Ids built at run time: each exists in every language with the parameters it is given.
    func testEveryComposedMessageIDExists() throws {
        let sources = try Self.allSources()
        func text(_ suffix: String) -> String { sources.first { $0.0.hasSuffix(suffix) }!.1 }
        var ids: Set<String> = []
        ids.formUnion(try Self.matches("Reason\\(\"([a-z0-9-]+)\"", in: text("/SitegenPolicy/CanonicalLink.swift") + text("/SitegenPolicy/URLJudge.swift"))
            .map { "link.reason." + $0 })
        ids.formUnion(try Self.matches("refused\\(\"([a-z.-]+)\"", in: text("/Output/OutputFolder.swift")))
        ids.formUnion(try Self.matches("invalid\\(\"([a-z.-]+)\"", in: text("/SitegenPolicy/LinkPolicy.swift")))
        let parts = text("/Bulletin/TelegramParts.swift")
        ids.formUnion(try Self.matches("what(?::| =) [^\\n]*?\"([a-z-]+)\"", in: parts).map { "bulletin.piece." + $0 })
        ids.formUnion(try Self.matches("\\? \"[a-z-]+\" : \"([a-z-]+)\"", in: parts).map { "bulletin.piece." + $0 })
        XCTAssertGreaterThan(ids.count, 40)
        XCTAssertTrue(ids.contains("bulletin.piece.rule") && ids.contains("bulletin.piece.table-row"), "\(ids.sorted())")
        for problem in [SourceText.Problem.empty, .invalidUTF8(offset: 0), .nulByte(offset: 0)] { ids.insert(ConfigLoader.messageID(problem)) }
        let destinations: [DeployTarget.DestinationProblem] = [.empty, .controlCharacter, .daemon, .noPath, .tilde, .badHost("x")]
        ids.formUnion(destinations.map(\.messageID))
        for (path, slug) in [("фото/a", nil), ("a/фото", nil), ("a b/c", nil), ("a/фото", "x")] as [(String, String?)] {
            if let p = PageAddressRule.problem(contentPath: path, slug: slug) { ids.insert(p.id) }
        }
        XCTAssertTrue(ids.contains("content.filename.suggested.slug") || ids.contains("content.filename.slug"), "\(ids.sorted())")
        for id in ids.sorted() {
            XCTAssertNotNil(MessageCatalog.entries[id], "\(id) is composed by the code but not in the catalogue")
        }
    }

    /// Real bad input, from sitegen.yml to a page: every diagnostic comes from the catalogue and
    /// reads in Kazakh and Russian with every parameter filled, never an English sentence.
    func testBadInputIsReportedInEachLanguage() throws {
        var diagnostics: [Diagnostic] = []
        let config = Fixture.defaultConfig + """
            lang: qq
            bulletins:
              sms:
                maxSegments: 0
                other: 1
            deploy:
              "bad name": {}
              production:
                rsync: "~/guides"
                keep: 1
            """
        diagnostics += try Fixture(config: config).build().diagnostics
        let page = """
            ---
            title: "Мысал"
            ---
            [портал](https://EGOV.kz/) [бот](tg://msg?to=1) [хат](mailto:) [сілтеме](https://egov.kz/a/../b)
            [басқа](https://egov.kz/?next=https://evil.com/) <https://egov.kz/a,>
            ![сурет](https://egov.kz/logo.png)
            """
        let review = "---\ntitle: \"Мысал\"\nclaimReview:\n  claim: \"…\"\n  ratingValue: 9\n  date: \"вчера\"\n  extra: 1\n---\nМәтін.\n"
        diagnostics += try Fixture(files: ["content/kk/a.md": page, "content/kk/b.md": review]).build().diagnostics
        diagnostics += try Fixture(files: ["content/kk/фото сурет.md": page]).build().diagnostics
        diagnostics += try Fixture(files: ["content/de/x.md": page, "static/index.html": "<p>x</p>"]).build().diagnostics
        let codes = Set(diagnostics.map(\.code))
        for code in ["config.language", "config.bulletins", "config.unknown-key", "config.deploy", "frontmatter.claimReview",
                     "link.noncanonical", "link.scheme", "link.host", "link.query", "markdown.external-image", "content.language",
                     "content.filename", "content.static-page"] {
            XCTAssertTrue(codes.contains(code), "\(code) not reported: \(codes.sorted())")
        }
        for d in diagnostics {
            XCTAssertNotNil(d.messageID, "English only: \(DiagnosticFormatter.line(d))")
            for language in [MessageLanguage.kk, .ru] {
                let text = d.message(in: language)
                XCTAssertTrue(LocalisedDiagnosticsTests.isCyrillic(text), "\(language): \(text)")
                XCTAssertNil(text.range(of: "\\{[a-z]+\\}", options: .regularExpression), "unfilled parameter: \(text)")
                XCTAssertNotEqual(text, d.message, text)
            }
        }
    }

    /// A reason nested in a message is in the message's language.
    func testANestedReasonIsInTheMessagesLanguage() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"А\"\n---\n[портал](https://EGOV.kz/)\n"])
        let d = try XCTUnwrap(f.build().diagnostics.first { $0.code == "link.noncanonical" })
        XCTAssertEqual(d.message, "link is not written in canonical form: the host has capital letters; write https://egov.kz/ instead")
        XCTAssertEqual(d.message(in: .kk), "сілтеме канондық түрде жазылмаған: хостта бас әріптер бар; оның орнына https://egov.kz/ деп жазыңыз")
        XCTAssertEqual(d.message(in: .ru), "ссылка записана не в каноническом виде: в хосте есть заглавные буквы; напишите вместо неё https://egov.kz/")
    }

    /// What the commands say outside diagnostics (deploy faults, `bulletin`'s and `new`'s refusals,
    /// the progress line, an unknown command) is a catalogue message too: a new English-only line
    /// written as a string literal fails here.
    func testNoCommandLineIsAnEnglishSentence() throws {
        var seen = 0
        for (path, text) in try Self.allSources() {
            // A fault, refusal or lookup answer made from a sentence.
            XCTAssertEqual(try Self.matches("DeployFault\\.[a-zA-Z]+\\(\\s*\"", in: text), [], "\(path): a deploy fault from a sentence")
            XCTAssertEqual(try Self.matches("\\.(?:refused|unknown)\\(\\s*\"", in: text), [], "\(path): a refusal from a sentence")
            XCTAssertEqual(try Self.matches("\\.(?:refused|unknown|unknownTarget|missingProgram|busy|unreachable|refusedKey|permission|diskFull|interrupted|host|rollback)\\(\\s*\"[^\"]*\\\\\\(", in: text), [], path)
            // What a deploy reports as it goes.
            XCTAssertEqual(try Self.matches("\\bsay\\(\"[A-Za-z]", in: text), [], "\(path): an English line said")
            if path.hasPrefix("Sources/sitegen/") {
                // The command prints catalogue messages: no literal sentence to stderr or stdout.
                XCTAssertEqual(try Self.matches("\"error: [a-z\\\\]", in: text), [], "\(path): an English error line")
                XCTAssertEqual(try Self.matches("print\\(\"[A-Za-z]", in: text), [], "\(path): an English line printed")
            }
            seen += try Self.matches("CatalogMessage\\(", in: text).count
        }
        XCTAssertGreaterThan(seen, 25, "the scan found no catalogue message: it reads nothing")
    }

    /// Every id of the commands' and parsers' messages named in the sources exists in the catalogue.
    func testEveryCommandMessageIDExists() throws {
        var ids: Set<String> = []
        for (_, text) in try Self.allSources() {
            ids.formUnion(try Self.matches("\"((?:deploy\\.fault|deploy\\.during|deploy\\.say|new|bulletin\\.lookup|yaml\\.problem|yaml\\.syntax|template\\.problem|cli|progress|explain|serve)\\.[a-z.-]+)\"", in: text))
        }
        // `describe` composes the during messages of the host script's commands.
        for command in ["publish", "switch", "remove", "log"] { ids.insert("deploy.during." + command) }
        XCTAssertGreaterThan(ids.count, 50, "\(ids.sorted())")
        for id in ids.sorted() { XCTAssertNotNil(MessageCatalog.entries[id], "\(id) is used but not in the catalogue") }
    }
}
