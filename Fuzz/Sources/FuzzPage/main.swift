import Foundation
import FuzzSupport
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenPolicy

/// libFuzzer target: one page file (front matter + Markdown) goes through everything a build does to
/// it — load, check, `sitegen check`'s bulletin preflight, every bulletin with its guard, the HTML body
/// and the page template.
///
/// Besides crashes and hangs it stops on two broken promises:
/// - a page the checks accept whose rendered body links or embeds an address the policy refuses
///   (the product's one promise, read from the finished HTML as a browser would);
/// - `sitegen check` (the preflight) and `sitegen build` (the bulletins made) disagreeing on whether
///   a page's bulletins fail.
struct PageHarness {
    let setup: SiteSetup
    let templates: Templates
    let preflight: BulletinPreflight

    init() {
        let root = FuzzSite.directory
        let (loaded, diagnostics) = SiteSetup.load(BuildOptions(sourceDirectory: root))
        guard let loaded else { fatalError("site setup failed: \(diagnostics.map(DiagnosticFormatter.line))") }
        guard let templates = Templates.load(sourceDirectory: root).0 else { fatalError("templates failed to load") }
        setup = loaded
        self.templates = templates
        preflight = BulletinPreflight(maker: loaded.bulletins)
    }

    func run(_ bytes: [UInt8]) {
        // The language comes from the input too, so both languages' strings and rules are reached.
        let language = setup.config.languages[Int(bytes.first ?? 0) % setup.config.languages.count]
        let (loaded, _) = setup.loader.page(from: bytes, path: "content/\(language)/fuzz.md")
        guard let page = loaded else { return }
        let checked = setup.checker.check(page)
        if checked.diagnostics.hasErrors { return }

        let predicted = Set(preflight.check(page, checked: checked).filter { $0.severity == .error }.map(\.code))
        var diagnostics: [Diagnostic] = []
        if page.frontMatter.bulletin {
            let (_, made) = setup.bulletins.make(page, document: checked.document, edits: checked.edits)
            diagnostics = made
            let found = Set(made.filter { $0.severity == .error }.map(\.code)).intersection(["bulletin.telegram", "bulletin.sms"])
            if predicted != found {
                FuzzSite.fail("check predicts bulletin errors \(predicted.sorted()), build finds \(found.sorted())", bytes)
            }
        }
        if diagnostics.hasErrors { return }

        let context = PageContext(config: setup.config, strings: setup.strings, index: SiteIndex(pages: [page]))
        let guide = GuideRenderer(page: page, config: setup.config, strings: setup.strings)
        let body = BodyRenderer(basePath: setup.config.basePath, alertTitles: setup.strings.alertTitles(page.language))
            .render(checked.document, inventory: checked.inventory, edits: checked.edits, guide: guide)
        for target in Self.addresses(inHTML: body.html) {
            let findings = setup.inspector.judge.judge(target)
            if let f = findings.first(where: { $0.code != "link.text-mismatch" }) {
                FuzzSite.fail("published page links \(target.debugDescription), which the policy refuses: \(f.code) \(f.message)", bytes)
            }
        }
        _ = templates.render(page.isSection ? "list" : "page", context.page(page, body: body))
    }

    /// Every `href` and `src` attribute value in cmark-gfm's HTML, with its character references decoded.
    static func addresses(inHTML html: String) -> [String] {
        var out: [String] = []
        for attribute in [" href=\"", " src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                out.append(decodeReferences(String(after[..<end])))
                rest = after[end...]
            }
        }
        return out
    }

    /// The character references in cmark-gfm's attributes, named (`&amp;`, `&quot;`, `&lt;`, `&gt;`) and
    /// numeric (`&#x27;`, `&#39;`), decoded as a browser decodes them.
    static func decodeReferences(_ s: String) -> String {
        var out = ""
        var rest = s[...]
        let named = ["amp": "&", "quot": "\"", "lt": "<", "gt": ">", "apos": "'"]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semi = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semi) <= 8 else {
                out += "&"
                rest = after
                continue
            }
            let name = String(after[..<semi])
            var decoded: String?
            if let text = named[name] {
                decoded = text
            } else if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semi)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }
}

let harness = PageHarness()

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPage(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    harness.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

runFuzzer { fuzzPage($0, $1) }
