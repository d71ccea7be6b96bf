import UnicodeSecurity
import XCTest

/// Whether a name holds a public suffix below it, read from the system's list in its text form.
final class PublicSuffixParentsTests: XCTestCase {
    func testANameWithASuffixBelowItHoldsOne() throws {
        // s3.amazonaws.com and *.compute.amazonaws.com are suffixes; amazonaws.com holds them.
        for name in ["amazonaws.com", "compute.amazonaws.com", "kz", "com", "uk"] {
            XCTAssertEqual(PublicSuffixParents.holdsSuffix(below: name), true, "\(name) (the list: \(PublicSuffixParents.listPath))")
        }
        // Names with no suffix below them, a suffix's own name among them (com.kz holds none).
        for name in ["egov.kz", "gov.kz", "com.kz", "enbek.kz", "github.io", "s3.amazonaws.com", "mazonaws.com"] {
            XCTAssertEqual(PublicSuffixParents.holdsSuffix(below: name), false, name)
        }
        // The list writes rules in Unicode: ישוב.ישראל is below ישראל, named in ASCII xn--4dbrk0ce.
        XCTAssertEqual(PublicSuffixParents.holdsSuffix(below: "xn--4dbrk0ce"), true)
        XCTAssertTrue(PublicSuffixParents.holdsSuffix(below: "b.c", in: ["*.a.b.c"]))
        XCTAssertFalse(PublicSuffixParents.holdsSuffix(below: "b.c", in: ["b.c", "ab.c"]))
        XCTAssertNil(PublicSuffixParents.load("/nonexistent/list.dat"))
    }
}
