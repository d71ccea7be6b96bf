import Foundation
import XCTest

/// The `sitegen` executable as a user runs it: exit statuses, where output goes, the summary line.
final class CommandLineTests: XCTestCase {
    /// The executable sits beside the test bundle in the build folder.
    static var executable: URL? {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("sitegen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Run { try Self.execute(arguments) }

    /// Runs the built executable with these arguments and collects what it printed. Messages are in
    /// English unless `locale` names another language (`LANG`), whatever the machine's locale is.
    static func execute(_ arguments: [String], locale: [String: String] = [:]) throws -> Run {
        guard let executable = Self.executable else { throw XCTSkip("sitegen executable not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { environment[name] = nil }
        environment["LANG"] = "C.UTF-8"
        process.environment = environment.merging(locale) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes are drained at once: a full stderr must not stall the process while stdout is read.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// An address `serve` cannot listen on is refused before anything is built, with what to give.
    func testServeRefusesAHostThatIsNoAddressAtOnce() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"])
        for host in ["256.1.1.1", "localhost", "1.2.3", ""] {
            let r = try run(["serve", "--host", host, "--source", f.root])
            XCTAssertEqual(r.status, 2, host)
            XCTAssertTrue(r.stderr.contains("is no IP address"), r.stderr)
            XCTAssertFalse(r.stderr.contains("inet_pton"), r.stderr)
        }
    }

    /// The mode of the files a build writes comes from its umask: a site built under `umask 077` (sudo,
    /// a strict CI) is built again when the umask lets files be read, and every file of it, pages taken
    /// from the last build included, gets the mode a clean build gives; so does the site's folder, which
    /// stayed 0700 (unreadable to the web server) when its mode was taken for one someone had given it.
    /// A mode someone did give the folder (`chmod 2750 site`) is kept under any umask.
    func testAChangedUmaskBuildsTheSiteAgainWithItsMode() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст.\n"])
        func build(umask mask: mode_t) throws -> Run {
            let old = umask(mask)
            defer { umask(old) }
            return try run(["build", "--source", f.root])
        }
        func modes() -> Set<String> {
            var found: Set<String> = []
            let files = FileManager.default.enumerator(atPath: f.siteDirectory)
            while let path = files?.nextObject() as? String {
                var info = stat()
                guard lstat(f.siteDirectory + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                found.insert(String(info.st_mode & 0o777, radix: 8))
            }
            return found
        }
        func folderMode() -> mode_t {
            var info = stat()
            return lstat(f.siteDirectory, &info) == 0 ? info.st_mode & 0o7777 : 0
        }
        XCTAssertEqual(try build(umask: 0o077).status, 0)
        XCTAssertEqual(modes(), ["600"])
        XCTAssertEqual(folderMode(), 0o700)
        let readable = try build(umask: 0o022)
        XCTAssertEqual(readable.status, 0, readable.stderr)
        XCTAssertFalse(readable.stderr.contains("up to date"), readable.stderr)
        XCTAssertEqual(modes(), ["644"])
        XCTAssertEqual(folderMode(), 0o755)
        XCTAssertTrue(try build(umask: 0o022).stderr.contains("up to date"))
        // Given by someone, the folder's mode stays, under a strict umask and after it.
        XCTAssertEqual(chmod(f.siteDirectory, 0o2750), 0)
        XCTAssertEqual(try build(umask: 0o077).status, 0)
        XCTAssertEqual(folderMode(), 0o2750)
        XCTAssertEqual(try build(umask: 0o022).status, 0)
        XCTAssertEqual(folderMode(), 0o2750)
        XCTAssertEqual(modes(), ["644"])
    }

    /// A folder of the site whose mode was changed by hand (`chmod 700 site/kk/a`: a web server answers
    /// 403 for all of it) is not as the build left it: the next build makes it anew, with the mode a
    /// clean build gives, instead of saying the site is up to date.
    func testAFolderOfTheSiteWhoseModeWasChangedIsMadeAnew() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст.\n"])
        let old = umask(0o022)
        defer { umask(old) }
        func mode(_ path: String) -> mode_t {
            var info = stat()
            return lstat(f.siteDirectory + "/" + path, &info) == 0 ? info.st_mode & 0o7777 : 0
        }
        XCTAssertEqual(try run(["build", "--source", f.root]).status, 0)
        XCTAssertTrue(try run(["build", "--source", f.root]).stderr.contains("up to date"))
        for folder in ["kk/a", "ru"] {
            XCTAssertEqual(mode(folder), 0o755)
            XCTAssertEqual(chmod(f.siteDirectory + "/" + folder, 0o700), 0)
            let again = try run(["build", "--source", f.root])
            XCTAssertEqual(again.status, 0, again.stderr)
            XCTAssertFalse(again.stderr.contains("up to date"), "\(folder): \(again.stderr)")
            XCTAssertEqual(mode(folder), 0o755, folder)
            XCTAssertTrue(try run(["build", "--source", f.root]).stderr.contains("up to date"))
        }
        // A project folder with the set-group-ID bit (a newsroom's shared checkout) gives every folder
        // the site holds that bit: they are as the build left them.
        let shared = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст.\n"])
        XCTAssertEqual(chmod(shared.root, 0o2755), 0)
        XCTAssertEqual(try run(["build", "--source", shared.root]).status, 0)
        var info = stat()
        XCTAssertEqual(lstat(shared.siteDirectory + "/kk", &info), 0)
        XCTAssertEqual(info.st_mode & 0o2000, 0o2000, "the folder has the bit")
        XCTAssertTrue(try run(["build", "--source", shared.root]).stderr.contains("up to date"))
    }

    /// Runs the executable with its standard output or error going to `path` (`/dev/full`: every write
    /// fails with ENOSPC), the other one collected; the status and what the collected stream got.
    static func execute(_ arguments: [String], stdout path: String? = nil, stderr errPath: String? = nil) throws -> (status: Int32, text: String) {
        guard let executable = Self.executable else { throw XCTSkip("sitegen executable not built") }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let collected = Pipe()
        process.standardOutput = try path.map { p in try XCTUnwrap(FileHandle(forWritingAtPath: p)) } ?? collected
        process.standardError = try errPath.map { p in try XCTUnwrap(FileHandle(forWritingAtPath: p)) } ?? collected
        try process.run()
        let text = collected.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    /// What sitegen prints is part of its work: when it cannot be written (a full disk, a closed pipe),
    /// the run ends with exit status 2, an I/O error, and says so where it still can. It used to stop
    /// with a crash (132), even after a build had published.
    func testOutputThatCannotBeWrittenIsExitStatusTwo() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст.\n"])
        let bulletin = try Self.execute(["bulletin", "a", "--lang", "kk", "--channel", "text", "--source", f.root], stdout: "/dev/full")
        XCTAssertEqual(bulletin.status, 2, bulletin.text)
        XCTAssertTrue(bulletin.text.contains("could not be written"), bulletin.text)
        let json = try Self.execute(["check", "--format", "json", "--source", f.root], stdout: "/dev/full")
        XCTAssertEqual(json.status, 2, json.text)
        let help = try Self.execute(["--help"], stdout: "/dev/full")
        XCTAssertEqual(help.status, 2, help.text)
        // A build whose messages cannot be written still publishes, and says with its status that not all went well.
        let build = try Self.execute(["build", "--source", f.root], stderr: "/dev/full")
        XCTAssertEqual(build.status, 2)
        XCTAssertNotNil(f.output("kk/a/index.html"))
    }

    /// Started with its standard output and error closed (`>&- 2>&-`), sitegen gives them /dev/null:
    /// the files it opens never take their numbers, so nothing it prints lands in the site.
    func testClosedStandardStreamsNeverTakeAFilesPlace() throws {
        guard let executable = Self.executable else { throw XCTSkip("sitegen executable not built") }
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n", "content/ru/a.md": "---\ntitle: A\n---\nТекст.\n"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" build --source \"$1\" >&- 2>&-", executable.path, f.root]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        var printed: [String] = []
        let files = FileManager.default.enumerator(atPath: f.siteDirectory)
        while let path = files?.nextObject() as? String {
            guard let text = f.output(path), text.contains("is a placeholder") || text.contains("built 2 pages") else { continue }
            printed.append(path)
        }
        XCTAssertEqual(printed, [], "sitegen's messages written into the site")
        XCTAssertNotNil(f.output("kk/a/index.html"))
    }

    func testSuccessfulBuildExitsZeroWithSummary() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "content/ru/a.md": "---\ntitle: A\n---\n"])
        let r = try run(["build", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The fixtures' baseURL is the placeholder https://example.kz/, which a build only warns about.
        XCTAssertTrue(r.stderr.range(of: #"built 4 pages \(kk 2, ru 2\) in \d+\.\d\d s, 1 warning\n$"#, options: .regularExpression) != nil,
                      r.stderr)
        XCTAssertTrue(r.stderr.contains("[config.baseURL-placeholder]"), r.stderr)
    }

    func testContentErrorExitsOneWithCompilerStyleLine() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nҚараңыз: [сайт](https://egov-kz.com/)\n"])
        let r = try run(["build", "--source", f.root])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("\ncontent/kk/a.md:4:10: error: egov-kz.com is a known fake site: never link it; to warn readers, name it as text inside a > [!WARNING] block, where it is shown defanged [link.fake]\n"),
                      r.stderr)
        XCTAssertTrue(r.stderr.hasSuffix("failed: 1 error, 2 warnings\n"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.siteDirectory))
    }

    func testConfigErrorExitsTwo() throws {
        let f = try Fixture(config: "title: x\n")
        let r = try run(["build", "--source", f.root])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("sitegen.yml:1:1: error: sitegen.yml has no 'languages': add it (the README's section on sitegen.yml shows each key) [config.missing-key]"), r.stderr)
    }

