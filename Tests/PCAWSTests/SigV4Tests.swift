import Foundation
import PCHTTP
import Testing

@testable import PCAWS

/// One case of AWS's SigV4 test suite (Fixtures/sigv4): the request as the
/// suite writes it and the three texts AWS published for it.
struct SigV4Vector: CustomTestStringConvertible, Sendable {
    var name: String
    var method: String
    var url: String
    var headers: [HTTPHeader]
    var body: [UInt8]
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String
    var region: String
    var service: String
    var date: Date
    var accessKeyID: String
    var secretAccessKey: String
    var sessionToken: String?

    var testDescription: String { name }

    /// The suite's key pair; a `credentials.txt` beside a group of vectors
    /// names another.
    static let credentials = (accessKeyID: "AKIDEXAMPLE", secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 20150830T123600Z, the suite's signing time.
    static let date = Date(timeIntervalSince1970: 1_440_938_160)

    /// Every case under Fixtures/sigv4: each directory holding `<dir>.req`.
    static let all: [SigV4Vector] = {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
            .appendingPathComponent("sigv4"),
            let walker = FileManager.default.enumerator(atPath: root.path)
        else { return [] }
        var vectors: [SigV4Vector] = []
        for case let relative as String in walker where relative.hasSuffix(".req") {
            let file = root.appendingPathComponent(relative)
            let name = file.deletingPathExtension().lastPathComponent
            guard file.deletingLastPathComponent().lastPathComponent == name,
                  let vector = load(name: name, base: file.deletingPathExtension(), root: root)
            else { continue }
            vectors.append(vector)
        }
        return vectors.sorted { $0.name < $1.name }
    }()

    private static func read(_ base: URL, _ suffix: String) -> String? {
        FileManager.default.contents(atPath: base.path + suffix).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Parses the suite's `.req` format: a request line whose path may hold
    /// spaces and raw UTF-8, header lines (a line starting with whitespace
    /// continues the previous value), a blank line, the body.
    static func load(name: String, base: URL, root: URL) -> SigV4Vector? {
        guard let request = read(base, ".req"), let creq = read(base, ".creq"),
              let sts = read(base, ".sts"), let authz = read(base, ".authz")
        else { return nil }
        var lines = request.components(separatedBy: "\n")
        let requestLine = lines.removeFirst()
        guard let space = requestLine.firstIndex(of: " "),
              let version = requestLine.range(of: " HTTP/", options: .backwards)
        else { return nil }
        let method = String(requestLine[..<space])
        let path = String(requestLine[requestLine.index(after: space)..<version.lowerBound])
        var headers: [HTTPHeader] = []
        var bodyLines: [String] = []
        var inBody = false
        for line in lines {
            if inBody {
                bodyLines.append(line)
            } else if line.isEmpty {
                inBody = true
            } else if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                headers.append(HTTPHeader(String(line[..<colon]), String(line[line.index(after: colon)...])))
            }
        }
        let host = headers.first { $0.name.lowercased() == "host" }?.value ?? ""
        // The scope line of the string to sign names region and service; the
        // session token, when the case has one, appears in its canonical request.
        let stsLines = sts.components(separatedBy: "\n")
        let scope = stsLines[2].components(separatedBy: "/")
        guard let date = parseTimestamp(stsLines[1]) else { return nil }
        var keyPair = credentials
        var folder = base.deletingLastPathComponent()
        while folder.path.count > root.path.count {
            if let text = read(folder.appendingPathComponent("credentials"), ".txt") {
                let lines = text.split(separator: "\n").map(String.init)
                keyPair = (lines[0], lines[1])
                break
            }
            folder = folder.deletingLastPathComponent()
        }
        let token = creq.components(separatedBy: "\n")
            .first { $0.hasPrefix("x-amz-security-token:") }
            .map { String($0.dropFirst("x-amz-security-token:".count)) }
        return SigV4Vector(
            name: name, method: method, url: "https://" + host + path, headers: headers,
            body: Array(bodyLines.joined(separator: "\n").utf8),
            canonicalRequest: creq, stringToSign: sts, authorization: authz,
            region: scope[1], service: scope[2], date: date,
            accessKeyID: keyPair.accessKeyID, secretAccessKey: keyPair.secret, sessionToken: token
        )
    }

    /// `20150830T123600Z` as a UTC instant.
    static func parseTimestamp(_ text: String) -> Date? {
        let digits = text.filter(\.isNumber)
        guard digits.count == 14 else { return nil }
        func field(_ offset: Int, _ length: Int) -> Int {
            let start = digits.index(digits.startIndex, offsetBy: offset)
            return Int(digits[start..<digits.index(start, offsetBy: length)]) ?? 0
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(
            year: field(0, 4), month: field(4, 2), day: field(6, 2), hour: field(8, 2), minute: field(10, 2), second: field(12, 2)))
    }

    var credentials: AWSCredentials {
        AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, sessionToken: sessionToken, source: "the test suite")
    }
}

