/// The text a finished page shows, one piece per run of character data between tags: what a template
/// wrote and what it put in, together (`<title>{{title}} — {{siteTitle}}</title>`). Read by the page's
/// last look for numbers a reader's app acts on that neither part holds alone (a title ending in
/// `8 701 14` and a site name starting with `42 500`: one phone number to libphonenumber).
///
/// Comments and the contents of `<script>` and `<style>` show nothing and are passed; references are
/// decoded (``CharacterReferences``).
enum PageTexts {
    /// Each run of shown text holding a digit, with the element it is in.
    static func withDigits(in b: UnsafeBufferPointer<UInt8>) -> [(text: String, tag: String)] {
        var out: [(String, String)] = []
        var tag = ""
        var start = 0
        var hasDigit = false
        func flush(_ end: Int) {
            if hasDigit, end > start {
                let raw = Array(b[start..<end])
                let text = CharacterReferences.decoded(raw) ?? raw
                out.append((String(decoding: text, as: UTF8.self), tag))
            }
            hasDigit = false
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            guard c == 0x3C, i + 1 < b.count else {
                if c >= 0x30 && c <= 0x39 { hasDigit = true }
                i += 1
                continue
            }
            let next = b[i + 1]
            if next == 0x21 {
                // A comment (`<!-- … -->`) or a declaration (`<!doctype html>`).
                flush(i)
                if i + 3 < b.count, b[i + 2] == 0x2D, b[i + 3] == 0x2D {
                    i = end(of: [0x2D, 0x2D, 0x3E], in: b, from: i + 4)
                } else {
                    i = end(of: [0x3E], in: b, from: i + 2)
                }
                start = i
                continue
            }
            let isLetter = (0x41...0x5A).contains(next) || (0x61...0x7A).contains(next)
            guard isLetter || next == 0x2F else {
                // A `<` that opens no tag is text.
                i += 1
                continue
            }
            flush(i)
            var j = i + (next == 0x2F ? 2 : 1)
            let nameStart = j
            while j < b.count, b[j] != 0x20, b[j] != 0x09, b[j] != 0x0A, b[j] != 0x2F, b[j] != 0x3E { j += 1 }
            let name = String(decoding: b[nameStart..<j].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            // To the tag's end, past quoted values.
            var quote: UInt8 = 0
            while j < b.count {
                if quote != 0 {
                    if b[j] == quote { quote = 0 }
                } else if b[j] == 0x22 || b[j] == 0x27 {
                    quote = b[j]
                } else if b[j] == 0x3E {
                    break
                }
                j += 1
            }
            i = min(j + 1, b.count)
            if next != 0x2F, name == "script" || name == "style" {
                // Raw text up to its end tag shows nothing.
                i = end(of: [0x3E], in: b, from: RenderedLinks.endOfRawText(b, from: i, name: "</\(name)") ?? b.count)
            } else if next != 0x2F {
                tag = name
            }
            start = i
        }
        flush(b.count)
        return out
    }

    /// Where `needle` ends after `from` in `b`, or the end of `b`.
    private static func end(of needle: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var j = from
        while j + needle.count <= b.count {
            if b[j..<(j + needle.count)].elementsEqual(needle) { return j + needle.count }
            j += 1
        }
        return b.count
    }
}
