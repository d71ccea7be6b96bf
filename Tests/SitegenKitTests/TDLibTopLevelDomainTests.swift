import Foundation
import XCTest

@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenPolicy

/// The top-level domains after which Telegram links a name without a scheme are known to the
/// scanner: every two- and three-letter one and every one of the public suffix list, asked of TDLib.
final class TDLibTopLevelDomainTests: XCTestCase {
    func testEveryTopLevelDomainTelegramLinksIsKnown() throws {
        let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        var candidates = Set(letters.flatMap { a in letters.map { a + $0 } })
        candidates.formUnion(letters.flatMap { a in letters.flatMap { b in letters.map { a + b + $0 } } })
        let list = "/usr/share/publicsuffix/public_suffix_list.dat"
        if let text = try? String(contentsOfFile: list, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("//") && !line.isEmpty {
                candidates.insert(String(line.split(separator: ".").last!).trimmingCharacters(in: CharacterSet(charactersIn: "*!")))
            }
        }
        candidates.formUnion(TelegramTLDs.beyondPublicSuffixList)
        let tlds = candidates.sorted()
        let texts = tlds.map { "abc." + $0 }
        let answers = try TDLibOracle.entities(texts)
        var linked = 0
        for (tld, (text, found)) in zip(tlds, zip(texts, answers)) {
            let whole = found.contains { $0.type == "Url" && $0.offset == 0 && $0.length == text.utf16.count }
            if whole { linked += 1 }
            if whole { XCTAssertTrue(TelegramTLDs.isKnown(tld), "Telegram links \(text) but the scanner does not know .\(tld)") }
            if TelegramTLDs.beyondPublicSuffixList.contains(tld) {
                XCTAssertTrue(whole, ".\(tld) is in the table but Telegram does not link \(text)")
                XCTAssertFalse(PublicSuffixListProbe.knows(tld), ".\(tld) is in the public suffix list already")
            }
        }
        XCTAssertGreaterThan(linked, 1000, "TDLib links the top-level domains it knows")
    }
}

/// The public suffix list's own answer, without the table.
enum PublicSuffixListProbe {
    static func knows(_ tld: String) -> Bool { HostName.hasKnownTLD("a." + tld) }
}
