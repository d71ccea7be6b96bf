import SitegenContent

/// The HTTP headers the site must be served with, written by every build for the two kinds of host:
/// an nginx server snippet (`_host/nginx.conf`) and a `_headers` file (Netlify, Cloudflare Pages).
///
/// Pages load nothing from elsewhere and carry no inline script, style or handler, so a strict
/// Content-Security-Policy holds; the tests fail if a page stops meeting it.
package struct ServingRules: Sendable {
    /// The `_headers` file at the top of the site.
    package static let headersFile = "_headers"
    /// The folder of host configuration; never served (the nginx snippet refuses it).
    package static let hostFolder = "_host"
    /// The nginx snippet.
    static let nginxFile = hostFolder + "/nginx.conf"

    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    static let permissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
    /// Content-hashed stylesheets and scripts never change under their name.
    static let immutableCache = "public, max-age=31536000, immutable"
    /// Pages, feeds, search shards and bulletins are checked with the server on every use, so a
    /// correction reaches readers with the next request.
    static let revalidateCache = "no-cache"
    /// The favicon keeps its name: a day.
    static let faviconCache = "public, max-age=86400"

    var config: SiteConfig
    var assets: AssetNames

    init(config: SiteConfig, assets: AssetNames) {
        self.config = config
        self.assets = assets
    }

    /// The security headers of a local preview: those of the published site but HSTS, which a
    /// plain-http address must not send.
    package static let previewHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", permissionsPolicy),
    ]

    /// The security headers every response carries, in the order written.
    var securityHeaders: [(name: String, value: String)] {
        var headers = Self.previewHeaders
        // Only a site published over https can promise it; a plain-http preview must not.
        if config.address.isHTTPS {
            headers.append(("Strict-Transport-Security", "max-age=31536000"))
        }
        return headers
    }

    /// `_headers` for Netlify and Cloudflare Pages: security headers on every path, a year of caching
    /// for each hashed asset. (Both hosts revalidate pages by default; a `Cache-Control` on `/*` would
    /// be joined to the assets' own.)
    /// A path as a line of `_headers` holds it: what a URL's path may hold as it is (letters, digits,
    /// `/` and `-._~!$&'()*+,;=:@`), every other byte percent-encoded, so that no name (a space, a line
    /// break refused already, a `#`) can end the path or begin another rule.
    static func rulePath(_ path: String) -> String {
        let kept = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~!$&'()*+,;=:@".utf8)
        var out = ""
        for byte in path.utf8 {
            if kept.contains(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }

    package func headersFile() -> String {
        var out = "# Response headers for Netlify and Cloudflare Pages, written by sitegen build.\n"
        out += "# nginx: see _host/nginx.conf. GitHub Pages cannot set headers (see the README).\n"
        out += "/*\n"
        for h in securityHeaders { out += "  \(h.name): \(h.value)\n" }
        for path in assets.hashedPaths {
            out += "\(Self.rulePath(path))\n  Cache-Control: \(Self.immutableCache)\n"
        }
        out += "/favicon.ico\n  Cache-Control: \(Self.faviconCache)\n"
        return out
    }

    /// The nginx snippet, to include in the `server` block whose root is the deploy target's
    /// `current` release.
    func nginxSnippet() -> String {
        // nginx's catch-all name when the address has no host (a relative `baseURL`).
        let host = config.address.host ?? "_"
        var out = """
            # Serving rules for this site, written by sitegen build. Include them in the server block
            # whose root is the deploy target's current release:
            #
            #   server {
            #       listen 443 ssl;
            #       server_name \(host);
            #       root /var/www/guides/current;
            #       include /var/www/guides/current/_host/nginx.conf;
            #   }
            #
            # nginx reads this file when it starts or reloads; reload it when a deploy changes it.
            # An add_header inside a location replaces those of the server, so every location repeats them.

            index index.html;
            charset utf-8;
            charset_types text/css application/javascript application/json application/atom+xml application/xml text/plain;
            server_tokens off;
            error_page 404 /404.html;

            # Host configuration and hidden files are not part of the site.
            location ^~ /\(Self.hostFolder)/ { return 404; }
            location = /\(Self.headersFile) { return 404; }
            location ~ "(^|/)\\." { return 404; }

            # Stylesheets and scripts are named by their content: a year, never revalidated.
            location ~ "\\.[0-9a-f]{\(AssetNames.digestLength)}\\.(css|js)$" {
            \(headerLines(cache: Self.immutableCache))
            }

            location = /favicon.ico {
            \(headerLines(cache: Self.faviconCache))
            }

            # Pages and everything else: revalidated on every use, so a correction is seen at once.
            location / {
                try_files $uri $uri/ =404;
            \(headerLines(cache: Self.revalidateCache))
            }

            """
        for lang in config.languages {
            out += """
                location /\(lang)/ {
                    error_page 404 /\(lang)/404.html;
                    try_files $uri $uri/ =404;
                \(headerLines(cache: Self.revalidateCache))
                }

                """
        }
        return out
    }

    private func headerLines(cache: String) -> String {
        (securityHeaders + [("Cache-Control", cache)])
            .map { "    add_header \($0.name) \"\($0.value)\" always;" }
            .joined(separator: "\n")
    }
}
