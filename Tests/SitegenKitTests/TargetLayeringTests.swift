import Foundation
import XCTest

/// The targets follow the data one way (README, "Architecture"). SwiftPM refuses a cycle between declared
/// dependencies, but a target can still import a module it never declared when something below it
/// did, which hides an edge from Package.swift; and `public` would offer code outside the package an API
/// nobody maintains. These read the sources and Package.swift as they are.
final class TargetLayeringTests: XCTestCase {
    /// sitegen's own Swift targets from the bottom up; a target may depend only on one of a lower layer.
    static let layers: [[String]] = [
        ["UnicodeSecurity", "WHATWGURL"],
        ["SitegenCore"],
        ["SitegenMarkdown", "SitegenSearch"],
        ["SitegenContent"],
        ["SitegenPolicy"],
        ["SitegenKit"],
        ["SitegenServe"],
        ["sitegen"],
    ]

    struct Manifest {
        /// Every target (Swift, C and test) with the names in its `dependencies:` list.
        var dependencies: [String: Set<String>] = [:]
        /// The modules of other packages a target may name (`.product(name:)`).
        var products: Set<String> = []
    }

    /// Package.swift's target calls, each read to its closing parenthesis.
    static func manifest() throws -> Manifest {
        let text = try String(contentsOfFile: Fixture.repository + "/Package.swift", encoding: .utf8)
        var out = Manifest()
        out.products = Set(try matches("\\.product\\(name: \"(\\w+)\"", in: text))
        let call = try NSRegularExpression(pattern: "\\.(?:target|executableTarget|testTarget|systemLibrary)\\(")
        for m in call.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let body = balanced(text, from: Range(m.range, in: text)!.upperBound, open: "(", close: ")")
            let name = try XCTUnwrap(try matches("^\\s*name: \"(\\w+)\"", in: body).first, "a target call without a name: \(body)")
            var dependencies: Set<String> = []
            if let list = body.range(of: "dependencies: [") {
                dependencies = Set(try matches("\"(\\w+)\"", in: balanced(body, from: list.upperBound, open: "[", close: "]")))
            }
            XCTAssertNil(out.dependencies[name], "\(name) is declared twice")
            out.dependencies[name] = dependencies
        }
        return out
    }

    /// The text from `start` (just after an opening bracket) to its matching closing one.
    static func balanced(_ text: String, from start: String.Index, open: Character, close: Character) -> String {
        var depth = 1
        var end = start
        while end < text.endIndex {
            if text[end] == open { depth += 1 } else if text[end] == close { depth -= 1 }
            if depth == 0 { break }
            end = text.index(after: end)
        }
        return String(text[start..<end])
    }

    static func matches(_ pattern: String, in text: String) throws -> [String] {
        let r = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
        return r.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// Every folder of Swift sources a target is built from (`Sources/X`, `Tests/X`), by target name.
    static func targetFolders() throws -> [String: String] {
        var out: [String: String] = [:]
        for top in ["Sources", "Tests"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: Fixture.repository + "/" + top)
            for name in names where !(try Fixture.swiftSources(of: top + "/" + name)).isEmpty { out[name] = top + "/" + name }
        }
        return out
    }

    /// The module each import of a file names: `@testable`, `@_exported`, an access level, `import struct M.T`,
    /// an indented import inside `#if`, a comment after it.
    static func importedModules(_ text: String) throws -> [String] {
        try matches("^[ \\t]*(?:@\\w+(?:\\([^)\\n]*\\))?[ \\t]+)*(?:(?:public|package|internal|fileprivate|private)[ \\t]+)?"
                    + "import[ \\t]+(?:(?:struct|class|enum|protocol|typealias|func|var|let)[ \\t]+)?(\\w+)", in: text)
    }

    func testEveryTargetImportsOnlyWhatPackageSwiftGivesIt() throws {
        let manifest = try Self.manifest()
        // The modules Package.swift manages: the package's targets and other packages' products. The
        // rest (Foundation, Glibc, Dispatch, XCTest) come with the toolchain.
        let managed = Set(manifest.dependencies.keys).union(manifest.products)
        XCTAssertTrue(managed.isSuperset(of: ["SitegenCore", "SitegenKit", "CCmarkGFM", "Yams", "Mustache", "FlyingSocks"]),
                      "\(managed.sorted())")
        let folders = try Self.targetFolders()
        XCTAssertEqual(Set(folders.keys).subtracting(manifest.dependencies.keys), [], "folders that are no target")
        var imports = 0
        for (target, folder) in folders.sorted(by: { $0.key < $1.key }) {
            let allowed = try XCTUnwrap(manifest.dependencies[target])
            for (path, text) in try Fixture.swiftSources(of: folder) {
                for module in try Self.importedModules(text) where managed.contains(module) {
                    imports += 1
                    XCTAssertTrue(allowed.contains(module), "\(path) imports \(module), which \(target) does not depend on in Package.swift")
                }
            }
        }
        XCTAssertGreaterThan(imports, 300, "no import was read: the scan found nothing")
    }

    func testImportsOfEveryFormAreRead() throws {
        let text = """
            import A
            @testable import B
            @_exported import C
            @preconcurrency internal import D
            import struct E.Thing
              import F // after a comment
            #if canImport(G)
                import G
            #endif
            // import H
            let x = "import I"
            """
        XCTAssertEqual(try Self.importedModules(text), ["A", "B", "C", "D", "E", "F", "G"])
    }

    func testNoTargetDependsOnOneBesideOrAboveIt() throws {
        let manifest = try Self.manifest()
        let layerOf = Dictionary(uniqueKeysWithValues: Self.layers.enumerated().flatMap { n, names in names.map { ($0, n) } })
        let ownSwift = Set(try Self.targetFolders().filter { $0.value.hasPrefix("Sources/") }.keys)
        XCTAssertEqual(ownSwift, Set(layerOf.keys), "every Swift target under Sources/ has a layer here")
        for (target, layer) in layerOf {
            let dependencies = try XCTUnwrap(manifest.dependencies[target], target)
            let reached = dependencies.filter { layerOf[$0].map { $0 >= layer } ?? false }
            XCTAssertEqual(reached, [], "\(target) depends on \(reached.sorted()), which are not below it")
        }
    }

    func testNothingIsPublic() throws {
        var declarations = 0
        for (target, folder) in try Self.targetFolders() where folder.hasPrefix("Sources/") {
            for (path, text) in try Fixture.swiftSources(of: folder) {
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    // Code only: string literals and comments taken out.
                    let code = String(line).replacingOccurrences(of: "\"(?:[^\"\\\\]|\\\\.)*\"", with: "\"\"", options: .regularExpression)
                        .replacingOccurrences(of: "//.*", with: "", options: .regularExpression)
                    if code.range(of: "(^|[\\s(@])public[\\s(]|(^|\\s)open\\s+(class|func|var|let|init|subscript|static|override|extension)\\b",
                                  options: .regularExpression) != nil {
                        XCTFail("\(path):\(n + 1): `public` offers this outside the package; `package` is what targets share (\(target))")
                    }
                    if code.range(of: "^\\s*(@\\w+ )*package ", options: .regularExpression) != nil { declarations += 1 }
                }
            }
        }
        XCTAssertGreaterThan(declarations, 500, "no `package` declaration was read: the scan found nothing")
    }
}
