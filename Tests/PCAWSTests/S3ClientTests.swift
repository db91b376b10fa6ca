import Foundation
import PCHTTP
import PCLang
import Testing

@testable import PCAWS

/// The S3 client's requests (addressing, headers, signing) and its reading
/// of replies and errors, against a scripted transport; moto runs the same
/// calls in PCProviderAWSTests/Backend.
@Suite struct S3ClientTests {
    /// Records requests and answers them in turn.
    /// @unchecked Sendable: every field is touched under `lock`.
    final class Script: @unchecked Sendable {
        private let lock = NSLock()
        private var replies: [HTTPResponse]
        private var recorded: [HTTPRequest] = []
        private var logged: [String] = []

        init(_ replies: [HTTPResponse]) { self.replies = replies }

        var requests: [HTTPRequest] { lock.withLock { recorded } }
        var log: [String] { lock.withLock { logged } }

        func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
            lock.withLock {
                recorded.append(request)
                return replies.isEmpty ? HTTPResponse(status: 599) : replies.removeFirst()
            }
        }

        func record(_ entry: String) { lock.withLock { logged.append(entry) } }
    }

    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "the test")

    static func client(
        _ script: Script, region: String = "eu-west-1", overrides: [String: String] = ["s3": "http://127.0.0.1:5000"],
        environment: [String: String] = [:], maxAttempts: Int = 1, usePathStyle: Bool = false
    ) -> S3Client {
        S3Client(
            AWSClient(
                credentials: credentials, region: region, endpointOverrides: overrides, environment: environment,
                retry: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 0, maxDelay: 0, sleep: { _ in }, random: { 0 }),
                log: script.record, now: { Date(timeIntervalSince1970: 1_700_000_000) }, transport: script.send),
            usePathStyle: usePathStyle)
    }

    static func header(_ name: String, _ request: HTTPRequest?) -> String? {
        request?.headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    static func signedHeaders(_ request: HTTPRequest?) -> [String] {
        guard let authorization = header("Authorization", request),
              let range = authorization.range(of: "SignedHeaders=") else { return [] }
        return authorization[range.upperBound...].prefix { $0 != "," }.split(separator: ";").map(String.init)
    }

    static func sha256(_ bytes: [UInt8]) -> String { AWSCrypto.hex(AWSCrypto.sha256(bytes)) }

    static func ok(_ headers: [(String, String)] = [], body: String = "", status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: Array(body.utf8))
    }

    static func s3Error(_ code: String, _ message: String, status: Int, headers: [(String, String)] = []) -> HTTPResponse {
        ok(headers + [("Content-Type", "application/xml")],
           body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>\(code)</Code><Message>\(message)</Message>"
               + "<RequestId>req-1</RequestId></Error>",
           status: status)
    }

    // MARK: Request shaping

    struct PutCase: Sendable, CustomTestStringConvertible {
        var condition: S3WriteCondition
        var encryption: S3Encryption
        var expected: [String: String]
        var testDescription: String { "\(condition) with \(encryption)" }
    }

    static let putCases: [PutCase] = [
        PutCase(condition: .none, encryption: .none, expected: [:]),
        PutCase(condition: .ifNoneMatchAny, encryption: .none, expected: ["if-none-match": "*"]),
        PutCase(condition: .ifMatch("\"abc123\""), encryption: .none, expected: ["if-match": "\"abc123\""]),
        PutCase(condition: .ifMatch("abc123"), encryption: .none, expected: ["if-match": "\"abc123\""]),
        PutCase(condition: .none, encryption: .aes256, expected: ["x-amz-server-side-encryption": "AES256"]),
        PutCase(condition: .none, encryption: .kms(keyID: nil), expected: ["x-amz-server-side-encryption": "aws:kms"]),
        PutCase(
            condition: .ifNoneMatchAny, encryption: .kms(keyID: "alias/state"),
            expected: [
                "if-none-match": "*", "x-amz-server-side-encryption": "aws:kms",
                "x-amz-server-side-encryption-aws-kms-key-id": "alias/state",
            ]),
    ]

    static let conditionalHeaders = [
        "if-none-match", "if-match", "x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id",
    ]

    @Test(arguments: putCases) func putObjectCarriesItsConditionAndEncryptionSigned(_ test: PutCase) throws {
        let script = Script([Self.ok([("ETag", "\"e1\""), ("x-amz-version-id", "v1")])])
        let body = Array(#"{"serial":7}"#.utf8)
        let result = try Self.client(script).putObject(
            "pc-state", "env/prod state.json", body, condition: test.condition, encryption: test.encryption,
            contentType: "application/json")
        #expect(result == S3PutResult(etag: "\"e1\"", versionID: "v1"))

        let request = try #require(script.requests.first)
        #expect(request.method == "PUT")
        #expect(request.url == "http://127.0.0.1:5000/pc-state/env/prod%20state.json")
        #expect(request.body == body)
        #expect(Self.header("Content-Type", request) == "application/json")
        #expect(Self.header("x-amz-content-sha256", request) == Self.sha256(body))
        for name in Self.conditionalHeaders {
            #expect(Self.header(name, request) == test.expected[name], "\(name)")
        }
        let signed = Self.signedHeaders(request)
        #expect(signed.contains("x-amz-content-sha256") && signed.contains("content-type") && signed.contains("host"))
        for name in test.expected.keys { #expect(signed.contains(name), "\(name) is signed") }
        #expect(Self.header("Authorization", request)?.contains("/eu-west-1/s3/aws4_request") == true)
    }

    @Test func everyRequestSignsItsPayloadHashEvenWithoutABody() throws {
        let listing = "<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>"
        let script = Script([
            Self.ok(), Self.ok([("ETag", "\"e\"")], body: "x"), Self.ok([("ETag", "\"e\"")]), Self.ok(status: 204),
            Self.ok(body: listing),
        ])
        let s3 = Self.client(script)
        try s3.headBucket("b-1", checkRegion: false)
        _ = try s3.getObject("b-1", "k")
        _ = try s3.headObject("b-1", "k")
        try s3.deleteObject("b-1", "k")
        _ = try s3.listObjects("b-1")
        #expect(script.requests.map(\.method) == ["HEAD", "GET", "HEAD", "DELETE", "GET"])
        for request in script.requests {
            #expect(Self.header("x-amz-content-sha256", request) == SigV4.emptyPayloadHash, "\(request.method) \(request.url)")
            #expect(Self.signedHeaders(request).contains("x-amz-content-sha256"))
        }
        #expect(script.requests.last?.url == "http://127.0.0.1:5000/b-1?list-type=2&max-keys=1000")
    }

    @Test func awsOwnEndpointIsAddressedVirtualHostedAndSignedForTheRegion() throws {
        let script = Script([Self.ok([("ETag", "\"e\"")], body: "{}")])
        let object = try #require(try Self.client(script, overrides: [:]).getObject("pc-state", "env/a+b.json"))
        #expect(object.bytes == Array("{}".utf8))
        let request = try #require(script.requests.first)
        #expect(request.url == "https://pc-state.s3.eu-west-1.amazonaws.com/env/a%2Bb.json")
        #expect(Self.header("Host", request) == "pc-state.s3.eu-west-1.amazonaws.com")

        let pathStyle = Script([Self.ok([("ETag", "\"e\"")])])
        _ = try Self.client(pathStyle, overrides: [:], usePathStyle: true).getObject("pc-state", "k")
        #expect(pathStyle.requests.first?.url == "https://s3.eu-west-1.amazonaws.com/pc-state/k")

        let fromEnvironment = Script([Self.ok([("ETag", "\"e\"")])])
        _ = try Self.client(fromEnvironment, overrides: [:], environment: ["AWS_ENDPOINT_URL_S3": "http://localhost:4566/"])
            .getObject("pc-state", "k")
        #expect(fromEnvironment.requests.first?.url == "http://localhost:4566/pc-state/k")
    }

    @Test func createBucketNamesItsRegionExceptInUSEast1() throws {
        let script = Script([Self.ok(), Self.ok()])
        let s3 = Self.client(script, region: "us-east-1")
        try s3.createBucket("pc-a")
        try s3.createBucket("pc-b", region: "ap-southeast-2")
        let plain = try #require(script.requests.first)
        #expect(plain.method == "PUT" && plain.url == "http://127.0.0.1:5000/pc-a" && plain.body.isEmpty)
        #expect(Self.header("Authorization", plain)?.contains("/us-east-1/s3/") == true)
        let located = try #require(script.requests.last)
        #expect(String(decoding: located.body, as: UTF8.self)
            == "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>ap-southeast-2</LocationConstraint></CreateBucketConfiguration>")
        #expect(Self.header("Authorization", located)?.contains("/ap-southeast-2/s3/") == true)
        #expect(Self.header("x-amz-content-sha256", located) == Self.sha256(located.body))
    }

    @Test func createBucketAcceptsABucketAlreadyOwnedInThatRegionOnly() throws {
        let owned = Self.s3Error("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded", status: 409)
        let script = Script([
            owned, Self.ok([("x-amz-bucket-region", "eu-west-1")]), owned, Self.ok([("x-amz-bucket-region", "us-west-2")]),
        ])
        let s3 = Self.client(script)
        try s3.createBucket("pc-a")
        #expect(script.requests.map(\.method) == ["PUT", "HEAD"])
        #expect(throws: S3Error.wrongRegion(bucket: "pc-a", region: "eu-west-1", bucketRegion: "us-west-2", nil)) {
            try s3.createBucket("pc-a")
        }
    }

    @Test func namesThatCannotBeSentAreRefusedWithoutARequest() {
        let script = Script([])
        let s3 = Self.client(script)
        let dotted = "the S3 object key \"a/../b\" has a \".\" or \"..\" path segment, which HTTP clients remove from the path"
        #expect(throws: S3Error.invalidName(dotted)) {
            try s3.putObject("pc-state", "a/../b", [1])
        }
        #expect(throws: S3Error.self) { try s3.headBucket("s3://pc-state") }
        #expect(script.requests.isEmpty)
    }

    // MARK: Replies

    @Test func getObjectReadsBytesAndMetadataAndAMissingKeyIsNil() throws {
        let script = Script([
            Self.ok(
                [("ETag", "\"e7\""), ("x-amz-version-id", "3HL4kqtJ"), ("Content-Type", "application/json"),
                 ("x-amz-server-side-encryption", "aws:kms"), ("x-amz-server-side-encryption-aws-kms-key-id", "arn:k")],
                body: "state"),
            Self.s3Error("NoSuchKey", "The specified key does not exist.", status: 404),
        ])
        let s3 = Self.client(script)
        let object = try #require(try s3.getObject("pc-state", "k"))
        #expect(object.bytes == Array("state".utf8))
        #expect(object.metadata == S3ObjectMetadata(
            etag: "\"e7\"", versionID: "3HL4kqtJ", size: 5, contentType: "application/json",
            serverSideEncryption: "aws:kms", kmsKeyID: "arn:k"))
        #expect(try s3.getObject("pc-state", "gone") == nil)
    }

    @Test func anObjectNeverShowsItsBytes() {
        let object = S3Object(bytes: Array("password=hunter2".utf8), metadata: S3ObjectMetadata(etag: "\"e\""))
        #expect(object.description == "S3 object (16 bytes, ETag \"e\")")
        #expect(!"\(object)".contains("hunter2") && !String(reflecting: object).contains("hunter2"))
        var dumped = ""
        dump(object, to: &dumped)
        #expect(!dumped.contains("hunter2") && !dumped.contains("104"), "\(dumped)")
    }

    @Test func objectBytesAreLoggedBySizeAndHashOnly() throws {
        let body = Array(#"{"password":"hunter2"}"#.utf8)
        let script = Script([
            Self.ok([("ETag", "\"e\"")]), Self.ok([("ETag", "\"e\"")], body: String(decoding: body, as: UTF8.self)),
            Self.s3Error("NoSuchKey", "The specified key does not exist.", status: 404),
        ])
        let s3 = Self.client(script)
        try s3.putObject("pc-state", "k", body, contentType: "application/json")
        _ = try s3.getObject("pc-state", "k")
        _ = try s3.getObject("pc-state", "missing")
        let log = script.log
        #expect(log.count == 6)
        #expect(!log.joined().contains("hunter2"))
        let summary = "<\(body.count) bytes, sha256 \(Self.sha256(body)), not shown>"
        #expect(log[0].hasSuffix("\n\n" + summary), "\(log[0])")
        #expect(log[3].hasSuffix("\n\n" + summary), "\(log[3])")
        // An error reply is S3's document about the request, not the object: shown.
        #expect(log[5].contains("<Code>NoSuchKey</Code>"), "\(log[5])")
    }

    // MARK: Listing

    static func page(_ keys: [String], next: String?) -> HTTPResponse {
        let contents = keys.map { "<Contents><Key>\($0)</Key><Size>1</Size></Contents>" }.joined()
        let tail = next.map { "<IsTruncated>true</IsTruncated><NextContinuationToken>\($0)</NextContinuationToken>" }
            ?? "<IsTruncated>false</IsTruncated>"
        return ok([("Content-Type", "application/xml")],
                  body: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                      + "<Name>pc-x</Name><Prefix>j/</Prefix>\(contents)\(tail)</ListBucketResult>")
    }

    @Test func listingFollowsContinuationTokensToTheEnd() throws {
        let script = Script([
            Self.page(["j/1", "j/2"], next: "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="),
            Self.page(["j/3", "j/4 with space"], next: "tok+2"),
            Self.page(["j/5"], next: nil),
        ])
        let keys = try Self.client(script).listObjects("pc-x", prefix: "j/", pageSize: 2)
        #expect(keys == ["j/1", "j/2", "j/3", "j/4 with space", "j/5"])
        #expect(script.requests.map(\.url) == [
            "http://127.0.0.1:5000/pc-x?list-type=2&max-keys=2&prefix=j%2F",
            "http://127.0.0.1:5000/pc-x?list-type=2&max-keys=2&prefix=j%2F"
                + "&continuation-token=1ueGcxLPRx1Tr%2FXYExHnhbYLgveDs2J%2Fwm36Hy4vbOwM%3D",
            "http://127.0.0.1:5000/pc-x?list-type=2&max-keys=2&prefix=j%2F&continuation-token=tok%2B2",
        ])
    }

    @Test(arguments: [
        ("a repeated token", [page(["a"], next: "t1"), page(["b"], next: "t2"), page(["c"], next: "t1")],
         "page 3 repeats an earlier continuation token"),
        ("a truncated page without a token", [page(["a"], next: "")], "page 1 is marked truncated but carries no continuation token"),
        ("a reply that is not a listing", [ok(body: "<Error><Code>X</Code></Error>")], "page 1: the reply's root element is <Error>"),
        ("a reply that is not XML", [ok(body: "not xml")], "page 1: the reply (7 bytes) is not valid XML"),
    ])
    func aListingThatCannotBeCompletedIsAnError(_ name: String, _ replies: [HTTPResponse], _ reason: String) throws {
        let script = Script(replies)
        let error = #expect(throws: S3Error.self) { try Self.client(script).listObjects("pc-x", pageSize: 1) }
        guard case .invalidReply("pc-x", "ListObjectsV2", let text) = error else {
            Issue.record("\(name): expected invalidReply, got \(String(describing: error))")
            return
        }
        #expect(text.hasPrefix(reason), "\(name): \(text)")
        #expect(script.requests.count == replies.count)
    }
}
