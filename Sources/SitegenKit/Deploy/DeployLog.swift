import Foundation

/// One line of `deploy.log` on the host: `2026-11-30T01:55:00Z deploy 3f9a0c1d2e4b5a6c pages=12
/// bulletins=40 who=publisher@newsroom`. The log is the history of `current`: which release went
/// live when, and who put it there. A rollback's line names the release it rolled back from too
/// (`… bulletins=40 from=9e8d7c6b5a4f3e2d who=…`): the line before it may not be that release's (a
/// line lost to a dropped connection).
struct DeployLogLine: Sendable, Equatable {
    package var time: String
    /// `deploy` or `rollback`.
    package var action: String
    package var release: String
    package var pages: Int
    package var bulletins: Int
    /// A rollback's: the release live before it.
    package var from: String?
    package var who: String

    package init(time: String, action: String, release: String, pages: Int, bulletins: Int, from: String? = nil, who: String) {
        self.time = time
        self.action = action
        self.release = release
        self.pages = pages
        self.bulletins = bulletins
        self.from = from
        self.who = Self.oneWord(who)
    }

    /// Reads a line written by `text`; nil for anything else. The list prints what it reads: a time of
    /// other characters (a terminal's escapes) or an action of another name is no line of sitegen's.
    init?(_ line: String) {
        var fields = line.split(separator: " ", maxSplits: 5).map(String.init)
        var from: String?
        if fields.count == 6, fields[5].hasPrefix("from=") {
            let rest = fields[5].split(separator: " ", maxSplits: 1).map(String.init)
            guard rest.count == 2, ReleaseID.isValid(String(rest[0].dropFirst(5))) else { return nil }
            from = String(rest[0].dropFirst(5))
            fields[5] = rest[1]
        }
        guard fields.count == 6, !fields[0].isEmpty, fields[0].utf8.allSatisfy({ (0x30...0x3A).contains($0) || $0 == 0x2D || $0 == 0x54 || $0 == 0x5A }),
              fields[1] == "deploy" || fields[1] == "rollback", ReleaseID.isValid(fields[2]),
              fields[3].hasPrefix("pages="), let pages = Int(fields[3].dropFirst(6)),
              fields[4].hasPrefix("bulletins="), let bulletins = Int(fields[4].dropFirst(10)),
              fields[5].hasPrefix("who=") else { return nil }
        self.init(time: fields[0], action: fields[1], release: fields[2], pages: pages, bulletins: bulletins, from: from,
                  who: String(fields[5].dropFirst(4)))
    }

    /// The line as written to the log.
    package var text: String {
        "\(time) \(action) \(release) pages=\(pages) bulletins=\(bulletins) " + (from.map { "from=\($0) " } ?? "") + "who=\(who)"
    }

    /// A name as one printable word: spaces and control characters become `_`.
    static func oneWord(_ s: String) -> String {
        let cleaned = String(s.unicodeScalars.map {
            $0.properties.isWhitespace || $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "_" : Character($0)
        })
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

/// The releases on a host in the order they went live, from `deploy.log`: a deploy and a rollback both
/// put a release live, and a rollback says the release live before it was bad.
struct ReleaseHistory {
    /// Existing releases, the one live last first; releases the log does not name come last.
    var newestFirst: [String]
    var entries: [String: DeployLogLine]
    /// The releases that went live, in order, one per line of the log.
    private var live: [String]
    /// Releases rolled back from and not deployed again since: no rollback goes to one, and none is kept
    /// for one.
    private var rolledBack: Set<String>

    init(state: HostState) {
        var lastLive: [String: Int] = [:]
        var entries: [String: DeployLogLine] = [:]
        var rolledBack: Set<String> = []
        for (i, line) in state.log.enumerated() {
            // The release rolled back from: the line says, else the line before it does, unless that
            // names the release rolled back to (a line was lost: the log cannot tell).
            if line.action == "rollback", let from = line.from ?? (i > 0 && state.log[i - 1].release != line.release ? state.log[i - 1].release : nil) {
                rolledBack.insert(from)
            }
            if line.action == "deploy" { rolledBack.remove(line.release) }
            lastLive[line.release] = i
            if entries[line.release] == nil || line.action == "deploy" { entries[line.release] = line }
        }
        var live = state.log.map(\.release)
        // The release `current` points at is the one live now, whatever the log says last (a line lost
        // to a dropped connection, a log emptied or rotated).
        if let current = state.current, live.last != current {
            live.append(current)
            lastLive[current] = live.count - 1
            rolledBack.remove(current)
        }
        newestFirst = state.releases.sorted { a, b in
            let (oa, ob) = (lastLive[a] ?? -1, lastLive[b] ?? -1)
            return oa != ob ? oa > ob : a < b
        }
        self.entries = entries
        self.live = live
        self.rolledBack = rolledBack
    }

    /// The release a rollback from `current` goes to: the last one live before it that is still on the
    /// host and was not itself rolled back from (after a rollback from B to A and a deploy of C, that is
    /// A, not B); then the releases the log does not name.
    func previous(of current: String?) -> String? {
        guard let current else { return nil }
        let before = live.lastIndex(of: current).map { Array(live[..<$0].reversed()) } ?? []
        let rest = newestFirst.drop { $0 != current }.dropFirst()
        return (before + rest).first { $0 != current && !rolledBack.contains($0) && newestFirst.contains($0) }
    }

    /// Releases beyond `keep`, never the current one or the one a rollback from it goes to. Releases
    /// rolled back from count last: they take no place a release a rollback may go to could keep.
    func surplus(keep: Int, current: String?) -> [String] {
        let protected = Set([current, previous(of: current)].compactMap { $0 })
        let ordered = newestFirst.filter { !rolledBack.contains($0) } + newestFirst.filter { rolledBack.contains($0) }
        return ordered.dropFirst(keep).filter { !protected.contains($0) }
    }
}
