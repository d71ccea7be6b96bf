import Foundation
import FuzzSupport
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenKit
@testable import SitegenMarkdown
@testable import SitegenPolicy

/// libFuzzer target: one string judged every way the link policy judges text — as a link destination,
/// as a Telegram handle, as visible text (inside and outside a warning) and as the text of a link to
/// an official site.
///
/// Besides crashes and hangs it stops when a destination the policy accepts leads, as a browser reads
/// it (and as cmark-gfm renders it into an `href`), anywhere but an allowed host, an official Telegram
/// handle, or this site: the policy must fail closed.
struct PolicyHarness {
    let inspector: PageInspector
    let selfTest = ProcessInfo.processInfo.environment["FUZZ_ORACLE_SELFTEST"] != nil

    init() {
        let (loaded, diagnostics) = SiteSetup.load(BuildOptions(sourceDirectory: FuzzSite.directory))
        guard let loaded else { fatalError("site setup failed: \(diagnostics.map(DiagnosticFormatter.line))") }
        inspector = loaded.inspector
        guard inspector.judge.siteBase != nil else { fatalError("base URL does not parse") }
    }

    func run(_ text: String) {
        let judge = inspector.judge
        if judge.judge(text).isEmpty {
            for href in Set([text, HrefEscaping.rendered(text)]) { checkAccepted(href, typed: text) }
        }
        _ = judge.judgeHandle(text, url: nil)
        for token in inspector.tokens.scan(text) {
            _ = inspector.judgeToken(token, inWarning: false)
            _ = inspector.judgeToken(token, inWarning: true)
        }
        if let official = inspector.policy.exactHosts.sorted().first {
            _ = inspector.textMismatch(text: text, destination: "https://\(official)/")
        }
    }

    /// An accepted destination, read as a browser reads it against a page of the site.
    private func checkAccepted(_ href: String, typed: String) {
        // The judge's own parser (WHATWG, with IDNA) and base: the browser's reading, not a model of it.
        let judge = inspector.judge
        guard let url = judge.parser.parse(href, base: judge.siteBase), url.scheme == "https" || url.scheme == "http" else { return }
        guard let host = url.serializedHost else {
            FuzzSite.fail("accepted \(typed.debugDescription) has no host as \(href.debugDescription)", Array(typed.utf8))
        }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        if url.scheme == "http" {
            FuzzSite.fail("accepted \(typed.debugDescription) is read as http: \(url.serialized())", Array(typed.utf8))
        }
        // FUZZ_ORACLE_SELFTEST=1 forgets the allow-list here, so that replaying an address on the allow-list shows
        // this check can fail.
        let allowed = selfTest ? false : inspector.policy.isAllowed(host: name)
        if name == judge.siteBase?.serializedHost || allowed { return }
        if LinkPolicy.telegramHosts.contains(name) {
            // A Telegram link is official only by the handle it opens.
            guard let handle = judge.telegramHandle(of: url), inspector.policy.isOfficial(handle: handle) else {
                FuzzSite.fail("accepted \(typed.debugDescription) opens no official handle: \(url.serialized())", Array(typed.utf8))
            }
            return
        }
        FuzzSite.fail("accepted \(typed.debugDescription) leads to \(url.serialized())", Array(typed.utf8))
    }
}

let harness = PolicyHarness()

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzPolicy(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    // The policy reads Swift strings: input that is not UTF-8 never reaches it (the loader refuses it).
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    harness.run(text)
    return 0
}

runFuzzer { fuzzPolicy($0, $1) }
