import SitegenContent
import SitegenCore
import WHATWGURL

/// Judges the site's own address (`baseURL`, `--base-url`), which ends every bulletin and stands in
/// every page's canonical link and feed. Its host is the site's own, so it need not be on the
/// allow-list, but everything else a link must be it must be: https, canonical, no port, no address
/// carried in its path, and a host that neither is a known fake nor imitates an official one.
/// A preview on this machine (`http://localhost:1313/`, `127.0.0.1`) is allowed as it is.
package enum SiteAddressCheck {
    /// The host of `base` when it is a placeholder that cannot be the published site: a domain
    /// reserved for examples (`example.kz`, `preview.example.org`, RFC 2606's `.example`), for tests
    /// (`.test`), never to resolve (`.invalid`), or this machine (`localhost`, `127.0.0.1`, `[::1]`).
    /// A build only warns (the newsroom previews with it); a command that publishes must refuse it.
    package static func placeholderHost(_ base: String) -> String? {
        guard let host = SiteAddress(checked: base).host else { return nil }
        if ["127.0.0.1", "[::1]"].contains(host) { return host }
        let labels = host.split(separator: ".").map(String.init)
        guard let last = labels.last else { return nil }
        if ["localhost", "test", "invalid", "example"].contains(last) { return host }
        if labels.dropLast().contains("example") { return host }
        return nil
    }

    package static func findings(_ base: String, judge: URLJudge) -> [Finding] {
        let parser = URLParser(domainToASCII: { HostName.ascii($0) })
        guard let url = parser.parse(base) else {
            return [Finding(code: "config.baseURL", id: "config.baseURL.not-address", [:], url: base)]
        }
        let host = url.serializedHost ?? ""
        if ["localhost", "127.0.0.1", "[::1]"].contains(host) { return [] }
        var out = judge.hostFindings(host, input: base, code: "link").filter { $0.code != "link.host" }
        let own = URLJudge(policy: judge.policy.allowing(host: host), baseURL: base)
        out += own.judge(base).filter { f in !out.contains { $0.code == f.code } }
        return out.map { f in
            Finding(code: "config.baseURL", id: "config.baseURL.finding",
                    ["url": base, "code": f.code].merging(MessageCatalog.detail(f.messageID, f.arguments)) { a, _ in a }, url: base)
        }
    }
}
