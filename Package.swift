// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SitegenKit", targets: ["SitegenKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The preview server's HTTP layer: small and dependency-free, so a fresh CI build stays short.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // C libraries from Debian, reached through pkg-config.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]),
        .systemLibrary(
            name: "CPSL", pkgConfig: "libpsl",
            providers: [.apt(["libpsl-dev", "publicsuffix"])]),
        .systemLibrary(
            name: "CCrypto", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        // Snowball stemmers (search: Russian word endings).
        .systemLibrary(name: "CStemmer", providers: [.apt(["libstemmer-dev"])]),

        // ICU (UTS #46, UTS #39) and the public suffix list behind plain Swift functions.
        // It must not import Foundation: Foundation carries its own ICU headers.
        .target(name: "UnicodeSecurity", dependencies: ["CICU", "CPSL"]),
        // Makes cmark-gfm's process-wide table of inline characters safe for parallel parsing.
        .target(name: "CCmarkConcurrency", linkerSettings: [.linkedLibrary("dl")]),
        // POSIX calls Swift cannot reach directly (an atomic swap of two folders).
        .target(name: "CPosix"),
        // A WHATWG URL parser: how a browser reads an href.
        .target(name: "WHATWGURL"),
        .target(
            name: "SitegenKit",
            dependencies: [
                "CCmarkGFM", "CCmarkConcurrency", "CCrypto", "CPosix", "CStemmer", "UnicodeSecurity", "WHATWGURL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // `sitegen serve`: the preview server, its file watcher and live reload.
        .target(
            name: "SitegenServe",
            dependencies: [
                "SitegenKit",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            resources: [.embedInCode("Assets/live.js"), .embedInCode("Assets/live.css"),
                        .embedInCode("Assets/bulletins.js")]),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SitegenKit", "SitegenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "UnicodeSecurityTests", dependencies: ["UnicodeSecurity"]),
        .testTarget(name: "WHATWGURLTests", dependencies: ["WHATWGURL"]),
        .testTarget(name: "SitegenKitTests", dependencies: ["SitegenKit"]),
        .testTarget(name: "SitegenServeTests", dependencies: ["SitegenServe", "SitegenKit"]),
    ]
)
