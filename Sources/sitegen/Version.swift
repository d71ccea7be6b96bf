/// The version `sitegen --version` prints; the one place it is written.
enum SitegenVersion {
    static let current = "0.9.0"
}
