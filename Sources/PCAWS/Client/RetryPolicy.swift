import Foundation

/// When and how long to wait before trying an AWS call again.
///
/// Throttling and refused connections are retried for every call: nothing
/// happened on the server, or it asked us to slow down. Server errors
/// (500/502/503/504) and other transport failures are retried only when the
/// call is safe to repeat, since the first attempt may have taken effect.
/// Waits use full jitter (a uniform random share of an exponentially growing
/// cap), which spreads out clients that failed together.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (the provider's `max_retries` + 1).
    public var maxAttempts: Int
    /// Seconds; the cap before attempt n is `baseDelay * 2^(n-1)`.
    public var baseDelay: Double
    public var maxDelay: Double
    /// Waits that many seconds; injectable so tests do not wait.
    public var sleep: @Sendable (Double) -> Void
    /// A uniform random number in 0..<1; injectable so tests are deterministic.
    public var random: @Sendable () -> Double

    public init(
        maxAttempts: Int = 5, baseDelay: Double = 0.25, maxDelay: Double = 20,
        sleep: @escaping @Sendable (Double) -> Void = { seconds in
            if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
        },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.sleep = sleep
        self.random = random
    }

    /// Full jitter: `random` (0...1) times `min(maxDelay, baseDelay * 2^(attempt-1))`.
    /// The first attempt never waits.
    public func delay(beforeAttempt attempt: Int, random: Double) -> Double {
        guard attempt > 1 else { return 0 }
        let cap = min(maxDelay, baseDelay * pow(2, Double(min(attempt - 1, 62))))
        return min(max(random, 0), 1) * cap
    }

    /// Whether a call that failed with `error` should be tried again (the
    /// attempt budget aside).
    public func shouldRetry(_ error: AWSError, idempotent: Bool) -> Bool {
        if error.isThrottling { return true }
        if let transport = error.transport {
            if !transport.requestMayHaveBeenSent || transport.kind == .couldNotConnect { return true }
            switch transport.kind {
            case .tls, .invalidRequest: return false
            case .couldNotConnect, .timedOut, .connectionLost, .other: return idempotent
            }
        }
        // An HTML 500 is an endpoint that lacks the operation (moto); asking
        // again only burns the budget.
        if error.code == "NotImplemented" { return false }
        if let status = error.httpStatus, RetryPolicy.transientStatuses.contains(status) { return idempotent }
        return idempotent && RetryPolicy.transientCodes.contains(error.code)
    }

    /// Describe*, List* and Get* calls only read, so repeating them is safe.
    public static func isIdempotent(operation: String) -> Bool {
        operation.hasPrefix("Describe") || operation.hasPrefix("List") || operation.hasPrefix("Get")
    }

    static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Codes botocore treats as transient, which some services send with a 4xx status.
    static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "ServiceUnavailable",
    ]
}
