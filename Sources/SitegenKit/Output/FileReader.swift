import Foundation

/// Reads whole files with plain POSIX calls into byte arrays: thousands of small files per build,
/// where going through `Data` costs an extra copy each.
enum FileReader {
    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            filled += n
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// Paths (relative to `root`) of the `.md` files below it, hidden files and folders skipped.
    /// A plain directory walk: listing ten thousand files through FileManager's enumerator costs
    /// several times more.
    static func markdownFiles(under root: String) -> [String] {
        var out: [String] = []
        func walk(_ dir: String, _ prefix: String) {
            guard let handle = opendir(dir) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                if name.hasPrefix(".") { continue }
                var type = entry.pointee.d_type
                if type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(dir + "/" + name, &info) == 0 else { continue }
                    type = (info.st_mode & S_IFMT) == S_IFDIR ? UInt8(DT_DIR) : UInt8(DT_REG)
                }
                if type == UInt8(DT_DIR) {
                    walk(dir + "/" + name, prefix + name + "/")
                } else if type == UInt8(DT_REG), name.hasSuffix(".md") {
                    out.append(prefix + name)
                }
            }
        }
        walk(root, "")
        return out
    }
}
