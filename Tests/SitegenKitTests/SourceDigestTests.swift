import Foundation
import SitegenCore
import XCTest

/// The digest of a source file: the text the page cache keeps of it, read back to the same value, and
/// nothing else read as one.
final class SourceDigestTests: XCTestCase {
    func testTheTextIsTheSizeAndTheLowercaseHexAndReadsBackToTheSameDigest() {
        let digest = SourceDigest(of: Array("abc".utf8))
        XCTAssertEqual(digest.text, "3 ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SourceDigest(text: digest.text), digest)
        XCTAssertEqual(SourceDigest(of: []).text, "0 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SourceDigest(text: SourceDigest(of: []).text), SourceDigest(of: []))
        XCTAssertEqual(SourceDigest.unreadable.text, "unreadable")
        XCTAssertEqual(SourceDigest(text: "unreadable"), .unreadable)
    }

    func testADigestIsFortyBytesHeldInline() {
        XCTAssertEqual(MemoryLayout<SourceDigest>.size, 40)
        XCTAssertEqual(MemoryLayout<SourceDigest>.stride, 40, "as many bytes in an array of them")
    }

    func testDigestsOfOtherBytesDiffer() {
        XCTAssertNotEqual(SourceDigest(of: Array("a".utf8)), SourceDigest(of: Array("b".utf8)))
        XCTAssertNotEqual(SourceDigest(of: []), .unreadable, "an empty file is not a file that could not be read")
    }

    func testAnyOtherTextIsNoDigest() {
        let hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        for text in ["", " " + hex, "3", "3 ", "-3 " + hex, "+3 " + hex, "03 " + hex, "3  " + hex, "3 " + hex.uppercased(),
                     "3 " + hex.dropLast(), "3 " + hex + "0", "3 " + hex + " ", "3 " + hex.dropLast() + "g", "x " + hex,
                     "99999999999999999999 " + hex, "Unreadable", "unreadable "] {
            XCTAssertNil(SourceDigest(text: String(text)), "read as a digest: \(text.debugDescription)")
        }
    }

    /// A file's digest is that of its bytes whatever its size: a big one is read a piece at a time, and
    /// only a regular file is read at all.
    func testAFilesDigestIsThatOfItsBytesWhateverItsSize() throws {
        let folder = NSTemporaryDirectory() + "/sitegen-digest-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let megabyte = 1 << 20
        for size in [0, 1, megabyte - 1, megabyte, megabyte + 1, 3 * megabyte + 5] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
            let path = folder + "/\(size)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(SourceDigest.ofFile(path), SourceDigest(of: bytes), "\(size) bytes")
        }
        XCTAssertEqual(mkfifo(folder + "/fifo", 0o600), 0)
        XCTAssertNil(SourceDigest.ofFile(folder + "/fifo"), "a FIFO is never opened")
        XCTAssertNil(SourceDigest.ofFile(folder), "nor a folder")
        XCTAssertNil(SourceDigest.ofFile(folder + "/none"))
    }
}
