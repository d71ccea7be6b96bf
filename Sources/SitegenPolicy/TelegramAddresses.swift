import SitegenCore

/// Addresses as a Telegram client finds them in text: `tg://` and `ton://` anywhere, and names,
/// e-mail addresses, IPv4 addresses and `http(s)://`, `ftp://`, `tonsite://` links read outwards
/// from each dot (the word boundaries are in ``TelegramTextBoundaries``).
extension TelegramTextBoundaries {
    /// `tg://…` and `ton://…`, wherever they start (even inside a word).
    static func schemeURLs(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        var i = 0
        while i + 2 < s.count {
            defer { i += 1 }
            guard s[i] == ":", s[i + 1] == "/", s[i + 2] == "/" else { continue }
            let before = String(scalars: s[max(0, i - 7)..<i]).lowercased()
            let begin: Int
            // For `tonsite://` the clients link from the `ite` on (as TDLib reports it): that
            // piece, an unknown scheme, is what is judged.
            if before.hasSuffix("ton") || before.hasSuffix("tonsite") {
                begin = i - 3
            } else if before.hasSuffix("tg") {
                begin = i - 2
            } else {
                continue
            }
            var end = i + 3
            while end < s.count, end - (i + 3) < 253, isHandleCharacter(s[end]) || s[end] == "-" { end += 1 }
            guard end > i + 3 else { continue }
            if end < s.count, ["/", "?", "#"].contains(s[end]) {
                var pathEnd = end + 1
                while pathEnd < s.count, isPathCharacter(s[pathEnd]) { pathEnd += 1 }
                while pathEnd > end + 1, trailing.contains(s[pathEnd - 1]) { pathEnd -= 1 }
                if s[end] == "/" || pathEnd > end + 1 { end = pathEnd }
            }
            out.append(TelegramAutoLink(kind: .url, range: begin..<end))
        }
        return out
    }

    /// Addresses found around each dot: `name.tld`, `user@host`, `https://…`, `1.2.3.4:80/x`.
    static func addresses(_ s: [Unicode.Scalar]) -> [TelegramAutoLink] {
        var out: [TelegramAutoLink] = []
        var start = 0
        while true {
            guard let dot = s[start...].firstIndex(of: "."), dot + 1 < s.count else { break }
            if s[dot + 1] == " " {
                start = dot + 2
                continue
            }
            var domainBegin = dot
            while domainBegin > start, isDomainCharacter(s[domainBegin - 1]) { domainBegin -= 1 }
            var lastAt: Int?
            var domainEnd = dot
            while domainEnd < s.count {
                if s[domainEnd] == "@" { lastAt = domainEnd } else if !isDomainCharacter(s[domainEnd]) { break }
                domainEnd += 1
            }
            if lastAt != nil {
                while domainBegin > start, isUserInfoCharacter(s[domainBegin - 1]) { domainBegin -= 1 }
            }
            var urlEnd = domainEnd
            if urlEnd < s.count, s[urlEnd] == ":" {
                var portEnd = urlEnd + 1
                while portEnd < s.count, ("0"..."9").contains(s[portEnd]) { portEnd += 1 }
                let digits = String(scalars: s[(urlEnd + 1)..<portEnd]).drop { $0 == "0" }
                if !digits.isEmpty, digits.count <= 5, let port = Int(digits), port <= 65535 { urlEnd = portEnd }
            }
            if urlEnd < s.count, ["/", "?", "#"].contains(s[urlEnd]) {
                var pathEnd = urlEnd + 1
                while pathEnd < s.count, isPathCharacter(s[pathEnd]) { pathEnd += 1 }
                while pathEnd > urlEnd + 1, trailing.contains(s[pathEnd - 1]) { pathEnd -= 1 }
                if s[urlEnd] == "/" || pathEnd > urlEnd + 1 { urlEnd = pathEnd }
            }
            while urlEnd > dot + 1, s[urlEnd - 1] == "." { urlEnd -= 1 }

            var bad = false
            var urlBegin = domainBegin
            if urlBegin > start, s[urlBegin - 1] == "@" {
                if lastAt != nil { bad = true }
                var user = urlBegin - 1
                while user > start, isUserInfoCharacter(s[user - 1]) { user -= 1 }
                if user == urlBegin - 1 { bad = true }
                urlBegin = user
            }
            if urlBegin > start {
                let prefix = s[start..<urlBegin]
                if prefix.reduce(0, { $0 + UTF8.width($1) }) >= 6, prefix.suffix(3).elementsEqual("://".unicodeScalars) {
                    var schemeBegin = urlBegin - 3
                    while schemeBegin > start, isSchemeCharacter(s[schemeBegin - 1]) { schemeBegin -= 1 }
                    let scheme = String(scalars: s[schemeBegin..<(urlBegin - 3)]).lowercased()
                    if scheme.hasSuffix("http") && scheme != "shttp" {
                        urlBegin -= 7
                    } else if scheme.hasSuffix("https") {
                        urlBegin -= 8
                    } else if scheme.hasSuffix("ftp") && scheme != "tftp" && scheme != "sftp" {
                        urlBegin -= 6
                    } else if scheme.hasSuffix("tonsite") {
                        urlBegin -= 10
                    } else {
                        bad = true
                    }
                } else {
                    let c = s[urlBegin - 1]
                    if isWordCharacter(c) || c == "/" || c == "#" || c == "@" { bad = true }
                }
            }
            if !bad {
                if urlEnd > dot + 1, let found = classify(s, urlBegin..<urlEnd) { out.append(found) }
                while urlEnd < s.count, s[urlEnd] == "." { urlEnd += 1 }
            } else {
                while urlEnd > dot + 1, s[urlEnd - 1] != "." { urlEnd -= 1 }
            }
            start = max(urlEnd, dot + 1)
        }
        return out
    }

