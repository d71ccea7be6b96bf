import Foundation
import SitegenContent
import SitegenCore
import Glibc

/// Watches a site's inputs with Linux's inotify and reports the files that changed, a short quiet
/// moment after the last change (an editor's save is often several events: write, rename, chmod).
///
/// inotify rather than polling: a change is seen the moment it is written, whatever the size of the
/// site, where a poll of 10,000 files would cost its interval in latency and a scan every interval.
/// Folders created later are watched as they appear. Editors' scratch files are ignored.
final class SourceWatcher: @unchecked Sendable {
    /// The site folder; reported paths are relative to it.
    let source: String
    /// The rules of the build's walk of the source: a link is followed only where the build reads.
    private let walk: SourceWalk
    /// How long to wait after an event for the rest of the same save.
    let quiet: Duration
    private let fd: Int32
    private var folders: [Int32: String] = [:]
    private let onChange: @Sendable (Set<String>) -> Void

    /// The folders watched with everything under them, and the single files at the top.
    static let watchedFolders = ["content", "templates", "static", "i18n"]
    static let watchedFiles: Set<String> = ["sitegen.yml"]

    init(source: String, quiet: Duration = .milliseconds(15), onChange: @escaping @Sendable (Set<String>) -> Void) throws {
        self.source = source
        walk = SourceWalk(sourceDirectory: source)
        self.quiet = quiet
        self.onChange = onChange
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { throw WatchError.unavailable(String(cString: strerror(errno))) }
        try add(folder: "")
        for folder in Self.watchedFolders { try addTree(folder) }
    }

    deinit { close(fd) }

    enum WatchError: Error, CustomStringConvertible {
        case unavailable(String)
        var description: String {
            switch self { case .unavailable(let why): return "cannot watch the site's files: \(why)" }
        }
    }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE
                                     | IN_DELETE_SELF | IN_ATTRIB)

    /// Watches one folder; false when it was watched already (under this name or another).
    @discardableResult
    private func add(folder relative: String) throws -> Bool {
        let path = relative.isEmpty ? source : source + "/" + relative
        let wd = inotify_add_watch(fd, path, Self.mask | UInt32(IN_ONLYDIR))
        if wd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return false }
            throw WatchError.unavailable("\(path): \(String(cString: strerror(errno)))")
        }
        // One watch per folder, whatever the name: the first name it was found under stays.
        guard folders[wd] == nil else { return false }
        folders[wd] = relative
        return true
    }

    /// Watches a folder and every folder under it; returns the files found (new folders' files
    /// count as changed: they may have been written before the watch existed). A symbolic link to a
    /// folder is followed where the build follows it (``SourceWalk/refusal(of:walking:)``: inside the
    /// site folder, not hidden, not another input), and a folder reached again is not walked again, so
    /// a link back up ends.
    @discardableResult
    private func addTree(_ relative: String) throws -> [String] {
        var files: [String] = []
        let path = source + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return [] }
        if (info.st_mode & S_IFMT) == S_IFLNK {
            // content/ and static/ are walked under the build's rules; templates/ and i18n/ are read
            // wherever their links lead (a theme kept outside the site).
            let top = String(relative.prefix { $0 != "/" })
            let walked = top == "content" || top == "static"
            guard !walked || walk.refusal(of: Folder.realPath(path), walking: top) == nil, stat(path, &info) == 0 else { return [] }
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR, try add(folder: relative) else { return [] }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            let child = relative + "/" + name
            guard lstat(source + "/" + child, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR || type == S_IFLNK && Self.isFolder(source + "/" + child) {
                files += try addTree(child)
            } else {
                files.append(child)
            }
        }
        return files
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether a changed file can matter to the site (not an editor's swap or backup file).
    static func matters(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasSuffix(".tmp") || name == "4913" { return false }
        if !relative.contains("/") { return watchedFiles.contains(relative) }
        return watchedFolders.contains(String(relative.prefix { $0 != "/" }))
    }

    /// Reads events until the process ends, calling back with each quiet group of changes.
    func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        while true {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let timeout: Int32 = pending.isEmpty ? -1 : Int32((quiet / .milliseconds(1)).rounded(.up))
            let ready = poll(&poller, 1, timeout)
            if ready < 0 { if errno == EINTR { continue }; return }
            if ready == 0 {
                let changed = pending.filter(Self.matters)
                pending = []
                if !changed.isEmpty { onChange(changed) }
                continue
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 { continue }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<min(nameStart + length, n)].prefix { $0 != 0 }
                offset = nameStart + length
                // Events were lost: whatever changed is unknown, so everything is built again (a
                // change to sitegen.yml asks for exactly that).
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { pending.insert("sitegen.yml"); continue }
                guard let folder = folders[wd] else { continue }
                if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
                let name = String(decoding: nameBytes, as: UTF8.self)
                let relative = folder.isEmpty ? name : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    // A new folder is watched when a file in it would matter (under a watched folder).
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, Self.matters(relative + "/x") {
                        pending.formUnion((try? addTree(relative)) ?? [])
                    }
                    // A folder moved or removed: whatever it held is gone; a full build sorts it out.
                    if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { pending.insert(relative + "/") }
                    continue
                }
                // A link to a folder made (or made again to another) while serving: its folder is
                // watched like one made in place, and what it holds counts as changed.
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, Self.matters(relative + "/x"), Self.isFolder(source + "/" + relative) {
                    pending.formUnion((try? addTree(relative)) ?? [])
                }
                pending.insert(relative)
            }
        }
    }
}
