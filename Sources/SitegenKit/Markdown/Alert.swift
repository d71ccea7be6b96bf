/// A GitHub alert: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`. It reads as a plain quote where alerts are not supported.
public enum AlertKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    /// Whether known fakes may be named inside: only the alerts that warn.
    public var mayNameFakes: Bool { self == .warning || self == .caution }
}

/// What the first line of a block quote says about it being an alert.
public enum AlertMarker: Equatable, Sendable {
    case alert(AlertKind)
    /// `[!SOMETHING]` that GitHub does not know.
    case unknown(String)
}

extension CMarkNode {
    /// The alert marker of a block quote, read from its first text line, if it has one.
    public var alertMarker: AlertMarker? {
        guard kind == .blockQuote, let para = firstChild, para.kind == .paragraph,
              let first = para.firstChild, first.kind == .text, let text = first.literal
        else { return nil }
        // The marker must stand alone on its line, as GitHub requires.
        if let after = first.next, after.kind != .softBreak && after.kind != .lineBreak { return nil }
        var bytes = Substring(text).utf8[...]
        while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
        while let b = bytes.last, b == 0x20 || b == 0x09 { bytes = bytes.dropLast() }
        guard bytes.count > 3, bytes.starts(with: "[!".utf8), bytes.last == UInt8(ascii: "]") else { return nil }
        let name = String(decoding: bytes.dropFirst(2).dropLast(), as: UTF8.self)
        guard name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) else { return nil }
        if let kind = AlertKind(rawValue: name.lowercased()) { return .alert(kind) }
        return .unknown(name)
    }
}
