import Foundation

/// How an `HTTPClient` connects. Fixed for the client's lifetime.
public struct HTTPClientOptions: Sendable {
    /// Seconds to establish the connection (DNS, TCP, proxy tunnel, TLS). Default 10; 0 means no limit.
    public var connectTimeout: Double
    /// Seconds for the whole exchange, connecting included. Default 60; 0 means no limit.
    public var requestTimeout: Double
    /// Default: from the process environment (see `ProxySettings.fromEnvironment`).
    public var proxy: ProxySettings
    /// A PEM file of trusted CAs; nil: the system's CA bundle through OpenSSL.
    public var caBundlePath: String?
    /// Sent as `User-Agent` unless the request has its own; empty sends none. Default "pcplan".
    public var userAgent: String

    public init() {
        connectTimeout = 10
        requestTimeout = 60
        proxy = ProxySettings.fromEnvironment(ProcessInfo.processInfo.environment)
        caBundlePath = nil
        userAgent = "pcplan"
    }
}
