import Foundation
import SitegenCore

/// Finds the content files and reads each one into a `Page`, reporting every problem.
package struct ContentLoader: Sendable {
    package var sourceDirectory: String
    package var config: SiteConfig
    package var includeDrafts: Bool

    package init(sourceDirectory: String, config: SiteConfig, includeDrafts: Bool) {
        self.sourceDirectory = sourceDirectory
        self.config = config
        self.includeDrafts = includeDrafts
    }

    /// All Markdown files under `content/`, as paths relative to the source folder, sorted.
    package func contentFiles() -> (files: [String], diagnostics: [Diagnostic]) {
        let (files, _, diagnostics) = contentFilesResolved()
        return (files, diagnostics)
    }

    /// ``contentFiles()``, with which file each one is (through any link, or a hard link): the Markdown
    /// of pages, which `static/` may not publish as files.
    package func contentFilesResolved() -> (files: [String], resolved: Set<FileIdentity>, diagnostics: [Diagnostic]) {
        let root = sourceDirectory + "/content"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [], [.error("content.missing", id: "content.missing", file: "content")])
        }
        var files: [String] = []
        let (listed, linkDiagnostics) = SourceWalk(sourceDirectory: sourceDirectory)
            .files(under: "content", include: { $0.hasSuffix(".md") || Self.isMarkdownNotNamedSo($0) })
        var diagnostics = linkDiagnostics
        // Markdown saved under another ending (`guide.MD`, `guide.markdown`) is no page: said, not dropped unseen.
        let found = listed.filter { $0.relative.hasSuffix(".md") }
        for file in listed where !file.relative.hasSuffix(".md") {
            let path = "content/" + file.relative
            let name = String(path.split(separator: "/").last ?? "")
            let stem = name[..<(name.lastIndex(of: ".") ?? name.endIndex)]
            diagnostics.append(.warning("content.filename", id: "content.filename.extension",
                                        ["path": path, "suggestion": stem + ".md"], file: path))
        }
        // A language's folder that is there but is no folder (a FIFO, a file, a link to one) holds none
        // of its pages: every page of that language would go from the site with warnings at most.
        for lang in config.languages {
            var info = stat()
            let path = root + "/" + lang
            if lstat(path, &info) == 0, stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFDIR {
                diagnostics.append(.error("content.io", id: "content.io", ["reason": "not a folder"], file: "content/" + lang))
            }
        }
        for rel in found.map(\.relative) {
            let path = "content/" + rel
            guard let slash = rel.firstIndex(of: "/") else {
                diagnostics.append(.error("content.language", id: "content.language.folder", ["path": path], file: path))
                continue
            }
            let lang = String(rel[..<slash])
            if !config.languages.contains(lang) {
                diagnostics.append(.error("content.language", id: "content.language.unknown",
                                          ["lang": lang, "languages": config.languages.joined(separator: ", ")],
                                          file: path, line: 1, column: 1))
                continue
            }
            files.append(path)
        }
        return (files.sorted(), Set(found.compactMap(\.identity)), diagnostics)
    }

    /// Whether a file's name ends as Markdown's other names do (`.MD`, `.markdown`, `.mdown`, `.mkd`, `.mkdn`,
    /// `.mdwn`), which is not `.md`: only `.md` files are pages.
    static func isMarkdownNotNamedSo(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return false }
        let ending = name[name.index(after: dot)...]
        return ending != "md" && ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn"].contains(ending.lowercased())
    }

    /// Reads one content file. Returns nil (with diagnostics) when it cannot become a page, and nil
    /// without errors for a draft that is left out.
    package func load(_ path: String) -> (Page?, [Diagnostic]) {
        guard let bytes = FileReader.read(sourceDirectory + "/" + path) else {
            return (nil, [.error("content.io", id: "content.io", ["reason": errnoText()], file: path)])
        }
        var (page, diagnostics) = page(from: bytes, path: path)
        // The digest of what was read, not of what the file holds by the time the build records it.
        page?.sourceDigest = SourceDigest(of: bytes)
        return (page, diagnostics)
    }

    /// What stops a file's bytes being text (not UTF-8, a NUL byte, or nothing at all), where it is: a page,
    /// an interface string's file or a template is refused for it, not published with U+FFFD in its place.
    package static func undecodable(_ p: SourceText.LocatedProblem, file: String) -> Diagnostic {
        switch p.problem {
        case .empty: return .error("content.empty", id: "content.empty", file: file, line: p.line, column: p.column)
        case .invalidUTF8: return .error("content.encoding", id: "content.encoding.utf8", file: file, line: p.line, column: p.column)
        case .nulByte: return .error("content.encoding", id: "content.encoding.nul", file: file, line: p.line, column: p.column)
        }
    }

    /// Makes a page from a file's bytes.
    package func page(from raw: [UInt8], path: String) -> (Page?, [Diagnostic]) {
        let text: SourceText
        switch SourceText.decode(raw) {
        case .success(let t): text = t
        case .failure(let p):
            return (nil, [Self.undecodable(p, file: path)])
        }
        let split: FrontMatterParser.Split
        switch FrontMatterParser.split(text, file: path) {
        case .success(let s): split = s
        case .failure(let d): return (nil, [d])
        }
        let (fm, diagnostics) = FrontMatterParser.parse(split.yaml, file: path)
        guard let fm else { return (nil, diagnostics) }
        if fm.draft && !includeDrafts { return (nil, diagnostics) }
        let (lang, contentPath, isSection) = Page.place(of: path)
        var diags = diagnostics
        if isSection, let slug = fm.slug, let p = fm.slugPosition {
            diags.append(Diagnostic(.warning, "frontmatter.slug", id: "frontmatter.slug.section", ["slug": slug],
                                    file: path, line: p.line, column: p.column))
        }
        if let problem = PageAddressRule.problem(contentPath: contentPath, slug: isSection ? nil : fm.slug) {
            return (nil, diags + [.error("content.filename", id: problem.id, problem.arguments, file: path, line: 1, column: 1)])
        }
        let page = Page(sourcePath: path, language: lang, contentPath: contentPath, isSection: isSection,
                        url: Page.url(language: lang, contentPath: contentPath, slug: isSection ? nil : fm.slug),
                        frontMatter: fm, text: text, bodyOffset: split.bodyOffset, bodyLineOffset: split.bodyLineOffset)
        return (page, diags)
    }
}
