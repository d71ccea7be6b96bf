import SitegenContent
import SitegenCore
import SitegenPolicy

/// The verdict card of a fact-check page (front matter `claimReview`), first under the title: the verdict
/// in the page's language, the claim with the fakes it names, the official way instead, and the date. It
/// reads the same `ClaimReview` value as the page's ClaimReview JSON-LD, so the two never disagree.
enum VerdictCard {
    /// The card's HTML. `names` are byte ranges of known fakes in the claim, shown by ``FakeNameDisplay``
    /// (as written when no client links them, defanged otherwise); the rest is escaped text.
    static func html(_ review: ClaimReview, names: [Range<Int>], language: String, config: SiteConfig,
                     strings: Strings, texts: TypesetConfig) -> String {
        func t(_ key: String) -> String { HTMLText.escape(strings.text(key, language)) }
        var out = "<aside class=\"verdict\" role=\"note\" aria-labelledby=\"verdict\">\n"
        out += "<p><span class=\"verdict-label\" id=\"verdict\">\(t("verdict")):</span> <strong class=\"verdict-rating\">"
            + HTMLText.escape(review.rating) + "</strong></p>\n"
        // The claim's text typeset around the names it holds: a quote after a name closes.
        let claim = Typography.apply(segments: NameSegments.of(review.claim, names: names), language: language).map {
            $0.isName ? FakeNameDisplay.html($0.text, mark: strings.text("fakeMark", language)) : HTMLText.escape($0.text)
        }.joined()
        out += "<p><span class=\"verdict-label\">\(t("verdictClaim")):</span> \(claim)</p>\n"
        let official = OfficialLinksBlock.indices(config.official, tags: review.official)
        if !review.official.isEmpty, !official.isEmpty {
            let links = official.map { i in
                "<a href=\"\(HTMLText.escape(config.official[i].url.value))\">"
                    + HTMLText.escape(texts.official(i, language: language).title) + "</a>"
            }
            out += "<p><span class=\"verdict-label\">\(t("verdictOfficial")):</span> " + links.joined(separator: ", ") + "</p>\n"
        }
        if let date = review.date, let day = LocalDates.isoDay(date) {
            let shown = LocalDates.display(date, language: language) ?? day
            out += "<p><span class=\"verdict-label\">\(t("verdictChecked")):</span> <time datetime=\"\(day)\">"
                + HTMLText.escape(shown) + "</time></p>\n"
        }
        return out + "</aside>\n"
    }
}
