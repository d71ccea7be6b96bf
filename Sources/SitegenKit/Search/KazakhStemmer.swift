/// A suffix-stripping stemmer for Kazakh, on words already folded by ``SearchFolding`` (so `өтінімді` is
/// seen as `отинимди`). `static/search.js` repeats it (`kkStem`); `SearchStemmingTests` runs both on every
/// word of the content.
///
/// Kazakh adds endings in a fixed order (stem, plural, possessive, case; or verb stem, tense, person), so
/// the stemmer removes the longest ending of ``suffixes`` that leaves at least ``minimumStem`` letters,
/// one of them a vowel, and repeats up to ``maximumPasses`` times. The endings are the folded forms of the
/// plural (-лар/-лер/-дар/-дер/-тар/-тер), the possessives (-ым/-ім, -ың/-ің, -ы/-і/-сы/-сі, -ымыз,
/// -ңыз), the cases (genitive -ның/-нің/-дың/-тың, dative -ға/-ге/-қа/-ке/-на/-не, accusative
/// -ды/-ді/-ты/-ті/-ны/-ні, locative -да/-де/-та/-те/-нда, ablative -дан/-тан/-нан, instrumental
/// -мен/-бен/-пен), the attributive -дағы/-ғы/-қы, and common verb endings (-у, -ып/-іп, -ған/-ген/-қан/
/// -кен, -атын/-етін, -ады/-еді, -ңыз/-ңіз). Last, the noun-forming -ыш/-іш: `өтініш` and `өтінім`
/// (both from өтін-, "to request") meet at `отин`, as readers use them for the same thing.
/// Single-letter endings other than -у, -ы, -і are never removed (-а, -е, -м, -н, -п would eat stems),
/// and a word with anything but Cyrillic letters is left as it is.
enum KazakhStemmer {
    static let minimumStem = 3
    static let maximumPasses = 4
    static let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]

    /// Endings, folded, removed longest first.
    static let suffixes: [String] = [
        "лар", "лер", "дар", "дер", "тар", "тер",
        "ым", "им", "ын", "ин", "ы", "и", "сы", "си", "ымыз", "имиз", "мыз", "миз", "ыныз", "иниз", "ныз", "низ",
        "нын", "нин", "дын", "дин", "тын", "тин",
        "га", "ге", "ка", "ке", "на", "не",
        "ды", "ди", "ты", "ти", "ны", "ни",
        "да", "де", "та", "те", "нда", "нде",
        "дан", "ден", "тан", "тен", "нан", "нен",
        "мен", "бен", "пен",
        "дагы", "деги", "тагы", "теги", "гы", "ги", "кы", "ки",
        "у", "ып", "ип", "ган", "ген", "кан", "кен", "атын", "етин", "йтын", "йтин", "ады", "еди", "йды", "йди",
    ]
    /// Removed last, once: nouns made from verbs.
    static let derivational: [String] = ["ыш", "иш"]

    private static let byLength: [String] = suffixes.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }

    /// The stem of a folded word.
    static func stem(_ word: String) -> String {
        guard word.unicodeScalars.allSatisfy({ $0.value >= 0x430 && $0.value <= 0x44F }) else { return word }
        var w = Array(word)
        for _ in 0..<maximumPasses {
            guard let s = longest(w, byLength) else { break }
            w.removeLast(s)
        }
        if let s = longest(w, derivational) { w.removeLast(s) }
        return String(w)
    }

    /// The length of the longest ending of `list` that leaves a stem long enough, if any.
    private static func longest(_ w: [Character], _ list: [String]) -> Int? {
        var best: Int?
        for s in list {
            let n = s.count
            guard n > (best ?? 0), w.count - n >= minimumStem, w.suffix(n).elementsEqual(s) else { continue }
            guard w.prefix(w.count - n).contains(where: vowels.contains) else { continue }
            best = n
        }
        return best
    }
}
