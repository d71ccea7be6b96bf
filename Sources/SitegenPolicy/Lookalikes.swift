import SitegenCore
import UnicodeSecurity

/// Finds the official name a non-official host imitates, if any: confusable letters (UTS #39
/// skeletons), mixed scripts, or the tricks of lookalike sites — a hyphen or dot moved, a letter
/// doubled or changed, a top-level domain swapped or added (`egov-kz.com`, `egov.kz.com`,
/// `egovkz.kz`, `enbek.kz.kz`, `egov.com`).
package struct Lookalikes: Sendable {
    struct Official: Sendable {
        var name: String
        var skeleton: String
        /// The name without dots and hyphens, doubled letters folded: `egovkz`.
        var squashed: String
        /// The registrable label: `egov` for egov.kz, `enbek` for 42500.enbek.kz.
        var label: String
    }

    let officials: [Official]

    init(officialNames: [String]) {
        officials = officialNames.map { name in
            let registrable = HostName.registrable(name)
            let label = String(registrable.split(separator: ".").first ?? Substring(registrable))
            return Official(name: name, skeleton: Confusables.skeleton(HostName.unicode(name)),
                            squashed: Self.squash(registrable), label: label)
        }
    }

    /// The official name `host` (ASCII, not allowed) looks like, or nil.
    func imitated(by host: String) -> String? {
        let unicode = HostName.unicode(host)
        let skeleton = Confusables.skeleton(unicode)
        let squashed = Self.squash(host)
        let labels = host.split(separator: ".").map(String.init)
        let registrableLabel = HostName.registrable(host).split(separator: ".").first.map(String.init) ?? host
        // The longest official name that matches is the most specific hint.
        var best: Official? = nil
        for o in officials where best == nil || o.squashed.count > best!.squashed.count {
            if skeleton == o.skeleton || Self.squash(skeleton) == o.squashed || squashed.contains(o.squashed) {
                best = o
                continue
            }
            guard o.label.count >= 4 else { continue }
            // The official label as a whole label anywhere, or the registrable label one edit away.
            if labels.contains(where: { Self.squash($0) == Self.squash(o.label) })
                || Self.editDistanceAtMostOne(registrableLabel, o.label) {
                best = o
            }
        }
        return best?.name
    }

    /// Whether a label mixes scripts the way spoofed names do (Latin with Cyrillic letters).
    static func hasMixedScriptLabel(_ host: String) -> Bool {
        HostName.unicode(host).split(separator: ".").contains { MixedScript.isMixedScript(String($0)) }
    }

    /// Lowercase letters and digits only, with runs of one letter folded to one.
    static func squash(_ s: String) -> String {
        var out = ""
        var last: Character? = nil
        for c in s.lowercased() where c != "." && c != "-" {
            if c != last { out.append(c) }
            last = c
        }
        return out
    }

    /// Levenshtein distance between two short words, counted up to `limit` (anything further is `limit + 1`).
    package static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let x = Array(a), y = Array(b)
        if abs(x.count - y.count) > limit { return limit + 1 }
        var previous = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var current = [i] + [Int](repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return min(previous[y.count], limit + 1)
    }

    /// Damerau–Levenshtein distance of 0 or 1 (one insertion, deletion, change or swap).
    static func editDistanceAtMostOne(_ a: String, _ b: String) -> Bool {
        let x = Array(a), y = Array(b)
        if x == y { return true }
        if abs(x.count - y.count) > 1 { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if Array(x[(i + 1)...]) == Array(y[(i + 1)...]) { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && Array(x[(i + 2)...]) == Array(y[(i + 2)...])
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        return Array(long[(i + 1)...]) == Array(short[i...])
    }
}
