@_implementationOnly import CICU

/// The process-wide ICU `USpoofChecker`, configured once and then only read.
final class SharedSpoofChecker: @unchecked Sendable {
    // @unchecked is sound: the checker is configured inside `init`, before the
    // object is published, and afterwards only functions taking
    // `const USpoofChecker *` are called (getSkeleton, areConfusable, check2).
    // uspoof.h documents exactly those as safe to call concurrently on one
    // instance.
    let pointer: OpaquePointer

    /// The single checker; a global `let` is initialised once, race-free.
    static let instance = SharedSpoofChecker()

    private init() {
        var status = U_ZERO_ERROR
        let opened = sg_uspoof_open(&status)
        guard sg_u_success(status), let checker = opened else {
            // The confusables data ships in libicudata; without it the
            // installation is broken and nothing here can work.
            fatalError("uspoof_open failed: \(String(cString: sg_u_errorName(status)))")
        }
        // areConfusable refuses to run unless a confusable check is enabled, and
        // check2 records the restriction level only when that check is enabled.
        let checks = Int32(bitPattern: USPOOF_CONFUSABLE.rawValue | USPOOF_RESTRICTION_LEVEL.rawValue)
        sg_uspoof_setChecks(checker, checks, &status)
        // The level only decides whether check2 sets its failure bit; the
        // measured level, which is what this module reports, is independent of it.
        sg_uspoof_setRestrictionLevel(checker, USPOOF_HIGHLY_RESTRICTIVE)
        guard sg_u_success(status) else {
            fatalError("uspoof_setChecks failed: \(String(cString: sg_u_errorName(status)))")
        }
        pointer = checker
    }

    deinit { sg_uspoof_close(pointer) }
}
