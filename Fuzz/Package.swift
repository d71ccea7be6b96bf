// swift-tools-version:6.0
// libFuzzer targets for sitegen, kept out of the main package: they link only with
// `-sanitize=fuzzer` (libFuzzer supplies `main`). Build and run them with `make fuzz`.
import PackageDescription

let package = Package(
    name: "sitegen-fuzz",
    dependencies: [.package(name: "sitegen", path: "..")],
    targets: [
        // A copy of the repository's site (config, templates, strings) that both targets judge against.
        .target(name: "FuzzSupport", dependencies: [.product(name: "SitegenKit", package: "sitegen")]),
        // Front matter + Markdown → check → HTML and every bulletin.
        .executableTarget(name: "FuzzPage", dependencies: ["FuzzSupport", .product(name: "SitegenKit", package: "sitegen")]),
        // The URL, handle and text-token policy.
        .executableTarget(name: "FuzzPolicy", dependencies: ["FuzzSupport", .product(name: "SitegenKit", package: "sitegen")]),
    ]
)
