import Foundation
import SitegenContent
import SitegenCore
import SitegenMarkdown
import UnicodeSecurity
import WHATWGURL

/// Applies the link policy to one page: every link, every token of visible text, the title and
/// description. Returns the diagnostics, placed at what the editor typed, and the edits that show
/// the fakes named in warnings defanged.
/// Made once per build (it precomputes the lookalike forms of every official name).
package struct PageInspector: Sendable {
    package let judge: URLJudge
    package let tokens: TextTokens
    /// The official numbers of `links.phones`, in the form numbers in text are compared in.
    let officialPhones: Set<String>

    var policy: LinkPolicy { judge.policy }

    init(policy: LinkPolicy, baseURL: String) {
        judge = URLJudge(policy: policy, baseURL: baseURL)
        tokens = TextTokens(fakeNames: policy.fakeNames, fakeDomains: policy.fakeDomains.sorted().map(HostName.unicode),
                            officialHandles: policy.officialHandles.sorted())
        officialPhones = Set(policy.phones.map(PhoneNumbers.canonical))
    }

    package func inspect(page: Page, inventory: MarkdownInventory) -> ([Diagnostic], RenderEdits) {
        var diagnostics: [Diagnostic] = []
        var edits = RenderEdits()
        func place(_ f: Finding, _ position: BodyPosition) {
            var p = page.filePosition(position)
            if let culprit = f.culprit { p = Self.column(of: culprit, from: p, in: page) }
            diagnostics.append(f.diagnostic(file: page.sourcePath, line: p.line, column: p.column))
        }

        for link in inventory.links {
            var destination = link.destination
            var position = link.position
            if link.origin == .bareAutolink {
                // The autolink extension reports its links a column early; find the text itself.
                position = locate(link.text, near: position, in: page)
                if let node = link.node, let alert = link.alert, alert.mayNameFakes,
                   let host = Self.host(ofBare: link.text), isFake(host) {
                    edits.defangedLinks[node] = link.text
                    continue
                }
                // `www.egov.kz` typed as text becomes an http link; publish it over https.
                if destination.hasPrefix("http://"), "http://" + link.text == destination, let node = link.node {
                    destination = "https://" + link.text
                    edits.urlRewrites[node] = destination
                }
            }
            if link.origin == .image && link.destination.isEmpty { continue }
            for f in judge.judge(destination) { place(f, position) }
            // The bulletins print a link's address after its text (`egov — https://egov.kz/87011234567`):
            // a number in it is read there as in any text. (An autolink's is read with its text.)
            // (A `tel:` link's number is judged as the number it dials, above.)
            if link.origin == .inline || link.origin == .referenceDefinition, !destination.lowercased().hasPrefix("tel:") {
                for (f, _) in numberFindings(destination) { place(f, position) }
            }
            // A mail link's subject is shown decoded in the reader's draft (`?subject=8%20701%20123%2045%2067`).
            if destination.lowercased().hasPrefix("mailto:"), destination.contains("%") {
                let decoded = String(decoding: URLPercentEncoding.percentDecode(destination), as: UTF8.self)
                let written = Set(numberFindings(destination).map(\.text))
                for (f, number) in numberFindings(decoded) where !written.contains(number) { place(f, position) }
            }
            // Pages are served with `img-src 'self' data:`: an image from another site would not show,
            // and fetching it would tell that site who reads the page.
            if link.origin == .image, destination.lowercased().hasPrefix("https://") || destination.lowercased().hasPrefix("http://") {
                let p = page.filePosition(position)
                diagnostics.append(.warning("markdown.external-image", id: "markdown.external-image",
                                            file: page.sourcePath, line: p.line, column: p.column, url: destination))
            }
            // Only text the token prefilter passes can be an address or a handle: one with a dot or an @,
            // or a character read as one (`evil·com`, `evil．com`, `info＠mail.ru`).
            if link.origin == .inline, tokens.mayHoldTokens(link.text),
               let f = textMismatch(text: link.text, destination: destination) {
                place(f, position)
            }
        }

        for link in inventory.links where !link.title.isEmpty {
            for token in tokens.scan(link.title) {
                let findings = judgeToken(token, inWarning: false)
                if findings.isEmpty { continue }
                let at = locate(token.text, near: link.position, in: page)
                for f in findings { place(f, at) }
            }
            // A title is shown as the link's tooltip: a number in it is read as a number anywhere, and an
            // invisible or control character (typed, or as a reference `&#1;`) is refused as in any text.
            for (f, number) in phoneFindings(link.title) { place(f, locate(number.text, near: link.position, in: page)) }
            if let (f, _) = Self.invisibleFinding(link.title) { place(f, link.position) }
        }

        for run in inventory.textRuns where run.link == .autolink || run.link == .bareAutolink {
            // The link itself is judged above; a messenger showing the address as text may link
            // pieces of it on their own (`https://egov.kz/…evil.com`), and each is judged too.
            for token in tokens.scan(run.text) where token.offset > 0 {
                let findings = judgeToken(token, inWarning: run.alert?.mayNameFakes == true)
                guard !findings.isEmpty else { continue }
                // An autolink's node does not say where it is: find the address, then the piece in it.
                let link = locate(run.text, near: run.position, in: page)
                let at = locate(token.text, near: BodyPosition(line: link.line, byteColumn: link.byteColumn + 2),
                                offset: token.offset, in: page)
                for f in findings { place(f, at) }
            }
            // So may a phone's reader a number in it (`https://egov.kz/87011234567`), as the bulletins'
            // last look reads their lines: a check refuses what a build would.
            for (f, phone) in phoneFindings(run.text) {
                let link = locate(run.text, near: run.position, in: page)
                place(f, locate(phone.text, near: BodyPosition(line: link.line, byteColumn: link.byteColumn + 2), offset: phone.offset, in: page))
            }
        }

        // Each run is read on its own: a long page's runs are read on every core, and the results
        // joined in page order, so the diagnostics come out as from one pass.
        let indices = inventory.textRuns.indices.filter {
            inventory.textRuns[$0].link != .autolink && inventory.textRuns[$0].link != .bareAutolink
        }
        let readings: [RunReading]
        if page.text.bytes.count >= Self.parallelPageBytes, indices.count >= 64 {
            let chunk = (indices.count + 15) / 16
            let chunks = stride(from: 0, to: indices.count, by: chunk).map { Array(indices[$0..<min(indices.count, $0 + chunk)]) }
            readings = Parallel.mapOnThreads(chunks) { chunk in
                chunk.map { read(run: inventory.textRuns[$0], page: page, edges: Self.joinedEdges(of: $0, in: inventory.textRuns)) }
            }.flatMap { $0 }
        } else {
            readings = indices.map { read(run: inventory.textRuns[$0], page: page, edges: Self.joinedEdges(of: $0, in: inventory.textRuns)) }
        }
        for (index, reading) in zip(indices, readings) {
            diagnostics += reading.diagnostics
            let run = inventory.textRuns[index]
            if run.link == nil && !reading.tokens.isEmpty { edits.runTokens[index] = reading.tokens }
            if !reading.defanged.isEmpty { edits.defanged[run.node] = Self.united(reading.defanged) }
        }

        // A name written across inline markup (`egov-kz.c**om**`, `Egov**Kz**Bot2.0`) is one name to the
        // reader. Not even a warning may name a fake so: only a name written in one piece can be shown
        // defanged.
        let runs = inventory.textRuns
        // (Raw HTML between runs is a space on the page: `<b>evil</b>.com` shows `evil .com`, read so.)
        // A token the windows of two boundaries both hold is said once.
        var saidAcross = Set<[Int]>()
        for index in runs.indices where (runs[index].joinsPrevious || runs[index].rawHTMLBefore) && index > 0 {
            // The last boundary of a chain of runs without spaces reads the whole chain.
            if index + 1 < runs.count, runs[index + 1].joinsPrevious || runs[index + 1].rawHTMLBefore,
               !runs[index].text.utf8.contains(where: Self.isSpace) {
                continue
            }
            // (A `[text](address)` over runs is read in its block's whole text, below: not said twice.)
            for (token, run, offset, shownByWhatsApp) in joinedTokens(runs, endingAt: index, whatsApp: page.frontMatter.bulletin) {
                if case .pastedLink = token.kind { continue }
                guard saidAcross.insert([run, offset, token.length]).inserted else { continue }
                // A name written whole in the last run, with only its @ before it (`Жалған: @ **EgovKzBot2.0**`), is
                // judged as that run's: a warning names a known fake so. (One split by formatting is refused even in a
                // warning, which cannot show it defanged.)
                let whole = Self.nameWholeAfterSpacedAt(token, run: run, offset: offset, in: runs)
                let findings = judgeToken(token, inWarning: whole && runs[run + 1].alert?.mayNameFakes == true)
                guard !findings.isEmpty else { continue }
                let written = String(decoding: Array(runs[run].text.utf8)[offset...].prefix(token.length), as: UTF8.self)
                // What WhatsApp shows is looked for up to its first hidden marker.
                let piece = shownByWhatsApp ? WhatsAppReading.lead(of: written) : written
                let at = locate(piece, near: runs[run].position, offset: offset, run: runs[run], in: page)
                for f in findings { place(shownByWhatsApp ? Self.asShownByWhatsApp(f) : Self.asAcrossFormatting(f), at) }
            }
        }

        // `[text](address)` written as text, its address over several runs (a pasted copy links it whole).
        for p in pastedLinksAcrossRuns(runs) {
            place(p.finding, locate(p.piece, near: runs[p.run].position, offset: p.offset, run: runs[p.run], in: page))
        }

        // Numbers written in pieces that bulletins and apps show whole (`+7 **777** 123 45 67`).
        for p in phonesAcrossRuns(runs, whatsApp: page.frontMatter.bulletin) {
            place(p.finding, locate(p.piece, near: runs[p.run].position, offset: p.offset, run: runs[p.run], in: page))
        }

        // A list's number, which the bulletins write as text, and its item's first digits are one
        // number to a phone's reader (`87011. 234567`): read joined, as the bulletin guard reads the
        // finished text, so that `check` refuses what a build would. The item's first block is read
        // whole, as the bulletins join its runs (`87. **011** 234 567`), and a quote that opens the item
        // is on the number's line in Telegram's text (`87. > 011 234 567`).
        var blockStart = 0
        // The last item numbered: the next item of its list is numbered from it, not from the list's start.
        var numbered: (item: CMarkNode, number: Int)?
        while blockStart < runs.count {
            let block = Self.block(of: runs[blockStart].node)
            var blockEnd = blockStart + 1
            while blockEnd < runs.count, Self.block(of: runs[blockEnd].node) == block { blockEnd += 1 }
            defer { blockStart = blockEnd }
            guard let number = Self.listNumber(opening: block, after: &numbered) else { continue }
            let text = runs[blockStart..<blockEnd].map { Self.readingSeparator(before: $0.node) + $0.text }.joined()
            // Only an item that opens with a digit or a mark of a number (`(`, `+`, a dash) goes on the list's.
            guard let lead = text.unicodeScalars.first(where: { $0 != " " }), lead.properties.numericType != nil || "(+-‐‑‒–—−.".unicodeScalars.contains(lead)
            else { continue }
            let first = runs[blockStart]
            // Read as the bulletins write the item (`87. 011 234 567`, a phone number to libphonenumber),
            // then as the guard also reads it (`87 011…`); what the first reading finds is said once.
            for prefix in [String(number) + ". ", String(number) + " "] {
                let prefixBytes = prefix.utf8.count
                let found = phoneFindings(prefix + text).filter { $0.1.offset < prefixBytes && $0.1.offset + $0.1.length > prefixBytes }
                for (f, _) in found {
                    // Where the item's text starts: its first run, as written.
                    place(f, locate(first.text.trimmingCharacters(in: .whitespaces), near: first.position, run: first, in: page))
                }
                if !found.isEmpty { break }
            }
        }

        // The claim a fact check reviews may name the fake it is about; nothing else unofficial.
        let claimTexts = page.frontMatter.claimReview?.textValues ?? []
        // The translationKey is no text a reader reads on the page, but it is written into the page's markup
        // and the bulletins' manifest, which a JSON viewer shows with its addresses linked: it is judged as
        // a text is, invisible characters and all.
        let named = [("title", page.frontMatter.titleValue), ("description", page.frontMatter.descriptionValue),
                     ("sms", page.frontMatter.sms), ("translationKey", page.frontMatter.translationKeyValue)]
        let fields = named.compactMap { key, value in value.map { ($0, false, key) } } + claimTexts.map { ($0, true, "claimReview") }
        // The file's path is written into the bulletins' manifest too (`source`). Its folders are in the
        // page's address, judged there; its own name is not when `slug:` replaces it: judged at line 1.
        if page.frontMatter.slug != nil, let name = page.sourcePath.split(separator: "/").last {
            let stem = String(name.hasSuffix(".md") ? name.dropLast(3) : name)
            let found = tokens.scan(stem).flatMap { judgeToken($0, inWarning: false) } + numberFindings(stem).map(\.finding)
            diagnostics += found.map { $0.diagnostic(file: page.sourcePath, line: 1, column: 1) }
        }
        for (field, namesFakes, key) in fields {
            // Escapes and folded lines make the value differ from the source: find each finding's text.
            var from = page.text.offset(line: field.line, byteColumn: 1)
            /// Places findings at `written`, looked for from where the last token was found.
            func placeInField(_ findings: [Finding], _ written: String, advancing: Bool = false) {
                guard !findings.isEmpty else { return }
                let at = page.text.find(written, from: from, withinLines: 20) ?? from
                if advancing { from = at }
                let p = page.text.position(ofByte: at)
                for var f in findings {
                    // A title or an SMS has no warning block to name a fake in: say to leave it out.
                    if !namesFakes, ["text.fake", "text.fake.written", "text.fake.domain", "telegram.fake"].contains(f.messageID) {
                        let name = f.arguments["name"] ?? f.arguments["host"] ?? f.arguments["handle"].map { "@" + $0 } ?? written
                        f = f.reworded("text.fake.field", ["name": name, "field": key])
                    }
                    let at = f.culprit.map { Self.column(of: $0, from: p, in: page) } ?? p
                    diagnostics.append(f.diagnostic(file: page.sourcePath, line: at.line, column: at.column))
                }
            }
            if let (f, hidden) = Self.invisibleFinding(field.value) {
                // As typed, or as an escape of a quoted value (`\r`, `\u200B`): the diagnostic points at it.
                let forms = Self.writtenForms(of: hidden.scalar)
                placeInField([f], forms.first { page.text.find($0, from: from, withinLines: 20) != nil } ?? forms[0])
            }
            let phones = phoneFindings(field.value)
            for (f, phone) in phones { placeInField([f], phone.text) }
            // What makes the SMS (`sms:`, else the title and the description): a messages app links more
            // numbers than a page or a messenger does (`1 250 000`).
            if page.frontMatter.bulletin, key == "sms" || (page.frontMatter.sms == nil && (key == "title" || key == "description")) {
                let said = Set(phones.map { $0.1.text })
                for found in smsNumbers(field.value) where !said.contains(found.text) {
                    placeInField([Self.smsNumberFinding(found, field: key)], found.text)
                }
            }
            for token in tokens.scan(field.value) {
                placeInField(judgeToken(token, inWarning: namesFakes), token.text, advancing: true)
                if namesFakes, field.value == page.frontMatter.claimReview?.claim, isFakeToken(token) {
                    edits.claimNames.append(token.offset..<(token.offset + token.length))
                }
            }
            // The title opens the page's WhatsApp bulletin (the description goes to the SMS only).
            if page.frontMatter.bulletin, key == "title" {
                for (token, _, lead) in whatsAppTokens(field.value) {
                    placeInField(judgeToken(token, inWarning: namesFakes).map(Self.asShownByWhatsApp), lead)
                }
                for (f, lead) in whatsAppPhones(field.value) { placeInField([f], lead) }
            }
        }
        diagnostics += fenceInfoDiagnostics(page: page, inventory: inventory)
        return (Self.withoutHostWhereMoreIsSaid(diagnostics), edits)
    }

    /// Objections to what the code fences' info strings name: the page writes each into its markup
    /// (`<code class="language-…">`), so it is judged as text is, where it is written.
    private func fenceInfoDiagnostics(page: Page, inventory: MarkdownInventory) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (node, info) in inventory.fencedBlocks {
            let fence = page.filePosition(of: node)
            let line = page.text.line(fence.line) ?? ""
            for token in tokens.scan(info) {
                let findings = judgeToken(token, inWarning: false)
                guard !findings.isEmpty else { continue }
                var column = fence.column
                if let range = line.range(of: token.text) { column = line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound) + 1 }
                out += findings.map { $0.diagnostic(file: page.sourcePath, line: fence.line, column: column) }
            }
        }
        return out
    }

    /// `diagnostics` without the objection to Telegram's host alone where another error starts at the same
    /// place: what is written after the host (`t.me :/**EvilBot**`, `t.me:80/EvilBot`) is the address
    /// the reader goes to, and that error says what to write.
    static func withoutHostWhereMoreIsSaid(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.messageID == "text.domain.telegram-host" }) else { return diagnostics }
        return diagnostics.filter { d in
            d.messageID != "text.domain.telegram-host" || !diagnostics.contains {
                $0.messageID != d.messageID && $0.severity == .error && $0.file == d.file && $0.line == d.line && $0.column == d.column
            }
        }
    }

    /// The position of the first `culprit` at or after `start` on its line, so the caret sits under
    /// the letter to fix rather than where the name begins; `start` when the line does not have it.
    static func column(of culprit: Unicode.Scalar, from start: (line: Int, column: Int), in page: Page) -> (line: Int, column: Int) {
        guard let line = page.text.line(start.line) else { return start }
        for (i, scalar) in line.unicodeScalars.enumerated() where i >= start.column - 1 && scalar == culprit {
            return (start.line, i + 1)
        }
        return start
    }

    /// Objections to the numbers in `text` that a phone would dial: each must be on `links.phones`.
    package func phoneFindings(_ text: String) -> [(Finding, PhoneNumbers.Found)] {
        phoneFindings(PhoneNumbers.find(in: text))
    }

    /// Objections to every number in `text` a reader's app acts on: the phone numbers not on
    /// `links.phones`, then the bank card numbers Telegram reads (never official), each with what is written.
    package func numberFindings(_ text: String) -> [(finding: Finding, text: String)] {
        phoneFindings(text).map { ($0.0, $0.1.text) }
            + TelegramTextBoundaries.bankCardNumbers(in: text).map { (Self.cardFinding($0.text), $0.text) }
    }

    /// Objections to numbers already found.
    func phoneFindings(_ numbers: [PhoneNumbers.Found]) -> [(Finding, PhoneNumbers.Found)] {
        numbers.filter { !officialPhones.contains($0.digits) }.map {
            (Finding(code: "text.phone", id: "text.phone", ["number": Self.shownAsOneLine($0.text)], url: nil), $0)
        }
    }

    /// Overlapping ranges (a fake named inside an e-mail address) made one, so each is shown
    /// defanged whole.
    package static func united(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound < last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// A page this long (in bytes) has its text runs read on every core; shorter pages are read
    /// on one (the pages themselves are spread over the cores).
    package static let parallelPageBytes = 256 * 1024

    /// What the reading of one text run found: its diagnostics in order, its tokens, and the
    /// names a warning shows defanged.
    struct RunReading: Sendable {
        var diagnostics: [Diagnostic] = []
        var tokens: [TextToken] = []
        var defanged: [Range<Int>] = []
    }

    /// Which edges of run `index` the reading across runs reads with the run beside it (``joinedTokens(_:endingAt:whatsApp:)``):
    /// its start, when it joins a run that ends in a word; its end, when the next run joins it with a word.
    static func joinedEdges(of index: Int, in runs: [TextRun]) -> (start: Bool, end: Bool) {
        let run = runs[index]
        guard let first = run.text.utf8.first, let last = run.text.utf8.last, !isSpace(first) || !isSpace(last) else { return (false, false) }
        let start = index > 0 && (run.joinsPrevious || run.rawHTMLBefore) && !isSpace(first)
            && (runs[index - 1].text.utf8.last.map { !isSpace($0) } == true || spacedAtEnd(runs[index - 1].text) != nil)
        let end = index + 1 < runs.count && (runs[index + 1].joinsPrevious || runs[index + 1].rawHTMLBefore) && !isSpace(last)
            && runs[index + 1].text.utf8.first.map { !isSpace($0) } == true
        return (start, end)
    }

    /// Judges every token of one run of visible text outside autolinks: invisible characters, link
    /// texts naming fakes, addresses and handles, and phone numbers.
    /// `edges`: which of the run's edges the reading across runs reads (``joinedEdges(of:in:)``); a bot's
    /// name written without `@` that touches one is judged there, as what it is read with (`@**EvilBot**`
    /// is a handle, `EvilBot**.com**` a name).
    func read(run: TextRun, page: Page, edges: (start: Bool, end: Bool) = (false, false)) -> RunReading {
        var reading = RunReading()
        func place(_ f: Finding, _ position: BodyPosition) {
            var p = page.filePosition(position)
            if let culprit = f.culprit { p = Self.column(of: culprit, from: p, in: page) }
            reading.diagnostics.append(f.diagnostic(file: page.sourcePath, line: p.line, column: p.column))
        }
        if Self.mayHoldInvisible(run.text), let (f, hidden) = Self.invisibleFinding(run.text) {
            // Zero-width and direction characters hide what a name really is (`Egov\u{200B}KzBot2.0`).
            let before = String(scalars: run.text.unicodeScalars.prefix(hidden.offset))
            let at = locate(String(hidden.scalar), near: run.position, offset: before.utf8.count, run: run, in: page)
            place(f, at)
        }
        var found = tokens.scan(run.text)
        if edges.start || edges.end {
            let length = run.text.utf8.count
            found.removeAll { $0.bare && ((edges.start && $0.offset == 0) || (edges.end && $0.offset + $0.length == length)) }
        }
        // A bot's name is read with what WhatsApp shows around it, and Telegram sends pasted, once the markers
        // written as text are hidden (`@||EvilBot||` is a mention): ``whatsAppTokens(_:written:)``.
        let shownByWhatsApp = page.frontMatter.bulletin ? whatsAppTokens(run.text, written: found) : []
        if !shownByWhatsApp.isEmpty {
            found.removeAll { t in t.bare && shownByWhatsApp.contains { $0.written.overlaps(t.offset..<(t.offset + t.length)) } }
        }
        reading.tokens = found
        /// Byte ranges of the tokens refused as written: what WhatsApp shows of them is not said again.
        var refused: [Range<Int>] = []
        for token in found {
            // A known fake as the text of a link claims the link leads to it: never allowed,
            // not even inside a warning. An image's description is no link text: a warning may
            // name the fake there, defanged (the image's own source is judged as a link).
            if run.link != nil, isFakeToken(token), Self.isName(token),
               !(run.link == .image && run.alert?.mayNameFakes == true) {
                let at = locate(token.text, near: run.position, offset: token.offset, run: run, in: page)
                place(Finding(code: "link.fake-text", id: "link.fake-text", ["name": token.text], url: nil), at)
                continue
            }
            // Link text that is one address is judged against its target (text-mismatch); a card number
            // is no address, and is refused as any text's.
            if run.link == .inline && token.length == run.text.utf8.count && token.kind != .cardNumber { continue }
            let mayNameFakes = run.alert?.mayNameFakes == true
            let findings = judgeToken(token, inWarning: mayNameFakes)
            if findings.isEmpty, mayNameFakes, isFakeToken(token) {
                reading.defanged.append(token.offset..<(token.offset + token.length))
                continue
            }
            if findings.isEmpty { continue }
            refused.append(token.offset..<(token.offset + token.length))
            let at = locate(token.text, near: run.position, offset: token.offset, run: run, in: page)
            for f in findings { place(f, at) }
        }
        // What WhatsApp shows when it hides `*`, `~` and `_` written as text (`\\*evil\\*.com`). A fake a
        // warning names and the written reading shows defanged stays defanged in what WhatsApp shows.
        if page.frontMatter.bulletin {
            for (token, written, lead) in shownByWhatsApp where !refused.contains(where: { $0.overlaps(written) }) {
                // A name the warning shows defanged stays so; an `@` that only the hidden markers joined to
                // it makes a mention of the fake (`@*EgovKzBot2.0*`), which is refused.
                if run.alert?.mayNameFakes == true, case .fakeName = token.kind,
                   reading.defanged.contains(where: { $0.overlaps(written) }) {
                    continue
                }
                let findings = judgeToken(token, inWarning: false)
                guard !findings.isEmpty else { continue }
                let at = locate(lead, near: run.position, offset: written.lowerBound, run: run, in: page)
                for f in findings { place(Self.asShownByWhatsApp(f), at) }
            }
        }
        // Numbers a phone would dial, in every run a reader sees (code too: it is copied and dialled).
        for (finding, phone) in phoneFindings(run.text) {
            place(finding, locate(phone.text, near: run.position, offset: phone.offset, run: run, in: page))
        }
        return reading
    }

    /// The number a bulletin writes before `block`, when it opens an item of a numbered list (its first
    /// block, or the first block of a quote that opens it): the list's start plus the items before it.
    /// `known`: the last item numbered, which the next one counts on (a list of thousands of items is
    /// numbered in linear time); set to this one.
    static func listNumber(opening block: CMarkNode, after known: inout (item: CMarkNode, number: Int)?) -> Int? {
        var node = block
        while let parent = node.parent {
            guard node.previous == nil else { return nil }
            switch parent.kind {
            case .blockQuote:
                node = parent
            case .item:
                guard let list = parent.parent, list.kind == .list, list.isOrderedList else { return nil }
                var number = list.listStart
                if let previous = parent.previous, let known, known.item == previous {
                    number = known.number + 1
                } else {
                    var sibling = parent.previous
                    while let before = sibling {
                        number += 1
                        sibling = before.previous
                    }
                }
                known = (parent, number)
                return number
            default:
                return nil
            }
        }
        return nil
    }

    /// The ASCII space and the line feed: what ends every address, handle and name, as Telegram reads
    /// them. Not a tab, which an address's path holds (`https://t.me/Kenes1414Bot\t/../EvilBot` is one
    /// link to the app), nor a carriage return, which the app deletes before it reads a text.
    package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }

    /// Whether `token`, read across runs from byte `offset` of run `run`, is a handle whose @ and spaces end that
    /// run and whose name is the next run's alone (`@ **EgovKzBot2.0**`, not `@ **Egov**KzBot2.0`).
    static func nameWholeAfterSpacedAt(_ token: TextToken, run: Int, offset: Int, in runs: [TextRun]) -> Bool {
        guard case .handle = token.kind, run + 1 < runs.count, !runs[run + 1].rawHTMLBefore,
              let at = spacedAtEnd(runs[run].text) else { return false }
        let count = runs[run].text.utf8.count
        let name = offset + token.length - count
        return offset >= count - at && name > 0 && name <= runs[run + 1].text.utf8.count
    }

    /// The bytes at the end of `text` that an @ followed by spaces takes, with the word before the @ and the
    /// spaces between (`пишите @ `), when the text ends so; a reader reads the name after them as a handle.
    static func spacedAtEnd(_ text: String) -> Int? {
        let bytes = text.utf8
        guard let last = bytes.last, isSpace(last) else { return nil }
        let spaces = bytes.reversed().prefix(while: isSpace).count
        let rest = bytes.dropLast(spaces)
        // `@`, `＠` (EF BC A0) or `﹫` (EF B9 AB).
        let at = rest.last == 0x40 ? 1 : rest.suffix(3).elementsEqual([0xEF, 0xBC, 0xA0]) || rest.suffix(3).elementsEqual([0xEF, 0xB9, 0xAB]) ? 3 : 0
        guard at > 0 else { return nil }
        let before = rest.dropLast(at)
        let gap = before.reversed().prefix(while: isSpace).count
        let word = before.dropLast(gap).reversed().prefix { !isSpace($0) }.count
        return spaces + at + (word > 0 ? gap + word : 0)
    }

    /// Tokens that only exist where runs meet: the runs before `last` that join without a space,
    /// read together with the first word of `last`. Each token comes with the run it starts in and
    /// its byte offset there. `whatsApp`: also the tokens WhatsApp's reading of the joined text shows
    /// across a hidden marker (`shownByWhatsApp`), each with the offset and length of what was written.
    func joinedTokens(_ runs: [TextRun], endingAt last: Int, whatsApp: Bool = false)
        -> [(TextToken, run: Int, offset: Int, shownByWhatsApp: Bool)]
    {
        // Pieces of the window, back to front: (run, first byte used).
        var pieces: [(run: Int, from: Int)] = []
        var i = last - 1
        while i >= 0 {
            let bytes = runs[i].text.utf8
            var word = bytes.reversed().prefix { !Self.isSpace($0) }.count
            // A word of marks alone (`t.me :/**EvilBot**`) is read with the word before it: a name written
            // with spaces around its separators is one to a reader.
            if word > 0, word < bytes.count, !bytes.suffix(word).contains(where: { $0 >= 0x80 || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
                let before = bytes.dropLast(word).reversed()
                let spaces = before.prefix { Self.isSpace($0) }.count
                let previous = before.dropFirst(spaces).prefix { !Self.isSpace($0) }.count
                if previous > 0 { word += spaces + previous }
            }
            // An @ and spaces end the run (`Не пишите @ **evil_support**`): read with the word before the @, as
            // in one run, so a name after it is a handle and a word is prose (`Вебинар @ **Zoom**`).
            if word == 0, let at = Self.spacedAtEnd(runs[i].text) { word = at }
            guard word > 0 else { break }
            pieces.append((i, bytes.count - word))
            guard word == bytes.count, runs[i].joinsPrevious || runs[i].rawHTMLBefore else { break }
            i -= 1
        }
        let head = runs[last].text.utf8.prefix { !Self.isSpace($0) }
        guard !pieces.isEmpty, !head.isEmpty || pieces.count > 1 else { return [] }
        pieces.reverse()
        var window: [UInt8] = []
        var starts: [Int] = []
        // Raw HTML between two runs is read as the space the page shows for it.
        for p in pieces {
            if p.run != pieces[0].run, runs[p.run].rawHTMLBefore { window.append(0x20) }
            starts.append(window.count)
            window += Array(runs[p.run].text.utf8)[p.from...]
        }
        if runs[last].rawHTMLBefore { window.append(0x20) }
        starts.append(window.count)
        window += head
        let boundaries = Array(starts.dropFirst())
        // Which boundaries have raw HTML's space before them.
        let spacedBoundaries = pieces.dropFirst().map { runs[$0.run].rawHTMLBefore } + [runs[last].rawHTMLBefore]
        let text = String(decoding: window, as: UTF8.self)
        let shown: [(TextToken, Bool)] = !whatsApp ? [] : whatsAppTokens(text).map { token, written, _ in
            var t = token
            (t.offset, t.length) = (written.lowerBound, written.count)
            return (t, true)
        }
        // (A bot's name is read with what WhatsApp shows around it: `Evil**KzBot**.com**` is `EvilKzBot.com`.)
        let written = tokens.scan(text).filter { t in
            !t.bare || !shown.contains { s, _ in s.offset < t.offset + t.length && t.offset < s.offset + s.length }
        }
        return (written.map { ($0, false) } + shown).compactMap { token, shownByWhatsApp in
            let end = token.offset + token.length
            // (A bot's name written without `@` that only touches a boundary, or the space raw HTML shows before
            // one, is judged here, not in its run: ``read(run:page:edges:)``.)
            guard boundaries.contains(where: { token.offset < $0 && $0 < end })
                || (token.bare && zip(boundaries, spacedBoundaries).contains { b, spaced in b == token.offset || b == end || (spaced && b - 1 == end) })
            else { return nil }
            let k = (starts.lastIndex { $0 <= token.offset }) ?? 0
            let run = k < pieces.count ? pieces[k].run : last
            let from = k < pieces.count ? pieces[k].from : 0
            return (token, run, from + token.offset - starts[k], shownByWhatsApp)
        }
    }

    /// Objections to a token of visible text.
    package func judgeToken(_ token: TextToken, inWarning: Bool) -> [Finding] {
        switch token.kind {
        case .url:
            // (As read: `hxxps://evil[.]com` is `https://evil.com`.)
            let url = token.read ?? token.text
            if inWarning, let host = Self.host(ofBare: url), isFake(host) { return [] }
            return judge.judge(url).map(Self.asText)
        case .domain(let ascii), .email(let ascii):
            if inWarning && isFake(ascii) { return [] }
            let findings = judge.hostFindings(ascii, input: token.text, code: "text")
            // Telegram's host alone (`t.me`, `telegram.dog`): messengers link it to Telegram's front page,
            // which the allow-list proves no more official than any other site. Said so, with the bot's
            // address to write instead.
            if LinkPolicy.telegramHosts.contains(ascii) {
                let bot = policy.officialHandlesWritten.first.map { "https://t.me/\($0)" } ?? "https://t.me/<handle>"
                return findings.map { $0.reworded("text.domain.telegram-host", ["bot": bot]) }
            }
            // Written with a character that only looks like a dot (`tolem·kz`), with marks drawn on its
            // characters (`tolem.́kz`) or in lookalike letters (`tolem.кz`): said so, since no app links it and
            // the usual message would say one does.
            // A lookalike is said to be one of what is written, which is what the editor finds in the file.
            // (A defanged name in a warning is most likely a new fake, said so below.)
            if token.readAsLooks && !(inWarning && token.defanged) {
                let id = token.text.unicodeScalars.contains(where: TextTokens.onlyLooksLikeDot) ? "text.domain.dot-like" : "text.domain.as-read"
                return findings.map { f in
                    switch f.messageID {
                    case "text.domain": f.reworded(id, ["written": token.text])
                    case "text.domain.lookalike": f.reworded("text.domain.lookalike.as-read", ["written": token.text])
                    default: f
                    }
                }
            }
            // In a warning, an unknown name is most likely a new fake: say where fakes are listed.
            guard inWarning else { return findings }
            return findings.map { f in
                f.messageID == "text.domain" || f.messageID == "text.domain.lookalike" ? f.reworded("text.domain.new-fake") : f
            }
        case .handle(let name):
            if inWarning, policy.fake(named: name) != nil { return [] }
            let findings = judge.judgeHandle(name, url: nil)
            // Written without `@`: said so, quoted as written.
            guard token.bare else { return findings }
            return findings.map { f in
                switch f.messageID {
                case "telegram.unknown": f.reworded("telegram.unknown.bare", ["written": token.text])
                case "telegram.unknown.near": f.reworded("telegram.unknown.near.bare", ["written": token.text])
                default: f
                }
            }
        case .telegramPath(let segment):
            if inWarning, policy.fake(named: segment) != nil { return [] }
            return judge.judgeTelegramSegment(segment, url: nil)
        case .telegramNamed(let segment):
            // An unknown handle or an invite is refused as such; an official handle is to be written
            // plainly, and so is a known fake in a warning (what follows `t.me:` is not shown defanged);
            // anything else after the host is no form to prove (`t.me:/./EvilBot`, `t.me:«EvilBot»`).
            guard URLJudge.isInvite(segment) || TelegramLinkForm.isHandle(Substring(segment)) else {
                return [Self.asText(judge.telegramNamedNoncanonical(segment, suggesting: false))]
            }
            let fake = policy.fake(named: segment) != nil
            let found = inWarning && fake ? [] : judge.judgeTelegramSegment(segment, url: nil)
            return found.isEmpty ? [Self.asText(judge.telegramNamedNoncanonical(segment, suggesting: !fake))] : found
        case .address(let text):
            // Judged as the link the app opens: `https://` and what is written.
            if inWarning, let host = Self.host(ofBare: text), isFake(host) { return [] }
            if text.prefix(while: { !"/?#".contains($0) }).contains("@") {
                // What an editor meant as an e-mail address (`жауап@egov.kz`) a messenger opens as a link.
                return [Finding(code: "text.url", id: "text.mail-not-latin", ["text": text], url: nil)]
            }
            return judge.judge("https://" + text).map(Self.asText)
        case .ipAddress:
            // Quoted as written (`185.22.́64.10`), which the editor finds in the file.
            return [Finding(code: "text.ip", id: "text.ip", ["address": token.text], url: nil)]
        case .cardNumber:
            // Even in a warning: a fraudster's card is named by its last digits, never tappable.
            return [Self.cardFinding(token.text)]
        case .pastedLink(let address):
            return judgePastedLink(address)
        case .fakeName(let name):
            if inWarning { return [] }
            // A name written otherwise than the registry spells it says which fake it is.
            if token.text.lowercased() == name.lowercased() {
                return [Finding(code: "text.fake", id: "text.fake", ["name": name], url: nil)]
            }
            return [Finding(code: "text.fake", id: "text.fake.written", ["written": token.text, "name": name], url: nil)]
        }
    }

    /// Objections to the address of a `[text](address)` written as text (``TextToken/Kind/pastedLink(_:)``),
    /// in a warning too: a link made so shows its text, and no defanging reaches its address.
    func judgePastedLink(_ address: String) -> [Finding] {
        // The app links only an address with a dot, a scheme or a user name in it (`evil.com`,
        // `tg:x`, `a@b.kz`); a path of the site (`/kk/apply/`), a fragment, a word or a citation
        // (`с. 45`) it leaves as text.
        guard address.unicodeScalars.contains(where: { ".:@".unicodeScalars.contains(TextTokens.plain(TextTokens.addressForm($0))) }),
              !TextTokens.appLeavesPastedLinkAsText(address) else {
            return []
        }
        guard address.hasPrefix("https://") else {
            return [Finding(code: "text.url", id: "text.pasted-link", ["address": address], url: nil)]
        }
        return judge.judge(address).map { Self.asText($0).said(as: "text.pasted-link.note") }
    }

    /// Objections to the address of each `[text](address)` in `text` a Telegram app would make a link of
    /// (``TextTokens/pastedLinkAddresses(_:)``), read in the whole text: its address may hold spaces
    /// and line breaks, which words are read apart at.
    package func pastedLinkFindings(_ text: String) -> [(address: String, finding: Finding)] {
        guard text.utf8.count >= 3, text.containsBytes(of: "](") else { return [] }
        let scalars = ScalarArray.of(text)
        return TextTokens.pastedLinkAddresses(scalars).flatMap { range -> [(address: String, finding: Finding)] in
            let address = String(scalars: scalars[range])
            return judgePastedLink(address).map { (address, $0) }
        }
    }

    /// The objection to a bank card number Telegram reads (`text.card`), as written.
    package static func cardFinding(_ number: String) -> Finding {
        Finding(code: "text.card", id: "text.card", ["number": shownAsOneLine(number)], url: nil)
    }

    /// A number as the message names it: a tab or line break in it as the space a page shows.
    package static func shownAsOneLine(_ number: String) -> String {
        number.unicodeScalars.contains(where: PhoneNumbers.isShownAsSpace)
            ? String(scalars: PhoneNumbers.shownAsSpaces(Array(number.unicodeScalars))[...]) : number
    }

    /// A link's objection said of an address written as text.
    static func asText(_ f: Finding) -> Finding {
        f.recoded(f.code.hasPrefix("link.") ? "text.url" : f.code)
    }

    private func isFake(_ ascii: String) -> Bool {
        policy.fakeDomains.contains(ascii) || policy.fakeDomains.contains(HostName.registrable(ascii))
    }

    func isFakeToken(_ token: TextToken) -> Bool {
        switch token.kind {
        case .fakeName: return true
        case .handle(let n), .telegramPath(let n), .telegramNamed(let n): return policy.fake(named: n) != nil
        case .domain(let a), .email(let a): return isFake(a)
        case .url, .address: return Self.host(ofBare: token.text).map(isFake) ?? false
        case .ipAddress, .cardNumber, .pastedLink: return false
        }
    }

    /// Text-versus-target judgements already made in this build.
    private let mismatches = SharedCache<ExactText, Finding?>()

    /// The first invisible or direction-changing character of prose, as a `text.invisible` finding.
    /// NUL counts too (a YAML string may spell it `\0`), but where a template's tags were masked with it
    /// (`tagsMasked`).
    package static func invisibleFinding(_ text: String, tagsMasked: Bool = false) -> (Finding, (offset: Int, scalar: Unicode.Scalar))? {
        func named(_ u: Unicode.Scalar) -> [String: String] {
            let code = String(u.value, radix: 16, uppercase: true)
            return ["character": "U+" + String(repeating: "0", count: max(0, 4 - code.count)) + code]
        }
        if !tagsMasked, let nul = text.unicodeScalars.firstIndex(of: "\u{0}") {
            let offset = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: nul)
            return (Finding(code: "text.invisible", id: "text.invisible", named("\u{0}"), url: nil), (offset, "\u{0}"))
        }
        if let hidden = InvisibleCharacters.firstInvisibleOrBidiControlInProse(in: text) {
            return (Finding(code: "text.invisible", id: "text.invisible", named(hidden.scalar), url: nil), hidden)
        }
        // A right-to-left letter turns the digits around it, group by group (`־4567 123 701 8־` shows
        // 8 701 123 4567): with digits in the text, it is refused as a direction mark is.
        // The letter is looked for first: a range test, where a digit's is a property lookup.
        guard let (at, letter) = text.unicodeScalars.enumerated().first(where: { isRightToLeft($0.element) }),
              text.unicodeScalars.contains(where: \.isDecimalDigit) else { return nil }
        return (Finding(code: "text.invisible", id: "text.right-to-left", named(letter), url: nil), (at, letter))
    }

    /// Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko … and their
    /// presentation forms).
    package static func isRightToLeft(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }

    /// How a character may be written in YAML: itself, or an escape of a double-quoted value.
    package static func writtenForms(of scalar: Unicode.Scalar) -> [String] {
        let named: [UInt32: String] = [0x0D: "\\r", 0x0A: "\\n", 0x09: "\\t", 0x85: "\\N", 0xA0: "\\_", 0x2028: "\\L", 0x2029: "\\P",
                                       0x00: "\\0", 0x07: "\\a", 0x08: "\\b", 0x0B: "\\v", 0x0C: "\\f", 0x1B: "\\e"]
        func hex(_ digits: Int) -> [String] {
            let h = String(scalar.value, radix: 16)
            let padded = String(repeating: "0", count: max(0, digits - h.count)) + h
            return [padded.uppercased(), padded]
        }
        var forms = [String(scalar)] + (named[scalar.value].map { [$0] } ?? [])
        if scalar.value < 0x100 { forms += hex(2).map { "\\x" + $0 } }
        if scalar.value < 0x10000 { forms += hex(4).map { "\\u" + $0 } }
        return forms + hex(8).map { "\\U" + $0 }
    }

    /// A byte-level look for the encodings invisible and direction characters can have, so the
    /// Unicode property lookup runs only on the rare text that might hold one. Cyrillic letters,
    /// «», — and ₸ are ruled out here; anything outside these known-safe patterns is looked at.
    package static func mayHoldInvisible(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            var i = 0
            while i < b.count {
                let c = b[i]
                if c == 0x0D { return true }                             // deleted by Telegram
                // Controls but the tab and the line feed (and NUL, a template's tag where one is read).
                if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x00) || c == 0x7F { return true }
                if c < 0x80 { i += 1; continue }
                if c == 0xCD, i + 1 < b.count, b[i + 1] == 0x8F { return true }  // U+034F
                // U+030A, U+0333, U+033F: marks Telegram deletes before sending.
                if c == 0xCC, i + 1 < b.count, b[i + 1] == 0x8A || b[i + 1] == 0xB3 || b[i + 1] == 0xBF { return true }
                if c >= 0xC3 && c <= 0xD5 { i += 2; continue }            // Latin, Greek, Cyrillic…
                if c == 0xD6, i + 1 < b.count, b[i + 1] < 0x90 { i += 2; continue }  // Armenian; Hebrew from U+0590 is looked at
                // U+00AD, and the C1 controls U+0080–U+009F.
                if c == 0xC2 { if i + 1 < b.count, b[i + 1] == 0xAD || b[i + 1] < 0xA0 { return true }; i += 2; continue }
                if c == 0xE2, i + 2 < b.count {
                    let c1 = b[i + 1], c2 = b[i + 2]
                    if c1 == 0x80 && ((c2 >= 0x8B && c2 <= 0x8F) || (c2 >= 0xA8 && c2 <= 0xAE)) { return true }
                    if c1 == 0x81 && c2 >= 0xA0 && c2 <= 0xAF { return true }
                    i += 3
                    continue
                }
                return true   // other scripts and planes: let the property lookup decide
            }
            return false
        }
    }

    /// Names (not addresses, which the link itself is judged by).
    static func isName(_ token: TextToken) -> Bool {
        switch token.kind {
        case .fakeName, .handle, .telegramPath, .telegramNamed: return true
        default: return false
        }
    }

    /// When the visible text of a link is itself an address, it must lead where it says.
    func textMismatch(text: String, destination: String) -> Finding? {
        mismatches.value(text + "\u{0}" + destination) { textMismatchUncached(text: text, destination: destination) }
    }

    private func textMismatchUncached(text: String, destination: String) -> Finding? {
        let shown = text.trimmingSpaces()
        // Each reading of the whole text is compared (`info＠mail.ru` is an e-mail address and, to a
        // Telegram app, an address with a user name); a token of part of it is judged where it stands.
        let whole = tokens.scan(shown).filter { $0.offset == 0 && $0.length == shown.utf8.count }
        guard !whole.isEmpty else { return nil }
        let target = judge.parser.parse(destination)
        var targetHost = ""
        if case .domain(let h)? = target?.host { targetHost = h.hasSuffix(".") ? String(h.dropLast()) : h }
        if target?.scheme == "mailto", let path = target?.serializedPath, let at = path.lastIndex(of: "@") {
            targetHost = HostName.ascii(String(path[path.index(after: at)...])) ?? ""
        }
        func sameSite(_ shownHost: String) -> Finding? {
            if HostName.registrable(shownHost) == HostName.registrable(targetHost) { return nil }
            return Finding(code: "link.text-mismatch", id: "link.text-mismatch",
                           ["shown": shown, "target": targetHost.isEmpty ? destination : HostName.unicode(targetHost)], url: destination)
        }
        func mismatch(_ token: TextToken) -> Finding? {
            switch token.kind {
            case .domain(let ascii), .email(let ascii):
                return sameSite(ascii)
            case .url:
                guard let shownURL = judge.parser.parse(token.text), case .domain(let h)? = shownURL.host else { return nil }
                return sameSite(h.hasSuffix(".") ? String(h.dropLast()) : h)
            case .handle(let name), .telegramPath(let name), .telegramNamed(let name):
                if judge.telegramHandle(of: target)?.lowercased() == name.lowercased() { return nil }
                return Finding(code: "link.text-mismatch", id: "link.text-mismatch.elsewhere", ["shown": shown], url: destination)
            default:
                return nil
            }
        }
        return whole.lazy.compactMap(mismatch).first
    }

    /// The host of a bare `www.…` or written-out URL.
    static func host(ofBare text: String) -> String? {
        var t = Substring(text)
        for scheme in ["https://", "http://", "mailto:"] where t.lowercased().hasPrefix(scheme) { t = t.dropFirst(scheme.count) }
        // An e-mail address: the domain is after the @.
        if let at = t.lastIndex(of: "@"), !t[..<at].contains("/") { t = t[t.index(after: at)...] }
        let host = t.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return HostName.ascii(String(host))
    }

    /// How far past where a token of a text run should be its text is looked for: escapes and
    /// entities shift it a little, and a token written otherwise in the source (a number's no-break
    /// space) must not cost a scan of the rest of a megabyte-long line each time. (A link placed by
    /// its neighbour is looked for without this bound: the neighbour may be long.)
    static let locateWindow = 4096

    /// Where a token really is: cmark reports where its node starts; the token's own text is found
    /// in the source line from there (escapes and entities can shift it).
    package func locate(_ token: String, near start: BodyPosition, offset: Int = 0, run: TextRun? = nil, in page: Page)
        -> BodyPosition
    {
        let fileLine = start.line + page.bodyLineOffset
        guard fileLine >= 1, fileLine <= page.text.lineStarts.count else { return start }
        var line = fileLine
        var from = page.text.offset(line: line, byteColumn: max(1, start.byteColumn - 2))
        // A code block's text spans lines: move to the line the offset falls on.
        // Only a code block's text holds line breaks (a text node ends at each); looking for them in
        // every run made a long line of tokens quadratic.
        if let run, run.node.kind == .codeBlock, run.text.utf8.prefix(offset).contains(0x0A) {
            let before = run.text.utf8.prefix(offset)
            line += before.count { $0 == 0x0A }
            let lastBreak = before.lastIndex(of: 0x0A).map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0
            from = page.text.offset(line: line, byteColumn: 1) + max(0, offset - lastBreak - 4)
        } else if offset > 0 {
            from = min(page.text.bytes.count, from + offset)
        }
        // Search this line first, then the following lines of the block (a link without a
        // position is placed by its neighbours, which may be on an earlier line).
        let start = max(page.text.lineStarts[line - 1], from - 2)
        let at = page.text.find(token, from: start, withinLines: 50, withinBytes: run == nil ? nil : Self.locateWindow)
            ?? min(from, page.text.bytes.count)
        let p = page.text.position(ofByte: at)
        let lineStart = page.text.lineStarts[p.line - 1]
        return BodyPosition(line: p.line - page.bodyLineOffset, byteColumn: at - lineStart + 1)
    }
}

extension LinkPolicy {
    /// An inspector for pages of a site published at `baseURL`; made once per build and shared.
    package func inspector(baseURL: String) -> PageInspector { PageInspector(policy: self, baseURL: baseURL) }
}
