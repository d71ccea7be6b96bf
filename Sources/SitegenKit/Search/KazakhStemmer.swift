/// A suffix-stripping stemmer for Kazakh, on words already folded by ``SearchFolding`` (so `өтінімді` is
/// seen as `отинимди`). `static/search.js` repeats it (`kkStem`); `SearchStemmingTests` runs both on every
/// word of the content.
///
/// Kazakh adds endings in a fixed order (stem, plural, possessive, case; or verb stem, tense, person), so
/// the stemmer removes the longest ending of ``rules`` that may follow the sound before it and leaves at
/// least ``minimumStem`` letters, one of them a vowel, and repeats up to ``maximumPasses`` times. The endings are the folded forms of the
/// plural (-лар/-лер/-дар/-дер/-тар/-тер), the possessives (-ым/-ім, -ың/-ің, -ы/-і/-сы/-сі, -ымыз,
/// -ңыз), the cases (genitive -ның/-нің/-дың/-тың, dative -ға/-ге/-қа/-ке/-на/-не, accusative
/// -ды/-ді/-ты/-ті/-ны/-ні, locative -да/-де/-та/-те/-нда, ablative -дан/-тан/-нан, instrumental
/// -мен/-бен/-пен), the attributive -дағы/-ғы/-қы, and common verb endings (-у, -ып/-іп, -ған/-ген/-қан/
/// -кен, -йтын, -ады/-еді, -ңыз/-ңіз). Last, the noun-forming -ыш/-іш: `өтініш` and `өтінім`
/// (both from өтін-, "to request") meet at `отин`, as readers use them for the same thing.
/// Single-letter endings other than -у, -ы, -і are never removed (-а, -е, -м, -н, -п would eat stems),
/// and a word with anything but Cyrillic letters is left as it is.
enum KazakhStemmer {
    static let minimumStem = 3
    static let maximumPasses = 4
    static let vowels = "аеиоуыэюя"
    static let voiced = "бвгджзйлмнр"
    static let voiceless = "кпстфхцчшщ"

    /// Each ending (folded) with the sounds that may come before it, as Kazakh phonology chooses the
    /// form: `V` a vowel, `Z` a voiced consonant, `S` a voiceless one, `C` any consonant, `*` anything,
    /// other letters themselves. `сайты` is `сайт`+`ы`, not `сай`+`ты`: -ты follows only voiceless sounds.
    static let rules: [(suffix: String, after: String)] = [
        ("лар", "Vруй"), ("лер", "Vруй"), ("дар", "лмнзж"), ("дер", "лмнзж"), ("тар", "Sбвгд"), ("тер", "Sбвгд"),
        ("ым", "C"), ("им", "C"), ("ын", "C"), ("ин", "C"), ("ы", "C"), ("и", "C"), ("сы", "аеоуэюя"), ("си", "аеоуэюя"), ("сын", "V"), ("син", "V"),
        ("ымыз", "C"), ("имиз", "C"), ("ыныз", "C"), ("иниз", "C"), ("мыз", "V"), ("миз", "V"), ("ныз", "V"), ("низ", "V"),
        ("нын", "Vмн"), ("нин", "Vмн"), ("дын", "жзлрйу"), ("дин", "жзлрйу"), ("тын", "Sбвгд"), ("тин", "Sбвгд"),
        ("га", "VZ"), ("ге", "VZ"), ("ка", "S"), ("ке", "S"), ("на", "ыи"), ("не", "ыи"),
        ("ды", "Zу"), ("ди", "Zу"), ("ты", "S"), ("ти", "S"), ("ны", "V"), ("ни", "V"),
        ("да", "VZ"), ("де", "VZ"), ("та", "S"), ("те", "S"), ("нда", "ыи"), ("нде", "ыи"),
        ("дан", "Vбвгджзйлру"), ("ден", "Vбвгджзйлру"), ("тан", "S"), ("тен", "S"), ("нан", "ыимн"), ("нен", "ыимн"),
        ("мен", "Vбвгдйлмнру"), ("бен", "жз"), ("пен", "S"),
        ("дагы", "VZ"), ("деги", "VZ"), ("тагы", "S"), ("теги", "S"), ("гы", "рлн"), ("ги", "рлн"), ("кы", "S"), ("ки", "S"),
        ("у", "*"), ("ып", "C"), ("ип", "C"), ("ган", "VZ"), ("ген", "VZ"), ("кан", "S"), ("кен", "S"),
        ("йтын", "V"), ("йтин", "V"), ("ады", "C"), ("еди", "C"), ("йды", "V"), ("йди", "V"),
    ]
    /// Removed last, once: nouns made from verbs.
    static let derivational: [(suffix: String, after: String)] = [("ыш", "C"), ("иш", "C")]

    /// The stem of a folded word.
    static func stem(_ word: String) -> String {
        guard word.unicodeScalars.allSatisfy({ $0.value >= 0x430 && $0.value <= 0x44F }) else { return word }
        var w = Array(word)
        for _ in 0..<maximumPasses {
            guard let n = longest(w, rules) else { break }
            w.removeLast(n)
        }
        if let n = longest(w, derivational) { w.removeLast(n) }
        // Before a vowel п, к, қ become б, г, ғ (дерек, дерегі); a stem never ends in the voiced form.
        if w.count >= minimumStem, let last = w.last, last == "г" || last == "б" { w[w.count - 1] = last == "г" ? "к" : "п" }
        return String(w)
    }

    /// Whether `c` may come before an ending whose `after` is given.
    static func allows(_ after: String, _ c: Character) -> Bool {
        after == "*" || after.contains(c)
            || (after.contains("V") && vowels.contains(c)) || (after.contains("Z") && voiced.contains(c))
            || (after.contains("S") && voiceless.contains(c)) || (after.contains("C") && (voiced + voiceless).contains(c))
    }

    /// The length of the longest ending of `rules` that fits what comes before it and leaves a stem long
    /// enough with a vowel, if any.
    private static func longest(_ w: [Character], _ rules: [(suffix: String, after: String)]) -> Int? {
        var best: Int?
        for (suffix, after) in rules {
            let n = suffix.count, rest = w.count - n
            guard n > (best ?? 0), rest >= minimumStem, w.suffix(n).elementsEqual(suffix), allows(after, w[rest - 1]),
                  w.prefix(rest).contains(where: { vowels.contains($0) }) else { continue }
            best = n
        }
        return best
    }
}
