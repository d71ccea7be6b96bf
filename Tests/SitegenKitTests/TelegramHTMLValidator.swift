import Foundation

/// Reads Telegram Bot API HTML (`parse_mode=HTML`) the way the Bot API does, strictly and apart from
/// sitegen's own code: the tags it accepts, the entities it decodes, the nesting it allows. Gives
/// the text a reader sees and the number of formatting entities, or says what Telegram would refuse.
struct TelegramHTMLValidator {
    struct Parsed {
        /// The text after the tags are removed and the entities decoded.
        var text: String
        /// Formatting entities: one per opening tag.
        var entities: Int
        /// Every `href`, decoded.
        var hrefs: [String]
        var utf16Length: Int { text.utf16.count }
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static let tags: Set<String> = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
                                    "blockquote", "tg-spoiler", "span"]
    /// Entities that can contain and be contained in any other, except code and pre.
    static let styles: Set<String> = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span"]

    static func parse(_ html: String) throws -> Parsed {
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = ""
        var stack: [String] = []
        var entities = 0
        var hrefs: [String] = []
        func fail(_ why: String) -> Refused { Refused(description: "\(why) at scalar \(i) in: \(html.prefix(200))") }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                guard let end = s[i...].firstIndex(of: ">") else { throw fail("unclosed tag") }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<end]))
                i = end + 1
                if inner.hasPrefix("/") {
                    let name = String(inner.dropFirst())
                    guard stack.last == name else { throw fail("</\(name)> closes \(stack.last ?? "nothing")") }
                    stack.removeLast()
                    continue
                }
                let name = String(inner.prefix { $0 != " " })
                let attributes = String(inner.dropFirst(name.count))
                guard tags.contains(name) else { throw fail("<\(name)> is not a tag Telegram accepts") }
                switch name {
                case "a":
                    let pattern = #"^ href="([^"<>]*)"$"#
                    guard let m = attributes.range(of: pattern, options: .regularExpression) else {
                        throw fail("<a> needs exactly one quoted href, got '\(attributes)'")
                    }
                    let value = String(attributes[m].dropFirst(7).dropLast())
                    hrefs.append(try decode(value, fail))
                case "span":
                    guard attributes == " class=\"tg-spoiler\"" else { throw fail("<span> other than class=\"tg-spoiler\"") }
                case "blockquote":
                    guard attributes.isEmpty || attributes == " expandable" else { throw fail("blockquote attributes") }
                default:
                    guard attributes.isEmpty else { throw fail("<\(name)> takes no attributes") }
                }
                // Nesting rules of message entities.
                if stack.contains(where: { $0 == "code" || $0 == "pre" }) { throw fail("<\(name)> inside code") }
                if (name == "code" || name == "pre"), stack.contains(where: { styles.contains($0) || $0 == "a" }) {
                    throw fail("<\(name)> inside \(stack)")
                }
                if name == "blockquote", stack.contains("blockquote") { throw fail("nested blockquote") }
                if name == "a", stack.contains("a") { throw fail("nested link") }
                // The same style inside itself is redundant, and clients and the Bot API's entity
                // normalisation read it differently: never write it.
                let same: [String: String] = ["strong": "b", "em": "i", "ins": "u", "strike": "s", "del": "s"]
                if styles.contains(name), stack.contains(where: { (same[$0] ?? $0) == (same[name] ?? name) }) {
                    throw fail("<\(name)> inside the same style")
                }
                if name == "blockquote", stack.contains(where: { $0 != "blockquote" }) && !stack.isEmpty {
                    throw fail("blockquote inside \(stack)")
                }
                stack.append(name)
                entities += 1
                continue
            }
            if c == ">" { throw fail("bare >") }
            if c == "&" {
                guard let semi = s[i...].prefix(12).firstIndex(of: ";") else { throw fail("bare &") }
                text += try decode(String(String.UnicodeScalarView(s[i...semi])), fail)
                i = semi + 1
                continue
            }
            text.unicodeScalars.append(c)
            i += 1
        }
        guard stack.isEmpty else { throw Refused(description: "unclosed \(stack) in: \(html.prefix(200))") }
        return Parsed(text: text, entities: entities, hrefs: hrefs)
    }

    /// Decodes the only entities Telegram knows: &lt; &gt; &amp; &quot; and numeric ones.
    static func decode(_ s: String, _ fail: (String) -> Refused) throws -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { throw fail("bare & in '\(s)'") }
            let name = rest[rest.index(after: amp)..<semi]
            switch name {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            default:
                let digits = name.dropFirst()
                let value = name.hasPrefix("#x") ? UInt32(digits.dropFirst(), radix: 16)
                    : name.hasPrefix("#") ? UInt32(digits) : nil
                guard let v = value, let scalar = Unicode.Scalar(v) else { throw fail("entity &\(name); is not one Telegram knows") }
                out.unicodeScalars.append(scalar)
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
