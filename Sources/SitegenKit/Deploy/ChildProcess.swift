import Foundation
import SitegenCore

/// A program run with an argument array (never through a shell string), its standard error collected
/// as it comes so a chatty program cannot block on a full pipe.
final class ChildProcess: @unchecked Sendable {
    // posix_spawn and waitpid rather than Foundation's Process: with one child running for the whole
    // deploy (the host session), Process was seen to never notice a second child (rsync) ending.
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var inputOpen = true
    private let errorLock = NSLock()
    private var errorBytes: [UInt8] = []
    private let errorDone = DispatchSemaphore(value: 0)
    private var pending: [UInt8] = []
    private var stdoutClosed = false
    private var ended: Int32?

    /// Starts `executable` with `arguments`. Standard output is read line by line (`readLine`);
    /// standard input is written with `send`.
    init(executable: String, arguments: [String]) throws {
        var stdin: [Int32] = [0, 0], stdout: [Int32] = [0, 0], stderr: [Int32] = [0, 0]
        guard pipe(&stdin) == 0, pipe(&stdout) == 0, pipe(&stderr) == 0 else {
            throw OutputError.io("cannot create a pipe: \(errnoText())")
        }
        // Only the ends given as 0, 1 and 2 reach the child (dup2 clears the flag on the copy).
        for fd in stdin + stdout + stderr { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, nil, argv, environ)
        for fd in [stdin[0], stdout[1], stderr[1]] { close(fd) }
        guard rc == 0 else {
            for fd in [stdin[1], stdout[0], stderr[0]] { close(fd) }
            throw OutputError.io("cannot run \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
        input = stdin[1]
        output = stdout[0]
        let errorFD = stderr[0]
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 16384)
            while true {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(errorFD, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                errorLock.lock()
                errorBytes += buffer[..<n]
                errorLock.unlock()
            }
            close(errorFD)
            errorDone.signal()
        }
    }

    deinit {
        closeInput()
        close(output)
    }

    /// Writes text to the program's standard input; false when it has stopped reading.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard inputOpen else { return false }
        let fd = input
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    /// Closes standard input: the program sees the end of its input.
    func closeInput() {
        if inputOpen { close(input) }
        inputOpen = false
    }

    /// The next line of standard output without its newline, or nil at the end.
    func readLine() -> String? {
        let fd = output
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            if stdoutClosed {
                guard !pending.isEmpty else { return nil }
                defer { pending = [] }
                return String(decoding: pending, as: UTF8.self)
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { stdoutClosed = true } else { pending += buffer[..<n] }
        }
    }

    /// Waits for the program to end, reading the rest of its output; returns how it ended.
    func finish() -> Ending {
        closeInput()
        var rest: [String] = []
        while let line = readLine() { rest.append(line) }
        if ended == nil {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            ended = status
        }
        errorDone.wait()
        errorDone.signal()
        let status = ended ?? 0
        let signal = status & 0x7f
        return Ending(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, killedBySignal: signal != 0,
                      output: rest, errorText: errorText)
    }

    /// What the program wrote to standard error so far.
    var errorText: String {
        errorLock.lock()
        defer { errorLock.unlock() }
        return String(decoding: errorBytes, as: UTF8.self)
    }

    /// How a program ended.
    struct Ending {
        var status: Int32
        var killedBySignal: Bool
        var output: [String]
        var errorText: String
        var succeeded: Bool { !killedBySignal && status == 0 }
    }

    /// Runs a program to its end.
    static func run(_ executable: String, _ arguments: [String]) throws -> Ending {
        try ChildProcess(executable: executable, arguments: arguments).finish()
    }

    /// The full path of a program on `PATH`, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        for dir in ["/usr/bin", "/bin", "/usr/sbin", "/sbin"] where access(dir + "/" + name, X_OK) == 0 {
            return dir + "/" + name
        }
        return nil
    }
}
