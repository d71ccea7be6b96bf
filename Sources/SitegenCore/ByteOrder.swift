import Glibc

extension UnsafeBufferPointer where Element == UInt8 {
    /// Whether these bytes come before `other` in the order of their bytes (a prefix before what it
    /// begins): how a file system's names and a listing's paths are ordered, not as Swift orders strings.
    package func precedesInByteOrder(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = isEmpty || other.isEmpty ? 0 : memcmp(baseAddress!, other.baseAddress!, Swift.min(count, other.count))
        return common != 0 ? common < 0 : count < other.count
    }
}
