import Foundation
import SitegenContent
import SitegenCore

/// `site/bulletins/index.json`: every bulletin of the site with its files, lengths and digests, so a
/// posting script or a CI job can send them without reading the pages again.
struct BulletinManifest {
    /// One bulletin as the manifest lists it. Kept for every bulletin of the site until the manifest is
    /// written, so it holds fields, not text: the page's strings are shared with it, each file's digest
    /// is 32 bytes, and the JSON is made as the manifest is written (``json``).
    struct Entry: Sendable, Equatable {
        var translationKey: String
        var language: String
        var channel: BulletinChannel
        var source: String
        /// The page's address, which the bulletin links to.
        var url: String
        /// The folder of the page's bulletins (``BulletinManifest/folder(of:)``), shared by its entries.
        var folder: String
        /// An SMS's segments and their encoding; the other channels count their files as parts.
        var sms: SMSCount?
        var files: [File]

        struct SMSCount: Sendable, Equatable {
            var segments: Int
            var encoding: String
        }

        /// One file of the bulletin, in the folder: its name, length in the channel's units, SHA-256.
        struct File: Sendable, Equatable {
            var name: String
            var length: Int
            var sha256: SHA256Digest.Bytes
        }

        init(page: Page, pageURL: String, bulletin: Bulletin, folder: String) {
            self.init(translationKey: page.translationKey, language: page.language, channel: bulletin.channel,
                      source: page.sourcePath, url: pageURL, folder: folder,
                      sms: bulletin.sms.map { SMSCount(segments: $0.segments, encoding: $0.encoding.rawValue) },
                      files: zip(zip(bulletin.fileNames, bulletin.parts), bulletin.lengths).map { named, length in
                          File(name: named.0, length: length, sha256: SHA256Digest.bytes(Array(named.1.utf8)))
                      })
        }

        init(translationKey: String, language: String, channel: BulletinChannel, source: String, url: String,
             folder: String, sms: SMSCount?, files: [File]) {
            self.translationKey = translationKey
            self.language = language
            self.channel = channel
            self.source = source
            self.url = url
            self.folder = folder
            self.sms = sms
            self.files = files
        }

        /// The entry as the manifest writes it, appended to `out` in UTF-8 (a big site's manifest has
        /// tens of thousands: no string is made of one).
        func appendJSON(to out: inout [UInt8]) {
            func text(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
            func quoted(_ s: String) { JSONText.append(s, to: &out, forHTML: true) }
            func number(_ n: Int) { out += String(n).utf8 }
            text("    {\"translationKey\": ")
            quoted(translationKey)
            text(", \"language\": ")
            quoted(language)
            text(", \"channel\": ")
            quoted(channel.rawValue)
            text(", \"source\": ")
            quoted(source)
            text(", \"url\": ")
            quoted(url)
            text(",\n     \"length\": ")
            number(files.reduce(0) { $0 + $1.length })
            if let sms {
                text(", \"segments\": ")
                number(sms.segments)
                text(", \"encoding\": ")
                quoted(sms.encoding)
            } else {
                text(", \"parts\": ")
                number(files.count)
            }
            text(",\n     \"files\": [")
            for (i, file) in files.enumerated() {
                text(i == 0 ? "{\"path\": " : ", {\"path\": ")
                quoted(folder + file.name)
                text(", \"length\": ")
                number(file.length)
                text(", \"sha256\": ")
                quoted(SHA256Digest.hex(file.sha256))
                text("}")
            }
            text("]}")
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
            entry(place).appendJSON(to: &buffer)
            if buffer.count >= 1 << 16 { try flush() }
        }
        if !places.isEmpty { buffer.append(UInt8(ascii: "\n")) }
        buffer += "  ]\n}\n".utf8
        try flush()
    }
}
