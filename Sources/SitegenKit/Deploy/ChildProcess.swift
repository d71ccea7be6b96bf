import Foundation

/// A program run with an argument array (never through a shell string), its standard error collected
/// as it comes so a chatty program cannot block on a full pipe.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let stdinPipe = Pipe()
    private let stdoutPipe = Pipe()
    private let stderrPipe = Pipe()
    private let errorLock = NSLock()
    private var errorBytes: [UInt8] = []
    private let errorDone = DispatchSemaphore(value: 0)
    private var pending: [UInt8] = []
    private var stdoutClosed = false

    /// Starts `executable` with `arguments`. Standard output is read line by line (`readLine`) or
    /// whole (`readAll`); standard input is written with `send`.
    init(executable: String, arguments: [String], environment: [String: String]? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        try process.run()
        let handle = stderrPipe.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                errorLock.lock()
                errorBytes += data
                errorLock.unlock()
            }
            errorDone.signal()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Writes text to the program's standard input; false when it has stopped reading.
    @discardableResult
    func send(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let fd = stdinPipe.fileHandleForWriting.fileDescriptor
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
        try? stdinPipe.fileHandleForWriting.close()
    }

    /// The next line of standard output without its newline, or nil at the end.
    func readLine() -> String? {
        let fd = stdoutPipe.fileHandleForReading.fileDescriptor
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
        process.waitUntilExit()
        errorDone.wait()
        errorDone.signal()
        let killed = process.terminationReason == .uncaughtSignal
        return Ending(status: process.terminationStatus, killedBySignal: killed, output: rest, errorText: errorText)
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
