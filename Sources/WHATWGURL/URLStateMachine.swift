// The basic URL parser's state machine, without state override (that input
// only matters to the URL API's setters) and with UTF-8 as the only query
// encoding (other encodings only arise from legacy HTML documents).
//
// It runs over UTF-8 bytes instead of code points. Every code point the
// machine compares against is ASCII, and each percent-encode set contains all
// non-ASCII, so byte-wise processing gives the same result; the one place a
// length is counted ("decrease pointer by buffer's code point length") counts
// bytes on both sides.

struct URLStateMachine {
    private enum State {
        case schemeStart, scheme, noScheme, specialRelativeOrAuthority, pathOrAuthority
        case relative, relativeSlash, specialAuthoritySlashes, specialAuthorityIgnoreSlashes
        case authority, host, port, file, fileSlash, fileHost, pathStart, path, opaquePath
        case query, fragment
    }

    private let input: [UInt8]
    private let base: URLRecord?
    private let hostParser: HostParser
    /// Whether to look for invalid URL units, a per-byte check whose only
    /// outcome is a validation error.
    private let checksURLUnits: Bool
    /// Validation errors in the order met; may repeat.
    private(set) var errors: [URLValidationError] = []

    private var state = State.schemeStart
    private var pointer = 0
    private var buffer: [UInt8] = []
    private var atSignSeen = false
    private var insideBrackets = false
    private var passwordTokenSeen = false

    // The URL under construction.
    private var scheme = ""
    private var special: SpecialScheme? = nil
    private var username = ""
    private var password = ""
    private var host: URLHost? = nil
    private var port: Int? = nil
    private var path: [String] = []
    private var opaquePath: String? = nil
    private var query: String? = nil
    private var fragment: String? = nil

    init(input: String, base: URLRecord?, hostParser: HostParser, reportsAllErrors: Bool) {
        self.base = base
        self.hostParser = hostParser
        self.checksURLUnits = reportsAllErrors
        var trimmingErrors = false
        self.input = Self.preprocess(input, reportedError: &trimmingErrors)
        if trimmingErrors { errors.append(.invalidURLUnit) }
    }

    /// Strips leading and trailing C0 control or space and removes every
    /// ASCII tab or newline, as the parser's first steps do.
    private static func preprocess(_ input: String, reportedError: inout Bool) -> [UInt8] {
        func clean(_ bytes: UnsafeBufferPointer<UInt8>, _ reportedError: inout Bool) -> [UInt8] {
            var start = 0
            var end = bytes.count
            while start < end, bytes[start].isC0ControlOrSpace { start += 1 }
            while end > start, bytes[end - 1].isC0ControlOrSpace { end -= 1 }
            if start != 0 || end != bytes.count { reportedError = true }
            var output: [UInt8] = []
            output.reserveCapacity(end - start)
            for index in start..<end {
                let byte = bytes[index]
                if byte.isASCIITabOrNewline {
                    reportedError = true
                } else {
                    output.append(byte)
                }
            }
            return output
        }
        if let result = input.utf8.withContiguousStorageIfAvailable({ clean($0, &reportedError) }) {
            return result
        }
        let copy = Array(input.utf8)
        return copy.withUnsafeBufferPointer { clean($0, &reportedError) }
    }

    // MARK: - Driver

