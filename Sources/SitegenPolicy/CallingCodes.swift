/// The lengths of the national numbers each country calling code takes, as libphonenumber's metadata
/// (PyPI `phonenumbers` 9.0) holds them, numbers only dialled locally included: what makes a short
/// number after `+` or `8 10` one a phone dials (`+49 30 123`, `8 10 43 1 4567`), where Android's
/// dialler links every number of a possible length. `PhoneOracleTests` asks libphonenumber that no
/// short number it links is missing here.
enum CallingCodes {
    /// `+`, or Kazakhstan's `8 10`, then these digits: a country's code and a national number of a
    /// length it takes.
    static func isPossible<S: Collection>(_ digits: S) -> Bool where S.Element == UInt8 {
        guard let (lengths, codeDigits) = leadingCode(digits) else { return false }
        let length = digits.count - codeDigits
        return (1..<32).contains(length) && lengths & (1 << length) != 0
    }

    /// Whether digits begin with a country's calling code (no code begins with 0): what is dialled after
    /// a way out of the country (`00`, `8 10`) reaches a country only so (`00 0514 500123` is an IIN in
    /// its two halves, and no call abroad).
    static func leadsWithCode<S: Collection>(_ digits: S) -> Bool where S.Element == UInt8 {
        leadingCode(digits) != nil
    }

    /// The code digits begin with: the lengths its national numbers take (``table``) and how many digits
    /// it has. Codes are prefix-free, so the first one found is the number's; none begins with 0 (read
    /// as a number, `051` would be 51's).
    private static func leadingCode<S: Collection>(_ digits: S) -> (lengths: UInt32, digits: Int)? where S.Element == UInt8 {
        guard let first = digits.first, first != UInt8(ascii: "0") else { return nil }
        var code = 0
        for (k, d) in digits.prefix(3).enumerated() {
            code = code * 10 + Int(d &- 0x30)
            if let lengths = table[code] { return (lengths, k + 1) }
        }
        return nil
    }

    /// By code, a mask with bit `n` set for each length `n` of its national numbers.
    private static let table: [Int: UInt32] = {
        var table: [Int: UInt32] = [:]
        for entry in source.split(whereSeparator: \.isWhitespace) {
            let parts = entry.split(separator: ":")
            var mask: UInt32 = 0
            for range in parts[1].split(separator: ",") {
                let ends = range.split(separator: "-").map { Int($0)! }
                for n in ends[0]...ends[ends.count - 1] { mask |= 1 << n }
            }
            table[Int(parts[0])!] = mask
        }
        return table
    }()

    /// `code:lengths`, lengths as ranges (`7:5-7,10,14`).
    private static let source = """
        1:7,10 7:5-7,10,14 20:6-10 27:5-10 30:10-12 31:5-11 32:8-9 33:9 34:9 36:6-9 39:6-12 40:6,9 41:9,12 43:3-13
        44:4-10 45:8 46:6-10,12 47:5,8 48:6-10 49:2-15 51:6-9 52:7-8,10 53:4-8,10 54:6-8,10-11 55:8-11 56:9-11
        57:4,7-8,10-11 58:7,10 60:6-10 61:5-10,12 62:5-17 63:4-13 64:5-10 65:8,10-11 66:8-10,13 81:8-17 82:3-14 84:7-10
        86:5-12 90:7,10,12-13 91:6-13 92:5-12 93:7,9 94:7,9 95:5-10 98:4-8,10 211:9 212:9 213:8-9 216:8 218:7,9 220:7,9
        221:9 222:8 223:8 224:8-9 225:10 226:8 227:8 228:8 229:10 230:7-8,10 231:7-9 232:6,8 233:7-9 234:6-7,10-14
        235:8 236:8 237:8-9 238:7 239:7 240:9 241:7-8 242:9 243:7-10 244:9 245:7,9 246:7 247:5-6 248:7 249:9 250:8-9
        251:7,9 252:6-9 253:8 254:7-10 255:9 256:5-7,9 257:8 258:8-9 260:6,9 261:7,9 262:9 263:6-7,9-10 264:8-9 265:7,9
        266:8 267:7-8,10 268:8-9 269:4,7 290:4-5 291:6-7 297:7 298:6 299:6 350:8 351:9 352:4-11 353:5-10 354:7,9
        355:5-9 356:8 357:8 358:5-12 359:4-9,12 370:8 371:8 372:7-8,10 373:8 374:5-6,8 375:5-11 376:6,8-9 377:8-9
        378:6,8,10 380:5-7,9-10 381:4-12 382:6,8-9 383:8-12 385:6-9 386:5-8 387:6,8-9 389:6-8 420:9-12 421:6-7,9
        423:7,9 500:5 501:7,11 502:8,11 503:7-8,11 504:8,11 505:8 506:8,10 507:7-8,10-11 508:6,9 509:8 590:9 591:7-9
        592:7 593:7-11 594:9 595:5-11 596:9 597:6-7 598:4-13 599:7-8 670:7-8 672:5-6 673:7 674:7 675:7-8 676:5,7
        677:5,7 678:5,7 679:7,11 680:7 681:6,9 682:5 683:4,7 685:5-7,10 686:5,8 687:6 688:5-7 689:6,8-9 690:4-7 691:7
        692:7 800:8 808:8 850:6-8,10 852:5-9,11 853:7-8 855:6-10 856:6,8-10 870:9,12 878:12 880:6-10 881:9-10 882:7-12
        883:8-12 886:7-11 888:11 960:7,10 961:7-8 962:8-9 963:6-9 964:6-10 965:7-8 966:7,9-10 967:6-9 968:7-9 970:7-10
        971:5-12 972:7-12 973:8 974:7-9,11 975:6-8 976:4-6,8-10 977:6-8,10-11 979:8-9 992:3,5-7,9 993:8 994:7,9
        995:6-7,9 996:5-6,9-10 998:9
        """
}
