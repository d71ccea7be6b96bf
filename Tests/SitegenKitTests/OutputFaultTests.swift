import Foundation
import XCTest

@testable import SitegenKit

/// A build that is killed, or that cannot write, leaves the last good site as it was, and the next
/// build cleans up after it. These run the `sitegen` executable, as a user does.
final class OutputFaultTests: XCTestCase {
    /// A site large enough that a debug build takes a while to write.
    private func largeSite() throws -> Fixture {
        var files: [String: String] = [:]
        for i in 0..<160 {
            let body = String(repeating: "Өтінімді [egov.kz](https://egov.kz/) порталы арқылы беріңіз. ", count: 20)
            files["content/kk/s\(i % 7)/p\(i).md"] = "---\ntitle: \"Бет \(i)\"\n---\n\(body)\n\n1. Бірінші\n2. Екінші\n"
        }
        return try Fixture(files: files)
    }

    private func stagingFolders(_ f: Fixture) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: f.root)) ?? []).filter { $0.hasPrefix(".site.tmp-") }
    }

    func testABuildKilledWhileWritingLeavesThePreviousSiteAndTheNextBuildCleansUp() throws {
        guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
        let f = try largeSite()
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        try f.write("content/kk/new.md", "---\ntitle: New\n---\n")

        let process = Process()
        process.executableURL = executable
        process.arguments = ["build", "--source", f.root]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once it is writing its staging folder, before it can publish.
        let deadline = Date().addingTimeInterval(20)
        while stagingFolders(f).isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the build was killed before it finished")
        XCTAssertEqual(f.snapshot(), before, "the last good site is untouched")
        XCTAssertEqual(stagingFolders(f).count, 1, "the killed build left its staging folder")

        let rebuilt = try CommandLineTests.execute(["build", "--source", f.root])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertEqual(stagingFolders(f), [], "the next build removed the leftovers")
        XCTAssertNotNil(f.output("kk/new/index.html"))
        XCTAssertEqual(OutputFolder.markerFormat(in: f.siteDirectory), OutputFolder.formatVersion)
    }

    func testAFullDiskIsAClearErrorAndThePreviousSiteStays() throws {
        guard let executable = CommandLineTests.executable else { throw XCTSkip("sitegen executable not built") }
        let f = try largeSite()
        assertNoErrors(f.build().diagnostics)
        let before = f.snapshot()
        try f.write("content/kk/new.md", "---\ntitle: New\n---\n")
        // A file-size limit below the size of the search index: a write fails as on a full disk.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "ulimit -f 16 && exec \"$0\" build --source \"$1\"", executable.path, f.root]
        let err = Pipe()
        shell.standardError = err
        try shell.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 2, stderr)
        XCTAssertTrue(stderr.contains("error: cannot write") && stderr.contains("[output.io]"), stderr)
        XCTAssertEqual(f.snapshot(), before, "the last good site is untouched")
        XCTAssertEqual(stagingFolders(f), [], "the failed build removed its staging folder")
    }

    /// The status of a shell command, its errors dropped.
    private static func sh(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardError = FileHandle.nullDevice
        try? p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    /// Someone's folder mounted inside the output (a bind mount: the same file system) is never entered
    /// to remove what it holds: not by a build that refuses the folder, not by `--force`, which sets the
    /// old site aside with it, not over a page's folder whose file has a name the build wrote. Needs root.
    func testAFolderMountedInsideTheOutputKeepsWhatItHolds() throws {
        let f = try Fixture.payPages()
        XCTAssertTrue(f.build().published)
        let user = f.root + "/userdata"
        try f.write("userdata/photos/a.jpg", "a")
        try f.write("userdata/photos/b.jpg", "b")
        try f.write("userdata/page/index.html", "mine")
        try FileManager.default.createDirectory(atPath: f.siteDirectory + "/media", withIntermediateDirectories: true)
        // Over a page's folder first: its one file has the name of the page the build wrote there.
        let mounts = [(user + "/page", f.siteDirectory + "/kk/pay"), (user + "/photos", f.siteDirectory + "/media")]
        guard getuid() == 0, Self.sh("mount --bind '\(mounts[0].0)' '\(mounts[0].1)'") == 0 else {
            throw XCTSkip("a bind mount needs root")
        }
        var mounted = [mounts[0].1]
        defer { for point in mounted.reversed() { _ = Self.sh("umount '\(point)'") } }
        func userFiles() -> [String: String] {
            var files: [String: String] = [:]
            for path in ["photos/a.jpg", "photos/b.jpg", "page/index.html"] { files[path] = try? String(contentsOfFile: user + "/" + path, encoding: .utf8) }
            return files
        }
        let before = userFiles()
        XCTAssertEqual(before.count, 3)
        try f.append("content/kk/pay.md", "Толығырақ.\n")
        for _ in mounts {
            let refused = f.build()
            XCTAssertFalse(refused.published, "\(refused.diagnostics)")
            // The page's folder is named as a mount (the photos, as files no build wrote).
            XCTAssertTrue(refused.diagnostics.contains { $0.code == "output.folder" && $0.severity == .error
                && (mounted.count == 2 || ($0.messageID == "output.folder.mounted-inside" && $0.arguments["path"] == "kk/pay")) },
                          "\(refused.diagnostics)")
            XCTAssertEqual(userFiles(), before)
            if mounted.count == 1 {
                XCTAssertEqual(Self.sh("mount --bind '\(mounts[1].0)' '\(mounts[1].1)'"), 0)
                mounted.append(mounts[1].1)
            }
        }
        let forced = f.build(force: true)
        XCTAssertTrue(forced.published, "\(forced.diagnostics)")
        XCTAssertEqual(userFiles(), before, "nothing of a mounted folder is removed")
        // The site swapped out went aside with the mounts in it; they are taken down from there.
        let aside = f.siteDirectory + ".kept-1"
        XCTAssertEqual(forced.diagnostics.filter { $0.messageID == "output.folder.kept" }.map { $0.arguments["kept"] }, [aside])
        mounted = [aside + "/kk/pay", aside + "/media"]
        XCTAssertEqual(try String(contentsOfFile: aside + "/kk/pay/index.html", encoding: .utf8), "mine")
    }

    /// A real small file system: full, then read-only. Needs root (CI runs as root); skipped elsewhere.
    func testAFullAndAReadOnlyFileSystemAreClearErrorsAndThePreviousSiteStays() throws {
        let mountPoint = NSTemporaryDirectory() + "sitegen-tmpfs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: mountPoint) }
        let sh = Self.sh
        guard getuid() == 0, sh("mount -t tmpfs -o size=1m tmpfs '\(mountPoint)'") == 0 else {
            throw XCTSkip("mounting a tmpfs needs root")
        }
        defer { _ = sh("umount '\(mountPoint)'") }
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\nМәтін\n"])
        let out = mountPoint + "/site"
        func build() -> BuildReport { SiteBuilder(options: BuildOptions(sourceDirectory: f.root, outputDirectory: out)).run() }
        assertNoErrors(build().diagnostics)
        let before = try FileManager.default.subpathsOfDirectory(atPath: out).sorted()

        // Full: a static file larger than the disk.
        try f.writeBytes("static/big.png", [UInt8](repeating: 0x2A, count: 2 << 20))
        var report = build()
        XCTAssertTrue(report.setupFailed, "an output that cannot be written is exit status 2")
        let full = report.diagnostics.first { $0.code == "output.io" }?.message ?? ""
        XCTAssertTrue(full.contains("No space left on device"), full)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: out).sorted(), before)

        // Full again, as the pages and their bulletins are written (not with the static files).
        try f.remove("static/big.png")
        try f.write("content/kk/a.md", "---\ntitle: A\n---\n" + String(repeating: "Мәтін мәтін мәтін.\n\n", count: 40_000))
        report = build()
        XCTAssertTrue(report.setupFailed, "a page that cannot be written is exit status 2 too: \(report.diagnostics.filter { $0.severity == .error }.map(\.message))")
        XCTAssertTrue(report.diagnostics.contains { $0.code == "output.io" })
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: out).sorted(), before)
        XCTAssertEqual((try FileManager.default.contentsOfDirectory(atPath: mountPoint)).filter { $0.contains(".tmp-") }, [],
                       "the failed build removed its staging folder")

        // Read-only, with a change to write (an unchanged site would be up to date and write nothing).
        try f.write("content/kk/a.md", "---\ntitle: A\n---\nМәтін өзгерді\n")
        XCTAssertEqual(sh("mount -o remount,ro '\(mountPoint)'"), 0)
        report = build()
        XCTAssertTrue(report.setupFailed)
        let readOnly = report.diagnostics.first { $0.code == "output.io" }?.message ?? ""
        XCTAssertTrue(readOnly.contains("Read-only file system"), readOnly)
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: out).sorted(), before)
    }
}
