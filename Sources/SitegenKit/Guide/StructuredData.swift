import SitegenContent
import SitegenCore

/// schema.org markup as JSON-LD, for search engines and fact-check aggregators. Every string goes
/// through `JSONText.quote`, which also escapes `<`, so the JSON cannot end its `<script>` element.
enum StructuredData {
    /// A `HowTo` for a guide's steps.
    static func howTo(name: String, description: String?, steps: [(text: String, url: String)]) -> String {
        var fields = [
            "\"@context\":\"https://schema.org\"",
            "\"@type\":\"HowTo\"",
            "\"name\":\(JSONText.quote(name))",
        ]
        if let description { fields.append("\"description\":\(JSONText.quote(description))") }
        let items = steps.enumerated().map { i, step in
            "{\"@type\":\"HowToStep\",\"position\":\(i + 1),\"text\":\(JSONText.quote(step.text)),\"url\":\(JSONText.quote(step.url))}"
        }
        fields.append("\"step\":[" + items.joined(separator: ",") + "]")
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// A `ClaimReview` for a fact-check page; `claim` is the claim as shown (the fakes it names defanged).
    static func claimReview(_ review: ClaimReview, claim: String, url: String, publisherName: String, publisherURL: String,
                            language: String) -> String {
        var rating = ["\"@type\":\"Rating\"", "\"alternateName\":\(JSONText.quote(review.rating))"]
        if let value = review.ratingValue {
            rating += ["\"ratingValue\":\(value)", "\"bestRating\":5", "\"worstRating\":1"]
        }
        let publisher = "{\"@type\":\"Organization\",\"name\":\(JSONText.quote(publisherName)),\"url\":\(JSONText.quote(publisherURL))}"
        var fields = [
            "\"@context\":\"https://schema.org\"",
            "\"@type\":\"ClaimReview\"",
            "\"url\":\(JSONText.quote(url))",
            "\"inLanguage\":\(JSONText.quote(language))",
            "\"claimReviewed\":\(JSONText.quote(claim))",
            "\"reviewRating\":{" + rating.joined(separator: ",") + "}",
            "\"author\":" + publisher,
            "\"publisher\":" + publisher,
        ]
        if let date = review.date { fields.append("\"datePublished\":\(JSONText.quote(String(date.prefix(10))))") }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
