import Foundation
import Mustache
import SitegenContent
import SitegenCore

/// The site's Mustache templates, parsed once per build and shared by every page.
struct Templates: Sendable {
    let library: MustacheLibrary
    /// The templates compiled for typed contexts, or nil when one of them uses what ``TemplateProgram``
    /// does not cover: then every template is rendered by the library.
    let compiled: TemplateRenderer?
    /// Each template's file (`templates/page.mustache`) and bytes, as parsed: the link policy judges
    /// these same bytes (`TemplateLinks`).
    let sources: [(file: String, bytes: [UInt8])]
    /// The ids the templates may write in their own markup, which no heading takes.
    var pageIDs: TemplateIDs { TemplateIDs(sources: sources) }

    /// Templates a site must have.
    package static let required = ["page", "list", "404", "chooser", "search"]

    /// Parses every `templates/*.mustache` file; a parse error names the file, line and column.
    package static func load(sourceDirectory: String) -> (Templates?, [Diagnostic]) {
        registerEscaping
        let dir = sourceDirectory + "/templates"
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var sources: [(file: String, bytes: [UInt8])] = []
        var programs: [String: TemplateProgram]? = [:]
        // The partials each template includes, for a chain that would never end.
        var included: [String: [String]] = [:]
        // A folder that is there but cannot be listed is said as such: each template would otherwise be
        // reported missing, with the advice to add it. (Absent, each is missing indeed.)
        guard let listing = Folder.listing(dir, followingLinks: true) ?? (errno == ENOENT ? Folder.Listing() : nil) else {
            return (nil, [.error("template.io", id: "template.io", ["reason": errnoText()], file: "templates")])
        }
        let names = listing.names.filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let file = "templates/" + name
            guard let data = FileReader.read(dir + "/" + name) else {
                diagnostics.append(.error("template.io", id: "template.io", ["reason": errnoText()], file: file))
                continue
            }
            if case .failure(let p) = SourceText.decode(data), p.problem != .empty {
                diagnostics.append(ContentLoader.undecodable(p, file: file))
                continue
            }
            sources.append((file, data))
            // Bounded before the library parses it: its parser goes a call deeper per section.
            if let at = TemplateNesting.tooDeep(data) {
                diagnostics.append(.error("template.syntax", id: "template.syntax.nesting", ["limit": String(TemplateNesting.deepestSections)],
                                          file: file, line: at.line, column: at.column))
                continue
            }
            do {
                let template = try MustacheTemplate(string: String(decoding: data, as: UTF8.self))
                library.register(template, named: String(name.dropLast(".mustache".count)))
                let (partials, dynamic) = TemplateNesting.partials(of: template)
                included[String(name.dropLast(".mustache".count))] = partials
                // A partial named by a value may be the template itself: a loop no check can rule out.
                if dynamic {
                    let at = Self.position(of: "{{>*", in: data)
                    diagnostics.append(.error("template.syntax", id: "template.syntax.dynamic-partial", [:], file: file, line: at.line, column: at.column))
                }
                if let program = TemplateProgram(template) {
                    programs?[String(name.dropLast(".mustache".count))] = program
                } else {
                    programs = nil
                }
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template.syntax", id: "template.syntax", Self.problem(error.error), file: file,
                                          line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                diagnostics.append(.error("template.syntax", id: "template.syntax",
                                          MessageCatalog.detail("template.problem.other", ["reason": "\(error)"]), file: file))
            }
        }
        if let (chain, loops) = TemplateNesting.endlessChain(included) {
            let file = "templates/" + chain[chain.count - 2] + ".mustache"
            let at = sources.first { $0.file == file }.map { Self.position(ofPartial: chain.last!, in: $0.bytes) } ?? (line: 1, column: 1)
            diagnostics.append(.error("template.syntax", id: loops ? "template.syntax.partial-loop" : "template.syntax.partial-depth",
                                      ["partial": chain.last!, "chain": chain.joined(separator: " → "), "limit": String(TemplateNesting.deepestPartials)],
                                      file: file, line: at.line, column: at.column))
        }
        for name in required where library.getTemplate(named: name) == nil
            && !diagnostics.contains(where: { $0.file == "templates/\(name).mustache" }) {
            diagnostics.append(.error("template.missing", id: "template.missing", ["name": name],
                                      file: "templates/\(name).mustache"))
        }
        return (diagnostics.hasErrors ? nil : Templates(library: library, compiled: programs.map(TemplateRenderer.init(programs:)),
                                                        sources: sources), diagnostics)
    }

    /// Where `text` first is in a template's bytes, as a line and column; the start of the file when it
    /// is not there as written.
    static func position(of text: String, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let source = String(decoding: bytes, as: UTF8.self)
        guard let at = source.range(of: text) else { return (1, 1) }
        let before = source[..<at.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        return (line, before.distance(from: before.lastIndex(of: "\n").map(before.index(after:)) ?? before.startIndex, to: before.endIndex) + 1)
    }

    /// Where a template's bytes first name the partial `name` (`{{> name}}`, spaces allowed), as a line
    /// and column; the start of the file when not found as written (other delimiters).
    static func position(ofPartial name: String, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let text = String(decoding: bytes, as: UTF8.self)
        var line = 1
        for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var rest = row[...]
            while let tag = rest.range(of: "{{>") {
                let after = rest[tag.upperBound...].drop { $0 == " " || $0 == "\t" }
                if after.hasPrefix(name), after.dropFirst(name.count).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("}}") {
                    return (line, row.distance(from: row.startIndex, to: tag.lowerBound) + 1)
                }
                rest = rest[tag.upperBound...]
            }
            line += 1
        }
        return (1, 1)
    }

    /// The `{detail}` of `template.syntax` for a complaint of the Mustache parser, in plain words.
    static func problem(_ error: any Error) -> [String: String] {
        guard let error = error as? MustacheTemplate.Error else {
            return MessageCatalog.detail("template.problem.other", ["reason": "\(error)"])
        }
        let id: String
        switch error {
        case .sectionCloseNameIncorrect: id = "template.problem.close-name"
        case .unfinishedName: id = "template.problem.unfinished-tag"
        case .expectedSectionEnd: id = "template.problem.section-end"
        case .invalidSetDelimiter: id = "template.problem.delimiter"
        case .transformAppliedToInheritanceSection, .illegalTokenInsideInheritSection, .textInsideInheritSection:
            id = "template.problem.inheritance"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: id = "template.problem.config"
        }
        return MessageCatalog.detail(id, [:])
    }

    /// Registered once, before any template is parsed; the registry is the library's, guarded by it.
    private static let registerEscaping: Void = {
        MustacheContentTypes.register(TemplateHTMLEscaping(), named: "HTML")
    }()

    /// Renders a named template with a context.
    /// `measured`: written into a string of exactly its length (``TemplateRenderer/render(_:_:measured:)``).
    func render(_ name: String, _ context: TemplateObject, measured: Bool = false) -> String {
        if let compiled { return compiled.render(name, context, measured: measured) }
        return library.render(context.anyValue, withTemplate: name) ?? ""
    }
}

/// The escaping templates get for `{{value}}`: the same characters as swift-mustache's own HTML
/// escaping, without walking grapheme clusters. Templates select it with `{{% CONTENT_TYPE: HTML }}`,
/// which finds this type because `Templates.load` registers it under that name.
struct TemplateHTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }
}
