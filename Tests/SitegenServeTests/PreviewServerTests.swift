import Foundation
@testable import SitegenKit
import XCTest
@testable import SitegenCore
@testable import SitegenPolicy
@testable import SitegenServe

/// `sitegen serve` on an ephemeral loopback port over a copy of the real site: what an editor's
/// browser gets, what a hostile request gets, and what happens when a file is saved.
final class PreviewServerTests: XCTestCase {
    var site = ""
    var service: PreviewService!
    var port: UInt16 = 0
    let logged = LogLines()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    override func setUp() async throws {
        site = NSTemporaryDirectory() + "sitegen-serve-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        for item in ["content", "templates", "static", "i18n", "sitegen.yml"] {
            try FileManager.default.copyItem(atPath: Self.repository + "/" + item, toPath: site + "/" + item)
        }
        try await startService()
    }

    func startService(extra: (String) throws -> Void = { _ in }) async throws {
        try extra(site)
        var options = PreviewService.Options(source: site)
        options.port = 0
        let logged = self.logged
        service = try PreviewService(options, log: { logged.add($0) }, show: { _ in })
        let started = try await service.start()
        XCTAssertTrue(started.report.published, "\(started.report.diagnostics)")
        port = started.port
    }

    override func tearDown() async throws {
        await service?.stop()
        try? FileManager.default.removeItem(atPath: site)
    }

    func get(_ target: String, _ method: String = "GET", headers: [String: String] = [:], host: String? = nil,
             body: String = "") throws -> RawHTTP.Response {
        try RawHTTP.request(port: port, method, target, headers: headers, host: host, body: body)
    }

    func edit(_ file: String, _ change: (String) -> String) throws {
        let path = site + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: false, encoding: .utf8)
    }

    // MARK: Pages and headers

    func testPagesAreServedWithThePublishedSitesHeaders() throws {
        let page = try get("/kk/")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(page.headers["content-security-policy"], ServingRules.contentSecurityPolicy)
        XCTAssertEqual(page.headers["x-content-type-options"], "nosniff")
        XCTAssertEqual(page.headers["cache-control"], "no-cache")
        XCTAssertNotNil(page.headers["etag"])
        XCTAssertTrue(page.text.contains("<html lang=\"kk\""))
        XCTAssertNotNil(page.text.firstMatch(of: /<script src="\/_sitegen\/live.js" defer data-version="\d+"><\/script><\/head>/),
                        "the live script goes in, as a file, naming the version of what is served")
        // The published site never gets it.
        let published = try String(contentsOfFile: service.workFolder + "/site/kk/index.html", encoding: .utf8)
        XCTAssertFalse(published.contains("_sitegen"))

        let stylesheet = try XCTUnwrap(page.text.range(of: "href=\"(/style\\.[0-9a-f]+\\.css)\"", options: .regularExpression))
        let css = try get(String(page.text[stylesheet].dropFirst(6).dropLast()))
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.headers["content-type"], "text/css; charset=utf-8")

        let script = try get("/_sitegen/live.js")
        XCTAssertEqual(script.headers["content-type"], "text/javascript; charset=utf-8")
        XCTAssertTrue(script.text.contains("EventSource"))
    }

    func testHeadHasTheHeadersOfGetAndNoBody() throws {
        let full = try get("/ru/")
        let head = try get("/ru/", "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.headers["content-length"], String(full.body.count))
        XCTAssertEqual(head.headers["etag"], full.headers["etag"])
        XCTAssertEqual(head.headers["content-type"], full.headers["content-type"])
        XCTAssertTrue(head.body.isEmpty)
    }

    func testAMatchingETagGivesNotModified() throws {
        let first = try get("/ru/")
        let etag = try XCTUnwrap(first.headers["etag"])
        for value in [etag, "W/" + etag, "\"other\", " + etag, "*"] {
            let again = try get("/ru/", headers: ["If-None-Match": value])
            XCTAssertEqual(again.status, 304, value)
            XCTAssertTrue(again.body.isEmpty)
            XCTAssertEqual(again.headers["etag"], etag)
        }
        XCTAssertEqual(try get("/ru/", headers: ["If-None-Match": "\"other\""]).status, 200)
    }

    func testAFolderWithoutItsSlashIsRedirected() throws {
        let r = try get("/kk")
        XCTAssertEqual(r.status, 301)
        XCTAssertEqual(r.headers["location"], "/kk/")
    }

    func testAMissingPageGetsTheNotFoundPageOfItsLanguage() throws {
        let ru = try get("/ru/no-such-page/")
        XCTAssertEqual(ru.status, 404)
        XCTAssertTrue(ru.text.contains("<html lang=\"ru\""))
        let kk = try get("/kk/no/such/")
        XCTAssertEqual(kk.status, 404)
        XCTAssertTrue(kk.text.contains("<html lang=\"kk\""))
    }

    // MARK: Hostile requests

    func testEveryTraversalAttemptIsRefused() throws {
        // A link out of the output folder, planted where the build writes.
        let root = service.workFolder + "/site"
        try FileManager.default.createSymbolicLink(atPath: root + "/kk/out", withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: root + "/kk/config.txt", withDestinationPath: site + "/sitegen.yml")
        // A file just outside the served folder, where a path that climbs one level would land.
        try "SECRET-OUTSIDE".write(toFile: service.workFolder + "/secret.txt", atomically: false, encoding: .utf8)
        let attempts = [
            "/../secret.txt", "/kk/../../secret.txt", "/%2e%2e/secret.txt", "/kk%2f..%2f..%2fsecret.txt",
            "/../sitegen.yml", "/kk/../../sitegen.yml", "/%2e%2e/sitegen.yml", "/%2E%2E/%2e%2e/etc/passwd",
            "/kk/%2e%2e/%2e%2e/sitegen.yml", "/.%2e/sitegen.yml", "/kk%2f..%2f..%2fsitegen.yml", "/kk%2F..%2Fsitegen.yml",
            "/kk%5c..%5c..%5csitegen.yml", "/kk\\..\\..\\sitegen.yml", "/kk/%00", "/kk/index.html%00.css",
            "//etc/passwd", "/kk//index.html", "/kk/.", "/kk/..", "/%2e/kk/", "/kk/out/passwd", "/kk/out/",
            "/kk/config.txt", "/.sitegen-output", "/_host/nginx.conf", "/_headers", "/kk/%zz", "/kk/%c0%ae%c0%ae/",
            "/kk/%ff", "http://127.0.0.1/../sitegen.yml", "*",
        ]
        for target in attempts {
            let r = try get(target)
            XCTAssertTrue([400, 404].contains(r.status), "\(target) → \(r.status)")
            XCTAssertFalse(r.text.contains("root:x:0"), target)
            XCTAssertFalse(r.text.contains("baseURL"), target)
            XCTAssertFalse(r.text.contains("SECRET-OUTSIDE"), target)
        }
    }

    func testOnlyGetAndHeadWithoutABody() throws {
        XCTAssertEqual(try get("/kk/", "POST").status, 405)
        XCTAssertEqual(try get("/kk/", "DELETE").status, 405)
        XCTAssertEqual(try get("/kk/", "GET", headers: ["Content-Length": "5"], body: "hello").status, 413)
    }

    func testARequestMustNameThisServer() throws {
        // A page on another site that rebinds its own name to 127.0.0.1 cannot read the preview.
        XCTAssertEqual(try get("/kk/", host: "attacker.example").status, 400)
        XCTAssertEqual(try get("/kk/", host: "attacker.example:\(port)").status, 400)
        XCTAssertEqual(try get("/kk/", host: "localhost:\(port)").status, 200)
        XCTAssertEqual(try get("/kk/", host: "127.0.0.1").status, 200)
    }

    /// Bound to every address, any IP literal names the server; a digit with a combining mark
    /// (`0\u{301}`, one character between `0` and `9` in Swift's order) is none, and no crash.
    func testAnIPLiteralAsTheHostIsReadAsBytes() {
        let server = PreviewServer(session: service.session, events: service.events, host: "0.0.0.0", port: 0)
        XCTAssertTrue(server.hostAllowed("192.168.1.20:1313"))
        XCTAssertTrue(server.hostAllowed("10.0.0.1"))
        for host in ["0\u{301}.0.0.0", "1\u{301}.2.3.4:1313", "1.2.3.4\u{308}", "256.1.1.1", "01.1.1.1", "1.2.3", "१.२.३.४", "attacker.example"] {
            XCTAssertFalse(server.hostAllowed(host), host)
        }
    }

    func testOversizedRequestsAreRefused() throws {
        XCTAssertEqual(try get("/kk/" + String(repeating: "a", count: 9000)).status, 414)
        let big = Dictionary(uniqueKeysWithValues: (0..<40).map { ("X-Filler-\($0)", String(repeating: "b", count: 500)) })
        XCTAssertEqual(try get("/kk/", headers: big).status, 431)
    }

    func testOpenEventStreamsAreBounded() throws {
        var streams: [EventStream] = []
        for _ in 0..<service.events.maximumStreams { streams.append(try EventStream(port: port)) }
        // Each is registered once its response started.
        let deadline = Date().addingTimeInterval(5)
        while service.events.openStreams < streams.count && Date() < deadline { usleep(20_000) }
        XCTAssertEqual(try get("/_sitegen/events").status, 503)
        streams.removeAll()
    }

    func testIdleConnectionsAreBounded() throws {
        let bound = try XCTUnwrap(service.server?.http?.maximumConnections)
        var idle: [Int32] = []
        defer { idle.forEach { close($0) } }
        for _ in 0..<(bound + 40) { idle.append(try RawHTTP.connect(port: port)) }
        let deadline = Date().addingTimeInterval(5)
        func stillOpen() -> Int {
            idle.filter { fd in
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                return poll(&p, 1, 0) == 0
            }.count
        }
        while stillOpen() > bound && Date() < deadline { usleep(50_000) }
        XCTAssertLessThanOrEqual(stillOpen(), bound)
        // The editor's own request still gets its page.
        XCTAssertEqual(try get("/kk/").status, 200)
    }

    // MARK: Editing

    func testASavedEditIsServedAndTheTabIsToldToReload() throws {
        let events = try EventStream(port: port)
        try edit("content/ru/42500/apply.md") { $0 + "\nСлово-маркер правки.\n" }
        let data = try XCTUnwrap(events.next("reload"), "no reload event: \(logged.lines)")
        XCTAssertTrue(data.contains("\"/ru/42500/apply/\""), data)
        XCTAssertTrue(try get("/ru/42500/apply/").text.contains("Слово-маркер правки."))
    }

    /// A tab that was served a page before an edit, but whose event stream opened only after the
    /// rebuild (it was told of nothing), learns of it from the version its page names.
    func testAPageNamesTheVersionOfWhatIsServedSoALateTabReloads() throws {
        func version(_ text: String) throws -> Int {
            try XCTUnwrap(text.firstMatch(of: /data-version="(\d+)"/).flatMap { Int($0.1) }, "the page names its version")
        }
        func content() throws -> Int {
            let json = try JSONSerialization.jsonObject(with: Data(try get("/_sitegen/diagnostics.json").body)) as? [String: Any]
            return try XCTUnwrap(json?["content"] as? Int, "diagnostics.json gives the version of what is served")
        }
        let old = try version(try get("/ru/42500/apply/").text)
        XCTAssertEqual(try content(), old, "nothing changed: a tab has nothing to reload")
        let events = try EventStream(port: port)
        try edit("content/ru/42500/apply.md") { $0 + "\nСлово для опоздавшей вкладки.\n" }
        XCTAssertNotNil(events.next("reload"), "\(logged.lines)")
        XCTAssertGreaterThan(try content(), old, "a tab served before the edit sees it is older")
        let page = try get("/ru/42500/apply/").text
        XCTAssertTrue(page.contains("Слово для опоздавшей вкладки."))
        XCTAssertGreaterThan(try version(page), old)
        XCTAssertLessThanOrEqual(try version(page), try content(), "a page never names a version newer than what it holds")
    }

    func testAPageRebuiltAtOnceIsTheFullBuildsPage() throws {
        let events = try EventStream(port: port)
        try edit("content/kk/42500/apply.md") { $0 + "\nТексерілетін сөз.\n" }
        XCTAssertNotNil(events.next("reload"), "\(logged.lines)")
        let fromMemory = try get("/kk/42500/apply/").body
        // The full build after it writes the same page to the disk.
        let file = service.workFolder + "/site/kk/42500/apply/index.html"
        let deadline = Date().addingTimeInterval(20)
        func onDisk() -> [UInt8] { FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? [] }
        while !String(decoding: onDisk(), as: UTF8.self).contains("Тексерілетін сөз.") && Date() < deadline { usleep(50_000) }
        // The same bytes but for the version of the served files the live script names.
        let served = String(decoding: fromMemory, as: UTF8.self)
        let version = try XCTUnwrap(served.firstMatch(of: /data-version="(\d+)"/).flatMap { Int($0.1) })
        XCTAssertEqual(served, String(decoding: LiveAssets.withLiveScript(onDisk(), version: version), as: UTF8.self))
    }

    func testABrokenEditShowsTheOverlayOverTheLastGoodPage() throws {
        let events = try EventStream(port: port)
        let before = try get("/ru/42500/apply/").text
        try edit("content/ru/42500/apply.md") { $0 + "\nПодробнее: https://egov-kz.com/apply\n" }
        XCTAssertNotNil(events.next("diagnostics"), "no diagnostics event: \(logged.lines)")
        let report = try get("/_sitegen/diagnostics.json")
        XCTAssertEqual(report.headers["content-type"], "application/json; charset=utf-8")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.body)) as? [String: Any])
        let list = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
        let error = try XCTUnwrap(list.first { $0["code"] as? String == "link.lookalike" }, "\(list)")
        XCTAssertEqual(error["file"] as? String, "content/ru/42500/apply.md")
        XCTAssertEqual(error["column"] as? Int, 12)
        XCTAssertEqual(error["source"] as? String, "Подробнее: https://egov-kz.com/apply")
        XCTAssertNotNil(error["line"] as? Int)
        // The last good page is still served, whole.
        let now = try get("/ru/42500/apply/")
        XCTAssertEqual(now.status, 200)
        XCTAssertEqual(now.text, before)
        XCTAssertFalse(now.text.contains("egov-kz"))

        // Fixed: the overlay goes.
        try edit("content/ru/42500/apply.md") { $0.replacingOccurrences(of: "\nПодробнее: https://egov-kz.com/apply\n", with: "\n") }
        XCTAssertNotNil(events.next("diagnostics"))
        let after = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try get("/_sitegen/diagnostics.json").body)) as? [String: Any])
        XCTAssertFalse((after["diagnostics"] as? [[String: Any]] ?? []).contains { $0["severity"] as? String == "error" })
    }

    func testAPageOnlyTheSiteWideChecksRefuseGoesBackToItsLastGoodVersion() throws {
        let events = try EventStream(port: port)
        let before = try get("/ru/42500/apply/").text
        try edit("content/ru/42500/apply.md") { $0 + "\nСм. [другую страницу](/ru/42500/no-such-page/).\n" }
        // Its own checks pass: served at once...
        XCTAssertNotNil(events.next("reload"), "\(logged.lines)")
        // ...until the full build finds the link goes nowhere; then the last good page is back.
        XCTAssertNotNil(events.next("diagnostics", within: 20), "\(logged.lines)")
        let report = String(decoding: try get("/_sitegen/diagnostics.json").body, as: UTF8.self)
        XCTAssertTrue(report.contains("\"link.internal\""), report)
        // The same page, but for the version of what is served: it changed twice (the page, then back).
        let again = try get("/ru/42500/apply/").text
        let version = #/ data-version="\d+"/#
        XCTAssertEqual(again.replacing(version, with: ""), before.replacing(version, with: ""))
        XCTAssertNotEqual(again, before, "the tabs that missed the change back are told by the version")
    }

    func testAPageIsNeverRebuiltAgainstAnAllowListThatChanged() throws {
        let events = try EventStream(port: port)
        // coronavirus2020.kz leaves the allow-list; the full build after it fails on the pages that use it.
        try edit("sitegen.yml") { $0.replacingOccurrences(of: "    - coronavirus2020.kz\n", with: "") }
        XCTAssertNotNil(events.next("diagnostics", within: 20), "\(logged.lines)")
        // A page saved now may not be judged by the old list: nothing with the link is served.
        try edit("content/ru/42500/apply.md") { $0 + "\nСм. https://coronavirus2020.kz/news\n" }
        let deadline = Date().addingTimeInterval(3)
        while Date() < deadline {
            XCTAssertFalse(try get("/ru/42500/apply/").text.contains("coronavirus2020.kz/news"))
            usleep(100_000)
        }
    }

    func testAPageLinkedFromOutsideTheSourceIsNeverReadOrShown() throws {
        let outside = NSTemporaryDirectory() + "sitegen-outside-" + UUID().uuidString + ".md"
        try "---\ntitle: \"Сыр\"\n---\n\nSECRET-OUTSIDE-TEXT\n".write(toFile: outside, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let events = try EventStream(port: port)
        try FileManager.default.createSymbolicLink(atPath: site + "/content/kk/42500/leak.md", withDestinationPath: outside)
        XCTAssertNotNil(events.next("diagnostics", within: 20), "\(logged.lines)")
        XCTAssertEqual(try get("/kk/42500/leak/").status, 404)
        XCTAssertFalse(try get("/_sitegen/diagnostics.json").text.contains("SECRET-OUTSIDE-TEXT"))
        XCTAssertEqual(try get("/_bulletins/kk/42500/leak/").status, 404)
    }

    /// Stopped while a full build runs (Ctrl+C just after a save): the build ends first, and the
    /// preview's folder goes with everything in it. The build's lock file and staging folder once
    /// outlived the removal, and the build published into the folder again after it.
    func testStoppingDuringABuildLeavesNothingBehind() async throws {
        let folder = service.workFolder
        // sitegen.yml changed: a full build, after a pause of 0.2 s for the rest of a burst of saves.
        service.session.changed(["sitegen.yml"])
        try await Task.sleep(for: .milliseconds(300))
        await service.stop()
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "the preview's folder is still there")
        // Nothing is written into it afterwards either.
        try await Task.sleep(for: .seconds(2))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder),
                       "written after the stop: \((try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [])")
        // A save after the stop builds nothing.
        service.session.changed(["sitegen.yml"])
        try await Task.sleep(for: .milliseconds(500))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "a save after the stop was built")
    }

    /// A folder linked into `content/` is built, so a save in it is seen like any other; a link back up
    /// the tree ends the watch instead of walking forever.
    func testASaveInAFolderLinkedIntoContentIsRebuilt() async throws {
        await service.stop()
        try await startService { site in
            let fm = FileManager.default
            try fm.createDirectory(atPath: site + "/shared/more", withIntermediateDirectories: true)
            try "---\ntitle: \"Қосымша\"\n---\n\nМәтін.\n".write(toFile: site + "/shared/more/c.md", atomically: false, encoding: .utf8)
            try fm.createSymbolicLink(atPath: site + "/content/kk/more", withDestinationPath: "../../shared/more")
            try fm.createSymbolicLink(atPath: site + "/shared/more/up", withDestinationPath: "..")
        }
        XCTAssertEqual(try get("/kk/more/c/").status, 200)
        let events = try EventStream(port: port)
        try edit("content/kk/more/c.md") { $0 + "\nБайланған бумадағы сөз.\n" }
        let data = try XCTUnwrap(events.next("reload"), "no reload event: \(logged.lines)")
        XCTAssertTrue(data.contains("\"/kk/more/c/\""), data)
        XCTAssertTrue(try get("/kk/more/c/").text.contains("Байланған бумадағы сөз."))
    }

    /// A link to a folder made while serving is watched from then on.
    func testAFolderLinkedInWhileServingIsWatched() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: site + "/shared/more", withIntermediateDirectories: true)
        try "---\ntitle: \"Қосымша\"\n---\n\nМәтін.\n".write(toFile: site + "/shared/more/c.md", atomically: false, encoding: .utf8)
        let events = try EventStream(port: port)
        try fm.createSymbolicLink(atPath: site + "/content/kk/more", withDestinationPath: "../../shared/more")
        XCTAssertNotNil(events.next("reload"), "no reload event: \(logged.lines)")
        XCTAssertEqual(try get("/kk/more/c/").status, 200)
        try edit("content/kk/more/c.md") { $0 + "\nКейін байланған бума.\n" }
        let data = try XCTUnwrap(events.next("reload"), "no reload event: \(logged.lines)")
        XCTAssertTrue(data.contains("\"/kk/more/c/\""), data)
        XCTAssertTrue(try get("/kk/more/c/").text.contains("Кейін байланған бума."))
    }

    func testATemplateChangeReloadsEveryTab() throws {
        let events = try EventStream(port: port)
        try edit("templates/page.mustache") { $0.replacingOccurrences(of: "</main>", with: "<p>template-marker</p></main>") }
        let data = try XCTUnwrap(events.next("reload", within: 20), "no reload: \(logged.lines)")
        XCTAssertTrue(data.contains("\"all\":true"), data)
        XCTAssertTrue(try get("/ru/42500/apply/").text.contains("template-marker"))
    }

    // MARK: Bulletins

    func testTheBulletinPreviewShowsEveryPartOfALongPage() throws {
        let events = try EventStream(port: port)
        let paragraph = "Өтінішті тек ресми порталда беріңіз: жеке деректеріңізді бөгде боттарға жібермеңіз. "
        let body = (1...60).map { "## Қадам \($0)\n\n" + String(repeating: paragraph, count: 4) }.joined(separator: "\n\n")
        try ("---\ntitle: Ұзақ нұсқаулық\ntranslationKey: long-guide\n---\n\n" + body + "\n")
            .write(toFile: site + "/content/kk/42500/long.md", atomically: false, encoding: .utf8)
        XCTAssertNotNil(events.next("reload", within: 20), "\(logged.lines)")
        // The page is served from memory at once; its files reach the disk with the full build after it.
        let folder = service.workFolder + "/site/bulletins/kk/42500/long/"
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: folder + "text.txt") && Date() < deadline { usleep(50_000) }
        let page = try get("/_bulletins/kk/42500/long/")
        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        let telegramParts = files.filter { $0.hasPrefix("telegram.") }.count
        XCTAssertGreaterThan(telegramParts, 1, "\(files)")
        for i in 1...telegramParts { XCTAssertTrue(page.text.contains("Telegram \(i)/\(telegramParts)"), "part \(i)") }
        for channel in ["WhatsApp", "SMS", "Text"] { XCTAssertTrue(page.text.contains("<h2>\(channel)</h2>"), channel) }
        XCTAssertEqual(page.text.components(separatedBy: "data-copy=").count - 1, telegramParts + 3)
        XCTAssertTrue(page.text.contains("/ 4096 characters"))
        XCTAssertTrue(page.text.contains("segment"))
        // The copy buttons copy the file exactly.
        let text = try String(contentsOfFile: service.workFolder + "/site/bulletins/kk/42500/long/whatsapp.txt", encoding: .utf8)
        XCTAssertTrue(page.text.contains(HTMLText.escape(text)))
        XCTAssertEqual(try get("/_bulletins/kk/42500/long").status, 301)
        XCTAssertEqual(try get("/_bulletins/kk/no-such/").status, 404)
        XCTAssertTrue(try get("/_bulletins/").text.contains("/_bulletins/kk/42500/long/"))
    }
}

/// Lines a session logged, for failure messages.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}