@Suite struct SigV4Tests {
    @Test func theSuiteIsThere() {
        // 34 cases from AWS's suite, the IAM example from AWS's documentation
        // and 5 requests signed by botocore.
        #expect(SigV4Vector.all.count == 40)
        #expect(SigV4Vector.all.contains { $0.name == "json-target-with-token" && $0.accessKeyID == "AKIAEXAMPLEPCPLAN01" })
        #expect(SigV4Vector.all.contains { $0.name == "iam-list-users" })
        #expect(SigV4Vector.all.contains { $0.name == "get-vanilla" })
        #expect(SigV4Vector.all.contains { $0.name == "get-space" })
    }

    @Test(arguments: SigV4Vector.all)
    func publishedVector(_ vector: SigV4Vector) {
        let signed = SigV4.signature(
            method: vector.method, url: vector.url, headers: vector.headers, body: vector.body,
            credentials: vector.credentials, region: vector.region, service: vector.service,
            date: vector.date, signPayloadHash: false
        )
        #expect(signed.canonicalRequest == vector.canonicalRequest)
        #expect(signed.stringToSign == vector.stringToSign)
        #expect(signed.authorization == vector.authorization)
    }

    @Test(arguments: SigV4Vector.all)
    func publishedVectorThroughHTTPRequest(_ vector: SigV4Vector) {
        var request = HTTPRequest(method: vector.method, url: vector.url, headers: vector.headers, body: vector.body)
        SigV4.sign(
            &request, credentials: vector.credentials, region: vector.region, service: vector.service,
            date: vector.date, signPayloadHash: false
        )
        #expect(request.headers.filter { $0.name == "Authorization" }.map(\.value) == [vector.authorization])
        #expect(request.headers.filter { $0.name.lowercased() == "x-amz-date" }.map(\.value)
            == [vector.stringToSign.components(separatedBy: "\n")[1]])
        #expect(request.body == vector.body)
        #expect(request.url == vector.url)
    }

    @Test func awsDocumentationSigningKey() {
        let key = SigV4.signingKey(
            secretAccessKey: SigV4Vector.credentials.secret, date: "20150830", region: "us-east-1", service: "iam")
        #expect(AWSCrypto.hex(key) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    @Test func opensslPrimitivesGiveStandardAnswers() {
        // FIPS 180-2 "abc", the empty string, and RFC 4231 test case 2.
        #expect(AWSCrypto.hex(AWSCrypto.sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AWSCrypto.hex(AWSCrypto.sha256([])) == SigV4.emptyPayloadHash)
        #expect(AWSCrypto.hex(AWSCrypto.hmacSHA256(key: Array("Jefe".utf8), "what do ya want for nothing?"))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // RFC 4231 test case 6: a key longer than the block size.
        #expect(AWSCrypto.hex(AWSCrypto.hmacSHA256(
            key: [UInt8](repeating: 0xAA, count: 131), "Test Using Larger Than Block-Size Key - Hash Key First"))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test(arguments: [
        (1_440_938_160.0, "20150830", "20150830T123600Z"),
        (0.0, "19700101", "19700101T000000Z"),
        (951_782_400.0, "20000229", "20000229T000000Z"),
        (1_709_251_199.9, "20240229", "20240229T235959Z"),
        (4_102_444_800.0, "21000101", "21000101T000000Z"),
    ])
    func timestamps(_ seconds: Double, _ date: String, _ dateTime: String) {
        let stamp = SigV4Timestamp(Date(timeIntervalSince1970: seconds))
        #expect(stamp.date == date)
        #expect(stamp.dateTime == dateTime)
    }
}

