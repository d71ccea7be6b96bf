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
    /// whole in memory. `pages` holds each page's entries.
    static func write(_ pages: [[Entry]], to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        try self.write(pages: pages.count, key: { i in pages[i].first.map { ($0.translationKey, $0.language) } },
                       entries: { pages[$0] }, to: write)
    }

    /// The manifest of `pages` pages, each with the key and language its entries share (`key`, nil for
    /// a page without bulletins) and its entries (`entries`, read when its stretch of the manifest is
    /// made: the entries of every page are never in memory at once). The pieces of a stretch are made on
    /// every core, and handed over in order.
    static func write(pages: Int, key: (Int) -> (String, String)?, entries: @Sendable (Int) throws -> [Entry],
                      to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        let groups = self.groups(pages: pages, key: key)
        let perPiece = 64
        let stretch = perPiece * 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        try write(UnsafeRawBufferPointer(start: Self.head.utf8Start, count: Self.head.utf8CodeUnitCount))
        var first = true
        for from in stride(from: 0, to: groups.count, by: stretch) {
            let pieces = Array(stride(from: from, to: min(from + stretch, groups.count), by: perPiece)).map { start in
                start..<min(start + perPiece, from + stretch, groups.count)
            }
            let made = Parallel.map(pieces) { piece -> Result<[UInt8], any Error> in
                Result {
                    var out: [UInt8] = []
                    out.reserveCapacity(piece.reduce(0) { $0 + groups[$1].count } * 1600)
                    for group in piece {
                        for entry in try ordered(groups[group].flatMap { try entries(Int($0)) }) {
                            out += ",\n".utf8
                            entry.appendJSON(to: &out)
                        }
                    }
                    return out
                }
            }
            for piece in made {
                // Every entry is written after a separator; the first of the manifest has none.
                let bytes = try piece.get()
                try bytes.withUnsafeBytes { try write(UnsafeRawBufferPointer(rebasing: $0[(first && !bytes.isEmpty ? 2 : 0)...])) }
                first = first && bytes.isEmpty
            }
        }
        let tail: StaticString = first ? "  ]\n}\n" : "\n  ]\n}\n"
        try write(UnsafeRawBufferPointer(start: tail.utf8Start, count: tail.utf8CodeUnitCount))
    }

    /// The pages with bulletins in the manifest's order (by key, then language), in groups that share a
    /// key and a language: only within a group are entries sorted together (by channel, then source),
    /// and a page's entries share its key, language and source, so the order of a group's pages decides
    /// nothing. A page is 4 bytes and its key while they are sorted, and 4 bytes in the groups: a big
    /// site's list of pages with their keys and sources, sorted into a copy and cut into an array a group,
    /// was the peak of its build.
    static func groups(pages: Int, key: (Int) -> (String, String)?) -> Groups {
        var listed: [(page: Int32, key: String, language: String)] = []
        for i in 0..<pages { if let (k, language) = key(i) { listed.append((Int32(i), k, language)) } }
        listed.sort { ($0.key, $0.language) < ($1.key, $1.language) }
        var groups = Groups()
        groups.pages.reserveCapacity(listed.count)
        for (n, page) in listed.enumerated() {
            if n > 0, page.key != listed[n - 1].key || page.language != listed[n - 1].language { groups.starts.append(n) }
            groups.pages.append(page.page)
        }
        if !listed.isEmpty { groups.starts.append(listed.count) }
        return groups
    }

    /// Pages in groups (``groups(pages:key:)``): group `g` is `pages[starts[g]..<starts[g + 1]]`.
    struct Groups: Sendable {
        fileprivate(set) var pages: [Int32] = []
        fileprivate(set) var starts: [Int] = [0]

        /// How many groups there are.
        var count: Int { starts.count - 1 }

        /// The pages of group `group`.
        subscript(group: Int) -> ArraySlice<Int32> { pages[starts[group]..<starts[group + 1]] }
    }

    /// A group's entries in the manifest's order: by channel, then source (stable, so the pages' order
    /// decides between equals).
    static func ordered(_ entries: [Entry]) -> [Entry] {
        guard entries.count > 1 else { return entries }
        return entries.enumerated().sorted {
            let (a, b) = ($0.element, $1.element)
            return (channelOrder[a.channel]!, a.source, $0.offset) < (channelOrder[b.channel]!, b.source, $1.offset)
        }.map(\.element)
    }

    private static let channelOrder = Dictionary(uniqueKeysWithValues: BulletinChannel.allCases.enumerated().map { ($1, $0) })

    private static let head: StaticString = "{\n  \"version\": 1,\n  \"bulletins\": [\n"
}
