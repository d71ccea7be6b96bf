import SitegenContent
import SitegenCore

/// The sitemap of the site, within the sitemaps.org protocol's limits for one file (50,000 addresses
/// and 50 MiB): `sitemap.xml` holds every page when they fit, as for any site the newsroom writes;
/// a bigger site gets `sitemaps/1.xml`, `sitemaps/2.xml`, … and `sitemap.xml` as their index, which is
/// what `robots.txt` names either way. Written a piece at a time, never whole in memory.
struct Sitemaps {
    /// The most one file may hold.
    struct Limits {
        var addresses = 50_000
        var bytes = 52_428_800
    }

    /// The folder of the numbered files of a split sitemap.
    static let folder = "sitemaps"
    /// The file `robots.txt` names: the sitemap, or the index of its numbered files.
    static let file = "sitemap.xml"

    let discovery: DiscoveryFiles
    var limits = Limits()

    /// A function that writes a file at a path of the output, handing its bytes a piece at a time to
    /// the function it is given (``OutputTree/write(_:streaming:)``).
    typealias Writer = (String, ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws -> Void

    private static let header = Array("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">

        """.utf8)
    private static let footer = Array("</urlset>\n".utf8)

    /// Writes the sitemap and returns the paths written, `sitemap.xml` last.
    func write(_ write: Writer) throws -> [String] {
        let entries = discovery.index.entries
        // Pages by address; the index of each rather than a sorted copy of every entry.
        let order = entries.indices.sorted { entries.url($0) < entries.url($1) }
        var next = 0
        _ = try file(Self.file, from: &next, order: order, write)
        guard next < order.count else { return [Self.file] }
        // Too many for one file: the pages go into numbered files (the first written again under its
        // number), and `sitemap.xml` becomes their index.
        next = 0
        var files: [(path: String, lastmod: String?)] = []
        while next < order.count {
            let path = "\(Self.folder)/\(files.count + 1).xml"
            let latest = try file(path, from: &next, order: order, write)
            files.append((path, latest))
        }
        try write(Self.file) { emit in
            var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for file in files {
                out += "<sitemap>\n<loc>\(discovery.xml(discovery.config.absoluteURL("/" + file.path)))</loc>\n"
                if let lastmod = file.lastmod { out += "<lastmod>\(lastmod)</lastmod>\n" }
                out += "</sitemap>\n"
            }
            out += "</sitemapindex>\n"
            try Array(out.utf8).withUnsafeBytes(emit)
        }
        return files.map(\.path) + [Self.file]
    }

    /// Writes one file of pages from `order[next...]`, as many as the limits allow (always one, so no
    /// page is left out), moves `next` past them, and returns the latest day of change among them.
    private func file(_ path: String, from next: inout Int, order: [Int], _ write: Writer) throws -> String? {
        let entries = discovery.index.entries
        var latest: String?
        var cursor = next
        try write(path) { emit in
            var buffer = Self.header
            buffer.reserveCapacity(1 << 16 + 4096)
            var (count, size) = (0, Self.header.count + Self.footer.count)
            while cursor < order.count {
                let (text, lastmod) = discovery.sitemapEntry(entries[order[cursor]])
                let length = text.utf8.count
                if count > 0 && (count == limits.addresses || size + length > limits.bytes) { break }
                buffer += text.utf8
                (count, size, cursor) = (count + 1, size + length, cursor + 1)
                if let lastmod, latest.map({ lastmod > $0 }) ?? true { latest = lastmod }
                if buffer.count >= 1 << 16 {
                    try buffer.withUnsafeBytes(emit)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            buffer += Self.footer
            try buffer.withUnsafeBytes(emit)
        }
        next = cursor
        return latest
    }
}
