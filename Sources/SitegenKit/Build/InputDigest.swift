import CPosix
import Foundation

/// One digest of everything a build reads: `sitegen.yml`, every file under `content/`, `templates/`,
/// `i18n/` and `static/` (path and bytes), the options that change the output, and which sitegen
/// program runs. Two builds with the same digest write the same site, so a build whose digest matches
/// the one recorded in the output has nothing to do.
enum InputDigest {
    /// The folders of the source a build reads.
    static let folders = ["content", "templates", "i18n", "static"]

    static func of(_ options: BuildOptions) -> String {
        let stream = SHA256Stream()
        stream.update("sitegen inputs 1")
        stream.update(programIdentity())
        stream.update("drafts=\(options.includeDrafts) strict=\(options.strict) baseURL=\(options.baseURL ?? "-")")
        let source = options.sourceDirectory
        add(source + "/sitegen.yml", as: "sitegen.yml", to: stream)
        let walk = SourceWalk(sourceDirectory: source)
        for folder in folders {
            // Sorted: the digest must not depend on the order the system lists a folder in.
            for file in walk.files(under: folder).0.sorted(by: { $0.relative < $1.relative }) {
                add(file.path, as: folder + "/" + file.relative, to: stream)
            }
        }
        return stream.hex()
    }

    private static func add(_ path: String, as name: String, to stream: SHA256Stream) {
        stream.update(name)
        if let bytes = FileReader.read(path) {
            stream.update("\(bytes.count)")
            stream.update(bytes)
        } else {
            // A file that cannot be read is not the same input as any file that can.
            stream.update("unreadable")
        }
    }

    /// The running program's file, size and time of change: a rebuilt sitegen may write a different
    /// site from the same sources.
    private static func programIdentity() -> String {
        var info = stat()
        guard let path = realpath("/proc/self/exe", nil) else { return "unknown program" }
        defer { free(path) }
        guard stat(path, &info) == 0 else { return "unknown program" }
        return "\(String(cString: path)) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
