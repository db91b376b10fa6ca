/// A request as it goes on the wire. Signers (SigV4) sign exactly these headers, so the client
/// sends them unchanged and in this order, adding only what HTTP/1.1 needs and the caller left
/// out: `Host`, `Content-Length` and the configured `User-Agent`.
public struct HTTPRequest: Sendable {
    /// "GET", "POST", "PUT", "DELETE", "HEAD" (any other token is sent as a custom method).
    public var method: String
    /// Absolute, already percent-encoded: the client does not touch it.
    public var url: String
    /// Sent exactly in this order.
    public var headers: [HTTPHeader]
    /// Always sent with a `Content-Length` for POST and PUT (even when empty) and whenever non-empty.
    public var body: [UInt8]

    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of the header `name`, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
