import Foundation
import PCHTTP
import PCLang

/// Calls AWS operations: builds the request for the service's protocol,
/// signs it, sends it, reads the reply or the error, and retries what is
/// safe to retry.
///
/// Immutable and safe to share between threads; each call blocks its
/// caller. The same code path serves AWS and a local endpoint such as moto:
/// only the endpoint differs.
public final class AWSClient: Sendable {
    /// Sends one request; `HTTPClient.send` outside of tests.
    typealias Transport = @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse

    public let region: String
    public let credentials: AWSCredentials
    public let retryPolicy: RetryPolicy
    /// The provider's `endpoints` block, keyed by `AWSService.endpointKey`.
    let endpointOverrides: [String: String]
    /// The process environment, for `AWS_ENDPOINT_URL(_<SERVICE>)`.
    let environment: [String: String]
    private let transport: Transport
    private let log: AWSDebugLog?
    private let now: @Sendable () -> Date
    /// Who the credentials belong to, once STS has said.
    let identity = CallerIdentityCache()

    /// A client for the resolved provider configuration. Without `retry`,
    /// calls get `configuration.maxAttempts` attempts with the default backoff.
    public convenience init(
        configuration: ResolvedAWSConfiguration, http: HTTPClient, retry: RetryPolicy? = nil, log: AWSDebugLog? = nil
    ) {
        self.init(
            credentials: configuration.credentials, region: configuration.region,
            endpointOverrides: configuration.endpointOverrides, environment: configuration.environment.variables,
            http: http, retry: retry ?? RetryPolicy(maxAttempts: configuration.maxAttempts), log: log)
    }

    /// A client from plain values, for callers that resolved the
    /// configuration some other way.
    public convenience init(
        credentials: AWSCredentials, region: String, endpointOverrides: [String: String] = [:],
        environment: [String: String] = [:], http: HTTPClient, retry: RetryPolicy = RetryPolicy(), log: AWSDebugLog? = nil
    ) {
        self.init(
            credentials: credentials, region: region, endpointOverrides: endpointOverrides, environment: environment,
            retry: retry, log: log, now: { Date() }, transport: { request throws(HTTPError) in try http.send(request) })
    }

    init(
        credentials: AWSCredentials, region: String, endpointOverrides: [String: String], environment: [String: String],
        retry: RetryPolicy, log: AWSDebugLog?, now: @escaping @Sendable () -> Date, transport: @escaping Transport
    ) {
        self.credentials = credentials
        self.region = region
        self.endpointOverrides = endpointOverrides
        self.environment = environment
        self.retryPolicy = retry
        self.log = log
        self.now = now
        self.transport = transport
    }

    /// Where `service`'s requests go and which region they are signed for.
    public func endpoint(for service: AWSService) throws(AWSError) -> AWSEndpoint {
        try AWSEndpointResolver.resolve(service, region: region, overrides: endpointOverrides, environment: environment)
    }

    // MARK: Protocols

    /// Query and EC2 protocols; `parameters` in order (Action and Version are added). Returns the reply's root element.
    public func query(
        _ service: AWSService, _ action: String, _ parameters: [(String, String)] = [], idempotent: Bool? = nil
    ) throws(AWSError) -> XMLValue {
        try expect(service, speaks: [.query, .ec2], operation: action)
        let endpoint = try endpoint(for: service)
        let response = try perform(service, action, endpoint: endpoint, idempotent: idempotent, signPayloadHash: false) {
            () throws(AWSError) in
            AWSRequestBuilder.query(service, endpoint: endpoint.url, action: action, parameters: parameters)
        }
        return try AWSResponseDecoder.xml(response, service: service.endpointKey, operation: action)
    }

    /// JSON 1.1 (ECS, SSM, Secrets Manager). `body` is a JSON object; the reply is decoded JSON (an empty object when empty).
    public func json(
        _ service: AWSService, _ operation: String, _ body: Value = .object([:]), idempotent: Bool? = nil
    ) throws(AWSError) -> Value {
        try expect(service, speaks: [.json], operation: operation)
        let endpoint = try endpoint(for: service)
        let response = try perform(service, operation, endpoint: endpoint, idempotent: idempotent, signPayloadHash: false) {
            () throws(AWSError) in
            try AWSRequestBuilder.json(service, endpoint: endpoint.url, operation: operation, body: body)
        }
        return try AWSResponseDecoder.json(response, service: service.endpointKey, operation: operation)
    }

    /// REST-JSON (EFS): `path` already percent-encoded, `query` in order.
    /// Requests without a body are signed with their payload hash (moto.md §4).
    public func rest(
        _ service: AWSService, _ operation: String, method: String, path: String, query: [(String, String)] = [],
        body: Value? = nil, idempotent: Bool? = nil
    ) throws(AWSError) -> Value {
        try expect(service, speaks: [.restJSON], operation: operation)
        let endpoint = try endpoint(for: service)
        let response = try perform(
            service, operation, endpoint: endpoint, idempotent: idempotent ?? (method == "GET" ? true : nil),
            signPayloadHash: body == nil
        ) { () throws(AWSError) in
            try AWSRequestBuilder.rest(
                service, endpoint: endpoint.url, operation: operation, method: method, path: path, query: query, body: body)
        }
        return try AWSResponseDecoder.json(response, service: service.endpointKey, operation: operation)
    }

