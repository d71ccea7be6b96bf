import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// The lines the commands print outside diagnostics, and the parsers' complaints inside them, in
/// the editors' language: deploy faults, `bulletin`'s and `new`'s refusals, YAML and Mustache.
final class CommandMessagesTests: XCTestCase {
    /// Fixtures stay on disk until the test ends: a fixture is removed when released, and Swift
    /// may release one right after its last use, while sitegen still reads it.
    private var fixtures: [Fixture] = []

    func kept(config: String = Fixture.defaultConfig, files: [String: String] = [:]) throws -> Fixture {
        let f = try Fixture(config: config, files: files)
        fixtures.append(f)
        return f
    }

    func assertKazakhAndRussian(_ message: CatalogMessage, containing kept: [String], file: StaticString = #filePath, line: UInt = #line) {
        for language in [MessageLanguage.kk, .ru] {
            let text = message.text(language)
            XCTAssertTrue(LocalisedDiagnosticsTests.isCyrillic(text), "\(language): \(text)", file: file, line: line)
            XCTAssertNil(text.range(of: "\\{[a-z]+\\}", options: .regularExpression), "unfilled: \(text)", file: file, line: line)
            for k in kept { XCTAssertTrue(text.contains(k), "\(language) lost \(k): \(text)", file: file, line: line) }
        }
    }

    /// Each way ssh and rsync end is said in Kazakh and Russian, with the host, what was being
    /// done, and the tool's own words kept for the administrator.
    func testEveryDeployFaultIsLocalised() throws {
        var target = DeployTarget(name: "production", host: "publisher@guides.example.kz", path: "/var/www/guides")
        target.keep = 5
        let access = HostAccess(target: target, sourceDirectory: "/tmp")
        let cases: [(String, Int32, Bool, String)] = [
            ("Permission denied (publickey).", 255, false, "deploy.fault.key"),
            ("Host key verification failed.", 255, false, "deploy.fault.host-key"),
            ("ssh: connect to host x port 22: Connection refused", 255, false, "deploy.fault.unreachable"),
            ("rsync: write failed: No space left on device (28)", 11, false, "deploy.fault.disk"),
            ("mkdir: Permission denied", 1, false, "deploy.fault.permission"),
            ("", 0, true, "deploy.fault.interrupted"),
            ("", 255, false, "deploy.fault.ssh"),
            ("odd", 3, false, "deploy.fault.failed"),
        ]
        for (text, status, signal, id) in cases {
            let ending = ChildProcess.Ending(status: status, killedBySignal: signal, output: [], errorText: text)
            let fault = DeployFault.classify(ending, during: CatalogMessage("deploy.during.upload", ["release": "r1"]), access: access)
            XCTAssertEqual(fault.message.id, id, text)
            assertKazakhAndRussian(fault.message, containing: text.isEmpty ? [] : [text])
            XCTAssertFalse(fault.message.text(.ru).contains("uploading"), "the stage is in Russian too: \(fault.message.text(.ru))")
        }
        let disk = DeployFault.classify(ChildProcess.Ending(status: 11, killedBySignal: false, output: [], errorText: "No space left on device"),
                                        during: CatalogMessage("deploy.during.upload", ["release": "r1"]), access: access)
        XCTAssertTrue(disk.message(in: .ru).contains("(этап: загрузка версии r1)"), disk.message(in: .ru))
        XCTAssertTrue(disk.message(in: .kk).contains("(кезең: r1 нұсқасын жүктеу)"), disk.message(in: .kk))
        XCTAssertTrue(disk.description.contains("is full while uploading release r1 (No space left on device); the site the readers see is unchanged"),
                      disk.description)
    }

    /// Through the command: an unknown target in Russian, chosen by LANG or by lang: in sitegen.yml.
    func testTheDeployCommandSpeaksTheEditorsLanguage() throws {
        let config = Fixture.defaultConfig + "deploy:\n  production:\n    rsync: \"/tmp/nowhere\"\n"
        let f = try kept(config: config)
        let ru = try CommandLineTests.execute(["deploy", "--source", f.root, "--target", "prod"], locale: ["LANG": "ru_RU.UTF-8"])
        XCTAssertEqual(ru.status, 2)
        XCTAssertEqual(ru.stderr, "error: неизвестная цель публикации «prod»; в sitegen.yml есть: production\n")
        let kk = try kept(config: config + "lang: kk\n")
        let r = try CommandLineTests.execute(["deploy", "--source", kk.root, "--target", "prod"])
        XCTAssertEqual(r.stderr, "error: «prod» жариялау мақсаты белгісіз; sitegen.yml ішінде барлары: production\n")
    }

