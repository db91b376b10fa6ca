import Foundation
import PCAWS
import PCHTTP
import PCLang
import PCProvider
@testable import PCProviderAWS
import Testing

/// AWSClient's retries, observed from the wire: a fault proxy between the
/// client and moto injects errors and logs every attempt with its arrival
/// time.
@Suite(.serialized, .motoServer)
struct RetryThroughProxyTests {
    let moto: MotoServer
    let proxy: FaultProxy

    // No reset between these tests: they observe the wire, not moto's
    // objects, and none depends on what another created.
    init() throws {
        moto = try MotoServer.forTest(reset: false)
        proxy = try FaultProxy(upstreamPort: moto.port)
    }

    /// Jitter pinned to its maximum, so each wait is exactly the cap
    /// `base * 2^(attempt-1)` and the spacing can be asserted.
    func client(maxAttempts: Int = 5, baseDelay: Double = 0.2) -> AWSClient {
        ProviderFixture.client(
            moto, endpoint: proxy.endpoint,
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: baseDelay, maxDelay: 5, random: { 1 }))
    }

    @Test func twoThrottlesThenSuccessWithGrowingDelays() throws {
        try proxy.load([FaultRule(service: "sts", operation: "GetCallerIdentity", .error(.throttling), times: 2)])
        let reply = try client().query(.sts, "GetCallerIdentity")
        #expect(reply.string("GetCallerIdentityResult", "Account") == "123456789012")
        let log = try proxy.log()
        #expect(log.map(\.attempt) == [1, 2, 3])
        #expect(log.map(\.action) == ["error:Throttling", "error:Throttling", "pass"])
        #expect(log.map(\.status) == [400, 400, 200])
        let first = log[1].time - log[0].time, second = log[2].time - log[1].time
        #expect(first >= 0.4, "waited \(first) s before attempt 2; the policy says 0.4 s")
        #expect(second >= 0.8, "waited \(second) s before attempt 3; the policy says 0.8 s")
        #expect(second > first)
    }

    struct ThrottledCall: Sendable, CustomTestStringConvertible {
        var service: String
        var operation: String
        var testDescription: String { "\(service) \(operation)" }
    }

    @Test(arguments: [
        ThrottledCall(service: "ec2", operation: "DescribeVpcs"),  // 503 RequestLimitExceeded
        ThrottledCall(service: "ecs", operation: "ListClusters"),  // 400 ThrottlingException (JSON)
        ThrottledCall(service: "iam", operation: "CreateRole"),  // throttling is retried even when not idempotent
    ])
    func throttlingIsRetriedInEveryProtocol(_ call: ThrottledCall) throws {
        try proxy.load([FaultRule(service: call.service, operation: call.operation, .error(.throttling), times: 1)])
        let api = client(baseDelay: 0.01)
        switch call.service {
        case "ec2": _ = try api.query(.ec2, "DescribeVpcs")
        case "ecs": _ = try api.json(.ecs, "ListClusters")
        default:
            _ = try api.query(.iam, "CreateRole", [("RoleName", "retry-probe"), ("AssumeRolePolicyDocument", "{}")])
        }
        let log = try proxy.log()
        #expect(log.map(\.action).first?.hasPrefix("error:") == true)
        #expect(log.map(\.attempt) == [1, 2])
        #expect(log.last?.status == 200)
    }

    @Test func aNonRetryableErrorIsAttemptedOnce() throws {
        try proxy.load([FaultRule(
            service: "iam", operation: "ListRoles", .error(.custom(status: 400, code: "ValidationError", message: "bad request")))])
        let error = #expect(throws: AWSError.self) { try client(baseDelay: 0.01).query(.iam, "ListRoles") }
        #expect(error?.code == "ValidationError")
        #expect(try proxy.log().count == 1)
    }

    @Test func a500OnANonIdempotentCallIsNotRetried() throws {
        try proxy.load([FaultRule(service: "iam", operation: "CreateRole", .error(.internalError), times: 1)])
        let error = #expect(throws: AWSError.self) {
            try client(baseDelay: 0.01).query(.iam, "CreateRole", [("RoleName", "once"), ("AssumeRolePolicyDocument", "{}")])
        }
        #expect(error?.code == "InternalError")
        #expect(error?.httpStatus == 500)
        #expect(try proxy.log().count == 1)
    }

    @Test func a500OnADescribeCallIsRetried() throws {
        try proxy.load([FaultRule(service: "ec2", operation: "DescribeVpcs", .error(.internalError), times: 1)])
        let reply = try client(baseDelay: 0.01).query(.ec2, "DescribeVpcs")
        #expect(!reply.list("vpcSet").isEmpty)
        let log = try proxy.log()
        #expect(log.map(\.action) == ["error:InternalError", "pass"])
    }

    @Test func aDroppedConnectionOnADescribeCallIsRetried() throws {
        try proxy.load([FaultRule(service: "ec2", operation: "DescribeSubnets", .close, times: 1)])
        let reply = try client(baseDelay: 0.01).query(.ec2, "DescribeSubnets")
        #expect(reply.list("subnetSet").count == 6)
        #expect(try proxy.log().map(\.action) == ["close", "pass"])
    }

    @Test func aSlowReplyWithinTheTimeoutIsWaitedFor() throws {
        try proxy.load([FaultRule(service: "ec2", operation: "DescribeVpcs", .delay(milliseconds: 400), times: 1)])
        let started = Date()
        let reply = try client(baseDelay: 0.01).query(.ec2, "DescribeVpcs")
        #expect(Date().timeIntervalSince(started) >= 0.4)
        #expect(reply.list("vpcSet").count == 1)
        #expect(try proxy.log().map(\.attempt) == [1])
    }

    @Test func aReplySlowerThanTheTimeoutIsRetriedWhenSafe() throws {
        try proxy.load([FaultRule(service: "ec2", operation: "DescribeVpcs", .delay(milliseconds: 2000, afterForwarding: true), times: 1)])
        let slow = ProviderFixture.client(
            moto, endpoint: proxy.endpoint, retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 1), requestTimeout: 0.7)
        let started = Date()
        let reply = try slow.query(.ec2, "DescribeVpcs")
        #expect(reply.list("vpcSet").count == 1)
        // The first attempt was abandoned at the timeout, not waited out.
        #expect(Date().timeIntervalSince(started) < 1.9)
        let attempts = try proxy.log()
        #expect(attempts.count == 2)
        #expect(Set(attempts.map(\.action)) == ["delay:2000", "pass"])
    }

    @Test func aTimedOutCallThatMayHaveTakenEffectIsNotRepeated() throws {
        try proxy.load([FaultRule(service: "ec2", operation: "CreateSecurityGroup", .delay(milliseconds: 2000), times: 1)])
        let slow = ProviderFixture.client(
            moto, endpoint: proxy.endpoint, retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 1), requestTimeout: 0.7)
        let error = #expect(throws: AWSError.self) {
            try slow.query(.ec2, "CreateSecurityGroup", [("GroupName", "pc-slow"), ("GroupDescription", "slow")])
        }
        #expect(error?.transport?.kind == .timedOut, "\(String(describing: error))")
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try proxy.log().map(\.operation) == ["CreateSecurityGroup"])
    }

    @Test func theAttemptBudgetIsRespected() throws {
        try proxy.load([FaultRule(service: "ecs", operation: "ListClusters", .error(.throttling))])
        let error = #expect(throws: AWSError.self) { try client(maxAttempts: 3, baseDelay: 0.01).json(.ecs, "ListClusters") }
        #expect(error?.code == "ThrottlingException")
        #expect(error?.message.contains("after 3 attempts") == true, "\(error?.message ?? "")")
        #expect(try proxy.log().count == 3)
    }

    @Test func theProvidersMaxRetriesReachesTheWire() throws {
        try proxy.load([FaultRule(service: "sts", operation: "GetCallerIdentity", .error(.throttling))])
        let block = ProviderFixture.block(for: moto, endpoint: proxy.endpoint, ["max_retries": .number(1)])
        let error = #expect(throws: ProviderError.self) {
            try ProviderFixture.provider(retry: RetryPolicy(baseDelay: 0.01, maxDelay: 0.02)).configured(with: block)
        }
        #expect(error?.summary == "Could not check the AWS credentials")
        #expect(error?.detail.contains("Throttling") == true)
        #expect(try proxy.log().count == 2)
    }
}
