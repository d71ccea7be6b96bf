/// The preview's own files (from `Assets/`, built into the program) and how a page gets them.
///
/// A page gets one `<script src>` before `</head>`: same-origin and external, so the published
/// site's Content-Security-Policy (`script-src 'self'`) holds in the preview too.
enum LiveAssets {
    /// The script tag, naming the version of the served files the page is from (see
    /// ``PreviewSession/contentVersion``): a tab that connects after a rebuild it missed reloads.
    static func scriptTag(version: Int) -> [UInt8] {
        Array("<script src=\"/_sitegen/live.js\" defer data-version=\"\(version)\"></script>".utf8)
    }

    /// A file under `/_sitegen/`, by name.
    static func file(_ name: String) -> [UInt8]? {
        switch name {
        case "live.js": return PackageResources.live_js
        case "live.css": return PackageResources.live_css
        case "bulletins.js": return PackageResources.bulletins_js
        default: return nil
        }
    }

    /// A page with the live-reload script added before `</head>` (at the end when it has none).
    static func withLiveScript(_ page: [UInt8], version: Int) -> [UInt8] {
        let scriptTag = Self.scriptTag(version: version)
        let marker = Array("</head>".utf8)
        var i = 0
        while i + marker.count <= page.count {
            if page[i] == marker[0] && page[i..<i + marker.count].elementsEqual(marker) {
                return Array(page[..<i]) + scriptTag + Array(page[i...])
            }
            i += 1
        }
        return page + scriptTag
    }

    /// What is served while no build has been published: the overlay says why.
    static let emptyPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>sitegen serve</title>
        <meta name="viewport" content="width=device-width, initial-scale=1"></head>
        <body><main><h1>sitegen serve</h1><p>No build has succeeded yet: the list below says what to fix.
        This page reloads when the site builds.</p></main></body></html>

        """
}
