/// Byte strings held end to end in blocks of 64 KiB, numbered in the order they were added. Many
/// short strings kept for a whole stage (a search index's page summaries) cost their bytes and a place
/// each, not an Array each with its header and the room it grew; and the blocks grow one at a time,
/// where one buffer doubling held up to twice its bytes (and both while it moved).
package struct ByteStrings: Sendable {
    /// Bytes per block; a longer string has a block of its own.
    static let blockSize = 1 << 16

    private var blocks: [[UInt8]] = []
    /// Each string's block and where it starts and ends in it.
    private var places: [(block: UInt32, start: UInt32, end: UInt32)] = []
    /// How many bytes are held.
    package private(set) var byteCount = 0

    package init() {}

    /// How many strings are held.
    package var count: Int { places.count }

    /// Adds `string` as the next number.
    package mutating func append<C: Collection>(_ string: C) where C.Element == UInt8 {
        let length = string.count
        if blocks.isEmpty || blocks[blocks.count - 1].count + length > Self.blockSize {
            var block: [UInt8] = []
            block.reserveCapacity(max(Self.blockSize, length))
            blocks.append(block)
        }
        let last = blocks.count - 1
        let start = blocks[last].count
        blocks[last].append(contentsOf: string)
        places.append((UInt32(last), UInt32(start), UInt32(start + length)))
        byteCount += length
    }

    /// The bytes of string `i`.
    package subscript(i: Int) -> ArraySlice<UInt8> {
        let place = places[i]
        return blocks[Int(place.block)][Int(place.start)..<Int(place.end)]
    }

    /// Calls `body` with the bytes of string `i`.
    package func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let place = places[i]
        return blocks[Int(place.block)].withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(place.start)..<Int(place.end)]))
        }
    }
}