    /// Runs the machine to completion. Nil means failure.
    mutating func run() -> URLRecord? {
        let count = input.count
        while true {
            let c: UInt8? = pointer < count ? input[pointer] : nil
            let succeeded: Bool
            switch state {
            case .schemeStart: succeeded = schemeStartState(c)
            case .scheme: succeeded = schemeState(c)
            case .noScheme: succeeded = noSchemeState(c)
            case .specialRelativeOrAuthority: succeeded = specialRelativeOrAuthorityState(c)
            case .pathOrAuthority: succeeded = pathOrAuthorityState(c)
            case .relative: succeeded = relativeState(c)
            case .relativeSlash: succeeded = relativeSlashState(c)
            case .specialAuthoritySlashes: succeeded = specialAuthoritySlashesState(c)
            case .specialAuthorityIgnoreSlashes: succeeded = specialAuthorityIgnoreSlashesState(c)
            case .authority: succeeded = authorityState(c)
            case .host: succeeded = hostState(c)
            case .port: succeeded = portState(c)
            case .file: succeeded = fileState(c)
            case .fileSlash: succeeded = fileSlashState(c)
            case .fileHost: succeeded = fileHostState(c)
            case .pathStart: succeeded = pathStartState(c)
            case .path: succeeded = pathState(c)
            case .opaquePath: succeeded = opaquePathState(c)
            case .query: succeeded = queryState(c)
            case .fragment: succeeded = fragmentState(c)
            }
            if !succeeded { return nil }
            if pointer >= count { break }
            pointer += 1
        }
        return URLRecord(
            scheme: scheme, specialScheme: special, username: username, password: password,
            host: host, port: port, path: opaquePath.map(URLPath.opaque) ?? .segments(path),
            query: query, fragment: fragment)
    }

    // MARK: - Helpers

    /// The byte at `index`, or nil past the end.
    @inline(__always)
    private func byte(at index: Int) -> UInt8? {
        index >= 0 && index < input.count ? input[index] : nil
    }

    private var isSpecial: Bool { special != nil }

    /// `c` is `/`, or `\` in a special URL: a path separator.
    @inline(__always)
    private func isSlash(_ c: UInt8?) -> Bool {
        c == ASCII.slash || (c == ASCII.backslash && isSpecial)
    }

    /// `c` ends an authority, host or port: EOF, `/`, `?`, `#`, or `\` in a
    /// special URL.
    @inline(__always)
    private func endsAuthority(_ c: UInt8?) -> Bool {
        c == nil || c == ASCII.slash || c == ASCII.question || c == ASCII.numberSign
            || (c == ASCII.backslash && isSpecial)
    }

    private mutating func validationError(_ error: URLValidationError) {
        errors.append(error)
    }

    /// Reports invalid-URL-unit for `c` at `pointer` when it is not a URL code
    /// point, or is a `%` not followed by two hex digits.
    @inline(__always)
    private mutating func checkURLUnit(_ c: UInt8) {
        guard checksURLUnits else { return }
        if c == ASCII.percent {
            if byte(at: pointer + 1)?.isASCIIHexDigit != true || byte(at: pointer + 2)?.isASCIIHexDigit != true {
                validationError(.invalidURLUnit)
            }
        } else if !URLCodePoints.isURLCodePoint(in: input, at: pointer) {
            validationError(.invalidURLUnit)
        }
    }

    /// Whether the input from `index` on starts with a Windows drive letter:
    /// an ASCII letter, `:` or `|`, and then the end or one of `/\?#`.
    private func startsWithWindowsDriveLetter(at index: Int) -> Bool {
        guard let first = byte(at: index), first.isASCIIAlpha,
            let second = byte(at: index + 1), second == ASCII.colon || second == ASCII.pipe
        else { return false }
        guard let third = byte(at: index + 2) else { return true }
        return third == ASCII.slash || third == ASCII.backslash || third == ASCII.question
            || third == ASCII.numberSign
    }

    private static func isWindowsDriveLetter<Bytes: Collection>(_ bytes: Bytes) -> Bool
    where Bytes.Element == UInt8 {
        guard bytes.count == 2, let first = bytes.first, first.isASCIIAlpha else { return false }
        let second = bytes[bytes.index(after: bytes.startIndex)]
        return second == ASCII.colon || second == ASCII.pipe
    }

    private static func isNormalizedWindowsDriveLetter(_ segment: String) -> Bool {
        isWindowsDriveLetter(segment.utf8) && segment.utf8.last == ASCII.colon
    }

