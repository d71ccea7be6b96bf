import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit

/// What a build writes for serving the site safely: pages a strict Content-Security-Policy allows,
/// stylesheets and scripts under content-hashed names, the headers for nginx and `_headers` hosts,
/// and a favicon.
final class ServingRulesTests: XCTestCase {
    /// Every HTML page of the built site and of the features site (every construct sitegen renders).
    func builtPages() throws -> [(path: String, html: String)] {
        var pages: [(String, String)] = []
        let site = try XCTUnwrap(Fixture.repositorySite(), "the repository's content builds")
        let features = try Fixture()
        try FileManager.default.copyItem(atPath: Fixture.repository + "/Tests/validate/features/content", toPath: features.root + "/content")
        try FileManager.default.removeItem(atPath: features.root + "/sitegen.yml")
        try FileManager.default.copyItem(atPath: Fixture.repository + "/sitegen.yml", toPath: features.root + "/sitegen.yml")
        XCTAssertTrue(features.build().published)
        for root in [site.directory, features.siteDirectory] {
            for rel in try FileManager.default.subpathsOfDirectory(atPath: root)
            where rel.hasSuffix(".html") && !rel.hasPrefix("bulletins/") {
                pages.append((rel, try String(contentsOfFile: root + "/" + rel, encoding: .utf8)))
            }
        }
        return pages
    }

    /// What `script-src 'self'; style-src 'self'` and the rest forbid, as it would appear in a page.
    static func cspViolations(_ html: String) -> [String] {
        var found: [String] = []
        let tree = HTMLParser.parse(html)
        for e in tree.descendants {
            if e.name == "script" {
                if e["type"] == "application/ld+json" { continue }  // data, never run
                if e["src"] == nil { found.append("an inline <script>") }
            }
            if e.name == "style" { found.append("a <style> element") }
            for (name, value) in e.attributes {
                if name == "style" { found.append("a style= attribute on <\(e.name)>") }
                if name.hasPrefix("on") { found.append("an inline handler \(name)= on <\(e.name)>") }
                if value.lowercased().trimmingCharacters(in: .whitespaces).hasPrefix("javascript:") {
                    found.append("a javascript: address in \(name)=")
                }
            }
            // Resources are loaded from the site itself only (links to other sites are fine).
            let loads: [String?] = e.name == "link" && e["rel"] != "canonical" && e["rel"] != "alternate" ? [e["href"]]
                : ["script", "img", "iframe", "source", "video", "audio", "embed", "object"].contains(e.name) ? [e["src"], e["data"]] : []
            for case let url? in loads where !url.hasPrefix("/") || url.hasPrefix("//") {
                found.append("<\(e.name)> loads \(url) from elsewhere")
            }
        }
        if html.range(of: "<script(?![^>]*\\bsrc=)(?![^>]*application/ld\\+json)", options: .regularExpression) != nil {
            found.append("an inline <script> (read from the text)")
        }
        return found
    }

    func testNoPageCarriesAnInlineScriptStyleOrHandler() throws {
        let pages = try builtPages()
        XCTAssertGreaterThan(pages.count, 20)
        for page in pages {
            XCTAssertEqual(Self.cspViolations(page.html), [], page.path)
        }
    }

    func testTheCheckFindsWhatAStrictPolicyRefuses() {
        let clean = #"<html><head><link rel="stylesheet" href="/style.0123456789abcdef.css"><script src="/search.0123456789abcdef.js" defer></script><script type="application/ld+json">{"a":1}</script></head><body><a href="https://egov.kz/">x</a></body></html>"#
        XCTAssertEqual(Self.cspViolations(clean), [])
        for bad in ["<script>alert(1)</script>", "<style>p{}</style>", #"<p style="color:red">x</p>"#,
                    #"<img src="/a.png" onerror="x()">"#, #"<a href="javascript:x()">x</a>"#,
                    #"<script src="https://cdn.example.com/x.js"></script>"#, #"<img src="//evil.example/x.png">"#] {
            XCTAssertFalse(Self.cspViolations("<html><body>" + bad + "</body></html>").isEmpty, bad)
        }
    }

    func testStylesheetsAndScriptsAreNamedByTheirContent() throws {
        let site = try XCTUnwrap(Fixture.repositorySite())
        let top = try FileManager.default.contentsOfDirectory(atPath: site.directory)
        for name in ["style", "search", "checklist"] {
            let ext = name == "style" ? "css" : "js"
            let source = try XCTUnwrap(FileReader.read(Fixture.repository + "/static/\(name).\(ext)"))
            let expected = "\(name).\(SHA256Digest.hex(source).prefix(16)).\(ext)"
            XCTAssertTrue(top.contains(expected), "\(expected) in \(top)")
            XCTAssertFalse(top.contains("\(name).\(ext)"), "no unhashed copy")
        }
        let page = try XCTUnwrap(site.text("kk/index.html"))
        let style = try XCTUnwrap(top.first { $0.hasPrefix("style.") })
        XCTAssertTrue(page.contains("<link rel=\"stylesheet\" href=\"/\(style)\">"), page)
        XCTAssertTrue(top.contains("favicon.ico"))

        // A changed stylesheet is a new name, and pages point at it.
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n"])
        XCTAssertTrue(f.build().published)
        let before = try FileManager.default.contentsOfDirectory(atPath: f.siteDirectory).filter { $0.hasPrefix("style.") }
        try f.write("static/style.css", (try String(contentsOfFile: f.root + "/static/style.css", encoding: .utf8)) + "\np { margin: 0; }\n")
        XCTAssertTrue(f.build().published)
        let after = try FileManager.default.contentsOfDirectory(atPath: f.siteDirectory).filter { $0.hasPrefix("style.") }
        XCTAssertEqual(before.count, 1)
        XCTAssertEqual(after.count, 1)
        XCTAssertNotEqual(before, after)
        XCTAssertTrue(f.output("kk/a/index.html")?.contains("/\(after[0])") == true)
    }

