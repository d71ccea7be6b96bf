import Foundation

/// One line of `deploy.log` on the host: `2026-11-30T01:55:00Z deploy 3f9a0c1d2e4b5a6c pages=12
/// bulletins=40 who=publisher@newsroom`. The log is the history of `current`: which release went
/// live when, and who put it there.
struct DeployLogLine: Sendable, Equatable {
    package var time: String
    /// `deploy` or `rollback`.
    package var action: String
    package var release: String
    package var pages: Int
    package var bulletins: Int
    package var who: String

    package init(time: String, action: String, release: String, pages: Int, bulletins: Int, who: String) {
        self.time = time
        self.action = action
        self.release = release
        self.pages = pages
        self.bulletins = bulletins
        self.who = Self.oneWord(who)
    }

    /// Reads a line written by `text`; nil for anything else.
    init?(_ line: String) {
        let fields = line.split(separator: " ", maxSplits: 5).map(String.init)
        guard fields.count == 6, ReleaseID.isValid(fields[2]),
              fields[3].hasPrefix("pages="), let pages = Int(fields[3].dropFirst(6)),
              fields[4].hasPrefix("bulletins="), let bulletins = Int(fields[4].dropFirst(10)),
              fields[5].hasPrefix("who=") else { return nil }
        self.init(time: fields[0], action: fields[1], release: fields[2], pages: pages, bulletins: bulletins,
                  who: String(fields[5].dropFirst(4)))
    }

    /// The line as written to the log.
    package var text: String {
        "\(time) \(action) \(release) pages=\(pages) bulletins=\(bulletins) who=\(who)"
    }

    /// A name as one printable word: spaces and control characters become `_`.
    static func oneWord(_ s: String) -> String {
        let cleaned = String(s.unicodeScalars.map { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F ? "_" : Character($0) })
        return cleaned.isEmpty ? "unknown" : cleaned
    }

    /// Now, in UTC, to the second.
    static func now() -> String {
        var t = Glibc.time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    /// Who deploys: the login name and this machine's name.
    static func currentUser() -> String {
        var name = ProcessInfo.processInfo.environment["USER"] ?? ""
        if name.isEmpty, let pw = getpwuid(geteuid()), let n = pw.pointee.pw_name { name = String(cString: n) }
        return oneWord((name.isEmpty ? "unknown" : name) + "@" + ProcessInfo.processInfo.hostName)
    }
}

/// The releases on a host in the order they went live, from `deploy.log`.
struct ReleaseHistory {
    /// Existing releases, the one deployed last first; releases the log does not name come last.
    var newestFirst: [String]
    var entries: [String: DeployLogLine]

    init(state: HostState) {
        var order: [String: Int] = [:]
        var entries: [String: DeployLogLine] = [:]
        for (i, line) in state.log.enumerated() {
            if line.action == "deploy" { order[line.release] = i }
            if entries[line.release] == nil || line.action == "deploy" { entries[line.release] = line }
        }
        newestFirst = state.releases.sorted { a, b in
            let (oa, ob) = (order[a] ?? -1, order[b] ?? -1)
            return oa != ob ? oa > ob : a < b
        }
        self.entries = entries
    }

    /// The release a rollback from `current` goes to: the one deployed before it.
    func previous(of current: String?) -> String? {
        guard let current, let i = newestFirst.firstIndex(of: current) else { return nil }
        return newestFirst.dropFirst(i + 1).first
    }

    /// Releases beyond `keep`, never the current one or the one before it.
    func surplus(keep: Int, current: String?) -> [String] {
        let protected = Set([current, previous(of: current)].compactMap { $0 })
        return newestFirst.dropFirst(keep).filter { !protected.contains($0) }
    }
}
