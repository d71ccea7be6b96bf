import SitegenCore
import SitegenMarkdown

extension PageInspector {
    /// The address of a `[text](address)` written as text that opens in one run of a block and is closed
    /// in another (``TextTokens/pastedLinkAddresses(_:)``): formatting, an address the autolink extension
    /// linked, or a line break inside it (`\[ресми\](https://t.me/Kenes1414Bot /../EvilBot)`, where the address of the
    /// bot is a link of its own). A plain bulletin writes the block's runs one after another, and a
    /// Telegram app makes a link of the whole address when the text is pasted into it. One inside a
    /// single run was judged with that run's tokens. Each comes with the run it starts in, its byte
    /// offset there and its text in that run (to find it in the source).
    ///
    /// The runs are read twice: as a plain bulletin writes them (an image without a description a
    /// space), and as a browser copies the page (the image nothing: `\[egov.kz\]![](/favicon.ico)(evil.com)`
    /// is copied as `[egov.kz](evil.com)`).
    func pastedLinksAcrossRuns(_ runs: [TextRun]) -> [(finding: Finding, run: Int, offset: Int, piece: String)] {
        var out: [(finding: Finding, run: Int, offset: Int, piece: String)] = []
        for asCopied in [false, true] {
            for found in pastedLinksAcrossRuns(runs, asCopied: asCopied)
            where !out.contains(where: { $0.run == found.run && $0.offset == found.offset && $0.finding.messageID == found.finding.messageID }) {
                out.append(found)
            }
        }
        return out
    }

    private func pastedLinksAcrossRuns(_ runs: [TextRun], asCopied: Bool) -> [(finding: Finding, run: Int, offset: Int, piece: String)] {
        var out: [(Finding, Int, Int, String)] = []
        for i in runs.indices where Self.leavesAddressOpen(runs[i].text) {
            // The runs of its block from this one on: an address that opens here runs into them.
            let block = Self.block(of: runs[i].node)
            var end = i + 1
            while end < runs.count, Self.block(of: runs[end].node) == block { end += 1 }
            guard end > i + 1 else { continue }
            // Each run's text after what separates it from the one before.
            var text: [Unicode.Scalar] = []
            var starts: [(run: Int, scalar: Int)] = []
            for k in i..<end {
                if k > i, !asCopied { text += Self.readingSeparator(before: runs[k].node).unicodeScalars }
                starts.append((k, text.count))
                text += runs[k].text.unicodeScalars
            }
            // Those whose `](` is in this run and whose `)` is not (one closed in it was judged with its tokens).
            let runEnd = runs[i].text.unicodeScalars.count
            for range in TextTokens.pastedLinkAddresses(text) where range.lowerBound - 2 < runEnd && range.upperBound >= runEnd {
                let address = String(scalars: text[range])
                // Placed where the address starts: in this run, or at the start of the next (an autolink).
                let at = starts.last { $0.scalar <= range.lowerBound }!
                let runScalars = Array(runs[at.run].text.unicodeScalars)
                let within = min(range.lowerBound - at.scalar, runScalars.count)
                let offset = String(scalars: runScalars[..<within]).utf8.count
                let piece = String(scalars: runScalars[within...])
                for f in judgePastedLink(address) { out.append((f, at.run, offset, piece)) }
            }
        }
        return out
    }

    /// Whether `text` ends inside what may be a `](address)`: a `](` with no `)` after it, or a last `]`
    /// (the `(` may start the next run). Read in the bytes: nearly every run holds neither.
    static func leavesAddressOpen(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            var i = ByteScan.next(0x5D, in: b, from: 0)
            guard i < b.count else { return false }
            var open = false
            while i < b.count {
                if b[i] == 0x5D {
                    if i + 1 == b.count { return true }
                    if b[i + 1] == 0x28 { open = true }
                } else if b[i] == 0x29 {
                    open = false
                }
                i += 1
            }
            return open
        }
    }
}
