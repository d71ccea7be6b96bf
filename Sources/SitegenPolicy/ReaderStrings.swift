import Foundation
import SitegenContent
import SitegenCore

/// The strings outside `content/` that reach readers — the site title, the publisher, the titles and
/// descriptions of `official:` links and of known fakes in `sitegen.yml`, and every interface string
/// of `i18n/<lang>.yml` (on every page and in every bulletin) — judged by the link policy like the
/// text of a page, with each finding at its line and column in the YAML file.
///
/// A known fake's description is shown inside the known-fakes warning, so it may name a fake, which
/// is then shown defanged (``namedFakes(in:inspector:)``); nothing else in these strings may.
package enum ReaderStrings {
    /// One string as written: its file, what it is, its text and place, and whether it is read in a
    /// warning.
    struct Entry {
        var file: String
        var text: Located<String>
        var mayNameFakes: Bool
    }

    /// Every reader-facing string, in a fixed order (file, then as written).
    static func entries(config: SiteConfig, strings: Strings) -> [Entry] {
        var out: [Entry] = []
        func add(_ texts: LocalizedText, fakes: Bool = false) {
            for key in texts.located.keys.sorted() { out.append(Entry(file: SiteConfig.fileName, text: texts.located[key]!, mayNameFakes: fakes)) }
        }
        add(config.titleText)
        if let publisher = config.publisher { add(publisher.name) }
        for entry in config.official {
            add(entry.title)
            add(entry.description)
        }
        for fake in config.links.fakes { add(fake.description, fakes: true) }
        for lang in strings.located.keys.sorted() {
            let table = strings.located[lang]!
            for key in table.keys.sorted() { out.append(Entry(file: "i18n/\(lang).yml", text: table[key]!, mayNameFakes: false)) }
        }
        return out.sorted { ($0.file, $0.text.line, $0.text.column) < ($1.file, $1.text.line, $1.text.column) }
    }

    /// What the link policy refuses in the reader-facing strings of `sourceDirectory`.
    package static func check(config: SiteConfig, strings: Strings, inspector: PageInspector, sourceDirectory: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var files: [String: SourceText] = [:]
        func source(_ file: String) -> SourceText? {
            if let t = files[file] { return t }
            guard let data = FileReader.read(sourceDirectory + "/" + file),
                  case .success(let t) = SourceText.decode(data) else { return nil }
            files[file] = t
            return t
        }
        for entry in entries(config: config, strings: strings) {
            let value = entry.text.value
            let bytes = Array(value.utf8)
            // Where a piece of the value is written: searched from the value's line, since quotes,
            // escapes and folded lines move it; the value's own place when it cannot be found.
            func found(_ piece: String) -> (SourceText, Int)? {
                guard let text = source(entry.file),
                      let at = text.find(piece, from: text.offset(line: entry.text.line, byteColumn: 1), withinLines: 20) else { return nil }
                return (text, at)
            }
            func place(_ piece: String) -> (line: Int, column: Int) {
                guard let (text, at) = found(piece) else { return (entry.text.line, entry.text.column) }
                return text.position(ofByte: at)
            }
            func report(_ f: Finding, _ piece: String) {
                let p = place(piece)
                out.append(f.diagnostic(file: entry.file, line: p.line, column: p.column))
            }
            if let (f, hidden) = PageInspector.invisibleFinding(value) {
                // As typed, or as an escape of a quoted value (`\r`): the diagnostic points at it.
                let forms = PageInspector.writtenForms(of: hidden.scalar)
                report(f, forms.first { found($0) != nil } ?? forms[0])
            }
            let phones = inspector.phoneFindings(value)
            for (f, phone) in phones { report(f, phone.text) }
            // A count put in as the reader reads (`{n}` of `searchFound`) may complete a number written
            // around it (`8 701 12{n}`), and the count has no bound (a site of 10,053 pages makes
            // `8 701 1210053`): a string with a placeholder and a digit is refused at the first
            // placeholder. Else the string is read with each count up to 99 in its placeholders.
            let placeholders = Self.placeholders(in: value)
            if phones.isEmpty, let first = placeholders.first {
                if Self.holdsDigit(placeholders, in: value) {
                    report(Finding(code: "text.phone", id: "text.phone.count", ["text": value], url: nil), String(value[first]))
                } else {
                    for n in 0..<100 {
                        guard let f = inspector.numberFindings(Self.filling(value, placeholders, with: String(n))).first?.finding else { continue }
                        report(f, String(value[first]))
                        break
                    }
                }
            }
            var said = Set<String>()
            for token in inspector.tokens.scan(value) {
                let written = String(decoding: bytes[token.offset..<min(bytes.count, token.offset + token.length)], as: UTF8.self)
                for f in inspector.judgeToken(token, inWarning: entry.mayNameFakes) {
                    said.insert(f.saying)
                    report(f, written)
                }
            }
            // What a placeholder puts in may complete an address around it (`evil{n}.com` shows evil3.com):
            // the string is read again with a count and a word in them, at the first placeholder.
            if let first = placeholders.first {
                for filler in ["1", "a"] {
                    for token in inspector.tokens.scan(Self.filling(value, placeholders, with: filler)) {
                        for f in inspector.judgeToken(token, inWarning: entry.mayNameFakes)
                        where said.insert(f.saying).inserted {
                            report(f, String(value[first]))
                        }
                    }
                }
            }
            // Each of these strings is in the WhatsApp bulletins too.
            for (token, _, lead) in inspector.whatsAppTokens(value) {
                for f in inspector.judgeToken(token, inWarning: entry.mayNameFakes) { report(PageInspector.asShownByWhatsApp(f), lead) }
            }
            for (f, lead) in inspector.whatsAppPhones(value) { report(f, lead) }
        }
        // A known fake's name is shown as written in the registry and the warnings (defanged only when it
        // is an address): a name a phone dials or Telegram reads as a card number reaches readers as one.
        for fake in config.links.fakes {
            for (f, _) in inspector.numberFindings(fake.name.value) {
                out.append(f.diagnostic(file: SiteConfig.fileName, line: fake.name.line, column: fake.name.column))
            }
        }
        // The publisher's address is a link in every page's structured data; the site's own address
        // is judged as the page of the site it is.
        if let url = config.publisher?.urlLocation {
            let own = url.value.hasPrefix(config.baseURL) ? "/" + url.value.dropFirst(config.baseURL.count) : url.value
            for f in inspector.judge.judge(own) {
                out.append(f.diagnostic(file: SiteConfig.fileName, line: url.line, column: url.column))
            }
        }
        return out
    }

    /// The `{name}` placeholders of an interface string, in order, wherever they are: a `{` that opens
    /// none (`{-}`) is passed over, as the page's script passes over it to fill the `{n}` after it.
    static func placeholders(in value: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var rest = value[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(where: { $0 == "}" || $0 == "{" }), rest[close] == "}", close > after,
               rest[after..<close].allSatisfy({ $0.isASCII && $0.isLetter }) {
                out.append(open..<value.index(after: close))
                rest = value[value.index(after: close)...]
            } else {
                rest = rest[after...]
            }
        }
        return out
    }

    /// Whether the string holds a digit outside its placeholders: a count put in beside it may make a
    /// number of any length with it, and libphonenumber joins digits across more than spaces and marks
    /// (`4ー{n}`, `4ext.{n}`), so no letter is taken to part them.
    static func holdsDigit(_ placeholders: [Range<String.Index>], in value: String) -> Bool {
        filling(value, placeholders, with: "").contains(where: \.isNumber)
    }

    /// `value` with each of its `placeholders` replaced by `text`.
    static func filling(_ value: String, _ placeholders: [Range<String.Index>], with text: String) -> String {
        var out = ""
        var from = value.startIndex
        for p in placeholders {
            out += value[from..<p.lowerBound] + text
            from = p.upperBound
        }
        return out + value[from...]
    }

    /// Byte ranges of the known fakes a text names, to be shown defanged.
    package static func namedFakes(in text: String, inspector: PageInspector) -> [Range<Int>] {
        PageInspector.united(inspector.tokens.scan(text).filter(inspector.isFakeToken).map { $0.offset..<($0.offset + $0.length) })
    }
}
