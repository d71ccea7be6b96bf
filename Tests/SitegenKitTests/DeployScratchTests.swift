import Foundation
import XCTest
@testable import SitegenKit

/// What killed deploys leave among the temporary files goes with the next deploy, and nothing else does.
final class DeployScratchTests: XCTestCase {
    func testOnlyTheScratchOfAKilledDeployIsRemoved() throws {
        let fm = FileManager.default
        let parent = NSTemporaryDirectory() + "sitegen-scratch-" + UUID().uuidString
        defer { try? fm.removeItem(atPath: parent) }
        try fm.createDirectory(atPath: parent, withIntermediateDirectories: false)
        func folder(_ name: String, holding files: [String]) throws {
            for file in files {
                let path = parent + "/" + name + "/" + file
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data("x".utf8).write(to: URL(fileURLWithPath: path))
            }
            try fm.createDirectory(atPath: parent + "/" + name, withIntermediateDirectories: true)
        }
        // A process of this number is not running.
        let dead = "sitegen-deploy-3999999-aB3xYz"
        try folder(dead, holding: [ScratchFolder.Kind.deploy.marker, "site/index.html", "site/kk/index.html", ".site.files", ".site.build", ".site.tmp-3999999/x"])
        // The same name and a build's names, but no deploy's marker: someone's own folder, kept.
        try folder("sitegen-deploy-3999999-unmark", holding: ["site/photos/p.txt"])
        try folder("sitegen-deploy-3999999-empty0", holding: [])
        // This process's, another's still running (the first process), a name of another form, a folder
        // holding something a build never writes, a link to a folder.
        let held = try ScratchFolder.make(.deploy, in: parent)
        let own = held.path
        XCTAssertTrue((own as NSString).lastPathComponent.hasPrefix("sitegen-deploy-\(getpid())-"))
        XCTAssertTrue(fm.fileExists(atPath: own + "/" + ScratchFolder.Kind.deploy.marker), "a deploy marks its folder first")
        // A dead process's name but a lock someone holds (a deploy of another container sharing the
        // folder, whose process number means nothing here): kept.
        let locked = "sitegen-deploy-3999995-locked"
        try folder(locked, holding: ["site/index.html"])
        let lock = open(parent + "/" + locked, O_RDONLY | O_DIRECTORY)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        defer { close(lock) }
        try folder("sitegen-deploy-1-abcdef", holding: ["site/index.html"])
        let kept = ["sitegen-deploy-3999999-abcdefg", "sitegen-deploy-3999999-abc", "sitegen-deploy-abcdef", "sitegen-deploy-x3999999-abcdef",
                    "sitegen-deploy-3999999-abc-de", "sitegen-deploy--abcdef", "sitegen-deploy-3999999-ab.def", "notes-3999999-abcdef"]
        for name in kept { try folder(name, holding: ["site/index.html"]) }
        try folder("sitegen-deploy-3999998-mine00", holding: ["site/index.html", "notes.txt"])
        try folder("elsewhere", holding: ["site/index.html"])
        try fm.createSymbolicLink(atPath: parent + "/sitegen-deploy-3999997-link00", withDestinationPath: parent + "/elsewhere")
        try Data("x".utf8).write(to: URL(fileURLWithPath: parent + "/sitegen-deploy-3999996-file00"))

        let removed = ScratchFolder.removeLeftovers(.deploy, in: parent)
        XCTAssertEqual(removed, [parent + "/" + dead, parent + "/sitegen-deploy-3999999-empty0"])
        let left = Set(try fm.contentsOfDirectory(atPath: parent))
        XCTAssertEqual(left, Set(kept + [(own as NSString).lastPathComponent, locked, "sitegen-deploy-1-abcdef", "sitegen-deploy-3999998-mine00",
                                         "sitegen-deploy-3999999-unmark",
                                         "elsewhere", "sitegen-deploy-3999997-link00", "sitegen-deploy-3999996-file00"]))
        XCTAssertTrue(fm.fileExists(atPath: parent + "/elsewhere/site/index.html"), "nothing behind a link went")
        XCTAssertEqual(ScratchFolder.removeLeftovers(.deploy, in: parent), [], "once gone, nothing more")
        withExtendedLifetime(held) {}
    }
}
