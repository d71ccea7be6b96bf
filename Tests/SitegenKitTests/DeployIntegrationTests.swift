import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// `sitegen deploy` against a real host: sshd on a loopback port, rsync, nginx serving `current`.
/// Each state is checked as a reader sees it, over HTTP.
final class DeployIntegrationTests: XCTestCase {
    /// A copy of the repository's real site with a `deploy:` section for one host folder.
    final class Source {
        let root: String
        let host: DeployHost
        let folder: String

        init(host: DeployHost, folder: String, rsync: String? = nil, extra: String = "", sshConfig: String? = nil) throws {
            self.host = host
            self.folder = folder
            root = host.directory + "/source-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for item in ["sitegen.yml", "content", "templates", "static", "i18n"] {
                try FileManager.default.copyItem(atPath: Fixture.repository + "/" + item, toPath: root + "/" + item)
            }
            try writeTargets(rsync: rsync ?? "\(DeployHost.account)@127.0.0.1:\(folder)", extra: extra,
                             sshConfig: sshConfig ?? host.sshConfig)
        }

        /// The address the site is published under.
        var baseURL = "https://guides.newsroom.kz/"

        func writeTargets(rsync: String, extra: String = "", sshConfig: String) throws {
            // The repository's site keeps a placeholder address, which a deploy refuses: the newsroom's
            // own address stands in for it here.
            let original = try String(contentsOfFile: Fixture.repository + "/sitegen.yml", encoding: .utf8)
                .replacingOccurrences(of: "baseURL: \"https://example.kz/\"", with: "baseURL: \"\(baseURL)\"")
            let yaml = original + """

                deploy:
                  production:
                    rsync: \(Self.quoted(rsync))
                    ssh_config: \(Self.quoted(sshConfig))
                    keep: 2
                \(extra)
                  staging:
                    rsync: "\(DeployHost.account)@127.0.0.1:/nonexistent/staging"

                """
            try yaml.write(toFile: root + "/sitegen.yml", atomically: true, encoding: .utf8)
        }

