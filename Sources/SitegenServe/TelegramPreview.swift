import Foundation
import SitegenCore
import SitegenKit

/// A Telegram part (Bot API HTML) as it shows in a chat bubble, rewritten into page HTML through an
/// allow-list: the formatting tags Telegram knows become their HTML twins, a link keeps only an
/// `http(s)` address, every other tag is dropped and all text is escaped again. The part is the
/// build's own checked output; the allow-list keeps the preview safe even if it were not.
enum TelegramPreview {
    static func html(_ part: String) -> String {
        var out = ""
        var open: [String] = []
        var i = part.startIndex
        while i < part.endIndex {
            if part[i] == "<", let end = part[i...].firstIndex(of: ">") {
                let inner = part[part.index(after: i)..<end]
                i = part.index(after: end)
                let closing = inner.hasPrefix("/")
                let body = closing ? inner.dropFirst() : inner[...]
                let name = String(body.prefix { $0.isLetter || $0 == "-" }).lowercased()
                guard let tag = mapped[name] else { continue }
                if closing {
                    if let at = open.lastIndex(of: tag) {
                        for t in open[at...].reversed() { out += "</\(t)>" }
                        open.removeSubrange(at...)
                    }
                } else if tag == "a" {
                    let href = attribute("href", in: String(body))
                    if let href, href.hasPrefix("https://") || href.hasPrefix("http://") {
                        out += "<a href=\"\(HTMLText.escape(href))\" rel=\"noopener noreferrer\">"
                    } else {
                        out += "<a>"
                    }
                    open.append("a")
                } else {
                    out += tag == "span" ? "<span class=\"spoiler\">" : "<\(tag)>"
                    open.append(tag)
                }
                continue
            }
            let next = part[part.index(after: i)...].firstIndex(of: "<") ?? part.endIndex
            out += HTMLText.escape(TelegramEntities.decoding(part[i..<next].utf8))
            i = next
        }
        for t in open.reversed() { out += "</\(t)>" }
        return out
    }

    private static let mapped: [String: String] = [
        "b": "strong", "strong": "strong", "i": "em", "em": "em", "u": "u", "ins": "u",
        "s": "s", "strike": "s", "del": "s", "code": "code", "pre": "pre", "blockquote": "blockquote",
        "a": "a", "tg-spoiler": "span",
    ]

    /// The value of a double-quoted attribute, entities decoded.
    static func attribute(_ name: String, in tag: String) -> String? {
        guard let r = tag.range(of: name + "=\"") else { return nil }
        guard let end = tag[r.upperBound...].firstIndex(of: "\"") else { return nil }
        return TelegramEntities.decoding(tag[r.upperBound..<end].utf8)
    }
}
