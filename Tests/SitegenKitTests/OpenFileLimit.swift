import Foundation
import XCTest

/// Runs `body` with this process's limit of open files set so that only `free` more descriptors can be
/// opened (the lowest free numbers are taken first, so the limit is past the `free`-th unused one), and
/// puts the limit back after: what a walk of many folders is tested under.
func withOpenFileLimit<T>(free: Int, _ body: () throws -> T) throws -> T {
    var limit = rlimit()
    XCTAssertEqual(getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit), 0)
    let used = Set(try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap { Int($0) })
    var lowered = 0, available = 0
    while available < free {
        if !used.contains(lowered) { available += 1 }
        lowered += 1
    }
    var low = limit
    low.rlim_cur = rlim_t(lowered)
    XCTAssertEqual(setrlimit(Int32(RLIMIT_NOFILE.rawValue), &low), 0)
    defer { _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) }
    return try body()
}
