import Foundation
import SitegenCore

/// What a build that took the spare wrote into it, a line a file, as it writes each
/// (`.site.spare.placed` beside the output): a build killed before it publishes or removes the folder
/// leaves it under its staging name, and the next build removes those files with the spare's own, each
/// while as written, rather than set them aside with what someone saved there (``OutputTree/removeLeftovers(of:)``).
///
/// Each line is written whole with one call as the file is placed (a killed build loses at most the
/// file it was writing, which is then set aside, never removed unseen); a line without its line break
/// is not read.
enum PlacedJournal {
    static let header = "sitegen placed 1"

    /// The journal's file: `.site.spare.placed`.
    static func path(for destination: String) -> String { OutputTree.besideOutput(destination, suffix: ".spare.placed") }

    /// A new journal for the staging folder whose inode is `folder`, open for appending; -1 when there
    /// is none (a file of someone else's has its name: the files a killed build wrote are then set aside).
    static func open(for destination: String, folder: UInt64) -> Int32 {
        let file = path(for: destination)
        guard OutputFolder.isOwnRecord(file) else { return -1 }
        unlink(file)
        let fd = Glibc.open(file, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return -1 }
        let head = Array((header + "\nfolder " + String(folder) + "\n").utf8)
        guard head.withUnsafeBytes({ OutputTree.writeAll(fd, $0) }) else {
            close(fd)
            unlink(file)
            return -1
        }
        return fd
    }

    /// Adds the file at `path` (relative to the site) of identity `identity`, in one write.
    static func append(_ fd: Int32, path: String, identity: Int) {
        var text: [UInt8] = []
        WrittenFiles.appendLine(OutputTree.folder(of: path), OutputTree.name(of: path), identity: identity, to: &text)
        _ = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// The files the journal beside `destination` names for the folder whose inode is `folder`; nil
    /// when there is none for it.
    static func read(for destination: String, folder: UInt64) -> PlacedFiles? {
        guard let bytes = FileReader.read(path(for: destination), followingLinks: false, limit: 1 << 30) else { return nil }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        // The last piece follows the last line break: a line cut short, or nothing.
        lines.removeLast()
        guard lines.count >= 2, String(decoding: lines[0], as: UTF8.self) == header,
              String(decoding: lines[1], as: UTF8.self) == "folder " + String(folder) else { return nil }
        var files = PlacedFiles()
        for line in lines.dropFirst(2) {
            guard let identity = WrittenFiles.identity(line),
                  let path = WrittenFiles.unescaped(line.dropFirst(WrittenFiles.identityDigits + 1)), WrittenFiles.isFilePath(path) else { continue }
            files.place(path, identity)
        }
        return files
    }

    /// Removes the journal.
    static func remove(for destination: String) {
        let file = path(for: destination)
        var info = stat()
        if lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { unlink(file) }
    }
}
