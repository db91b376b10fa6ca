import Foundation
import Testing

/// The fault proxy: transparent for signed requests, and each fault in the
/// shape the client will meet against AWS.
@Suite(.serialized, .motoServer)
struct FaultProxyTests {
    let moto: MotoServer
    let proxy: FaultProxy

    // No reset between these tests: they observe the wire, not moto's
    // objects, and none depends on what another created.
    init() throws {
        moto = try MotoServer.forTest(reset: false)
        proxy = try FaultProxy(upstreamPort: moto.port, maxDelayMilliseconds: 2_000)
    }

    static let callerIdentity = "Action=GetCallerIdentity&Version=2011-06-15"

    /// A request the proxy can classify; its signature is never checked
    /// because the proxy answers (or moto refuses) it.
    func unsignedCall(service: String, target: String? = nil, body: String, method: String = "POST", path: String = "/") throws -> LoopbackHTTP.Response {
        var headers = [("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20250101/us-east-1/\(service)/aws4_request, SignedHeaders=host, Signature=00")]
        if let target {
            headers.append(("X-Amz-Target", target))
            headers.append(("Content-Type", "application/x-amz-json-1.1"))
        } else if method == "POST" && path == "/" {
            headers.append(("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"))
        }
        return try LoopbackHTTP.send(port: proxy.port, method: method, path: path, headers: headers, body: Array(body.utf8))
    }

    @Test func signedRequestsPassThroughUnchanged() throws {
        let reply = try SignedCall.send(port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity)
        #expect(reply.status == 200, "\(reply.text)")
        #expect(reply.text.contains("<Account>123456789012</Account>"))
        // Host is forwarded verbatim: a signed foreign Host still verifies.
        let foreign = try SignedCall.send(
            port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity, host: "sts.us-east-1.amazonaws.com")
        #expect(foreign.status == 200, "\(foreign.text)")
        // A body with every character moto re-encodes arrives byte for byte.
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#
        let body = MotoServer.formEncode([
            ("Action", "CreateRole"), ("Version", "2010-05-08"), ("RoleName", "proxy-probe"), ("Path", "/a b~c/"),
            ("AssumeRolePolicyDocument", policy),
        ])
        let created = try SignedCall.send(port: proxy.port, service: "iam", credentials: moto.credentials, body: body)
        #expect(created.status == 200, "\(created.text)")
        #expect(created.text.contains("<Path>/a b~c/</Path>"))
        let log = try proxy.log()
        #expect(log.map(\.operation) == ["GetCallerIdentity", "GetCallerIdentity", "CreateRole"])
        #expect(log.map(\.service) == ["sts", "sts", "iam"])
        #expect(log.allSatisfy { $0.action == "pass" && $0.status == 200 })
    }

    @Test func aBadSignatureIsStillRefusedBehindTheProxy() throws {
        let reply = try SignedCall.send(
            port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity,
            secretOverride: String(repeating: "x", count: 40))
        #expect(reply.status == 403)
        #expect(reply.text.contains("SignatureDoesNotMatch"))
    }

    struct ThrottleCase: Sendable, CustomTestStringConvertible {
        var service: String
        var target: String?
        var body: String
        var operation: String
        var status: Int
        var code: String
        var bodyMarker: String
        var errorTypeHeader: Bool
        var testDescription: String { service }
    }

