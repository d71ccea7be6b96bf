import Foundation

/// Writes to an open file descriptor with plain POSIX calls, the counterpart of ``FileReader``.
package enum FileWriter {
    /// Writes every byte of `bytes` to `fd`, going on after a short write or an interrupted call; the
    /// error of the write that failed, or nil when all were written.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += n
        }
        return nil
    }
}
