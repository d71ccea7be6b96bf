import Foundation
import XCTest
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real web host on this machine for the deploy tests: `sshd` on a loopback port with a host key
/// and a user key made here, a publishing account (`sitegen-publisher`, created when missing), and
/// `nginx` serving a target's `current` link on another loopback port.
///
/// Needs root (sshd logs in another account; the tests mount a tmpfs), `sshd`, `rsync` and
/// `nginx`. Without them the tests are skipped, or fail when `CI` is set (CI installs them).
/// The sshd of the shared host, stopped when the test process exits.
nonisolated(unsafe) private var runningSSHD: pid_t = 0
nonisolated(unsafe) private var hostDirectory = ""
nonisolated(unsafe) private var createdAccount = false

final class DeployHost: @unchecked Sendable {
    static let account = "sitegen-publisher"
    /// The account's home: relative target folders are relative to it.
    static let home = "/tmp/sitegen-publisher-home"

    let directory: String
    let sshPort: Int
    /// An ssh client configuration with the port, our key and the host's key.
    let sshConfig: String
    /// Another key the host does not know, for the refused-key test.
    let strangerConfig: String
    private var sshd: pid_t?

    /// The one host of a test run, started on first use.
    static func shared() throws -> DeployHost {
        lock.lock()
        defer { lock.unlock() }
        if let started { return started }
        try requireTools()
        let host = try DeployHost()
        started = host
        return host
    }

    nonisolated(unsafe) private static var started: DeployHost?
    private static let lock = NSLock()

    /// Skips (or fails under CI) when this machine cannot run a real host.
    static func requireTools() throws {
        let ci = ProcessInfo.processInfo.environment["CI"] != nil
        var missing: [String] = []
        for (tool, path) in [("sshd", "/usr/sbin/sshd"), ("nginx", "/usr/sbin/nginx"), ("rsync", "/usr/bin/rsync"),
                             ("ssh", "/usr/bin/ssh"), ("ssh-keygen", "/usr/bin/ssh-keygen"), ("flock", "/usr/bin/flock")]
        where !FileManager.default.isExecutableFile(atPath: path) { missing.append(tool) }
        if !missing.isEmpty {
            let message = "\(missing.joined(separator: ", ")) not installed (make deps installs openssh-server rsync nginx)"
            if ci { XCTFail(message); throw XCTSkip(message) }
            throw XCTSkip(message)
        }
        if getuid() != 0 {
            let message = "a real sshd for another account and a tmpfs need root"
            if ci { XCTFail(message) }
            throw XCTSkip(message)
        }
    }

