import Mustache
import SitegenCore

/// A template as steps over typed values (``TemplateValue``): what a page's render runs instead of the
/// Mustache library's renderer, which asks each value what it is by dynamic casts and splits each name
/// again for every value it looks up.
///
/// The steps are read from the library's own parse of the template, so what counts as a standalone
/// line, which whitespace a tag keeps and where a parse error is reported stay exactly the library's.
/// Rendering follows the library's rules for each kind of value (a section opens for a non-empty list,
/// `true`, a text or an object; a partial on a line of its own indents what it writes; a partial starts
/// with HTML escaping). A template using what these steps do not cover (transforms, inheritance,
/// dynamic partials) is not compiled, and ``Templates`` renders with the library instead.
///
/// One difference, on purpose: every escaped value goes through ``HTMLText/escape(_:)``, by Unicode
/// scalar. The library's own escaping compares whole characters, so a `"` followed by a combining mark
/// (`"\u{301}`) was written as is, and ended an attribute value of a template that does not select
/// `{{% CONTENT_TYPE: HTML }}`.
struct TemplateProgram: Sendable {
    indirect enum Step: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, TemplateProgram)
        case inverted(Name, TemplateProgram)
        /// A partial, with the indentation of its standalone line (nil when it shares its line).
        case partial(String, indentation: String?)
        /// `{{% CONTENT_TYPE: … }}`: whether the values after it are escaped.
        case escaping(Bool)
    }

    /// A name as the library resolves it: `.` is the current value; a name starting with a dot is
    /// looked up in the current value only; any other in the innermost value that has its first part.
    struct Name: Sendable {
        enum Scope: Sendable { case current, innermost, stack }
        let scope: Scope
        let parts: [String]

        init(_ name: String) {
            scope = name == "." ? .current : name.first == "." ? .innermost : .stack
            parts = name.split(separator: ".").map(String.init)
        }
    }

    let steps: [Step]

    /// The template's steps, or nil when it uses something they do not cover.
    init?(_ template: MustacheTemplate) {
        guard let tokens = MustacheTokens.raw(template) else { return nil }
        var steps: [Step] = []
        steps.reserveCapacity(tokens.count)
        // (Neighbouring texts stay apart: each line is a text of its own, which an indented partial indents.)
        for token in tokens {
            guard let step = Self.step(token) else { return nil }
            steps.append(step)
        }
        self.steps = steps
    }

    /// One token of the library's parse as a step.
    private static func step(_ token: Any) -> Step? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let (label, payload) = mirror.children.first.map({ ($0.label, $0.value) }) else {
            return nil
        }
        let fields = Mirror(reflecting: payload).children.map(\.value)
        func name() -> Name? {
            guard fields.count >= 2, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                  transforms.isEmpty else { return nil }
            return Name(name)
        }
        func section() -> (Name, TemplateProgram)? {
            guard let name = name(), fields.count == 3, let inner = fields[2] as? MustacheTemplate,
                  let program = TemplateProgram(inner) else { return nil }
            return (name, program)
        }
        switch label {
        case "text":
            return (payload as? String).map(Step.text)
        case "variable":
            return name().map { .variable($0, escaped: true) }
        case "unescapedVariable":
            return name().map { .variable($0, escaped: false) }
        case "section":
            return section().map { .section($0.0, $0.1) }
        case "invertedSection":
            return section().map { .inverted($0.0, $0.1) }
        case "partial":
            // (name, indentation, inherits): a partial that inherits blocks is not covered.
            guard fields.count == 3, let partial = fields[0] as? String, fields[2] as? [String: MustacheTemplate] == nil
            else { return nil }
            return .partial(partial, indentation: fields[1] as? String)
        case "contentType":
            if payload is TemplateHTMLEscaping { return .escaping(true) }
            switch String(describing: type(of: payload)) {
            case "HTMLContentType": return .escaping(true)
            case "TextContentType": return .escaping(false)
            default: return nil
            }
        default:
            return nil
        }
    }
}

/// Where a render writes: the page's text, or only its length.
protocol TemplateOutput {
    mutating func append(_ text: String)
}

extension String: TemplateOutput {}

/// The length in bytes of what a render writes, without writing it.
private struct TemplateOutputLength: TemplateOutput {
    var count = 0
    mutating func append(_ text: String) { count += text.utf8.count }
}

/// Renders compiled templates (``TemplateProgram``) with a typed context.
struct TemplateRenderer: Sendable {
    let programs: [String: TemplateProgram]

