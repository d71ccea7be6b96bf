/// Text cut short without making a number: a cut inside a chain of digits keeps the start of a longer
/// number, which a reader's app may read as a number of its own, a card or a phone, that the whole
/// never was (`… 4400 4301 2345 6789 0000 1111` cut after `6789`, `8 701 123 45 67 8` after `67`).
package enum NumberSafeCut {
    /// `kept`, the start of a text that goes on with `rest`, without the chain of digits it ends with
    /// when `rest` carries that chain on; `kept` as it is otherwise.
    package static func trim(_ kept: Substring, before rest: Substring) -> Substring {
        guard rest.drop(while: isChainMark).first?.isNumber == true else { return kept }
        let body = kept.reversed().drop(while: isChainMark)
        guard body.first?.isNumber == true else { return kept }
        // Back past the chain (digits and the marks between them), then past the spaces before it.
        var end = kept.endIndex
        while end > kept.startIndex, let c = Optional(kept[kept.index(before: end)]), c.isNumber || isChainMark(c) {
            end = kept.index(before: end)
        }
        return kept[..<end]
    }

    /// What joins the groups of a number as it is written: spaces, dashes, dots, brackets, `+`, `/`.
    private static func isChainMark(_ c: Character) -> Bool {
        c.isWhitespace || "-‐‑‒–—.()+/".contains(c)
    }
}
