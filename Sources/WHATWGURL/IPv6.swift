// The IPv6 parser and serializer: eight 16-bit pieces, with `::` compression
// and an optional embedded dotted-quad IPv4 tail. Zone identifiers are not
// part of the URL Standard and fail to parse.

enum IPv6 {
    /// IPv6 parser for the text between `[` and `]`. Nil means failure (the
    /// cause is appended to `errors`).
    static func parse(_ input: ArraySlice<UInt8>, errors: inout [URLValidationError]) -> [UInt16]? {
        let input = Array(input)
        var address = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int? = nil
        var pointer = 0

        func at(_ index: Int) -> UInt8? { index < input.count ? input[index] : nil }

        if at(pointer) == ASCII.colon {
            guard at(pointer + 1) == ASCII.colon else {
                errors.append(.ipv6InvalidCompression)
                return nil
            }
            pointer += 2
            pieceIndex += 1
            compress = pieceIndex
        }

        while let c = at(pointer) {
            if pieceIndex == 8 {
                errors.append(.ipv6TooManyPieces)
                return nil
            }
            if c == ASCII.colon {
                if compress != nil {
                    errors.append(.ipv6MultipleCompression)
                    return nil
                }
                pointer += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt16 = 0
            var length = 0
            while length < 4, let digit = at(pointer)?.asciiHexValue {
                value = value << 4 | UInt16(digit)
                pointer += 1
                length += 1
            }
            if at(pointer) == ASCII.period {
                if length == 0 {
                    errors.append(.ipv4InIPv6InvalidCodePoint)
                    return nil
                }
                pointer -= length
                if pieceIndex > 6 {
                    errors.append(.ipv4InIPv6TooManyPieces)
                    return nil
                }
                var numbersSeen = 0
                while at(pointer) != nil {
                    var ipv4Piece: Int? = nil
                    if numbersSeen > 0 {
                        if at(pointer) == ASCII.period, numbersSeen < 4 {
                            pointer += 1
                        } else {
                            errors.append(.ipv4InIPv6InvalidCodePoint)
                            return nil
                        }
                    }
                    guard at(pointer)?.isASCIIDigit == true else {
                        errors.append(.ipv4InIPv6InvalidCodePoint)
                        return nil
                    }
                    while let digit = at(pointer), digit.isASCIIDigit {
                        let number = Int(digit &- 0x30)
                        if let piece = ipv4Piece {
                            if piece == 0 {
                                errors.append(.ipv4InIPv6InvalidCodePoint)
                                return nil
                            }
                            ipv4Piece = piece * 10 + number
                        } else {
                            ipv4Piece = number
                        }
                        if ipv4Piece! > 255 {
                            errors.append(.ipv4InIPv6OutOfRangePart)
                            return nil
                        }
                        pointer += 1
                    }
                    address[pieceIndex] = address[pieceIndex] &* 0x100 &+ UInt16(ipv4Piece!)
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
                }
                if numbersSeen != 4 {
                    errors.append(.ipv4InIPv6TooFewParts)
                    return nil
                }
                break
            } else if at(pointer) == ASCII.colon {
                pointer += 1
                if at(pointer) == nil {
                    errors.append(.ipv6InvalidCodePoint)
                    return nil
                }
            } else if at(pointer) != nil {
                errors.append(.ipv6InvalidCodePoint)
                return nil
            }
            address[pieceIndex] = value
            pieceIndex += 1
        }

        if let compress {
            var swaps = pieceIndex - compress
            pieceIndex = 7
            while pieceIndex != 0, swaps > 0 {
                address.swapAt(pieceIndex, compress + swaps - 1)
                pieceIndex -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            errors.append(.ipv6TooFewPieces)
            return nil
        }
        return address
    }

    /// IPv6 serializer, without the brackets: lower-case hex pieces, the
    /// first longest run of two or more zero pieces written as `::`.
    static func serialize(_ address: [UInt16]) -> String {
        let compress = compressedPieceIndex(address)
        var output = ""
        var ignoreZero = false
        for (index, piece) in address.enumerated() {
            if ignoreZero, piece == 0 { continue }
            ignoreZero = false
            if compress == index {
                output += index == 0 ? "::" : ":"
                ignoreZero = true
                continue
            }
            output += String(piece, radix: 16)
            if index != address.count - 1 { output += ":" }
        }
        return output
    }

    /// The start of the first longest run of zero pieces, if that run is
    /// longer than one piece.
    private static func compressedPieceIndex(_ address: [UInt16]) -> Int? {
        var longestIndex: Int? = nil
        var longestSize = 1
        var foundIndex: Int? = nil
        var foundSize = 0
        for (index, piece) in address.enumerated() {
            if piece != 0 {
                if foundSize > longestSize {
                    longestIndex = foundIndex
                    longestSize = foundSize
                }
                foundIndex = nil
                foundSize = 0
            } else {
                if foundIndex == nil { foundIndex = index }
                foundSize += 1
            }
        }
        return foundSize > longestSize ? foundIndex : longestIndex
    }
}
