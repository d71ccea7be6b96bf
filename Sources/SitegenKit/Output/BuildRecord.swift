import CPosix
import Foundation
import SitegenCore

/// What the last published build read and wrote, kept beside the output (`.site.build` for `site/`),
/// so the site itself stays byte-identical from build to build: the digest of its inputs, its
/// diagnostics and page counts, and every file it published with its size and identity (time of modification, inode, mode).
///
/// A build whose inputs have the same digest, into an output that still holds exactly those files,
/// has nothing to do: it reports what the last build reported and writes nothing.
struct BuildRecord {
    static let header = "sitegen build record 4"

    var inputs: String
    var pages: [(language: String, count: Int)]
    /// Bulletins published, per language (for the summary of a build with nothing to do).
    var bulletins: [(language: String, count: Int)] = []
    var diagnostics: [Diagnostic]
    /// How many files the build published, and the SHA-256 of their listing (path, size and time of
    /// change of each): a folder of fifty thousand files is compared in one line.
    var fileCount: Int
    var files: String
    /// The mode the build made the output folder with (under its umask), before any mode of the published
    /// folder was carried onto it: a published folder of this mode has the build's own, which the next
    /// build makes anew under its umask; any other was given by someone and is kept (``OutputTree/commit(removingOnly:ownMode:)``).
    var folderMode: mode_t?

    struct OutputFile: Equatable {
        var path: String
        /// ``OutputTree/identity(_:)``: its size, time of modification, inode and mode, as one number.
        var identity: Int
    }

    /// The record's file for an output folder: `.site.build` beside `site/`.
    static func path(for destination: String) -> String {
        OutputTree.besideOutput(destination, suffix: ".build")
    }

    /// The record of the build that published `destination` from `inputs`, if it still describes the
    /// folder: nil when there is none, it cannot be read, its inputs differ (known before the folder is
    /// walked), or a file was added, removed or changed since. `beforeListing` is called when the
    /// inputs are those of the record, before the folder is walked.
    static func current(of destination: String, inputs: String, beforeListing: () -> Void = {}) -> BuildRecord? {
        guard let record = read(for: destination), record.inputs == inputs else { return nil }
        beforeListing()
        guard let files = listing(destination), files.count == record.fileCount,
              files.digest() == record.files else { return nil }
        return record
    }

    /// Every file of `destination` with its identity, when the folder is still exactly as the build that
    /// published it left it (its listing's digest the one the record keeps); nil when there is no
    /// record, or anything was added, removed or changed since.
    static func unchangedListing(of destination: String) -> PlacedFiles? {
        guard let record = read(for: destination), let files = listing(destination),
              files.count == record.fileCount, files.digest() == record.files else { return nil }
        return files
    }

    /// The record beside `destination`, whatever inputs it was made from; nil when there is none or it
    /// cannot be read. A record is a regular file of a few lines: anything else in its place (a link to
    /// a device, a FIFO) reads as no record rather than hanging the build or filling its memory.
    private static func read(for destination: String) -> BuildRecord? {
        guard let bytes = FileReader.read(path(for: destination), followingLinks: false, limit: 16 << 20) else { return nil }
        return BuildRecord(text: String(decoding: bytes, as: UTF8.self))
    }

    /// The mode the build that published `destination` made the folder with, as its record says; nil
    /// without a record, or one that does not say.
    static func folderMode(of destination: String) -> mode_t? {
        read(for: destination)?.folderMode
    }

    /// Writes the record for a folder just published (through a temporary file and a rename, so a
    /// reader never sees half a record). A folder that cannot be listed gets no record: the next
    /// build then does the whole work, which is always safe.
    /// `files` is the listing of what the build published (``OutputTree/listing``); nil walks the folder.
    static func write(for destination: String, inputs: String, pages: [(language: String, count: Int)],
                      bulletins: [(language: String, count: Int)], diagnostics: [Diagnostic],
                      files published: (count: Int, digest: String)? = nil, folderMode: mode_t? = nil) {
        let target = path(for: destination)
        guard let files = published ?? listing(destination).map({ ($0.count, $0.digest()) }) else {
            unlink(target)
            return
        }
        var record = BuildRecord(inputs: inputs, pages: pages, diagnostics: diagnostics, fileCount: files.count,
                                 files: files.digest)
        record.bulletins = bulletins
        record.folderMode = folderMode
        var text = record.text
        OutputTree.replaceFile(target) { fd in text.withUTF8 { OutputTree.writeAll(fd, UnsafeRawBufferPointer($0)) } }
    }

