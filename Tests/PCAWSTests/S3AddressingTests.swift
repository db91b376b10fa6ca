import Testing

@testable import PCAWS

/// Where S3 requests go and how keys are written in the path; no network.
@Suite struct S3AddressingTests {
    static let aws = S3Addressing(endpoint: "https://s3.eu-west-1.amazonaws.com", isAWSEndpoint: true)
    static let moto = S3Addressing(endpoint: "http://127.0.0.1:5000", isAWSEndpoint: false)

    struct URLCase: Sendable, CustomTestStringConvertible {
        var addressing: S3Addressing
        var bucket: String
        var key: String?
        var query: [String] = []
        var url: String
        var style: S3Addressing.Style
        var testDescription: String { "\(bucket) \(key ?? "(bucket)") → \(url)" }
    }

    static let urlCases: [URLCase] = [
        // AWS's endpoint: the bucket moves into the host.
        URLCase(addressing: aws, bucket: "pc-state", key: "prod/state.json",
                url: "https://pc-state.s3.eu-west-1.amazonaws.com/prod/state.json", style: .virtualHosted),
        URLCase(addressing: aws, bucket: "pc-state", key: nil, query: ["list-type", "2", "prefix", "prod/"],
                url: "https://pc-state.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=prod%2F", style: .virtualHosted),
        // An endpoint override: path-style, the override's path prefix kept.
        URLCase(addressing: moto, bucket: "pc-state", key: "prod/state.json",
                url: "http://127.0.0.1:5000/pc-state/prod/state.json", style: .path),
        URLCase(addressing: moto, bucket: "pc-state", key: nil, url: "http://127.0.0.1:5000/pc-state", style: .path),
        URLCase(addressing: S3Addressing(endpoint: "https://minio.internal:9000/s3", isAWSEndpoint: false),
                bucket: "b-1", key: "k", url: "https://minio.internal:9000/s3/b-1/k", style: .path),
        // use_path_style on AWS.
        URLCase(addressing: S3Addressing(endpoint: "https://s3.us-east-1.amazonaws.com", isAWSEndpoint: true, usePathStyle: true),
                bucket: "pc-state", key: "a", url: "https://s3.us-east-1.amazonaws.com/pc-state/a", style: .path),
        // Names that cannot be a host label under the wildcard certificate.
        URLCase(addressing: aws, bucket: "my.dotted.bucket", key: "a",
                url: "https://s3.eu-west-1.amazonaws.com/my.dotted.bucket/a", style: .path),
        URLCase(addressing: aws, bucket: "Legacy_Bucket", key: "a",
                url: "https://s3.eu-west-1.amazonaws.com/Legacy_Bucket/a", style: .path),
        URLCase(addressing: aws, bucket: "ab", key: "a", url: "https://s3.eu-west-1.amazonaws.com/ab/a", style: .path),
        // China's partition.
        URLCase(addressing: S3Addressing(endpoint: "https://s3.cn-north-1.amazonaws.com.cn", isAWSEndpoint: true),
                bucket: "pc-state", key: "k", url: "https://pc-state.s3.cn-north-1.amazonaws.com.cn/k", style: .virtualHosted),
    ]

    @Test(arguments: urlCases) func requestsAreAddressed(_ test: URLCase) {
        var query: [(String, String)] = []
        for index in stride(from: 0, to: test.query.count, by: 2) { query.append((test.query[index], test.query[index + 1])) }
        #expect(test.addressing.url(bucket: test.bucket, key: test.key, query: query) == test.url)
        #expect(test.addressing.style(for: test.bucket) == test.style)
    }

    @Test func awsOwnEndpointIsRecognisedAndAnyOtherIsAnOverride() {
        let own = AWSEndpoint(
            url: "https://s3.eu-west-1.amazonaws.com", source: "AWS's endpoint for eu-west-1", signingRegion: "eu-west-1")
        #expect(S3Addressing(endpoint: own, region: "eu-west-1").isAWSEndpoint)
        let moto = AWSEndpoint(url: "http://127.0.0.1:5000", source: "AWS_ENDPOINT_URL_S3", signingRegion: "eu-west-1")
        #expect(!S3Addressing(endpoint: moto, region: "eu-west-1").isAWSEndpoint)
        // Another region's AWS endpoint is an override too: requests go where the user said.
        let other = AWSEndpoint(url: "https://s3.us-east-1.amazonaws.com", source: "AWS_ENDPOINT_URL_S3", signingRegion: "eu-west-1")
        #expect(!S3Addressing(endpoint: other, region: "eu-west-1").isAWSEndpoint)
    }

