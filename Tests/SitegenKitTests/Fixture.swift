import Foundation
import Synchronization
import XCTest

@testable import SitegenCore
@testable import SitegenContent
@testable import SitegenKit
@testable import SitegenPolicy

/// A site in a temporary folder, with the repository's templates, static files and strings, for
/// tests that build real content and read what came out.
final class Fixture {
    let root: String

    /// The repository checkout, found from this file's path.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// sitegen's own targets (`Sources/Sitegen…` and the `sitegen` command), as repository paths, sorted:
    /// what the tests that read the sources scan, whichever target a file has moved to.
    static let ownSourceRoots: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repository + "/Sources")) ?? []
        return names.filter { $0.hasPrefix("Sitegen") || $0 == "sitegen" }.sorted().map { "Sources/" + $0 }
    }()

    /// The Swift files under a repository folder (`Sources/SitegenCore`), as repository paths with their
    /// text, sorted by path; none when the folder is not there.
    static func swiftSources(of root: String) throws -> [(String, String)] {
        let dir = repository + "/" + root
        guard let walk = FileManager.default.enumerator(atPath: dir) else { return [] }
        let files = walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { (root + "/" + $0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)) }
    }

    static let defaultConfig = """
        title:
          kk: "Сынақ"
          ru: "Тест"
        baseURL: "https://example.kz/"
        defaultLanguage: kk
        languages: [kk, ru]
        links:
          allow:
            - egov.kz
            - "*.egov.kz"
            - 42500.enbek.kz
            - coronavirus2020.kz
          telegram:
            official: [Kenes1414Bot]
            fake: [EgovKzBot2.0, Kenes1414_Bot]
          fake_domains: [egov-kz.com]
          phones: ["1414"]

        """

    init(config: String = Fixture.defaultConfig, files: [String: String] = [:]) throws {
        root = NSTemporaryDirectory() + "sitegen-test-" + UUID().uuidString
        Self.live.withLock { _ = $0.insert(root) }
        _ = Self.removedAtExit
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        for dir in ["templates", "static", "i18n"] {
            try fm.copyItem(atPath: Fixture.repository + "/" + dir, toPath: root + "/" + dir)
        }
        try write("sitegen.yml", config)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
        Self.live.withLock { _ = $0.remove(root) }
    }

    /// The folders of fixtures not yet let go. XCTest keeps every test case object, and the fixtures
    /// they hold in properties, until the process ends, when no deinit runs: those go at exit.
    private static let live = Mutex<Set<String>>([])
    private static let removedAtExit: Void = {
        atexit {
            for root in Fixture.live.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: root) }
        }
    }()

    func write(_ path: String, _ text: String) throws {
        try writeBytes(path, Array(text.utf8))
    }

    func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: root + "/" + path) }

    /// Makes `path` (relative to the site) a symbolic link to `target`, written as given.
    func symlink(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: target)
    }

    var siteDirectory: String { root + "/site" }

    /// A fixture holding the repository's own guides, in both languages, and its `sitegen.yml`.
    static func repositoryGuides() throws -> Fixture {
        let f = try Fixture(config: try String(contentsOfFile: Fixture.repository + "/sitegen.yml", encoding: .utf8))
        try FileManager.default.copyItem(atPath: Fixture.repository + "/content", toPath: f.root + "/content")
        return f
    }

    /// Adds `text` at the end of a file of the fixture.
    func append(_ path: String, _ text: String) throws {
        try write(path, try String(contentsOfFile: root + "/" + path, encoding: .utf8) + text)
    }

    /// Builds the fixture; `force` builds even when nothing changed since the last build.
    func build(drafts: Bool = false, checkOnly: Bool = false, baseURL: String? = nil, force: Bool = false) -> BuildReport {
        var options = BuildOptions(sourceDirectory: root)
        options.includeDrafts = drafts
        options.force = force
        options.checkOnly = checkOnly
        options.baseURL = baseURL
        return SiteBuilder(options: options).run()
    }

    /// A published file's text, or nil when it was not written.
    func output(_ path: String) -> String? {
        FileManager.default.contents(atPath: siteDirectory + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every file under the site folder with its bytes, for byte-for-byte comparisons.
    func snapshot() -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: siteDirectory) else { return out }
        while let rel = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: siteDirectory + "/" + rel, isDirectory: &isDir)
            if !isDir.boolValue { out[rel] = FileManager.default.contents(atPath: siteDirectory + "/" + rel) }
        }
        return out
    }

    /// A site of the shared benchmark corpus generator's pages (`pages` per language), or a skip
    /// where the generator is not beside the checkout.
    static func generatedCorpus(pages: Int) throws -> Fixture {
        let generator = Fixture.repository + "/../shared/bench/gen_corpus.py"
        guard FileManager.default.fileExists(atPath: generator) else { throw XCTSkip("no corpus generator beside the checkout") }
        let f = try Fixture()
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", generator, "--pages", String(pages), "--out", f.root]
        try python.run()
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, "the corpus generator ran")
        return f
    }

    /// Checks one Kazakh page whose body is `markdown`. The front matter takes lines 1–3, so the
    /// body's first line is line 4 of the file. The page is alone on its site, so its links to other
    /// pages (`/kk/42500/apply/`) are not reported as missing (`link.internal`) unless asked.
    static func check(_ markdown: String, config: String = Fixture.defaultConfig,
                      internalLinks: Bool = false) throws -> [Diagnostic] {
        let fixture = try Fixture(config: config)
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + markdown)
        return fixture.build(checkOnly: true).diagnostics.filter { internalLinks || $0.code != "link.internal" }
    }

    /// A site of one short page whose one `official:` link has `description` as its Kazakh description,
    /// and the line of `sitegen.yml` that holds it.
    static func withOfficialDescription(_ description: String, config: String = Fixture.defaultConfig) throws -> (Fixture, line: Int) {
        let full = config + """
            official:
              - url: "https://egov.kz/"
                title: { kk: "Портал", ru: "Портал" }
                description: { kk: "\(description)", ru: "Портал" }

            """
        let fixture = try Fixture(config: full, files: ["content/kk/test.md": "---\ntitle: Сынақ\n---\nМәтін.\n"])
        return (fixture, full.components(separatedBy: "\n").firstIndex { $0.contains(description) }! + 1)
    }

    /// The bulletins' last look (``BulletinGuard``) under the config and link policy of `source` (the
    /// fixtures' when not given).
    static func bulletinGuard(source: String? = nil) throws -> BulletinGuard {
        // The fixture is kept until its config is read: it removes its folder when it goes.
        let fixture = source == nil ? try Fixture() : nil
        let config = try withExtendedLifetime(fixture) { try XCTUnwrap(ConfigLoader.load(sourceDirectory: source ?? fixture!.root).0) }
        let policy = try XCTUnwrap(LinkPolicy.compile(config.links, file: "sitegen.yml").0)
        return BulletinGuard(inspector: policy.inspector(baseURL: config.baseURL), baseURL: config.baseURL)
    }

    /// Builds one Kazakh page whose body is `markdown` and returns its HTML (nil if the build failed).
    static func render(_ markdown: String, config: String = Fixture.defaultConfig) throws -> (String?, [Diagnostic]) {
        let fixture = try Fixture(config: config)
        try fixture.write("content/kk/test.md", "---\ntitle: \"Сынақ\"\n---\n" + markdown)
        let report = fixture.build()
        return (fixture.output("kk/test/index.html"), report.diagnostics.filter { $0.code != "link.internal" })
    }
}

