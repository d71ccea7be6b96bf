import SitegenCore

/// Why a deploy stopped, each with a message that says what happened to the site and what to do.
/// The site the readers see is never left half-switched: `current` changes only at the end.
/// Each message is a `MessageCatalog` entry, written in the editors' language; `description` is the English.
package enum DeployFault: Error, CustomStringConvertible, Equatable {
    /// `--target` names no entry of `deploy:`.
    case unknownTarget(CatalogMessage)
    case missingProgram(CatalogMessage)
    /// Another deploy holds the target's lock.
    case busy(CatalogMessage)
    /// The host cannot be reached (name, network, refused connection, timeout).
    case unreachable(CatalogMessage)
    /// The host refused the key (or it does not know ours, or we do not know its).
    case refusedKey(CatalogMessage)
    /// The host refused to write (permissions, read-only file system).
    case permission(CatalogMessage)
    /// The host's disk is full.
    case diskFull(CatalogMessage)
    /// The upload stopped before it was complete.
    case interrupted(CatalogMessage)
    /// Anything else the host reported.
    case host(CatalogMessage)
    /// Nothing to roll back to, a release that is gone.
    case rollback(CatalogMessage)

    package var message: CatalogMessage {
        switch self {
        case .unknownTarget(let m), .missingProgram(let m), .busy(let m), .unreachable(let m), .refusedKey(let m),
             .permission(let m), .diskFull(let m), .interrupted(let m), .host(let m), .rollback(let m):
            return m
        }
    }

    package func message(in language: MessageLanguage) -> String { message.text(language) }

    package var description: String { message.text(.en) }

    /// Reads how ssh, rsync or the host script ended into a fault a person can act on. `during` says
    /// what was being done; the readers' site is unchanged in every case.
    /// `during` is a `deploy.during.*` message.
    static func classify(_ ending: ChildProcess.Ending, during: CatalogMessage, access: HostAccess) -> DeployFault {
        let text = ending.errorText
        let detail = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("rsync error:") }.prefix(3)
            .joined(separator: "; ")
        // The tools' own words, in parentheses: what an administrator searches for.
        let shown = detail.isEmpty ? "" : " (\(detail))"
        let place = access.display
        let host = access.target.host ?? place
        func has(_ s: String) -> Bool { text.localizedCaseInsensitiveContains(s) }
        func message(_ id: String, _ more: [String: String] = [:]) -> CatalogMessage {
            var arguments = ["shown": shown, "place": place, "host": host, "target": access.target.name]
            arguments.merge(MessageCatalog.nest("during", during.id, during.arguments)) { a, _ in a }
            arguments.merge(more) { _, b in b }
            return CatalogMessage(id, arguments)
        }
        if has("Permission denied (publickey") || has("Too many authentication failures") || has("no mutual signature") {
            return .refusedKey(message("deploy.fault.key"))
        }
        if has("Host key verification failed") || has("host key is known") || has("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            return .refusedKey(message("deploy.fault.host-key"))
        }
        if has("Could not resolve hostname") || has("Connection refused") || has("Connection timed out") || has("No route to host")
            || has("Network is unreachable") || has("Connection closed by") || has("Connection reset") || has("kex_exchange_identification") {
            return .unreachable(message("deploy.fault.unreachable"))
        }
        if has("No space left on device") || has("Disk quota exceeded") {
            return .diskFull(message("deploy.fault.disk"))
        }
        if has("Permission denied") || has("Operation not permitted") || has("Read-only file system") {
            return .permission(message("deploy.fault.permission"))
        }
        if ending.killedBySignal || ending.status == 20 || ending.status == 30 || ending.status == 35 {
            return .interrupted(message("deploy.fault.interrupted"))
        }
        if ending.status == 255 {
            return .unreachable(message("deploy.fault.ssh"))
        }
        return .host(message("deploy.fault.failed", ["status": "\(ending.status)"]))
    }
}
