import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// `deploy:` in sitegen.yml, the release history, and a deploy to a folder on this machine (the
/// same host script and rsync as over ssh, without the network).
final class DeployConfigTests: XCTestCase {
    func config(_ deploy: String) -> (SiteConfig?, [Diagnostic]) {
        ConfigLoader.parse(Array((Fixture.defaultConfig + deploy).utf8), file: "sitegen.yml")
    }

    func testTargetsAreRead() throws {
        let (c, d) = config("""
            deploy:
              production:
                rsync: "publisher@example.kz:/var/www/guides"
                keep: 7
              local:
                rsync: "../www"
                ssh_config: "deploy/ssh config"
                bwlimit: 500

            """)
        assertNoErrors(d)
        let targets = try XCTUnwrap(c?.deployTargets)
        XCTAssertEqual(targets.map(\.name), ["production", "local"])
        XCTAssertEqual(targets[0].host, "publisher@example.kz")
        XCTAssertEqual(targets[0].path, "/var/www/guides")
        XCTAssertEqual(targets[0].keep, 7)
        XCTAssertNil(targets[1].host)
        XCTAssertEqual(targets[1].keep, 5, "five releases by default")
        XCTAssertEqual(targets[1].sshConfig, "deploy/ssh config")
        XCTAssertEqual(targets[1].bandwidthLimit, 500)
    }

    func testBadTargetsAreErrorsAtTheirPlace() {
        let cases: [(String, String)] = [
            ("rsync: \"-oProxyCommand=x:/var/www\"", "is not a login"),
            ("rsync: \"publisher@-oProxyCommand=x:/var/www\"", "is not a login"),
            ("rsync: \"example.kz::guides\"", "rsync daemon"),
            ("rsync: \"rsync://example.kz/guides\"", "rsync daemon"),
            ("rsync: \"RSYNC://dev/shm/x\"", "rsync daemon"),
            ("rsync: \"[::1]:/var/www\"", "has '[::1]' before the ':', which is not a login"),
            ("rsync: \"example.kz:\"", "names no folder"),
            ("rsync: \"~/guides\"", "starts with '~'"),
            ("rsync: \"example.kz:/a\\tb\"", "control character"),
            ("rsync: \"/www\"\n    keep: 1", "keep must be from 2 to 1000"),
            ("rsync: \"/www\"\n    ssh_config: \"it's\"", "without quotes"),
            ("rsync: \"/www\"\n    bwlimit: 0", "must be above 0"),
            ("rsync: \"/www\"\n    rsinc: x", "unknown key 'rsinc' in deploy.production (known: rsync, keep, ssh_config, bwlimit)"),
            ("keep: 3", "has no rsync: destination"),
        ]
        for (body, message) in cases {
            let (c, d) = config("deploy:\n  production:\n    " + body + "\n")
            XCTAssertNil(c, body)
            let found = d.first { $0.message.contains(message) }
            XCTAssertNotNil(found, "\(body): \(d.map(DiagnosticFormatter.line))")
            XCTAssertGreaterThan(found?.line ?? 0, Fixture.defaultConfig.split(separator: "\n").count, "at its line in sitegen.yml: \(body)")
        }
        let (c, d) = config("deploy:\n  \"a b\":\n    rsync: /www\n")
        XCTAssertNil(c)
        XCTAssertTrue(d.contains { $0.code == "config.deploy" && $0.message.contains("'a b'") }, "\(d)")
    }

