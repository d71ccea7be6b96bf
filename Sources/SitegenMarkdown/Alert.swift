import SitegenCore

/// A GitHub alert: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`. It reads as a plain quote where alerts are not supported.
package enum AlertKind: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    /// Whether known fakes may be named inside: only the alerts that warn.
    package var mayNameFakes: Bool { self == .warning || self == .caution }

    /// The names editors type in their own language, each an alias of one of GitHub's five. They are
    /// the words the published pages use as titles (`i18n/*.yml`) and their common synonyms, so an
    /// editor who writes `[!ВНИМАНИЕ]` gets the warning block they meant instead of the literal text.
    package static let aliases: [String: AlertKind] = [
        // Kazakh
        "ескертпе": .note,
        "кеңес": .tip,
        "маңызды": .important,
        "ескерту": .warning, "назар аударыңыз": .warning,
        "абай болыңыз": .caution, "абайлаңыз": .caution,
        // Russian
        "примечание": .note, "заметка": .note,
        "совет": .tip, "подсказка": .tip,
        "важно": .important,
        "внимание": .warning, "предупреждение": .warning,
        "осторожно": .caution,
    ]

    /// The kind a marker's name stands for: GitHub's own names and the aliases, in any letter case,
    /// with runs of spaces inside read as one.
    package static func named(_ name: String) -> AlertKind? {
        let folded = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return AlertKind(rawValue: folded) ?? aliases[folded]
    }

    /// The known name nearest to a misspelt one (`WARNNG` → `WARNING`), if one is close enough.
    package static func nearest(to name: String) -> String? {
        let candidates = allCases.map { $0.rawValue.uppercased() } + aliases.keys.sorted().map { $0.uppercased() }
        return EditDistance.nearest(to: name.uppercased(), in: candidates)
    }
}

/// What the first line of a block quote says about it being an alert.
package enum AlertMarker: Equatable, Sendable {
    case alert(AlertKind)
    /// `[!SOMETHING]` that is neither one of GitHub's five nor an alias.
    case unknown(String)
    /// A known marker with more text after it on the same line (`[!WARNING] Do not…`): GitHub then
    /// shows a plain quote, and every bulletin would show the marker as text.
    case sameLine(AlertKind)
}

extension CMarkNode {
    /// The alert marker of a block quote, read from its first text line, if it has one.
    package var alertMarker: AlertMarker? {
        guard kind == .blockQuote, let para = firstChild, para.kind == .paragraph,
              let first = para.firstChild, first.kind == .text, let text = first.literal
        else { return nil }
        var bytes = Substring(text).utf8[...]
        while let b = bytes.first, b == 0x20 || b == 0x09 { bytes = bytes.dropFirst() }
        while let b = bytes.last, b == 0x20 || b == 0x09 { bytes = bytes.dropLast() }
        guard bytes.starts(with: "[!".utf8) else { return nil }
        guard let close = bytes.firstIndex(of: UInt8(ascii: "]")) else { return nil }
        let name = String(decoding: bytes[bytes.index(bytes.startIndex, offsetBy: 2)..<close], as: UTF8.self)
        let alone = bytes.index(after: close) == bytes.endIndex
            && (first.next == nil || first.next?.kind == .softBreak || first.next?.kind == .lineBreak)
        // Anything between `[!` and `]` is a marker that was meant (`[!WARN1NG]`, `[!Ескерту!]`),
        // unless it is empty or holds a bracket (`[!]` is nothing).
        guard !name.isEmpty, !name.contains("["), name.unicodeScalars.count <= 40 else { return nil }
        if !alone {
            // `[!WARNING] text` on one line: GitHub shows a plain quote.
            if let kind = AlertKind.named(name) { return .sameLine(kind) }
            return .unknown(name)
        }
        if let kind = AlertKind.named(name) { return .alert(kind) }
        return .unknown(name)
    }
}
