import Foundation
import XCTest

@testable import SitegenKit
@testable import SitegenSearch

/// Word endings in search: Snowball's Russian stemmer (the C library) and the Kazakh stemmer written
/// here, at build time in Swift and as readers type in `static/search.js`, which must agree word for word.
final class SearchStemmingTests: XCTestCase {
    // MARK: - Kazakh

    /// Nouns of the content and the seed article, each with the endings Kazakh grammar gives it (vowel
    /// harmony and the last sound choose the form): every form must reach the word's own stem.
    func testKazakhInflectedFormsMeetAtTheirStem() {
        var forms = 0
        var failures: [String] = []
        for word in Self.kazakhNouns {
            let stem = KazakhStemmer.stem(SearchFolding.fold(word))
            for form in Self.inflections(of: word) {
                forms += 1
                let got = KazakhStemmer.stem(SearchFolding.fold(form))
                if got != stem { failures.append("\(form) → \(got), but \(word) → \(stem)") }
            }
        }
        XCTAssertGreaterThanOrEqual(forms, 300)
        // Without a dictionary some endings stay ambiguous: телефон+ы and жүйе+ні both end in -ны (see the
        // README). The rest must meet.
        print("Kazakh forms reaching their stem: \(forms - failures.count) of \(forms)")
        XCTAssertLessThanOrEqual(failures.count, forms / 20, failures.joined(separator: "\n"))
    }

    func testKazakhApplicationWordsMeet() {
        let stems = Set(["өтініш", "өтінішті", "өтініштер", "өтінімді", "өтінім", "өтінімдерді", "өтінімге", "өтінішін"]
            .map { KazakhStemmer.stem(SearchFolding.fold($0)) })
        XCTAssertEqual(stems, ["отин"])
        // Verbs: the infinitive and the polite imperative meet their stem.
        XCTAssertEqual(KazakhStemmer.stem(SearchFolding.fold("тексеру")), KazakhStemmer.stem(SearchFolding.fold("тексеріңіз")))
        XCTAssertEqual(KazakhStemmer.stem(SearchFolding.fold("беру")), "бер")
    }

    func testKazakhStemmerKeepsShortWordsNamesAndNumbers() {
        for word in ["бот", "ақы", "жсн", "egov", "kenes1414bot", "42500", "ресм", "бала"] {
            let folded = SearchFolding.fold(word)
            XCTAssertGreaterThanOrEqual(KazakhStemmer.stem(folded).count, min(3, folded.count), word)
        }
        XCTAssertEqual(KazakhStemmer.stem("telegram"), "telegram")
        XCTAssertEqual(KazakhStemmer.stem("бот"), "бот")
        XCTAssertEqual(KazakhStemmer.stem("ботка"), "бот", "ботқа")
    }

    // MARK: - Russian

    func testRussianFormsMeetThroughSnowball() {
        func stem(_ w: String) -> String { RussianStemmer.stem(SearchFolding.fold(w)) }
        XCTAssertEqual(stem("заявка"), stem("заявку"))
        XCTAssertEqual(stem("заявка"), stem("заявки"))
        XCTAssertEqual(stem("поддельный"), stem("поддельные"))
        XCTAssertEqual(stem("документы"), stem("документов"))
        XCTAssertEqual(stem("Документ"), stem("документами"))
        XCTAssertEqual(stem("выплата"), stem("выплаты"))
        XCTAssertEqual(stem("ёлка"), stem("елки"))
    }

    func testAliasesJoinCyrillicAndLatinNames() {
        let ru = SearchAnalyzer(language: "ru", aliasTable: "телеграм=telegram егов=egov")
        XCTAssertEqual(ru.analyze("телеграм"), "telegram")
        XCTAssertEqual(ru.analyze("телеграме"), "telegram")
        XCTAssertEqual(ru.analyze("егов"), "egov")
        let kk = SearchAnalyzer(language: "kk", aliasTable: "телеграм=telegram егов=egov broken =x")
        XCTAssertEqual(kk.analyze("телеграмда"), "telegram")
        XCTAssertEqual(kk.analyze("егов"), "egov")
        XCTAssertEqual(Set(kk.aliases.values), ["telegram", "egov"], "a pair without both sides is ignored")
        XCTAssertEqual(kk.analyze("broken"), "broken")
    }

