import SitegenCore

/// What a content file's place may be called: its folders and file name (or slug) become the page's
/// address, which must read the same in every browser, messenger and web host.
package enum PageAddressRule {
    /// Why a page's address cannot be made from its place, or nil when it can. Letters outside ASCII,
    /// spaces and URL punctuation would be percent-encoded into addresses readers cannot read back,
    /// and shared in messages as broken links; the message suggests an ASCII name.
    package static func problem(contentPath: String, slug: String?) -> (id: String, arguments: [String: String])? {
        var segments = contentPath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last == "_index" {
            segments.removeLast()
        } else if slug != nil {
            // The slug replaces the file name; the front matter checks its characters.
            segments.removeLast()
        }
        for segment in segments where !isSafe(segment) {
            let suggestion = suggested(segment)
            let id = "content.filename" + (suggestion.isEmpty ? "" : ".suggested")
                + (slug == nil && segment == segments.last ? ".slug" : "")
            return (id, ["segment": segment, "suggestion": suggestion])
        }
        return nil
    }

    package static func isSafe(_ segment: String) -> Bool {
        !segment.isEmpty && !segment.hasPrefix(".") && segment.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x2E
        }
    }

    /// An ASCII name for a segment: Kazakh and Russian letters transliterated, the rest as hyphens.
    package static func suggested(_ segment: String) -> String {
        let ascii = Transliteration.ascii(segment).lowercased()
        var out = ""
        for c in ascii {
            if c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == ".") { out.append(c) } else if !out.hasSuffix("-") && !out.isEmpty { out.append("-") }
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return out
    }
}
