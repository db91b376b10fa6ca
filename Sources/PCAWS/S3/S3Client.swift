import PCHTTP

/// The S3 calls the state backend needs: whole objects written under a
/// condition, read, deleted and listed, and the bucket checked before
/// anything is planned.
///
/// A thin, typed layer over `AWSClient.restXML(.s3, …)`: requests are
/// signed (with `x-amz-content-sha256` on every one), retried and logged by
/// the client as every other call, and object bytes appear in the debug
/// log by size and SHA-256 only. Endpoint and credentials are the client's,
/// resolved as for the provider; the endpoint's key is `s3`
/// (`AWS_ENDPOINT_URL_S3`). See `S3Addressing` for where requests go.
public struct S3Client: Sendable {
    public let aws: AWSClient
    /// Path-style addressing even on AWS's endpoint (Terraform's `use_path_style`).
    public let usePathStyle: Bool

    public init(_ aws: AWSClient, usePathStyle: Bool = false) {
        self.aws = aws
        self.usePathStyle = usePathStyle
    }

    /// How requests for buckets in `region` (the client's by default) are addressed.
    public func addressing(region: String? = nil) throws(S3Error) -> S3Addressing {
        let region = region ?? aws.region
        return S3Addressing(endpoint: try endpoint(region: region), region: region, usePathStyle: usePathStyle)
    }

    // MARK: Buckets

    /// Succeeds when the bucket exists, is in the client's region and the
    /// credentials may list it; otherwise `.noSuchBucket`, `.wrongRegion`
    /// (naming the bucket's region when S3 does) or `.accessDenied`. A 200
    /// whose `x-amz-bucket-region` is another region is `.wrongRegion` too
    /// unless `checkRegion` is false: later calls signed for the wrong
    /// region would fail less clearly (moto answers 200 there).
    public func headBucket(_ bucket: String, checkRegion: Bool = true) throws(S3Error) {
        try headBucket(bucket, region: aws.region, checkRegion: checkRegion)
    }

    private func headBucket(_ bucket: String, region: String, checkRegion: Bool) throws(S3Error) {
        let response = try exchange("HeadBucket", bucket: bucket, method: "HEAD", region: region, idempotent: true)
        if checkRegion, let bucketRegion = response.header("x-amz-bucket-region"), !bucketRegion.isEmpty,
           bucketRegion != region {
            throw .wrongRegion(bucket: bucket, region: region, bucketRegion: bucketRegion, nil)
        }
    }

