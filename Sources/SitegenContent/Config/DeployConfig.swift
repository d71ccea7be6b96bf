/// Where `sitegen deploy` publishes: one entry of `deploy:` in sitegen.yml.
///
/// ```yaml
/// deploy:
///   production:
///     rsync: "publisher@example.kz:/var/www/guides"   # ssh destination, or a local path
///     keep: 5                                          # releases kept for rollback
/// ```
package struct DeployTarget: Sendable, Equatable {
    /// The name after `--target`.
    package var name: String
    /// The ssh login (`publisher@example.kz`), or nil when the folder is on this machine.
    package var host: String?
    /// The folder on the host that holds `releases/`, `current` and `deploy.log`; relative paths are
    /// relative to the login's home folder (or to the source folder for a local target).
    package var path: String
    /// How many releases are kept for rollback (the current and the previous one always are).
    package var keep: Int = 5
    /// An ssh configuration file (`ssh -F`), for a port, a key or a known-hosts file of its own.
    package var sshConfig: String?
    /// Upload bandwidth limit in KiB/s (rsync `--bwlimit`), for a shared newsroom line; nil for none.
    package var bandwidthLimit: Int?
    /// Where the target is written in sitegen.yml.
    package var line = 0
    package var column = 0

    package init(name: String, host: String?, path: String) {
        self.name = name
        self.host = host
        self.path = path
    }

    /// Reads `rsync:` the way rsync does: a colon before any slash makes it `login:path`.
    /// Returns the host and path, or why the value cannot be used.
    static func parseDestination(_ value: String) -> Result<(host: String?, path: String), DestinationProblem> {
        guard !value.isEmpty else { return .failure(.empty) }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .failure(.controlCharacter)
        }
        let firstColon = value.firstIndex(of: ":")
        let firstSlash = value.firstIndex(of: "/")
        guard let colon = firstColon, firstSlash.map({ colon < $0 }) ?? true else {
            return checkPath(value).map { (nil, $0) }
        }
        let login = String(value[..<colon])
        let path = String(value[value.index(after: colon)...])
        // An address in brackets (`[::1]:/srv`), which rsync reads otherwise than ssh: no login of ours.
        if value.hasPrefix("["), let close = value.firstIndex(of: "]") { return .failure(.badHost(String(value[...close]))) }
        // `host::module` and `rsync://host/module` (any case, as rsync reads it) name a daemon.
        if path.hasPrefix(":") || (login.lowercased() == "rsync" && path.hasPrefix("//")) { return .failure(.daemon) }
        guard isLogin(login) else { return .failure(.badHost(login)) }
        guard !path.isEmpty else { return .failure(.noPath) }
        return checkPath(path).map { (login, $0) }
    }

    private static func checkPath(_ path: String) -> Result<String, DestinationProblem> {
        if path.hasPrefix("~") { return .failure(.tilde) }
        return .success(path)
    }

    /// `user@host` or `host`: a user name and a host name (or IPv4 address) that no program can read
    /// as an option, so the login can be given to ssh and rsync as an argument as it is.
    static func isLogin(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count <= 2, let host = parts.last else { return false }
        func word(_ w: Substring, extra: Set<Character>) -> Bool {
            guard let first = w.first, first.isASCII, first.isLetter || first.isNumber || first == "_" else { return false }
            return w.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || extra.contains($0)) }
        }
        if parts.count == 2 && !word(parts[0], extra: ["_", "-", "."]) { return false }
        return word(host, extra: ["-", "."]) && host.count <= 253 && !host.hasSuffix("-")
    }

    /// A destination the deploy cannot use.
    enum DestinationProblem: Error, Equatable {
        case empty, controlCharacter, daemon, noPath, tilde
        case badHost(String)

        /// The `MessageCatalog` entry saying what is wrong with `deploy.<name>.rsync` and what to write.
        var messageID: String {
            switch self {
            case .empty: return "config.deploy.rsync.empty"
            case .controlCharacter: return "config.deploy.rsync.control"
            case .daemon: return "config.deploy.rsync.daemon"
            case .noPath: return "config.deploy.rsync.no-path"
            case .tilde: return "config.deploy.rsync.tilde"
            case .badHost: return "config.deploy.rsync.host"
            }
        }

        var arguments: [String: String] {
            if case .badHost(let h) = self { return ["login": h] }
            return [:]
        }
    }
}