    // MARK: - Swift and search.js agree

    /// Every word of the content, the seed article, the inflected forms above and the synthetic search
    /// corpus, stemmed both ways by Swift (libstemmer, KazakhStemmer) and by the real search.js in Node.
    func testScriptStemsEveryWordLikeSwift() throws {
        var words = Set<String>()
        for text in try Self.contentTexts() { words.formUnion(SearchFolding.terms(text)) }
        for word in Self.kazakhNouns { for form in Self.inflections(of: word) + [word] { words.formUnion(SearchFolding.terms(form)) } }
        for doc in SearchTestCorpus.documents(count: 300, seed: 4) { words.formUnion(SearchFolding.terms(doc.text)) }
        words.formUnion(["поддельный", "заявление", "шагов", "ё", "ейше", "красивейшая", "бегавшись", "стояние", "ость",
                         "подъезд", "мысленный", "авиация", "мм", "ии", "яя", "й", "ящ", "ьь"].map(SearchFolding.fold))
        let list = words.sorted()
        XCTAssertGreaterThan(list.count, 1_000)
        let out = try Self.node("""
            const s = require(process.argv[1]);
            const words = JSON.parse(require("fs").readFileSync(0, "utf8"));
            process.stdout.write(JSON.stringify(words.map(w => [s.ruStem(w), s.kkStem(w)])));
            """, input: list)
        let stems = try XCTUnwrap(out as? [[String]])
        XCTAssertEqual(stems.count, list.count)
        var differ: [String] = []
        for (word, js) in zip(list, stems) {
            let ru = RussianStemmer.stem(word), kk = KazakhStemmer.stem(word)
            if js != [ru, kk] { differ.append("\(word): Swift \(ru) \(kk), search.js \(js[0]) \(js[1])") }
        }
        XCTAssertEqual(Array(differ.prefix(20)), [], "\(differ.count) of \(list.count) words differ")
    }

    /// Words longer than ``SearchFolding/maximumTermLength`` are cut alike at build time and as a reader
    /// types: a number run together, a word of one letter repeated, a long word of two-byte letters.
    func testScriptCutsLongWordsLikeSwift() throws {
        let texts = [String(repeating: "а", count: 25_000), String(repeating: "1", count: 100), "42 500 " + String(repeating: "000 ", count: 30),
                     String(repeating: "Өтініш", count: 12) + " бот", String(repeating: "e\u{301}", count: 70), "қысқа сөз"]
        let out = try XCTUnwrap(try Self.node("""
            const s = require(process.argv[1]);
            const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
            process.stdout.write(JSON.stringify(texts.map(t => s.terms(t))));
            """, input: texts) as? [[String]])
        XCTAssertEqual(out, texts.map(SearchFolding.terms))
        XCTAssertEqual(SearchFolding.terms(texts[0]), [String(repeating: "а", count: 64)])
    }

    // MARK: - The published site

    /// Each language's index lists that language's stop words (i18n `searchStopWords`), folded as queries
    /// are: what `search.js` leaves out first from a query of more words than it loads.
    func testSiteIndexListsItsLanguagesStopWords() throws {
        let site = try XCTUnwrap(Fixture.repositorySite(), "the repository's content builds")
        func stop(_ lang: String) throws -> [String] {
            let data = try Data(contentsOf: URL(fileURLWithPath: site.directory + "/search/\(lang)/meta.json"))
            let meta = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return try XCTUnwrap(meta["stop"] as? String).split(separator: " ").map(String.init)
        }
        let ru = try stop("ru"), kk = try stop("kk")
        XCTAssertTrue(Set(["как", "на", "для", "который"]).isSubset(of: ru), "\(ru)")
        XCTAssertTrue(Set(["ушин", "жане", "аркылы", "керек"]).isSubset(of: kk), "folded: \(kk)")
        XCTAssertFalse(ru.contains("ушин") || kk.contains("который"), "each language its own")
        XCTAssertEqual(ru, ru.sorted())
        XCTAssertEqual(Set(ru).count, ru.count)
    }