    /// The named template with the context; nothing for a template that is not there, as the library.
    /// `measured`: the template is run once for the length of the page, and the page is then written
    /// into a string of exactly that room. For a page as long as the site (the search page lists every
    /// guide: megabytes on a big site), a string grown by doubling held up to twice its length, and
    /// once both its old and its new room, at the largest moment of a build's memory.
    func render(_ name: String, _ context: TemplateObject, measured: Bool = false) -> String {
        guard let program = programs[name] else { return "" }
        var stack: [TemplateValue] = [.object(context)]
        var out = ""
        if measured {
            var length = TemplateOutputLength()
            render(program, stack: &stack, indentation: nil, escapes: true, into: &length)
            out.reserveCapacity(length.count)
        } else {
            out.reserveCapacity(16 * 1024)
        }
        render(program, stack: &stack, indentation: nil, escapes: true, into: &out)
        return out
    }

    private func render<Out: TemplateOutput>(_ program: TemplateProgram, stack: inout [TemplateValue], indentation: String?,
                                             escapes: Bool, into out: inout Out) {
        var escapes = escapes
        guard let indentation, !indentation.isEmpty else {
            for step in program.steps { run(step, stack: &stack, indentation: indentation, escapes: &escapes, into: &out) }
            return
        }
        // In an indented partial each step is made on its own, and indented when it starts a line of what
        // this template (or section) made so far: the library's rule, line breaks inside a step included.
        var made = ""
        for step in program.steps {
            var piece = ""
            run(step, stack: &stack, indentation: indentation, escapes: &escapes, into: &piece)
            if !piece.isEmpty, made.utf8.last == 0x0A, !made.hasSuffix("\r\n") { made += indentation }
            made += piece
        }
        out.append(made)
    }

    private func run<Out: TemplateOutput>(_ step: TemplateProgram.Step, stack: inout [TemplateValue], indentation: String?,
                                          escapes: inout Bool, into out: inout Out) {
        switch step {
        case .text(let text):
            out.append(text)
        case .variable(let name, let escaped):
            guard let value = Self.lookup(name, in: stack) else { return }
            let text: String
            switch value {
            case .text(let t): text = t
            case .flag(let flag): text = flag ? "true" : "false"
            case .list, .items, .object: text = String(describing: value.anyValue)
            }
            out.append(escaped && escapes ? HTMLText.escape(text) : text)
        case .section(let name, let inner):
            switch Self.lookup(name, in: stack) {
            case .list(let items)?:
                for item in items { renderPushing(item, inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out) }
            case .items(let items)?:
                for i in 0..<items.count {
                    renderPushing(items.item(i), inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out)
                }
            case .flag(let flag)?:
                if flag { render(inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out) }
            case let value?:
                renderPushing(value, inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out)
            case nil:
                break
            }
        case .inverted(let name, let inner):
            switch Self.lookup(name, in: stack) {
            case .list(let items)? where items.isEmpty:
                renderPushing(.list(items), inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out)
            case .items(let items)? where items.count == 0:
                renderPushing(.list([]), inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out)
            case .flag(false)?, nil:
                render(inner, stack: &stack, indentation: indentation, escapes: escapes, into: &out)
            default:
                break
            }
        case .partial(let name, let indented):
            guard let program = programs[name] else { return }
            let nested = indented.map { (indentation ?? "") + $0 } ?? indentation
            render(program, stack: &stack, indentation: nested, escapes: true, into: &out)
        case .escaping(let on):
            escapes = on
        }
    }

    private func renderPushing<Out: TemplateOutput>(_ value: TemplateValue, _ program: TemplateProgram, stack: inout [TemplateValue],
                                                    indentation: String?, escapes: Bool, into out: inout Out) {
        stack.append(value)
        render(program, stack: &stack, indentation: indentation, escapes: escapes, into: &out)
        stack.removeLast()
    }

    /// The value a name stands for, as the library finds it: only objects have named values.
    static func lookup(_ name: TemplateProgram.Name, in stack: [TemplateValue]) -> TemplateValue? {
        func child(_ parts: ArraySlice<String>, of value: TemplateValue) -> TemplateValue? {
            var value = value
            for part in parts {
                guard case .object(let object) = value, let next = object[part] else { return nil }
                value = next
            }
            return value
        }
        switch name.scope {
        case .current:
            return stack.last
        case .innermost:
            return stack.last.flatMap { child(name.parts[...], of: $0) }
        case .stack:
            guard let first = name.parts.first else { return stack.last }
            for value in stack.reversed() {
                if case .object(let object) = value, let found = object[first] {
                    return child(name.parts.dropFirst(), of: found)
                }
            }
            return nil
        }
    }
}