    /// Creates `bucket` in `region` (the client's by default), sending the
    /// request to that region; LocationConstraint is omitted for us-east-1,
    /// which refuses it. A bucket the caller already owns in that region is
    /// success (us-east-1 answers 200, the other regions
    /// `BucketAlreadyOwnedByYou`, after which HeadBucket checks the region),
    /// so bootstrapping can run twice. For tests and bootstrapping; the
    /// backend never creates buckets.
    public func createBucket(_ bucket: String, region: String? = nil) throws(S3Error) {
        let region = region ?? aws.region
        var body: [UInt8] = []
        var headers: [HTTPHeader] = []
        if region != "us-east-1" {
            body = Array(
                ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<LocationConstraint>\(region)</LocationConstraint></CreateBucketConfiguration>").utf8)
            headers = [HTTPHeader("Content-Type", "application/xml")]
        }
        do throws(S3Error) {
            _ = try exchange(
                "CreateBucket", bucket: bucket, method: "PUT", headers: headers, body: body, region: region, idempotent: true)
        } catch {
            guard error.awsError?.code == "BucketAlreadyOwnedByYou" else { throw error }
            try headBucket(bucket, region: region, checkRegion: true)
        }
    }

    // MARK: Objects

    /// The object's bytes and metadata, or nil when there is no object with
    /// that key (`NoSuchKey`).
    public func getObject(_ bucket: String, _ key: String) throws(S3Error) -> S3Object? {
        let response: HTTPResponse
        do throws(S3Error) {
            response = try exchange("GetObject", bucket: bucket, key: key, method: "GET", idempotent: true, opaqueBody: true)
        } catch {
            if error.awsError?.code == "NoSuchKey" { return nil }
            throw error
        }
        guard var metadata = S3ObjectMetadata(headers: response) else {
            throw .invalidReply(bucket: bucket, operation: "GetObject", reason: "the reply has no ETag header")
        }
        metadata.size = response.body.count
        return S3Object(bytes: response.body, metadata: metadata)
    }

    /// The object's metadata without its bytes, or nil when there is no
    /// object with that key (a bodiless 404).
    public func headObject(_ bucket: String, _ key: String) throws(S3Error) -> S3ObjectMetadata? {
        let response = try exchange("HeadObject", bucket: bucket, key: key, method: "HEAD", idempotent: true, returning: [404])
        if response.status == 404 { return nil }
        guard let metadata = S3ObjectMetadata(headers: response) else {
            throw .invalidReply(bucket: bucket, operation: "HeadObject", reason: "the reply has no ETag header")
        }
        return metadata
    }

    /// Writes `bytes` as the whole object if `condition` holds, encrypted
    /// as `encryption` asks. A condition that does not hold is
    /// `.preconditionFailed` and nothing is written. Conditional writes are
    /// retried only when the earlier attempt surely had no effect (refused
    /// connection, throttling): repeating one that succeeded would fail its
    /// own condition.
    @discardableResult
    public func putObject(
        _ bucket: String, _ key: String, _ bytes: [UInt8], condition: S3WriteCondition = .none,
        encryption: S3Encryption = .none, contentType: String = "application/octet-stream"
    ) throws(S3Error) -> S3PutResult {
        let headers = [HTTPHeader("Content-Type", contentType)] + condition.headers + encryption.headers
        let response = try exchange(
            "PutObject", bucket: bucket, key: key, method: "PUT", headers: headers, body: bytes, condition: condition,
            idempotent: !condition.isConditional, opaqueBody: true)
        guard let etag = response.header("ETag"), !etag.isEmpty else {
            throw .invalidReply(bucket: bucket, operation: "PutObject", reason: "the reply has no ETag header")
        }
        return S3PutResult(
            etag: etag, versionID: response.header("x-amz-version-id"),
            serverSideEncryption: response.header("x-amz-server-side-encryption"))
    }

    /// Deletes the object; deleting an object that does not exist succeeds.
    public func deleteObject(_ bucket: String, _ key: String) throws(S3Error) {
        do throws(S3Error) {
            _ = try exchange("DeleteObject", bucket: bucket, key: key, method: "DELETE", idempotent: true)
        } catch {
            // AWS answers 204 for a missing key; some compatible stores say NoSuchKey.
            if error.awsError?.code == "NoSuchKey" { return }
            throw error
        }
    }

    /// Every key that starts with `prefix`, in S3's order (UTF-8 bytes),
    /// following continuation tokens (ListObjectsV2, `pageSize` keys per
    /// request, 1–1000). A truncated page without a token, or a token seen
    /// before, is `.invalidReply`: the listing could not be completed, and
    /// a partial one must not pass for whole.
    public func listObjects(_ bucket: String, prefix: String = "", pageSize: Int = 1000) throws(S3Error) -> [String] {
        var keys: [String] = []
        var token: String?
        var seen: Set<String> = []
        var page = 1
        while true {
            var query = [("list-type", "2"), ("max-keys", String(min(max(pageSize, 1), 1000)))]
            if !prefix.isEmpty { query.append(("prefix", prefix)) }
            if let token { query.append(("continuation-token", token)) }
            let response = try exchange("ListObjectsV2", bucket: bucket, method: "GET", query: query, idempotent: true)
            let listing: S3ListPage
            do {
                listing = try S3ListPage(xml: response.body)
            } catch {
                throw .invalidReply(bucket: bucket, operation: "ListObjectsV2", reason: "page \(page): \(error.reason)")
            }
            keys += listing.keys
            guard listing.isTruncated else { return keys }
            guard let next = listing.nextContinuationToken, !next.isEmpty else {
                throw .invalidReply(
                    bucket: bucket, operation: "ListObjectsV2",
                    reason: "page \(page) is marked truncated but carries no continuation token, so the listing of "
                        + "prefix \"\(prefix)\" cannot be completed")
            }
            guard seen.insert(next).inserted else {
                throw .invalidReply(
                    bucket: bucket, operation: "ListObjectsV2",
                    reason: "page \(page) repeats an earlier continuation token, so the listing of prefix \"\(prefix)\" "
                        + "would never end")
            }
            token = next
            page += 1
        }
    }

    // MARK: The exchange

    private func endpoint(region: String) throws(S3Error) -> AWSEndpoint {
        do {
            return try AWSEndpointResolver.resolve(
                .s3, region: region, overrides: aws.endpointOverrides, environment: aws.environment)
        } catch {
            throw .aws(error)
        }
    }

    /// Sends one call and returns its 2xx reply, or its reply with a status
    /// in `returning`; any other outcome becomes the matching `S3Error`.
    private func exchange(
        _ operation: String, bucket: String, key: String? = nil, method: String, query: [(String, String)] = [],
        headers: [HTTPHeader] = [], body: [UInt8] = [], region: String? = nil, condition: S3WriteCondition = .none,
        idempotent: Bool, opaqueBody: Bool = false, returning: Set<Int> = []
    ) throws(S3Error) -> HTTPResponse {
        if let problem = S3Addressing.problem(withBucket: bucket) { throw .invalidName(problem) }
        if let key, let problem = S3Addressing.problem(withKey: key) { throw .invalidName(problem) }
        let region = region ?? aws.region
        let context = S3CallContext(
            operation: operation, bucket: bucket, key: key, region: region, condition: condition, credentials: aws.credentials)
        let endpoint = try endpoint(region: region)
        let addressing = S3Addressing(endpoint: endpoint, region: region, usePathStyle: usePathStyle)
        let target = AWSEndpoint(url: addressing.base(for: bucket), source: endpoint.source, signingRegion: endpoint.signingRegion)
        let request = HTTPRequest(
            method: method, url: addressing.url(bucket: bucket, key: key, query: query), headers: headers, body: body)
        // A redirect's meaning (the bucket's region) is in its headers, and a
        // HEAD reply has only status and headers; an AWSError keeps neither,
        // so such replies are read here.
        let readHere: Set<Int> = method == "HEAD" ? [301, 400, 403, 404] : [301]
        let response: HTTPResponse
        do {
            response = try aws.restXML(
                .s3, operation, endpoint: target, request: request, passing: readHere.union(returning),
                idempotent: idempotent, opaqueBody: opaqueBody)
        } catch {
            throw S3Error.from(error, bucketRegion: nil, context: context)
        }
        if (200..<300).contains(response.status) || returning.contains(response.status) { return response }
        throw S3Error.from(
            S3Client.error(in: response, operation: operation), bucketRegion: response.header("x-amz-bucket-region"),
            context: context)
    }

    /// The error in a reply read here: the parser's, with a code for the
    /// bodiless ones (HEAD), named as S3 would name it with a body.
    static func error(in response: HTTPResponse, operation: String) -> AWSError {
        var error = AWSErrorParser.parse(response, service: AWSService.s3.endpointKey, operation: operation)
        guard error.code == "HTTP\(response.status)" else { return error }
        let (code, meaning): (String?, String) = switch response.status {
        case 301: ("PermanentRedirect", "the bucket must be reached through another region's endpoint")
        case 400: ("BadRequest", "the request was refused")
        case 403: ("AccessDenied", "the credentials are not allowed, or not valid")
        case 404: (operation == "HeadBucket" ? "NoSuchBucket" : "NotFound", "not found")
        default: (nil, "")
        }
        guard let code else { return error }
        error.code = code
        error.message = "HTTP \(response.status) without a body (a reply to HEAD has none): \(meaning)"
        return error
    }
}

extension AWSClient {
    /// S3 calls through this client, virtual-hosted on AWS's endpoint.
    public var s3: S3Client { S3Client(self) }
}
