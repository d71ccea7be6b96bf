import SitegenCore
import SitegenMarkdown

extension PageInspector {
    /// The address of a `[text](address)` written as text that runs over more than one run of a block
    /// (``TextTokens/pastedLinkAddresses(_:)``): formatting, an address the autolink extension linked, or a
    /// line break inside it (`\[ресми\](https://t.me/Kenes1414Bot /../EvilBot)`, where the address of the
    /// bot is a link of its own). A plain bulletin writes the block's runs one after another, and a
    /// Telegram app makes a link of the whole address when the text is pasted into it. One inside a
    /// single run was judged with that run's tokens. Each comes with the run it starts in, its byte
    /// offset there and its text in that run (to find it in the source).
    func pastedLinksAcrossRuns(_ runs: [TextRun]) -> [(finding: Finding, run: Int, offset: Int, piece: String)] {
        var out: [(Finding, Int, Int, String)] = []
        var blockStart = 0
        while blockStart < runs.count {
            let block = Self.block(of: runs[blockStart].node)
            var blockEnd = blockStart + 1
            while blockEnd < runs.count, Self.block(of: runs[blockEnd].node) == block { blockEnd += 1 }
            defer { blockStart = blockEnd }
            // Most blocks hold no `]` at all; one run holds the whole block's text otherwise.
            guard blockEnd - blockStart > 1, runs[blockStart..<blockEnd].contains(where: { $0.text.utf8.contains(0x5D) }) else { continue }
            // Each run's text after what separates it from the one before, and where it starts in the whole.
            var text: [Unicode.Scalar] = []
            var starts: [(run: Int, scalar: Int)] = []
            for i in blockStart..<blockEnd {
                if i > blockStart { text += Self.readingSeparator(before: runs[i].node).unicodeScalars }
                starts.append((i, text.count))
                text += runs[i].text.unicodeScalars
            }
            func run(at scalar: Int) -> (run: Int, scalar: Int) { starts.last { $0.scalar <= scalar }! }
            for range in TextTokens.pastedLinkAddresses(text) {
                let first = run(at: range.lowerBound), last = run(at: range.upperBound - 1)
                guard first.run != last.run else { continue }
                let address = String(scalars: text[range])
                let token = TextToken(kind: .pastedLink(address), offset: 0, length: address.utf8.count, text: address)
                let runScalars = Array(runs[first.run].text.unicodeScalars)
                let within = range.lowerBound - first.scalar
                let offset = String(scalars: runScalars[..<within]).utf8.count
                let piece = String(scalars: runScalars[within...])
                for f in judgeToken(token, inWarning: false) { out.append((f, first.run, offset, piece)) }
            }
        }
        return out
    }
}