    func testHeadersFileCarriesThePolicyAndTheLongCacheForHashedFiles() throws {
        let site = try XCTUnwrap(Fixture.repositorySite())
        let headers = try XCTUnwrap(site.text("_headers"))
        XCTAssertTrue(headers.contains("\n/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'\n"), headers)
        for line in ["  X-Content-Type-Options: nosniff", "  Referrer-Policy: strict-origin-when-cross-origin",
                     "  Permissions-Policy: accelerometer=(), camera=()", "  Strict-Transport-Security: max-age=31536000"] {
            XCTAssertTrue(headers.contains(line), line)
        }
        let top = try FileManager.default.contentsOfDirectory(atPath: site.directory)
        for hashed in top where AssetNames.looksHashed("/" + hashed) {
            XCTAssertTrue(headers.contains("\n/\(hashed)\n  Cache-Control: public, max-age=31536000, immutable\n"), hashed)
        }
        XCTAssertFalse(headers.contains("/*\n  Cache-Control"), "pages keep the host's revalidating default")
    }

    /// The snippet as nginx itself reads it (`nginx -t`).
    func testNginxAcceptsTheSnippet() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/nginx") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("nginx is not installed") }
            throw XCTSkip("nginx is not installed")
        }
        let site = try XCTUnwrap(Fixture.repositorySite())
        let dir = NSTemporaryDirectory() + "sitegen-nginx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let conf = """
            pid \(dir)/nginx.pid;
            error_log \(dir)/error.log;
            events {}
            http { include /etc/nginx/mime.types; access_log off;
              server { listen 127.0.0.1:1; root \(site.directory); include \(site.directory)/_host/nginx.conf; } }

            """
        try conf.write(toFile: dir + "/nginx.conf", atomically: true, encoding: .utf8)
        let r = DeployHost.run("/usr/sbin/nginx", ["-t", "-p", dir, "-c", dir + "/nginx.conf", "-e", dir + "/error.log"])
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("syntax is ok"), r.output)
    }

    func testStaticFilesMayNotTakeTheServingFilesPlaces() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "static/_headers": "/*\n  X: y\n",
                                    "static/_host/nginx.conf": "# mine\n"])
        let d = f.build().diagnostics
        XCTAssertTrue(d.contains { $0.code == "content.static-clash" && $0.file == "static/_headers" }, "\(d)")
        XCTAssertTrue(d.contains { $0.code == "content.static-clash" && $0.file == "static/_host/nginx.conf" }, "\(d)")
    }

    /// A static file's name is written into `_headers` a line at a time: one with a line break would
    /// start a rule of its own (`/*` then `Refresh: 0;url=\\evil.com\…`, a redirect of every page on
    /// Netlify and Cloudflare Pages). Such a name is refused where it is, and a stylesheet's name that
    /// is merely odd is percent-encoded in its rule.
    func testAStaticNameCannotWriteARuleOfItsOwn() throws {
        for name in ["*\n  Refresh: 0;url=\\\\evil.com\\.css", "a\rb.css", "tab\there.png", "x\u{2028}y.js", "del\u{7F}.css", "nel\u{85}.css"] {
            let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "static/" + name: "a{color:red}"])
            let report = f.build()
            XCTAssertFalse(report.published, name)
            XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.code), ["content.static-name"], name)
            XCTAssertEqual(report.diagnostics.first { $0.code == "content.static-name" }?.file, "static/" + name)
            XCTAssertNil(f.output("_headers"))
        }
        XCTAssertEqual(ServingRules.rulePath("/style.0123456789abcdef.css"), "/style.0123456789abcdef.css")
        XCTAssertEqual(ServingRules.rulePath("/a b#c?.css"), "/a%20b%23c%3F.css")
        XCTAssertEqual(ServingRules.rulePath("/стиль.css"), "/%D1%81%D1%82%D0%B8%D0%BB%D1%8C.css")
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "static/my style.css": "a{color:red}"])
        XCTAssertTrue(f.build().published)
        let headers = try XCTUnwrap(f.output("_headers"))
        XCTAssertTrue(headers.contains("\n/my%20style."), headers)
        XCTAssertFalse(headers.contains("/my style."), headers)
    }

    func testTwoBuildsAreByteIdentical() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: A\n---\n", "content/ru/a.md": "---\ntitle: A\n---\n"])
        XCTAssertTrue(f.build().published)
        let first = f.snapshot()
        // Forced: a build with nothing changed would otherwise write nothing.
        XCTAssertTrue(f.build(force: true).published)
        XCTAssertEqual(f.snapshot(), first)
        XCTAssertNotNil(first["_headers"])
        XCTAssertNotNil(first["_host/nginx.conf"])
        XCTAssertEqual(try ReleaseID.of(folder: f.siteDirectory), try ReleaseID.of(folder: f.siteDirectory))
    }
}

extension ServingRulesTests {
    /// An image from another site would be blocked by `img-src 'self'`: a warning at the image.
    func testAnImageFromAnotherSiteIsAWarningAtItsPlace() throws {
        let d = try Fixture.check("Мәтін.\n\n![логотип](https://egov.kz/logo.png)\n")
        let found = d.first { $0.code == "markdown.external-image" }
        XCTAssertEqual(found?.severity, .warning)
        XCTAssertEqual(found.map { [$0.line, $0.column] }, [6, 1], "\(d)")
        XCTAssertTrue(found?.message.contains("copy it into static/") == true)
        XCTAssertFalse(try Fixture.check("![белгі](/favicon.ico)\n").contains { $0.code == "markdown.external-image" })
    }
}
