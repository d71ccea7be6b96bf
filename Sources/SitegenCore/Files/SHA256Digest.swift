import CCrypto

/// SHA-256 of bytes, from OpenSSL's libcrypto, as lowercase hex.
package enum SHA256Digest {
    /// A digest's 32 bytes, held inline (no allocation).
    package typealias Bytes = SIMD32<UInt8>

    package static func hex(_ bytes: [UInt8]) -> String { hex(Self.bytes(bytes)) }

    /// The digest itself.
    package static func bytes(_ bytes: [UInt8]) -> Bytes { bytes.withUnsafeBytes { Self.bytes($0) } }

    /// The digest of the bytes in memory at `input`.
    package static func bytes(_ input: UnsafeRawBufferPointer) -> Bytes {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = EVP_Digest(input.baseAddress, input.count, &digest, &length, EVP_sha256(), nil)
        // EVP_Digest fails only without memory; a manifest without a digest would be worse than a crash.
        precondition(ok == 1 && length == 32, "SHA-256 failed")
        return Self.digest(digest.prefix(32))!
    }

    /// A digest from its 32 bytes; nil when there are not 32.
    package static func digest(_ bytes: some Collection<UInt8>) -> Bytes? {
        guard bytes.count == 32 else { return nil }
        var out = Bytes()
        for (i, b) in bytes.enumerated() { out[i] = b }
        return out
    }

    /// ``digest(_:)`` of a part of an array, copied whole (a page cache holds one per bulletin file,
    /// and the generic reading is a lookup of the runtime's type information per call).
    package static func digest(_ bytes: ArraySlice<UInt8>) -> Bytes? {
        guard bytes.count == 32 else { return nil }
        return bytes.withUnsafeBytes { $0.loadUnaligned(as: Bytes.self) }
    }

    /// A digest's 32 bytes, in order.
    package static func array(_ digest: Bytes) -> [UInt8] { withUnsafeBytes(of: digest) { Array($0) } }

    /// A digest as lowercase hex.
    package static func hex(_ digest: Bytes) -> String { withUnsafeBytes(of: digest) { hex(digest: $0) } }

    /// A digest as lowercase hex, appended to `out` (no string made: a manifest lists tens of thousands).
    package static func appendHex(_ digest: Bytes, to out: inout [UInt8]) {
        withUnsafeBytes(of: digest) { appendHex($0, to: &out) }
    }

    /// Bytes as lowercase hex, appended to `out`: the one way every digest is written out.
    private static func appendHex(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789abcdef"
        for b in bytes {
            out.append(hex.utf8Start[Int(b >> 4)])
            out.append(hex.utf8Start[Int(b & 0x0F)])
        }
    }

    /// A digest's bytes as lowercase hex.
    static func hex(digest: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(digest.count * 2)
        appendHex(digest, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-256 over many pieces fed one after another (OpenSSL's streaming interface), for digests of
/// whole folders without holding them in memory.
package final class SHA256Stream {
    private let context: OpaquePointer

    package init() {
        // Fails only without memory, as above.
        context = EVP_MD_CTX_new()!
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "SHA-256 failed")
    }

    deinit { EVP_MD_CTX_free(context) }

    package func update(_ bytes: UnsafeRawBufferPointer) {
        if bytes.isEmpty { return }
        precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "SHA-256 failed")
    }

    package func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes(update) }

    /// A string, ended by a NUL so that `ab`+`c` and `a`+`bc` differ.
    package func update(_ text: String) { update(Array(text.utf8) + [0]) }

    /// The digest as lowercase hex.
    package func hex() -> String { SHA256Digest.hex(digest()) }

    /// The digest itself (the stream is then done).
    package func digest() -> SHA256Digest.Bytes {
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &digest, &length) == 1 && length == 32, "SHA-256 failed")
        return SHA256Digest.digest(digest.prefix(32))!
    }
}
