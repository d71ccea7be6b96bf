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

    /// Writes every byte at `offset` of the file (`pwrite`, which moves no file position: several
    /// threads write their own stretches of one file), going on after a short write or an interrupted
    /// call. Nil on success, else the `errno` of the failed call.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return n == 0 ? EIO : errno }
            done += n
        }
        return nil
    }
}
