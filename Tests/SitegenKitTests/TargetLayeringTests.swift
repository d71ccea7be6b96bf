import Foundation
import XCTest

/// The targets follow the data one way (README, "Architecture"). SwiftPM refuses a cycle between declared
/// dependencies, but a target can still import a module it never declared when something below it
/// did, which hides an edge from Package.swift; and `public` would offer code outside the package an API
/// nobody maintains. These read the sources and Package.swift as they are.
final class TargetLayeringTests: XCTestCase {
    /// Each target of Package.swift with the names in its `dependencies:` list (targets and products).
    static func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOfFile: Fixture.repository + "/Package.swift", encoding: .utf8)
        var out: [String: Set<String>] = [:]
        // `.target(`, `.executableTarget(`, `.testTarget(` and `.systemLibrary(` calls.
        let calls = ["Target(", ".target(", ".systemLibrary("].flatMap { manifest.components(separatedBy: $0).dropFirst() }
        for call in calls {
            guard let name = try firstMatch("name: \"(\\w+)\"", in: call) else { continue }
            var dependencies: Set<String> = []
            if let list = call.range(of: "dependencies: [") {
                var depth = 1
                var end = list.upperBound
                while depth > 0, end < call.endIndex {
                    if call[end] == "[" { depth += 1 } else if call[end] == "]" { depth -= 1 }
                    end = call.index(after: end)
                }
                dependencies = Set(try allMatches("\"(\\w+)\"", in: String(call[list.upperBound..<end])))
            }
            out[name, default: []].formUnion(dependencies)
        }
        return out
    }

    static func firstMatch(_ pattern: String, in text: String) throws -> String? {
        try allMatches(pattern, in: text).first
    }

    static func allMatches(_ pattern: String, in text: String) throws -> [String] {
        let r = try NSRegularExpression(pattern: pattern)
        return r.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// The Swift files of a target folder (`Sources/X`), by path and text.
    static func sources(of root: String) throws -> [(String, String)] {
        let dir = Fixture.repository + "/" + root
        let files = FileManager.default.enumerator(atPath: dir)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { (root + "/" + $0, try String(contentsOfFile: dir + "/" + $0, encoding: .utf8)) }
    }

    func testEveryTargetImportsOnlyWhatPackageSwiftGivesIt() throws {
        let declared = try Self.declaredDependencies()
        let ownTargets = Set(declared.keys)
        XCTAssertTrue(ownTargets.isSuperset(of: ["SitegenCore", "SitegenMarkdown", "SitegenContent", "SitegenPolicy", "SitegenKit"]),
                      "\(ownTargets.sorted())")
        var imports = 0
        for root in Fixture.ownSourceRoots {
            let target = String(root.dropFirst("Sources/".count))
            let allowed = try XCTUnwrap(declared[target], "\(target) is not in Package.swift")
            for (path, text) in try Self.sources(of: root) {
                for module in try Self.allMatches("(?m)^(?:@testable |@preconcurrency )?import (\\w+)$", in: text)
                where ownTargets.contains(module) {
                    imports += 1
                    XCTAssertTrue(allowed.contains(module), "\(path) imports \(module), which \(target) does not depend on in Package.swift")
                }
            }
        }
        XCTAssertGreaterThan(imports, 200, "no import was read: the scan found nothing")
    }

    func testTheLowerTargetsDoNotReachUp() throws {
        let declared = try Self.declaredDependencies()
        let order = ["SitegenCore", "SitegenMarkdown", "SitegenSearch", "SitegenContent", "SitegenPolicy", "SitegenKit",
                     "SitegenServe", "sitegen"]
        for (i, target) in order.enumerated() {
            let above = Set(order[(i + 1)...])
            let reached = try XCTUnwrap(declared[target]).intersection(above)
            XCTAssertEqual(reached, [], "\(target) depends on \(reached.sorted()), which sit above it")
        }
    }

    func testNothingOfSitegenIsPublic() throws {
        var declarations = 0
        for root in Fixture.ownSourceRoots {
            for (path, text) in try Self.sources(of: root) {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                for (n, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    if line.range(of: "(^|[\\s(])public[\\s(]", options: .regularExpression) != nil, !line.contains("\"") {
                        XCTFail("\(path):\(n + 1): `public` offers this outside the package; `package` is what targets share")
                    }
                    if line.range(of: "^\\s*(@\\w+ )*package ", options: .regularExpression) != nil { declarations += 1 }
                }
            }
        }
        XCTAssertGreaterThan(declarations, 300, "no `package` declaration was read: the scan found nothing")
    }
}
