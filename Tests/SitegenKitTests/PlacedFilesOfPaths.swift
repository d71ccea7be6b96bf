@testable import SitegenKit

extension PlacedFiles {
    /// The files at `paths`, of no size or identity: a list as a test writes it.
    init(paths: [String]) {
        self.init()
        for path in paths { place(path, 0) }
    }
}
