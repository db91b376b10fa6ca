// PCHTTP: the HTTP client pcplan's providers talk through, a thin owner of libcurl easy handles.
// It knows nothing about AWS: no signing, no retries, no logging.

/// A blocking HTTP/1.1 client over libcurl, safe to share between threads.
///
/// Each call borrows a curl easy handle from a pool and returns it afterwards. A handle keeps its
/// live connections, so consecutive calls (from any thread) reuse them, while concurrent calls get
/// handles of their own. Proxies, timeouts and TLS settings are set on every call from `options`;
/// libcurl never consults the process environment.
public final class HTTPClient: Sendable {
    public let options: HTTPClientOptions
    private let pool: CurlHandlePool

    public init(options: HTTPClientOptions = HTTPClientOptions()) {
        self.options = options
        pool = CurlHandlePool()
    }

    /// Blocking. Safe from many threads at once: curl easy handles are pooled, each used by one
    /// thread at a time, so connections are reused. No retries here (PCAWS decides those).
    ///
    /// Any status, 4xx and 5xx included, is a response; `HTTPError` means no complete response came.
    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        try request.validate()
        return try pool.withHandle { handle throws(HTTPError) in
            try handle.perform(request, options: options)
        }
    }
}
