import PCAWS
import PCHTTP
import Testing

@Suite struct RetryPolicyTests {
    static func error(_ code: String, status: Int?) -> AWSError {
        AWSError(code: code, message: "", httpStatus: status, service: "s", operation: "o")
    }

    static func transport(_ kind: HTTPError.Kind, sent: Bool) -> AWSError {
        AWSError(HTTPError(kind: kind, message: "x", requestMayHaveBeenSent: sent), service: "s", operation: "o")
    }

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var error: AWSError
        var retriedWhenIdempotent: Bool
        var retriedOtherwise: Bool
        var description: String { name }
    }

    static let cases: [Case] = [
        // Throttling: every call.
        Case(name: "Throttling 400", error: error("Throttling", status: 400), retriedWhenIdempotent: true, retriedOtherwise: true),
        Case(name: "ThrottlingException", error: error("ThrottlingException", status: 400), retriedWhenIdempotent: true, retriedOtherwise: true),
        Case(name: "RequestLimitExceeded 503", error: error("RequestLimitExceeded", status: 503), retriedWhenIdempotent: true, retriedOtherwise: true),
        Case(name: "TooManyRequestsException", error: error("TooManyRequestsException", status: 400), retriedWhenIdempotent: true, retriedOtherwise: true),
        Case(name: "HTTP 429 without a code", error: error("HTTP429", status: 429), retriedWhenIdempotent: true, retriedOtherwise: true),
        Case(name: "EFS ThrottlingException 429", error: error("ThrottlingException", status: 429), retriedWhenIdempotent: true, retriedOtherwise: true),
        // Refused connections: nothing reached the server.
        Case(name: "couldNotConnect", error: transport(.couldNotConnect, sent: false), retriedWhenIdempotent: true, retriedOtherwise: true),
        Case(name: "nothing sent", error: transport(.other, sent: false), retriedWhenIdempotent: true, retriedOtherwise: true),
        // Server errors and other transport failures: only when safe to repeat.
        Case(name: "InternalError 500", error: error("InternalError", status: 500), retriedWhenIdempotent: true, retriedOtherwise: false),
        Case(name: "HTTP 502", error: error("HTTP502", status: 502), retriedWhenIdempotent: true, retriedOtherwise: false),
        Case(name: "ServiceUnavailable 503", error: error("ServiceUnavailable", status: 503), retriedWhenIdempotent: true, retriedOtherwise: false),
        Case(name: "HTTP 504", error: error("HTTP504", status: 504), retriedWhenIdempotent: true, retriedOtherwise: false),
        Case(name: "RequestTimeout 400", error: error("RequestTimeout", status: 400), retriedWhenIdempotent: true, retriedOtherwise: false),
        Case(name: "timedOut", error: transport(.timedOut, sent: true), retriedWhenIdempotent: true, retriedOtherwise: false),
        Case(name: "connectionLost", error: transport(.connectionLost, sent: true), retriedWhenIdempotent: true, retriedOtherwise: false),
        // Never.
        Case(name: "tls", error: transport(.tls, sent: true), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "invalidRequest", error: transport(.invalidRequest, sent: true), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "HTML 500 (not implemented)", error: error("NotImplemented", status: 500), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "ValidationError", error: error("ValidationError", status: 400), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "AccessDenied", error: error("AccessDenied", status: 403), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "SignatureDoesNotMatch", error: error("SignatureDoesNotMatch", status: 403), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "NoSuchEntity 404", error: error("NoSuchEntity", status: 404), retriedWhenIdempotent: false, retriedOtherwise: false),
        Case(name: "HTTP 501", error: error("HTTP501", status: 501), retriedWhenIdempotent: false, retriedOtherwise: false),
    ]

    @Test(arguments: cases)
    func classification(_ testCase: Case) {
        let policy = RetryPolicy()
        #expect(policy.shouldRetry(testCase.error, idempotent: true) == testCase.retriedWhenIdempotent)
        #expect(policy.shouldRetry(testCase.error, idempotent: false) == testCase.retriedOtherwise)
    }

    @Test(arguments: [
        ("DescribeVpcs", true), ("ListClusters", true), ("GetRole", true), ("CreateCluster", false),
        ("DeleteRole", false), ("UpdateService", false), ("PutParameter", false), ("RunInstances", false),
    ])
    func idempotentOperations(operation: String, idempotent: Bool) {
        #expect(RetryPolicy.isIdempotent(operation: operation) == idempotent)
    }

    @Test func fullJitterBounds() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.5, maxDelay: 5)
        #expect(policy.delay(beforeAttempt: 1, random: 0.9) == 0, "the first attempt never waits")
        // The cap doubles per attempt until maxDelay: 1, 2, 4, 5, 5 …
        let caps: [(Int, Double)] = [(2, 1), (3, 2), (4, 4), (5, 5), (6, 5), (40, 5), (10_000, 5)]
        for (attempt, cap) in caps {
            #expect(policy.delay(beforeAttempt: attempt, random: 0) == 0)
            #expect(policy.delay(beforeAttempt: attempt, random: 1) == cap, "attempt \(attempt)")
            #expect(policy.delay(beforeAttempt: attempt, random: 0.25) == cap * 0.25, "attempt \(attempt)")
        }
    }

    @Test func randomOutsideTheUnitIntervalIsClamped() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 10)
        #expect(policy.delay(beforeAttempt: 2, random: -3) == 0)
        #expect(policy.delay(beforeAttempt: 2, random: 7) == 2)
    }

    @Test func delaysStayWithinBoundsForASeededSequence() {
        var generator = SplitMix64(seed: 42)
        let policy = RetryPolicy(baseDelay: 0.25, maxDelay: 20)
        var sum = 0.0
        for attempt in 2...12 {
            for _ in 0..<200 {
                let random = Double(generator.next() >> 11) / Double(1 << 53)
                let delay = policy.delay(beforeAttempt: attempt, random: random)
                let cap = min(20, 0.25 * Double(1 << (attempt - 1)))
                #expect(delay >= 0 && delay <= cap)
                sum += delay / cap
            }
        }
        // Full jitter spreads uniformly: the mean share of the cap is near 0.5.
        let mean = sum / Double(11 * 200)
        #expect(abs(mean - 0.5) < 0.05)
    }

    @Test func attemptsAreAtLeastOne() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
        #expect(RetryPolicy(maxAttempts: 7).maxAttempts == 7)
    }
}

/// A small deterministic generator for reproducible "random" sequences.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