    /// `.` or `%2e`, in any case.
    private static func isSingleDot(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 1: return bytes[0] == ASCII.period
        case 3: return isEncodedDot(bytes, 0)
        default: return false
        }
    }

    /// `..`, `.%2e`, `%2e.` or `%2e%2e`, in any case.
    private static func isDoubleDot(_ bytes: [UInt8]) -> Bool {
        switch bytes.count {
        case 2: return bytes[0] == ASCII.period && bytes[1] == ASCII.period
        case 4:
            return (bytes[0] == ASCII.period && isEncodedDot(bytes, 1))
                || (isEncodedDot(bytes, 0) && bytes[3] == ASCII.period)
        case 6: return isEncodedDot(bytes, 0) && isEncodedDot(bytes, 3)
        default: return false
        }
    }

    @inline(__always)
    private static func isEncodedDot(_ bytes: [UInt8], _ index: Int) -> Bool {
        bytes[index] == ASCII.percent && bytes[index + 1] == 0x32 && bytes[index + 2] | 0x20 == 0x65
    }

    /// Shortens the path: drops the last segment, except a file URL's lone
    /// normalized drive letter.
    private mutating func shortenPath() {
        if special == .file, path.count == 1, Self.isNormalizedWindowsDriveLetter(path[0]) { return }
        if !path.isEmpty { path.removeLast() }
    }

    private var baseSegments: [String] { base?.path.segments ?? [] }

    /// Copies the base URL's credentials, host and port.
    private mutating func takeBaseAuthority(_ base: URLRecord) {
        username = base.username
        password = base.password
        host = base.host
        port = base.port
    }

    /// `component` with `buffer` appended, leaving `buffer` empty: how the
    /// opaque path, query and fragment states hand over what they collected.
    private mutating func appendingBuffer(to component: String?) -> String {
        let text = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll(keepingCapacity: true)
        guard let component, !component.isEmpty else { return text }
        return component + text
    }

    // MARK: - States

    private mutating func schemeStartState(_ c: UInt8?) -> Bool {
        if let c, c.isASCIIAlpha {
            buffer.append(c.asciiLowercased)
            state = .scheme
        } else {
            state = .noScheme
            pointer -= 1
        }
        return true
    }

    private mutating func schemeState(_ c: UInt8?) -> Bool {
        if let c, c.isASCIIAlphanumeric || c == 0x2B || c == ASCII.hyphenMinus || c == ASCII.period {
            buffer.append(c.asciiLowercased)
        } else if c == ASCII.colon {
            special = SpecialScheme(bytes: buffer)
            scheme = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll(keepingCapacity: true)
            if special == .file {
                if byte(at: pointer + 1) != ASCII.slash || byte(at: pointer + 2) != ASCII.slash {
                    validationError(.specialSchemeMissingFollowingSolidus)
                }
                state = .file
            } else if let special, let base, base.specialScheme == special {
                state = .specialRelativeOrAuthority
            } else if special != nil {
                state = .specialAuthoritySlashes
            } else if byte(at: pointer + 1) == ASCII.slash {
                state = .pathOrAuthority
                pointer += 1
            } else {
                opaquePath = ""
                state = .opaquePath
            }
        } else {
            buffer.removeAll(keepingCapacity: true)
            state = .noScheme
            pointer = -1
        }
        return true
    }

    private mutating func noSchemeState(_ c: UInt8?) -> Bool {
        guard let base, !(base.hasOpaquePath && c != ASCII.numberSign) else {
            validationError(.missingSchemeNonRelativeURL)
            return false
        }
        if base.hasOpaquePath {
            // c is "#": keep the base's opaque path and query, replace the fragment.
            scheme = base.scheme
            special = base.specialScheme
            if case .opaque(let basePath) = base.path { opaquePath = basePath }
            query = base.query
            fragment = ""
            state = .fragment
        } else if base.specialScheme != .file {
            state = .relative
            pointer -= 1
        } else {
            state = .file
            pointer -= 1
        }
        return true
    }

    private mutating func specialRelativeOrAuthorityState(_ c: UInt8?) -> Bool {
        if c == ASCII.slash, byte(at: pointer + 1) == ASCII.slash {
            state = .specialAuthorityIgnoreSlashes
            pointer += 1
        } else {
            validationError(.specialSchemeMissingFollowingSolidus)
            state = .relative
            pointer -= 1
        }
        return true
    }

    private mutating func pathOrAuthorityState(_ c: UInt8?) -> Bool {
        if c == ASCII.slash {
            state = .authority
        } else {
            state = .path
            pointer -= 1
        }
        return true
    }

    private mutating func relativeState(_ c: UInt8?) -> Bool {
        guard let base else { return false }  // unreachable: only entered with a base
        scheme = base.scheme
        special = base.specialScheme
        if c == ASCII.slash {
            state = .relativeSlash
        } else if isSpecial, c == ASCII.backslash {
            validationError(.invalidReverseSolidus)
            state = .relativeSlash
        } else {
            takeBaseAuthority(base)
            path = baseSegments
            query = base.query
            if c == ASCII.question {
                query = ""
                state = .query
            } else if c == ASCII.numberSign {
                fragment = ""
                state = .fragment
            } else if c != nil {
                query = nil
                shortenPath()
                state = .path
                pointer -= 1
            }
        }
        return true
    }

    private mutating func relativeSlashState(_ c: UInt8?) -> Bool {
        if isSpecial, c == ASCII.slash || c == ASCII.backslash {
            if c == ASCII.backslash { validationError(.invalidReverseSolidus) }
            state = .specialAuthorityIgnoreSlashes
        } else if c == ASCII.slash {
            state = .authority
        } else {
            if let base { takeBaseAuthority(base) }
            state = .path
            pointer -= 1
        }
        return true
    }

    private mutating func specialAuthoritySlashesState(_ c: UInt8?) -> Bool {
        if c == ASCII.slash, byte(at: pointer + 1) == ASCII.slash {
            state = .specialAuthorityIgnoreSlashes
            pointer += 1
        } else {
            validationError(.specialSchemeMissingFollowingSolidus)
            state = .specialAuthorityIgnoreSlashes
            pointer -= 1
        }
        return true
    }

    private mutating func specialAuthorityIgnoreSlashesState(_ c: UInt8?) -> Bool {
        if c != ASCII.slash && c != ASCII.backslash {
            state = .authority
            pointer -= 1
        } else {
            validationError(.specialSchemeMissingFollowingSolidus)
        }
        return true
    }

    private mutating func authorityState(_ c: UInt8?) -> Bool {
        if c == ASCII.at {
            validationError(.invalidCredentials)
            // Everything up to the last "@" is userinfo; earlier "@"s become
            // part of it as "%40" (the spec prepends them to buffer).
            var encoded: [UInt8] = []
            encoded.reserveCapacity(buffer.count + 3)
            if atSignSeen { encoded.append(contentsOf: [ASCII.percent, 0x34, 0x30]) }
            atSignSeen = true
            for byte in buffer {
                if byte == ASCII.colon, !passwordTokenSeen {
                    // The first ":" separates username from password.
                    if !encoded.isEmpty { username += String(decoding: encoded, as: UTF8.self) }
                    encoded.removeAll(keepingCapacity: true)
                    passwordTokenSeen = true
                    continue
                }
                URLPercentEncoding.appendPercentEncoded(byte, using: .userinfo, to: &encoded)
            }
            if !encoded.isEmpty {
                if passwordTokenSeen {
                    password += String(decoding: encoded, as: UTF8.self)
                } else {
                    username += String(decoding: encoded, as: UTF8.self)
                }
            }
            buffer.removeAll(keepingCapacity: true)
        } else if endsAuthority(c) {
            if atSignSeen, buffer.isEmpty {
                validationError(.hostMissing)
                return false
            }
            pointer -= buffer.count + 1
            buffer.removeAll(keepingCapacity: true)
            state = .host
        } else if let c {
            buffer.append(c)
        }
        return true
    }

    private mutating func hostState(_ c: UInt8?) -> Bool {
        if c == ASCII.colon, !insideBrackets {
            if buffer.isEmpty {
                validationError(.hostMissing)
                return false
            }
            guard let parsed = hostParser.parse(buffer[...], isOpaque: !isSpecial, errors: &errors) else {
                return false
            }
            host = parsed
            buffer.removeAll(keepingCapacity: true)
            state = .port
        } else if endsAuthority(c) {
            pointer -= 1
            if isSpecial, buffer.isEmpty {
                validationError(.hostMissing)
                return false
            }
            guard let parsed = hostParser.parse(buffer[...], isOpaque: !isSpecial, errors: &errors) else {
                return false
            }
            host = parsed
            buffer.removeAll(keepingCapacity: true)
            state = .pathStart
        } else if let c {
            if c == ASCII.leftBracket { insideBrackets = true }
            if c == ASCII.rightBracket { insideBrackets = false }
            buffer.append(c)
        }
        return true
    }

    private mutating func portState(_ c: UInt8?) -> Bool {
        if let c, c.isASCIIDigit {
            buffer.append(c)
        } else if endsAuthority(c) {
            if !buffer.isEmpty {
                var value = 0
                for digit in buffer {
                    value = value * 10 + Int(digit &- 0x30)
                    if value > 65535 {
                        validationError(.portOutOfRange)
                        return false
                    }
                }
                port = value == special?.defaultPort ? nil : value
                buffer.removeAll(keepingCapacity: true)
            }
            state = .pathStart
            pointer -= 1
        } else {
            validationError(.portInvalid)
            return false
        }
        return true
    }

    private mutating func fileState(_ c: UInt8?) -> Bool {
        scheme = "file"
        special = .file
        host = .empty
        if c == ASCII.slash || c == ASCII.backslash {
            if c == ASCII.backslash { validationError(.invalidReverseSolidus) }
            state = .fileSlash
        } else if let base, base.specialScheme == .file {
            host = base.host
            path = baseSegments
            query = base.query
            if c == ASCII.question {
                query = ""
                state = .query
            } else if c == ASCII.numberSign {
                fragment = ""
                state = .fragment
            } else if c != nil {
                query = nil
                if !startsWithWindowsDriveLetter(at: pointer) {
                    shortenPath()
                } else {
                    validationError(.fileInvalidWindowsDriveLetter)
                    path = []
                }
                state = .path
                pointer -= 1
            }
        } else {
            state = .path
            pointer -= 1
        }
        return true
    }

    private mutating func fileSlashState(_ c: UInt8?) -> Bool {
        if c == ASCII.slash || c == ASCII.backslash {
            if c == ASCII.backslash { validationError(.invalidReverseSolidus) }
            state = .fileHost
        } else {
            if let base, base.specialScheme == .file {
                host = base.host
                if !startsWithWindowsDriveLetter(at: pointer), let first = baseSegments.first,
                    Self.isNormalizedWindowsDriveLetter(first)
                {
                    path.append(first)
                }
            }
            state = .path
            pointer -= 1
        }
        return true
    }

    private mutating func fileHostState(_ c: UInt8?) -> Bool {
        if c == nil || c == ASCII.slash || c == ASCII.backslash || c == ASCII.question || c == ASCII.numberSign {
            pointer -= 1
            if Self.isWindowsDriveLetter(buffer) {
                // file://C:/ — the "host" is a drive letter; buffer is kept
                // and becomes the first path segment.
                validationError(.fileInvalidWindowsDriveLetterHost)
                state = .path
            } else if buffer.isEmpty {
                host = .empty
                state = .pathStart
            } else {
                guard var parsed = hostParser.parse(buffer[...], isOpaque: !isSpecial, errors: &errors) else {
                    return false
                }
                if parsed == .domain("localhost") { parsed = .empty }
                host = parsed
                buffer.removeAll(keepingCapacity: true)
                state = .pathStart
            }
        } else if let c {
            buffer.append(c)
        }
        return true
    }

    private mutating func pathStartState(_ c: UInt8?) -> Bool {
        if isSpecial {
            if c == ASCII.backslash { validationError(.invalidReverseSolidus) }
            state = .path
            if c != ASCII.slash && c != ASCII.backslash { pointer -= 1 }
        } else if c == ASCII.question {
            query = ""
            state = .query
        } else if c == ASCII.numberSign {
            fragment = ""
            state = .fragment
        } else if c != nil {
            state = .path
            if c != ASCII.slash { pointer -= 1 }
        }
        return true
    }

    private mutating func pathState(_ c: UInt8?) -> Bool {
        if c == nil || isSlash(c) || c == ASCII.question || c == ASCII.numberSign {
            if isSpecial, c == ASCII.backslash { validationError(.invalidReverseSolidus) }
            let slash = isSlash(c)
            if Self.isDoubleDot(buffer) {
                shortenPath()
                if !slash { path.append("") }
            } else if Self.isSingleDot(buffer) {
                if !slash { path.append("") }
            } else {
                if special == .file, path.isEmpty, Self.isWindowsDriveLetter(buffer) {
                    buffer[1] = ASCII.colon
                }
                path.append(String(decoding: buffer, as: UTF8.self))
            }
            buffer.removeAll(keepingCapacity: true)
            if c == ASCII.question {
                query = ""
                state = .query
            } else if c == ASCII.numberSign {
                fragment = ""
                state = .fragment
            }
        } else if let c {
            checkURLUnit(c)
            URLPercentEncoding.appendPercentEncoded(c, using: .path, to: &buffer)
        }
        return true
    }

    private mutating func opaquePathState(_ c: UInt8?) -> Bool {
        // The opaque path is collected in buffer and appended on leaving.
        if c == ASCII.question {
            opaquePath = appendingBuffer(to: opaquePath)
            query = ""
            state = .query
        } else if c == ASCII.numberSign {
            opaquePath = appendingBuffer(to: opaquePath)
            fragment = ""
            state = .fragment
        } else if c == ASCII.space {
            // A space right before "?" or "#" is encoded so that the path
            // never ends in a space, which would not survive a round trip.
            let next = byte(at: pointer + 1)
            if next == ASCII.question || next == ASCII.numberSign {
                buffer.append(contentsOf: [ASCII.percent, 0x32, 0x30])
            } else {
                buffer.append(ASCII.space)
            }
        } else if let c {
            checkURLUnit(c)
            URLPercentEncoding.appendPercentEncoded(c, using: .c0Control, to: &buffer)
        } else {
            opaquePath = appendingBuffer(to: opaquePath)
        }
        return true
    }

    private mutating func queryState(_ c: UInt8?) -> Bool {
        // Encoding each byte as it comes equals the spec's encode-on-flush for
        // UTF-8, the only encoding supported.
        if c == ASCII.numberSign || c == nil {
            query = appendingBuffer(to: query)
            if c == ASCII.numberSign {
                fragment = ""
                state = .fragment
            }
        } else if let c {
            checkURLUnit(c)
            URLPercentEncoding.appendPercentEncoded(c, using: isSpecial ? .specialQuery : .query, to: &buffer)
        }
        return true
    }

    private mutating func fragmentState(_ c: UInt8?) -> Bool {
        if let c {
            checkURLUnit(c)
            URLPercentEncoding.appendPercentEncoded(c, using: .fragment, to: &buffer)
        } else {
            fragment = appendingBuffer(to: fragment)
        }
        return true
    }
}
