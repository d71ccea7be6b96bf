import SitegenCore
import SitegenMarkdown

/// One content file, read and placed: where it came from, where it goes, what its header says.
package struct Page: Sendable {
    /// Path relative to the source folder, e.g. `content/kk/42500/apply.md`.
    package var sourcePath: String
    package var language: String
    /// Path below the language folder without `.md`, e.g. `42500/apply` or `42500/_index`.
    package var contentPath: String
    /// Whether this is a section's own page (`_index.md`).
    package var isSection: Bool
    /// The site path (under the base URL) with a trailing slash, e.g. `/kk/42500/apply/`.
    package var url: String
    /// The front matter, in a box the copies of a page share until one of them changes it: a page is
    /// held in the site's list of pages, the page cache and the list the pages are read into, and its
    /// front matter is most of its size (360 of 488 bytes), for every page of the site.
    package var frontMatter: FrontMatter {
        _read { yield frontMatterBox.value }
        _modify {
            if !isKnownUniquelyReferenced(&frontMatterBox) { frontMatterBox = FrontMatterBox(frontMatterBox.value) }
            yield &frontMatterBox.value
        }
    }
    private var frontMatterBox: FrontMatterBox
    /// The file's text and where its Markdown body begins.
    package var text: SourceText
    package var bodyOffset: Int
    package var bodyLineOffset: Int
    /// The digest of the bytes the page was made from, when it was read from its file.
    package var sourceDigest: SourceDigest? = nil

    package init(sourcePath: String, language: String, contentPath: String, isSection: Bool, url: String,
                 frontMatter: FrontMatter, text: SourceText, bodyOffset: Int, bodyLineOffset: Int) {
        self.sourcePath = sourcePath
        self.language = language
        self.contentPath = contentPath
        self.isSection = isSection
        self.url = url
        frontMatterBox = FrontMatterBox(frontMatter)
        self.text = text
        self.bodyOffset = bodyOffset
        self.bodyLineOffset = bodyLineOffset
    }

    /// The key that pairs translations: front matter `translationKey`, else the path below the
    /// language folder (`42500/apply`, or `42500` for a section).
    package var translationKey: String {
        if let key = frontMatter.translationKey, !key.isEmpty { return key }
        return Page.defaultTranslationKey(contentPath)
    }

    package static func defaultTranslationKey(_ contentPath: String) -> String {
        if contentPath == "_index" { return "" }
        if contentPath.hasSuffix("/_index") { return String(contentPath.dropLast("/_index".count)) }
        return contentPath
    }

    /// The section folder the page lists under (`42500`, or `` for the language home). A section
    /// lists under its parent; the language home under nothing (its own path, ``).
    package var sectionPath: String { Self.sectionPath(contentPath: contentPath, isSection: isSection) }

    /// ``sectionPath`` of a page at `contentPath`.
    package static func sectionPath(contentPath: String, isSection: Bool) -> String {
        // The path up to its last slash, or, for a section (`…/_index`), up to the slash before it; found
        // without splitting the path, as every page's entry in the site index asks it.
        let utf8 = contentPath.utf8
        guard var end = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if isSection {
            guard let before = utf8[..<end].lastIndex(of: UInt8(ascii: "/")) else { return "" }
            end = before
        }
        return String(contentPath[..<end])
    }

    /// For a section page, the folder whose pages it lists (`42500`, or `` for the home).
    package var listedPath: String {
        String(contentPath.dropLast("_index".count)).trimmingSuffix("/")
    }

    /// The file that holds the page in the output: `kk/42500/apply/index.html`.
    package var outputPath: String { String(url.dropFirst()) + "index.html" }

    /// The Markdown body's bytes.
    package var body: ArraySlice<UInt8> { text.bytes[bodyOffset...] }

    /// Where the body's lines start, counted from the body's first byte (the body begins on a line
    /// of its own, so these are the file's line starts shifted).
    package var bodyLineStarts: [Int] {
        text.lineStarts.suffix(text.lineStarts.count - bodyLineOffset).map { $0 - bodyOffset }
    }

    /// Line and column in the page file of a position in its body.
    package func filePosition(_ p: BodyPosition) -> (line: Int, column: Int) {
        let line = p.line + bodyLineOffset
        return (line, text.column(line: line, byteColumn: p.byteColumn))
    }

    /// Line and column in the page file where a node of its body starts.
    package func filePosition(of node: CMarkNode) -> (line: Int, column: Int) {
        filePosition(BodyPosition(line: node.start.line, byteColumn: node.start.byteColumn))
    }

    /// The language, path below the language folder (without `.md`) and kind of the content file at
    /// `sourcePath` (`content/kk/42500/apply.md`: `kk`, `42500/apply`, not a section).
    package static func place(of sourcePath: String) -> (language: String, contentPath: String, isSection: Bool) {
        let rel = sourcePath.dropFirst("content/".count)
        let lang = String(rel.prefix { $0 != "/" })
        let contentPath = String(rel.dropFirst(lang.count + 1).dropLast(3))
        return (lang, contentPath, contentPath == "_index" || contentPath.hasSuffix("/_index"))
    }

    /// Computes the site path of a content file from its place and slug.
    package static func url(language: String, contentPath: String, slug: String?) -> String {
        var parts = contentPath.split(separator: "/").map(String.init)
        if parts.last == "_index" {
            parts.removeLast()
        } else if let slug {
            parts[parts.count - 1] = slug
        }
        return "/" + ([language] + parts).joined(separator: "/") + "/"
    }
}

extension String {
    package func trimmingSuffix(_ c: Character) -> String {
        var s = Substring(self)
        while s.last == c { s = s.dropLast() }
        return String(s)
    }
}

/// The front matter of a page and of its copies (see ``Page/frontMatter``): changed only through the
/// page, which copies it first when another page still holds it, so it is never changed while shared.
private final class FrontMatterBox: @unchecked Sendable {
    var value: FrontMatter
    init(_ value: FrontMatter) { self.value = value }
}