    /// An e-mail address, an address, or nothing (a name without a known top-level domain).
    private static func classify(_ s: [Unicode.Scalar], _ range: Range<Int>) -> TelegramAutoLink? {
        let text = String(scalars: s[range])
        if isEmailAddress(text) { return TelegramAutoLink(kind: .email, range: range) }
        if text.hasPrefix("mailto:"), isEmailAddress(String(text.dropFirst(7))) {
            return TelegramAutoLink(kind: .email, range: (range.lowerBound + 7)..<range.upperBound)
        }
        guard let length = addressLength(ScalarArray.of(text)) else { return nil }
        return TelegramAutoLink(kind: .url, range: range.lowerBound..<(range.lowerBound + length))
    }

    /// `[a-z0-9_-]` parts joined by `.` or `+` before the @, 2–7 labels after it and a Latin
    /// top-level domain of 2–8 letters.
    static func isEmailAddress(_ text: String) -> Bool {
        let u = ScalarArray.of(text)
        guard let at = u.firstIndex(of: "@") else { return false }
        let user = u[..<at], domain = u[(at + 1)...]
        guard !domain.isEmpty else { return false }
        var partStart = user.startIndex
        var parts = 0
        for i in user.indices {
            if user[i] == "." || user[i] == "+" {
                if i - partStart >= 27 { return false }
                parts += 1
                partStart = i + 1
            } else if !(isHandleCharacter(user[i]) || user[i] == "-") {
                return false
            }
        }
        parts += 1
        let last = user.endIndex - partStart
        guard parts < 12, last > 0, last < 36 else { return false }
        let labels = domain.split(separator: "@", omittingEmptySubsequences: false).count == 1
            ? Array(domain).split(separator: ".", omittingEmptySubsequences: false) : []
        guard labels.count >= 2, labels.count <= 7, let tld = labels.last, tld.count >= 2, tld.count <= 8,
              tld.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) }) else { return false }
        return labels.dropLast().allSatisfy { label in
            !label.isEmpty && label.count < 31 && label.allSatisfy { isHandleCharacter($0) || $0 == "-" }
                && isASCIIAlphanumeric(label.first!) && isASCIIAlphanumeric(label.last!)
        }
    }

    /// How much of a candidate address a client links (unbalanced brackets and sentence
    /// punctuation cut the path), or nil when its host is no name a client links.
    private static func addressLength(_ u: [Unicode.Scalar]) -> Int? {
        var rest = u[...]
        var hasScheme = false
        let head = String(scalars: u.prefix(10)).lowercased()
        for scheme in ["http://", "https://", "ftp://", "tonsite://"] where head.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            hasScheme = true
            break
        }
        let hostEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var host = rest[rest.startIndex..<hostEnd]
        if let at = host.firstIndex(of: "@") { host = host[(at + 1)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        if String(scalars: host).lowercased() == "teiegram.org" { return nil }

        var balance = [0, 0, 0]
        var pathEnd = hostEnd
        while pathEnd < u.count {
            switch u[pathEnd] {
            case "(": balance[0] += 1
            case "[": balance[1] += 1
            case "{": balance[2] += 1
            case ")": balance[0] -= 1
            case "]": balance[1] -= 1
            case "}": balance[2] -= 1
            default: break
            }
            if balance.contains(where: { $0 < 0 }) { break }
            pathEnd += 1
        }
        while pathEnd > hostEnd, trailing.contains(u[pathEnd - 1]) { pathEnd -= 1 }

        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            let bytes = label.reduce(0) { $0 + UTF8.width($1) }
            if label.isEmpty || bytes >= 64 || label.last == "-" { return nil }
        }
        if labels.count == 4, labels.allSatisfy(isIPv4Part) { return pathEnd }
        guard host.contains(where: { $0 != "." && !("0"..."9").contains($0) }) else { return nil }
        let tld = labels.last!
        guard tld.count > 1 else { return nil }
        let tldText = String(scalars: tld)
        if tldText.hasPrefix("xn--") {
            guard tld.count > 5, tld.dropFirst(4).allSatisfy(isASCIIAlphanumeric) else { return nil }
        } else {
            if tld.contains("_") || tld.contains("-") { return nil }
            if !hasScheme, !TelegramTLDs.isKnown(tldText) { return nil }
        }
        if labels.count >= 2, labels[labels.count - 2].contains("_") { return nil }
        return pathEnd
    }

    /// A number of at most three digits, at most 255, without a leading zero.
    private static func isIPv4Part(_ label: ArraySlice<Unicode.Scalar>) -> Bool {
        guard !label.isEmpty, label.count <= 3, label.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        if label.count > 1 && label.first == "0" { return false }
        return Int(String(scalars: label))! <= 255
    }
}
