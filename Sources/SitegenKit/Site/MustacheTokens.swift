import Mustache

/// The Mustache library's own parse of a template: what is a tag and what is text, where a comment ends,
/// which delimiters are set, all decided by the library that renders it (by whole characters: `{{`
/// followed by a combining mark is text to it). The library keeps its tokens to itself; they are read
/// by reflection.
enum MustacheTokens {
    /// The library's tokens as it keeps them (each an enum case with its values), nil when they cannot be read.
    static func raw(_ template: MustacheTemplate) -> [Any]? {
        Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any]
    }

    /// The literal text of a template, in every section, block and block override (by name, sorted),
    /// without its tags; empty when the tokens cannot be read.
    static func literalText(of template: MustacheTemplate) -> [UInt8] {
        var out: [UInt8] = []
        func walk(_ template: MustacheTemplate) {
            for token in raw(template) ?? [] {
                guard let payload = Mirror(reflecting: token).children.first else { continue }
                if payload.label == "text", let text = payload.value as? String {
                    out += text.utf8
                    continue
                }
                // A section's or block's template, or the blocks a `{{< parent}}` overrides.
                for field in Mirror(reflecting: payload.value).children.map(\.value) {
                    if let inner = field as? MustacheTemplate { walk(inner) }
                    if let blocks = field as? [String: MustacheTemplate] {
                        for name in blocks.keys.sorted() { walk(blocks[name]!) }
                    }
                }
            }
        }
        walk(template)
        return out
    }
}
