// The special schemes. Being special changes parsing (`\` is a path
// separator, a host is required and is a domain or IP address) and gives a
// default port that serialisation leaves out.

enum SpecialScheme: Sendable, Hashable {
    case ftp, file, http, https, ws, wss

    /// The special scheme named by lower-case `bytes`, if any.
    init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        // Compared as bytes so the parser need not build a String first.
        switch bytes.count {
        case 2 where bytes.elementsEqual("ws".utf8): self = .ws
        case 3 where bytes.elementsEqual("ftp".utf8): self = .ftp
        case 3 where bytes.elementsEqual("wss".utf8): self = .wss
        case 4 where bytes.elementsEqual("http".utf8): self = .http
        case 4 where bytes.elementsEqual("file".utf8): self = .file
        case 5 where bytes.elementsEqual("https".utf8): self = .https
        default: return nil
        }
    }

    /// The default port; nil for `file`.
    var defaultPort: Int? {
        switch self {
        case .ftp: return 21
        case .http, .ws: return 80
        case .https, .wss: return 443
        case .file: return nil
        }
    }
}