    /// Forgets the record (before an output is replaced, so a record never outlives its folder).
    static func remove(for destination: String) { unlink(path(for: destination)) }

    // MARK: Text form

    var text: String {
        var lines = [Self.header, "inputs \(inputs)"]
        lines += pages.map { "pages \($0.language) \($0.count)" }
        lines += bulletins.map { "bulletins \($0.language) \($0.count)" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for d in diagnostics {
            if let json = try? encoder.encode(d) { lines.append("diagnostic " + String(decoding: json, as: UTF8.self)) }
        }
        if let folderMode { lines.append("folder " + String(folderMode, radix: 8)) }
        lines.append("files \(fileCount) \(files)")
        return lines.joined(separator: "\n") + "\n"
    }

    init(inputs: String, pages: [(language: String, count: Int)], diagnostics: [Diagnostic], fileCount: Int, files: String) {
        self.inputs = inputs
        self.pages = pages
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.files = files
    }

    /// Reads the text form; nil for anything not written by this version.
    init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(Self.header), lines.last == "" else { return nil }
        lines.removeFirst()
        lines.removeLast()
        var inputs: String?
        var pages: [(String, Int)] = []
        var bulletins: [(String, Int)] = []
        var diagnostics: [Diagnostic] = []
        var files: (Int, String)?
        var folderMode: mode_t?
        let decoder = JSONDecoder()
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            switch parts.first {
            case "inputs" where parts.count == 2:
                inputs = String(parts[1])
            case "pages" where parts.count == 3:
                guard let n = Int(parts[2]) else { return nil }
                pages.append((String(parts[1]), n))
            case "bulletins" where parts.count == 3:
                guard let n = Int(parts[2]) else { return nil }
                bulletins.append((String(parts[1]), n))
            case "diagnostic":
                guard let d = try? decoder.decode(Diagnostic.self, from: Data(line.dropFirst("diagnostic ".count).utf8)) else {
                    return nil
                }
                diagnostics.append(d)
            case "folder" where parts.count == 2:
                guard let mode = mode_t(parts[1], radix: 8), mode <= 0o7777 else { return nil }
                folderMode = mode
            case "files" where parts.count == 3:
                guard let n = Int(parts[1]) else { return nil }
                files = (n, String(parts[2]))
            default:
                return nil
            }
        }
        guard let inputs, let files else { return nil }
        self.init(inputs: inputs, pages: pages, diagnostics: diagnostics, fileCount: files.0, files: files.1)
        self.bulletins = bulletins
        self.folderMode = folderMode
    }

    // MARK: The folder

    /// Every file below `root` with its size and identity (``OutputTree/identity(_:)``); nil when the folder holds anything but
    /// folders and regular files, an empty folder (a build makes none, and a listing of files would not
    /// show it), a name not in UTF-8 (it would be read with U+FFFD for its bytes, so two would read as
    /// one), or cannot be read. A name with a line break is listed like any other: the digest ends each
    /// path with a NUL, which no name holds.
    /// The top folder's subfolders (the languages, the bulletins) are walked on every core, each folder
    /// opened from the one holding it (``FolderWalk``).
    static func listing(_ root: String) -> PlacedFiles? {
        let top = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard top >= 0 else { return nil }
        defer { close(top) }
        var files = ListedFolders()
        guard let folders = list(top, below: [], into: &files) else { return nil }
        let holding = FolderWalk.holding()
        let below = FolderWalk.map(folders, holding: holding) { name -> ListedFolders? in
            var part = ListedFolders()
            let end = FolderWalk.walk(name, in: top, below: name, top: top, holding: holding) { fd, below in
                list(fd, below: below, into: &part)
            }
            return end == .done ? part : nil
        }
        // Each folder's path is looked up once for its files, and a file is its name and identity until
        // then: a list of every file by its path, and its copy, were most of what a build with nothing
        // to do held.
        var placed = PlacedFiles()
        placed.reserveCapacity(below.reduce(files.files) { $0 + ($1?.files ?? 0) })
        for part in [files] + below {
            guard let part else { return nil }
            part.forEachFolder { path, files in
                let number = placed.folderNumber(interning: path)
                for (name, identity) in files { placed.add(name, in: number, identity) }
            }
        }
        return placed
    }

    /// The files a walk found, folder by folder, in one buffer: each folder as its path below the top
    /// ("" for the top itself) and a NUL, its number of files, then each file's name, a NUL and its
    /// identity. (As a string and a list of name and identity for each folder, the 200,000 folders of
    /// a 100,000-page site took 36 MB while they were put together, at a build's largest moment.)
    private struct ListedFolders {
        private var bytes: [UInt8] = []
        /// How many files were listed.
        private(set) var files = 0

        /// Adds a folder and its files (names in UTF-8, without a NUL).
        mutating func append(path: [UInt8], files listed: [(name: String, identity: Int)]) {
            bytes += path
            bytes.append(0)
            Self.put(UInt64(listed.count), into: &bytes)
            for (name, identity) in listed {
                bytes += name.utf8
                bytes.append(0)
                Self.put(UInt64(bitPattern: Int64(identity)), into: &bytes)
            }
            files += listed.count
        }

        /// Calls `body` with each folder's path and its files, in the order added.
        func forEachFolder(_ body: (String, [(name: String, identity: Int)]) -> Void) {
            bytes.withUnsafeBufferPointer { b in
                var i = 0
                func text() -> String {
                    let start = i
                    while b[i] != 0 { i += 1 }
                    defer { i += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
                }
                func number() -> UInt64 {
                    defer { i += 8 }
                    return (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[i + $1]) << (8 * UInt64($1)) }
                }
                while i < b.count {
                    let path = text()
                    let count = Int(number())
                    var files: [(name: String, identity: Int)] = []
                    files.reserveCapacity(count)
                    for _ in 0..<count {
                        let name = text()
                        files.append((name, Int(Int64(bitPattern: number()))))
                    }
                    body(path, files)
                }
            }
        }

        private static func put(_ value: UInt64, into bytes: inout [UInt8]) {
            for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(k)))) }
        }
    }

    /// Adds the files of the folder open at `fd` (its path `below` the top) to `listed` and returns the
    /// names of the folders in it; nil when it holds what a build does not write (a folder of another
    /// mode than the build's among them), or cannot be read.
    private static func list(_ fd: Int32, below: [UInt8], into listed: inout ListedFolders) -> [[UInt8]]? {
        // Every name on the way was checked to be UTF-8.
        var files: [(name: String, identity: Int)] = []
        defer { if !files.isEmpty { listed.append(path: below, files: files) } }
        var folders: [[UInt8]] = []
        var entries = 0
        let read = Folder.forEachEntry(in: fd) { name, _ in
            guard let text = String(validatingCString: name) else { return false }
            entries += 1
            var info = stat()
            guard fstatat(fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                // A folder the build made has the mode it makes folders with (the umask is among the
                // inputs): one changed since (`chmod 700 site/kk/42500`, which a web server answers
                // with 403) is not as the build left it, and the next build makes it anew.
                // (Its permissions: a set-group-ID bit comes from the folder above, as the system gives it.)
                if let mode = OutputTree.folderMode, info.st_mode & 0o777 != mode & 0o777 { return false }
                folders.append(Array(text.utf8))
            case S_IFREG:
                files.append((text, OutputTree.identity(info)))
            default:
                return false
            }
            return true
        }
        return read && entries > 0 ? folders : nil
    }
}