    func testHistoryRollsBackToTheReleaseDeployedBeforeAndKeepsCurrentAndPrevious() {
        func line(_ action: String, _ id: String) -> DeployLogLine {
            DeployLogLine(time: "2026-01-01T00:00:00Z", action: action, release: id, pages: 1, bulletins: 2, who: "a b\tc")
        }
        func rollback(to id: String, from: String) -> DeployLogLine {
            DeployLogLine(time: "2026-01-01T00:00:00Z", action: "rollback", release: id, pages: 1, bulletins: 2, from: from, who: "a")
        }
        let a = String(repeating: "a", count: 16), b = String(repeating: "b", count: 16), c = String(repeating: "c", count: 16)
        var state = HostState(current: c, releases: [a, b, c], log: [line("deploy", a), line("deploy", b), line("deploy", c)])
        XCTAssertEqual(ReleaseHistory(state: state).previous(of: c), b)
        XCTAssertEqual(ReleaseHistory(state: state).surplus(keep: 2, current: c), [a])
        // After a rollback to b, the next rollback goes to a, and nothing needed for it is pruned; c,
        // rolled back from, counts last for keep.
        state.current = b
        state.log.append(line("rollback", b))
        XCTAssertEqual(ReleaseHistory(state: state).previous(of: b), a)
        XCTAssertEqual(ReleaseHistory(state: state).surplus(keep: 2, current: b), [c])
        XCTAssertEqual(ReleaseHistory(state: state).surplus(keep: 3, current: b), [])
        // A deploy after the rollback keeps b, live before it, and may remove c, rolled back from; a
        // rollback goes to b. Deployed again, c is good again.
        let d = String(repeating: "d", count: 16)
        state.current = d
        state.releases.append(d)
        state.log.append(line("deploy", d))
        XCTAssertEqual(ReleaseHistory(state: state).previous(of: d), b)
        XCTAssertEqual(ReleaseHistory(state: state).surplus(keep: 2, current: d), [a, c])
        state.log.append(line("deploy", c))
        state.current = c
        XCTAssertEqual(ReleaseHistory(state: state).previous(of: c), d)
        // A log that lost the current release's line (a dropped connection, a log emptied): the release
        // `current` points at is the one live now, and a rollback goes to the one the log names last.
        let lost = HostState(current: c, releases: [a, b, c], log: [line("deploy", a), line("deploy", b)])
        XCTAssertEqual(ReleaseHistory(state: lost).previous(of: c), b)
        XCTAssertEqual(ReleaseHistory(state: lost).surplus(keep: 2, current: c), [a])
        // Released rolled back from count last for keep: after a, b, c, a rollback to b and a deploy of
        // d, keep 3 keeps d, b and a, and removes c.
        let after = HostState(current: d, releases: [a, b, c, d],
                              log: [line("deploy", a), line("deploy", b), line("deploy", c), line("rollback", b), line("deploy", d)])
        XCTAssertEqual(ReleaseHistory(state: after).surplus(keep: 3, current: d), [c])
        // A rollback's line names the release it rolled back from: after a, b, c with c's line lost and a
        // rollback to b, the log's last deploy line is b's, and c is the one rolled back from. A deploy of d
        // then keeps b and may remove c; the next rollback goes to b, never back to c.
        var dropped = HostState(current: b, releases: [a, b, c],
                                log: [line("deploy", a), line("deploy", b), rollback(to: b, from: c)])
        XCTAssertEqual(ReleaseHistory(state: dropped).previous(of: b), a)
        dropped.current = d
        dropped.releases.append(d)
        dropped.log.append(line("deploy", d))
        XCTAssertEqual(ReleaseHistory(state: dropped).previous(of: d), b)
        XCTAssertEqual(ReleaseHistory(state: dropped).surplus(keep: 2, current: d), [a, c])
        // A line of an older sitegen, without `from=`, that names the release rolled back to before it
        // tells nothing of the release rolled back from: b is not taken for it.
        let older = HostState(current: d, releases: [a, b, c, d],
                              log: [line("deploy", a), line("deploy", b), line("rollback", b), line("deploy", d)])
        XCTAssertEqual(ReleaseHistory(state: older).previous(of: d), b)
        XCTAssertEqual(DeployLogLine(rollback(to: b, from: c).text), rollback(to: b, from: c))
        XCTAssertTrue(rollback(to: b, from: c).text.contains(" from=\(c) who="))
        // A line round-trips; who is one word.
        let text = line("deploy", a).text
        XCTAssertEqual(text, "2026-01-01T00:00:00Z deploy \(a) pages=1 bulletins=2 who=a_b_c")
        XCTAssertEqual(DeployLogLine(text), line("deploy", a))
        XCTAssertNil(DeployLogLine("2026 deploy ../../etc pages=1 bulletins=2 who=x"), "a log line naming a path is ignored")
        // The list prints what it reads: a terminal's escapes in the time or the action are no line of sitegen's.
        XCTAssertNil(DeployLogLine("\u{1B}]0;owned\u{7} deploy \(a) pages=1 bulletins=2 who=x"))
        XCTAssertNil(DeployLogLine("2026-01-01T00:00:00Z \u{1B}[2J \(a) pages=1 bulletins=2 who=x"))
        XCTAssertNil(DeployLogLine("2026-01-01T00:00:00Z rollback \(a) pages=1 bulletins=2 from=../x who=x"))
        XCTAssertEqual(DeployLogLine("2026-01-01T00:00:00Z deploy \(a) pages=1 bulletins=2 who=x\u{9B}2J")?.who, "x_2J")
    }

