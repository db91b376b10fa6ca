/// A transport failure: no complete response arrived. HTTP error statuses are not errors here;
/// they come back as an `HTTPResponse`.
public struct HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// DNS, a refused connection, an unreachable proxy, a proxy refusing the tunnel.
        case couldNotConnect
        /// The connect timeout or the whole-request timeout passed.
        case timedOut
        /// The connection broke while sending or before the response was complete.
        case connectionLost
        /// The TLS handshake or the certificate check failed.
        case tls
        /// The request cannot be sent as given (bad URL, unsupported scheme, bad header or method).
        case invalidRequest
        case other
    }

    public var kind: Kind
    /// libcurl's words plus the host; never headers or bodies.
    public var message: String
    /// False only when nothing can have reached the server (DNS, refused connection): always safe to retry.
    public var requestMayHaveBeenSent: Bool

    public init(kind: Kind, message: String, requestMayHaveBeenSent: Bool) {
        self.kind = kind
        self.message = message
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
    }

    public var description: String { message }
}