    func testUsageErrorExitsTwoAndListsTheValidValues() throws {
        let r = try run(["check", "--format", "xml"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("'text', 'json' or 'github'"), r.stderr)
    }

    func testCheckWritesNothingAndPrintsJSON() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n[x](http://egov.kz/)\n"])
        let r = try run(["check", "--source", f.root, "--format", "json"])
        XCTAssertEqual(r.status, 1)
        let all = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(all.first?["code"] as? String, "translation.missing", "sorted by file, line, column")
        let json = all.filter { $0["severity"] as? String == "error" }
        XCTAssertEqual(json.count, 1)
        XCTAssertEqual(json.first?["code"] as? String, "link.scheme")
        XCTAssertEqual(json.first?["line"] as? Int, 4)
        XCTAssertEqual(json.first?["url"] as? String, "http://egov.kz/")
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.siteDirectory))
    }

    func testGithubFormat() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n[x](http://egov.kz/)\n"])
        let r = try run(["check", "--source", f.root, "--format", "github"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stdout.contains("\n::error file=content/kk/a.md,line=4,col=1,title=link.scheme::"), r.stdout)
    }

    /// Hash seeds and memory layout differ between processes; the output must not.
    func testTwoProcessesBuildByteIdenticalSites() throws {
        var files: [String: String] = [:]
        for i in 0..<12 {
            files["content/kk/s/p\(i).md"] = "---\ntitle: \"Бет \(i)\"\n---\nhttps://egov.kz/ және www.egov.kz, <https://42500.enbek.kz/>\n\n> [!WARNING]\n> `EgovKzBot2.0` және egov-kz.com\n\n- [ ] ЖСН\n"
        }
        let f = try Fixture(files: files)
        for out in ["a", "b"] {
            let r = try run(["build", "--source", f.root, "--output", f.root + "/" + out])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        func tree(_ dir: String) -> [String: Data] {
            var out: [String: Data] = [:]
            let walker = FileManager.default.enumerator(atPath: dir)
            while let rel = walker?.nextObject() as? String {
                if let data = FileManager.default.contents(atPath: dir + "/" + rel) { out[rel] = data }
            }
            return out
        }
        let a = tree(f.root + "/a")
        XCTAssertGreaterThan(a.count, 12)
        XCTAssertEqual(a, tree(f.root + "/b"))
        XCTAssertTrue(String(decoding: a["kk/s/p0/index.html"] ?? Data(), as: UTF8.self)
            .contains("<a href=\"https://egov.kz/\">https://egov.kz/</a>"))
    }

    func testHelpExitsZero() throws {
        let r = try run(["build", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("--base-url <url>"))
    }
}