    func testTheHostScriptHasNoQuoteToBreakOutOf() {
        XCTAssertFalse(HostScript.text.contains("'"))
        XCTAssertTrue(HostScript.sshCommand.hasPrefix("sh -c '") && HostScript.sshCommand.hasSuffix("'"))
    }

    /// The whole cycle against a folder on this machine: deploy, same content, change, rollback, list.
    func testDeployToALocalFolder() throws {
        guard ChildProcess.find("rsync") != nil, ChildProcess.find("flock") != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("rsync is not installed") }
            throw XCTSkip("rsync is not installed")
        }
        let www = NSTemporaryDirectory() + "sitegen-www-" + UUID().uuidString + "/it's a \"folder\"; $(x)"
        defer { try? FileManager.default.removeItem(atPath: (www as NSString).deletingLastPathComponent) }
        // Published under the newsroom's own address: a deploy refuses the fixtures' placeholder.
        let config = Fixture.defaultConfig.replacingOccurrences(of: "https://example.kz/", with: "https://guides.newsroom.kz/")
        let f = try Fixture(config: config + "deploy:\n  here:\n    rsync: \(DeployIntegrationTests.Source.quoted(www))\n",
                            files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n", "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        var r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        let first = try FileManager.default.destinationOfSymbolicLink(atPath: www + "/current")
        XCTAssertEqual(try String(contentsOfFile: www + "/current/kk/a/index.html", encoding: .utf8).contains("Бірінші."), true)
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertTrue(r.stdout.contains("is already deployed"), r.stdout)
        try f.write("content/kk/a.md", "---\ntitle: A\n---\nЕкінші.\n")
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--dry-run"])
        XCTAssertTrue(r.stdout.contains("  changed  /kk/a/\n"), r.stdout)
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: www + "/current/kk/a/index.html", encoding: .utf8).contains("Екінші."))
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--rollback"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: www + "/current"), first)
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--list"])
        XCTAssertEqual(r.stdout.split(separator: "\n").filter { $0.hasPrefix("* ") }.count, 1, r.stdout)
        XCTAssertTrue(r.stdout.contains("* " + first.dropFirst("releases/".count)), r.stdout)
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--list", "--rollback"])
        XCTAssertEqual(r.status, 2, "one action at a time")
        // A release already on the host is checked before it goes live: the second release, damaged there
        // (a removal cut short), is made whole again when its content is deployed again.
        let second = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: www + "/releases").first { "releases/" + $0 != first })
        try FileManager.default.removeItem(atPath: www + "/releases/\(second)/kk")
        try "changed by hand".write(toFile: www + "/releases/\(second)/index.html", atomically: false, encoding: .utf8)
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("already on the host; checking it"), r.stdout)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: www + "/current"), "releases/" + second)
        XCTAssertTrue(try String(contentsOfFile: www + "/current/kk/a/index.html", encoding: .utf8).contains("Екінші."))
        XCTAssertFalse(try String(contentsOfFile: www + "/current/index.html", encoding: .utf8).contains("changed by hand"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: www + "/releases").filter { $0.hasPrefix(".") }, [])
        // A link planted inside a release (which an upload compared with it would follow) stops the deploy.
        try FileManager.default.createSymbolicLink(atPath: www + "/releases/\(second)/elsewhere", withDestinationPath: "/etc")
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 2, r.stdout)
        XCTAssertTrue(r.stderr.contains("releases/\(second)/elsewhere is a symbolic link inside a release"), r.stderr)
        try FileManager.default.removeItem(atPath: www + "/releases/\(second)/elsewhere")
        // A replace cut short between its two renames left the release set aside: the next deploy puts it
        // back where it was, before anything else, rather than removing it as an unfinished upload.
        try FileManager.default.moveItem(atPath: www + "/releases/\(second)", toPath: www + "/releases/.incoming-\(second).old")
        try FileManager.default.createDirectory(atPath: www + "/releases/.incoming-\(second)", withIntermediateDirectories: false)
        // (The upload's folder, as the host made and marked it before the upload.)
        try Data("sitegen output format 1\n".utf8).write(to: URL(fileURLWithPath: www + "/releases/.incoming-\(second)/.sitegen-output"))
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("is already deployed"), r.stdout)
        XCTAssertTrue(try String(contentsOfFile: www + "/current/kk/a/index.html", encoding: .utf8).contains("Екінші."))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: www + "/releases").filter { $0.hasPrefix(".") }, [])
        // What only looks like an unfinished upload is someone's, and stays: a folder not named by a release's
        // id, a link (to a folder kept read-only, which chmod -R would have opened), a file.
        let fm = FileManager.default
        let archive = www + "-archive"
        defer { try? fm.removeItem(atPath: archive) }
        try "old".write(toFile: archive + ".txt", atomically: false, encoding: .utf8)
        defer { try? fm.removeItem(atPath: archive + ".txt") }
        try fm.createDirectory(atPath: archive, withIntermediateDirectories: true)
        try "kept".write(toFile: archive + "/a.txt", atomically: false, encoding: .utf8)
        chmod(archive + "/a.txt", 0o444)
        chmod(archive, 0o555)
        defer { chmod(archive, 0o755) }
        try fm.createDirectory(atPath: www + "/releases/.incoming-notes", withIntermediateDirectories: true)
        try "draft".write(toFile: www + "/releases/.incoming-notes/draft.txt", atomically: false, encoding: .utf8)
        try fm.createSymbolicLink(atPath: www + "/releases/.incoming-0123456789abcdef", withDestinationPath: archive)
        try "mine".write(toFile: www + "/releases/.incoming-fedcba9876543210.old", atomically: false, encoding: .utf8)
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.contains("removed the unfinished upload"), r.stdout)
        XCTAssertEqual(try String(contentsOfFile: www + "/releases/.incoming-notes/draft.txt", encoding: .utf8), "draft")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: www + "/releases/.incoming-0123456789abcdef"), archive)
        XCTAssertEqual(try String(contentsOfFile: www + "/releases/.incoming-fedcba9876543210.old", encoding: .utf8), "mine")
        var info = stat()
        XCTAssertEqual(lstat(archive + "/a.txt", &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o444, "nothing behind the link was made writable")
        XCTAssertEqual(lstat(archive, &info), 0)
        XCTAssertEqual(info.st_mode & 0o777, 0o555)
    }

    /// A folder the site's own build reads or replaces is no deploy target: `site/prod` was removed whole
    /// by the next `build --force` (every release and the log with it), `static/pub` was published as
    /// files of the site, `.` wrote releases among the sources. Refused before anything is built, at the
    /// target's line, a link to one of them too.
    func testADeployIntoTheSitesOwnFoldersIsRefused() throws {
        for destination in ["site/prod", "static/pub", ".", "content", "./templates/x", "alias/pub", "inside/../new", "..",
                            "i18n/new/deeper"] {
            let f = try Fixture(config: Fixture.defaultConfig + "deploy:\n  here:\n    rsync: \"\(destination)\"\n",
                                files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін.\n"])
            try FileManager.default.createDirectory(atPath: f.root + "/static/sub", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: f.root + "/alias", withDestinationPath: f.root + "/static")
            // `inside/..` is the folder holding the link's target, `static/`, as the system reads it.
            try FileManager.default.createSymbolicLink(atPath: f.root + "/inside", withDestinationPath: f.root + "/static/sub")
            // i18n/ itself a link elsewhere: that place is what the build reads.
            let elsewhere = f.root + "-strings"
            try? FileManager.default.removeItem(atPath: elsewhere)
            try FileManager.default.moveItem(atPath: f.root + "/i18n", toPath: elsewhere)
            try FileManager.default.createSymbolicLink(atPath: f.root + "/i18n", withDestinationPath: elsewhere)
            defer { try? FileManager.default.removeItem(atPath: elsewhere) }
            let r = try CommandLineTests.execute(["deploy", "--source", f.root])
            XCTAssertEqual(r.status, 2, destination)
            let line = Fixture.defaultConfig.split(separator: "\n", omittingEmptySubsequences: false).count + 2
            XCTAssertTrue(r.stderr.contains("sitegen.yml:\(line):") && r.stderr.contains("[config.deploy]"), "\(destination): \(r.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: f.root + "/" + destination + "/releases"), destination)
        }
    }

    /// What someone put where `current` goes (a file, a link of theirs) is never replaced, and a leftover
    /// `.current.new` folder is named: the deploy stops with why, the thing stays, and once it is moved
    /// away the next deploy publishes.
    func testADeployNeverReplacesACurrentItDidNotMake() throws {
        let (www, config) = try Self.localTarget()
        defer { try? FileManager.default.removeItem(atPath: www) }
        let f = try Fixture(config: config + "deploy:\n  here:\n    rsync: \(DeployIntegrationTests.Source.quoted(www))\n",
                            files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n", "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        try FileManager.default.createDirectory(atPath: www, withIntermediateDirectories: true)
        /// A deploy with `put` standing in the target folder: refused with `says`, `put` left as it was.
        func refused(_ name: String, _ put: () throws -> Void, says: String, kept: () throws -> Bool) throws {
            try? FileManager.default.removeItem(atPath: www + "/" + name)
            try put()
            let r = try CommandLineTests.execute(["deploy", "--source", f.root])
            XCTAssertEqual(r.status, 2, r.stderr)
            XCTAssertTrue(r.stderr.contains(says), r.stderr)
            XCTAssertTrue(try kept(), name)
            try FileManager.default.removeItem(atPath: www + "/" + name)
        }
        let fm = FileManager.default
        try refused("current", { try "USER DATA".write(toFile: www + "/current", atomically: false, encoding: .utf8) },
                    says: "current is no link sitegen made: move it away",
                    kept: { try String(contentsOfFile: www + "/current", encoding: .utf8) == "USER DATA" })
        try refused("current", { try fm.createSymbolicLink(atPath: www + "/current", withDestinationPath: "/var/www/other") },
                    says: "so sitegen did not make it", kept: { try fm.destinationOfSymbolicLink(atPath: www + "/current") == "/var/www/other" })
        try refused(".current.new", { try fm.createDirectory(atPath: www + "/.current.new", withIntermediateDirectories: true) },
                    says: ".current.new is in the way", kept: { fm.fileExists(atPath: www + "/.current.new") })
        // A file of that name, or a link elsewhere than a release, is someone's too.
        try refused(".current.new", { try "USER DATA".write(toFile: www + "/.current.new", atomically: false, encoding: .utf8) },
                    says: ".current.new is in the way", kept: { try String(contentsOfFile: www + "/.current.new", encoding: .utf8) == "USER DATA" })
        try refused(".current.new", { try fm.createSymbolicLink(atPath: www + "/.current.new", withDestinationPath: "/var/www/other") },
                    says: ".current.new is in the way", kept: { try fm.destinationOfSymbolicLink(atPath: www + "/.current.new") == "/var/www/other" })
        // A link that only starts like one of sitegen's (`releases/../../x`) is not one.
        try refused("current", { try fm.createSymbolicLink(atPath: www + "/current", withDestinationPath: "releases/../../x") },
                    says: "so sitegen did not make it", kept: { try fm.destinationOfSymbolicLink(atPath: www + "/current") == "releases/../../x" })
        // A link in place of a file sitegen writes there is never written through.
        let victim = www + "-victim"
        defer { try? fm.removeItem(atPath: victim) }
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        try refused(".deploy.who", { try fm.createSymbolicLink(atPath: www + "/.deploy.who", withDestinationPath: victim) },
                    says: ".deploy.who is a symbolic link", kept: { try String(contentsOfFile: victim, encoding: .utf8) == "precious" })
        // Nor through a second name of another file (a backup made with hard links), nor into a pipe,
        // which would hold the deploy for ever after `current` had changed.
        for name in [".deploy.who", "deploy.log"] {
            try refused(name, { XCTAssertEqual(link(victim, www + "/" + name), 0) },
                        says: "\(name) is not a plain file of one name", kept: { try String(contentsOfFile: victim, encoding: .utf8) == "precious" })
        }
        for name in ["deploy.log", ".deploy.lock"] {
            try refused(name, { XCTAssertEqual(mkfifo(www + "/" + name, 0o644), 0) }, says: "\(name) is not a plain file of one name", kept: { true })
        }
        var r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try FileManager.default.destinationOfSymbolicLink(atPath: www + "/current").hasPrefix("releases/"))
        // A log whose last line has no line break gets one before the next line.
        let log = try String(contentsOfFile: www + "/deploy.log", encoding: .utf8)
        try String(log.dropLast()).write(toFile: www + "/deploy.log", atomically: false, encoding: .utf8)
        try f.write("content/kk/a.md", "---\ntitle: A\n---\nЕкінші.\n")
        r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try String(contentsOfFile: www + "/deploy.log", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines.allSatisfy { DeployLogLine(String($0)) != nil }, "\(lines)")
    }

    /// A target another account could change (a folder on its way writable by others, or owned by another
    /// account) is refused before anything is uploaded: that account could swap the upload's folder for a
    /// link, which rsync would follow, deleting what it leads to. The sticky bit (as on /tmp) keeps others
    /// to their own names, and is enough.
    func testADeployToAFolderAnotherAccountCanChangeIsRefused() throws {
        let (www, config) = try Self.localTarget()
        let parent = www + "-parent"
        let target = parent + "/www"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let f = try Fixture(config: config + "deploy:\n  here:\n    rsync: \(DeployIntegrationTests.Source.quoted(target))\n",
                            files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n", "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        try FileManager.default.createDirectory(atPath: target + "/releases", withIntermediateDirectories: true)
        for (folder, mode) in [(target + "/releases", 0o775), (target, 0o757), (parent, 0o777)] as [(String, mode_t)] {
            XCTAssertEqual(chmod(folder, mode), 0)
            let r = try CommandLineTests.execute(["deploy", "--source", f.root])
            XCTAssertEqual(r.status, 2, r.stdout)
            XCTAssertTrue(r.stderr.contains("\(folder) can be changed by another account than this one"), r.stderr)
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: target + "/releases"), [], "nothing uploaded")
            XCTAssertFalse(FileManager.default.fileExists(atPath: target + "/current"))
            XCTAssertEqual(chmod(folder, 0o755), 0)
        }
        // A folder of another account on the way (only root can give one away).
        if getuid() == 0 {
            XCTAssertEqual(chown(parent, 65534, 65534), 0)
            let r = try CommandLineTests.execute(["deploy", "--source", f.root])
            XCTAssertTrue(r.stderr.contains("\(parent) can be changed by another account than this one"), r.stderr)
            XCTAssertEqual(chown(parent, 0, 0), 0)
        }
        XCTAssertEqual(chmod(parent, 0o1777), 0)
        let r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: target + "/current/kk/a/index.html", encoding: .utf8).contains("Бірінші."))
    }

    /// A file put into a release by hand (a search engine's proof of ownership, through `current/`) is
    /// never taken away with the release: pruning keeps the release and says which file keeps it, and a
    /// deploy that would replace the release refuses. Once the file is moved out, the release goes.
    func testAReleaseHoldingAFileNoDeployUploadedIsNeverRemoved() throws {
        let (www, config) = try Self.localTarget()
        defer { try? FileManager.default.removeItem(atPath: www) }
        let f = try Fixture(config: config + "deploy:\n  here:\n    rsync: \(DeployIntegrationTests.Source.quoted(www))\n    keep: 2\n",
                            files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n", "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        let fm = FileManager.default
        func deploy(_ text: String) throws -> CommandLineTests.Run {
            try f.write("content/kk/a.md", "---\ntitle: A\n---\n\(text)\n")
            return try CommandLineTests.execute(["deploy", "--source", f.root])
        }
        func current() throws -> String { try fm.destinationOfSymbolicLink(atPath: www + "/current") }
        func releases() throws -> Set<String> { Set(try fm.contentsOfDirectory(atPath: www + "/releases").map { "releases/" + $0 }) }
        var r = try deploy("Бірінші.")
        XCTAssertEqual(r.status, 0, r.stderr)
        let first = try current()
        XCTAssertTrue(try String(contentsOfFile: www + "/" + first + "/.sitegen-files", encoding: .utf8).contains("kk/a/index.html\n"))
        try "google-site-verification: google1234.html".write(toFile: www + "/current/google1234.html", atomically: false, encoding: .utf8)
        XCTAssertEqual(try deploy("Екінші.").status, 0)
        let second = try current()
        r = try deploy("Үшінші.")
        XCTAssertEqual(r.status, 0, r.stderr)
        let third = try current()
        XCTAssertTrue(r.stdout.contains("kept release \(first.dropFirst("releases/".count)), beyond the 2 kept: it holds google1234.html"), r.stdout)
        XCTAssertEqual(try String(contentsOfFile: www + "/" + first + "/google1234.html", encoding: .utf8), "google-site-verification: google1234.html")
        XCTAssertEqual(try releases(), [first, second, third])
        // Going back and deploying the third again would replace it (uploaded again against itself): refused while it
        // holds a file of someone's.
        r = try CommandLineTests.execute(["deploy", "--source", f.root, "--rollback"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try current(), second)
        try fm.createDirectory(atPath: www + "/" + third + "/.well-known", withIntermediateDirectories: false)
        try "proof".write(toFile: www + "/" + third + "/.well-known/proof.txt", atomically: false, encoding: .utf8)
        r = try deploy("Үшінші.")
        XCTAssertEqual(r.status, 2, r.stdout)
        XCTAssertTrue(r.stderr.contains("\(third) holds .well-known, which sitegen did not upload"), r.stderr)
        XCTAssertEqual(try String(contentsOfFile: www + "/" + third + "/.well-known/proof.txt", encoding: .utf8), "proof")
        XCTAssertEqual(try current(), second)
        // Moved out, the files hold their releases no longer.
        try fm.removeItem(atPath: www + "/" + third + "/.well-known")
        try fm.removeItem(atPath: www + "/" + first + "/google1234.html")
        r = try deploy("Үшінші.")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try current(), third)
        XCTAssertFalse(try releases().contains(first), r.stdout)
    }

    /// The host names the target's folder with its links resolved, and the upload goes there: a link on
    /// the way as written, which another account might point elsewhere between the lock and the upload,
    /// is followed once, when the lock is taken.
    func testTheUploadGoesToTheFolderTheHostFoundNotThroughALinkAgain() throws {
        let (www, config) = try Self.localTarget()
        let real = www + "-real"
        defer { for p in [www, real, www + "-link"] { try? FileManager.default.removeItem(atPath: p) } }
        try FileManager.default.createDirectory(atPath: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: www + "-link", withDestinationPath: real)
        let lines = try Self.hostScript("lock\n\(www)-link\nme\n")
        let resolved = URL(fileURLWithPath: real).resolvingSymlinksInPath().path
        XCTAssertTrue(lines.contains("place \(resolved)"), "\(lines)")
        // And a deploy through the link publishes into the folder it leads to.
        let f = try Fixture(config: config + "deploy:\n  here:\n    rsync: \(DeployIntegrationTests.Source.quoted(www + "-link"))\n",
                            files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n", "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        let r = try CommandLineTests.execute(["deploy", "--source", f.root])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: real + "/current/kk/a/index.html", encoding: .utf8).contains("Бірінші."))
    }

    /// The host script takes a release away only when every entry in it, folders and names with a line
    /// break included, is on the list uploaded with it; it says why it keeps one.
    func testTheHostRemovesOnlyAReleaseThatHoldsNothingButItsList() throws {
        let fm = FileManager.default
        let www = NSTemporaryDirectory() + "sitegen-www-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: www) }
        /// A release of `files` (a name ending in `/` is a folder) with `list` as its list (nil: none).
        func release(_ id: String, _ files: [String], list: [String]?) throws {
            let root = www + "/releases/" + id
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
            for file in files + [".sitegen-output"] {
                if file.hasSuffix("/") {
                    try fm.createDirectory(atPath: root + "/" + file, withIntermediateDirectories: true)
                } else {
                    try fm.createDirectory(atPath: (root + "/" + file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/" + file))
                }
            }
            if let list { try Data(list.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: root + "/.sitegen-files")) }
        }
        let ids = (1...4).map { String(repeating: "0", count: 15) + "\($0)" }
        try release(ids[0], ["index.html", "kk/index.html"], list: ["index.html", "kk", "kk/index.html"])
        try release(ids[1], ["index.html", ".well-known/acme/"], list: ["index.html"])
        try release(ids[2], ["index.html", "kk/index.html", "index.html\nkk"], list: ["index.html", "kk", "kk/index.html"])
        try release(ids[3], ["index.html"], list: nil)
        let lines = try Self.hostScript("lock\n\(www)\nme\n" + ids.map { "remove\n\($0)\n" }.joined())
        let answers = Array(lines.drop { $0 != "end" }.dropFirst())
        XCTAssertEqual(answers, ["ok", "held file .well-known", "held file index.html?kk", "held unlisted"], "\(lines)")
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: www + "/releases").sorted(), Array(ids.dropFirst()))
    }

    /// An empty folder made by hand keeps its release as a file does, and a release without its list
    /// (uploaded by an older sitegen, or the list removed) is kept too, with a word for each.
    func testAnEmptyFolderOrAMissingListKeepsAReleaseToo() throws {
        let (www, config) = try Self.localTarget()
        defer { try? FileManager.default.removeItem(atPath: www) }
        let f = try Fixture(config: config + "deploy:\n  here:\n    rsync: \(DeployIntegrationTests.Source.quoted(www))\n    keep: 2\n",
                            files: ["content/kk/a.md": "---\ntitle: A\n---\nБірінші.\n", "content/ru/a.md": "---\ntitle: A\n---\nПервый.\n"])
        let fm = FileManager.default
        var made: [String] = []
        for text in ["Бірінші.", "Екінші.", "Үшінші.", "Төртінші."] {
            try f.write("content/kk/a.md", "---\ntitle: A\n---\n\(text)\n")
            let r = try CommandLineTests.execute(["deploy", "--source", f.root])
            XCTAssertEqual(r.status, 0, r.stderr)
            made.append(try fm.destinationOfSymbolicLink(atPath: www + "/current"))
            switch made.count {
            case 1: try fm.createDirectory(atPath: www + "/" + made[0] + "/.well-known/acme-challenge", withIntermediateDirectories: true)
            case 2: try fm.removeItem(atPath: www + "/" + made[1] + "/.sitegen-files")
            case 3: XCTAssertTrue(r.stdout.contains("it holds .well-known, which sitegen did not upload"), r.stdout)
            default: XCTAssertTrue(r.stdout.contains("kept release \(made[1].dropFirst("releases/".count)), beyond the 2 kept: it was uploaded with no list of its files"), r.stdout)
            }
        }
        XCTAssertTrue(fm.fileExists(atPath: www + "/" + made[0] + "/.well-known/acme-challenge"))
        XCTAssertTrue(fm.fileExists(atPath: www + "/" + made[1] + "/kk/a/index.html"))
    }

    /// The host script run on this machine with `input`, as a deploy runs it: the lines it answers.
    static func hostScript(_ input: String) throws -> [Substring] {
        let host = Process()
        host.executableURL = URL(fileURLWithPath: "/bin/sh")
        host.arguments = ["-c", HostScript.text]
        let stdin = Pipe(), stdout = Pipe()
        host.standardInput = stdin
        host.standardOutput = stdout
        try host.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        host.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n")
    }

    /// A folder on this machine to deploy to (not made yet) and the fixtures' config published under the
    /// newsroom's own address (a deploy refuses the placeholder); skipped without rsync and flock.
    static func localTarget() throws -> (www: String, config: String) {
        guard ChildProcess.find("rsync") != nil, ChildProcess.find("flock") != nil else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("rsync is not installed") }
            throw XCTSkip("rsync is not installed")
        }
        return (NSTemporaryDirectory() + "sitegen-www-" + UUID().uuidString,
                Fixture.defaultConfig.replacingOccurrences(of: "https://example.kz/", with: "https://guides.newsroom.kz/"))
    }

    /// rsync splits its `-e` command itself: run with a stand-in for ssh that writes down its arguments,
    /// the ssh config's path reaches it as one argument whatever the source folder's name holds (a
    /// quote and spaces that once ended the path's word and gave ssh a `-oProxyCommand` of their own).
    func testTheSshConfigPathReachesSshAsOneArgumentThroughRsync() throws {
        guard let rsync = ChildProcess.find("rsync") else { throw XCTSkip("rsync is not installed") }
        let base = NSTemporaryDirectory() + "sitegen-rsync-e-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: base) }
        let source = base + "/q' '-oProxyCommand=touch${IFS}" + base + "/pwned' '\"x\" ''/proj"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: true)
        let fake = base + "/fake ssh"
        let written = base + "/arguments"
        try "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '\(written)'\nexit 1\n".write(toFile: fake, atomically: true, encoding: .utf8)
        XCTAssertEqual(chmod(fake, 0o755), 0)
        var target = DeployTarget(name: "production", host: "publisher@example.kz", path: "www")
        target.sshConfig = "ssh config"
        let access = HostAccess(target: target, sourceDirectory: source)
        let shell = access.rsyncShell
        XCTAssertTrue(shell.hasPrefix("'ssh' "), shell)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: rsync)
        process.arguments = ["-e", HostAccess.rsyncQuoted(fake) + shell.dropFirst("'ssh'".count), source + "/", access.rsyncPath("x")]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let arguments = try String(contentsOfFile: written, encoding: .utf8).split(separator: "\n").map(String.init)
        let f = try XCTUnwrap(arguments.firstIndex(of: "-F"), "\(arguments)")
        XCTAssertEqual(arguments[f + 1], source + "/ssh config")
        XCTAssertFalse(arguments.contains { $0.hasPrefix("-oProxyCommand") }, "\(arguments)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: base + "/pwned"))
    }
}
