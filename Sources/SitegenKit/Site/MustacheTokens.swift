import Mustache

/// The Mustache library's own parse of a template, as a tree: what is a tag and what is text, where a
/// comment ends, which delimiters are set, all decided by the library that renders it (by whole
/// characters: `{{` followed by a combining mark is text to it). The library keeps its tokens to itself;
/// they are read by reflection, as ``TemplateProgram`` reads them.
enum MustacheTokens {
    indirect enum Token {
        case text(String)
        /// A tag that writes a value, or sets how values are written.
        case tag
        /// `{{#x}}` or `{{^x}}`, with what it holds.
        case section([Token])
        /// `{{$name}}`: a block, shown as written unless a template taking this one as its parent overrides it.
        case block(String, [Token])
        /// `{{> name}}`, or `{{< name}}` with the blocks it overrides (by name, sorted); the name is nil for
        /// a dynamic one (`{{>*x}}`).
        case partial(String?, inherits: [(block: String, tokens: [Token])]?)
    }

    /// The template's tokens; none when they cannot be read.
    static func tokens(of template: MustacheTemplate) -> [Token] {
        (raw(template) ?? []).map(token)
    }

    /// The library's tokens as it keeps them (each an enum case with its values), nil when they cannot be read.
    static func raw(_ template: MustacheTemplate) -> [Any]? {
        Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
    }

    private static func token(_ token: Any) -> Token {
        guard let (label, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return .tag }
        let fields = Mirror(reflecting: payload).children.map(\.value)
        switch label {
        case "text":
            return .text(payload as? String ?? "")
        case "section", "invertedSection":
            return .section((fields.last as? MustacheTemplate).map(tokens(of:)) ?? [])
        case "blockDefinition", "blockExpansion":
            guard fields.count >= 2, let name = fields[0] as? String, let inner = fields[1] as? MustacheTemplate else { return .tag }
            return .block(name, tokens(of: inner))
        case "partial", "dynamicNamePartial":
            guard fields.count == 3, let name = fields[0] as? String else { return .tag }
            let inherits = (fields[2] as? [String: MustacheTemplate]).map { blocks in
                blocks.sorted { $0.key < $1.key }.map { (block: $0.key, tokens: tokens(of: $0.value)) }
            }
            return .partial(label == "partial" ? name : nil, inherits: inherits)
        default:
            return .tag
        }
    }
}
