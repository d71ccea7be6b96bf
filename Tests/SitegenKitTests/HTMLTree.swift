import Foundation

/// A small HTML parser for tests: enough of the HTML syntax to read back what sitegen writes
/// (void elements, raw-text `<script>`, quoted and bare attributes, character references), so tests
/// assert on structure rather than on substrings.
final class HTMLElement {
    let name: String
    let attributes: [String: String]
    var children: [HTMLNode] = []
    weak var parent: HTMLElement?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// The text inside, references decoded, tags dropped.
    var text: String {
        children.map { node -> String in
            switch node {
            case .text(let t): return t
            case .element(let e): return e.text
            }
        }.joined()
    }

    var elements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }

    /// Every element below this one, in document order.
    var descendants: [HTMLElement] { elements.flatMap { [$0] + $0.descendants } }

    func all(_ name: String) -> [HTMLElement] { descendants.filter { $0.name == name } }

    func first(_ name: String, where match: (HTMLElement) -> Bool = { _ in true }) -> HTMLElement? {
        descendants.first { $0.name == name && match($0) }
    }

    func element(id: String) -> HTMLElement? { descendants.first { $0["id"] == id } }

    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
}

enum HTMLNode {
    case text(String)
    case element(HTMLElement)
}

enum HTMLParser {
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                           "source", "track", "wbr"]

    /// Parses a document; the returned element is a synthetic root holding the top-level nodes.
    static func parse(_ html: String) -> HTMLElement {
        let root = HTMLElement(name: "#root", attributes: [:])
        var current = root
        let s = Array(html.unicodeScalars)
        var i = 0
        var text = ""
        func flush() {
            if !text.isEmpty { current.children.append(.text(decode(text))); text = "" }
        }
        func starts(_ prefix: String, at j: Int) -> Bool {
            let p = Array(prefix.unicodeScalars)
            guard j + p.count <= s.count else { return false }
            return zip(s[j..<(j + p.count)], p).allSatisfy { String($0).lowercased() == String($1) }
        }
        while i < s.count {
            if s[i] == "<" {
                if starts("<!--", at: i) {
                    flush()
                    var j = i + 4
                    while j < s.count, !starts("-->", at: j) { j += 1 }
                    i = j + 3
                    continue
                }
                if starts("<!", at: i) {
                    flush()
                    while i < s.count, s[i] != ">" { i += 1 }
                    i += 1
                    continue
                }
                if i + 1 < s.count, s[i + 1] == "/" {
                    flush()
                    var j = i + 2
                    var name = ""
                    while j < s.count, s[j] != ">" { name.unicodeScalars.append(s[j]); j += 1 }
                    name = name.trimmingCharacters(in: .whitespaces).lowercased()
                    var e: HTMLElement? = current
                    while let x = e, x.name != name { e = x.parent }
                    if let matched = e, let up = matched.parent { current = up }
                    i = j + 1
                    continue
                }
                if i + 1 < s.count, s[i + 1].properties.isAlphabetic {
                    flush()
                    var j = i + 1
                    var name = ""
                    while j < s.count, !s[j].properties.isWhitespace, s[j] != ">", s[j] != "/" {
                        name.unicodeScalars.append(s[j]); j += 1
                    }
                    name = name.lowercased()
                    var attributes: [String: String] = [:]
                    var selfClosing = false
                    while j < s.count, s[j] != ">" {
                        if s[j].properties.isWhitespace { j += 1; continue }
                        if s[j] == "/" { selfClosing = true; j += 1; continue }
                        var attr = ""
                        while j < s.count, !s[j].properties.isWhitespace, s[j] != "=", s[j] != ">", s[j] != "/" {
                            attr.unicodeScalars.append(s[j]); j += 1
                        }
                        var value = ""
                        if j < s.count, s[j] == "=" {
                            j += 1
                            if j < s.count, s[j] == "\"" || s[j] == "'" {
                                let q = s[j]; j += 1
                                while j < s.count, s[j] != q { value.unicodeScalars.append(s[j]); j += 1 }
                                j += 1
                            } else {
                                while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" {
                                    value.unicodeScalars.append(s[j]); j += 1
                                }
                            }
                        }
                        attributes[attr.lowercased()] = decode(value)
                    }
                    i = j + 1
                    let element = HTMLElement(name: name, attributes: attributes)
                    element.parent = current
                    current.children.append(.element(element))
                    if name == "script" || name == "style" {
                        var k = i
                        while k < s.count, !starts("</" + name, at: k) { k += 1 }
                        element.children.append(.text(String(String.UnicodeScalarView(s[i..<k]))))
                        while k < s.count, s[k] != ">" { k += 1 }
                        i = k + 1
                        continue
                    }
                    if !voidElements.contains(name) && !selfClosing { current = element }
                    continue
                }
            }
            text.unicodeScalars.append(s[i])
            i += 1
        }
        flush()
        return root
    }

    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = s
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"),
                                ("&nbsp;", "\u{A0}"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }
}
