/// What a page's Markdown body holds that bounds its bulletins from above (``BulletinPreflight``), counted
/// over its bytes in one pass, sixteen at a time: every page is counted on every check.
struct BodyTally: Equatable {
    /// UTF-16 units: one per lead byte, two for a 4-byte sequence, one more for each 0x96 byte (the last
    /// byte of `№`, after which typography adds a no-break space; any other 0x96 only errs high).
    var units = 0
    /// Places the app detects something by itself: an `@` (also written `&#64;`), `#`, `$`, or a `.`, `/`
    /// or `:` followed by more than a space (a name's last dot, a command, `tg://`).
    var marks = 0
    /// ASCII digits (thirteen make a card the app may detect).
    var digits = 0
    /// Line feeds.
    var lines = 0

    init() {}

    /// The tally of `bytes`, read as if a line feed came before them.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        guard n > 0, let start = bytes.baseAddress else { return }
        add(bytes[0], after: 0x0A)
        var i = 1
        let raw = UnsafeRawPointer(start)
        typealias Lanes = SIMD16<UInt8>
        // Lane counts in bytes, moved into the totals before any can pass 255.
        var units = Lanes(), marks = Lanes(), digits = Lanes(), lines = Lanes()
        var rounds = 0
        let one = Lanes(repeating: 1), none = Lanes()
        while i + 16 <= n {
            let v = raw.loadUnaligned(fromByteOffset: i, as: Lanes.self)
            let p = raw.loadUnaligned(fromByteOffset: i - 1, as: Lanes.self)
            units &+= none.replacing(with: one, where: v & 0xC0 .!= 0x80)
            units &+= none.replacing(with: one, where: v .>= 0xF0 .| v .== 0x96)
            marks &+= none.replacing(with: one, where: v .== 0x40 .| v .== 0x26 .| v .== 0x23 .| v .== 0x24)
            marks &+= none.replacing(with: one, where: (p .== 0x2E .| p .== 0x2F .| p .== 0x3A) .& v .!= 0x20 .& v .!= 0x0A)
            digits &+= none.replacing(with: one, where: v &- 0x30 .< 10)
            lines &+= none.replacing(with: one, where: v .== 0x0A)
            i += 16
            rounds += 1
            // (Units gain two a round at most.)
            if rounds == 127 {
                flush(&units, &marks, &digits, &lines)
                rounds = 0
            }
        }
        flush(&units, &marks, &digits, &lines)
        while i < n {
            add(bytes[i], after: bytes[i - 1])
            i += 1
        }
    }

    private mutating func flush(_ u: inout SIMD16<UInt8>, _ m: inout SIMD16<UInt8>, _ d: inout SIMD16<UInt8>, _ l: inout SIMD16<UInt8>) {
        units += Int(SIMD16<UInt16>(truncatingIfNeeded: u).wrappedSum())
        marks += Int(SIMD16<UInt16>(truncatingIfNeeded: m).wrappedSum())
        digits += Int(SIMD16<UInt16>(truncatingIfNeeded: d).wrappedSum())
        lines += Int(SIMD16<UInt16>(truncatingIfNeeded: l).wrappedSum())
        (u, m, d, l) = (SIMD16(), SIMD16(), SIMD16(), SIMD16())
    }

    /// Counts one byte, `previous` being the one before it.
    mutating func add(_ b: UInt8, after previous: UInt8) {
        units &+= TelegramMeasure.utf16Units(byte: b) &+ (b == 0x96 ? 1 : 0)
        marks &+= b == 0x40 || b == 0x26 || b == 0x23 || b == 0x24 ? 1 : 0
        marks &+= (previous == 0x2E || previous == 0x2F || previous == 0x3A) && b != 0x20 && b != 0x0A ? 1 : 0
        digits &+= b >= 0x30 && b <= 0x39 ? 1 : 0
        lines &+= b == 0x0A ? 1 : 0
    }
}
