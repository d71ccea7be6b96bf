import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// What the terminal shows an editor, from the real `sitegen` executable: the version, an unknown
/// command, colour on and off, the progress line, the caret under Cyrillic text, the summary, --quiet.
final class TerminalOutputTests: XCTestCase {
    /// Fixtures stay on disk until the test ends: a fixture is removed when released, and Swift
    /// may release one right after its last use, while sitegen still reads it.
    private var fixtures: [Fixture] = []

    func kept(config: String = Fixture.defaultConfig, files: [String: String] = [:]) throws -> Fixture {
        let f = try Fixture(config: config, files: files)
        fixtures.append(f)
        return f
    }

    /// A page with a known fake site after Kazakh words and a tab: an error at a column past
    /// multi-byte letters.
    static let brokenPage = "---\ntitle: \"А\"\n---\nҚараңыз:\t[сайт](https://egov-kz.com/)\n"

    /// Runs sitegen with stdout and stderr on a terminal (script(1) gives it a pty) and returns what
    /// the terminal received. `environment` is set on the command line, with LANG=C.UTF-8.
    static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        guard let sitegen = CommandLineTests.executable, FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("needs the sitegen executable and script(1)")
        }
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let assignments = (["LANG": "C.UTF-8"].merging(environment) { _, b in b }).sorted { $0.key < $1.key }
            .map { "\($0.key)=\(quoted($0.value))" }.joined(separator: " ")
        let command = "env -u NO_COLOR -u LC_ALL -u LC_MESSAGES -u SITEGEN_PROGRESS_AFTER \(assignments) "
            + ([sitegen.path] + arguments).map(quoted).joined(separator: " ")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return text
    }

    /// Runs sitegen with its output piped, as a CI log or an editor's build task sees it.
    static func piped(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandLineTests.Run {
        try CommandLineTests.execute(arguments, locale: ["NO_COLOR": "", "SITEGEN_PROGRESS_AFTER": ""].merging(environment) { _, b in b })
    }

    // MARK: --version

    func testVersionIsTheOneConstant() throws {
        let source = try String(contentsOfFile: Fixture.repository + "/Sources/sitegen/Version.swift", encoding: .utf8)
        let version = try XCTUnwrap(try EveryMessageLocalisedTests.matches("static let current = \"([^\"]+)\"", in: source).first)
        let r = try Self.piped(["--version"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, version + "\n")
        XCTAssertNotNil(version.range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression), version)
    }

    // MARK: unknown commands

    func testAnUnknownCommandSuggestsTheNearestAndListsThemAll() throws {
        let r = try Self.piped(["chek"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: 'chek' is not a sitegen command; did you mean 'check'?\n"), r.stderr)
        XCTAssertFalse(r.stderr.contains("USAGE"), "not the build usage line: \(r.stderr)")
        let list = try XCTUnwrap(r.stderr.split(separator: "\n").first { $0.hasPrefix("the commands are: ") })
        let names = list.dropFirst("the commands are: ".count).prefix { $0 != "(" }
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for name in ["build", "check", "new", "bulletin", "deploy", "explain"] { XCTAssertTrue(names.contains(name), "\(names)") }
        // Every command, `serve` included once it exists, is found from a slip of its last letter.
        for name in names {
            let slip = String(name.dropLast())
            let answer = try Self.piped([slip])
            XCTAssertEqual(answer.status, 2)
            XCTAssertTrue(answer.stderr.contains("did you mean '\(name)'?"), "\(slip): \(answer.stderr)")
        }
        let far = try Self.piped(["publish-now"])
        XCTAssertEqual(far.status, 2)
        XCTAssertFalse(far.stderr.contains("did you mean"), far.stderr)
        XCTAssertTrue(far.stderr.contains("the commands are: build, check"), far.stderr)
        // In the editors' language, and the real commands still run.
        let ru = try Self.piped(["buidl"], environment: ["LANG": "ru_RU.UTF-8"])
        XCTAssertTrue(ru.stderr.hasPrefix("error: «buidl» — не команда sitegen; вы имели в виду «build»?\n"), ru.stderr)
        XCTAssertEqual(try Self.piped(["explain", "link.fake"]).status, 0)
    }

    // MARK: colour

    func testColourFollowsTheOptionTheTerminalAndNoColor() throws {
        let f = try kept(files: ["content/kk/a.md": Self.brokenPage])
        let red = "\u{1B}[1;31merror:\u{1B}[0m"
        // Piped: never an escape code unless asked for.
        let auto = try Self.piped(["check", "--source", f.root])
        XCTAssertEqual(auto.status, 1)
        XCTAssertFalse(auto.stderr.contains("\u{1B}"), auto.stderr)
        XCTAssertTrue(auto.stderr.contains("content/kk/a.md:4:10: error: "), auto.stderr)
        let always = try Self.piped(["check", "--source", f.root, "--color", "always"])
        XCTAssertTrue(always.stderr.contains("\u{1B}[1mcontent/kk/a.md:4:10:\u{1B}[0m " + red + " "), always.stderr)
        XCTAssertTrue(always.stderr.contains("\u{1B}[1;33mwarning:\u{1B}[0m"), always.stderr)
        // --color always beats NO_COLOR; JSON is never coloured.
        XCTAssertTrue(try Self.piped(["check", "--source", f.root, "--color", "always"], environment: ["NO_COLOR": "1"]).stderr.contains(red))
        XCTAssertFalse(try Self.piped(["check", "--source", f.root, "--color", "always", "--format", "json"]).stdout.contains("\u{1B}"))
        // On a terminal: colour under auto, none with never or a non-empty NO_COLOR.
        XCTAssertTrue(try Self.onTerminal(["check", "--source", f.root]).contains(red))
        XCTAssertTrue(try Self.onTerminal(["check", "--source", f.root], environment: ["NO_COLOR": ""]).contains(red),
                      "an empty NO_COLOR leaves colour on")
        for (arguments, environment) in [(["--color", "never"], [:]), ([], ["NO_COLOR": "1"]), ([], ["TERM": "dumb"])] {
            let text = try Self.onTerminal(["check", "--source", f.root] + arguments, environment: environment)
            XCTAssertTrue(text.contains("content/kk/a.md:4:10: error: "), text)
            XCTAssertFalse(text.contains("\u{1B}"), "\(arguments) \(environment): \(text)")
        }
        let bad = try Self.piped(["check", "--color", "sometimes"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("'auto', 'always' or 'never'"), bad.stderr)
    }

    // MARK: the source line and the caret

    func testTheCaretSitsUnderTheColumnPastCyrillicAndATab() throws {
        let f = try kept(files: ["content/kk/a.md": Self.brokenPage])
        let r = try Self.piped(["check", "--source", f.root])
        let lines = r.stderr.components(separatedBy: "\n")
        let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("content/kk/a.md:4:10: error: ") }, r.stderr)
        // Column 10 is the `[` of the link: seven Kazakh letters, a colon and a tab before it.
        XCTAssertEqual(lines[at + 1], "    Қараңыз:\t[сайт](https://egov-kz.com/)")
        XCTAssertEqual(lines[at + 2], "    " + String(repeating: " ", count: 8) + "\t" + "^")
        // The compiler-style line stays first and whole, so editors' problem matchers still read it.
        XCTAssertNotNil(lines[at].range(of: #"^[^:]+:\d+:\d+: error: .+ \[[a-z.-]+\]$"#, options: .regularExpression), lines[at])
    }

    func testTheCaretCountsTerminalCells() {
        // A combining breve takes no cell; a CJK letter and an emoji take two.
        XCTAssertEqual(SourceLineDisplay.caretLead("и\u{0306}x", column: 3), " ")
        XCTAssertEqual(SourceLineDisplay.caretLead("中x", column: 2), "  ")
        XCTAssertEqual(SourceLineDisplay.caretLead("🙂x", column: 2), "  ")
        XCTAssertEqual(SourceLineDisplay.caretLead("ЖСН\tx", column: 5), "   \t")
        // A control or invisible character is shown as U+FFFD and keeps its place in the count.
        XCTAssertEqual(SourceLineDisplay.printable("a\u{1B}[31mb\u{202E}c\u{200B}d"), "a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}d")
        XCTAssertEqual(SourceLineDisplay.caretLead("\u{202E}x", column: 2), " ")
    }

    func testALongLineIsShownAsAWindowAroundTheColumn() throws {
        let line = String(repeating: "ә", count: 3000) + " [сайт](https://egov-kz.com/) " + String(repeating: "ө", count: 3000)
        let f = try kept(files: ["content/kk/a.md": "---\ntitle: \"А\"\n---\n" + line + "\n"])
        let r = try Self.piped(["check", "--source", f.root])
        let lines = r.stderr.components(separatedBy: "\n")
        let at = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("content/kk/a.md:4:3002: error: ") }, r.stderr)
        XCTAssertEqual(lines[at + 1], "    …" + String(repeating: "ә", count: 59) + " [сайт](https://egov-kz.com/) " + String(repeating: "ө", count: 31) + "…")
        XCTAssertEqual(lines[at + 2], "    " + String(repeating: " ", count: 61) + "^")
        XCTAssertLessThan(r.stderr.utf8.count, 4000, "each finding shows a window of the line, not the line")
    }

    func testAnEscapeSequenceInTheContentNeverReachesTheTerminal() throws {
        let page = "---\ntitle: \"А\"\n---\n\u{1B}]0;pwned\u{07} [сайт](https://egov-kz.com/)\n"
        let f = try kept(files: ["content/kk/a.md": page])
        let r = try Self.piped(["check", "--source", f.root])
        XCTAssertEqual(r.status, 1)
        XCTAssertFalse(r.stderr.contains("\u{1B}") || r.stderr.contains("\u{07}"), r.stderr)
        XCTAssertTrue(r.stderr.contains("    \u{FFFD}]0;pwned\u{FFFD} [сайт]"), r.stderr)
    }

    // MARK: progress

    func testProgressIsDrawnOnATerminalOnlyAndWiped() throws {
        var files: [String: String] = [:]
        for i in 0..<30 { files["content/kk/p\(i).md"] = "---\ntitle: \"Бет \(i)\"\n---\nМәтін.\n" }
        let f = try kept(files: files)
        // Work under a second draws nothing, even on a terminal.
        XCTAssertFalse(try Self.onTerminal(["check", "--source", f.root]).contains("\rpages "))
        // Over the delay (set to zero): `pages n/total` redrawn with \r, then wiped with spaces.
        let text = try Self.onTerminal(["build", "--source", f.root, "--output", f.root + "/out"],
                                       environment: ["SITEGEN_PROGRESS_AFTER": "0"])
        XCTAssertTrue(text.contains("\rpages 1/32"), text)
        XCTAssertTrue(text.contains("\rpages 32/32"), text)
        XCTAssertTrue(text.contains("\rpages 32/32\r" + String(repeating: " ", count: 11) + "\r"), text)
        let ru = try Self.onTerminal(["check", "--source", f.root], environment: ["SITEGEN_PROGRESS_AFTER": "0", "LANG": "ru_RU.UTF-8"])
        XCTAssertTrue(ru.contains("\rстраницы 30/30"), ru)
        // Quiet, or piped: nothing.
        XCTAssertFalse(try Self.onTerminal(["check", "--source", f.root, "--quiet"], environment: ["SITEGEN_PROGRESS_AFTER": "0"]).contains("\r"))
        let piped = try Self.piped(["check", "--source", f.root], environment: ["SITEGEN_PROGRESS_AFTER": "0"])
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertFalse(piped.stderr.contains("\r"), piped.stderr)
        XCTAssertFalse(piped.stderr.contains("pages 1/"), piped.stderr)
    }

    func testTheProgressLineWaitsASecondAndRedrawsTenTimesASecondAtMost() {
        final class Clock: @unchecked Sendable { var now = 0.0 }
        final class Screen: @unchecked Sendable { var text = "" }
        let clock = Clock(), screen = Screen()
        let line = ProgressLine(label: { "pages \($0)/\($1)" }, now: { clock.now }, write: { screen.text += $0 })
        line.begin(100)
        for _ in 0..<10 { clock.now += 0.05; line.advance() }
        XCTAssertEqual(screen.text, "", "nothing in the first second")
        clock.now = 1.0
        line.advance()
        XCTAssertEqual(screen.text, "\rpages 11/100")
        line.advance()
        XCTAssertEqual(screen.text, "\rpages 11/100", "not redrawn within 0.1 s")
        clock.now = 1.2
        line.advance()
        XCTAssertEqual(screen.text, "\rpages 11/100\rpages 13/100")
        line.finish()
        XCTAssertTrue(screen.text.hasSuffix("\r" + String(repeating: " ", count: 12) + "\r"), screen.text)
        let quick = ProgressLine(label: { "\($0)/\($1)" }, now: { 0 }, write: { screen.text = "drawn " + $0 })
        screen.text = ""
        quick.begin(1)
        quick.advance()
        quick.finish()
        XCTAssertEqual(screen.text, "", "a build under a second leaves no trace")
    }

    // MARK: summary and --quiet

    func testTheSummaryCountsEachLanguage() throws {
        let f = try kept(files: [
            "content/kk/a.md": "---\ntitle: \"А\"\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: \"А\"\n---\nТекст.\n",
            "content/kk/b.md": "---\ntitle: \"Б\"\n---\nМәтін.\n", "content/ru/b.md": "---\ntitle: \"Б\"\n---\nТекст.\n",
        ])
        let r = try Self.piped(["build", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        let tail = r.stderr.split(separator: "\n").suffix(4).map(String.init)
        // Home pages are generated for each language; one bulletin per page and channel.
        XCTAssertEqual(tail[0].range(of: #"^kk: 3 pages, \d+ bulletins, 0 errors, 0 warnings$"#, options: .regularExpression) != nil, true, r.stderr)
        XCTAssertEqual(tail[1].range(of: #"^ru: 3 pages, \d+ bulletins, 0 errors, 0 warnings$"#, options: .regularExpression) != nil, true, r.stderr)
        XCTAssertEqual(tail[2], "other files: 0 errors, 1 warning")
        XCTAssertNotNil(tail[3].range(of: #"^built 6 pages \(kk 3, ru 3\) in \d+\.\d\d s, 1 warning$"#, options: .regularExpression), r.stderr)
        let manifest = try XCTUnwrap(f.output("bulletins/index.json"))
        let kkBulletins = manifest.components(separatedBy: "\"language\": \"kk\"").count - 1
        XCTAssertTrue(tail[0].contains(", \(kkBulletins) bulletins,"), "\(tail[0]) vs the manifest's \(kkBulletins)")
        // Nothing to do: the same counts, from the published site.
        let again = try Self.piped(["build", "--source", f.root])
        XCTAssertTrue(again.stderr.contains(tail[0] + "\n"), again.stderr)
        // Kazakh and Russian, with Russian plurals.
        let kk = try Self.piped(["check", "--source", f.root, "--lang", "kk"])
        XCTAssertTrue(kk.stderr.contains("\nkk: 2 бет, 0 қате, 0 ескерту\n"), kk.stderr)
        let ru = try Self.piped(["build", "--source", f.root, "--lang", "ru", "--force"])
        XCTAssertNotNil(ru.stderr.range(of: #"\nru: 3 страницы, \d+ бюллетен(ь|я|ей), 0 ошибок, 0 предупреждений\n"#, options: .regularExpression), ru.stderr)
        XCTAssertTrue(ru.stderr.contains("\nпрочие файлы: 0 ошибок, 1 предупреждение\n"), ru.stderr)
        // A failed build publishes no bulletin, and its summary counts none.
        let broken = try kept(files: ["content/kk/a.md": Self.brokenPage])
        let failed = try Self.piped(["build", "--source", broken.root])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.hasSuffix("\nkk: 2 pages, 1 error, 1 warning\nru: 1 page, 0 errors, 0 warnings\n"
                                              + "other files: 0 errors, 1 warning\nfailed: 1 error, 2 warnings\n"), failed.stderr)
    }

    func testQuietPrintsOnlyErrors() throws {
        let clean = try kept(files: ["content/kk/a.md": "---\ntitle: \"А\"\n---\nМәтін.\n"])
        let quiet = try Self.piped(["build", "--source", clean.root, "--quiet"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr + quiet.stdout, "", "the placeholder warning and the summary are left out")
        let broken = try kept(files: ["content/kk/a.md": Self.brokenPage])
        let r = try Self.piped(["check", "--source", broken.root, "--quiet"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("content/kk/a.md:4:10: error: "), r.stderr)
        XCTAssertFalse(r.stderr.contains("warning:") || r.stderr.contains("failed:"), r.stderr)
        let new = try Self.piped(["new", "a/b", "--source", clean.root, "--quiet"])
        XCTAssertEqual(new.status, 0, new.stderr)
        XCTAssertEqual(new.stdout + new.stderr, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: clean.root + "/content/ru/a/b.md"))
    }
}
