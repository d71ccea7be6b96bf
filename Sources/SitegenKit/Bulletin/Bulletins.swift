import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import SitegenPolicy

/// The channels a page is sent to.
package enum BulletinChannel: String, CaseIterable, Sendable {
    case text, telegram, whatsapp, sms
}

/// One channel's bulletin of one page: its files (several for a Telegram text sent in parts),
/// each exactly what is to be sent, without a final newline.
struct Bulletin: Sendable {
    var channel: BulletinChannel
    /// The text of each file, in order.
    var parts: [String]
    /// SMS only: how the text travels.
    var sms: SMSSegments?

    /// File names under the page's bulletin folder.
    var fileNames: [String] {
        parts.count == 1 ? [Self.fileName(channel, part: nil)] : parts.indices.map { Self.fileName(channel, part: $0 + 1) }
    }

    /// The name of a channel's file, or of its numbered part (only Telegram's text is sent in parts).
    static func fileName(_ channel: BulletinChannel, part: Int?) -> String {
        switch channel {
        case .text: return "text.txt"
        case .whatsapp: return "whatsapp.txt"
        case .sms: return "sms.txt"
        case .telegram: return part.map { "telegram.\($0).html" } ?? "telegram.html"
        }
    }

    /// Whether some page's bulletin may be written under `name` (lowercased): its channel's file, or a
    /// numbered part of its Telegram text.
    static func isFileName(_ name: String) -> Bool {
        if BulletinChannel.allCases.contains(where: { fileName($0, part: nil) == name }) { return true }
        let number = name.dropFirst("telegram.".count).dropLast(".html".count)
        return name.hasPrefix("telegram.") && name.hasSuffix(".html") && number.allSatisfy(\.isNumber)
    }

    /// The length of each part as the channel counts it, in UTF-16 units: Telegram's after its
    /// entities are parsed, the others' as written.
    var lengths: [Int] {
        parts.map { channel == .telegram ? TelegramMeasure.units(html: $0) : TelegramMeasure.utf16Length($0) }
    }
}

/// Makes the bulletins of one checked page, for every channel, and judges them again.
struct BulletinMaker {
    let config: SiteConfig
    let strings: Strings
    let inspector: PageInspector
    /// The texts of sitegen.yml that pages show, typeset once for the site (the pages' HTML reads them too).
    let texts: TypesetConfig

