import Foundation
import SitegenCore

/// The rule that keeps a build from replacing anything it did not write.
///
/// A build swaps a whole folder into place, so the folder it is given must be one that holds nothing
/// but an earlier build: absent, empty, or carrying the marker file every build writes. The source
/// folder, anything that holds it, and the editor's own folders inside it are refused outright, even
/// when they are empty, so a mistyped `--output` can never cost the editor their work.
enum OutputFolder {
    /// The file every build writes at the top of its output.
    static let markerName = ".sitegen-output"
    /// The marker's first line: the format of the output, raised when the layout changes incompatibly.
    package static let formatVersion = 1
    static var markerText: String { "sitegen output format \(formatVersion)\n" }

    /// Folders of the source that belong to the editor; an output there would be swapped over them.
    static let editorFolders = ["content", "static", "templates", "i18n", ".git"]

    /// Why `output` may not be replaced by a build of `source`, or nil when it may.
    ///
    /// `expectedTopLevel` lists the names a build of this site writes at the top of its output; an
    /// output written before the marker existed is recognised (see `isEarlierBuild`) to say so, and
    /// refused all the same.
    /// `shown` is the folder as the editor named it, for the message (`output` itself when nil).
    package static func refusal(output: String, shown: String? = nil, source: String,
                                expectedTopLevel: Set<String> = []) -> (id: String, arguments: [String: String])? {
        let shown = shown ?? output
        // An empty --output (a shell variable that was not set) would be the current folder to a later step.
        guard !output.isEmpty else { return ("output.folder.empty", ["output": "", "suggested": "site"]) }
        let out = Folder.realPath(output)
        let src = Folder.realPath(source)
        let suggested = source == "." ? "site" : source + "/site"
        func refused(_ id: String, _ extra: [String: String] = [:]) -> (id: String, arguments: [String: String]) {
            (id, extra.merging(["output": shown, "suggested": suggested]) { a, _ in a })
        }
        if out == src {
            return refused("output.folder.source")
        }
        if out == "/" || src.hasPrefix(out + "/") {
            return refused("output.folder.contains-source", ["source": source])
        }
        // Where each folder really is too: `templates` may be a link to a theme kept elsewhere. (A link to
        // the source folder or above it is no folder of its own: the build names it, `content.symlink`.)
        for folder in editorFolders {
            let real = Folder.realPath(src + "/" + folder)
            let places = real == src || src.hasPrefix(real + "/") || real == "/" ? [src + "/" + folder] : [src + "/" + folder, real]
            for protected in places where out == protected || out.hasPrefix(protected + "/") {
                return refused("output.folder.editor", ["folder": folder])
            }
        }
        // Each build replaces the records it keeps beside the output (`.site.build`, `.site.files`,
        // `.site.pages`): a file of one of those names that sitegen did not write is refused, not replaced.
        for suffix in recordSuffixes where !isOwnRecord(OutputTree.besideOutput(output, suffix: suffix)) {
            return refused("output.record.foreign", ["record": OutputTree.besideOutput(shown, suffix: suffix)])
        }
        var info = stat()
        guard lstat(output, &info) == 0 else {
            // Absent: a new folder. A folder that cannot be looked at may hold anything: refused.
            return errno == ENOENT ? nil : refused("output.folder.unreadable", ["reason": errnoText()])
        }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            return refused("output.folder.symlink", ["target": out])
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return refused("output.folder.file")
        }
        // A site is published by renaming a new folder into the output's place, which a mount point
        // (another file system than its parent's) cannot be: said before any work, not as a failed rename.
        var parent = stat()
        if lstat(output + "/..", &parent) == 0, parent.st_dev != info.st_dev {
            return refused("output.folder.mount", ["inside": (shown.hasSuffix("/") ? shown : shown + "/") + "site"])
        }
        // A folder whose names cannot be listed is not known to be empty.
        guard let listed = try? FileManager.default.contentsOfDirectory(atPath: output) else {
            return refused("output.folder.unreadable", ["reason": "its list of files cannot be read"])
        }
        let entries = listed.sorted()
        if entries.isEmpty { return nil }
        switch markerFormat(in: output) {
        case let version? where version <= formatVersion:
            return nil
        case let version?:
            return refused("output.folder.newer", ["version": String(version)])
        case nil:
            // A site built before the marker existed looks like one, but anything may have been put
            // inside it since (a draft in kk/, notes): only the editor can say, so it is refused too.
            if isEarlierBuild(output, entries: entries, expectedTopLevel: expectedTopLevel) {
                return refused("output.folder.earlier", ["marker": markerName])
            }
            // What a build would not have written is named first: it is what the editor must look at.
            let foreign = entries.filter { !expectedTopLevel.contains($0) } + entries.filter(expectedTopLevel.contains)
            let sample = foreign.prefix(3).joined(separator: ", ") + (entries.count > 3 ? ", …" : "")
            return refused("output.folder.foreign", ["sample": sample, "marker": markerName])
        }
    }

    /// The records a build keeps beside its output, by the suffix of their names (``BuildRecord``,
    /// ``WrittenFiles``, ``PageCache``, ``SourceStamps``).
    static let recordSuffixes = [".build", ".files", ".pages", ".sources"]

    /// Whether what stands at `path` may be replaced with a record: nothing, no file of data (a FIFO, a
    /// link, which holds nothing of its own and reads as no record), an empty file, or a regular file that
    /// begins as every record sitegen writes does (`sitegen `, then its kind and form).
    static func isOwnRecord(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return (info.st_mode & S_IFMT) != S_IFDIR }
        if info.st_size == 0 { return true }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 8)
        return read(fd, &head, 8) == 8 && head == Array("sitegen ".utf8)
    }

    /// The format version in a folder's marker, or nil when it has none.
    static func markerFormat(in folder: String) -> Int? {
        var info = stat()
        let path = folder + "/" + markerName
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size < 256,
              let bytes = FileReader.read(path) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = "sitegen output format "
        guard text.hasPrefix(prefix) else { return nil }
        return Int(text.dropFirst(prefix.count).prefix { $0.isASCIIDigit })
    }

    /// Whether a folder without the marker looks like a site written by sitegen before the marker
    /// existed: it holds the manifest and sitemap every such build wrote, and nothing at the top that
    /// this build would not write itself.
    static func isEarlierBuild(_ folder: String, entries: [String], expectedTopLevel: Set<String>) -> Bool {
        guard !expectedTopLevel.isEmpty, entries.allSatisfy(expectedTopLevel.contains) else { return false }
        var info = stat()
        for signature in ["sitemap.xml", "robots.txt", "bulletins/index.json"] {
            guard lstat(folder + "/" + signature, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        }
        return true
    }
}
