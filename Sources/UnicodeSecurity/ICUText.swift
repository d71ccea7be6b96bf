@_implementationOnly import CICU

/// Why an ICU call gave no usable output.
///
/// Swift strings are always valid UTF-8, so the ICU calls in this module fail
/// only when ICU itself cannot work (missing data, no memory) or when a
/// string is too long to describe with ICU's 32-bit lengths.
struct ICUFailure: Error, Hashable, Sendable {
    /// The raw `UErrorCode` value.
    let code: Int32
    /// ICU's symbolic name for the code, such as `U_MEMORY_ALLOCATION_ERROR`.
    let name: String

    init(_ status: UErrorCode) {
        code = status.rawValue
        name = String(cString: sg_u_errorName(status))
    }

    /// A string longer than `Int32.max` bytes cannot be handed to ICU.
    static let inputTooLong = ICUFailure(U_INDEX_OUTOFBOUNDS_ERROR)
}

/// Runs `body` with the UTF-8 bytes of `string` as a C pointer and a 32-bit length.
///
/// The pointer is never null, even for the empty string, because several ICU
/// functions treat a null pointer as an argument error rather than as "empty".
func withICUUTF8<R>(
    _ string: String,
    _ body: (UnsafePointer<CChar>, Int32) -> Result<R, ICUFailure>
) -> Result<R, ICUFailure> {
    var copy = string
    return copy.withUTF8 { bytes -> Result<R, ICUFailure> in
        guard bytes.count <= Int(Int32.max) else { return .failure(.inputTooLong) }
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            var nul: CChar = 0
            return body(&nul, 0)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            body($0, Int32(bytes.count))
        }
    }
}

/// Calls an ICU function that writes UTF-8 into a caller-supplied buffer and
/// returns the full output length, growing the buffer once if it was too small.
///
/// `call` receives the destination, its capacity and a status already reset to
/// `U_ZERO_ERROR`; it returns ICU's length result.
func icuUTF8Output(
    estimatedLength: Int,
    _ call: (UnsafeMutablePointer<CChar>, Int32, inout UErrorCode) -> Int32
) -> Result<String, ICUFailure> {
    var capacity = max(estimatedLength, 16)
    // Two rounds suffice: ICU reports the exact length on overflow, and the
    // output depends only on the input, so the second buffer always fits.
    for _ in 0..<2 {
        guard capacity <= Int(Int32.max) else { return .failure(.inputTooLong) }
        var buffer = [CChar](repeating: 0, count: capacity)
        var status = U_ZERO_ERROR
        let length = buffer.withUnsafeMutableBufferPointer { out in
            call(out.baseAddress!, Int32(capacity), &status)
        }
        if status == U_BUFFER_OVERFLOW_ERROR {
            capacity = Int(length) + 1
            continue
        }
        guard sg_u_success(status), length >= 0, Int(length) <= capacity else {
            return .failure(ICUFailure(status))
        }
        let text = buffer.withUnsafeBufferPointer { chars in
            chars.withMemoryRebound(to: UInt8.self) { bytes in
                String(decoding: UnsafeBufferPointer(rebasing: bytes[..<Int(length)]), as: UTF8.self)
            }
        }
        return .success(text)
    }
    return .failure(ICUFailure(U_BUFFER_OVERFLOW_ERROR))
}
