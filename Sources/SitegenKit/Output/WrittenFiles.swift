import CPosix
import Foundation
import SitegenCore

/// The path of every file the build that published an output wrote, kept beside it (`.site.files` for
/// `site/`): what the files found in the published folder are compared with before a build replaces
/// it, so that a file put there since (`site/.git`, notes) is never lost with it, even when as many
/// published files went at the same time.
///
/// Written after each publishing build (also one whose sources changed while it ran: what it wrote
/// is known all the same), removed before the folder is replaced. A published folder holding files
/// with no such list beside it (removed, damaged, or written by an older sitegen) cannot be told
/// apart from one holding a user's files, and is not replaced without `--force`.
enum WrittenFiles {
    static let header = "sitegen written files 1"

    /// The list's file for an output folder: `.site.files` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".files")
    }

    /// Writes the paths of `files` (a build's placed files), then the SHA-256 of what comes before it.
    static func write(_ paths: [String], for destination: String) {
        var text = header + "\n"
        for path in paths { text += path + "\n" }
        text += SHA256Digest.hex(Array(text.utf8)) + "\n"
        OutputTree.replaceFile(path(for: destination)) { fd in text.withUTF8 { OutputTree.writeAll(fd, UnsafeRawBufferPointer($0)) } }
    }

    /// The list beside `destination` (paths compared as bytes), nil when there is none or it is not
    /// whole. Only a regular file is read.
    static func read(for destination: String) -> PlacedFiles? {
        guard let bytes = FileReader.read(path(for: destination), followingLinks: false, limit: 1 << 30),
              bytes.count > 65, bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes[..<(bytes.count - 65)]
        guard SHA256Digest.hex(Array(body)) == String(decoding: bytes[(bytes.count - 65)..<(bytes.count - 1)], as: UTF8.self) else { return nil }
        var lines = body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.first.map({ String(decoding: $0, as: UTF8.self) }) == header, lines.last?.isEmpty == true else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var files = PlacedFiles()
        files.reserveCapacity(lines.count)
        for line in lines {
            guard let path = String(validating: line, as: UTF8.self), !path.isEmpty else { return nil }
            files[path] = PlacedFiles.Stamp(size: 0, identity: 0)
        }
        return files
    }

    /// Forgets the list (before the folder is replaced).
    static func remove(for destination: String) { unlink(path(for: destination)) }

    /// What a published folder holds besides what its build wrote.
    enum Found: Sendable, Equatable {
        /// Only files its build wrote (or no folder at all).
        case nothingElse
        /// `count` files its build did not write, the first few of them (in the order of their paths) named.
        case others(count: Int, named: [String])
        /// Files, and no list of what its build wrote to tell them by.
        case unlisted
    }

    /// Compares the regular files of the folder `destination` with the list beside it. Links and empty
    /// folders are not counted (replacing them loses nothing). Nil when the folder cannot be read, or
    /// once `stopped` says so.
    static func check(_ destination: String, stopped: @Sendable () -> Bool = { false }) -> Found? {
        let top = open(destination, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return errno == ENOENT ? .nothingElse : nil }
        let written = read(for: destination)
        var others: [String] = []
        var count = 0
        var holdsFiles = false
        // Each folder open, with its path below the top and whether that path can be one the build wrote
        // (a folder whose name is not UTF-8 cannot).
        var stack: [(fd: Int32, prefix: String, named: Bool)] = [(top, "", true)]
        var failed = false
        while let (fd, prefix, named) = stack.popLast() {
            defer { close(fd) }
            if stopped() { failed = true; break }
            let read = Folder.forEachEntry(in: fd) { name, kind in
                guard let kind = Folder.kind(kind, of: name, in: fd) else { return false }
                let text = String(validatingCString: name)
                if kind == DT_DIR {
                    let child = openat(fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                    guard child >= 0 else { return false }
                    stack.append((child, prefix + (text ?? String(cString: name)) + "/", named && text != nil))
                    return true
                }
                guard kind == DT_REG else { return true }
                let path = prefix + (text ?? String(cString: name))
                if !(prefix.isEmpty && path == OutputFolder.markerName) { holdsFiles = true }
                guard let written else { return true }
                if !named || text == nil || written[path] == nil {
                    count += 1
                    // The first few in order, whatever their number.
                    others.append(path)
                    if others.count > 64 {
                        others.sort(by: Self.byBytes)
                        others.removeLast(others.count - 3)
                    }
                }
                return true
            }
            if !read { failed = true; break }
        }
        for (fd, _, _) in stack { close(fd) }
        if failed { return nil }
        guard written != nil else { return holdsFiles ? .unlisted : .nothingElse }
        return count == 0 ? .nothingElse : .others(count: count, named: Array(others.sorted(by: Self.byBytes).prefix(3)))
    }

    /// Paths in the order of their bytes (the same whatever Swift holds equal).
    private static func byBytes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
