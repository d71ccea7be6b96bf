import SitegenContent
import SitegenCore
import SitegenPolicy

/// Renders the `official:` list of `sitegen.yml` in a page's language.
enum OfficialLinksBlock {
    /// The entries a block shows: all of them, or those with one of the tags.
    static func entries(_ all: [OfficialLinkEntry], tags: [String]) -> [OfficialLinkEntry] {
        tags.isEmpty ? all : all.filter { !Set($0.tags).isDisjoint(with: tags) }
    }

    static func html(_ entries: [OfficialLinkEntry], language: String) -> String {
        var out = "<ul class=\"official-links\">\n"
        for e in entries {
            let title = Typography.apply(e.title.text(language) ?? e.url.value, language: language)
            out += "<li><a href=\"\(HTMLText.escape(e.url.value))\">\(HTMLText.escape(title))</a>"
            if let d = e.description.text(language) {
                out += " — " + HTMLText.escape(Typography.apply(d, language: language))
            }
            out += "</li>\n"
        }
        return out + "</ul>\n"
    }
}

/// Renders the registry of known fakes: each name defanged, what it does, when it was reported.
enum KnownFakesBlock {
    static func html(_ fakes: [FakeEntry], language: String, title: String, reportedLabel: String, fakeMark: String = "") -> String {
        var out = "<aside class=\"alert alert-warning known-fakes\" role=\"note\">\n<p class=\"alert-title\">"
            + HTMLText.escape(title) + "</p>\n<ul>\n"
        for f in fakes {
            // Names as registered: a bot's display name (`EgovKzBot2.0`) is not always a handle.
            out += "<li>" + FakeNameDisplay.html(f.name.value, mark: fakeMark)
            if let segments = f.descriptionSegments(language) {
                out += " — " + segments.map { $0.isName ? FakeNameDisplay.html($0.text, mark: fakeMark) : HTMLText.escape(Typography.apply($0.text, language: language)) }.joined()
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
