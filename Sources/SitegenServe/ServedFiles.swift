import Foundation
import SitegenCore
import SitegenKit

/// The files of the site being previewed: the last good full build on disk, and the pages rebuilt
/// since, held in memory until the next full build has written them.
///
/// Files on disk are read without following a symbolic link anywhere under the root, and names that
/// start with `.` (the output marker) or the host configuration are never served.
final class ServedFiles: @unchecked Sendable {
    /// The output folder full builds publish to.
    let root: String
    private let lock = NSLock()
    private var memory: [String: (bytes: [UInt8], generation: Int, source: String)] = [:]

    init(root: String) { self.root = root }

    /// What a path names.
    enum Lookup: Equatable {
        case file(bytes: [UInt8], relative: String)
        /// A folder asked for without its final `/`: where to send the reader.
        case folder
        case missing
    }

    /// Holds the files a source file's page gave at change `generation`, replacing what the disk has
    /// under their paths.
    func hold(_ files: [String: [UInt8]], from source: String, generation: Int) {
        lock.withLock {
            for (path, bytes) in files { memory[path] = (bytes, generation, source) }
        }
    }

    /// Forgets what the given source files gave up to change `generation`: a full build found them
    /// wrong, so the last good build's files are served again. Whether anything was forgotten.
    @discardableResult
    func release(sources: Set<String>, upTo generation: Int) -> Bool {
        lock.withLock {
            let before = memory.count
            memory = memory.filter { !(sources.contains($0.value.source) && $0.value.generation <= generation) }
            return memory.count != before
        }
    }

    /// Forgets the files a full build that started after change `generation` has written.
    func release(upTo generation: Int) {
        lock.withLock { memory = memory.filter { $0.value.generation > generation } }
    }

    /// The bytes at a site path (relative to the root, a folder's ending in `/`).
    func lookup(_ relative: String) -> Lookup {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if parts.contains(where: { $0.hasPrefix(".") }) || parts.first == ServingRules.hostFolder
            || relative == ServingRules.headersFile {
            return .missing
        }
        let wanted = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        if let held = lock.withLock({ memory[wanted] }) { return .file(bytes: held.bytes, relative: wanted) }
        if !relative.hasSuffix("/"), lock.withLock({ memory[relative + "/index.html"] != nil }) { return .folder }
        switch Self.kind(root, relative: wanted) {
        case .file:
            // Read without following a link put in its place since it was looked at.
            guard let bytes = FileReader.read(root + "/" + wanted, followingLinks: false) else { return .missing }
            return .file(bytes: bytes, relative: wanted)
        case .folder: return .folder
        case .none: return .missing
        }
    }

    private enum Kind { case file, folder, none }

    /// Whether `relative` under `root` is a regular file or a folder, reached through folders only:
    /// a symbolic link at any step is as if nothing were there.
    private static func kind(_ root: String, relative: String) -> Kind {
        var path = root
        var info = stat()
        guard lstat(root, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return .none }
        let parts = relative.split(separator: "/")
        for (i, part) in parts.enumerated() {
            path += "/" + part
            guard lstat(path, &info) == 0 else { return .none }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: if i == parts.count - 1 { return .folder }
            case S_IFREG: return i == parts.count - 1 ? .file : .none
            default: return .none
            }
        }
        return .none
    }

    /// The `Content-Type` of a file, with the charset for text.
    static func contentType(_ relative: String) -> String {
        let ext = relative.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return relative.hasSuffix("atom.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