        /// A YAML double-quoted string.
        static func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }

        /// `sitegen deploy --target production` (unless the test names a target).
        func deploy(_ more: [String] = []) throws -> CommandLineTests.Run {
            try CommandLineTests.execute(["deploy", "--source", root] + (more.contains("--target") ? [] : ["--target", "production"]) + more)
        }

        /// Starts a deploy and returns at once.
        func startDeploy() throws -> (Process, Pipe, Pipe) {
            guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
            let p = Process()
            p.executableURL = executable
            p.arguments = ["deploy", "--source", root, "--target", "production"]
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            return (p, out, err)
        }

        /// Appends a paragraph to a real page, changing its HTML and its bulletins.
        func change(_ text: String) throws {
            let path = root + "/content/kk/42500/apply.md"
            let page = try String(contentsOfFile: path, encoding: .utf8)
            try (page + "\n" + text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        /// Builds the source locally, as the deploy will: what readers must get, byte for byte.
        func localBuild() throws -> [String: Data] {
            let out = host.directory + "/local-" + UUID().uuidString
            let report = SiteBuilder(options: BuildOptions(sourceDirectory: root, outputDirectory: out)).run()
            XCTAssertTrue(report.published, report.diagnostics.map(DiagnosticFormatter.line).joined(separator: "\n"))
            var files: [String: Data] = [:]
            for rel in try FileManager.default.subpathsOfDirectory(atPath: out) {
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: out + "/" + rel, isDirectory: &isDir)
                if !isDir.boolValue { files[rel] = FileManager.default.contents(atPath: out + "/" + rel) }
            }
            return files
        }

        var current: String? { try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/current") }
        var releases: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/releases")) ?? []).sorted()
        }
        var log: [String] {
            ((try? String(contentsOfFile: folder + "/deploy.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
    }

    /// Every page of `site` over HTTP, byte-identical; a page's address is its folder.
    func assertServes(_ server: DeployHost.WebServer, _ site: [String: Data], file: StaticString = #filePath, line: UInt = #line) throws {
        let pages = site.keys.filter { $0.hasSuffix("index.html") }.sorted()
        XCTAssertGreaterThan(pages.count, 10, file: file, line: line)
        for page in pages {
            let path = "/" + page.dropLast("index.html".count)
            let r = try server.get(path)
            XCTAssertEqual(r.status, 200, path, file: file, line: line)
            XCTAssertTrue(r.body == site[page], "\(path) is not the built page byte for byte", file: file, line: line)
        }
    }

    // MARK: - The life of a target

    func testDeployServesTheSiteWithItsHeadersThenAChangeARollbackAndTheList() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        let source = try Source(host: host, folder: folder)
        let first = try source.localBuild()

        var r = try source.deploy()
        XCTAssertEqual(r.status, 0, r.stderr)
        let id1 = try XCTUnwrap(source.current.map { String($0.dropFirst("releases/".count)) })
        XCTAssertTrue(r.stdout.contains("uploading release \(id1) to production"), r.stdout)
        XCTAssertTrue(r.stdout.range(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ deploy \#(id1) pages=12 bulletins=\d+ who=\S+@\S+"#,
                                     options: .regularExpression) != nil, r.stdout)
        XCTAssertEqual(source.log.count, 1)
        XCTAssertEqual(source.log.first.map { r.stdout.contains($0) }, true, "the line appended to deploy.log is printed")

        let server = try DeployHost.WebServer(serving: folder, snippet: folder + "/current/_host/nginx.conf", scratch: host.directory)
        defer { server.stop() }
        try assertServes(server, first)

        // Headers as a browser gets them.
        let home = try server.get("/kk/")
        XCTAssertEqual(home.headers["content-security-policy"], ServingRules.contentSecurityPolicy)
        XCTAssertEqual(home.headers["x-content-type-options"], "nosniff")
        XCTAssertEqual(home.headers["referrer-policy"], "strict-origin-when-cross-origin")
        XCTAssertEqual(home.headers["permissions-policy"], ServingRules.permissionsPolicy)
        XCTAssertEqual(home.headers["cache-control"], "no-cache", "pages are revalidated")
        XCTAssertEqual(home.headers["content-type"], "text/html; charset=utf-8")
        let css = try XCTUnwrap(first.keys.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") && AssetNames.looksHashed("/" + $0) })
        let style = try server.get("/" + css)
        XCTAssertEqual(style.status, 200)
        XCTAssertEqual(style.body, first[css])
        XCTAssertEqual(style.headers["cache-control"], ServingRules.immutableCache)
        XCTAssertEqual(style.headers["content-security-policy"], ServingRules.contentSecurityPolicy)
        XCTAssertTrue(String(decoding: home.body, as: UTF8.self).contains("href=\"/\(css)\""), "pages link the hashed name")
        let icon = try server.get("/favicon.ico")
        XCTAssertEqual(icon.status, 200)
        XCTAssertEqual(icon.headers["cache-control"], ServingRules.faviconCache)
        XCTAssertEqual(icon.body.prefix(4), Data([0, 0, 1, 0]), "an ICO file")
        let missing = try server.get("/kk/no-such-page/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.body, first["kk/404.html"], "the language's own 404 page")
        XCTAssertEqual(missing.headers["content-security-policy"], ServingRules.contentSecurityPolicy)
        for hidden in ["/_host/nginx.conf", "/_headers", "/.sitegen-output"] {
            XCTAssertEqual(try server.get(hidden).status, 404, "\(hidden) is not served")
        }

        // The same content again: the same release, nothing uploaded.
        r = try source.deploy()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("release \(id1) is already deployed on production"), r.stdout)
        XCTAssertEqual(source.releases, [id1])
        XCTAssertEqual(source.log.count, 1)

        // A change: a new release, unchanged files hard-linked from the previous one.
        try source.change("Жаңа абзац: өтінім мерзімі ұзартылды.")
        let second = try source.localBuild()
        XCTAssertNotEqual(first["kk/42500/apply/index.html"], second["kk/42500/apply/index.html"])
        r = try source.deploy()
        XCTAssertEqual(r.status, 0, r.stderr)
        let id2 = try XCTUnwrap(source.current.map { String($0.dropFirst("releases/".count)) })
        XCTAssertNotEqual(id1, id2)
        XCTAssertEqual(Set(source.releases), [id1, id2])
        try assertServes(server, second)
        func inode(_ release: String, _ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: "\(folder)/releases/\(release)/\(path)")[.systemFileNumber] as? Int
        }
        XCTAssertEqual(try inode(id1, css), try inode(id2, css), "an unchanged file is a hard link, not a second upload")
        XCTAssertNotEqual(try inode(id1, "kk/42500/apply/index.html"), try inode(id2, "kk/42500/apply/index.html"))

        // The list: newest first, the current one marked.
        r = try source.deploy(["--list"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let listed = r.stdout.split(separator: "\n").filter { $0.contains(id1) || $0.contains(id2) }
        XCTAssertEqual(listed.count, 2, r.stdout)
        XCTAssertTrue(listed[0].hasPrefix("* \(id2)") && listed[0].contains("pages=12"), r.stdout)
        XCTAssertTrue(listed[1].hasPrefix("  \(id1)"), r.stdout)

        // A dry run lists what would change and touches nothing.
        try source.change("Тағы бір абзац.")
        let before = try FileManager.default.subpathsOfDirectory(atPath: folder).sorted()
        r = try source.deploy(["--dry-run"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("  changed  /kk/42500/apply/\n"), r.stdout)
        XCTAssertFalse(r.stdout.contains("/kk/42500/\n"), "an unchanged page is not listed: \(r.stdout)")
        XCTAssertTrue(r.stdout.contains("(dry run: nothing was touched)"), r.stdout)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: folder).sorted(), before)
        XCTAssertEqual(source.current, "releases/\(id2)")

        // Rollback: readers get the first release again, whole.
        r = try source.deploy(["--rollback"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("rolled back production from release \(id2) to \(id1)"), r.stdout)
        XCTAssertEqual(source.current, "releases/\(id1)")
        try assertServes(server, first)
        XCTAssertTrue(source.log.last?.contains(" rollback \(id1) pages=12 ") == true, source.log.joined(separator: "\n"))
        r = try source.deploy(["--rollback"])
        XCTAssertEqual(r.status, 2, "nothing older to roll back to")
        XCTAssertTrue(r.stderr.contains("has no release older than \(id1)"), r.stderr)

        // A third release with keep: 2 keeps the current one and the one live before it (id1, rolled
        // back to), and removes the release rolled back from; a rollback goes to id1, never to id2.
        r = try source.deploy()
        XCTAssertEqual(r.status, 0, r.stderr)
        let id3 = try XCTUnwrap(source.current.map { String($0.dropFirst("releases/".count)) })
        XCTAssertEqual(Set(source.releases), [id1, id3], r.stdout)
        XCTAssertTrue(r.stdout.contains("removed release \(id2) (keeping 2)"), r.stdout)
        XCTAssertEqual(source.log.count, 4)
        r = try source.deploy(["--rollback"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(source.current, "releases/\(id1)")
    }

    // MARK: - Faults

    func testAnInterruptedUploadLeavesTheOldReleaseServedWholeAndIsCleanedNextTime() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        let source = try Source(host: host, folder: folder)
        XCTAssertEqual(try source.deploy().status, 0)
        let old = try source.localBuild()
        let oldCurrent = source.current
        let server = try DeployHost.WebServer(serving: folder, snippet: folder + "/current/_host/nginx.conf", scratch: host.directory)
        defer { server.stop() }

        // A slow upload (a big file at 512 KiB/s), cut while it runs.
        try source.change("Өзгеріс.")
        try Data(repeating: 0x2A, count: 3 << 20).write(to: URL(fileURLWithPath: source.root + "/static/big.png"))
        try source.writeTargets(rsync: "\(DeployHost.account)@127.0.0.1:\(folder)", extra: "    bwlimit: 512", sshConfig: host.sshConfig)
        let (deploy, _, err) = try source.startDeploy()
        var rsync: [Int32] = []
        var incoming: String?
        for _ in 0..<400 where incoming == nil || rsync.isEmpty {
            usleep(25_000)
            rsync = DeployHost.children(of: deploy.processIdentifier, named: "rsync")
            incoming = try FileManager.default.contentsOfDirectory(atPath: folder + "/releases").first { $0.hasPrefix(".incoming-") }
        }
        let partial = try XCTUnwrap(incoming, "the upload started")
        // While the upload runs, readers still get the old release.
        try assertServes(server, old)
        XCTAssertFalse(rsync.isEmpty)
        for pid in rsync { kill(pid, SIGKILL) }
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        deploy.waitUntilExit()
        XCTAssertEqual(deploy.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains("was interrupted") && stderr.contains("the site the readers see is unchanged"), stderr)
        XCTAssertEqual(source.current, oldCurrent)
        try assertServes(server, old)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/releases/" + partial), "the partial release is left until the next deploy")

        // The next deploy removes it, then publishes.
        try FileManager.default.removeItem(atPath: source.root + "/static/big.png")
        try source.writeTargets(rsync: "\(DeployHost.account)@127.0.0.1:\(folder)", sshConfig: host.sshConfig)
        let r = try source.deploy()
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("removed the unfinished upload of release \(partial.dropFirst(".incoming-".count))"), r.stdout)
        XCTAssertFalse(source.releases.contains { $0.hasPrefix(".") }, "\(source.releases)")
        try assertServes(server, try source.localBuild())
    }

    func testAFolderNamedLikeAReleaseThatNoBuildWroteIsNeverRemovedOrGoneBackTo() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        // Someone's own folder under releases/, named as a release is, without the marker a build writes;
        // and one with the id of the release about to be uploaded.
        let theirs = folder + "/releases/0000000000000001"
        let incoming = folder + "/releases/.incoming-0000000000000002"
        XCTAssertEqual(DeployHost.shell("mkdir -p '\(theirs)' '\(incoming)' && echo mine > '\(theirs)/doc.txt' && echo mine > '\(incoming)/notes.txt' && chown -R \(DeployHost.account) '\(folder)/releases'").status, 0)
        let source = try Source(host: host, folder: folder)
        // The id the site's release gets, from a deploy of the same site elsewhere.
        let elsewhere = try Source(host: host, folder: try host.makeFolder("www-" + UUID().uuidString))
        XCTAssertEqual(try elsewhere.deploy().status, 0)
        let id = try XCTUnwrap(elsewhere.current.map { String($0.dropFirst("releases/".count)) })
        let same = folder + "/releases/" + id
        XCTAssertEqual(DeployHost.shell("mkdir -p '\(same)' && echo mine > '\(same)/doc.txt' && chown -R \(DeployHost.account) '\(same)'").status, 0)
        var r = try source.deploy()
        XCTAssertEqual(r.status, 2, "a folder of the new release's name is not replaced: \(r.stdout)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: same + "/doc.txt"))
        XCTAssertNil(source.current)
        try FileManager.default.removeItem(atPath: same)
        // Nor is a folder of its upload's name that no deploy started: the deploy stops and names it.
        let upload = folder + "/releases/.incoming-" + id
        // (The refused deploy left its upload there, for the next deploy to remove: someone's folder takes its place.)
        XCTAssertEqual(DeployHost.shell("rm -rf '\(upload)' && mkdir -p '\(upload)' && echo mine > '\(upload)/doc.txt' && chown -R \(DeployHost.account) '\(upload)'").status, 0)
        r = try source.deploy()
        XCTAssertEqual(r.status, 2, r.stdout)
        XCTAssertTrue(r.stderr.contains(".incoming-\(id) is in the way"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: upload + "/doc.txt", encoding: .utf8), "mine\n")
        try FileManager.default.removeItem(atPath: upload)

        // keep: 2, three releases, a rollback: their folder is neither counted, listed, removed nor gone back to.
        var ids: [String] = []
        for n in 1...3 {
            if n > 1 { try source.change("Абзац \(n).") }
            r = try source.deploy()
            XCTAssertEqual(r.status, 0, r.stderr)
            ids.append(try XCTUnwrap(source.current.map { String($0.dropFirst("releases/".count)) }))
            XCTAssertFalse(r.stdout.contains("0000000000000001"), r.stdout)
        }
        XCTAssertEqual(try String(contentsOfFile: theirs + "/doc.txt", encoding: .utf8), "mine\n")
        XCTAssertEqual(try String(contentsOfFile: incoming + "/notes.txt", encoding: .utf8), "mine\n", "an upload's name without the mark of one")
        XCTAssertEqual(Set(source.releases), Set([ids[1], ids[2], "0000000000000001", ".incoming-0000000000000002"]))
        r = try source.deploy(["--list"])
        XCTAssertFalse(r.stdout.contains("0000000000000001"), r.stdout)
        XCTAssertEqual(try source.deploy(["--rollback"]).status, 0)
        r = try source.deploy(["--rollback"])
        XCTAssertEqual(r.status, 2, "nothing sitegen wrote is older: \(r.stdout)")
        XCTAssertEqual(source.current, "releases/\(ids[1])")
        XCTAssertTrue(FileManager.default.fileExists(atPath: theirs + "/doc.txt"))
    }

    func testTwoDeploysAtOnceTheSecondIsRefusedByTheHostLock() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        let source = try Source(host: host, folder: folder, extra: "    bwlimit: 1024")
        try Data(repeating: 0x2A, count: 3 << 20).write(to: URL(fileURLWithPath: source.root + "/static/big.png"))
        let (first, firstOut, _) = try source.startDeploy()
        // Until the first one uploads (it holds the lock from before rsync starts to after the switch).
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline,
              ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/releases")) ?? []).allSatisfy({ !$0.hasPrefix(".incoming-") }) {
            usleep(20_000)
        }
        XCTAssertFalse(DeployHost.children(of: first.processIdentifier, named: "rsync").isEmpty, "the first deploy is uploading")
        let second = try source.deploy()
        XCTAssertEqual(second.status, 2, second.stdout + second.stderr)
        XCTAssertTrue(second.stderr.contains("another deploy to production is running ("), second.stderr)
        XCTAssertTrue(second.stderr.contains(" since "), "says who holds it and since when: \(second.stderr)")
        let out = String(decoding: firstOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0, "the first deploy is not disturbed")
        XCTAssertEqual(source.releases.count, 1, out)
        XCTAssertEqual(source.log.count, 1)
    }

    func testAnUnknownTargetListsTheKnownOnes() throws {
        let host = try DeployHost.shared()
        let source = try Source(host: host, folder: try host.makeFolder("www-" + UUID().uuidString))
        let r = try source.deploy(["--target", "prod"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "error: unknown deploy target 'prod'; sitegen.yml defines: production, staging\n")
        let none = try CommandLineTests.execute(["deploy", "--source", source.root])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("several deploy targets (production, staging); name one with --target"), none.stderr)
    }

    func testAnUnreachableHostARefusedKeyAndAFolderTheAccountCannotWrite() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        let source = try Source(host: host, folder: folder)

        // Nothing listens on the port.
        let closed = host.directory + "/ssh_config_closed"
        let port = try DeployHost.freePort()
        try String(contentsOfFile: host.sshConfig, encoding: .utf8).replacingOccurrences(of: "Port \(host.sshPort)", with: "Port \(port)")
            .write(toFile: closed, atomically: true, encoding: .utf8)
        try source.writeTargets(rsync: "\(DeployHost.account)@127.0.0.1:\(folder)", sshConfig: closed)
        var r = try source.deploy(["--target", "production"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\nerror: cannot reach \(DeployHost.account)@127.0.0.1 (") && r.stderr.contains("Connection refused"), r.stderr)
        XCTAssertTrue(r.stderr.contains("the site the readers see is unchanged"), r.stderr)

        // A key the host does not know.
        try source.writeTargets(rsync: "\(DeployHost.account)@127.0.0.1:\(folder)", sshConfig: host.strangerConfig)
        r = try source.deploy(["--target", "production"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\nerror: \(DeployHost.account)@127.0.0.1 refused our ssh key ("), r.stderr)
        XCTAssertTrue(r.stderr.contains("authorized_keys"), "says what to do: \(r.stderr)")

        // A folder owned by root, where the publishing account may not write.
        let locked = host.directory + "/root-only-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        try source.writeTargets(rsync: "\(DeployHost.account)@127.0.0.1:\(locked)/guides", sshConfig: host.sshConfig)
        r = try source.deploy(["--target", "production"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\nerror: the host refuses to write in \(DeployHost.account)@127.0.0.1:\(locked)/guides"), r.stderr)
        XCTAssertTrue(r.stderr.contains("Permission denied"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: locked), [])
        XCTAssertEqual(source.releases, [], "nothing was deployed anywhere")
    }

    func testAFullDiskOnTheHostKeepsTheCurrentRelease() throws {
        let host = try DeployHost.shared()
        let mount = try host.makeFolder("tmpfs-" + UUID().uuidString)
        guard DeployHost.shell("mount -t tmpfs -o size=2m,mode=0755 tmpfs '\(mount)'").status == 0 else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("cannot mount a tmpfs as root") }
            throw XCTSkip("mounting a tmpfs needs root")
        }
        defer { DeployHost.shell("umount '\(mount)'") }
        DeployHost.shell("chown \(DeployHost.account) '\(mount)'")
        let source = try Source(host: host, folder: mount)
        XCTAssertEqual(try source.deploy(["--target", "production"]).status, 0, "the real site fits in 2 MB")
        let current = source.current
        try Data((0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) })
            .write(to: URL(fileURLWithPath: source.root + "/static/big.png"))
        let r = try source.deploy(["--target", "production"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\nerror: the disk of \(DeployHost.account)@127.0.0.1:\(mount) is full"), r.stderr)
        XCTAssertEqual(source.current, current)
        try FileManager.default.removeItem(atPath: source.root + "/static/big.png")
        let again = try source.deploy(["--target", "production"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("removed the unfinished upload"), again.stdout)
    }

    func testHostileFolderNamesAreFolderNamesOnTheHost() throws {
        let host = try DeployHost.shared()
        let marker = "pwned-" + UUID().uuidString
        let base = try host.makeFolder("hostile-" + UUID().uuidString)
        let absolute = base + "/we ird; touch /tmp/\(marker) 'q' \"d\" $(touch /tmp/\(marker)) `touch /tmp/\(marker)`"
        let relative = "-rf \(marker); touch /tmp/\(marker)"
        // The ssh configuration in a folder with a space: rsync's -e is split at spaces unless quoted.
        let spaced = base + "/ssh files/ssh config"
        try FileManager.default.createDirectory(atPath: base + "/ssh files", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: host.sshConfig, toPath: spaced)
        for (written, resolved) in [(absolute, absolute), (relative, DeployHost.home + "/" + relative)] {
            let source = try Source(host: host, folder: resolved, rsync: "\(DeployHost.account)@127.0.0.1:\(written)", sshConfig: spaced)
            let r = try source.deploy(["--target", "production"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertNotNil(source.current, "published in exactly \(resolved)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: resolved + "/current/kk/42500/apply/index.html"))
            XCTAssertEqual(try source.deploy(["--target", "production", "--list"]).status, 0)
            DeployHost.shell("rm -rf -- '\(DeployHost.home)/-rf \(marker); touch /tmp/\(marker)'")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/" + marker), "nothing in a folder name ran as a command")
    }

    func testABuildWithAnErrorUploadsNothing() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        let source = try Source(host: host, folder: folder)
        try source.change("Қараңыз: [сайт](https://egov-kz.com/)")
        let r = try source.deploy(["--target", "production"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("content/kk/42500/apply.md:35:10: error: ") && r.stderr.contains("egov-kz.com")
                      && r.stderr.contains("[link.lookalike]"), r.stderr)
        XCTAssertTrue(r.stdout.contains("nothing was uploaded: the build has errors"), r.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "the host was not even contacted")
    }
    func testAPlaceholderAddressIsRefusedByADeployThoughABuildOnlyWarns() throws {
        let host = try DeployHost.shared()
        let folder = try host.makeFolder("www-" + UUID().uuidString)
        let source = try Source(host: host, folder: folder)
        source.baseURL = "https://example.kz/"
        try source.writeTargets(rsync: "\(DeployHost.account)@127.0.0.1:\(folder)", sshConfig: host.sshConfig)
        let build = try CommandLineTests.execute(["build", "--source", source.root, "--lang", "en"])
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("warning:") && build.stderr.contains("[config.baseURL-placeholder]"), build.stderr)
        let r = try source.deploy()
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("error:") && r.stderr.contains("[config.baseURL-placeholder]"), r.stderr)
        XCTAssertTrue(r.stdout.contains("nothing was uploaded"), r.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/current"))
    }
}
