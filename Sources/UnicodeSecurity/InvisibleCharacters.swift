@_implementationOnly import CICU

/// Finds code points that render as nothing or that reorder text, which can
/// make a link's visible text differ from where it goes.
///
/// All functions are safe to call from any thread at the same time.
package enum InvisibleCharacters {
    /// The first invisible or bidi-control code point in `s`, with its
    /// offset counted in Unicode scalars (not `Character`s, not UTF-8 or
    /// UTF-16 units) from the start of `s`, zero-based; `nil` if there is none.
    ///
    /// Scalars are counted because an invisible character often joins the
    /// grapheme cluster before it (a ZERO WIDTH JOINER after "e" is part of
    /// the same `Character`), so a `Character` offset could not point at it.
    package static func firstInvisibleOrBidiControl(in s: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        for (offset, scalar) in s.unicodeScalars.enumerated() where isInvisibleOrBidiControl(scalar) {
            return (offset, scalar)
        }
        return nil
    }

    /// Like ``firstInvisibleOrBidiControl(in:)``, for prose: what every messenger writes inside an
    /// emoji is not reported — a variation selector that picks the emoji or text form of the
    /// character right before it (`⚠️` is U+26A0 U+FE0F, `☎️`, `✔️`), the selector of a keycap
    /// (`1️⃣`: a digit, U+FE0F, U+20E3), and a zero-width joiner between two emoji (`👨‍👩‍👧`). Anywhere
    /// else (after a letter, inside a name, doubled, at the start) they still are.
    package static func firstInvisibleOrBidiControlInProse(in s: String) -> (offset: Int, scalar: Unicode.Scalar)? {
        let scalars = Array(s.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() where isInvisibleOrBidiControl(scalar) {
            let previous = offset > 0 ? scalars[offset - 1] : nil
            let next = offset + 1 < scalars.count ? scalars[offset + 1] : nil
            if let p = previous, selectsPresentation(scalar, after: p) { continue }
            if scalar.value == 0xFE0F, let p = previous, "0123456789#*".unicodeScalars.contains(p), next?.value == 0x20E3 { continue }
            if scalar.value == 0x200D, let p = previous, let n = next, isPictographic(n),
               isPictographic(p) || (offset > 1 && p.value == 0xFE0F && isPictographic(scalars[offset - 2])) {
                continue
            }
            return (offset, scalar)
        }
        return nil
    }

    /// Emoji pictographs (Extended_Pictographic), which a zero-width joiner may join.
    static func isPictographic(_ u: Unicode.Scalar) -> Bool {
        !u.isASCII && sg_u_hasBinaryProperty(Int32(bitPattern: u.value), UCHAR_EXTENDED_PICTOGRAPHIC)
    }

    /// Whether `selector` is U+FE0E or U+FE0F right after a non-ASCII character with an emoji form
    /// (the Emoji property). ASCII digits, `#` and `*` have that property for keycaps (`1️⃣`), but a
    /// selector after a digit could hide inside a name (`EgovKzBot2\u{FE0F}.0`), so they are refused.
    static func selectsPresentation(_ selector: Unicode.Scalar, after base: Unicode.Scalar) -> Bool {
        guard selector.value == 0xFE0F || selector.value == 0xFE0E else { return false }
        if base.isASCII { return false }
        return sg_u_hasBinaryProperty(Int32(bitPattern: base.value), UCHAR_EMOJI)
    }

    /// Whether `scalar` is invisible or a bidi control: any code point with
    /// the Default_Ignorable_Code_Point or Bidi_Control property, any format
    /// character (general category Cf, such as U+FEFF or the Arabic number
    /// signs), plus U+180E MONGOLIAN VOWEL SEPARATOR, which lost both
    /// properties in Unicode 6.3 but still renders as nothing.
    ///
    /// This covers the zero-width characters U+200B–U+200D, U+2060, U+FEFF
    /// and U+00AD, the bidi controls U+061C, U+200E, U+200F, U+202A–U+202E
    /// and U+2066–U+2069, Hangul fillers, variation selectors and tag characters,
    /// and the controls and noncharacters of ``isControl(_:)``.
    package static func isInvisibleOrBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII has no other such character; skipping ICU keeps the common case cheap.
        if scalar.isASCII { return scalar.value == 0x0D || isControl(scalar) }
        if scalar.value == 0x180E || isRemovedBeforeSending(scalar) || isControl(scalar) { return true }
        let c = Int32(bitPattern: scalar.value)
        return sg_u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)
            || sg_u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL)
            || sg_u_charType(c) == Int8(U_FORMAT_CHAR.rawValue)
    }

    /// Control characters but the tab and the line feed (C0, DEL, C1: an escape `\u{1B}` colours a
    /// terminal, U+0085 breaks a line), and the noncharacters (U+FFFE, U+FDD0 …): none is text, they
    /// show as nothing or as a box, and XML has no place for most of them (a title with U+0001 made
    /// the Atom feed unreadable to every feed reader).
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        switch v {
        // NUL is no character of any text read here (Markdown's parser makes it U+FFFD, YAML's refuses
        // it) and stands for a tag where a template's text is read: not counted.
        case 0x00, 0x09, 0x0A, 0x0D: return false
        case 0x01...0x1F, 0x7F...0x9F, 0xFDD0...0xFDEF: return true
        default: return v & 0xFFFE == 0xFFFE
        }
    }

    /// Characters Telegram deletes from a message's text before it looks for links in it (TDLib's
    /// `fix_formatted_text`, on sending and on showing): the carriage return U+000D, the line and
    /// paragraph separators U+2028 and U+2029, and the combining marks U+030A, U+0333 and U+033F.
    /// Written between two halves of a name (`@Kenes1414Bot&#13;_support`, `evil.c\u{30A}om`), they
    /// hide the name from every check (a carriage return reads as a space) and rejoin it in the
    /// reader's app, so they count as invisible.
    package static func isRemovedBeforeSending(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0D, 0x2028, 0x2029, 0x030A, 0x0333, 0x033F: return true
        default: return false
        }
    }

    /// Whether `scalar` is one of the explicit bidi formatting characters
    /// (Bidi_Control): U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069.
    package static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        sg_u_hasBinaryProperty(Int32(bitPattern: scalar.value), UCHAR_BIDI_CONTROL)
    }
}
