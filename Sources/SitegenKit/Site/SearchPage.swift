/// The search page of each language (`/kk/search/`): where the search form leads. With JavaScript,
/// `search.js` reads the query from the address and shows results there; without it, the page lists
/// every guide of the language grouped by section, so pressing Enter never loses the reader.
enum SearchPage {
    /// The folder below a language that the build writes the search page into; no content page may
    /// be published there.
    package static let folder = "search"

    /// The site path of a language's search page.
    package static func url(language: String) -> String { "/\(language)/\(folder)/" }
}
