import PCHTTP

/// What S3 says about a stored object without its bytes (HeadObject, the
/// headers of GetObject and PutObject).
public struct S3ObjectMetadata: Sendable, Equatable {
    /// As S3 sends it, quotes included (`"9b2cf535f27731c974343645a3985328"`);
    /// pass it back in `S3WriteCondition.ifMatch`.
    public var etag: String
    /// Set when the bucket has versioning on (`null` when it is suspended).
    public var versionID: String?
    /// Bytes; nil when the reply did not say (PutObject).
    public var size: Int?
    public var contentType: String?
    /// `AES256`, `aws:kms`, … as S3 reports it; nil when it reports none.
    public var serverSideEncryption: String?
    /// The KMS key of an `aws:kms` object.
    public var kmsKeyID: String?

    public init(
        etag: String, versionID: String? = nil, size: Int? = nil, contentType: String? = nil,
        serverSideEncryption: String? = nil, kmsKeyID: String? = nil
    ) {
        self.etag = etag
        self.versionID = versionID
        self.size = size
        self.contentType = contentType
        self.serverSideEncryption = serverSideEncryption
        self.kmsKeyID = kmsKeyID
    }

    /// Reads the headers of a HeadObject, GetObject or PutObject reply;
    /// nil when there is no ETag, which every one of them carries.
    init?(headers response: HTTPResponse) {
        guard let etag = response.header("ETag"), !etag.isEmpty else { return nil }
        self.init(
            etag: etag,
            versionID: response.header("x-amz-version-id"),
            size: response.header("Content-Length").flatMap { Int($0) },
            contentType: response.header("Content-Type"),
            serverSideEncryption: response.header("x-amz-server-side-encryption"),
            kmsKeyID: response.header("x-amz-server-side-encryption-aws-kms-key-id"))
    }
}

/// What a successful PutObject returns.
public struct S3PutResult: Sendable, Equatable {
    /// The new object's ETag, quotes included, for the next `ifMatch`.
    public var etag: String
    /// Set when the bucket has versioning on.
    public var versionID: String?
    /// The encryption S3 applied, as it reports it.
    public var serverSideEncryption: String?

    public init(etag: String, versionID: String? = nil, serverSideEncryption: String? = nil) {
        self.etag = etag
        self.versionID = versionID
        self.serverSideEncryption = serverSideEncryption
    }
}
