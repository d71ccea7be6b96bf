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