    static let throttleCases: [ThrottleCase] = [
        ThrottleCase(service: "ec2", body: "Action=DescribeVpcs&Version=2016-11-15", operation: "DescribeVpcs", status: 503,
                     code: "RequestLimitExceeded", bodyMarker: "<Response><Errors><Error><Code>RequestLimitExceeded</Code>", errorTypeHeader: false),
        ThrottleCase(service: "iam", body: "Action=ListRoles&Version=2010-05-08", operation: "ListRoles", status: 400,
                     code: "Throttling", bodyMarker: "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>", errorTypeHeader: false),
        ThrottleCase(service: "ecs", target: "AmazonEC2ContainerServiceV20141113.ListClusters", body: "{}", operation: "ListClusters",
                     status: 400, code: "ThrottlingException", bodyMarker: #""__type": "ThrottlingException""#, errorTypeHeader: true),
        ThrottleCase(service: "elasticfilesystem", body: "", operation: "GET /2015-02-01/file-systems", status: 429,
                     code: "ThrottlingException", bodyMarker: #""__type": "ThrottlingException""#, errorTypeHeader: true),
    ]

    @Test(arguments: throttleCases)
    func throttlingHasEachProtocolsShape(_ example: ThrottleCase) throws {
        try proxy.load([FaultRule(service: example.service, operation: example.operation, .error(.throttling))])
        let isREST = example.operation.hasPrefix("GET ")
        let reply = try unsignedCall(
            service: example.service, target: example.target, body: example.body, method: isREST ? "GET" : "POST",
            path: isREST ? "/2015-02-01/file-systems" : "/")
        #expect(reply.status == example.status)
        #expect(reply.text.contains(example.bodyMarker), "\(reply.text)")
        #expect(reply.header("x-amzn-ErrorType") == (example.errorTypeHeader ? example.code : nil))
        #expect(reply.header("Content-Length") == String(reply.body.count))
        let log = try proxy.log()
        #expect(log.count == 1)
        #expect(log.first?.action == "error:\(example.code)")
        #expect(log.first?.operation == example.operation)
    }

    @Test func failsTheFirstKThenPasses() throws {
        try proxy.load([FaultRule(service: "sts", operation: "GetCallerIdentity", .error(.internalError), times: 2)])
        var statuses: [Int] = []
        for _ in 0..<3 {
            statuses.append(try SignedCall.send(port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity).status)
        }
        #expect(statuses == [500, 500, 200])
        let log = try proxy.log()
        #expect(log.map(\.attempt) == [1, 2, 3])
        #expect(log.map(\.action) == ["error:InternalError", "error:InternalError", "pass"])
        #expect(log.map(\.time) == log.map(\.time).sorted())
    }

    @Test func rulesMatchOnServiceOperationAndBody() throws {
        try proxy.load([
            FaultRule(service: "iam", operation: "*", .error(.custom(status: 400, code: "ValidationError", message: "no")), bodyContains: "RoleName=blocked"),
            FaultRule(service: "ec2", operation: "DescribeVpcs", .error(.unavailable)),
        ])
        #expect(try unsignedCall(service: "iam", body: "Action=GetRole&Version=2010-05-08&RoleName=blocked").text.contains("<Code>ValidationError</Code>"))
        #expect(try unsignedCall(service: "iam", body: "Action=GetRole&Version=2010-05-08&RoleName=free").status == 403)  // moto: unsigned
        #expect(try unsignedCall(service: "ec2", body: "Action=DescribeSubnets&Version=2016-11-15").status == 401)  // moto: AuthFailure
        #expect(try unsignedCall(service: "ec2", body: "Action=DescribeVpcs&Version=2016-11-15").status == 503)
        #expect(try proxy.log().map(\.action) == ["error:ValidationError", "pass", "pass", "error:ServiceUnavailable"])
    }

    @Test func delaysAreAppliedAndCapped() throws {
        try proxy.load([FaultRule(service: "sts", .delay(milliseconds: 400)), FaultRule(service: "iam", .delay(milliseconds: 60_000))])
        let start = Date()
        let reply = try SignedCall.send(port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity)
        let elapsed = Date().timeIntervalSince(start)
        #expect(reply.status == 200)
        #expect(elapsed >= 0.4)
        // 60 s asked, 2 s allowed by this proxy's cap.
        let capped = Date()
        _ = try unsignedCall(service: "iam", body: "Action=ListRoles&Version=2010-05-08")
        let cappedElapsed = Date().timeIntervalSince(capped)
        #expect(cappedElapsed >= 2 && cappedElapsed < 10)
        #expect(try proxy.log().map(\.action) == ["delay:400", "delay:2000"])
    }

    @Test func closeDropsTheConnectionWithoutAReply() throws {
        try proxy.load([FaultRule(service: "sts", .close, times: 1)])
        #expect(throws: HarnessError.self) {
            try SignedCall.send(port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity)
        }
        #expect(try SignedCall.send(port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity).status == 200)
        let log = try proxy.log()
        #expect(log.map(\.action) == ["close", "pass"])
        #expect(log.first?.status == nil)
    }

    @Test func randomFaultsAreReproducibleWithASeed() throws {
        func run() throws -> [String] {
            try proxy.reset()
            try proxy.load([FaultRule(service: "ecs", .error(.throttling), probability: 0.5, seed: 42)])
            for _ in 0..<16 {
                _ = try unsignedCall(service: "ecs", target: "AmazonEC2ContainerServiceV20141113.ListClusters", body: "{}")
            }
            return try proxy.log().map(\.action)
        }
        let first = try run()
        #expect(first == (try run()))
        #expect(first.contains("pass") && first.contains("error:ThrottlingException"))
    }

    @Test func resetForgetsRulesAndLog() throws {
        try proxy.load([FaultRule(.error(.throttling))])
        #expect(try unsignedCall(service: "sts", body: Self.callerIdentity).status == 400)
        try proxy.reset()
        #expect(try proxy.log().isEmpty)
        #expect(try SignedCall.send(port: proxy.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity).status == 200)
        #expect(try proxy.log().map(\.attempt) == [1])
    }

    @Test func badRulesAreRefused() throws {
        let badRules = [FaultRule(.error(.custom(status: 400, code: "X", message: "y")))].map { rule -> FaultRule in
            var copy = rule
            copy.operation = "*"
            return copy
        }
        try proxy.load(badRules)  // well-formed: accepted
        let reply = try LoopbackHTTP.send(
            port: proxy.controlPort, method: "POST", path: "/rules", body: Array(#"{"rules":[{"action":"explode"}]}"#.utf8))
        #expect(reply.status == 400)
        #expect(reply.text.contains("explode"))
    }

    @Test func theRequestCapStopsARunawayLoop() throws {
        let small = try FaultProxy(upstreamPort: moto.port, maxRequests: 3)
        defer { small.stop() }
        var statuses: [Int] = []
        for _ in 0..<5 {
            statuses.append(try SignedCall.send(port: small.port, service: "sts", credentials: moto.credentials, body: Self.callerIdentity).status)
        }
        #expect(statuses == [200, 200, 200, 503, 503])
    }

    @Test func stopKillsTheProxy() throws {
        let extra = try FaultProxy(upstreamPort: moto.port)
        let port = extra.controlPort
        extra.stop()
        #expect(throws: HarnessError.self) { try LoopbackHTTP.send(port: port, method: "GET", path: "/health", timeout: 2) }
    }
}
