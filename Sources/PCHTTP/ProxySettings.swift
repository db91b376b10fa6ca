/// Which proxy to use, decided once from an environment dictionary and handed to libcurl
/// explicitly, so libcurl never reads the process environment itself and tests are deterministic.
///
/// Variables read, in the order libcurl itself would (lowercase first):
/// - `https_proxy`, then `HTTPS_PROXY`: the proxy for `https://` URLs;
/// - `http_proxy` only: the proxy for `http://` URLs. Uppercase `HTTP_PROXY` is ignored, as libcurl
///   ignores it, because a CGI program receives a request's `Proxy:` header as `HTTP_PROXY`;
/// - `no_proxy`, then `NO_PROXY`: hosts that bypass the proxy, in libcurl's syntax (comma-separated
///   host names matching the host and its subdomains, IP addresses, CIDR ranges, `*` for all).
///
/// Empty values count as unset. `ALL_PROXY` is not read.
public struct ProxySettings: Sendable, Equatable {
    /// Proxy URL for `https://` requests (tunnelled with CONNECT), e.g. "http://proxy:3128".
    public var httpsProxy: String?
    /// Proxy URL for `http://` requests.
    public var httpProxy: String?
    /// libcurl's NO_PROXY list; matched by libcurl against each request's host.
    public var noProxy: String?

    public init(httpsProxy: String? = nil, httpProxy: String? = nil, noProxy: String? = nil) {
        self.httpsProxy = httpsProxy
        self.httpProxy = httpProxy
        self.noProxy = noProxy
    }

    /// No proxy at all.
    public static let none = ProxySettings()

    public static func fromEnvironment(_ environment: [String: String]) -> ProxySettings {
        func first(_ names: String...) -> String? {
            for name in names {
                if let value = environment[name]?.trimmingSpaces, !value.isEmpty { return value }
            }
            return nil
        }
        return ProxySettings(
            httpsProxy: first("https_proxy", "HTTPS_PROXY"),
            httpProxy: first("http_proxy"),
            noProxy: first("no_proxy", "NO_PROXY")
        )
    }

    /// The proxy for `url` by its scheme, before NO_PROXY is applied (libcurl applies that).
    public func proxy(for url: String) -> String? {
        let lowered = url.lowercased()
        if lowered.hasPrefix("https://") { return httpsProxy }
        if lowered.hasPrefix("http://") { return httpProxy }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}
