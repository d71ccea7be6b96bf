/// SplitMix64's finaliser, folding one more part into a running value: every bit of the part moves
/// about half of the result's bits. Fixed, so a value is the same on every run and every machine.
package enum SplitMix {
    /// `h` with `part` mixed in; a change to either changes the whole.
    package static func mix(_ h: UInt64, _ part: UInt64) -> UInt64 {
        var z = h &+ part &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
