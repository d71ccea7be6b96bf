import SitegenCore

/// What a build is asked to do.
package struct BuildOptions: Sendable {
    /// The site's folder: `sitegen.yml`, `content/`, `templates/`, `static/`, `i18n/`.
    package var sourceDirectory: String
    /// Where the site is published; `<source>/site` when nil.
    package var outputDirectory: String?
    package var includeDrafts = false
    /// Replaces `baseURL` from the config (for previews).
    package var baseURL: String?
    /// Check only: run every check, write nothing.
    package var checkOnly = false
    /// Warnings fail the build too.
    package var strict = false
    /// Build even when nothing changed since the build that published the output.
    package var force = false
    /// Keep what a preview needs to rebuild one page at once (`BuildReport.preview`); such a build
    /// is never skipped as up to date, as the preview needs what it keeps.
    package var keepsPreviewState = false

    /// The output folder as the editor named it, for messages: `--output`, else `<source>/site`.
    package var shownOutput: String { outputDirectory ?? sourceDirectory + "/site" }

    /// ``resolvedOutput`` as a build first read it: resolved once, so that a link swapped while the build
    /// runs (`cur` → `A`, then `B`) cannot make the folder replaced another than the folder checked.
    private var pinnedOutput: String?

    /// These options with the output resolved now, for every later step.
    package func pinningOutput() -> BuildOptions {
        var pinned = self
        pinned.pinnedOutput = resolvedOutput
        return pinned
    }

    package init(sourceDirectory: String, outputDirectory: String? = nil) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
    }

    /// The output folder as the system reads it, spelled so that every step reads the same folder:
    /// the one checked before the build (``OutputFolder/refusal(output:shown:source:expectedTopLevel:)``) is
    /// the one replaced. Empty when `--output` (or `--source`) is empty, which is refused.
    package var resolvedOutput: String {
        if let pinnedOutput { return pinnedOutput }
        if let outputDirectory { return Self.resolved(outputDirectory) }
        return sourceDirectory.isEmpty ? "" : Self.resolved(sourceDirectory + "/site")
    }

    /// `path` absolute, with the folder it is in resolved as the system resolves it (`link/../x` is the
    /// `x` beside the link's target, where taking `..` away as text gives another folder) and its own
    /// name kept as written (a link in its place is refused, never followed); a path that ends in `.`
    /// or `..` is resolved whole. A trailing `/` is dropped.
    static func resolved(_ path: String) -> String {
        guard !path.isEmpty else { return "" }
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else {
            return trimmed == "." || trimmed == ".." ? Folder.realPath(trimmed) : Folder.realPath(".") + "/" + trimmed
        }
        let name = String(trimmed[trimmed.index(after: slash)...])
        if name.isEmpty { return "/" }
        if name == "." || name == ".." { return Folder.realPath(trimmed) }
        let parent = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        let folder = Folder.realPath(parent)
        return (folder == "/" ? "" : folder) + "/" + name
    }
}

/// What a build did.
package struct BuildReport: Sendable {
    package var diagnostics: [Diagnostic]
    /// Content pages built, per language.
    var pagesPerLanguage: [(language: String, count: Int)]
    package var seconds: Double
    /// Whether the output folder was replaced.
    package var published: Bool
    /// True when the failure was not about content (config, templates, I/O): exit status 2.
    package var setupFailed: Bool
    /// Nothing changed since the build that published the output: nothing was written, and the
    /// diagnostics are that build's.
    var upToDate = false
    /// How many pages a check took as the last build found them, unchanged since (``SiteBuilder/checkedBefore``).
    var checkedBefore = 0
    /// The language `sitegen.yml` asks messages to be written in (`lang:`), when it was read.
    package var messageLanguage: MessageLanguage?
    /// Bulletins published, per language (one per page and channel); nil when none were (a check,
    /// a failed build).
    var bulletinsPerLanguage: [String: Int]?
    /// With `BuildOptions.keepsPreviewState`, what a preview needs to rebuild one page; set only when
    /// the build was published.
    package var preview: PreviewState?

    var pageCount: Int { pagesPerLanguage.reduce(0) { $0 + $1.count } }
}
