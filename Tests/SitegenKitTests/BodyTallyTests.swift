import SitegenCore
import XCTest
@testable import SitegenKit

/// The bulletins' upper bounds count a body sixteen bytes at a time: they must count what a byte-by-byte
/// reading counts, whatever the bytes and wherever the sixteen-byte blocks end.
final class BodyTallyTests: XCTestCase {
    func testSixteenAtATimeCountsWhatOneAtATimeCounts() {
        // Bytes the tally looks for, and others, so every mark meets every other at a block's edge.
        let alphabet: [UInt8] = [0x40, 0x26, 0x23, 0x24, 0x2E, 0x2F, 0x3A, 0x20, 0x0A, 0x30, 0x39, 0x61, 0x96, 0xF0, 0xF4, 0x80, 0xBF, 0xC0, 0xD0, 0xE2]
        var state: UInt64 = 42
        for length in [0, 1, 2, 15, 16, 17, 31, 32, 33, 100, 2_047, 4_096 + 7, 70_000] {
            let bytes = (0..<length).map { _ -> UInt8 in
                state = SplitMix.mix(state, 1)
                return alphabet[Int(state % UInt64(alphabet.count))]
            }
            var oneAtATime = BodyTally()
            var previous: UInt8 = 0x0A
            for b in bytes {
                oneAtATime.add(b, after: previous)
                previous = b
            }
            let blocks = bytes.withUnsafeBufferPointer { BodyTally($0) }
            XCTAssertEqual(blocks, oneAtATime, "\(length) bytes")
        }
        // A body of `@` after `.` alone: two marks a byte, the most a block's lanes hold before they are added up.
        let dense = [UInt8](repeating: 0x2E, count: 1) + [UInt8](repeating: 0x40, count: 50_000)
        var expected = BodyTally()
        var previous: UInt8 = 0x0A
        for b in dense { expected.add(b, after: previous); previous = b }
        XCTAssertEqual(dense.withUnsafeBufferPointer { BodyTally($0) }, expected)
        XCTAssertEqual(expected.marks, 50_001)
    }
}
