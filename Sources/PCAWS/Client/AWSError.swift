import PCHTTP

/// A failed AWS call: the service's error code and message, or a transport
/// failure (`code` "RequestError") when no reply came.
///
/// Branch on `code`, never on `httpStatus`: moto and AWS agree on codes but
/// not always on statuses (moto.md §5).
public struct AWSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service's code (`NoSuchEntity`, `ThrottlingException`), or one of
    /// pcplan's own: `RequestError` (no reply), `NotImplemented` (an HTML 500:
    /// the endpoint does not implement the operation), `InvalidResponse` (a
    /// success reply that could not be read), `HTTP<status>` (an error reply
    /// without a code), `InvalidEndpoint`, `WaitTimeout`.
    public var code: String
    public var message: String
    public var requestID: String?
    /// nil when no reply came.
    public var httpStatus: Int?
    /// The service's endpoint key (`ecs`).
    public var service: String
    /// The operation (`CreateCluster`), or what was awaited for `WaitTimeout`.
    public var operation: String
    /// The transport failure behind a `RequestError`.
    public var transport: HTTPError?

    public init(
        code: String, message: String, requestID: String? = nil, httpStatus: Int? = nil,
        service: String, operation: String, transport: HTTPError? = nil
    ) {
        self.code = code
        self.message = message
        self.requestID = requestID
        self.httpStatus = httpStatus
        self.service = service
        self.operation = operation
        self.transport = transport
    }

    /// A failure to reach the service at all.
    public init(_ failure: HTTPError, service: String, operation: String) {
        self.init(code: "RequestError", message: failure.message, service: service, operation: operation, transport: failure)
    }

    /// "ecs CreateCluster: ClientException: Cluster not found. (request id 1a2b…)"
    public var description: String {
        var text = service.isEmpty ? operation : "\(service) \(operation)"
        text += ": \(code)"
        if !message.isEmpty { text += ": \(message)" }
        if let requestID, !requestID.isEmpty { text += " (request id \(requestID))" }
        return text
    }

    /// True for the codes AWS uses when it asks callers to slow down.
    public var isThrottling: Bool {
        httpStatus == 429 || AWSError.throttlingCodes.contains(code)
    }

    /// Throttling codes from botocore's retry tables (`standard` mode).
    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "RequestLimitExceeded", "RequestThrottled", "SlowDown",
        "EC2ThrottledException", "BandwidthLimitExceeded", "PriorRequestNotComplete",
    ]
}