    /// The bulletins of a page and what is wrong with them; none are returned when anything is.
    /// `typeset`: the page's text as its HTML shows it, when the page is rendered too (made here otherwise).
    func make(_ page: Page, document: MarkdownDocument, edits: RenderEdits, typeset: TypesetText? = nil,
              channels: [BulletinChannel] = BulletinChannel.allCases, guarded: Bool = true) -> ([Bulletin], [Diagnostic]) {
        let typeset = typeset ?? TypesetText(page, document: document, edits: edits)
        let doc = BulletinReader(page: page, config: config, strings: strings, edits: edits, typeset: typeset, texts: texts).read(document)
        let language = page.language
        let titles = strings.alertTitles(language)
        let more = strings.text("bulletinMore", language)
        var diagnostics: [Diagnostic] = []
        var out: [Bulletin] = []
        func error(_ code: String, id: String, _ arguments: [String: String], at: SourcePoint = SourcePoint(line: 1, column: 1)) {
            diagnostics.append(.error(code, id: id, arguments, file: page.sourcePath, line: at.line, column: at.column))
        }
        // Every channel opens with the title and closes with where the full page is.
        let start = SourcePoint(line: 1, column: 1)
        let title = BulletinBlock(kind: .heading(level: 1, [.text(doc.title)]), at: start)
        let footer = BulletinBlock(kind: .paragraph([.text(more + ": "), .link([.text(doc.pageURL)], doc.pageURL)]), at: start)
        @Sendable func whole<M: BulletinMarkup>(_ markup: M) -> String {
            BulletinLayout(markup: markup, alertTitles: titles).blocks([title] + doc.blocks + [footer])
        }
        // A page whose text alone fills more messages than a bulletin may have is refused before any
        // channel is laid out (the parts could only be more).
        let most = TelegramParts.maxParts * (TelegramMeasure.maxUnits - TelegramParts.labelRoom)
        if channels.contains(.telegram), case let units = doc.textUnitsAtLeast, units > most {
            error("bulletin.telegram", id: "bulletin.telegram.total",
                  ["units": String(units), "parts": String(TelegramParts.maxParts),
                   "room": String(TelegramMeasure.maxUnits - TelegramParts.labelRoom)])
            return ([], diagnostics)
        }
        // Each channel is laid out on its own; a long page's channels are laid out on every core.
        @Sendable func make(_ channel: BulletinChannel) -> (Bulletin?, [Diagnostic]) {
            switch channel {
            case .text: return (Bulletin(channel: .text, parts: [whole(PlainMarkup())]), [])
            case .whatsapp: return (Bulletin(channel: .whatsapp, parts: [whole(WhatsAppMarkup())]), [])
            case .telegram:
                let layout = BulletinLayout(markup: TelegramMarkup(), alertTitles: titles)
                switch TelegramParts(layout: layout, language: language).split(title: title, blocks: doc.blocks, footer: footer) {
                case .success(let parts): return (Bulletin(channel: .telegram, parts: parts), [])
                case .failure(let u):
                    let tooLong = u.units > TelegramMeasure.maxUnits - TelegramParts.labelRoom
                    let limits = ["units": String(u.units), "count": String(u.entities),
                                  "room": String(TelegramMeasure.maxUnits - TelegramParts.labelRoom),
                                  "max": String(TelegramMeasure.maxUnits), "entities": String(TelegramMeasure.maxEntities)]
                    return (nil, [.error("bulletin.telegram", id: tooLong ? "bulletin.telegram.units" : "bulletin.telegram.entities",
                                         limits.merging(MessageCatalog.detail("bulletin.piece." + u.what, [:])) { a, _ in a },
                                         file: page.sourcePath, line: u.at.line, column: u.at.column)])
                }
            case .sms:
                switch smsText(page, doc) {
                case .success(let text): return (Bulletin(channel: .sms, parts: [text], sms: SMSSegments(text)), [])
                case .failure(let d): return (nil, [d])
                }
            }
        }
        let made = page.text.bytes.count >= PageInspector.parallelPageBytes ? Parallel.mapOnThreads(channels, make) : channels.map(make)
        for (bulletin, found) in made {
            if let bulletin { out.append(bulletin) }
            diagnostics += found
        }
        // Defence in depth: what the finished texts carry, judged again.
        guard guarded else { return (diagnostics.hasErrors ? [] : out, diagnostics) }
        var texts: [String] = []
        var hrefs: [String] = []
        // WhatsApp's text is read without its markers, which is the plain text; markers next to an
        // address (`*https://egov.kz*`) would only make the scanner misread it.
        let plainText = out.first { $0.channel == .text }?.parts.first ?? whole(PlainMarkup())
        if !channels.contains(.text) { texts.append(plainText) }
        // Numbers are read in the plain text, the SMS, Telegram's text and what WhatsApp shows: the
        // layouts part blocks their own way (the plain text marks a quote, where Telegram's tags leave
        // `87. ` and the quote's `011 234 567` on one line), and WhatsApp's markers may hide more (a `_`
        // beside one). The lines they share are read once.
        var phoneTexts = [plainText]
        for bulletin in out where bulletin.channel != .whatsapp {
            for part in bulletin.parts {
                if bulletin.channel == .sms { phoneTexts.append(part) }
                guard bulletin.channel == .telegram else { texts.append(part); continue }
                let (text, links) = BulletinGuard.telegramParts(part)
                texts.append(text)
                phoneTexts.append(text)
                hrefs += links
            }
        }
        // WhatsApp renders `*`, `~` and `_` as formatting, even where the page wrote them as text:
        // `*evil*.com` shows as evil.com. A Telegram app does the same to any of these texts pasted into
        // it and sent (`@||EvilBot||` goes out as a mention). Each is read as the reader sees it too (the
        // page check found this already; this reads the finished texts).
        let whatsApp = out.filter { $0.channel == .whatsapp }.flatMap(\.parts)
        for text in whatsApp + texts where WhatsAppReading.mayHideMarkers(text) {
            let shown = WhatsAppReading.shown(text)
            guard shown != text else { continue }
            texts.append(shown)
            phoneTexts.append(shown)
        }
        let guardian = BulletinGuard(inspector: inspector, baseURL: config.baseURL)
        // A messages app links more numbers in an SMS than a messenger does (`1 250 000`): each must be official.
        let smsNumbers = out.filter { $0.channel == .sms }.flatMap(\.parts).flatMap { part in
            inspector.smsNumberFindings(part).map { (what: $0.text, finding: $0.finding) }
        }
        for (what, f) in guardian.findings(texts: texts, hrefs: hrefs, namedFakes: doc.namedFakes, phoneTexts: phoneTexts) + smsNumbers {
            error("bulletin.link", id: "bulletin.link",
                  ["what": what, "code": f.code].merging(MessageCatalog.detail(f.messageID, f.arguments)) { a, _ in a },
                  at: locate(what, in: page))
        }
        return (diagnostics.hasErrors ? [] : out, diagnostics)
    }

