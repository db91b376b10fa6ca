/// A failed S3 call, with the outcomes the state backend acts on singled
/// out: a bucket setting that is wrong (no such bucket, another region, no
/// access) and a conditional write that lost. Everything else is the
/// `AWSError` of the call.
///
/// Messages never quote an object's bytes: S3 error replies are XML
/// documents about the request, and only their code and message are kept.
public enum S3Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// `NoSuchBucket` (HeadBucket: a bodiless 404): no bucket of that name.
    case noSuchBucket(bucket: String, region: String, AWSError)
    /// The bucket lives in `bucketRegion` (nil when S3 did not say), not in
    /// `region`, where the request went: a 301 `PermanentRedirect`, a 400
    /// `AuthorizationHeaderMalformed`, or a HeadBucket whose
    /// `x-amz-bucket-region` differs. The error is nil in the last case,
    /// where S3 answered 200.
    case wrongRegion(bucket: String, region: String, bucketRegion: String?, AWSError?)
    /// `AccessDenied` (HeadBucket: a bodiless 403): the credentials may not
    /// do this to the bucket or object, or the bucket is another account's.
    case accessDenied(bucket: String, key: String?, AWSError)
    /// `PreconditionFailed` (412), `ConditionalRequestConflict` (409), or
    /// `NoSuchKey` under `ifMatch`: the write's condition did not hold, so
    /// nothing was written. Not a failure of the service: the answer to
    /// "only if …", which the caller settles by reading again.
    case preconditionFailed(bucket: String, key: String, condition: S3WriteCondition, AWSError)
    /// A bucket name or key that cannot be used, found before sending.
    case invalidName(String)
    /// A successful reply without what S3 documents for it.
    case invalidReply(bucket: String, operation: String, reason: String)
    /// Any other failure (credentials, throttling after the retries,
    /// transport, validation).
    case aws(AWSError)

    /// The service's error behind this one, if a reply or transport failure caused it.
    public var awsError: AWSError? {
        switch self {
        case .noSuchBucket(_, _, let error), .accessDenied(_, _, let error), .preconditionFailed(_, _, _, let error),
             .aws(let error):
            error
        case .wrongRegion(_, _, _, let error): error
        case .invalidName, .invalidReply: nil
        }
    }

    public var isPreconditionFailure: Bool {
        if case .preconditionFailed = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .noSuchBucket(let bucket, let region, let error):
            return "S3 bucket \"\(bucket)\" does not exist (s3 \(error.operation) in region \(region): \(error.code)); "
                + "create it first, or correct the bucket name"
        case .wrongRegion(let bucket, let region, let bucketRegion, let error):
            let answer = error.map { " (s3 \($0.operation): \($0.code)\($0.message.isEmpty ? "" : ": " + $0.message))" } ?? ""
            guard let bucketRegion else {
                return "S3 bucket \"\(bucket)\" is not in region \(region)\(answer); set the region to the bucket's region"
            }
            return "S3 bucket \"\(bucket)\" is in region \(bucketRegion), not in \(region)\(answer); "
                + "set the region to \"\(bucketRegion)\""
        case .accessDenied(let bucket, let key, let error):
            let target = key.map { "object \"\($0)\" in S3 bucket \"\(bucket)\"" } ?? "S3 bucket \"\(bucket)\""
            return "access to \(target) was denied (s3 \(error.operation): \(error.code): \(error.message)); the credentials "
                + "need s3:ListBucket on the bucket and s3:GetObject, s3:PutObject and s3:DeleteObject on its objects, "
                + "or the bucket belongs to another account"
        case .preconditionFailed(let bucket, let key, let condition, let error):
            return "s3 \(error.operation) of s3://\(bucket)/\(key) was refused: its condition \(condition) did not hold "
                + "(\(error.code)), so nothing was written"
        case .invalidName(let message):
            return message
        case .invalidReply(let bucket, let operation, let reason):
            return "s3 \(operation) on bucket \"\(bucket)\": the reply could not be read: \(reason)"
        case .aws(let error):
            return error.description
        }
    }
}

/// What an S3 call was about, for sorting its failure.
struct S3CallContext: Sendable {
    var operation: String
    var bucket: String
    var key: String?
    /// The region the request was signed for.
    var region: String
    var condition: S3WriteCondition = .none
    var credentials: AWSCredentials
}

extension S3Error {
    /// Sorts a call's failure into the cases above. `bucketRegion` is the
    /// reply's `x-amz-bucket-region`, when it had one.
    static func from(_ failure: AWSError, bucketRegion: String?, context: S3CallContext) -> S3Error {
        var error = failure
        switch error.code {
        case "NoSuchBucket":
            return .noSuchBucket(bucket: context.bucket, region: context.region, error)
        case "PreconditionFailed", "ConditionalRequestConflict":
            if context.condition.isConditional {
                return .preconditionFailed(bucket: context.bucket, key: context.key ?? "", condition: context.condition, error)
            }
        case "NoSuchKey":
            // If-Match on an object that is gone: the version the caller
            // holds is no longer current, as with any other ETag mismatch.
            if case .ifMatch = context.condition {
                return .preconditionFailed(bucket: context.bucket, key: context.key ?? "", condition: context.condition, error)
            }
        case "AccessDenied", "AllAccessDisabled":
            error.message += credentialsNote(context)
            return .accessDenied(bucket: context.bucket, key: context.key, error)
        case "InvalidAccessKeyId", "InvalidToken", "TokenRefreshRequired":
            error.message += credentialsNote(context)
            return .aws(error)
        default:
            break
        }
        if error.httpStatus == 301 || error.code == "PermanentRedirect" || error.code == "AuthorizationHeaderMalformed"
            || (bucketRegion != nil && error.httpStatus == 400) {
            let region = bucketRegion ?? expectedRegion(in: error.message)
            if error.code != "AuthorizationHeaderMalformed" || region != nil {
                return .wrongRegion(bucket: context.bucket, region: context.region, bucketRegion: region, error)
            }
        }
        return .aws(error)
    }

    private static func credentialsNote(_ context: S3CallContext) -> String {
        " (credentials from \(context.credentials.source), access key \(context.credentials.accessKeyID))"
    }

    /// The region in S3's "the region 'us-east-1' is wrong; expecting
    /// 'eu-west-1'", the message of `AuthorizationHeaderMalformed`.
    static func expectedRegion(in message: String) -> String? {
        guard let marker = message.range(of: "expecting '") else { return nil }
        let region = message[marker.upperBound...].prefix { $0 != "'" }
        guard !region.isEmpty, region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        return String(region)
    }
}
