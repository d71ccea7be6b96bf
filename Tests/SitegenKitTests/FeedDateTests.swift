import Foundation
import XCTest

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit

/// A page's `date` and `lastmod` are written into the Atom feeds: only a calendar day, alone or with a
/// time of day as RFC 3339 writes one, is a date, and what the feeds carry is always RFC 3339.
final class FeedDateTests: XCTestCase {
    func page(_ date: String) -> String {
        "---\ntitle: \"Төлем\"\ndate: \(date)\n---\n\nМәтін.\n"
    }

    /// A value that only begins like a date carried markup into the feed: a link, a summary with a
    /// phone, a card and a fake's handle. It is a `frontmatter.date` error at its value, from `check`
    /// and from `build`, and nothing is published.
    func testAValueThatOnlyBeginsLikeADateIsRefusedAtItsValue() throws {
        let injected = #""2020-04-15T10:00:00Z</updated><link\thref=\"https://scam-pay.kz/pay\"/><summary>Звоните&#32;+7&#32;701&#32;123&#32;45&#32;67</summary><updated>2020-04-15T10:00:00Z""#
        for value in [injected, "2020-04-15Tjunk", "2020-04-15T25:00", "2020-04-15T10:60", "2020-04-15T10:00:00+5",
                      "\"2020-04-15 10:00 утром\"", "2020-04-15T10:00:00.Z", "2020-04-15T10:00:00+05:00x", "2020-04-15T"] {
            let f = try Fixture(files: ["content/kk/p.md": page(value)])
            for checkOnly in [true, false] {
                let report = f.build(checkOnly: checkOnly)
                let errors = report.diagnostics.filter { $0.severity == .error }
                XCTAssertEqual(errors.map(\.code), ["frontmatter.date"], "\(value): \(errors.map(DiagnosticFormatter.line))")
                XCTAssertEqual(errors.first.map { [$0.line, $0.column] }, [3, 7], value)
            }
            XCTAssertNil(f.output("kk/atom.xml"), value)
        }
    }

    /// Days and times as editors write them are dates, and each reaches the feed as RFC 3339: with
    /// seconds, and in UTC when no zone is given.
    func testDaysAndTimesReachTheFeedAsRFC3339() throws {
        let cases = [
            ("2020-04-15", "2020-04-15T00:00:00Z"),
            ("2020-04-15T10:00", "2020-04-15T10:00:00Z"),
            ("\"2020-04-15 10:00:30\"", "2020-04-15T10:00:30Z"),
            ("2020-04-15T10:00+05:00", "2020-04-15T10:00:00+05:00"),
            ("2020-04-15T10:00:00.25-03:30", "2020-04-15T10:00:00.25-03:30"),
            ("2020-04-15T10:00:00Z", "2020-04-15T10:00:00Z"),
        ]
        for (value, shown) in cases {
            let f = try Fixture(files: ["content/kk/p.md": page(value)])
            assertNoErrors(f.build().diagnostics)
            let feed = try XCTUnwrap(f.output("kk/atom.xml"), value)
            let updated = feed.components(separatedBy: "<updated>").dropFirst().map { String($0.prefix { $0 != "<" }) }
            XCTAssertEqual(updated, [shown, shown], value)
        }
    }
}

/// The feed lists pages newest first by the moment their dates name, whatever zone each is written in.
final class FeedOrderTests: XCTestCase {
    func testPagesAreListedByTheMomentTheirDatesName() throws {
        let f = try Fixture(files: [
            "content/kk/a.md": "---\ntitle: \"А\"\ndate: \"2020-04-15T23:30:00-05:00\"\n---\n\nМәтін.\n",
            "content/kk/b.md": "---\ntitle: \"Б\"\ndate: \"2020-04-16T01:00:00Z\"\n---\n\nМәтін.\n",
            "content/kk/c.md": "---\ntitle: \"В\"\ndate: \"2020-04-16 03:00\"\n---\n\nМәтін.\n",
        ])
        assertNoErrors(f.build().diagnostics)
        let feed = try XCTUnwrap(f.output("kk/atom.xml"))
        let ids = feed.components(separatedBy: "<id>").dropFirst(2).map { String($0.prefix { $0 != "<" }) }
        XCTAssertEqual(ids, ["https://example.kz/kk/a/", "https://example.kz/kk/c/", "https://example.kz/kk/b/"])
        XCTAssertTrue(feed.contains("<updated>2020-04-15T23:30:00-05:00</updated>\n<link"), feed)
    }

    /// The feed lists the fifty newest of more pages, found as the pages are gone through: the same
    /// ones, in the same order, as all of them sorted by moment, then address (equal moments among them).
    func testTheFiftyNewestOfMorePagesAreListedInOrder() throws {
        var files: [String: String] = [:]
        var expected: [(moment: String, url: String)] = []
        for j in 0..<35 {
            // Scattered over days and hours; each moment twice, written in two zones, under scattered names.
            let day = String(format: "%02d", 1 + (j * 37) % 28)
            let hour = 5 + (j * 11) % 14
            for (k, time) in ["\(String(format: "%02d", hour)):00:00Z", "\(String(format: "%02d", hour + 5)):00:00+05:00"].enumerated() {
                let name = String(format: "p%02d", (j * 2 + k) * 53 % 70)
                files["content/kk/\(name).md"] = "---\ntitle: \"Бет \(j)\"\ndate: \"2020-04-\(day)T\(time)\"\n---\n\nМәтін.\n"
                expected.append((day + String(format: "%02d", hour), "https://example.kz/kk/\(name)/"))
            }
        }
        let f = try Fixture(files: files)
        assertNoErrors(f.build().diagnostics)
        let feed = try XCTUnwrap(f.output("kk/atom.xml"))
        let ids = feed.components(separatedBy: "<entry>\n<id>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        let sorted = expected.sorted { ($0.moment, $1.url) > ($1.moment, $0.url) }.prefix(50).map(\.url)
        XCTAssertEqual(ids, Array(sorted))
    }

    func testTheYearZeroIsNoDate() throws {
        let f = try Fixture(files: ["content/kk/a.md": "---\ntitle: \"А\"\ndate: 0000-02-29\n---\n\nМәтін.\n"])
        XCTAssertEqual(f.build(checkOnly: true).diagnostics.filter { $0.severity == .error }.map(\.code), ["frontmatter.date"])
    }
}