    /// Where the text of a refused address starts in the page, as far as it can be found: the
    /// address itself, else its first label (formatting may have split the rest).
    private func locate(_ what: String, in page: Page) -> SourcePoint {
        let label = String(what.drop { !$0.isLetter && !$0.isNumber }.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
        for needle in [what, label] where !needle.isEmpty {
            if let at = page.text.find(needle, from: page.bodyOffset, withinLines: Int.max) {
                let p = page.text.position(ofByte: at)
                return SourcePoint(line: p.line, column: p.column)
            }
        }
        return SourcePoint(line: 1, column: 1)
    }

    /// The SMS: the editor's `sms:`, else the title, description and first official link (the
    /// description left out if that is what it takes to fit).
    private func smsText(_ page: Page, _ doc: BulletinDocument) -> Result<String, Diagnostic> {
        let limit = config.bulletins.smsMaxSegments
        let fm = page.frontMatter
        func plain(_ s: String) -> String {
            // No-break spaces cost a UCS-2 message for text that GSM-7 could carry.
            guard s.unicodeScalars.contains(where: { $0 == "\u{A0}" || $0 == "\u{202F}" }) else { return s }
            return String(scalars: s.unicodeScalars.map { $0 == "\u{A0}" || $0 == "\u{202F}" ? " " : $0 })
        }
        if let sms = fm.sms {
            let text = sms.value.trimmingCharacters(in: .whitespacesAndNewlines)
            let m = SMSSegments(text)
            guard m.segments <= limit else {
                return .failure(Diagnostic(.error, "bulletin.sms", id: m.encoding == .ucs2 ? "bulletin.sms" : "bulletin.sms.gsm",
                                           ["segments": String(m.segments), "units": String(m.units), "encoding": m.encoding.rawValue,
                                            "limit": String(limit)],
                                           file: page.sourcePath, line: sms.line, column: sms.column))
            }
            return .success(text)
        }
        let link = doc.firstExternalLink ?? config.official.first?.url.value ?? doc.pageURL
        let title = plain(doc.title)
        var candidates = [[title, link]]
        if let d = doc.description { candidates.insert([title, plain(d), link], at: 0) }
        for c in candidates {
            let text = c.joined(separator: "\n")
            if SMSSegments(text).segments <= limit { return .success(text) }
        }
        let shortest = SMSSegments(candidates.last!.joined(separator: "\n"))
        let at = fm.titleValue.map { SourcePoint(line: $0.line, column: $0.column) } ?? SourcePoint(line: 1, column: 1)
        return .failure(Diagnostic(.error, "bulletin.sms", id: "bulletin.sms.title",
                                   ["segments": String(shortest.segments), "units": String(shortest.units),
                                    "encoding": shortest.encoding.rawValue, "limit": String(limit)],
                                   file: page.sourcePath, line: at.line, column: at.column))
    }
}