    /// REST-XML (S3): sends `request` as the caller built it, since S3 puts
    /// the bucket in the host or the path; `endpoint` gives the signing
    /// region and the wording of transport failures. Every request is
    /// signed with its payload hash, which S3 requires. Returns 2xx replies
    /// and replies whose status is in `passing` (a bodiless HEAD 404 or a 301
    /// whose meaning is in its headers), which the caller reads itself. With
    /// `opaqueBody` the debug log shows the request body and a 2xx reply's
    /// body by size and SHA-256 only: objects can hold secrets.
    public func restXML(
        _ service: AWSService, _ operation: String, endpoint: AWSEndpoint, request: HTTPRequest,
        passing: Set<Int> = [], idempotent: Bool? = nil, opaqueBody: Bool = false
    ) throws(AWSError) -> HTTPResponse {
        try expect(service, speaks: [.restXML], operation: operation)
        return try perform(
            service, operation, endpoint: endpoint,
            idempotent: idempotent ?? (request.method == "GET" || request.method == "HEAD" ? true : nil),
            signPayloadHash: true, passing: passing, opaqueBody: opaqueBody
        ) { () throws(AWSError) in request }
    }

    // MARK: The exchange

    /// Sends the request built by `build` until it succeeds (2xx), fails
    /// for good, or the attempts run out; each attempt is signed afresh.
    private func perform(
        _ service: AWSService, _ operation: String, endpoint: AWSEndpoint, idempotent: Bool?, signPayloadHash: Bool,
        passing: Set<Int> = [], opaqueBody: Bool = false, build: () throws(AWSError) -> HTTPRequest
    ) throws(AWSError) -> HTTPResponse {
        let unsigned = try build()
        let safeToRepeat = idempotent ?? RetryPolicy.isIdempotent(operation: operation)
        let maxAttempts = retryPolicy.maxAttempts
        var attempt = 1
        while true {
            var request = unsigned
            SigV4.sign(
                &request, credentials: credentials, region: endpoint.signingRegion, service: service.signingName,
                date: now(), signPayloadHash: signPayloadHash)
            log?(AWSDebugLogEntry.request(
                request, service: service.endpointKey, operation: operation, attempt: attempt, maxAttempts: maxAttempts,
                opaqueBody: opaqueBody))

            let started = Date()
            let failure: AWSError
            do {
                let response = try transport(request)
                let succeeded = (200..<300).contains(response.status)
                log?(AWSDebugLogEntry.response(
                    response, service: service.endpointKey, operation: operation, attempt: attempt,
                    maxAttempts: maxAttempts, seconds: Date().timeIntervalSince(started), opaqueBody: opaqueBody && succeeded))
                if succeeded || passing.contains(response.status) { return response }
                failure = AWSErrorParser.parse(response, service: service.endpointKey, operation: operation)
            } catch {
                log?(AWSDebugLogEntry.failure(
                    error, service: service.endpointKey, operation: operation, attempt: attempt,
                    maxAttempts: maxAttempts, seconds: Date().timeIntervalSince(started)))
                failure = AWSError(error, service: service.endpointKey, operation: operation)
            }

            guard attempt < maxAttempts, retryPolicy.shouldRetry(failure, idempotent: safeToRepeat) else {
                throw explained(failure, endpoint: endpoint, attempts: attempt)
            }
            attempt += 1
            let delay = retryPolicy.delay(beforeAttempt: attempt, random: retryPolicy.random())
            log?(AWSDebugLogEntry.retry(failure, attempt: attempt, maxAttempts: maxAttempts, delay: delay))
            retryPolicy.sleep(delay)
        }
    }

    /// Adds what the user needs to act on a failure the service's own
    /// message does not explain.
    private func explained(_ error: AWSError, endpoint: AWSEndpoint, attempts: Int) -> AWSError {
        var error = error
        let tries = attempts > 1 ? " (after \(attempts) attempts)" : ""
        if error.code == "RequestError" {
            error.message = "could not reach \(endpoint.url) (from \(endpoint.source))\(tries): \(error.message)"
        } else if error.code == "NotImplemented" {
            error.message += " (endpoint \(endpoint.url) from \(endpoint.source))"
        } else if !tries.isEmpty {
            error.message += tries
        }
        if ["InvalidClientTokenId", "SignatureDoesNotMatch", "AuthFailure", "UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredToken", "ExpiredTokenException"].contains(error.code) {
            error.message += " (credentials from \(credentials.source), access key \(credentials.accessKeyID))"
        }
        return error
    }

    private func expect(_ service: AWSService, speaks protocols: [AWSService.WireProtocol], operation: String) throws(AWSError) {
        guard protocols.contains(service.wireProtocol) else {
            throw AWSError(
                code: "InvalidRequest",
                message: "\(service.endpointKey) speaks the \(service.wireProtocol.rawValue) protocol, not "
                    + protocols.map(\.rawValue).joined(separator: "/") + "; this is a bug in the provider",
                service: service.endpointKey, operation: operation)
        }
    }
}
