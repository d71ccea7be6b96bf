/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site's folder: `sitegen.yml`, `content/`, `templates/`, `static/`, `i18n/`.
    public var sourceDirectory: String
    /// Where the site is published; `<source>/site` when nil.
    public var outputDirectory: String?
    public var includeDrafts = false
    /// Replaces `baseURL` from the config (for previews).
    public var baseURL: String?
    /// Check only: run every check, write nothing.
    public var checkOnly = false
    /// Warnings fail the build too.
    public var strict = false
    /// Build even when nothing changed since the build that published the output.
    public var force = false
    /// Keep what a preview needs to rebuild one page at once (`BuildReport.preview`); such a build
    /// is never skipped as up to date, as the preview needs what it keeps.
    public var keepsPreviewState = false

    public init(sourceDirectory: String, outputDirectory: String? = nil) {
        self.sourceDirectory = sourceDirectory
        self.outputDirectory = outputDirectory
    }

    public var resolvedOutput: String { outputDirectory ?? sourceDirectory + "/site" }
}

/// What a build did.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// Content pages built, per language.
    public var pagesPerLanguage: [(language: String, count: Int)]
    public var seconds: Double
    /// Whether the output folder was replaced.
    public var published: Bool
    /// True when the failure was not about content (config, templates, I/O): exit status 2.
    public var setupFailed: Bool
    /// Nothing changed since the build that published the output: nothing was written, and the
    /// diagnostics are that build's.
    public var upToDate = false
    /// The language `sitegen.yml` asks messages to be written in (`lang:`), when it was read.
    public var messageLanguage: MessageLanguage?
    /// Bulletins published, per language (one per page and channel); nil when none were (a check,
    /// a failed build).
    public var bulletinsPerLanguage: [String: Int]?
    /// With `BuildOptions.keepsPreviewState`, what a preview needs to rebuild one page; set only when
    /// the build was published.
    public var preview: PreviewState?

    public var pageCount: Int { pagesPerLanguage.reduce(0) { $0 + $1.count } }
}
