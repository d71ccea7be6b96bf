import Dispatch
import UnicodeSecurity
import XCTest

/// The link checker calls this module from many threads at once; every shared
/// ICU and libpsl object must give the same answers under contention.
final class ConcurrencyTests: XCTestCase {
    private struct Answers: Equatable {
        var ascii: IDNAResult
        var unicode: IDNAResult
        var skeleton: String
        var confusableWithOfficial: Bool
        var level: RestrictionLevel
        var invisibleOffset: Int?
        var registrable: String?
        var knownTLD: Bool
    }

    private static let hosts = [
        "Егов.қаз", "\u{0415}GOV.kz", "egov.kz", "42500.enbek.kz", "www.gov.kz",
        "p\u{0430}ypal.com", "eg\u{200D}ov.kz", "xn--a.kz", "т.б", "faß.de",
        "日本語とカタカナ.jp", "\u{0627}1.com", String(repeating: "\u{337F}", count: 30) + ".kz",
    ]

    private static func answers(for host: String) -> Answers {
        let mapped = IDNA.toUnicode(host).value ?? host
        return Answers(
            ascii: IDNA.toASCII(host),
            unicode: IDNA.toUnicode(host),
            skeleton: Confusables.skeleton(mapped),
            confusableWithOfficial: Confusables.areConfusable(mapped, "egov.kz"),
            level: MixedScript.restrictionLevel(of: mapped),
            invisibleOffset: InvisibleCharacters.firstInvisibleOrBidiControl(in: host)?.offset,
            registrable: PublicSuffixList.shared.registrableDomain(host),
            knownTLD: PublicSuffixList.shared.hasKnownTLD(host))
    }

    func testAnswersAreStableAcrossThreads() {
        let hosts = Self.hosts
        let iterations = 64
        let rounds = 200
        let observed = Slots<[Answers]>(count: iterations, initial: [])

        // Start all workers at once, before anything was used on this thread,
        // so the lazy global handles are also created under contention.
        DispatchQueue.concurrentPerform(iterations: iterations) { worker in
            var results: [Answers] = []
            for round in 0..<rounds {
                let host = hosts[(worker + round) % hosts.count]
                results.append(Self.answers(for: host))
            }
            observed.store(results, at: worker)
        }

        let expected = Dictionary(uniqueKeysWithValues: hosts.map { ($0, Self.answers(for: $0)) })
        for worker in 0..<iterations {
            XCTAssertEqual(observed[worker].count, rounds)
            for (round, answers) in observed[worker].enumerated() {
                let host = hosts[(worker + round) % hosts.count]
                XCTAssertEqual(answers, expected[host], "worker \(worker) host \(host)")
            }
        }
        XCTAssertEqual(expected["Егов.қаз"]?.ascii, .success("xn--b1abf1b.xn--80ao21a"))
        XCTAssertEqual(expected["\u{0415}GOV.kz"]?.skeleton, Confusables.skeleton("egov.kz"))
        XCTAssertEqual(expected["\u{0415}GOV.kz"]?.confusableWithOfficial, true)
    }
}

/// A fixed array in which each concurrent worker writes only its own slot.
private final class Slots<Element>: @unchecked Sendable {
    // @unchecked is sound for this use: slots are written by distinct workers
    // (disjoint memory) and read only after concurrentPerform has returned,
    // which orders those writes before the reads.
    private let storage: UnsafeMutableBufferPointer<Element>

    init(count: Int, initial: Element) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: initial)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func store(_ value: Element, at index: Int) { storage[index] = value }

    subscript(index: Int) -> Element { storage[index] }
}
