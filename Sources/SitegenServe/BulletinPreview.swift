import Foundation
import SitegenCore
import SitegenKit

/// `/_bulletins/<lang>/<path>/`: every channel of a page as its reader will see it — Telegram's parts
/// as chat bubbles, the WhatsApp and plain text, the SMS with its encoding and segments — each with
/// its length against the channel's limit and a button that copies the file exactly.
struct BulletinPreview {
    let files: ServedFiles
    let basePath: String

    /// The preview page for a page's site path (`/kk/42500/apply/`), or nil when it has no bulletins;
    /// `/` lists the pages that have them.
    func page(for sitePath: String) -> String? {
        if sitePath == "/" { return index() }
        let folder = "bulletins" + sitePath
        var sections: [String] = []
        var copyID = 0
        func read(_ name: String) -> String? {
            guard case .file(let bytes, _) = files.lookup(folder + name) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        func part(_ channel: BulletinChannel, _ text: String, _ label: String) -> String {
            let figures = BulletinFigures.measure(text, channel: channel)
            copyID += 1
            let id = "part-\(copyID)"
            var html = "<article class=\"part\"><header><h3>\(HTMLText.escape(label))</h3><p class=\"figures\">"
            html += HTMLText.escape(Self.describe(figures)) + "</p>"
            html += "<button type=\"button\" data-copy=\"\(id)\" data-copied=\"Copied\">Copy</button></header>"
            switch channel {
            case .telegram: html += "<div class=\"bubble\">\(TelegramPreview.html(text))</div>"
            default: html += "<pre class=\"plain\">\(HTMLText.escape(text))</pre>"
            }
            html += "<textarea id=\"\(id)\" hidden readonly>\(HTMLText.escape(text))</textarea></article>"
            return html
        }
        // One message is `telegram.html`; a longer text is `telegram.1.html`, `telegram.2.html` …
        var telegram: [(text: String, label: String)] = []
        if let single = read("telegram.html") {
            telegram = [(single, "Telegram")]
        } else {
            var texts: [String] = []
            while let next = read("telegram.\(texts.count + 1).html") { texts.append(next) }
            telegram = texts.enumerated().map { ($1, "Telegram \($0 + 1)/\(texts.count)") }
        }
        if !telegram.isEmpty {
            sections.append("<section><h2>Telegram</h2>" + telegram.map { part(.telegram, $0.text, $0.label) }.joined() + "</section>")
        }
        for (channel, name, title) in [(BulletinChannel.whatsapp, "whatsapp.txt", "WhatsApp"),
                                       (.sms, "sms.txt", "SMS"), (.text, "text.txt", "Text")] {
            if let text = read(name) { sections.append("<section><h2>\(title)</h2>" + part(channel, text, title) + "</section>") }
        }
        guard !sections.isEmpty else { return nil }
        let pageURL = String(basePath.dropLast()) + sitePath
        return Self.frame(title: "Bulletins: \(sitePath)",
                          body: "<p><a href=\"\(HTMLText.escape(pageURL))\">\(HTMLText.escape(pageURL))</a> · "
                            + "<a href=\"/_bulletins/\">all bulletins</a></p>" + sections.joined())
    }

    /// A line such as `1 234 / 4 096 characters · 12 / 100 entities` or `UCS-2 · 3 segments · 180 characters`.
    static func describe(_ f: BulletinFigures) -> String {
        var out: [String] = []
        if let encoding = f.smsEncoding, let segments = f.smsSegments {
            out.append(encoding)
            out.append("\(segments) segment\(segments == 1 ? "" : "s")")
            out.append("\(f.units) characters")
        } else if let limit = f.unitLimit {
            out.append("\(f.units) / \(limit) characters" + (f.units > limit ? " — too long" : ""))
        } else {
            out.append("\(f.units) characters")
        }
        if let e = f.entities, let limit = f.entityLimit {
            out.append("\(e) / \(limit) entities" + (e > limit ? " — too many" : ""))
        }
        return out.joined(separator: " · ")
    }

    /// Every page with bulletins, from the last full build's folders.
    private func index() -> String {
        var pages: [String] = []
        func walk(_ relative: String) {
            let path = files.root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            if names.contains("text.txt") { pages.append(String(relative.dropFirst("bulletins".count))) }
            for name in names.sorted() where !name.contains(".") { walk(relative + "/" + name) }
        }
        walk("bulletins")
        let items = pages.sorted().map { p -> String in
            let link = "/_bulletins" + p + "/"
            return "<li><a href=\"\(HTMLText.escape(link))\">\(HTMLText.escape(p + "/"))</a></li>"
        }
        return Self.frame(title: "Bulletins", body: "<ul>" + items.joined() + "</ul>")
    }

    static func frame(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title><link rel="stylesheet" href="/_sitegen/live.css">
        <script src="/_sitegen/bulletins.js" defer></script></head>
        <body class="sitegen-bulletins"><main><h1>\(HTMLText.escape(title))</h1>
        \(body)
        </main></body></html>

        """
    }
}