    /// The repository's content, searched by the real search.js over the index the build wrote.
    func testSiteFindsInflectedFormsNamesAndItsOwnExamples() throws {
        let site = try XCTUnwrap(Fixture.repositorySite(), "the repository's content builds")
        func placeholder(_ lang: String) throws -> String {
            let text = try String(contentsOfFile: Fixture.repository + "/i18n/\(lang).yml", encoding: .utf8)
            let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("searchPlaceholder:") })
            return String(try XCTUnwrap(line.split(separator: " ").last)).replacingOccurrences(of: "\"", with: "")
        }
        let queries: [(String, String)] = [
            ("ru", "заявка "), ("ru", "заявку "), ("ru", "заявки "), ("ru", "поддельный "), ("ru", "поддельные "),
            ("ru", "документы "), ("ru", "телеграм "), ("ru", "telegram "), ("ru", "егов "), ("ru", "egov "),
            ("kk", "өтініш "), ("kk", "өтінім "), ("kk", "өтінімді "), ("kk", "отиниш "), ("kk", "телеграм "),
            ("kk", "telegram "), ("kk", "егов "), ("kk", "ботқа "), ("ru", try placeholder("ru") + " "),
            ("kk", try placeholder("kk") + " "),
        ]
        let out = try XCTUnwrap(Self.node("""
            const fs = require("fs"), path = require("path"), search = require(process.argv[1]), root = process.argv[2];
            const queries = JSON.parse(fs.readFileSync(0, "utf8"));
            let files = 0, bytes = 0;
            global.fetch = url => new Promise(resolve => fs.readFile(path.join(root, url), (error, data) => {
              if (error) return resolve({ ok: false, status: 404 });
              files++; bytes += data.length;
              resolve({ ok: true, json: () => Promise.resolve(JSON.parse(data)) });
            }));
            (async () => {
              const out = [];
              for (const [lang, q] of queries) {
                // As a page does it: focusing the box loads meta.json, then the query loads its shards.
                const query = search.searcher("/search/" + lang + "/");
                files = 0; bytes = 0;
                await query.prepare();
                const metaFiles = files, metaBytes = bytes;
                files = 0; bytes = 0;
                const r = await query(q);
                out.push({ total: r ? r.total : 0, files, bytes, metaFiles, metaBytes });
              }
              process.stdout.write(JSON.stringify(out));
            })();
            """, input: queries.map { [$0.0, $0.1] }, arguments: [site.directory]) as? [[String: Int]])
        var total: [String: Int] = [:]
        for ((lang, query), result) in zip(queries, out) {
            total[lang + ":" + query] = result["total"]
            XCTAssertGreaterThan(result["total"] ?? 0, 0, "«\(query)» (\(lang)) finds something")
            XCTAssertEqual(result["metaFiles"], 1, "«\(query)»: focusing the box loads meta.json alone")
            XCTAssertLessThanOrEqual(result["files"] ?? 99, 3, "«\(query)»: a first query takes at most 3 requests")
            XCTAssertLessThan((result["metaBytes"] ?? 60_000) + (result["bytes"] ?? 60_000), 60_000, "«\(query)»: meta.json and the query")
        }
        XCTAssertEqual(total["ru:заявка "], total["ru:заявку "])
        XCTAssertEqual(total["ru:заявка "], total["ru:заявки "])
        XCTAssertEqual(total["ru:поддельный "], total["ru:поддельные "])
        XCTAssertEqual(total["ru:телеграм "], total["ru:telegram "])
        XCTAssertEqual(total["ru:егов "], total["ru:egov "])
        XCTAssertEqual(total["kk:өтініш "], total["kk:өтінім "])
        XCTAssertEqual(total["kk:өтініш "], total["kk:отиниш "])
        XCTAssertEqual(total["kk:телеграм "], total["kk:telegram "])
    }

    // MARK: - Helpers

    static let kazakhNouns = [
        "өтінім", "төлем", "бот", "сілтеме", "дерек", "нөмір", "шот", "портал", "сайт", "жүйе", "қызмет", "карта",
        "код", "банк", "хабарлама", "ақпарат", "мемлекет", "құжат", "қадам", "телефон", "адам", "облыс", "жауап",
        "өтініш", "алаяқ", "министрлік", "бағдарлама", "қор", "жәрдемақы", "көмек",
    ]

    /// A Kazakh noun with plural, possessive and case endings chosen by vowel harmony and its last sound
    /// (п, к, қ become б, г, ғ before a vowel: дерек, дерегі).
    static func inflections(of word: String) -> [String] {
        let letters = Array(word)
        let back = letters.last { "аоұыәөүіеэуяюи".contains($0) }.map { "аоұыяу".contains($0) } ?? true
        let last = letters.last!
        let vowelEnd = "аоұыәөүіеэуяюи".contains(last)
        let voiceless = "пткқсшфхцчщ".contains(last)
        let nasal = "мнң".contains(last)
        let sonorant = "лрйузж".contains(last)
        func h(_ b: String, _ f: String) -> String { back ? b : f }
        let mutated = String(letters.dropLast()) + String(["п": "б", "к": "г", "қ": "ғ"][last] ?? last)
        let plural = vowelEnd || "руй".contains(last) ? h("лар", "лер") : (nasal || "лзж".contains(last) ? h("дар", "дер") : h("тар", "тер"))
        let genitive = vowelEnd || nasal ? h("ның", "нің") : (sonorant ? h("дың", "дің") : h("тың", "тің"))
        let dative = voiceless ? h("қа", "ке") : h("ға", "ге")
        let accusative = vowelEnd ? h("ны", "ні") : (voiceless ? h("ты", "ті") : h("ды", "ді"))
        let locative = voiceless ? h("та", "те") : h("да", "де")
        let ablative = nasal ? h("нан", "нен") : (voiceless ? h("тан", "тен") : h("дан", "ден"))
        let instrumental = voiceless ? "пен" : ("зж".contains(last) ? "бен" : "мен")
        let possessive = vowelEnd ? word + h("сы", "сі") : mutated + h("ы", "і")
        let pluralBack = plural.contains("а")
        return [
            word + plural, word + genitive, word + dative, word + accusative, word + locative, word + ablative,
            word + instrumental, possessive, possessive + "н", possessive + h("на", "не"), possessive + h("нда", "нде"),
            word + plural + (pluralBack ? "ды" : "ді"), word + plural + (pluralBack ? "да" : "де"),
        ]
    }

    /// The text of every page under `content/` and the seed article the content was written from.
    static func contentTexts() throws -> [String] {
        var texts: [String] = []
        let root = Fixture.repository
        let files = FileManager.default.enumerator(atPath: root + "/content")?.allObjects as? [String] ?? []
        for file in files where file.hasSuffix(".md") {
            texts.append(try String(contentsOfFile: root + "/content/" + file, encoding: .utf8))
        }
        texts.append(try String(contentsOfFile: root + "/Tests/search/seed-kk.txt", encoding: .utf8))
        return texts
    }

    static let script = Fixture.repository + "/static/search.js"

    /// Runs `source` in Node with search.js's path as its argument and `input` as JSON on stdin.
    static func node(_ source: String, input: Any, arguments: [String] = []) throws -> Any {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/node" } + ["/usr/bin/node"]
        guard let node = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("node is not installed") }
            throw XCTSkip("node is not installed")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", source, script] + arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let data = try JSONSerialization.data(withJSONObject: input)
        DispatchQueue.global().async {
            stdin.fileHandleForWriting.write(data)
            try? stdin.fileHandleForWriting.close()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errors)
        return try JSONSerialization.jsonObject(with: out)
    }
}
