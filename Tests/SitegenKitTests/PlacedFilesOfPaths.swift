import Foundation
@testable import SitegenKit

extension PlacedFiles {
    /// The files at `paths`, of no size or identity: a list as a test writes it, in the form that
    /// names paths alone (a removal takes its files whatever they hold).
    init(paths: [String]) {
        self.init()
        identitiesKnown = false
        for path in paths { place(path, 0) }
    }
}

extension PlacedFiles {
    /// The files at `paths` below `root`, each with the identity it has there: a list as a build writes it.
    init(paths: [String], in root: String) {
        self.init()
        for path in paths {
            var info = stat()
            place(path, lstat(root + "/" + path, &info) == 0 ? OutputTree.identity(info) : 0)
        }
    }
}
