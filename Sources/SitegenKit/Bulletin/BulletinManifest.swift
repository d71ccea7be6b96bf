import Foundation

/// `site/bulletins/index.json`: every bulletin of the site with its files, lengths and digests, so a
/// posting script or a CI job can send them without reading the pages again.
struct BulletinManifest {
    /// One bulletin as the manifest lists it.
    struct Entry: Sendable {
        var translationKey: String
        var language: String
        var channel: BulletinChannel
        var source: String
        var url: String
        var files: [(path: String, length: Int, sha256: String)]
        var sms: SMSSegments?
        /// The entry's JSON, written when the entry is made (on the page's thread, not at the end).
        private(set) var json = ""

        init(page: Page, pageURL: String, bulletin: Bulletin, folder: String) {
            translationKey = page.translationKey
            language = page.language
            channel = bulletin.channel
            source = page.sourcePath
            url = pageURL
            files = zip(zip(bulletin.fileNames, bulletin.parts), bulletin.lengths).map { named, length in
                (folder + named.0, length, SHA256Digest.hex(Array(named.1.utf8)))
            }
            sms = bulletin.sms
            json = Self.json(self)
        }

        private static func json(_ e: Entry) -> String {
            let q = JSONText.quote
            var out = "    {\"translationKey\": \(q(e.translationKey)), \"language\": \(q(e.language)), "
                + "\"channel\": \(q(e.channel.rawValue)), \"source\": \(q(e.source)), \"url\": \(q(e.url)),\n"
            out += "     \"length\": \(e.files.map(\.length).reduce(0, +)), "
            if let sms = e.sms {
                out += "\"segments\": \(sms.segments), \"encoding\": \(q(sms.encoding.rawValue)),\n"
            } else {
                out += "\"parts\": \(e.files.count),\n"
            }
            out += "     \"files\": ["
            out += e.files.map { "{\"path\": \(q($0.path)), \"length\": \($0.length), \"sha256\": \(q($0.sha256))}" }
                .joined(separator: ", ")
            return out + "]}"
        }
    }

    /// The folder of a page's bulletins in the site: `bulletins/kk/42500/apply/`.
    static func folder(of page: Page) -> String { "bulletins" + page.url }

    /// The manifest's JSON, sorted by key, language and channel, so the same site gives the same bytes.
    static func json(_ entries: [Entry]) -> String {
        let order = Dictionary(uniqueKeysWithValues: BulletinChannel.allCases.enumerated().map { ($1, $0) })
        let sorted = entries.sorted {
            ($0.translationKey, $0.language, order[$0.channel]!, $0.source) < ($1.translationKey, $1.language, order[$1.channel]!, $1.source)
        }
        var out = "{\n  \"version\": 1,\n  \"bulletins\": [\n"
        out += sorted.map(\.json).joined(separator: ",\n")
        if !sorted.isEmpty { out += "\n" }
        return out + "  ]\n}\n"
    }
}
