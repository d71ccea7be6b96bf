import SitegenContent
import SitegenCore
import SitegenPolicy

/// Renders the `official:` list of `sitegen.yml` in a page's language.
enum OfficialLinksBlock {
    /// The entries a block shows: all of them, or those with one of the tags.
    static func entries(_ all: [OfficialLinkEntry], tags: [String]) -> [OfficialLinkEntry] {
        indices(all, tags: tags).map { all[$0] }
    }

    /// Where in `official:` the entries a block shows are.
    static func indices(_ all: [OfficialLinkEntry], tags: [String]) -> [Int] {
        tags.isEmpty ? Array(all.indices) : all.indices.filter { !Set(all[$0].tags).isDisjoint(with: tags) }
    }

    /// The block's list: the entries at `indices` of `official:`, with their typeset texts.
    static func html(_ all: [OfficialLinkEntry], indices: [Int], texts: TypesetConfig, language: String) -> String {
        var out = "<ul class=\"official-links\">\n"
        for i in indices {
            let shown = texts.official(i, language: language)
            out += "<li><a href=\"\(HTMLText.escape(all[i].url.value))\">\(HTMLText.escape(shown.title))</a>"
            if let d = shown.description { out += "\u{A0}— " + HTMLText.escape(d) }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }
}

/// Renders the registry of known fakes: each name defanged, what it does, when it was reported.
enum KnownFakesBlock {
    static func html(_ fakes: [FakeEntry], texts: TypesetConfig, language: String, title: String, reportedLabel: String,
                     fakeMark: String = "") -> String {
        var out = "<aside class=\"alert alert-warning known-fakes\" role=\"note\">\n<p class=\"alert-title\">"
            + HTMLText.escape(title) + "</p>\n<ul>\n"
        for (i, f) in fakes.enumerated() {
            // Names as registered: a bot's display name (`EgovKzBot2.0`) is not always a handle.
            out += "<li>" + FakeNameDisplay.html(f.name.value, mark: fakeMark)
            if let segments = texts.fakeDescription(i, language: language) {
                out += "\u{A0}— " + segments.map { $0.isName ? FakeNameDisplay.html($0.text, mark: fakeMark) : HTMLText.escape($0.text) }.joined()
            }
            if let day = f.reported, let shown = LocalDates.display(day, language: language) {
                out += " <span class=\"reported\">(" + HTMLText.escape(reportedLabel) + " <time datetime=\"" + day + "\">"
                    + HTMLText.escape(shown) + "</time>)</span>"
            }
            out += "</li>\n"
        }
        return out + "</ul>\n</aside>\n"
    }
}