    private init() throws {
        directory = NSTemporaryDirectory() + "sitegen-host-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        // The publishing account: a password nobody has ("*", not locked), a home of its own.
        if Self.shell("id -u \(Self.account)").status != 0 {
            let r = Self.shell("useradd --system --home-dir \(Self.home) --shell /bin/sh -p '*' \(Self.account)")
            guard r.status == 0 else { throw Failure("useradd failed: \(r.output)") }
            createdAccount = true
        }
        _ = Self.shell("mkdir -p \(Self.home) && chown \(Self.account) \(Self.home) && chmod 755 \(Self.home)")
        for key in ["host", "user", "stranger"] {
            let r = Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", key, "-f", directory + "/" + key])
            guard r.status == 0 else { throw Failure("ssh-keygen failed: \(r.output)") }
        }
        try FileManager.default.copyItem(atPath: directory + "/user.pub", toPath: directory + "/authorized_keys")
        chmod(directory + "/authorized_keys", 0o644)
        sshPort = try Self.freePort()
        let hostKey = try String(contentsOfFile: directory + "/host.pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(sshPort) \(hostKey)\n".write(toFile: directory + "/known_hosts", atomically: true, encoding: .utf8)
        try """
            Port \(sshPort)
            ListenAddress 127.0.0.1
            HostKey \(directory)/host
            PidFile \(directory)/sshd.pid
            AuthorizedKeysFile \(directory)/authorized_keys
            StrictModes no
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            AllowUsers \(Self.account)
            LogLevel ERROR

            """.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        func client(_ key: String) -> String {
            """
            Host *
              Port \(sshPort)
              IdentityFile \(directory)/\(key)
              IdentitiesOnly yes
              UserKnownHostsFile \(directory)/known_hosts
              GlobalKnownHostsFile /dev/null
              StrictHostKeyChecking yes
              LogLevel ERROR

            """
        }
        sshConfig = directory + "/ssh_config"
        strangerConfig = directory + "/ssh_config_stranger"
        try client("user").write(toFile: sshConfig, atomically: true, encoding: .utf8)
        try client("stranger").write(toFile: strangerConfig, atomically: true, encoding: .utf8)
        // sshd's privilege separation needs this folder; Debian makes it when the service starts.
        try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o755])
        sshd = try Self.spawn("/usr/sbin/sshd", ["-D", "-e", "-f", directory + "/sshd_config"], output: directory + "/sshd.log")
        // The shared host lives as long as the test process: sshd is stopped when it exits.
        runningSSHD = sshd ?? 0
        hostDirectory = directory
        atexit {
            if runningSSHD > 0 { kill(runningSSHD, SIGTERM) }
            // Mounts made by a test are gone by now; the folder holds keys, sources and releases.
            if !hostDirectory.isEmpty { DeployHost.run("/bin/rm", ["-rf", "--", hostDirectory]) }
            // The account is removed by the run that made it.
            if createdAccount { DeployHost.shell("userdel \(DeployHost.account); rm -rf \(DeployHost.home)") }
        }
        try Self.waitForPort(sshPort, what: "sshd")
    }

    deinit {
        if let sshd { kill(sshd, SIGTERM); _ = Self.wait(sshd) }
    }

    /// A folder on the host owned by the publishing account, empty.
    func makeFolder(_ name: String) throws -> String {
        let path = directory + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        XCTAssertEqual(Self.shell("chown \(Self.account) '\(path)'").status, 0)
        return path
    }

    // MARK: - nginx

    /// nginx serving `folder/current` with the site's own snippet, until `stop`.
    final class WebServer {
        let port: Int
        private let process: pid_t

        init(serving folder: String, snippet: String, scratch: String) throws {
            port = try DeployHost.freePort()
            let temp = scratch + "/nginx-\(port)"
            try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
            let conf = """
                daemon off;
                user nobody nogroup;
                worker_processes 1;
                pid \(temp)/nginx.pid;
                error_log \(temp)/error.log;
                events { worker_connections 64; }
                http {
                    include /etc/nginx/mime.types;
                    default_type application/octet-stream;
                    access_log off;
                    client_body_temp_path \(temp)/body;
                    proxy_temp_path \(temp)/proxy;
                    fastcgi_temp_path \(temp)/fastcgi;
                    uwsgi_temp_path \(temp)/uwsgi;
                    scgi_temp_path \(temp)/scgi;
                    server {
                        listen 127.0.0.1:\(port);
                        root \(folder)/current;
                        include \(snippet);
                    }
                }

                """
            try conf.write(toFile: temp + "/nginx.conf", atomically: true, encoding: .utf8)
            process = try DeployHost.spawn("/usr/sbin/nginx", ["-p", temp, "-c", temp + "/nginx.conf", "-e", temp + "/error.log"],
                                           output: temp + "/output.log")
            try DeployHost.waitForPort(port, what: "nginx")
        }

        func stop() {
            kill(process, SIGQUIT)
            _ = DeployHost.wait(process)
        }

        /// A GET as a browser makes it: status, headers (lower-case names) and body.
        func get(_ path: String) throws -> (status: Int, headers: [String: String], body: Data) {
            let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var result: (Int, [String: String], Data)?
            nonisolated(unsafe) var failure: Error?
            let config = URLSessionConfiguration.ephemeral
            config.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
            let session = URLSession(configuration: config)
            session.dataTask(with: url) { data, response, error in
                if let http = response as? HTTPURLResponse {
                    var headers: [String: String] = [:]
                    for (k, v) in http.allHeaderFields { headers[String(describing: k).lowercased()] = String(describing: v) }
                    result = (http.statusCode, headers, data ?? Data())
                } else {
                    failure = error
                }
                done.signal()
            }.resume()
            done.wait()
            session.finishTasksAndInvalidate()
            if let result { return result }
            throw failure ?? Failure("no response for \(path)")
        }
    }

    // MARK: - Helpers

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    /// Runs a program with an argument array; output and error together.
    @discardableResult
    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let log = NSTemporaryDirectory() + "sitegen-run-" + UUID().uuidString
        defer { unlink(log) }
        guard let pid = try? spawn(program, arguments, output: log) else { return (127, "cannot start \(program)") }
        let status = wait(pid)
        return (status, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// Starts a program with posix_spawn, its output and error to a file, nothing inherited but
    /// standard input. (Servers that outlive a test are kept away from Foundation's Process, whose
    /// child bookkeeping a long-running child was seen to stall.)
    static func spawn(_ program: String, _ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Nothing else the test process has open (pipes of other children) reaches the child.
        for fd in 3..<256 { posix_spawn_file_actions_addclose(&actions, Int32(fd)) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard rc == 0 else { throw Failure("cannot start \(program): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for a spawned program; its exit status (128 + signal when killed).
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// A test's own fixed command (never built from hostile input).
    @discardableResult
    static func shell(_ command: String) -> (status: Int32, output: String) { run("/bin/sh", ["-c", command]) }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failure("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitForPort(_ port: Int, what: String) throws {
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let ok = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if ok { return }
            usleep(25_000)
        }
        throw Failure("\(what) did not start on port \(port)")
    }

    /// The children of a process named `name` (from /proc).
    static func children(of pid: Int32, named name: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { child in
            guard let stat = try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8),
                  let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")") else { return false }
            let comm = stat[stat.index(after: open)..<close]
            let fields = stat[stat.index(close, offsetBy: 2)...].split(separator: " ")
            return comm == name && fields.count > 1 && Int32(fields[1]) == pid
        }
    }
}
