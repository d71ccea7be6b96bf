import Foundation

/// The repository's own site (its `sitegen.yml`, templates, strings and static files) copied into a
/// temporary folder once per process, so the fuzz targets judge input by the real policy and render it
/// with the real templates, and never write into the checkout.
public enum FuzzSite {
    /// The repository checkout: `SITEGEN_ROOT`, else found from this file's path.
    public static let repository: String = {
        if let root = ProcessInfo.processInfo.environment["SITEGEN_ROOT"] { return root }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // FuzzSupport, Sources, Fuzz, then the file
        return url.path
    }()

    /// The copy's folder.
    public static let directory: String = {
        let root = NSTemporaryDirectory() + "sitegen-fuzz-" + UUID().uuidString
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
            for item in ["templates", "static", "i18n", "sitegen.yml"] {
                try fm.copyItem(atPath: repository + "/" + item, toPath: root + "/" + item)
            }
        } catch {
            fatalError("cannot copy the site from \(repository): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: FuzzSite.directory) }
        return root
    }()

    /// Stops the fuzzer with a message: libFuzzer saves the input that led here as a crash.
    public static func fail(_ message: String, _ input: [UInt8]) -> Never {
        FileHandle.standardError.write(Data(("\nFUZZ ORACLE: " + message + "\n").utf8))
        abort()
    }
}
