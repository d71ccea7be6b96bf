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

    /// A rule as the stemmer reads it: the ending's letters as offsets from «а» (U+0430; every folded
    /// Cyrillic letter is within 32 of it), and the letters allowed before it as a bit set.
    private struct Rule {
        var letters: [UInt8]
        var before: UInt32
        init(_ suffix: String, _ after: String) {
            letters = suffix.unicodeScalars.map { UInt8($0.value - 0x430) }
            before = after == "*" ? ~0 : KazakhStemmer.letterSet(after.filter { !"VZSC".contains($0) })
            if after.contains("V") { before |= KazakhStemmer.letterSet(KazakhStemmer.vowels) }
            if after.contains("Z") || after.contains("C") { before |= KazakhStemmer.letterSet(KazakhStemmer.voiced) }
            if after.contains("S") || after.contains("C") { before |= KazakhStemmer.letterSet(KazakhStemmer.voiceless) }
        }
    }
    private static let compiled = rules.map { Rule($0.suffix, $0.after) }
    private static let compiledDerivational = derivational.map { Rule($0.suffix, $0.after) }
    private static let vowelSet = letterSet(vowels)

    private static func letterSet(_ letters: String) -> UInt32 {
        letters.unicodeScalars.reduce(0) { $0 | 1 << ($1.value - 0x430) }
    }

    /// The stem of a folded word.
    static func stem(_ word: String) -> String {
        var w: [UInt8] = []
        for u in word.unicodeScalars {
            guard u.value >= 0x430 && u.value <= 0x44F else { return word }
            w.append(UInt8(u.value - 0x430))
        }
        for _ in 0..<maximumPasses {
            let n = longest(w, compiled)
            if n == 0 { break }
            w.removeLast(n)
        }
        w.removeLast(longest(w, compiledDerivational))
        // Before a vowel п, к, қ become б, г, ғ (дерек, дерегі); a stem never ends in the voiced form.
        if w.count >= minimumStem, let last = w.last {
            // Offsets from «а»: г 3 → к 10, б 1 → п 15.
            if last == 3 { w[w.count - 1] = 10 } else if last == 1 { w[w.count - 1] = 15 }
        }
        var out = String.UnicodeScalarView()
        for c in w { out.append(Unicode.Scalar(0x430 + UInt32(c))!) }
        return String(out)
    }

    /// The length of the longest ending of `rules` that fits what comes before it and leaves a stem long
    /// enough with a vowel, or 0.
    private static func longest(_ w: [UInt8], _ rules: [Rule]) -> Int {
        var best = 0
        for rule in rules {
            let n = rule.letters.count, rest = w.count - n
            guard n > best, rest >= minimumStem, rule.before & (1 << UInt32(w[rest - 1])) != 0 else { continue }
            var matches = true
            for k in 0..<n where w[rest + k] != rule.letters[k] { matches = false; break }
            guard matches, w[..<rest].contains(where: { vowelSet & (1 << UInt32($0)) != 0 }) else { continue }
            best = n
        }
        return best
    }
}
