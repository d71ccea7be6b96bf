/// The letter that makes a name mixed-script (`42500.enbeк.kz`: the Cyrillic `к`), so the message
/// can name it and the caret can point at it: the letter an editor cannot see is the one to retype.
enum MixedScriptLetter {
    struct Odd {
        var scalar: Unicode.Scalar
        /// The alphabet it comes from, in English (`Cyrillic`), for the message's parameter.
        var script: String
    }

    /// In the first label with letters of more than one alphabet, the first letter not of the
    /// label's most common alphabet.
    static func find(in host: String) -> Odd? {
        for label in host.split(separator: ".") {
            let letters = label.unicodeScalars.filter(\.properties.isAlphabetic)
            var counts: [String: Int] = [:]
            for l in letters { counts[script(of: l), default: 0] += 1 }
            guard counts.count > 1 else { continue }
            // Latin wins a tie: names are Latin, and the other letters are the ones slipped in.
            let main = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key != "Latin" && b.key == "Latin" }!.key
            if let odd = letters.first(where: { script(of: $0) != main }) { return Odd(scalar: odd, script: script(of: odd)) }
        }
        return nil
    }

    static func script(of s: Unicode.Scalar) -> String {
        switch s.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: return "Latin"
        case 0x370...0x3FF: return "Greek"
        case 0x400...0x52F: return "Cyrillic"
        case 0x530...0x58F: return "Armenian"
        default: return "other"
        }
    }
}
