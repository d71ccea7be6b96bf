import UnicodeSecurity
import XCTest

final class InvisibleCharactersTests: XCTestCase {
    func testZeroWidthJoinerIsFoundAtItsScalarOffset() throws {
        let found = try XCTUnwrap(InvisibleCharacters.firstInvisibleOrBidiControl(in: "eg\u{200D}ov.kz"))
        XCTAssertEqual(found.offset, 2)
        XCTAssertEqual(found.scalar, "\u{200D}")
    }

    func testRightToLeftOverrideIsFound() throws {
        let found = try XCTUnwrap(InvisibleCharacters.firstInvisibleOrBidiControl(in: "https://egov.kz/\u{202E}fdp.exe"))
        XCTAssertEqual(found.offset, 16)
        XCTAssertEqual(found.scalar, "\u{202E}")
    }

    func testOffsetCountsScalarsNotCharacters() throws {
        // "é" written as e + combining acute is one Character but two scalars.
        let found = try XCTUnwrap(InvisibleCharacters.firstInvisibleOrBidiControl(in: "e\u{0301}\u{200B}x"))
        XCTAssertEqual(found.offset, 2)
        XCTAssertEqual(found.scalar, "\u{200B}")
    }

    func testFirstOfSeveralIsReported() throws {
        let found = try XCTUnwrap(InvisibleCharacters.firstInvisibleOrBidiControl(in: "a\u{2066}b\u{200B}"))
        XCTAssertEqual(found.offset, 1)
        XCTAssertEqual(found.scalar, "\u{2066}")
    }

    func testCleanTextHasNone() {
        XCTAssertNil(InvisibleCharacters.firstInvisibleOrBidiControl(in: "42500.enbek.kz"))
        XCTAssertNil(InvisibleCharacters.firstInvisibleOrBidiControl(in: "егов.қаз"))
        XCTAssertNil(InvisibleCharacters.firstInvisibleOrBidiControl(in: "e\u{0301} café 日本"))
        XCTAssertNil(InvisibleCharacters.firstInvisibleOrBidiControl(in: ""))
    }

    func testNamedCharactersAreAllCaught() {
        let listed: [UInt32] = [
            0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E, 0x00AD,
            0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
            0x2066, 0x2067, 0x2068, 0x2069, 0x061C,
        ]
        for value in listed {
            let scalar = Unicode.Scalar(value)!
            XCTAssertTrue(InvisibleCharacters.isInvisibleOrBidiControl(scalar), String(value, radix: 16))
        }
    }

    func testPropertyBasedCharactersAreCaught() {
        // Hangul filler, variation selector, tag letter, Arabic number sign,
        // combining grapheme joiner: none is in a hand-written list above.
        for value: UInt32 in [0x3164, 0x115F, 0xFE0F, 0xE0041, 0x0600, 0x034F] {
            XCTAssertTrue(InvisibleCharacters.isInvisibleOrBidiControl(Unicode.Scalar(value)!), String(value, radix: 16))
        }
        for scalar: Unicode.Scalar in ["a", " ", "-", "\u{0435}", "\u{0301}", "\u{00A0}"] {
            XCTAssertFalse(InvisibleCharacters.isInvisibleOrBidiControl(scalar), String(scalar.value, radix: 16))
        }
    }

    func testBidiControlSubset() {
        XCTAssertTrue(InvisibleCharacters.isBidiControl("\u{202E}"))
        XCTAssertTrue(InvisibleCharacters.isBidiControl("\u{061C}"))
        XCTAssertFalse(InvisibleCharacters.isBidiControl("\u{200B}"))
    }
}
