import Glibc

/// Finding one byte in a long text with the C library's vector search: a page's markup is read tag by
/// tag, and the text between its tags is mostly long runs that hold no `<`.
package enum ByteScan {
    /// The index of the first `byte` in `b` at or after `from`; `b.count` when there is none.
    @inline(__always)
    package static func next(_ byte: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        guard from < b.count, let base = b.baseAddress else { return b.count }
        guard let hit = memchr(base + from, Int32(byte), b.count - from) else { return b.count }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }
}