    @Test func theS3ServiceIsRestXMLAndNotAProviderEndpoint() {
        #expect(AWSService.s3.wireProtocol == .restXML)
        #expect(AWSService.s3.wireProtocol.rawValue == "rest-xml")
        #expect(AWSService.s3.signingName == "s3")
        #expect(AWSService.s3.endpointEnvironmentVariable == "AWS_ENDPOINT_URL_S3")
        #expect(AWSService.s3.defaultEndpoint(region: "eu-west-1") == "https://s3.eu-west-1.amazonaws.com")
        #expect(!AWSService.all.contains(.s3))
    }

    // MARK: Keys

    static let keyCases: [(String, String)] = [
        ("state.json", "state.json"),
        ("env/prod/state.json", "env/prod/state.json"),
        ("a b", "a%20b"),
        ("plus+sign", "plus%2Bsign"),
        ("tilde~kept", "tilde~kept"),
        ("ünï/çødé", "%C3%BCn%C3%AF/%C3%A7%C3%B8d%C3%A9"),
        ("emoji 🔒", "emoji%20%F0%9F%94%92"),
        ("dir//double/", "dir//double/"),
        ("/leading", "/leading"),
        ("q?h#p%", "q%3Fh%23p%25"),
        ("env:/ws/key=v&x", "env%3A/ws/key%3Dv%26x"),
        ("-_.~AZaz09", "-_.~AZaz09"),
    ]

    @Test(arguments: keyCases) func keysAreEncodedPerSegmentKeepingSlashes(_ key: String, _ encoded: String) {
        #expect(S3Addressing.encodedKey(key) == encoded)
        #expect(Self.moto.url(bucket: "b", key: key) == "http://127.0.0.1:5000/b/" + encoded)
        // The signer signs S3 paths exactly as sent: the canonical URI is the encoded path.
        let canonical = SigV4CanonicalRequest(
            method: "GET", url: SigV4URLParts("http://127.0.0.1:5000/b/" + encoded), headers: [], payloadHash: "", service: "s3")
        #expect(canonical.uri == "/b/" + encoded)
    }

    @Test(arguments: [
        ("", "is empty"), ("a/./b", "\".\" or \"..\""), ("../up", "\".\" or \"..\""), ("dir/..", "\".\" or \"..\""),
        ("tab\there", "control character"), (String(repeating: "k", count: 1025), "longer than 1024 bytes"),
    ])
    func unusableKeysAreRefusedBeforeSending(_ key: String, _ reason: String) throws {
        let problem = try #require(S3Addressing.problem(withKey: key))
        #expect(problem.contains(reason), "\(problem)")
    }

    @Test(arguments: ["a", "..a", "a..", "a.b/..c", "dir/.hidden", String(repeating: "k", count: 1024)])
    func dotsInsideSegmentsAreFine(_ key: String) {
        #expect(S3Addressing.problem(withKey: key) == nil)
    }

    @Test(arguments: [("", "is empty"), ("s3://bucket", "only letters"), ("bucket/key", "only letters"), ("a b", "only letters")])
    func unusableBucketNamesAreRefused(_ bucket: String, _ reason: String) throws {
        let problem = try #require(S3Addressing.problem(withBucket: bucket))
        #expect(problem.contains(reason), "\(problem)")
    }

    @Test(arguments: [
        ("pc-state", true), ("a1b", true), ("abc", true), ("ab", false), ("-abc", false), ("abc-", false),
        ("has.dot", false), ("Upper", false), ("under_score", false), (String(repeating: "a", count: 63), true),
        (String(repeating: "a", count: 64), false),
    ])
    func virtualHostableNames(_ bucket: String, _ hostable: Bool) {
        #expect(S3Addressing.isVirtualHostable(bucket) == hostable)
        // Not hostable is still usable: such buckets are addressed path-style.
        #expect(S3Addressing.problem(withBucket: bucket) == nil)
    }
}
