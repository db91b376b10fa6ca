import PCHTTP

/// Server-side encryption asked for on PutObject (Terraform's backend
/// `encrypt = true` is `.aes256`, with `kms_key_id` it is `.kms`).
public enum S3Encryption: Sendable, Equatable, CustomStringConvertible {
    /// The bucket's default encryption applies (on AWS, at least SSE-S3).
    case none
    /// SSE-S3: keys managed by S3 (`x-amz-server-side-encryption: AES256`).
    case aes256
    /// SSE-KMS with this key (ID, ARN or alias), or with the account's
    /// `aws/s3` key when nil.
    case kms(keyID: String?)

    /// The request headers that ask for it.
    public var headers: [HTTPHeader] {
        switch self {
        case .none:
            return []
        case .aes256:
            return [HTTPHeader("x-amz-server-side-encryption", "AES256")]
        case .kms(let keyID):
            var headers = [HTTPHeader("x-amz-server-side-encryption", "aws:kms")]
            if let keyID, !keyID.isEmpty { headers.append(HTTPHeader("x-amz-server-side-encryption-aws-kms-key-id", keyID)) }
            return headers
        }
    }

    public var description: String {
        switch self {
        case .none: "the bucket's default encryption"
        case .aes256: "SSE-S3 (AES256)"
        case .kms(let keyID): keyID.map { "SSE-KMS with key \($0)" } ?? "SSE-KMS with the aws/s3 key"
        }
    }
}
