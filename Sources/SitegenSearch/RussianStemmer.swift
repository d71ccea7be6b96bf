import CStemmer
import Foundation

/// Snowball's Russian stemmer (Debian libstemmer, the C library) on folded words. `static/search.js`
/// carries a port of the same algorithm (`ruStem`); `SearchStemmingTests` checks the two agree on every
/// word of the content. A stemmer is not thread-safe, so each thread has its own.
enum RussianStemmer {
    private final class Box {
        let stemmer: OpaquePointer?
        init() { stemmer = sb_stemmer_new("russian", "UTF_8") }
        deinit { if let stemmer { sb_stemmer_delete(stemmer) } }
    }
    private static let key = "sitegen.russian-stemmer"

    /// The stem of a folded word; the word itself when it has letters other than Russian ones.
    static func stem(_ word: String) -> String {
        guard word.unicodeScalars.allSatisfy({ $0.value >= 0x430 && $0.value <= 0x44F || $0.value == 0x451 }) else { return word }
        let box: Box
        if let b = Thread.current.threadDictionary[key] as? Box { box = b } else {
            box = Box()
            Thread.current.threadDictionary[key] = box
        }
        guard let stemmer = box.stemmer else { return word }
        let bytes = Array(word.utf8)
        guard let out = bytes.withUnsafeBufferPointer({ sb_stemmer_stem(stemmer, $0.baseAddress, Int32($0.count)) }) else { return word }
        let length = Int(sb_stemmer_length(stemmer))
        return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
    }
}

/// The analysis search applies to a folded word, at build time and (in `search.js`) as readers type: the
/// stemmer of the page's language, then the site's Latin/Cyrillic name table (`searchAliases` in
/// `i18n/<lang>.yml`: `телеграм=telegram егов=egov`).
package struct SearchAnalyzer: Sendable {
    var language: String
    /// A folded word or stem → the stem it is indexed under.
    var aliases: [String: String] = [:]

    /// Reads `телеграм=telegram егов=egov` (pairs separated by spaces); the left side is folded (and also
    /// taken stemmed), the right side folded and stemmed.
    package init(language: String, aliasTable: String = "") {
        self.language = language
        for pair in aliasTable.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let sides = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard sides.count == 2 else { continue }
            let from = SearchFolding.fold(sides[0])
            let to = stemOnly(SearchFolding.fold(sides[1]))
            guard !from.isEmpty, !to.isEmpty else { continue }
            // The word as written and its stem: a stemmer may cut a name and its inflected forms apart
            // (Snowball reads «телеграм» as телегр-ам, «телеграме» as телеграм-е).
            for key in [from, stemOnly(from)] where key != to { aliases[key] = to }
        }
    }

    /// The stem of a folded word, or the word itself when its stem would be shorter than a word may be
    /// (Snowball reads «её» as «е», «ой» as «о»): no shard is written for a one-letter prefix, so such a
    /// term would be found nowhere.
    private func stemOnly(_ folded: String) -> String {
        let stem: String
        switch language {
        case "ru": stem = RussianStemmer.stem(folded)
        case "kk": stem = KazakhStemmer.stem(folded)
        default: stem = folded
        }
        return stem.unicodeScalars.count < SearchFolding.minimumTermLength ? folded : stem
    }

    /// The indexed form of a folded word.
    func analyze(_ folded: String) -> String {
        if let name = aliases[folded] { return name }
        let stem = stemOnly(folded)
        return aliases[stem] ?? stem
    }
}
