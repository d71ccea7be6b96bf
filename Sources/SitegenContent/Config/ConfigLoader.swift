import Foundation
import SitegenCore
import Yams

/// Reads and validates `sitegen.yml`. Every problem is reported with its line and column; nothing is
/// guessed: an unknown key is an error, so a typo in the policy cannot silently disable it.
package enum ConfigLoader {
    static let topLevelKeys = ["title", "baseURL", "defaultLanguage", "languages", "links", "official", "publisher", "strict", "bulletins", "deploy", "lang"]
    static let linksKeys = ["allow", "telegram", "fake_domains", "phones", "allow_tld_wildcards"]
    static let telegramKeys = ["official", "fake"]

    /// Loads `sitegen.yml` from a source folder.
    package static func load(sourceDirectory: String) -> (SiteConfig?, [Diagnostic]) {
        let path = sourceDirectory + "/" + SiteConfig.fileName
        guard let bytes = FileReader.read(path) else {
            let reason = errnoText()
            return (nil, [.error("config.missing", id: FileReader.isAbsent(path) ? "config.missing.none" : "config.missing.unreadable",
                                 ["folder": sourceDirectory, "reason": reason], file: SiteConfig.fileName)])
        }
        return parse(bytes, file: SiteConfig.fileName)
    }

    /// Parses the bytes of a config file.
    package static func parse(_ raw: [UInt8], file: String) -> (SiteConfig?, [Diagnostic]) {
        let text: SourceText
        switch SourceText.decode(raw) {
        case .success(let t): text = t
        case .failure(let p):
            return (nil, [.error("config.encoding", id: messageID(p.problem), file: file, line: p.line, column: p.column)])
        }
        var reader = YAMLReader(file: file)
        guard let root = reader.compose(text.string) else {
            if reader.diagnostics.isEmpty {
                return (nil, [.error("config.invalid", id: "config.empty", file: file, line: 1, column: 1)])
            }
            return (nil, reader.diagnostics)
        }
        guard let pairs = reader.mapping(root, what: "sitegen.yml") else { return (nil, reader.diagnostics) }

        var titles: [String: String] = [:]
        var titleText = LocalizedText()
        var baseURL: Located<String>?
        var defaultLanguage: Located<String>?
        var languages: [Located<String>] = []
        var links = LinkPolicyConfig()
        var seenLinks = false
        var official: [OfficialLinkEntry] = []
        var publisher: Publisher?
        var strict = false
        var bulletins = BulletinSettings()
        var deployTargets: [DeployTarget] = []
        var messageLanguage: MessageLanguage?
        for (key, keyNode, value) in pairs {
            switch key {
            case "title":
                titleText = reader.localized(value, what: "title")
                titles = titleText.byLanguage
                if let shared = titleText.shared { titles[""] = shared }
            case "baseURL": baseURL = reader.string(value, what: "baseURL")
            case "defaultLanguage": defaultLanguage = reader.string(value, what: "defaultLanguage")
            case "languages": languages = reader.strings(value, what: "languages") ?? []
            case "links":
                seenLinks = true
                links = readLinks(value, &reader)
            case "official": official = readOfficial(value, &reader)
            case "publisher": publisher = readPublisher(value, &reader)
            case "strict": strict = reader.bool(value, what: "strict") ?? false
            case "bulletins": bulletins = readBulletins(value, &reader)
            case "deploy": deployTargets = readDeploy(value, &reader)
            case "lang":
                // The language sitegen speaks to the editors in; the content's languages are `languages`.
                if let l = reader.string(value, what: "lang") {
                    messageLanguage = MessageLanguage(rawValue: l.value)
                    if messageLanguage == nil {
                        reader.error("config.language", id: "config.language.messages", ["value": l.value], at: value)
                    }
                }
            default:
                reader.error("config.unknown-key", id: "config.unknown-key",
                             ["key": key, "where": "sitegen.yml", "known": topLevelKeys.joined(separator: ", ")], at: keyNode)
            }
        }
        var diagnostics = reader.diagnostics
        func missing(_ key: String) {
            diagnostics.append(.error("config.missing-key", id: "config.missing-key", ["key": key], file: file, line: 1, column: 1))
        }
        if languages.isEmpty { missing("languages") }
        if baseURL == nil { missing("baseURL") }
        if !seenLinks { missing("links") }
        var seen = Set<String>()
        for lang in languages {
            if reservedLanguageCodes.contains(lang.value) {
                diagnostics.append(.error("config.language", id: "config.language.reserved", ["value": lang.value],
                                          file: file, line: lang.line, column: lang.column))
            } else if !isLanguageCode(lang.value) {
                diagnostics.append(.error("config.language", id: "config.language.code", ["value": lang.value],
                                          file: file, line: lang.line, column: lang.column))
            }
            if !seen.insert(lang.value).inserted {
                diagnostics.append(.error("config.language", id: "config.language.twice", ["value": lang.value],
                                          file: file, line: lang.line, column: lang.column))
            }
        }
        let codes = languages.map(\.value)
        if let d = defaultLanguage, !codes.isEmpty, !codes.contains(d.value) {
            diagnostics.append(.error("config.language", id: "config.language.default", ["value": d.value],
                                      file: file, line: d.line, column: d.column))
        }
        if let shared = titles.removeValue(forKey: "") {
            for lang in codes where titles[lang] == nil { titles[lang] = shared }
        }
        var normalizedBase = ""
        if let b = baseURL {
            if let n = normalizeBaseURL(b.value) {
                normalizedBase = n
            } else {
                diagnostics.append(.error("config.baseURL", id: "config.baseURL.form", ["value": b.value],
                                          file: file, line: b.line, column: b.column))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var config = SiteConfig(titles: titles, baseURL: normalizedBase,
                                defaultLanguage: defaultLanguage?.value ?? codes[0], languages: codes, links: links)
        config.official = official
        config.messageLanguage = messageLanguage
        config.titleText = titleText
        config.baseURLPosition = baseURL.map { ($0.line, $0.column) }
        config.publisher = publisher
        config.strict = strict
        config.bulletins = bulletins
        config.deployTargets = deployTargets
        return (config, diagnostics)
    }

    /// `bulletins:`: `sms: { maxSegments: N }`.
    static func readBulletins(_ node: Node, _ reader: inout YAMLReader) -> BulletinSettings {
        var settings = BulletinSettings()
        guard let pairs = reader.mapping(node, what: "bulletins") else { return settings }
        for (key, keyNode, value) in pairs {
            guard key == "sms" else {
                reader.error("config.unknown-key", id: "config.unknown-key", ["key": key, "where": "bulletins", "known": "sms"], at: keyNode)
                continue
            }
            guard let sms = reader.mapping(value, what: "bulletins.sms") else { continue }
            for (k, kNode, v) in sms {
                guard k == "maxSegments" else {
                    reader.error("config.unknown-key", id: "config.unknown-key", ["key": k, "where": "bulletins.sms", "known": "maxSegments"], at: kNode)
                    continue
                }
                if let n = reader.int(v, what: "bulletins.sms.maxSegments") {
                    if (1...255).contains(n) { settings.smsMaxSegments = n } else {
                        reader.error("config.bulletins", id: "config.bulletins.sms", at: v)
                    }
                }
            }
        }
        return settings
    }

    static let deployKeys = ["rsync", "keep", "ssh_config", "bwlimit"]

    /// `deploy:`: targets by name, each `{rsync, keep, ssh_config, bwlimit}`.
    static func readDeploy(_ node: Node, _ reader: inout YAMLReader) -> [DeployTarget] {
        guard let targets = reader.mapping(node, what: "deploy") else { return [] }
        var out: [DeployTarget] = []
        for (name, nameNode, value) in targets {
            guard !name.isEmpty, name.first != "-",
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                reader.error("config.deploy", id: "config.deploy.name", ["name": name], at: nameNode)
                continue
            }
            guard let pairs = reader.mapping(value, what: "deploy.\(name)") else { continue }
            var destination: Located<String>?
            var keep: Int?, sshConfig: String?, bandwidth: Int?
            for (key, keyNode, v) in pairs {
                switch key {
                case "rsync": destination = reader.string(v, what: "deploy.\(name).rsync")
                case "keep":
                    guard let n = reader.int(v, what: "deploy.\(name).keep") else { continue }
                    if n >= 2 && n <= 1000 { keep = n } else {
                        reader.error("config.deploy", id: "config.deploy.keep", ["name": name], at: v)
                    }
                case "ssh_config":
                    guard let s = reader.string(v, what: "deploy.\(name).ssh_config") else { continue }
                    if s.value.isEmpty || s.value.contains("'") || s.value.unicodeScalars.contains(where: { $0.value < 0x20 }) {
                        reader.error("config.deploy", id: "config.deploy.ssh-config", ["name": name], at: v)
                    } else { sshConfig = s.value }
                case "bwlimit":
                    guard let n = reader.int(v, what: "deploy.\(name).bwlimit") else { continue }
                    if n > 0 { bandwidth = n } else {
                        reader.error("config.deploy", id: "config.deploy.bwlimit", ["name": name], at: v)
                    }
                default:
                    reader.error("config.unknown-key", id: "config.unknown-key",
                                 ["key": key, "where": "deploy.\(name)", "known": deployKeys.joined(separator: ", ")], at: keyNode)
                }
            }
            guard let destination else {
                reader.error("config.deploy", id: "config.deploy.no-rsync", ["name": name], at: nameNode)
                continue
            }
            switch DeployTarget.parseDestination(destination.value) {
            case .failure(let problem):
                reader.error("config.deploy", id: problem.messageID, problem.arguments.merging(["name": name]) { a, _ in a }, at: targetsValueNode(value, key: "rsync") ?? nameNode)
            case .success(let (host, path)):
                var target = DeployTarget(name: name, host: host, path: path)
                target.keep = keep ?? target.keep
                target.sshConfig = sshConfig
                target.bandwidthLimit = bandwidth
                (target.line, target.column) = (destination.line, destination.column)
                out.append(target)
            }
        }
        return out
    }

    private static func targetsValueNode(_ node: Node, key: String) -> Node? {
        node.mapping?.first(where: { $0.key.scalar?.string == key })?.value
    }

    static func readLinks(_ node: Node, _ reader: inout YAMLReader) -> LinkPolicyConfig {
        var links = LinkPolicyConfig()
        let p = reader.position(node)
        links.line = p.line
        links.column = p.column
        guard let pairs = reader.mapping(node, what: "links") else { return links }
        for (key, keyNode, value) in pairs {
            switch key {
            case "allow":
                links.allow = reader.strings(value, what: "links.allow") ?? []
                let p = reader.position(keyNode)
                (links.line, links.column) = (p.line, p.column)
            case "fake_domains":
                links.fakes += fakeList(value, kind: .site, what: "links.fake_domains", &reader)
            case "phones": links.phones = reader.strings(value, what: "links.phones") ?? []
            case "allow_tld_wildcards": links.allowTopLevelWildcards = reader.bool(value, what: "links.allow_tld_wildcards") ?? false
            case "telegram":
                guard let tg = reader.mapping(value, what: "links.telegram") else { continue }
                for (k, kNode, v) in tg {
                    switch k {
                    case "official": links.telegramOfficial = reader.strings(v, what: "links.telegram.official") ?? []
                    case "fake": links.fakes += fakeList(v, kind: .bot, what: "links.telegram.fake", &reader)
                    default:
                        reader.error("policy.invalid", id: "config.unknown-key",
                                     ["key": k, "where": "links.telegram", "known": telegramKeys.joined(separator: ", ")], at: kNode)
                    }
                }
            default:
                reader.error("policy.invalid", id: "config.unknown-key",
                             ["key": key, "where": "links", "known": linksKeys.joined(separator: ", ")], at: keyNode)
            }
        }
        return links
    }

    static func fakeList(_ node: Node, kind: FakeEntry.Kind, what: String, _ reader: inout YAMLReader) -> [FakeEntry] {
        guard let items = node.sequence else {
            return reader.fake(node, kind: kind, what: what).map { [$0] } ?? []
        }
        return items.compactMap { reader.fake($0, kind: kind, what: what) }
    }

    static func readOfficial(_ node: Node, _ reader: inout YAMLReader) -> [OfficialLinkEntry] {
        guard let items = node.sequence else {
            reader.error("config.official", id: "config.official.list", at: node)
            return []
        }
        var out: [OfficialLinkEntry] = []
        for item in items {
            guard let pairs = reader.mapping(item, what: "an entry of official") else { continue }
            let p = reader.position(item)
            var url: Located<String>?
            var entry = OfficialLinkEntry(url: Located("", line: p.line, column: p.column), title: LocalizedText(),
                                          description: LocalizedText(), tags: [], line: p.line, column: p.column)
            for (key, keyNode, value) in pairs {
                switch key {
                case "url": url = reader.string(value, what: "official.url")
                case "title": entry.title = reader.localized(value, what: "official.title")
                case "description": entry.description = reader.localized(value, what: "official.description")
                case "tags": entry.tags = (reader.strings(value, what: "official.tags") ?? []).map(\.value)
                default:
                    reader.error("config.official", id: "config.unknown-key",
                                 ["key": key, "where": "official", "known": "url, title, description, tags"], at: keyNode)
                }
            }
            guard let url else {
                reader.error("config.official", id: "config.official.no-url", at: item)
                continue
            }
            entry.url = url
            out.append(entry)
        }
        return out
    }

    static func readPublisher(_ node: Node, _ reader: inout YAMLReader) -> Publisher? {
        guard let pairs = reader.mapping(node, what: "publisher") else { return nil }
        var publisher = Publisher(name: LocalizedText(), url: nil)
        for (key, keyNode, value) in pairs {
            switch key {
            case "name": publisher.name = reader.localized(value, what: "publisher.name")
            case "url":
                publisher.urlLocation = reader.string(value, what: "publisher.url")
                publisher.url = publisher.urlLocation?.value
            default: reader.error("config.unknown-key", id: "config.unknown-key", ["key": key, "where": "publisher", "known": "name, url"], at: keyNode)
            }
        }
        return publisher
    }

    /// Folders the build writes at the top of the site whose names are written as a language code is:
    /// a language of that name would be published among the search index or the sitemaps. (The others,
    /// `bulletins`, `_host`, `index.html` …, are no language code; `SiteFileClashTests` holds the list
    /// to what the build writes.)
    package static let reservedLanguageCodes: Set<String> = ["search", "sitemaps"]

    static func isLanguageCode(_ s: String) -> Bool {
        !s.isEmpty && s.count <= 8 && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == "-" }
            && s.first != "-" && s.last != "-"
    }

    /// `https://example.kz` → `https://example.kz/`; nil when it is not a plain absolute http(s) address.
    package static func normalizeBaseURL(_ s: String) -> String? { SiteAddress.parse(s)?.text }

    /// The message for sitegen.yml's bytes that are no text.
    static func messageID(_ problem: SourceText.Problem) -> String {
        switch problem {
        case .empty: return "config.empty"
        case .invalidUTF8: return "config.encoding.utf8"
        case .nulByte: return "config.encoding.nul"
        }
    }
}
