import Foundation

/// Writes to the standard output and error with plain POSIX calls, and remembers a write that failed:
/// Foundation's `FileHandle.write` stops the program when one fails (a full disk, a closed pipe, a
/// file-size limit), so a build that had published said it crashed. The program ends with exit status
/// 2, an I/O error, when anything it had to say could not be written (``failure``).
package enum StandardStreams {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var firstFailure: Int32?

    /// The error of the first write that failed, if one did.
    package static var failure: Int32? { lock.withLock { firstFailure } }

    /// Writes `text` to the standard output.
    package static func output(_ text: String) { write(STDOUT_FILENO, text) }

    /// Writes `text` to the standard error.
    package static func error(_ text: String) { write(STDERR_FILENO, text) }

    private static func write(_ fd: Int32, _ text: String) {
        var text = text
        let error = text.withUTF8 { FileWriter.writeAll(fd, UnsafeRawBufferPointer($0)) }
        if let error { lock.withLock { if firstFailure == nil { firstFailure = error } } }
    }
}
