/// A request's path, read strictly before it names any file.
///
/// Only what the site's own links can produce is accepted: `/`-separated segments of UTF-8, with
/// percent-escapes for bytes other than the separators. Anything that could step outside the output
/// folder or be read two ways by two layers is refused before a file is looked up: `.` and `..`
/// segments (written out or escaped), escaped `/` and `\`, a `\` or NUL anywhere, control characters,
/// empty segments, malformed escapes and bytes that are not UTF-8.
struct RequestPath: Equatable, Sendable {
    /// The decoded segments; a path ending in `/` ends with an empty segment.
    var segments: [String]

    /// Why a path was refused.
    enum Refusal: Error, Equatable {
        case notAbsolute, tooLong, forbiddenByte, badEscape, dotSegment, emptySegment, notUTF8
    }

    /// The longest path accepted, in bytes as sent.
    static let maximumLength = 4096

    /// Reads the path of a request target as sent (still percent-encoded, without the query).
    static func read(_ raw: String) -> Result<RequestPath, Refusal> {
        let bytes = Array(raw.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return .failure(.notAbsolute) }
        guard bytes.count <= maximumLength else { return .failure(.tooLong) }
        var segments: [String] = []
        var current: [UInt8] = []
        var i = 1
        func finish() -> Refusal? {
            if current == [0x2E] || current == [0x2E, 0x2E] { return .dotSegment }
            guard let text = String(validating: current, as: UTF8.self) else { return .notUTF8 }
            segments.append(text)
            current = []
            return nil
        }
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "/"):
                if current.isEmpty { return .failure(.emptySegment) }
                if let refusal = finish() { return .failure(refusal) }
                i += 1
                continue
            case UInt8(ascii: "%"):
                guard i + 2 < bytes.count, let hi = hexValue(bytes[i + 1]), let lo = hexValue(bytes[i + 2]) else { return .failure(.badEscape) }
                let decoded = hi << 4 | lo
                // An escaped separator or dot is never in the site's links (they are written as they
                // are): it exists only to fool a layer that decodes after splitting.
                if decoded == UInt8(ascii: "/") || decoded == UInt8(ascii: "\\") || decoded == UInt8(ascii: ".")
                    || decoded < 0x20 || decoded == 0x7F { return .failure(.forbiddenByte) }
                current.append(decoded)
                i += 3
                continue
            case 0..<0x20, 0x7F, UInt8(ascii: "\\"):
                return .failure(.forbiddenByte)
            default:
                current.append(b)
                i += 1
            }
        }
        if current.isEmpty {
            segments.append("")
        } else if let refusal = finish() {
            return .failure(refusal)
        }
        return .success(RequestPath(segments: segments))
    }

    private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    /// Whether the path ends with `/` (a folder's address).
    var isFolder: Bool { segments.last == "" }

    /// The path relative to the root, without a leading `/` (a folder's ends with `/`).
    var relative: String { segments.joined(separator: "/") }
}