/// What the signer adds, leaves out and replaces, beyond the published
/// vectors. Where a canonical form is spelled out it is the one botocore
/// 1.43.11 (`SigV4Auth.canonical_request`) produces for the same request.
@Suite struct SigV4BehaviourTests {
    static let credentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", source: "test")
    static let date = SigV4Vector.date

    static func sign(
        _ url: String, headers: [HTTPHeader] = [], credentials: AWSCredentials = credentials,
        service: String = "service", signPayloadHash: Bool = false
    ) -> SigV4Signature {
        sign("GET", url, headers: headers, credentials: credentials, service: service, signPayloadHash: signPayloadHash)
    }

    static func sign(
        _ method: String, _ url: String, headers: [HTTPHeader] = [], body: [UInt8] = [],
        credentials: AWSCredentials = credentials, service: String = "service", signPayloadHash: Bool = false
    ) -> SigV4Signature {
        SigV4.signature(
            method: method, url: url, headers: headers, body: body, credentials: credentials,
            region: "us-east-1", service: service, date: date, signPayloadHash: signPayloadHash)
    }

    static let arnPath = "/2015-02-01/resource-tags/arn%3Aaws%3Aelasticfilesystem%3Aus-east-1%3A1%3Afile-system%2Ffs-1"

    @Test func nonS3PathsAreEncodedASecondTime() {
        let signed = Self.sign(
            "https://example.amazonaws.com" + Self.arnPath + "?b=%2F&a=x%20y",
            headers: [HTTPHeader("X-Amz-Date", "20150830T123600Z")], service: "elasticfilesystem")
        #expect(signed.canonicalRequest == """
            GET
            /2015-02-01/resource-tags/arn%253Aaws%253Aelasticfilesystem%253Aus-east-1%253A1%253Afile-system%252Ffs-1
            a=x%20y&b=%2F
            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
    }

    @Test func s3PathsAreSignedAsSent() {
        let signed = Self.sign("https://example.amazonaws.com/bucket//a/./b" + "?b=%2F&a=x%20y", service: "s3")
        #expect(signed.canonicalRequest.components(separatedBy: "\n")[1] == "/bucket//a/./b")
        let encoded = Self.sign("https://example.amazonaws.com" + Self.arnPath, service: "s3")
        #expect(encoded.canonicalRequest.components(separatedBy: "\n")[1] == Self.arnPath)
    }

    @Test(arguments: [
        ("", "/"), ("/", "/"), ("//", "/"), ("/a/b", "/a/b"), ("/a/b/", "/a/b/"), ("/a//b", "/a/b"),
        ("/a/./b", "/a/b"), ("/a/../b", "/b"), ("/../a", "/a"), ("/a/b/..", "/a/"), ("/a/.", "/a/"),
        ("/example/..", "/"), ("/./", "/"),
    ])
    func pathNormalisation(_ path: String, _ expected: String) {
        #expect(SigV4CanonicalRequest.normalizedPath(path) == expected)
    }

