import Foundation
import SitegenContent
import SitegenCore

/// `site/bulletins/index.json`: every bulletin of the site with its files, lengths and digests, so a
/// posting script or a CI job can send them without reading the pages again.
struct BulletinManifest {
    /// One bulletin as the manifest lists it: what it is sorted by, and its JSON.
    struct Entry: Sendable {
        var translationKey: String
        var language: String
        var channel: BulletinChannel
        var source: String
        /// The entry's JSON, written when the entry is made (on the page's thread, not at the end).
        let json: String

        init(page: Page, pageURL: String, bulletin: Bulletin, folder: String) {
            let files = zip(zip(bulletin.fileNames, bulletin.parts), bulletin.lengths).map { named, length in
                (path: folder + named.0, length: length, sha256: SHA256Digest.hex(Array(named.1.utf8)))
            }
            let q = JSONText.quote
            var out = "    {\"translationKey\": \(q(page.translationKey)), \"language\": \(q(page.language)), "
                + "\"channel\": \(q(bulletin.channel.rawValue)), \"source\": \(q(page.sourcePath)), \"url\": \(q(pageURL)),\n"
            out += "     \"length\": \(files.map(\.length).reduce(0, +)), "
            if let sms = bulletin.sms {
                out += "\"segments\": \(sms.segments), \"encoding\": \(q(sms.encoding.rawValue)),\n"
            } else {
                out += "\"parts\": \(files.count),\n"
            }
            out += "     \"files\": ["
            out += files.map { "{\"path\": \(q($0.path)), \"length\": \($0.length), \"sha256\": \(q($0.sha256))}" }
                .joined(separator: ", ")
            self.init(translationKey: page.translationKey, language: page.language, channel: bulletin.channel,
                      source: page.sourcePath, json: out + "]}")
        }

        /// An entry as a previous build made it (read back from the ``PageCache``).
        init(translationKey: String, language: String, channel: BulletinChannel, source: String, json: String) {
            self.translationKey = translationKey
            self.language = language
            self.channel = channel
            self.source = source
            self.json = json
        }
    }

    /// The folder of a page's bulletins in the site: `bulletins/kk/42500/apply/`.
    static func folder(of page: Page) -> String { "bulletins" + page.url }

    /// The manifest's JSON, sorted by key, language and channel, so the same site gives the same bytes.
    /// Made in one buffer of its final size: a big site's manifest is tens of megabytes.
    static func json(_ entries: [Entry]) -> [UInt8] {
        let order = Dictionary(uniqueKeysWithValues: BulletinChannel.allCases.enumerated().map { ($1, $0) })
        let sorted = entries.sorted {
            ($0.translationKey, $0.language, order[$0.channel]!, $0.source) < ($1.translationKey, $1.language, order[$1.channel]!, $1.source)
        }
        let head = "{\n  \"version\": 1,\n  \"bulletins\": [\n", tail = "  ]\n}\n"
        var out: [UInt8] = []
        out.reserveCapacity(head.utf8.count + tail.utf8.count + sorted.reduce(0) { $0 + $1.json.utf8.count + 2 })
        out += head.utf8
        for (i, entry) in sorted.enumerated() {
            if i > 0 { out += ",\n".utf8 }
            out += entry.json.utf8
        }
        if !sorted.isEmpty { out.append(UInt8(ascii: "\n")) }
        out += tail.utf8
        return out
    }
}
