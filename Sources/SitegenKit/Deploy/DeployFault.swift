/// Why a deploy stopped, each with a message that says what happened to the site and what to do.
/// The site the readers see is never left half-switched: `current` changes only at the end.
public enum DeployFault: Error, CustomStringConvertible, Equatable {
    /// `--target` names no entry of `deploy:`.
    case unknownTarget(String)
    case missingProgram(String)
    /// Another deploy holds the target's lock.
    case busy(String)
    /// The host cannot be reached (name, network, refused connection, timeout).
    case unreachable(String)
    /// The host refused the key (or it does not know ours, or we do not know its).
    case refusedKey(String)
    /// The host refused to write (permissions, read-only file system).
    case permission(String)
    /// The host's disk is full.
    case diskFull(String)
    /// The upload stopped before it was complete.
    case interrupted(String)
    /// Anything else the host reported.
    case host(String)
    /// Nothing to roll back to, a release that is gone.
    case rollback(String)

    public var description: String {
        switch self {
        case .unknownTarget(let m), .missingProgram(let m), .busy(let m), .unreachable(let m), .refusedKey(let m),
             .permission(let m), .diskFull(let m), .interrupted(let m), .host(let m), .rollback(let m):
            return m
        }
    }

    /// Reads how ssh, rsync or the host script ended into a fault a person can act on. `during` says
    /// what was being done; the readers' site is unchanged in every case.
    static func classify(_ ending: ChildProcess.Ending, during: String, access: HostAccess) -> DeployFault {
        let text = ending.errorText
        let detail = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("rsync error:") }.prefix(3)
            .joined(separator: "; ")
        let shown = detail.isEmpty ? "" : " (\(detail))"
        let unchanged = "; the site the readers see is unchanged"
        let place = access.display
        func has(_ s: String) -> Bool { text.localizedCaseInsensitiveContains(s) }
        if has("Permission denied (publickey") || has("Too many authentication failures") || has("no mutual signature") {
            return .refusedKey("\(access.target.host ?? place) refused our ssh key\(shown)\(unchanged). Add this machine's public key to the publishing account's ~/.ssh/authorized_keys, or name the key in an ssh_config (deploy.\(access.target.name).ssh_config)")
        }
        if has("Host key verification failed") || has("host key is known") || has("REMOTE HOST IDENTIFICATION HAS CHANGED") {
            return .refusedKey("the host key of \(access.target.host ?? place) is not the one known to this machine\(shown)\(unchanged). Check it with the host's administrator and add it to known_hosts (ssh-keyscan)")
        }
        if has("Could not resolve hostname") || has("Connection refused") || has("Connection timed out") || has("No route to host")
            || has("Network is unreachable") || has("Connection closed by") || has("Connection reset") || has("kex_exchange_identification") {
            return .unreachable("cannot reach \(access.target.host ?? place)\(shown)\(unchanged). Check the host name in sitegen.yml, the network, and that ssh runs on the host")
        }
        if has("No space left on device") || has("Disk quota exceeded") {
            return .diskFull("the disk of \(place) is full while \(during)\(shown)\(unchanged); an unfinished upload is removed by the next deploy. Free space on the host (or lower deploy.\(access.target.name).keep) and deploy again")
        }
        if has("Permission denied") || has("Operation not permitted") || has("Read-only file system") {
            return .permission("the host refuses to write in \(place) while \(during)\(shown)\(unchanged). The publishing account must own the folder (or be able to create it)")
        }
        if ending.killedBySignal || ending.status == 20 || ending.status == 30 || ending.status == 35 {
            return .interrupted("the upload to \(place) was interrupted\(shown)\(unchanged); the unfinished release is removed by the next deploy. Deploy again")
        }
        if ending.status == 255 {
            return .unreachable("ssh could not connect to \(access.target.host ?? place)\(shown)\(unchanged)")
        }
        return .host("\(during) on \(place) failed (exit status \(ending.status))\(shown)\(unchanged)")
    }
}
