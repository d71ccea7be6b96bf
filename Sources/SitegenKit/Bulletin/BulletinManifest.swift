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
            var folder = folder
            for (i, file) in files.enumerated() {
                text(i == 0 ? "{\"path\": \"" : ", {\"path\": \"")
                folder.withUTF8 { JSONText.appendBody($0, to: &out, forHTML: true) }
                var name = file.name
                name.withUTF8 { JSONText.appendBody($0, to: &out, forHTML: true) }
                text("\", \"length\": ")
                number(file.length)
                text(", \"sha256\": \"")
                SHA256Digest.appendHex(file.sha256, to: &out)
                text("\"}")
            }
            text("]}")
        }
    }

    /// The folder of a page's bulletins in the site: `bulletins/kk/42500/apply/`.
    static func folder(of page: Page) -> String { "bulletins" + page.url }

    /// The manifest's JSON, sorted by key, language and channel, so the same site gives the same bytes,
    /// handed to `write` a piece at a time: a big site's manifest is tens of megabytes, and it is never
    /// whole in memory. `pages` holds each page's entries. The pieces of a stretch of entries are made
    /// on every core, and handed over in order.
    static func write(_ pages: [[Entry]], to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let places = order(pages)
        let perPiece = 256
        let stretch = perPiece * 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        try write(UnsafeRawBufferPointer(start: Self.head.utf8Start, count: Self.head.utf8CodeUnitCount))
        for from in stride(from: 0, to: places.count, by: stretch) {
            let pieces = Array(stride(from: from, to: min(from + stretch, places.count), by: perPiece))
            let made = Parallel.map(pieces) { start -> [UInt8] in
                var out: [UInt8] = []
                out.reserveCapacity(perPiece * 400)
                for i in start..<min(start + perPiece, places.count) {
                    if i > 0 { out += ",\n".utf8 }
                    pages[Int(places[i].page)][Int(places[i].entry)].appendJSON(to: &out)
                }
                return out
            }
            for piece in made { try piece.withUnsafeBytes(write) }
        }
        let tail: StaticString = places.isEmpty ? "  ]\n}\n" : "\n  ]\n}\n"
        try write(UnsafeRawBufferPointer(start: tail.utf8Start, count: tail.utf8CodeUnitCount))
    }

    private static let head: StaticString = "{\n  \"version\": 1,\n  \"bulletins\": [\n"

    /// Where each entry of the manifest is (its page, its place among the page's entries), in the
    /// manifest's order: by key, language, channel, then source. The pages are sorted, not their
    /// entries: a page's entries share its key, language and source, so only pages that share a key
    /// and a language have their entries sorted together (by channel, then source).
    static func order(_ pages: [[Entry]]) -> [(page: Int32, entry: Int32)] {
        let channelOrder = Dictionary(uniqueKeysWithValues: BulletinChannel.allCases.enumerated().map { ($1, $0) })
        let listed = pages.indices.filter { !pages[$0].isEmpty }.sorted {
            let (a, b) = (pages[$0][0], pages[$1][0])
            return (a.translationKey, a.language, a.source) < (b.translationKey, b.language, b.source)
        }
        var places: [(page: Int32, entry: Int32)] = []
        places.reserveCapacity(pages.reduce(0) { $0 + $1.count })
        var start = 0
        while start < listed.count {
            let first = pages[listed[start]][0]
            var end = start + 1
            while end < listed.count, pages[listed[end]][0].translationKey == first.translationKey,
                  pages[listed[end]][0].language == first.language { end += 1 }
            var group = listed[start..<end].flatMap { p in pages[p].indices.map { (page: Int32(p), entry: Int32($0)) } }
            group.sort {
                let (a, b) = (pages[Int($0.page)][Int($0.entry)], pages[Int($1.page)][Int($1.entry)])
                return (channelOrder[a.channel]!, a.source) < (channelOrder[b.channel]!, b.source)
            }
            places += group
            start = end
        }
        return places
    }
}
