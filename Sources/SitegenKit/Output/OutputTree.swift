import CPosix
import Foundation

/// Writes a build into a fresh folder beside the output and swaps it in only when the build
/// succeeded, so a failed or killed build never touches the last good site.
///
/// Files are written with plain POSIX calls: many small files is the common case, and
/// Foundation's convenience writers cost several times more per file.
public final class OutputTree: @unchecked Sendable {
    /// The folder the build is published to.
    public let destination: String
    /// The temporary folder the build writes into.
    public let staging: String
    private let lock = NSLock()
    private var createdDirectories: Set<String> = []

    /// Prefix of staging folders; leftovers from killed builds are recognised by it.
    static func stagingPrefix(for destination: String) -> (parent: String, prefix: String) {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        return (url.deletingLastPathComponent().path, "." + url.lastPathComponent + ".tmp-")
    }

    /// Creates the staging folder (removing leftovers of builds that were killed).
    public init(destination: String) throws {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        let (parent, prefix) = Self.stagingPrefix(for: destination)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where leftover.hasPrefix(prefix) {
            try? FileManager.default.removeItem(atPath: parent + "/" + leftover)
        }
        staging = parent + "/" + prefix + String(getpid())
        try? FileManager.default.removeItem(atPath: staging)
        guard mkdir(staging, 0o755) == 0 else { throw OutputError.io("cannot create \(staging): \(errnoText())") }
        createdDirectories.insert("")
    }

    /// Writes `bytes` at a path relative to the output root, creating folders as needed.
    public func write(_ relativePath: String, _ bytes: some Collection<UInt8>) throws {
        let dir = (relativePath as NSString).deletingLastPathComponent
        try ensureDirectory(dir)
        let full = staging + "/" + relativePath
        let fd = open(full, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
        defer { close(fd) }
        let ok = bytes.withContiguousStorageIfAvailable { buf -> Bool in
            Self.writeAll(fd, UnsafeRawBufferPointer(buf))
        } ?? Array(bytes).withUnsafeBytes { Self.writeAll(fd, $0) }
        guard ok else { throw OutputError.io("cannot write \(relativePath): \(errnoText())") }
    }

    /// Writes a string as UTF-8.
    public func write(_ relativePath: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try write(relativePath, $0) }
    }

    private static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buf.count {
            let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    private func ensureDirectory(_ dir: String) throws {
        if dir.isEmpty { return }
        lock.lock()
        let known = createdDirectories.contains(dir)
        lock.unlock()
        if known { return }
        try ensureDirectory((dir as NSString).deletingLastPathComponent)
        if mkdir(staging + "/" + dir, 0o755) != 0 && errno != EEXIST {
            throw OutputError.io("cannot create folder \(dir): \(errnoText())")
        }
        lock.lock()
        createdDirectories.insert(dir)
        lock.unlock()
    }

    /// Copies a folder's files into the output (for `static/`). Links are not followed, so nothing
    /// outside the folder can be published by accident.
    public func copyTree(from source: String, into prefix: String = "") throws {
        guard let walker = FileManager.default.enumerator(atPath: source) else { return }
        var files: [String] = []
        while let rel = walker.nextObject() as? String {
            let attrs = walker.fileAttributes
            if attrs?[.type] as? FileAttributeType == .typeRegular { files.append(rel) }
        }
        for rel in files.sorted() {
            guard let data = FileManager.default.contents(atPath: source + "/" + rel) else {
                throw OutputError.io("cannot read \(source)/\(rel)")
            }
            try write(prefix + rel, [UInt8](data))
        }
    }

    /// Swaps the staging folder in place of the destination, atomically where the system allows.
    public func commit() throws {
        if access(destination, F_OK) != 0 {
            guard rename(staging, destination) == 0 else { throw OutputError.io("cannot publish: \(errnoText())") }
            return
        }
        if sg_exchange_paths(staging, destination) == 0 {
            // The staging path now holds the previous site.
            Self.removeTree(staging)
            return
        }
        let old = staging + ".old"
        guard rename(destination, old) == 0 else { throw OutputError.io("cannot publish: \(errnoText())") }
        guard rename(staging, destination) == 0 else {
            _ = rename(old, destination)
            throw OutputError.io("cannot publish: \(errnoText())")
        }
        Self.removeTree(old)
    }

    /// Removes a published tree on every core: tens of thousands of files are mostly unlink calls,
    /// and the folders two levels down share them out evenly enough.
    static func removeTree(_ path: String) {
        let fm = FileManager.default
        var parts: [String] = []
        for top in (try? fm.contentsOfDirectory(atPath: path)) ?? [] {
            let sub = path + "/" + top
            let children = (try? fm.contentsOfDirectory(atPath: sub)) ?? []
            parts += children.isEmpty ? [sub] : children.map { sub + "/" + $0 }
        }
        _ = Parallel.map(parts) { try? FileManager.default.removeItem(atPath: $0) }
        try? fm.removeItem(atPath: path)
    }

    /// Removes the staging folder; the destination is left as it was.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }
}

/// A failure to read or write files.
public enum OutputError: Error, CustomStringConvertible {
    case io(String)
    public var description: String {
        switch self { case .io(let s): return s }
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
