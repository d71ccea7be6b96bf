import XCTest

@testable import SitegenCore

/// Columns count scalars from the line's start, whether the file has a line long enough for the
/// checkpoints (a pasted megabyte of links) or only short ones (where none are kept).
final class SourceTextColumnTests: XCTestCase {
    func testEveryColumnIsTheScalarsBeforeItOnItsLine() throws {
        let short = "Өтінім: egov.kz 🙂\r\nекінші жол\n\nsoңғы"
        let long = "бас\n" + String(repeating: "сілтеме https://egov.kz/a 🙂 ", count: 120) + "\nсоңы\n"
        for text in [short, long] {
            let source = try SourceText.decode(Array(text.utf8)).get()
            var checked = 0
            for (n, start) in source.lineStarts.enumerated() {
                let end = n + 1 < source.lineStarts.count ? source.lineStarts[n + 1] : source.bytes.count
                var scalars = 0
                var offset = start
                while offset <= end {
                    XCTAssertEqual(source.column(line: n + 1, byteColumn: offset - start + 1), scalars + 1, "line \(n + 1) byte \(offset)")
                    XCTAssertEqual(source.position(ofByte: min(offset, end - (end > start ? 1 : 0))).line, n + 1)
                    checked += 1
                    guard offset < end else { break }
                    // The next scalar's first byte.
                    offset += 1
                    while offset < end, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
                    scalars += 1
                }
            }
            XCTAssertGreaterThan(checked, text == long ? 3000 : 30)
        }
    }
}
