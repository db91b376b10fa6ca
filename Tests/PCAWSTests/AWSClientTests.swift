import Foundation
import PCHTTP
import PCLang
import Testing

@testable import PCAWS

/// The client's glue (build → sign → send → parse → retry) against a
/// scripted transport; moto exercises the same path in PCProviderAWSTests.
@Suite struct AWSClientTests {
    /// Records requests and answers from a script.
    /// @unchecked Sendable: every field is read and written under `lock`.
    final class ScriptedTransport: @unchecked Sendable {
        private let lock = NSLock()
        private var script: [Result<HTTPResponse, HTTPError>]
        private var recorded: [HTTPRequest] = []

        init(_ script: [Result<HTTPResponse, HTTPError>]) {
            self.script = script
        }

        var requests: [HTTPRequest] { lock.withLock { recorded } }

        func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
            let next: Result<HTTPResponse, HTTPError> = lock.withLock {
                recorded.append(request)
                return script.isEmpty ? .success(HTTPResponse(status: 599)) : script.removeFirst()
            }
            return try next.get()
        }
    }

    /// Collects log entries and sleeps. @unchecked Sendable: guarded by `lock`.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var storedEntries: [String] = []
        private var storedSleeps: [Double] = []
        var entries: [String] { lock.withLock { storedEntries } }
        var sleeps: [Double] { lock.withLock { storedSleeps } }
        func log(_ entry: String) { lock.withLock { storedEntries.append(entry) } }
        func sleep(_ seconds: Double) { lock.withLock { storedSleeps.append(seconds) } }
    }

    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/+=="
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: token, source: "the environment (AWS_ACCESS_KEY_ID)")
    static let date = Date(timeIntervalSince1970: 1_795_456_000)  // 2026-11-23T17:46:40Z

    static func client(
        _ transport: ScriptedTransport, recorder: Recorder = Recorder(), region: String = "us-east-1",
        environment: [String: String] = ["AWS_ENDPOINT_URL": "http://127.0.0.1:5000"], maxAttempts: Int = 3
    ) -> AWSClient {
        AWSClient(
            credentials: credentials, region: region, endpointOverrides: [:], environment: environment,
            retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 1, maxDelay: 10, sleep: recorder.sleep, random: { 0.5 }),
            log: recorder.log, now: { date }, transport: transport.send)
    }

    static func header(_ name: String, _ request: HTTPRequest?) -> String? {
        request?.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    static func ok(_ fixture: String, status: Int = 200) throws -> Result<HTTPResponse, HTTPError> {
        .success(try ResponseFixtures.response(fixture, status: status))
    }

    // MARK: Protocols

    @Test func querySignsForTheServiceAndReturnsTheRoot() throws {
        let transport = ScriptedTransport([try Self.ok("moto-ec2-describe-vpcs.xml")])
        let client = Self.client(transport, region: "eu-west-1")
        let reply = try client.query(.ec2, "DescribeVpcs", [("Filter.1.Name", "isDefault"), ("Filter.1.Value.1", "true")])
        #expect(reply.list("vpcSet").first?.string("vpcId") == "vpc-2af135bc3fccd1c2a")

        let request = try #require(transport.requests.first)
        #expect(request.url == "http://127.0.0.1:5000/")
        #expect(String(decoding: request.body, as: UTF8.self)
            == "Action=DescribeVpcs&Version=2016-11-15&Filter.1.Name=isDefault&Filter.1.Value.1=true")
        #expect(Self.header("Host", request) == "127.0.0.1:5000")
        #expect(Self.header("X-Amz-Date", request) == "20261123T174640Z")
        #expect(Self.header("X-Amz-Security-Token", request) == Self.token)
        #expect(Self.header("Authorization", request)?.hasPrefix(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261123/eu-west-1/ec2/aws4_request, ") == true)
        #expect(Self.header("X-Amz-Content-Sha256", request) == nil)
    }

    @Test func iamIsSignedForUsEast1() throws {
        let transport = ScriptedTransport([try Self.ok("moto-iam-get-role.xml")])
        let role = try Self.client(transport, region: "ap-southeast-2").query(.iam, "GetRole", [("RoleName", "ecsInstanceRole")])
        #expect(role.string("GetRoleResult", "Role", "RoleName") == "ecsInstanceRole")
        #expect(Self.header("Authorization", transport.requests.first)?.contains("/20261123/us-east-1/iam/aws4_request") == true)
    }

    @Test func elbIsSignedAsElasticLoadBalancing() throws {
        let transport = ScriptedTransport([try Self.ok("moto-elb-describe-load-balancers.xml")])
        _ = try Self.client(transport).query(.elb, "DescribeLoadBalancers")
        #expect(Self.header("Authorization", transport.requests.first)?.contains("/us-east-1/elasticloadbalancing/aws4_request") == true)
    }

    @Test func jsonSendsTheTargetAndDecodesTheReply() throws {
        let transport = ScriptedTransport([try Self.ok("moto-ecs-create-cluster.json")])
        let reply = try Self.client(transport).json(.ecs, "CreateCluster", .object(["clusterName": .string("pc-ecs-cluster")]))
        #expect(reply.attributes?["cluster"]?.attributes?["clusterName"]?.stringValue == "pc-ecs-cluster")
        let request = try #require(transport.requests.first)
        #expect(Self.header("X-Amz-Target", request) == "AmazonEC2ContainerServiceV20141113.CreateCluster")
        #expect(Self.header("Content-Type", request) == "application/x-amz-json-1.1")
        #expect(Self.header("Authorization", request)?.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,") == true)
    }

    @Test func restWithoutBodySignsThePayloadHash() throws {
        let transport = ScriptedTransport([.success(HTTPResponse(status: 200, body: Array(#"{"MountTargets":[]}"#.utf8)))])
        let reply = try Self.client(transport).rest(
            .efs, "DescribeMountTargets", method: "GET", path: "/2015-02-01/mount-targets", query: [("FileSystemId", "fs-1")])
        #expect(reply.attributes?["MountTargets"] == .tuple([]))
        let request = try #require(transport.requests.first)
        #expect(request.url == "http://127.0.0.1:5000/2015-02-01/mount-targets?FileSystemId=fs-1")
        #expect(Self.header("X-Amz-Content-Sha256", request) == SigV4.emptyPayloadHash)
        #expect(Self.header("Authorization", request)?.contains("x-amz-content-sha256") == true)
        #expect(Self.header("Authorization", request)?.contains("/elasticfilesystem/aws4_request") == true)
    }

    @Test func restDeleteWithEmptyReply() throws {
        let transport = ScriptedTransport([.success(HTTPResponse(status: 204))])
        let reply = try Self.client(transport).rest(.efs, "DeleteFileSystem", method: "DELETE", path: "/2015-02-01/file-systems/fs-1")
        #expect(reply == .object([:]))
        #expect(transport.requests.first?.method == "DELETE")
    }

    @Test func wrongProtocolIsRefusedBeforeSending() {
        let transport = ScriptedTransport([])
        #expect(throws: AWSError.self) { _ = try Self.client(transport).json(.ec2, "DescribeVpcs") }
        #expect(transport.requests.isEmpty)
    }

    @Test func invalidEndpointIsRefusedBeforeSending() {
        let transport = ScriptedTransport([])
        #expect {
            _ = try Self.client(transport, environment: ["AWS_ENDPOINT_URL": "localhost:5000"]).query(.sts, "GetCallerIdentity")
        } throws: { error in
            (error as? AWSError)?.code == "InvalidEndpoint"
        }
        #expect(transport.requests.isEmpty)
    }

    // MARK: Errors and retries

    @Test func throttlingIsRetriedAfterAJitteredDelayAndSignedAfresh() throws {
        let throttled = try ResponseFixtures.response("aws-ecs-error-throttling.json", status: 400)
        let transport = ScriptedTransport([.success(throttled), try Self.ok("moto-ecs-create-cluster.json")])
        let recorder = Recorder()
        _ = try Self.client(transport, recorder: recorder).json(.ecs, "CreateCluster", .object(["clusterName": .string("x")]))
        #expect(transport.requests.count == 2)
        // Before attempt 2 the cap is baseDelay * 2 = 2 s; random 0.5 → 1 s.
        #expect(recorder.sleeps == [1])
        #expect(recorder.entries.contains("AWS retry: ecs CreateCluster: ThrottlingException; attempt 2 of 3 in 1.000 s"))
    }

    @Test func serverErrorsAreRetriedOnlyWhenSafe() throws {
        let error500 = HTTPResponse(status: 500, body: Array(#"{"__type":"InternalFailure","message":"boom"}"#.utf8))
        let create = ScriptedTransport([.success(error500), .success(error500)])
        #expect {
            _ = try Self.client(create).json(.ecs, "CreateCluster")
        } throws: { error in
            (error as? AWSError)?.code == "InternalFailure"
        }
        #expect(create.requests.count == 1)

        let describe = ScriptedTransport(Array(repeating: .success(error500), count: 5))
        let recorder = Recorder()
        #expect {
            _ = try Self.client(describe, recorder: recorder).json(.ecs, "DescribeClusters")
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "InternalFailure" && error.message == "boom (after 3 attempts)" && error.httpStatus == 500
        }
        #expect(describe.requests.count == 3)
        #expect(recorder.sleeps == [1, 2])

        let explicit = ScriptedTransport([.success(error500), try Self.ok("moto-ecs-create-cluster.json")])
        _ = try Self.client(explicit).json(.ecs, "CreateCluster", idempotent: true)
        #expect(explicit.requests.count == 2)
    }

    @Test func refusedConnectionsAreRetriedForEveryCall() throws {
        let refused = HTTPError(kind: .couldNotConnect, message: "Failed to connect to 127.0.0.1 port 5000: Connection refused",
                                requestMayHaveBeenSent: false)
        let transport = ScriptedTransport([.failure(refused), try Self.ok("moto-ecs-create-cluster.json")])
        _ = try Self.client(transport).json(.ecs, "CreateCluster")
        #expect(transport.requests.count == 2)

        let always = ScriptedTransport(Array(repeating: .failure(refused), count: 3))
        #expect {
            _ = try Self.client(always).json(.ecs, "CreateCluster")
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "RequestError" && error.httpStatus == nil && error.transport == refused
                && error.message.contains("could not reach http://127.0.0.1:5000 (from AWS_ENDPOINT_URL) (after 3 attempts)")
                && error.message.contains("Connection refused")
        }
    }

    @Test func timeoutsAreNotRetriedForUnsafeCalls() {
        let timeout = HTTPError(kind: .timedOut, message: "Operation timed out", requestMayHaveBeenSent: true)
        let transport = ScriptedTransport([.failure(timeout), .failure(timeout)])
        #expect(throws: AWSError.self) { _ = try Self.client(transport).query(.iam, "CreateRole", [("RoleName", "r")]) }
        #expect(transport.requests.count == 1)
    }

    @Test func htmlInternalServerErrorIsNotImplementedAndNotRetried() throws {
        let page = try ResponseFixtures.response("moto-not-implemented.html", status: 500,
                                                 headers: [("Content-Type", "text/html; charset=utf-8")])
        let transport = ScriptedTransport([.success(page), .success(page), .success(page)])
        #expect {
            _ = try Self.client(transport).rest(.efs, "DescribeBackupPolicy", method: "GET", path: "/2015-02-01/file-systems/fs-1/backup-policy")
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.code == "NotImplemented" && error.message.contains("not implemented by this endpoint")
                && error.message.contains("http://127.0.0.1:5000")
        }
        #expect(transport.requests.count == 1)
    }

    @Test func authFailuresNameTheCredentialsSourceButNotTheSecret() throws {
        let denied = try ResponseFixtures.response("moto-iam-error-signature-does-not-match.xml", status: 403)
        let transport = ScriptedTransport([.success(denied)])
        do {
            _ = try Self.client(transport).query(.iam, "ListUsers")
            Issue.record("expected SignatureDoesNotMatch")
        } catch {
            #expect(error.code == "SignatureDoesNotMatch")
            #expect(error.description.contains("credentials from the environment (AWS_ACCESS_KEY_ID), access key AKIDEXAMPLE"))
            #expect(!error.description.contains(Self.secret))
            #expect(!error.description.contains(Self.token))
        }
        #expect(transport.requests.count == 1)
    }

    @Test func clientErrorsAreNotRetried() throws {
        let missing = try ResponseFixtures.response("moto-iam-error-no-such-entity.xml", status: 404)
        let transport = ScriptedTransport([.success(missing), .success(missing)])
        #expect {
            _ = try Self.client(transport).query(.iam, "GetRole", [("RoleName", "missing-role")])
        } throws: { error in
            guard let error = error as? AWSError else { return false }
            return error.description == "iam GetRole: NoSuchEntity: Role missing-role not found "
                + "(request id aiVjWhkOawrszy5DBipKZHcf2VcabZ6Qu2Jh1TJLlUQvYo3KNMcv)"
        }
        #expect(transport.requests.count == 1)
    }

    @Test func configurationGivesRegionCredentialsEndpointsAndAttempts() throws {
        let configuration = ResolvedAWSConfiguration(
            credentials: Self.credentials, region: "eu-west-1", regionSource: "the provider block",
            endpointOverrides: ["ecs": "http://127.0.0.1:1111"],
            environment: AWSEnvironment(variables: ["AWS_ENDPOINT_URL_SSM": "http://127.0.0.1:2222"], homeDirectory: "/home/x"),
            maxAttempts: 7)
        let client = AWSClient(configuration: configuration, http: HTTPClient())
        #expect(client.region == "eu-west-1")
        #expect(client.credentials == Self.credentials)
        #expect(client.retryPolicy.maxAttempts == 7)
        #expect(try client.endpoint(for: .ecs).url == "http://127.0.0.1:1111")
        #expect(try client.endpoint(for: .ssm).url == "http://127.0.0.1:2222")
        #expect(try client.endpoint(for: .iam) == AWSEndpoint(
            url: "https://iam.amazonaws.com", source: "AWS's endpoint for eu-west-1", signingRegion: "us-east-1"))
        let custom = AWSClient(configuration: configuration, http: HTTPClient(), retry: RetryPolicy(maxAttempts: 2))
        #expect(custom.retryPolicy.maxAttempts == 2)
    }

    // MARK: Logging

    @Test func debugLogHasOneEntryPerRequestAndResponseWithoutSecrets() throws {
        let secretValue = "the-install-bundle-1234567890"
        let reply = HTTPResponse(
            status: 200, headers: [HTTPHeader("Content-Type", "text/html; charset=utf-8")],
            body: Array(#"{"ARN":"arn:x","Name":"pcplan/prisma/install-bundle","SecretString":"\#(secretValue)"}"#.utf8))
        let throttled = try ResponseFixtures.response("aws-ecs-error-throttling.json", status: 400)
        let transport = ScriptedTransport([.success(throttled), .success(reply)])
        let recorder = Recorder()
        _ = try Self.client(transport, recorder: recorder).json(
            .secretsManager, "GetSecretValue", .object(["SecretId": .string("pcplan/prisma/install-bundle")]))
        let entries = recorder.entries
        #expect(entries.filter { $0.hasPrefix("AWS request: ") }.count == 2)
        #expect(entries.filter { $0.hasPrefix("AWS response: ") }.count == 2)
        #expect(entries.filter { $0.hasPrefix("AWS retry: ") }.count == 1)
        let text = entries.joined(separator: "\n")
        for secret in [Self.secret, Self.token, secretValue] {
            #expect(!text.contains(secret), "a secret reached the log")
        }
        let signature = try #require(Self.header("Authorization", transport.requests.last)?.components(separatedBy: "Signature=").last)
        #expect(!text.contains(signature))
        #expect(text.contains("X-Amz-Target: secretsmanager.GetSecretValue"))
        #expect(text.contains(#""SecretString":"<redacted>""#))
    }
}