    @Test(arguments: [
        ("", ""),
        ("b=2&a=1", "a=1&b=2"),
        ("a=2&a=10&a=1", "a=1&a=10&a=2"),
        ("B=1&a=1", "B=1&a=1"),
        ("key", "key="),
        ("k=v&&x=", "k=v&x="),
        ("path=%2fa%2Fb", "path=%2Fa%2Fb"),
        ("t=%7E~", "t=~~"),
        ("s=a b", "s=a%20b"),
        ("plus=a+b", "plus=a%2Bb"),
        ("bad=%zz%4", "bad=%25zz%254"),
        ("eq=a=b", "eq=a%3Db"),
        ("u=%C3%A9", "u=%C3%A9"),
    ])
    func canonicalQuery(_ query: String, _ expected: String) {
        #expect(SigV4CanonicalRequest.canonicalQuery(query) == expected)
    }

    @Test func headersBotocoreNeverSignsAreSentButNotSigned() {
        var request = HTTPRequest(
            method: "POST", url: "http://127.0.0.1:5000/",
            headers: [
                HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
                HTTPHeader("User-Agent", "pcplan"),
                HTTPHeader("Expect", "100-continue"),
                HTTPHeader("X-Amzn-Trace-Id", "Root=1-abc"),
                HTTPHeader("Accept", "*/*"),
            ],
            body: Array("Action=ListUsers&Version=2010-05-08".utf8))
        SigV4.sign(&request, credentials: Self.credentials, region: "us-east-1", service: "iam", date: Self.date, signPayloadHash: false)
        #expect(request.headers.map(\.name) == [
            "Content-Type", "User-Agent", "Expect", "X-Amzn-Trace-Id", "Accept", "Host", "X-Amz-Date", "Authorization",
        ])
        #expect(request.header("Host") == "127.0.0.1:5000")
        let authorization = request.header("Authorization") ?? ""
        #expect(authorization.contains("SignedHeaders=accept;content-type;host;x-amz-date, "))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "))
    }

    @Test(arguments: [
        ("https://sts.amazonaws.com/", "sts.amazonaws.com"),
        ("https://sts.amazonaws.com:443/", "sts.amazonaws.com"),
        ("http://127.0.0.1:80/x", "127.0.0.1"),
        ("http://127.0.0.1:8443/", "127.0.0.1:8443"),
        ("https://user:pw@example.com:8080?x=1", "example.com:8080"),
        ("HTTP://[::1]:80/", "[::1]"),
    ])
    func hostComesFromTheURLWhenAbsent(_ url: String, _ host: String) {
        let signed = Self.sign(url)
        #expect(signed.headers.filter { $0.name.lowercased() == "host" }.map(\.value) == [host])
        #expect(signed.canonicalRequest.contains("\nhost:\(host)\n"))
    }

    @Test func aHostTheCallerSetIsKeptAndSigned() {
        let signed = Self.sign("http://127.0.0.1:5000/", headers: [HTTPHeader("host", "sts.us-east-1.amazonaws.com")])
        #expect(signed.headers.filter { $0.name.lowercased() == "host" }.map(\.value) == ["sts.us-east-1.amazonaws.com"])
        #expect(signed.canonicalRequest.contains("\nhost:sts.us-east-1.amazonaws.com\n"))
    }

    @Test func payloadHashHeaderIsAddedAndSignedWhenAsked() {
        let body = Array("{\"CreationToken\":\"x\"}".utf8)
        let hash = AWSCrypto.hex(AWSCrypto.sha256(body))
        let signed = Self.sign(
            "POST", "https://elasticfilesystem.us-east-1.amazonaws.com/2015-02-01/file-systems",
            headers: [HTTPHeader("X-Amz-Content-Sha256", "stale")], body: body,
            service: "elasticfilesystem", signPayloadHash: true)
        #expect(signed.headers.filter { $0.name.lowercased() == "x-amz-content-sha256" }.map(\.value) == [hash])
        #expect(signed.signedHeaders == "host;x-amz-content-sha256;x-amz-date")
        #expect(signed.canonicalRequest.hasSuffix("\n" + hash))

        let empty = Self.sign("https://elasticfilesystem.us-east-1.amazonaws.com/2015-02-01/file-systems?FileSystemId=fs-1",
                              service: "elasticfilesystem", signPayloadHash: true)
        #expect(empty.headers.first { $0.name == "X-Amz-Content-Sha256" }?.value == SigV4.emptyPayloadHash)
    }

    @Test func aCallerSetPayloadHashIsUsedWhenNotAskedToHash() {
        let signed = Self.sign(
            "PUT", "https://s3.amazonaws.com/bucket/key",
            headers: [HTTPHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD")], body: Array("data".utf8), service: "s3")
        #expect(signed.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
        #expect(signed.signedHeaders == "host;x-amz-content-sha256;x-amz-date")
    }

    @Test func sessionTokenIsAddedOnceAndSigned() {
        var credentials = Self.credentials
        credentials.sessionToken = "TOKEN/with+chars=="
        let signed = Self.sign(
            "https://example.amazonaws.com/", headers: [HTTPHeader("X-Amz-Security-Token", "old")], credentials: credentials)
        #expect(signed.headers.filter { $0.name.lowercased() == "x-amz-security-token" }.map(\.value) == ["TOKEN/with+chars=="])
        #expect(signed.signedHeaders == "host;x-amz-date;x-amz-security-token")
        #expect(signed.canonicalRequest.contains("\nx-amz-security-token:TOKEN/with+chars==\n"))
    }

    @Test func signingAgainReplacesTheOldSignature() {
        var credentials = Self.credentials
        credentials.sessionToken = "token"
        var once = HTTPRequest(method: "POST", url: "https://ecs.us-east-1.amazonaws.com/",
                               headers: [HTTPHeader("X-Amz-Target", "AmazonEC2ContainerServiceV20141113.ListClusters")],
                               body: Array("{}".utf8))
        SigV4.sign(&once, credentials: credentials, region: "us-east-1", service: "ecs", date: Self.date, signPayloadHash: true)
        var twice = once
        SigV4.sign(&twice, credentials: credentials, region: "us-east-1", service: "ecs", date: Self.date, signPayloadHash: true)
        #expect(twice.headers == once.headers)

        var later = once
        SigV4.sign(&later, credentials: credentials, region: "us-east-1", service: "ecs",
                   date: Self.date.addingTimeInterval(61), signPayloadHash: true)
        #expect(later.headers.filter { $0.name == "Authorization" }.count == 1)
        #expect(later.header("X-Amz-Date") == "20150830T123701Z")
        #expect(later.header("Authorization") != once.header("Authorization"))
        #expect(later.headers.count == once.headers.count)
    }

    @Test func theSignatureDependsOnEveryInput() {
        let base = Self.sign("POST", "https://example.amazonaws.com/", body: Array("a".utf8))
        var otherSecret = Self.credentials
        otherSecret.secretAccessKey += "x"
        let variants = [
            Self.sign("POST", "https://example.amazonaws.com/", body: Array("b".utf8)),
            Self.sign("PUT", "https://example.amazonaws.com/", body: Array("a".utf8)),
            Self.sign("POST", "https://example.amazonaws.com/x", body: Array("a".utf8)),
            Self.sign("POST", "https://example.amazonaws.com/", body: Array("a".utf8), credentials: otherSecret),
            Self.sign("POST", "https://example.amazonaws.com/", body: Array("a".utf8), service: "other"),
        ]
        for variant in variants {
            #expect(variant.signature != base.signature)
        }
    }

    @Test func descriptionsNeverShowTheSignature() {
        let signed = Self.sign("https://example.amazonaws.com/")
        #expect(!signed.description.contains(signed.signature))
        #expect(!String(describing: signed).contains(signed.signature))
        #expect(signed.description.contains("20150830/us-east-1/service/aws4_request"))
    }
}
