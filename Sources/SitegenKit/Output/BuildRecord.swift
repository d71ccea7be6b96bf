import CPosix
import Foundation

/// What the last published build read and wrote, kept beside the output (`.site.build` for `site/`),
/// so the site itself stays byte-identical from build to build: the digest of its inputs, its
/// diagnostics and page counts, and every file it published with its size and time of change.
///
/// A build whose inputs have the same digest, into an output that still holds exactly those files,
/// has nothing to do: it reports what the last build reported and writes nothing.
struct BuildRecord: Equatable {
    static let header = "sitegen build record 1"

    var inputs: String
    var pages: [(language: String, count: Int)]
    var diagnostics: [Diagnostic]
    /// Each published file: path relative to the output, size, time of change in nanoseconds.
    var files: [OutputFile]

    struct OutputFile: Equatable {
        var path: String
        var size: Int
        var changed: Int
    }

    static func == (a: BuildRecord, b: BuildRecord) -> Bool {
        a.inputs == b.inputs && a.pages.map { "\($0.language) \($0.count)" } == b.pages.map { "\($0.language) \($0.count)" }
            && a.diagnostics == b.diagnostics && a.files == b.files
    }

    /// The record's file for an output folder: `.site.build` beside `site/`.
    static func path(for destination: String) -> String {
        let (parent, prefix) = OutputTree.stagingPrefix(for: destination)
        return parent + "/" + String(prefix.dropLast(".tmp-".count)) + ".build"
    }

    /// The record of the build that published `destination`, if it still describes the folder:
    /// nil when there is none, it cannot be read, or a file was added, removed or changed since.
    static func current(of destination: String) -> BuildRecord? {
        guard let bytes = FileReader.read(path(for: destination)),
              let record = BuildRecord(text: String(decoding: bytes, as: UTF8.self)),
              let files = listing(destination), files == record.files else { return nil }
        return record
    }

    /// Writes the record for a folder just published (through a temporary file and a rename, so a
    /// reader never sees half a record). A folder that cannot be listed gets no record: the next
    /// build then does the whole work, which is always safe.
    static func write(for destination: String, inputs: String, pages: [(language: String, count: Int)],
                      diagnostics: [Diagnostic]) {
        let target = path(for: destination)
        guard let files = listing(destination) else {
            unlink(target)
            return
        }
        let record = BuildRecord(inputs: inputs, pages: pages, diagnostics: diagnostics, files: files)
        let temporary = target + ".tmp-" + String(getpid())
        var text = record.text
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else {
            unlink(target)
            return
        }
        let written = text.withUTF8 { buf in Glibc.write(fd, buf.baseAddress, buf.count) == buf.count }
        close(fd)
        if !written || rename(temporary, target) != 0 {
            unlink(temporary)
            unlink(target)
        }
    }

    /// Forgets the record (before an output is replaced, so a record never outlives its folder).
    static func remove(for destination: String) { unlink(path(for: destination)) }

    // MARK: Text form

    var text: String {
        var lines = [Self.header, "inputs \(inputs)"]
        lines += pages.map { "pages \($0.language) \($0.count)" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for d in diagnostics {
            if let json = try? encoder.encode(d) { lines.append("diagnostic " + String(decoding: json, as: UTF8.self)) }
        }
        lines += files.map { "file \($0.size) \($0.changed) \($0.path)" }
        return lines.joined(separator: "\n") + "\n"
    }

    init(inputs: String, pages: [(language: String, count: Int)], diagnostics: [Diagnostic], files: [OutputFile]) {
        self.inputs = inputs
        self.pages = pages
        self.diagnostics = diagnostics
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
        var diagnostics: [Diagnostic] = []
        var files: [OutputFile] = []
        let decoder = JSONDecoder()
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            switch parts.first {
            case "inputs" where parts.count == 2:
                inputs = String(parts[1])
            case "pages" where parts.count == 3:
                guard let n = Int(parts[2]) else { return nil }
                pages.append((String(parts[1]), n))
            case "diagnostic":
                guard let d = try? decoder.decode(Diagnostic.self, from: Data(line.dropFirst("diagnostic ".count).utf8)) else {
                    return nil
                }
                diagnostics.append(d)
            case "file" where parts.count == 4:
                guard let size = Int(parts[1]), let changed = Int(parts[2]) else { return nil }
                files.append(OutputFile(path: String(parts[3]), size: size, changed: changed))
            default:
                return nil
            }
        }
        guard let inputs else { return nil }
        self.init(inputs: inputs, pages: pages, diagnostics: diagnostics, files: files)
    }

    // MARK: The folder

    /// Every file below `root` with its size and time of change, sorted by path; nil when the folder
    /// holds anything but folders and regular files, a name with a line break, or cannot be read.
    static func listing(_ root: String) -> [OutputFile]? {
        var out: [OutputFile] = []
        var stack = [""]
        while let relative = stack.popLast() {
            let dir = relative.isEmpty ? root : root + "/" + relative
            for name in TreeRemoval.entries(dir) {
                guard !name.contains("\n") else { return nil }
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + path, &info) == 0 else { return nil }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    stack.append(path)
                case S_IFREG:
                    out.append(OutputFile(path: path, size: Int(info.st_size),
                                          changed: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)))
                default:
                    return nil
                }
            }
        }
        return out.sorted { $0.path < $1.path }
    }
}