    /// A whole deploy to a folder on this machine, told in Russian: upload, dry run, list.
    func testADeployReportsInTheEditorsLanguage() throws {
        let (www, target) = try DeployConfigTests.localTarget()
        defer { try? FileManager.default.removeItem(atPath: www) }
        let config = target + "lang: ru\ndeploy:\n  here:\n    rsync: \"\(www)\"\n"
        let f = try kept(config: config, files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n",
                                                 "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        var r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("загрузка версии "), r.stdout)
        try f.write("content/kk/a.md", "---\ntitle: A\n---\nЕкінші.\n")
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--dry-run"])
        XCTAssertTrue(r.stdout.contains("\n  изменится /kk/a/\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("(пробный запуск: ничего не изменено)"), r.stdout)
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--list", "--quiet"])
        XCTAssertEqual(r.stdout, "", "--quiet leaves only errors")
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--list"])
        XCTAssertTrue(r.stdout.hasPrefix("версии в here ("), r.stdout)
    }

    func testBulletinRefusalsAreLocalised() throws {
        let f = try kept(files: ["content/kk/a.md": "---\ntitle: \"А\"\n---\nМәтін.\n"])
        let key = try CommandLineTests.execute(["bulletin", "nothing", "--source", f.root], locale: ["LANG": "ru_RU.UTF-8"])
        XCTAssertEqual(key.status, 2)
        XCTAssertEqual(key.stderr, "error: нет ни файла, ни translationKey «nothing»; есть такие translationKey: a\n")
        let lang = try CommandLineTests.execute(["bulletin", "a", "--lang", "en", "--source", f.root], locale: ["LANG": "kk_KZ.UTF-8"])
        XCTAssertEqual(lang.stderr, "error: «en» тілі белгісіз; сайттың тілдері: kk, ru\n")
        let missing = try CommandLineTests.execute(["bulletin", "a", "--lang", "ru", "--source", f.root], locale: ["LANG": "ru_RU.UTF-8"])
        XCTAssertEqual(missing.stderr, "error: у «a» нет страницы на языке ru; она написана на: kk\n")
    }

    func testNewSpeaksTheEditorsLanguage() throws {
        let f = try kept()
        let made = try CommandLineTests.execute(["new", "42500/apply", "--source", f.root, "--lang", "kk"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertEqual(made.stdout, "жазылды: content/kk/42500/apply.md\nжазылды: content/ru/42500/apply.md\n"
                       + "әр тілде тақырыпты, сипаттаманы және мәтінді ауыстырыңыз, содан кейін құрастырыңыз: sitegen build\n")
        let again = try CommandLineTests.execute(["new", "42500/apply", "--source", f.root], locale: ["LANG": "ru_RU.UTF-8"])
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "error: content/kk/42500/apply.md, content/ru/42500/apply.md уже есть; отредактируйте их или выберите другое имя (ничего не записано)\n")
        let name = try CommandLineTests.execute(["new", "42500/өтініш", "--source", f.root, "--lang", "ru"])
        XCTAssertTrue(name.stderr.hasSuffix("попробуйте «otinish»\n"), name.stderr)
        let links = try CommandLineTests.execute(["new", "a/b", "--kind", "links", "--source", f.root, "--lang", "kk"])
        XCTAssertTrue(links.stderr.contains("official: жазбаларын"), links.stderr)
    }

    /// The YAML parser's complaints in plain words: no libyaml English left in Kazakh or Russian.
    func testCommonYAMLMistakesAreSaidInPlainWords() throws {
        let cases: [(String, String, String)] = [
            ("title: @kenes1414\n", "yaml.problem.token", "возьмите значение в кавычки"),
            ("title: \"А\"\ntags: [a, b\n", "yaml.problem.flow", "закройте"),
            ("title: \"А\" және Б\n", "yaml.problem.after-quote", "возьмите в кавычки всё значение"),
            ("title: *звезда\n", "yaml.problem.anchor", "ссылку"),
            ("title: !важно\n", "yaml.problem.tag", "тег"),
            ("title: \"А\"\n  date: 2024-01-01\n", "yaml.problem.indent", "отступ"),
            ("title: \"А\"\ntags:\n  - a: b: c\n", "yaml.problem.colon", "возьмите значение в кавычки"),
            ("title: \"А\"\ntags:\n  - a\n - b\n", "yaml.problem.indent", "отступ"),
            ("title: \"\\q\"\n", "yaml.problem.escape", "\\\\"),
        ]
        for (frontMatter, id, russian) in cases {
            let f = try kept(files: ["content/kk/a.md": "---\n" + frontMatter + "---\nМәтін.\n"])
            let d = try XCTUnwrap(f.build().diagnostics.first { $0.code == "yaml.syntax" }, frontMatter)
            XCTAssertEqual(d.messageID, "yaml.syntax.problem", "\(frontMatter): \(d.message)")
            XCTAssertEqual(d.arguments["detail.id"], id, "\(frontMatter): \(d.message)")
            XCTAssertTrue(d.message(in: .ru).contains(russian), d.message(in: .ru))
            for language in [MessageLanguage.kk, .ru] {
                let text = d.message(in: language)
                XCTAssertNil(text.range(of: "[a-z]+ [a-z]+ [a-z]+", options: .regularExpression), "English left in \(language): \(text)")
            }
        }
        // The colon in a title is still explained with the line to write.
        let colon = try kept(files: ["content/kk/a.md": "---\ntitle: Өтінім: қалай беру\n---\n"])
        let d = try XCTUnwrap(colon.build().diagnostics.first { $0.code == "yaml.syntax" })
        XCTAssertTrue(d.message(in: .kk).contains("тырнақшаға алыңыз"), d.message(in: .kk))
    }

    func testMustacheComplaintsAreSaidInPlainWords() throws {
        for (template, id) in [("<html>\n{{#open}}\n</html>\n", "template.problem.section-end"),
                               ("{{#a}}\n{{/b}}\n", "template.problem.close-name"),
                               ("<p>{{title</p>\n", "template.problem.unfinished-tag")] {
            let f = try kept()
            try f.write("templates/page.mustache", template)
            let d = try XCTUnwrap(f.build().diagnostics.first { $0.code == "template.syntax" })
            XCTAssertEqual(d.arguments["detail.id"], id, template)
            for language in [MessageLanguage.kk, .ru] {
                XCTAssertFalse(d.message(in: language).contains("expected") || d.message(in: language).contains("Incorrect"),
                               d.message(in: language))
            }
        }
    }
}
