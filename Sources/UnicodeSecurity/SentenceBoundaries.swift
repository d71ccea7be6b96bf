@_implementationOnly import CICU

/// Where sentences end, by ICU's sentence rules (UAX #29) for a language.
///
/// Used where text must be cut and the cut should fall between sentences; ICU knows the
/// punctuation of Kazakh and Russian and does not end a sentence at a decimal point.
package enum SentenceBoundaries {
    /// The UTF-16 offsets where a new sentence starts, after the whitespace that follows the end of
    /// the previous one; neither 0 nor the end of the text is included. Empty when ICU cannot run.
    package static func offsets(in text: String, language: String) -> [Int] {
        let units = Array(text.utf16)
        guard units.count > 1, units.count <= Int(Int32.max) else { return [] }
        var status = U_ZERO_ERROR
        return units.withUnsafeBufferPointer { buffer -> [Int] in
            guard let iterator = sg_ubrk_openSentences(language, buffer.baseAddress, Int32(buffer.count), &status),
                  sg_u_success(status)
            else { return [] }
            defer { sg_ubrk_close(iterator) }
            var out: [Int] = []
            var next = sg_ubrk_next(iterator)
            while next != sg_ubrk_done() {
                if Int(next) < units.count { out.append(Int(next)) }
                next = sg_ubrk_next(iterator)
            }
            return out
        }
    }
}
