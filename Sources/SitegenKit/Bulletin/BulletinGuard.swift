import Foundation

/// Defence in depth: every address and handle in a finished bulletin is read again from its final
/// text and judged by the link policy, so no channel can carry what the site check would refuse,
/// whatever the layout did. Defanged names (`egov-kz[.]com`) are not addresses and pass.
struct BulletinGuard {
    let inspector: PageInspector
    /// The site's base URL: its own pages are official by definition.
    let baseURL: String

    /// Objections to one bulletin text (for Telegram, the visible text and the `href` values), each
    /// with the address or name it is about.
    func findings(text: String, hrefs: [String] = []) -> [(what: String, finding: Finding)] {
        var out: [(String, Finding)] = []
        for href in hrefs { out += judge(href).map { (href, $0) } }
        for token in inspector.tokens.scan(text) {
            switch token.kind {
            case .url:
                out += judge(token.text).map { (token.text, $0) }
            case .fakeName:
                // A bare name (no @, no domain) leads nowhere in any messenger; the page's own check
                // allowed it only inside a warning, and the layout keeps it there.
                continue
            default:
                if case .domain(let ascii) = token.kind, ownHost == ascii { continue }
                out += inspector.judgeToken(token, inWarning: false).map { (token.text, $0) }
            }
        }
        return out
    }

    private var ownHost: String? {
        guard let scheme = baseURL.range(of: "://") else { return nil }
        return String(baseURL[scheme.upperBound...].prefix { $0 != "/" && $0 != ":" })
    }

    private func judge(_ url: String) -> [Finding] {
        // A page of the site is judged as the relative link it is written as.
        if url.hasPrefix(baseURL) { return inspector.judge.judge("/" + url.dropFirst(baseURL.count)) }
        return inspector.judge.judge(url)
    }

    /// The `href` values and the visible text of Telegram HTML that sitegen wrote.
    static func telegramParts(_ html: String) -> (text: String, hrefs: [String]) {
        var text = ""
        var hrefs: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            text += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[open...close]
            if tag.hasPrefix("<a href=\""), let end = tag.dropFirst(9).firstIndex(of: "\"") {
                hrefs.append(decode(String(tag[tag.index(open, offsetBy: 9)..<end])))
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return (decode(text), hrefs)
    }

    private static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        return s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
