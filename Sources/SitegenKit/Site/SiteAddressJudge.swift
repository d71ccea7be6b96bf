import SitegenContent
import SitegenPolicy

/// The link policy's judgement of an address a finished page or bulletin carries, where the site's
/// own address (`https://example.kz/kk/…`) is the page of the site it names, judged as the relative
/// link it is written as.
struct SiteAddressJudge {
    let inspector: PageInspector
    /// The site's base URL: its own pages are official by definition.
    let baseURL: String

    func judge(_ url: String) -> [Finding] {
        if url.hasPrefix(baseURL) { return inspector.judge.judge("/" + url.dropFirst(baseURL.count)) }
        return inspector.judge.judge(url)
    }
}
