// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        // For the fuzz package (Fuzz/) only, which reaches the code through `@testable import`: nothing
        // of sitegen is public.
        .library(name: "SitegenKit", targets: [
            "SitegenCore", "SitegenMarkdown", "SitegenSearch", "SitegenContent", "SitegenPolicy", "SitegenKit",
        ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        // The preview server's sockets and epoll loop (FlyingSocks): small and dependency-free.
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
        // POSIX calls Swift cannot reach directly (an atomic swap of two folders, a folder's raw entries).
        .target(name: "CPosix"),
        // A WHATWG URL parser: how a browser reads an href.
        .target(name: "WHATWGURL"),
        // Values every stage shares: diagnostics and their messages, source text and positions, reading
        // files, digests, the parallel map, the terminal, host names. Of sitegen, only UnicodeSecurity is below it.
        .target(name: "SitegenCore", dependencies: ["CCrypto", "CPosix", "UnicodeSecurity"]),
        // Markdown through cmark-gfm: the parsed tree, its positions, and what it holds (links, alerts).
        .target(name: "SitegenMarkdown", dependencies: ["SitegenCore", "CCmarkGFM", "CCmarkConcurrency"]),
        // The site search: folding, stemming and the sharded index `search.js` reads.
        .target(name: "SitegenSearch", dependencies: ["SitegenCore", "CStemmer"]),
        // What a build reads: `sitegen.yml`, the pages with their front matter, the i18n strings.
        .target(
            name: "SitegenContent",
            dependencies: ["SitegenCore", "SitegenMarkdown", "WHATWGURL", .product(name: "Yams", package: "Yams")]),
        // The link policy: every address a reader may see, judged against the allow-list.
        .target(
            name: "SitegenPolicy",
            dependencies: ["SitegenCore", "SitegenMarkdown", "SitegenContent", "UnicodeSecurity", "WHATWGURL"]),
        // Rendering (guide blocks, pages, bulletins, parity) and the pipeline that runs every command.
        .target(
            name: "SitegenKit",
            dependencies: [
                "SitegenCore", "SitegenMarkdown", "SitegenSearch", "SitegenContent", "SitegenPolicy",
                "CPosix", "UnicodeSecurity", "WHATWGURL",
                .product(name: "Mustache", package: "swift-mustache"),
            ]),
        // `sitegen serve`: the preview server, its file watcher and live reload.
        .target(
            name: "SitegenServe",
            dependencies: [
                "SitegenCore", "SitegenContent", "SitegenKit",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            resources: [.embedInCode("Assets/live.js"), .embedInCode("Assets/live.css"),
                        .embedInCode("Assets/bulletins.js")]),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "CPosix", "SitegenCore", "SitegenMarkdown", "SitegenContent", "SitegenPolicy", "SitegenKit", "SitegenServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "UnicodeSecurityTests", dependencies: ["UnicodeSecurity"]),
        .testTarget(name: "WHATWGURLTests", dependencies: ["WHATWGURL"]),
        .testTarget(name: "SitegenKitTests", dependencies: [
            "SitegenKit", "SitegenCore", "SitegenMarkdown", "SitegenSearch", "SitegenContent", "SitegenPolicy",
            // A folder seen as another user sees it (``sg_set_file_user``).
            "CPosix",
            // The reference the compiled templates are compared with.
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "SitegenServeTests", dependencies: [
            "SitegenServe", "SitegenKit", "SitegenContent", "SitegenPolicy", "SitegenCore",
        ]),
    ]
)
