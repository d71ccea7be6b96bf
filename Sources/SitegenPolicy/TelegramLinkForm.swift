import SitegenContent
import SitegenCore
import SitegenMarkdown

/// The only shapes of Telegram link the policy accepts, read from what is written, character by
/// character, never from a normalised URL.
///
/// Telegram's app routes a `t.me` link itself, and not as a browser would: it does not resolve dot
/// segments (`t.me/evilbot/../Kenes1414Bot` opens @evilbot), it decodes what browsers leave alone,
/// and it acts on query parameters a browser ignores. A link whose target can be proven is therefore
/// one of four plain forms, and anything else is refused as not canonical:
/// - `https://t.me/<handle>`
/// - `https://t.me/s/<handle>` (a channel's web preview)
/// - `https://t.me/<handle>?start=<token>` (a bot started with a parameter)
/// - `https://t.me/<channel>/<post>` (one post of a channel; never of a bot, whose name ends in "bot")
///
/// Telegram's other link hosts (`telegram.me`, `telegram.dog`, `www.t.me`) and `tg://resolve?domain=`
/// open the same handle, but the policy keeps one form: it is the one readers are taught to
/// recognise, the only one every client (a browser without the app included) opens, and the one the
/// parity checks compare. They are read here only to name the form to write.
struct TelegramLinkForm: Equatable {
    package enum Kind: Equatable {
        case profile
        case preview
        case start(token: String)
        case post(number: String)
    }

    /// The handle as written, without `@`.
    var handle: String
    var kind: Kind

    /// The host every accepted Telegram link is written with.
    static let host = "t.me"

    /// The one accepted way to write this link.
    var canonical: String {
        let base = "https://" + Self.host + "/"
        switch kind {
        case .profile: return base + handle
        case .preview: return base + "s/" + handle
        case .start(let token): return base + handle + "?start=" + token
        case .post(let number): return base + handle + "/" + number
        }
    }

    /// How a written Telegram link reads.
    enum Reading: Equatable {
        /// One of the plain forms on `t.me`.
        case plain(TelegramLinkForm)
        /// A plain form on another Telegram host, or as `tg://resolve`: `form.canonical` is what to write.
        case alias(TelegramLinkForm)
        /// Not a plain form.
        case other
    }

    /// Reads a written link exactly as it is: scheme and host in lower case, nothing percent-encoded,
    /// no trailing slash, no parameter but `start`, no fragment.
    static func read(_ written: String) -> Reading {
        let primary = "https://" + host + "/"
        if written.hasPrefix(primary) {
            return form(path: written.dropFirst(primary.count)).map(Reading.plain) ?? .other
        }
        for alias in LinkPolicy.telegramHosts.sorted() where alias != host {
            let prefix = "https://" + alias + "/"
            if written.hasPrefix(prefix) {
                return form(path: written.dropFirst(prefix.count)).map(Reading.alias) ?? .other
            }
        }
        let resolve = "tg://resolve?domain="
        if written.hasPrefix(resolve) {
            let rest = written.dropFirst(resolve.count)
            let parts = rest.split(separator: "&", maxSplits: 1, omittingEmptySubsequences: false)
            guard isHandle(parts[0]) else { return .other }
            if parts.count == 1 { return .alias(TelegramLinkForm(handle: String(parts[0]), kind: .profile)) }
            guard parts[1].hasPrefix("start="), isStartToken(parts[1].dropFirst("start=".count)) else { return .other }
            return .alias(TelegramLinkForm(handle: String(parts[0]), kind: .start(token: String(parts[1].dropFirst("start=".count)))))
        }
        return .other
    }

    /// The form of what follows `https://t.me/`.
    static func form(path: Substring) -> TelegramLinkForm? {
        if path.hasPrefix("s/"), isHandle(path.dropFirst(2)) {
            return TelegramLinkForm(handle: String(path.dropFirst(2)), kind: .preview)
        }
        if isHandle(path) { return TelegramLinkForm(handle: String(path), kind: .profile) }
        if let q = path.firstIndex(of: "?") {
            let query = path[path.index(after: q)...]
            guard isHandle(path[..<q]), query.hasPrefix("start="), isStartToken(query.dropFirst("start=".count)) else { return nil }
            return TelegramLinkForm(handle: String(path[..<q]), kind: .start(token: String(query.dropFirst("start=".count))))
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // A bot has no posts: Telegram requires a bot's username to end in "bot", and the app opens
        // `t.me/<bot>/<name>` as one of the bot's Mini Apps, whatever the name.
        if parts.count == 2, isHandle(parts[0]), !parts[0].lowercased().hasSuffix("bot"), isPostNumber(parts[1]) {
            return TelegramLinkForm(handle: String(parts[0]), kind: .post(number: String(parts[1])))
        }
        return nil
    }

    /// A Telegram username as links carry it: a Latin letter, then 3–31 Latin letters, digits or `_`.
    static func isHandle(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 4, u.count <= 32, TelegramHandle.isLetter(u[0]) else { return false }
        return u.allSatisfy { TelegramHandle.isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }
    }

    /// A bot's start parameter: 1–64 Latin letters, digits, `_` or `-`.
    static func isStartToken(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 64 else { return false }
        return u.allSatisfy { TelegramHandle.isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
    }

    /// A post number: digits without a leading zero, at most 10.
    static func isPostNumber(_ s: Substring) -> Bool {
        let u = Array(s.utf8)
        guard !u.isEmpty, u.count <= 10, u[0] != 0x30 else { return false }
        return u.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
