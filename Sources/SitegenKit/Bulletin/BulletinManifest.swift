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

    /// The manifest's JSON, sorted by key, language and channel, so the same site gives the same bytes,
    /// handed to `write` a piece at a time: a big site's manifest is tens of megabytes, and neither it
    /// nor a sorted copy of its entries is ever whole in memory. `pages` holds each page's entries.
    static func write(_ pages: [[Entry]], to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let order = Dictionary(uniqueKeysWithValues: BulletinChannel.allCases.enumerated().map { ($1, $0) })
        var places: [(page: Int32, entry: Int32)] = []
        places.reserveCapacity(pages.reduce(0) { $0 + $1.count })
        for (p, entries) in pages.enumerated() {
            for e in entries.indices { places.append((Int32(p), Int32(e))) }
        }
        func entry(_ place: (page: Int32, entry: Int32)) -> Entry { pages[Int(place.page)][Int(place.entry)] }
        places.sort {
            let (a, b) = (entry($0), entry($1))
            return (a.translationKey, a.language, order[a.channel]!, a.source) < (b.translationKey, b.language, order[b.channel]!, b.source)
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 16)
        func flush() throws {
            try buffer.withUnsafeBytes(write)
            buffer.removeAll(keepingCapacity: true)
        }
        buffer += "{\n  \"version\": 1,\n  \"bulletins\": [\n".utf8
        for (i, place) in places.enumerated() {
            if i > 0 { buffer += ",\n".utf8 }
            buffer += entry(place).json.utf8
            if buffer.count >= 1 << 16 { try flush() }
        }
        if !places.isEmpty { buffer.append(UInt8(ascii: "\n")) }
        buffer += "  ]\n}\n".utf8
        try flush()
    }
}
