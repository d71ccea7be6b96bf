/// The `href` cmark-gfm writes for a destination: bytes outside its safe set are percent-encoded
/// (`\` becomes `%5C`, a space `%20`, non-ASCII letters their UTF-8 bytes). `&` and `'` are written
/// as character references, which a browser decodes back, so they are kept as they are here.
/// The policy judges this string as well as the destination typed, because it is what a browser gets.
package enum HrefEscaping {
    private static let safe: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "!#$%&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~".utf8 {
            t[Int(c)] = true
        }
        return t
    }()
    private static let hex = Array("0123456789ABCDEF".utf8)

    package static func rendered(_ destination: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(destination.utf8.count)
        for b in destination.utf8 {
            if safe[Int(b)] {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
