import UnicodeSecurity
import XCTest

/// The names with a public suffix below them, read from the system's list in its text form.
final class PublicSuffixParentsTests: XCTestCase {
    func testANameWithASuffixBelowItIsAParent() throws {
        let parents = try XCTUnwrap(PublicSuffixParents.shared, "the list in its text form: \(PublicSuffixParents.listPath)")
        // s3.amazonaws.com and *.compute.amazonaws.com are suffixes; amazonaws.com holds them.
        for name in ["amazonaws.com", "compute.amazonaws.com", "kz", "com", "uk"] { XCTAssertTrue(parents.contains(name), name) }
        // Names with no suffix below them, a suffix's own name among them (com.kz holds none).
        for name in ["egov.kz", "gov.kz", "com.kz", "enbek.kz", "github.io", "s3.amazonaws.com"] { XCTAssertFalse(parents.contains(name), name) }
        // Rules in Unicode are read in ASCII: ישוב.ישראל makes ישראל (xn--4dbrk0ce) a parent.
        XCTAssertTrue(parents.contains("xn--4dbrk0ce"))
        XCTAssertFalse(parents.contains("ישראל"))
        XCTAssertNil(PublicSuffixParents.load("/nonexistent/list.dat"))
    }
}