/// Assertion helpers that say what was expected and what came instead.
func assertDiagnostic(
    _ diagnostics: [Diagnostic], code: String, line: Int, column: Int, file: String = "content/kk/test.md",
    file sourceFile: StaticString = #filePath, line sourceLine: UInt = #line
) {
    let match = diagnostics.contains { $0.code == code && $0.line == line && $0.column == column && $0.file == file }
    XCTAssertTrue(match, "expected \(code) at \(file):\(line):\(column), got:\n"
                  + diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"),
                  file: sourceFile, line: sourceLine)
}

func assertNoErrors(_ diagnostics: [Diagnostic], file: StaticString = #filePath, line: UInt = #line) {
    let errors = diagnostics.filter { $0.severity == .error }
    XCTAssertTrue(errors.isEmpty, "unexpected errors:\n" + errors.map(DiagnosticFormatter.line).joined(separator: "\n"),
                  file: file, line: line)
}

extension Fixture {
    /// The repository's own content built once into a temporary folder (never into the checkout).
    final class BuiltSite: @unchecked Sendable {
        let directory: String
        init(directory: String) { self.directory = directory }

        func text(_ path: String) -> String? {
            FileManager.default.contents(atPath: directory + "/" + path).map { String(decoding: $0, as: UTF8.self) }
        }

        /// Every `telegram*.html` under `bulletins/`.
        var telegramFiles: [String] {
            let all = FileManager.default.enumerator(atPath: directory + "/bulletins")?.allObjects as? [String] ?? []
            return all.filter { ($0 as NSString).lastPathComponent.hasPrefix("telegram") && $0.hasSuffix(".html") }
                .map { "bulletins/" + $0 }.sorted()
        }
    }

    private static let built: BuiltSite? = {
        let out = NSTemporaryDirectory() + "sitegen-repo-site-" + UUID().uuidString
        builtFolder.withLock { $0 = out }
        // The folder and the records beside it go when the tests end, as a fixture's folder does.
        atexit { Fixture.removeBuiltSite() }
        let report = SiteBuilder(options: BuildOptions(sourceDirectory: repository, outputDirectory: out)).run()
        return report.published ? BuiltSite(directory: out) : nil
    }()

    /// Where ``built`` was published, for its removal at exit.
    private static let builtFolder = Mutex<String?>(nil)

    /// Removes the repository's built site and every file its builds kept beside it (`.<name>.build`, …).
    private static func removeBuiltSite() {
        guard let out = builtFolder.withLock({ $0 }) else { return }
        let parent = (out as NSString).deletingLastPathComponent
        let beside = "." + (out as NSString).lastPathComponent + "."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(beside) {
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
        try? FileManager.default.removeItem(atPath: out)
    }

    /// The repository's content, built (once per test run).
    static func repositorySite() -> BuiltSite? { built }
}

extension Fixture {
    /// One short page in each language, translations of each other: the smallest site that publishes.
    static let payPage = "---\ntitle: \"Төлем\"\ntranslationKey: \"pay\"\n---\nТөлем туралы.\n"
    static let payPageRu = "---\ntitle: \"Выплата\"\ntranslationKey: \"pay\"\n---\nО выплате.\n"

    /// A site of ``payPage`` and ``payPageRu``.
    static func payPages() throws -> Fixture {
        try Fixture(files: ["content/kk/pay.md": payPage, "content/ru/pay.md": payPageRu])
    }
}
